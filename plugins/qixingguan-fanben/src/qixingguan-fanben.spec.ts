import { subgraph as grids } from '@xiangzhi/grids';
import type { DataSource } from 'typeorm';
import { createLogger, recordOutboxEvents, todayInChina } from '@xiangzhi/kernel';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { actors, countQueries, nonNullPluginFields, startPluginTestPlatform, type PluginTestPlatform, type VillageFixture } from '@xiangzhi/testing';
import plugin, { DEFAULT_CONFIG, seedQixingguanFanben } from './index';
import { publisherOutbox } from './testing/publisher-outbox';

/**
 * 七星关区 520502 through the real gateway (PGlite, or PostgreSQL with TEST_DATABASE_URL) with grids and
 * personnel. The economy, civility and legal events reach the plugin's consumers through the real
 * bus and consumer runtime (`drainEvents`) from outbox tables `economy_event`, `civility_event` and
 * `legal_event`, registered with the platform's bus as those subgraphs register theirs and written with
 * `recordOutboxEvents` as they write them (those subgraphs do not compose with personnel in one
 * process yet: see `testing/publisher-outbox.ts`). Village A meets every standard of the 示范 tier;
 * village B has 20,000 of operating income. A control county has the plugin installed, not enabled.
 */

const YEAR = 2025;
const PAY_MONTH = '2026-01';

const APPLY = `mutation ($i: ApplyForExemplarTierInput!) { applyForExemplarTier(input: $i) { id villageCode year tier status version } }`;
const SCREEN = `mutation ($i: ScreenExemplarApplicationInput!) { screenExemplarApplication(input: $i) { id status screenedBy version } }`;
const ASSESS = `mutation ($i: AssessExemplarVillageInput!) { assessExemplarVillage(input: $i) {
  id villageCode year tier rated ratedTier stoppedBy stoppedByIndicator conclusionZh conclusionEn
  standards { order code goal indicator comparison threshold value passed explanationZh explanationEn }
  reward { tier perCadre activityFunds payMonth } } }`;
const RECORD = `mutation ($i: RecordVillageIndicatorInput!) { recordVillageIndicator(input: $i) { villageCode year indicator value recordedBy } }`;
const ASSESSMENT = `query ($v: String!, $y: Int!) { exemplarAssessment(villageCode: $v, year: $y) { rated ratedTier stoppedBy standards { code passed } } }`;
const TIER = `query ($c: ID!) { region(code: $c) { code exemplarTier(year: ${YEAR}) } }`;
const APPRAISE = `mutation ($i: RecordAppraisalInput!) { recordAppraisal(input: $i) { id } }`;
const FINALIZE = `mutation ($t: String!, $y: Int!) { finalizeAnnualRatings(townshipCode: $t, year: $y) { ratings { finalRating } } }`;
const PAYROLL = `mutation ($v: String!, $m: String!) { computePayroll(villageCode: $v, month: $m) {
  records { cadre { id } components { kind amount decision { policy rule zh } } } } }`;

interface Standard {
  order: number | null;
  code: string;
  indicator: string;
  threshold: string;
  value: string | null;
  passed: boolean | null;
  explanationZh: string;
}
interface Assessment {
  rated: boolean;
  ratedTier: string | null;
  stoppedBy: string | null;
  stoppedByIndicator: string | null;
  conclusionZh: string;
  conclusionEn: string;
  standards: Standard[];
  reward: { tier: string; perCadre: string; activityFunds: string; payMonth: string } | null;
}
interface PayComponent {
  kind: string;
  amount: number;
  decision: { policy: string; rule: string; zh: string };
}

