import { todayInChina } from '@xiangzhi/kernel';
import { withCheckChar } from '@xiangzhi/economy-api';
import { checkIdempotentCreate, countQueries } from '@xiangzhi/testing';
import { admin, approvedPlan, economySnapshot, execute, gridsSnapshot, organizations, readPlan, startScenario, type BuiltVillage, type Scenario } from './merger-scenario';

/**
 * 村建制调整 end to end through the gateway on the in-process bus: three villages of 511102 merged into
 * a new village (grids, economy and personnel steps over events), and a merger whose personnel step
 * fails (a cadre discharged after approval) undone in grids and economy. `saga.nats.spec.ts` runs the
 * same on NATS JetStream.
 */
export function describeSaga(title: string, natsUrl?: string): void {
  describe(title, () => {
    let s: Scenario;
    let merged: BuiltVillage[];
    let failing: BuiltVillage[];

    beforeAll(async () => {
      s = await startScenario(natsUrl);
      merged = [];
      for (const code of ['511102101201', '511102101202', '511102101203']) merged.push(await s.village(code));
      failing = [];
      for (const code of ['511102101204', '511102101205', '511102101206']) failing.push(await s.village(code));
      await s.settle();
    }, 300_000);

    afterAll(() => s?.platform.stop());

    it('merges three villages: sub-organisations with identical balances and members, households and residents moved, old codes retired, the new team posted', async () => {
      const orgIds = merged.map((v) => v.organizationId);
      const economyBefore = await economySnapshot(s, orgIds);
      const plan = await approvedPlan(s, merged, '511102101350', '0000350');
      expect(plan).toMatchObject({ status: 'APPROVED', riskLevel: 'MEDIUM' });
      expect(plan.sources.map((x) => x.inventory)).toEqual([
        // 120,000.00 + 45,678.90 + 3,210.00 (assets), 45,678.90 (liabilities), 8,800.50 林木 (resources)
        { organizationId: orgIds[0], assetsFen: '16888890', liabilitiesFen: '4567890', resourcesFen: '880050' },
        { organizationId: orgIds[1], assetsFen: '16888890', liabilitiesFen: '4567890', resourcesFen: '880050' },
        { organizationId: orgIds[2], assetsFen: '16888890', liabilitiesFen: '4567890', resourcesFen: '880050' },
      ]);

      const done = await execute(s, plan.id);
      expect(done.status).toBe('EXECUTED');
      expect(done.steps.map((x) => [x.step, x.state])).toEqual([['GRIDS', 'APPLIED'], ['ECONOMY', 'APPLIED'], ['PERSONNEL', 'APPLIED']]);

      // economy: the three source collectives under the new village's organisation, ledgers and members identical
      const children = await s.client.ok<{ collectiveOrganizations: { nodes: { id: string; villageCode: string; children: { id: string }[] }[] } }>(
        admin,
        `query($r: String!) { collectiveOrganizations(regionCode: $r, first: 10) { nodes { id villageCode children { id } } } }`,
        { r: '511102101350' },
      );
      expect(children.collectiveOrganizations.nodes).toHaveLength(1);
      expect(children.collectiveOrganizations.nodes[0].children.map((c) => c.id).sort()).toEqual([...orgIds].sort());
      const parentId = children.collectiveOrganizations.nodes[0].id;
      expect(await organizations(s, orgIds)).toEqual(merged.map((v) => ({ id: v.organizationId, status: 'MERGED', villageCode: v.code, parent: { id: parentId } })));
      expect(await economySnapshot(s, orgIds)).toEqual(economyBefore);

      // grids: households and residents in the new village, the old codes valid to the effective date
      const g = s.platform.subgraphs.grids.db.dataSource;
      const today = todayInChina();
      expect(await g.query(`SELECT code, valid_to::text AS valid_to FROM region WHERE code = ANY($1::text[]) ORDER BY code`, [merged.map((v) => v.code)])).toEqual(
        merged.map((v) => ({ code: v.code, valid_to: today })),
      );
      expect(await g.query(`SELECT name, valid_from::text AS valid_from, valid_to FROM region WHERE code = '511102101350'`)).toEqual([{ name: '新合村', valid_from: today, valid_to: null }]);
      const households = await s.client.ok<{ households: { totalCount: number; nodes: { number: string }[] } }>(admin, `query { households(regionCode: "511102101350", first: 20) { totalCount nodes { number } } }`);
      expect(households.households.nodes.map((h) => h.number).sort()).toEqual(['201-001', '202-001', '203-001']);
      expect(await g.query(`SELECT count(*)::int AS n FROM resident WHERE village_code = '511102101350'`)).toEqual([{ n: 6 }]);
      expect(await g.query(`SELECT code FROM grid WHERE village_code = '511102101350' ORDER BY code`)).toEqual([{ code: '511102101350001' }, { code: '511102101350002' }, { code: '511102101350003' }]);
      // the other subgraphs' projections followed the events
      expect(await s.platform.subgraphs.economy.db.dataSource.query(`SELECT count(*)::int AS n FROM resident_ref WHERE village_code = '511102101350'`)).toEqual([{ n: 6 }]);

      // personnel: the new team's posts, four kept cadres holding them from the effective date, one left with the subsidy
      const p = s.platform.subgraphs.personnel.db.dataSource;
      const posts: { code: string; holder_id: string | null }[] = await p.query(`SELECT code, holder_id FROM post WHERE village_code = '511102101350' ORDER BY code`);
      expect(posts.map((x) => x.code)).toEqual(['clerk', 'director', 'organisation', 'secretary', 'supervision']);
      expect(Object.fromEntries(posts.map((x) => [x.code, x.holder_id]))).toEqual({
        secretary: merged[0].cadres[0].id,
        organisation: merged[0].cadres[1].id,
        director: merged[1].cadres[0].id,
        clerk: merged[1].cadres[1].id,
        supervision: null,
      });
      expect(await p.query(`SELECT status, departure_date::text AS d FROM cadre WHERE id = $1`, [merged[2].cadres[1].id])).toEqual([{ status: 'LEFT', d: today }]);
      expect(await p.query(`SELECT amount_fen::text AS amount FROM cadre_departure_subsidy WHERE cadre_id = $1`, [merged[2].cadres[1].id])).toEqual([{ amount: '2000000' }]);
      expect(await p.query(`SELECT count(*)::int AS n FROM post_assignment WHERE cadre_id = $1 AND end_date IS NULL`, [merged[2].cadres[0].id])).toEqual([{ n: 0 }]);
    });

    it('undoes grids and economy exactly when the personnel step fails (a cadre discharged after approval), and says which step failed and why', async () => {
      const codes = failing.map((v) => v.code);
      const orgIds = failing.map((v) => v.organizationId);
      const plan = await approvedPlan(s, failing, '511102101351', '0000351');
      // after approval, one of the cadres to be kept leaves
      const leaving = failing[0].cadres[0];
      const cadre = await s.client.ok<{ cadre: { version: number } }>(admin, `query($id: ID!) { cadre(id: $id) { version } }`, { id: leaving.id });
      await s.client.ok(admin, `mutation($i: DischargeCadreInput!) { dischargeCadre(input: $i) { cadre { id } } }`, {
        i: { cadreId: leaving.id, departureType: 'RESIGNED', reason: '个人原因辞职', date: todayInChina(), expectedVersion: cadre.cadre.version },
      });
      await s.settle();
      const gridsBefore = await gridsSnapshot(s.platform, [...codes, '511102101351']);
      const economyBefore = await economySnapshot(s, orgIds);
      const orgsBefore = await organizations(s, orgIds);
      const personnelBefore = await s.platform.subgraphs.personnel.db.dataSource.query(
        `SELECT id, village_code, status, version FROM cadre WHERE village_code = ANY($1::text[]) ORDER BY id`,
        [codes],
      );

      const done = await execute(s, plan.id);
      expect(done).toMatchObject({ status: 'COMPENSATED', failedStep: 'PERSONNEL', failureRule: 'CADRE_STATE_CHANGED' });
      expect(done.failureReason).toContain(leaving.id);
      expect(done.failureReason).toMatch(/^干部状况与分流方案不符.*The cadre no longer matches/);
      expect(done.steps.map((x) => [x.step, x.state])).toEqual([['GRIDS', 'COMPENSATED'], ['ECONOMY', 'COMPENSATED'], ['PERSONNEL', 'FAILED']]);

      expect(await gridsSnapshot(s.platform, [...codes, '511102101351'])).toEqual(gridsBefore);
      expect(await economySnapshot(s, orgIds)).toEqual(economyBefore);
      expect(await organizations(s, orgIds)).toEqual(orgsBefore);
      const none = await s.client.ok<{ collectiveOrganizations: { totalCount: number } }>(admin, `query { collectiveOrganizations(regionCode: "511102101351", first: 5) { totalCount } }`);
      expect(none.collectiveOrganizations.totalCount).toBe(0);
      // personnel refused before writing anything
      expect(await s.platform.subgraphs.personnel.db.dataSource.query(`SELECT id, village_code, status, version FROM cadre WHERE village_code = ANY($1::text[]) ORDER BY id`, [codes])).toEqual(personnelBefore);
      // the projections of the other subgraphs are back too
      expect(await s.platform.subgraphs.economy.db.dataSource.query(`SELECT village_code, count(*)::int AS n FROM resident_ref WHERE village_code = ANY($1::text[]) GROUP BY village_code ORDER BY village_code`, [codes])).toEqual(
        codes.map((village_code) => ({ village_code, n: 2 })),
      );
      expect((await readPlan(s, plan.id)).status).toBe('COMPENSATED');
      // the whole plan (3 sources, 2 risks, 4 candidates with 16 reviews, 6 cadres, 3 steps) in six statements
      const { count } = await countQueries(s.platform.subgraphs.economy, () => readPlan(s, plan.id));
      expect(count).toBe(6);
    });

    it('answers PLUGIN_NOT_ENABLED outside 511102 and 513424, and refuses an incomplete plan before sending anything', async () => {
      const other = await s.client.gql({ id: 'admin-990102', roles: admin.roles, scope: '990102000000' }, `query { mergerStatistics(countyCode: "990102000000", before: "2020-01-01", after: "2021-01-01") { villagesChangePercent } }`);
      expect(s.client.codeOf(other)).toBe('PLUGIN_NOT_ENABLED');
      const stats = await s.client.ok<{ mergerStatistics: { before: { villages: number; averagePopulation: string }; after: { villages: number; averagePopulation: string }; populationChangePercent: string } }>(
        admin,
        `query($b: LocalDate!, $a: LocalDate!) { mergerStatistics(countyCode: "511102000000", before: $b, after: $a) { before { villages averagePopulation } after { villages averagePopulation } populationChangePercent } }`,
        { b: '2020-01-01', a: todayInChina() },
      );
      // 201–206 before; after: 204–206 and the merged 350 (1,200 + 1,300 + 1,400 people)
      expect(stats.mergerStatistics).toMatchObject({ before: { villages: 6 }, after: { villages: 4, averagePopulation: '3900.00' } });
      const draft = await s.client.gql(admin, `mutation($i: CreateMergerPlanInput!) { createMergerPlan(input: $i) { id } }`, {
        i: { sources: [{ villageCode: '511102101204', registeredPopulation: 1, areaHectares: 1 }], targetCode: '511102101204', targetName: '单村', effectiveDate: '2020-01-01', risks: [] },
      });
      expect(draft.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sources', rule: 'SOURCES_AT_LEAST_TWO' });
    });

    it('adds a candidate sent with a key twice, and three times at once, once per key; the key with another input is CONFLICT', async () => {
      const created = await s.client.ok<{ createMergerPlan: { id: string } }>(admin, `mutation($i: CreateMergerPlanInput!) { createMergerPlan(input: $i) { id } }`, {
        i: {
          sources: ['511102101205', '511102101206'].map((villageCode) => ({ villageCode, registeredPopulation: 1000, areaHectares: 200 })),
          targetCode: '511102101352',
          targetName: '重试村',
          effectiveDate: todayInChina(),
          risks: [{ description: '村民对村名变更有顾虑', level: 'LOW', mitigation: '召开村民大会说明' }],
          newOrganizationName: '重试村股份经济合作社',
          newOrganizationCreditCode: withCheckChar('N2511102MF0000352'),
        },
      });
      const planId = created.createMergerPlan.id;
      const sql = s.platform.subgraphs.economy.db.dataSource;
      const report = await checkIdempotentCreate(s.platform, admin, {
        mutation: 'addMergerCandidate',
        input: { planId, name: '重试候选人', postCode: 'secretary' },
        second: { planId, name: '重试候选人二', postCode: 'director' },
        other: { planId, name: '另一候选人', postCode: 'secretary' },
        select: 'id candidates { id }',
        count: async () => Number(((await sql.query('SELECT count(*)::int AS n FROM lsm_candidate WHERE plan_id = $1', [planId])) as { n: number }[])[0].n),
      });
      expect(report.written).toBe(2);
    });
  });
}