describe('qixingguan-fanben (七星关区 520502, gateway)', () => {
  let p: PluginTestPlatform;
  let a: VillageFixture;
  let b: VillageFixture;
  let control: VillageFixture;
  let outboxes: Record<'economy' | 'civility' | 'legal', DataSource>;
  const admin = () => actors.countyAdmin(p.county.code);
  const officer = () => actors.townshipOfficer(p.county.township());
  const personnelRows = () => p.rows('personnel');

  async function rateTeam(v: VillageFixture): Promise<void> {
    for (const cadre of v.cadres) {
      const scores = ['morality', 'ability', 'diligence', 'results', 'integrity'].map((dimension) => ({ dimension, score: 85 }));
      await p.client.ok(admin(), APPRAISE, { i: { cadreId: cadre.id, periodType: 'YEAR', period: String(YEAR), scores } });
    }
  }

  async function record(villageCode: string, indicator: string, value: string): Promise<void> {
    await p.client.ok(officer(), RECORD, { i: { villageCode, year: YEAR, indicator, value } });
  }

  async function applyAndScreen(villageCode: string, tier: string): Promise<string> {
    const applied = await p.client.ok<{ applyForExemplarTier: { id: string; version: number } }>(actors.villageCadre(villageCode), APPLY, { i: { villageCode, year: YEAR, tier } });
    const { id, version } = applied.applyForExemplarTier;
    await p.client.ok(officer(), SCREEN, { i: { applicationId: id, approve: true, expectedVersion: version, note: '择优上报' } });
    return id;
  }

  beforeAll(async () => {
    p = await startPluginTestPlatform({ plugin, subgraphs: [grids, personnel], county: '520502000000' });
    outboxes = {
      economy: await publisherOutbox(p, 'economy_event', 'economy'),
      civility: await publisherOutbox(p, 'civility_event', 'civility'),
      legal: await publisherOutbox(p, 'legal_event', 'legal'),
    };
    a = await p.fixtures.village({ code: p.county.village(1), cadres: 5 });
    b = await p.fixtures.village({ code: p.county.village(2), cadres: 5 });
    control = await p.fixtures.village({ code: p.control.village(1), cadres: 1 });
    await rateTeam(a);
    await rateTeam(b);
    await p.client.ok(admin(), FINALIZE, { t: p.county.township(), y: YEAR });
  }, 180_000);

  afterAll(() => p?.stop());

  it('declares every field it adds nullable', async () => {
    expect(await nonNullPluginFields(plugin, [personnel])).toEqual([]);
  });

  it('keeps the indicators other subgraphs publish in its own projections, fed by their events', async () => {
    const income = (villageCode: string, voucherId: string, month: number, fen: string, monthTotalFen: string) => ({ organizationId: `org-${villageCode}`, villageCode, year: YEAR, month, voucherId, operatingIncomeFen: fen, monthTotalFen });
    await outboxes.economy.transaction(async (m) => {
      await recordOutboxEvents(m, 'economy_event', 'economy.income.recorded', [
        income(a.code, 'v1', 6, '3000000', '3000000'),
        income(a.code, 'v2', 6, '2500000', '5500000'),
        income(a.code, 'v3', 6, '-500000', '5000000'), // a reversal
        income(b.code, 'v4', 7, '2000000', '2000000'),
        income(control.code, 'v5', 7, '9000000', '9000000'),
      ]);
      await recordOutboxEvents(m, 'economy_event', 'economy.period.closed', [{ organizationId: `org-${a.code}`, villageCode: a.code, year: YEAR, month: 6, closedOn: `${YEAR}-07-05` }]);
    });
    const civilityDb = outboxes.civility;
    const legalDb = outboxes.legal;
    const rated = (village: string, stars: number[]) => ({
      regionCode: p.county.code,
      villageCode: village,
      year: YEAR,
      policy: 'baseline',
      ratings: stars.map((s, i) => ({ householdId: `${village}-h${i}`, stars: s, points: s * 20 })),
    });
    await civilityDb.transaction(async (m) => {
      // a first run, then a new run that replaces village A's ratings of the year
      await recordOutboxEvents(m, 'civility_event', 'civility.stars.rated', [rated(a.code, [1, 1, 1]), rated(b.code, [3, 3, 1, 4])]);
      await recordOutboxEvents(m, 'civility_event', 'civility.stars.rated', [rated(a.code, [4, 4, 3, 5, 2, 1, 3, 4])]);
      await recordOutboxEvents(m, 'civility_event', 'civility.list.published', [
        { listId: 'l1', villageCode: a.code, month: `${YEAR}-03`, red: [], black: [], policy: 'baseline' },
        { listId: 'l2', villageCode: a.code, month: `${YEAR}-04`, red: [], black: [{ householdId: `${a.code}-h5`, ruleCode: 'D-01', points: -10 }], policy: 'baseline' },
        { listId: 'l3', villageCode: control.code, month: `${YEAR}-04`, red: [], black: [{ householdId: 'x', ruleCode: 'D-01', points: -10 }], policy: 'baseline' },
      ]);
    });
    await legalDb.transaction(async (m) => {
      const dispute = { disputeId: 'd-a-1', villageCode: a.code, category: 'NEIGHBOUR', tier: 'VILLAGE', riskLevel: 'LOW', crimeRisk: false, openedOn: `${YEAR}-04-02`, deadline: `${YEAR}-04-11`, incidentId: null };
      await recordOutboxEvents(m, 'legal_event', 'legal.dispute.opened', [dispute]);
      await recordOutboxEvents(m, 'legal_event', 'legal.dispute.closed', [{ disputeId: 'd-a-1', villageCode: a.code, outcome: 'MEDIATED', tier: 'VILLAGE', openedOn: `${YEAR}-04-02`, closedOn: `${YEAR}-04-09` }]);
      await recordOutboxEvents(m, 'legal_event', 'legal.designation.made', [
        { villageCode: a.code, year: YEAR, kind: 'NO_LITIGATION_VILLAGE', designated: true, decidedOn: `${YEAR + 1}-01-05`, policySource: 'baseline', reasonsFor: [], reasonsAgainst: [] },
      ]);
    });
    await p.drainEvents();

    const db = p.subgraphs.personnel.db.dataSource;
    const incomes = (await db.query(`SELECT village_code, operating_income_fen::text AS fen FROM qxg_village_income WHERE year = $1 ORDER BY village_code`, [YEAR])) as { village_code: string; fen: string }[];
    expect(incomes).toEqual([
      { village_code: a.code, fen: '5000000' },
      { village_code: b.code, fen: '2000000' },
    ]); // the control county's income is not kept
    // delivered again (a replay, a restart): applied once
    await p.drainEvents();
    expect(await personnelRows()('qxg_village_income', 'village_code = $1 AND operating_income_fen = 5000000', [a.code])).toBe(1);
    const stars = (await db.query(`SELECT stars, households FROM qxg_star_count WHERE village_code = $1 AND year = $2 ORDER BY stars`, [a.code, YEAR])) as { stars: number; households: number }[];
    expect(stars).toEqual([
      { stars: 1, households: 1 },
      { stars: 2, households: 1 },
      { stars: 3, households: 2 },
      { stars: 4, households: 3 },
      { stars: 5, households: 1 },
    ]);
    expect(await personnelRows()('qxg_black_list', 'village_code = $1 AND black_rows > 0', [a.code])).toBe(1);
    expect(await personnelRows()('qxg_black_list', 'village_code = $1', [control.code])).toBe(0); // a county without the plugin is not kept
    expect(await personnelRows()('qxg_dispute', 'village_code = $1 AND closed_on IS NOT NULL', [a.code])).toBe(1);
    expect(await personnelRows()('qxg_designation', 'village_code = $1 AND designated', [a.code])).toBe(1);

    // the figures no subgraph holds come from the township
    for (const v of [a.code, b.code]) {
      await record(v, 'ENVIRONMENT_SCORE', '85');
      await record(v, 'SELF_GOVERNANCE_SCORE', '85');
      await record(v, 'PER_CAPITA_INCOME', '9000.00');
    }
  });

  it('refuses bad input before writing anything', async () => {
    const before = await personnelRows()('qxg_application');
    const indicators = await personnelRows()('qxg_recorded_indicator');
    const malformed = await p.client.gql(actors.villageCadre(a.code), APPLY, { i: { villageCode: '52050210120', year: YEAR, tier: 'MODEL' } });
    expect(p.client.codeOf(malformed)).toBe('BAD_USER_INPUT');
    const township = await p.client.gql(admin(), APPLY, { i: { villageCode: p.county.township(), year: YEAR, tier: 'MODEL' } });
    expect(p.client.codeOf(township)).toBe('BAD_USER_INPUT');
    const score = await p.client.gql(officer(), RECORD, { i: { villageCode: a.code, year: YEAR, indicator: 'ENVIRONMENT_SCORE', value: '120' } });
    expect(p.client.codeOf(score)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(score.errors)).toContain('value = 120');
    const future = await p.client.gql(officer(), RECORD, { i: { villageCode: a.code, year: 2100, indicator: 'PER_CAPITA_INCOME', value: '9000.00' } });
    expect(p.client.codeOf(future)).toBe('BAD_USER_INPUT');
    const otherVillage = await p.client.gql(actors.villageCadre(b.code), APPLY, { i: { villageCode: a.code, year: YEAR, tier: 'MODEL' } });
    expect(p.client.codeOf(otherVillage)).toBe('FORBIDDEN');
    expect(await personnelRows()('qxg_application')).toBe(before);
    expect(await personnelRows()('qxg_recorded_indicator')).toBe(indicators);
  });

  it('does not rate a village with operating income under 30,000: that indicator stopped it, nothing else was assessed', async () => {
    const applied = await p.client.ok<{ applyForExemplarTier: { id: string; version: number } }>(actors.villageCadre(b.code), APPLY, { i: { villageCode: b.code, year: YEAR, tier: 'STANDARD' } });
    const id = applied.applyForExemplarTier.id;
    // not screened yet: the district cannot assess it, and nothing is written
    const early = await p.client.gql(admin(), ASSESS, { i: { applicationId: id } });
    expect(p.client.codeOf(early)).toBe('BAD_USER_INPUT');
    expect(await personnelRows()('qxg_assessment')).toBe(0);
    await p.client.ok(officer(), SCREEN, { i: { applicationId: id, approve: true, expectedVersion: applied.applyForExemplarTier.version } });
    // one tier per village and year
    const again = await p.client.gql(actors.villageCadre(b.code), APPLY, { i: { villageCode: b.code, year: YEAR, tier: 'MODEL' } });
    expect(p.client.codeOf(again)).toBe('CONFLICT');

    const data = await p.client.ok<{ assessExemplarVillage: Assessment }>(admin(), ASSESS, { i: { applicationId: id, payMonth: PAY_MONTH } });
    const r = data.assessExemplarVillage;
    expect(r).toMatchObject({ rated: false, ratedTier: null, stoppedBy: 'COLLECTIVE_ECONOMY', stoppedByIndicator: 'OPERATING_INCOME', reward: null });
    expect(r.standards[0]).toMatchObject({ order: 1, code: 'COLLECTIVE_ECONOMY', value: '20000.00', threshold: '30000.00', passed: false });
    expect(r.standards.slice(1).every((s) => s.passed === null && s.order === null)).toBe(true);
    expect(r.conclusionZh).toContain('未达标');
    expect(r.conclusionEn).toContain('not rated');
    expect(await personnelRows()('qxg_reward', 'village_code = $1', [b.code])).toBe(0);
    const tier = await p.client.ok<{ region: { exemplarTier: string | null } }>(admin(), TIER, { c: b.code });
    expect(tier.region.exemplarTier).toBeNull();
  });

  it('rates a village meeting every standard at the tier it applied for, explaining each', async () => {
    const id = await applyAndScreen(a.code, 'MODEL');
    const data = await p.client.ok<{ assessExemplarVillage: Assessment }>(admin(), ASSESS, { i: { applicationId: id, payMonth: PAY_MONTH } });
    const r = data.assessExemplarVillage;
    expect(r).toMatchObject({ rated: true, ratedTier: 'MODEL', stoppedBy: null, reward: { tier: 'MODEL', perCadre: '20000.00', activityFunds: '20000.00', payMonth: PAY_MONTH } });
    expect(r.standards).toHaveLength(10);
    expect(r.standards.every((s) => s.passed === true)).toBe(true);
    const byCode = Object.fromEntries(r.standards.map((s) => [s.code, s]));
    expect(byCode.COLLECTIVE_ECONOMY).toMatchObject({ value: '50000.00', threshold: '30000.00' });
    expect(byCode.FEATURED_INDUSTRY).toMatchObject({ value: '9000.00', threshold: '7350.00' });
    expect(byCode.ONE_CORE_MULTI).toMatchObject({ value: '100' });
    expect(byCode.CADRE_PERFORMANCE).toMatchObject({ value: '100' });
    expect(byCode.CULTURAL_LIFE).toMatchObject({ value: '75' }); // 6 of 8 households with 3 stars or more
    expect(byCode.CIVILITY_LISTS).toMatchObject({ value: '1' });
    expect(byCode.RULE_OF_LAW).toMatchObject({ value: '1' });
    expect(byCode.PUBLIC_SECURITY).toMatchObject({ value: '0' });

    // assessed once: again is refused and writes nothing
    const assessments = await personnelRows()('qxg_assessment');
    const again = await p.client.gql(admin(), ASSESS, { i: { applicationId: id, payMonth: PAY_MONTH } });
    expect(p.client.codeOf(again)).toBe('BAD_USER_INPUT');
    expect(await personnelRows()('qxg_assessment')).toBe(assessments);
    expect(await personnelRows()('qxg_reward', 'village_code = $1', [a.code])).toBe(1);

    const stored = await p.client.ok<{ exemplarAssessment: { rated: boolean; ratedTier: string } }>(officer(), ASSESSMENT, { v: a.code, y: YEAR });
    expect(stored.exemplarAssessment).toMatchObject({ rated: true, ratedTier: 'MODEL' });
    const tier = await p.client.ok<{ region: { exemplarTier: string | null } }>(admin(), TIER, { c: a.code });
    expect(tier.region.exemplarTier).toBe('MODEL');
  });

  it('pays the reward to every cadre of the rated village with the payroll and publishes the rating with its activity funds', async () => {
    const data = await p.client.ok<{ computePayroll: { records: { cadre: { id: string }; components: PayComponent[] }[] } }>(admin(), PAYROLL, { v: a.code, m: PAY_MONTH });
    const records = data.computePayroll.records;
    expect(records).toHaveLength(5);
    for (const rec of records) {
      const reward = rec.components.filter((c) => c.decision.rule === 'QIXINGGUAN_EXEMPLAR_REWARD');
      expect(reward).toEqual([expect.objectContaining({ kind: 'AWARD', amount: 20000, decision: expect.objectContaining({ policy: 'qixingguan-fanben' }) })]);
    }
    const unrated = await p.client.ok<{ computePayroll: { records: { components: PayComponent[] }[] } }>(admin(), PAYROLL, { v: b.code, m: PAY_MONTH });
    expect(unrated.computePayroll.records.flatMap((r) => r.components).filter((c) => c.decision.rule === 'QIXINGGUAN_EXEMPLAR_REWARD')).toEqual([]);

    const events = (await p.subgraphs.personnel.db.dataSource.query(`SELECT name, payload FROM qxg_event`)) as { name: string; payload: Record<string, unknown> }[];
    expect(events).toEqual([
      { name: 'qixingguan.rating.decided', payload: expect.objectContaining({ villageCode: a.code, year: YEAR, tier: 'MODEL', perCadreFen: '2000000', activityFundsFen: '2000000' }) },
    ]);
    await p.drainEvents();
    const [relayed] = (await p.subgraphs.personnel.db.dataSource.query(`SELECT published_at FROM qxg_event`)) as { published_at: Date | null }[];
    expect(relayed.published_at).not.toBeNull();
  });

  it('answers Region.exemplarTier for a list of villages with the same statements as for one', async () => {
    const one = await countQueries(p.subgraphs.personnel, () => p.client.ok(admin(), TIER, { c: a.code }));
    const list = await countQueries(p.subgraphs.personnel, () =>
      p.client.ok<{ regions: { code: string; exemplarTier: string | null }[] }>(admin(), `query ($t: ID!) { regions(parentCode: $t) { code exemplarTier(year: ${YEAR}) } }`, { t: p.county.township() }),
    );
    expect(list.result.regions).toEqual(expect.arrayContaining([{ code: a.code, exemplarTier: 'MODEL' }, { code: b.code, exemplarTier: null }]));
    expect(one.count).toBeGreaterThan(0);
    expect(list.count).toBe(one.count);
  });

  it('creates an application once for a retried idempotency key', async () => {
    const v = p.county.village(3);
    const input = { villageCode: v, year: YEAR, tier: 'STANDARD', idempotencyKey: 'qxg-apply-0003' };
    const first = await p.client.ok<{ applyForExemplarTier: { id: string } }>(admin(), APPLY, { i: input });
    const retry = await p.client.ok<{ applyForExemplarTier: { id: string } }>(admin(), APPLY, { i: input });
    expect(retry.applyForExemplarTier.id).toBe(first.applyForExemplarTier.id);
    expect(await personnelRows()('qxg_application', 'village_code = $1', [v])).toBe(1);
  });

  it('gives a county without the plugin nothing: PLUGIN_NOT_ENABLED, and no reward in its payroll even with a reward row', async () => {
    const controlAdmin = actors.countyAdmin(p.control.code);
    const res = await p.client.gql(controlAdmin, APPLY, { i: { villageCode: control.code, year: YEAR, tier: 'STANDARD' } });
    expect(p.client.codeOf(res)).toBe('PLUGIN_NOT_ENABLED');
    const field = await p.client.gql<{ region: { code: string; exemplarTier: string | null } }>(controlAdmin, TIER, { c: control.code });
    expect(field.data?.region).toEqual({ code: control.code, exemplarTier: null });
    expect(p.client.codeOf(field)).toBe('PLUGIN_NOT_ENABLED');
    await p.subgraphs.personnel.db.dataSource.query(
      `INSERT INTO qxg_reward (county_code, village_code, year, tier, per_cadre_fen, activity_funds_fen, pay_month) VALUES ($1, $2, $3, 'EXEMPLARY', 3000000, 3000000, $4)`,
      [p.control.code, control.code, YEAR, PAY_MONTH],
    );
    const payroll = await p.client.ok<{ computePayroll: { records: { components: PayComponent[] }[] } }>(controlAdmin, PAYROLL, { v: control.code, m: PAY_MONTH });
    expect(payroll.computePayroll.records).toHaveLength(1);
    expect(payroll.computePayroll.records[0].components.filter((c) => c.decision.policy === 'qixingguan-fanben')).toEqual([]);
  });

  it('seeds last year’s township figures for every village of the county once, keeping figures already recorded', async () => {
    const db = p.subgraphs.personnel.db.dataSource;
    const year = Number(todayInChina().slice(0, 4)) - 1;
    const seed = () => seedQixingguanFanben({ dataSource: db, logger: createLogger('qxg-seed-test'), counties: [{ countyCode: p.county.code, config: DEFAULT_CONFIG }] });
    const villages = await personnelRows()('region_ref', `code LIKE '520502%' AND level = 'VILLAGE' AND valid_to IS NULL`);
    const recordedA = (await db.query(`SELECT indicator, value::text AS value, recorded_by FROM qxg_recorded_indicator WHERE village_code = $1 AND year = $2 ORDER BY indicator`, [a.code, year])) as unknown[];
    await seed();
    expect(await personnelRows()('qxg_recorded_indicator', 'year = $1', [year])).toBe(villages * 3); // the villages already recorded keep their figures
    await seed();
    expect(await personnelRows()('qxg_recorded_indicator', 'year = $1', [year])).toBe(villages * 3); // the villages already recorded keep their figures
    expect(await db.query(`SELECT indicator, value::text AS value, recorded_by FROM qxg_recorded_indicator WHERE village_code = $1 AND year = $2 ORDER BY indicator`, [a.code, year])).toEqual(recordedA);
    expect(await personnelRows()('qxg_recorded_indicator', `year = $1 AND indicator = 'ENVIRONMENT_SCORE' AND (value < 60 OR value > 100)`, [year])).toBe(0);
  });
});
