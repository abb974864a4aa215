import { subgraph as grids } from '@xiangzhi/grids';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { InProcessEventBus, outboxFeature, recordOutboxEvents } from '@xiangzhi/kernel';
import { actors, countQueries, startPluginTestPlatform, type PluginTestPlatform, type TestPlatform } from '@xiangzhi/testing';
import type { DataSource } from 'typeorm';
import plugin from '../index';
import { appoint, applyTemplate, appraise, closeIncident, importRegions, reportIncident, resolveIncident, THIS_YEAR, TODAY, type Ok, type Step } from '../testing/arrange';

/**
 * Another subgraph's outbox table (`legal_event`, `civility_event`, `economy_event`), created with the
 * kernel's own outbox migration in the personnel test database and registered with the in-process bus
 * as that subgraph's start registers it: events written to it reach the plugin's consumer through the
 * real consumer runtime (`drainEvents`: positions, processed ids, rebuild). It keeps this spec to two
 * subgraphs instead of five; the events' shapes are the published `LegalEvents`, `CivilityEvents` and
 * `EconomyEvents` of the api libraries.
 */
async function publisherOutbox(platform: TestPlatform, table: string, subgraph: string, timestamp: number): Promise<DataSource> {
  const dataSource = platform.subgraphs.personnel.db.dataSource;
  const [migration] = outboxFeature({ table, migrationTimestamp: timestamp }).migrations;
  const runner = dataSource.createQueryRunner();
  try {
    await new migration().up(runner);
  } finally {
    await runner.release();
  }
  if (!(platform.events instanceof InProcessEventBus)) throw new Error('publisherOutbox needs the in-process bus');
  platform.events.registerOutbox({ table, subgraph, dataSource });
  return dataSource;
}

type Part = { code: string; weight: number; value: number | null; basis: string };
type Index = { villageCode: string; year: number; secretaryName: string; index: number | null; parts: Part[] } | null;

/**
 * 头雁指数 across two subgraphs: appraisal, training and Party points from personnel, incident handling
 * from grids — fetched by the gateway for the `@requires` of the personnel field, never read from the
 * grids database by personnel.
 */
describe('jiangxi-135 head-goose index (grids + personnel through the gateway)', () => {
  let p: PluginTestPlatform;
  const ok: Ok = (as, query, variables) => p.client.ok(as, query, variables);
  const admin = () => actors.countyAdmin(p.county.code);
  let villages: string[];
  let open: Step;

  const one = `query($c: ID!) { region(code: $c) { code name
    incidentHandling { total closed due closedOnTime averageRating }
    jiangxiHeadGooseIndex { villageCode year secretaryName index parts { code weight value basis } } } }`;
  const indexOf = async (village: string): Promise<Index> =>
    (await p.client.ok<{ region: { jiangxiHeadGooseIndex: Index } }>(admin(), one, { c: village })).region.jiangxiHeadGooseIndex;
  const valueOf = (index: Index, code: string) => index!.parts.find((x) => x.code === code)!.value;

  beforeAll(async () => {
    p = await startPluginTestPlatform({ plugin, subgraphs: [grids, personnel] });
    villages = [p.county.village(1), p.county.village(2), p.county.village(3)];
    await importRegions(ok, [p.county, p.control], [...villages, p.control.village()]);
    // personnel: secretaries of villages 1 and 2 (village 3 has none)
    const secretaries: string[] = [];
    for (const [i, v] of villages.slice(0, 2).entries()) {
      const posts = await applyTemplate(ok, admin(), v);
      const cadre = await appoint(ok, admin(), posts.find((x) => x.code === 'jiangxi.principal')!.id, { name: i === 0 ? '钟书记' : '曾书记' }, '2018-03-01');
      secretaries.push(cadre.id);
    }
    // secretary 1: annual appraisal 90 last year, 4 training days this year, two Party members averaging 24 points
    await appraise(ok, admin(), secretaries[0], 'YEAR', String(THIS_YEAR - 1), 90);
    await ok(admin(), 'mutation($i: RecordTrainingInput!) { recordTraining(input: $i) { id } }', {
      i: { cadreId: secretaries[0], title: '乡村振兴大讲堂', organizer: '县委党校', startDate: TODAY, days: 4 },
    });
    const { createPartyOrganization: branch } = await ok<{ createPartyOrganization: { id: string } }>(
      admin(),
      'mutation($i: CreatePartyOrganizationInput!) { createPartyOrganization(input: $i) { id } }',
      { i: { regionCode: villages[0], name: '第一党支部', kind: 'BRANCH' } },
    );
    for (const [name, points] of [['钟一', 20], ['钟二', 28]] as const) {
      const { registerPartyMember: m } = await ok<{ registerPartyMember: { id: string } }>(
        admin(),
        'mutation($i: RegisterPartyMemberInput!) { registerPartyMember(input: $i) { id } }',
        { i: { organizationId: branch.id, name, joinedOn: '2010-07-01', status: 'FULL' } },
      );
      await ok(admin(), 'mutation($i: RecordMemberPointsInput!) { recordMemberPoints(input: $i) { id } }', { i: { memberId: m.id, date: TODAY, points, reason: '参加志愿服务' } });
    }
    // grids: four incidents in village 1 this year — two resolved on time (5; and 4, resolved at the very
    // instant of its deadline and rated after it: the rating's time does not count), one resolved after
    // its deadline (3), one open
    const grid = p.subgraphs.grids.db.dataSource;
    await closeIncident(ok, admin(), await resolveIncident(ok, admin(), await reportIncident(ok, admin(), villages[0])), 5);
    const ratedLate = await resolveIncident(ok, admin(), await reportIncident(ok, admin(), villages[0]));
    await grid.query(`UPDATE incident SET deadline = (SELECT at FROM incident_history WHERE incident_id = $1 AND to_status = 'RESOLVED') WHERE id = $1`, [ratedLate.id]);
    await closeIncident(ok, admin(), ratedLate, 4);
    const late = await reportIncident(ok, admin(), villages[0]);
    await grid.query(`UPDATE incident SET deadline = now() - interval '1 hour' WHERE id = $1`, [late.id]);
    await closeIncident(ok, admin(), await resolveIncident(ok, admin(), late), 3);
    open = await reportIncident(ok, admin(), villages[0], '垃圾未清运');
  });
  afterAll(() => p?.stop());

  it('declares the incident handling @external in personnel and @requires it for the index', () => {
    const sdl = p.subgraphs.personnel.sdl;
    expect(sdl).toMatch(/type IncidentHandling @external/);
    expect(sdl).toMatch(/incidentHandling: IncidentHandling! @external/);
    expect(sdl).toMatch(/jiangxiHeadGooseIndex: JiangxiHeadGooseIndex @requires\(fields: "incidentHandling \{ total closed due closedOnTime averageRating \}"\)/);
    expect(p.subgraphs.grids.sdl).toMatch(/incidentHandling: IncidentHandling!/);
  });

  it('combines appraisal, training, Party points (personnel) with on-time handling and rating (grids) by the weights', async () => {
    const { region } = await p.client.ok<{ region: { incidentHandling: object; jiangxiHeadGooseIndex: Index } }>(admin(), one, { c: villages[0] });
    // the open incident is still within its deadline: not due yet
    expect(region.incidentHandling).toEqual({ total: 4, closed: 3, due: 3, closedOnTime: 2, averageRating: 4 });
    const index = region.jiangxiHeadGooseIndex!;
    expect(index).toMatchObject({ villageCode: villages[0], year: THIS_YEAR, secretaryName: '钟书记' });
    expect(index.parts.map((x) => [x.code, x.weight, x.value])).toEqual([
      ['ANNUAL_APPRAISAL', 0.3, 90],
      ['TRAINING', 0.1, 80], // 4 of 5 days
      ['PARTY_POINTS', 0.1, 80], // average 24 of 30
      ['INCIDENT_ON_TIME', 0.15, 66.7], // 2 of the 3 due on time
      ['INCIDENT_RATING', 0.05, 80], // 4 of 5
      ['DISPUTES_RESOLVED', 0.1, null], // no legal, civility or economy event yet
      ['CIVILITY_LISTS', 0.1, null],
      ['DISCLOSURE_ON_TIME', 0.05, null],
      ['COLLECTIVE_INCOME', 0.05, null],
    ]);
    // (0.3×90 + 0.1×80 + 0.1×80 + 0.15×66.7 + 0.05×80) ÷ 0.7 = 81.44
    expect(index.index).toBe(81.4);
    expect(index.parts.find((x) => x.code === 'INCIDENT_ON_TIME')!.basis).toBe('本年度上报4件，到期应办结3件，按期办结2件');
  });

  it('moves with the incidents handled in grids: resolving the open one on time and closing it with a 5 raises the index', async () => {
    await closeIncident(ok, admin(), await resolveIncident(ok, admin(), open), 5);
    const index = await indexOf(villages[0]);
    expect(valueOf(index, 'INCIDENT_ON_TIME')).toBe(75); // 3 of the 4 now due
    expect(valueOf(index, 'INCIDENT_RATING')).toBe(85); // (5+4+3+5)/4 = 4.25 of 5
    // (27 + 8 + 8 + 0.15×75 + 0.05×85) ÷ 0.7 = 83.57
    expect(index!.index).toBe(83.6);
  });

  it('adds the village’s disputes (legal), red-black lists (civility), disclosures and income (economy) from their events', async () => {
    const legal = await publisherOutbox(p, 'legal_event', 'legal', 1769500000001);
    const civility = await publisherOutbox(p, 'civility_event', 'civility', 1769500000002);
    const economy = await publisherOutbox(p, 'economy_event', 'economy', 1769500000003);
    const v = villages[0];
    const other = p.control.village();
    const day = `${THIS_YEAR}-01-15`;
    const dispute = (disputeId: string, villageCode: string) => ({ disputeId, villageCode, category: 'NEIGHBOUR', tier: 'VILLAGE', riskLevel: 'LOW', crimeRisk: false, openedOn: day, deadline: day, incidentId: null });
    await legal.transaction(async (m) => {
      await recordOutboxEvents(m, 'legal_event', 'legal.dispute.opened', [dispute('d1', v), dispute('d2', v), dispute('d3', other)]);
      await recordOutboxEvents(m, 'legal_event', 'legal.dispute.closed', [{ disputeId: 'd1', villageCode: v, outcome: 'MEDIATED', tier: 'VILLAGE', openedOn: day, closedOn: day }]);
    });
    await civility.transaction(async (m) => {
      await recordOutboxEvents(m, 'civility_event', 'civility.list.published', [
        { listId: 'l1', villageCode: v, month: `${THIS_YEAR}-01`, red: [], black: [], policy: 'jiangxi-135' },
        { listId: 'l2', villageCode: v, month: `${THIS_YEAR}-02`, red: [], black: [{ householdId: 'h1', ruleCode: 'JX-BAD-VICE', points: -20 }], policy: 'jiangxi-135' },
      ]);
    });
    await economy.transaction(async (m) => {
      const disclosure = (disclosureId: string, overdue: boolean) => ({ disclosureId, villageCode: v, year: THIS_YEAR, kind: 'FINANCE', period: `${THIS_YEAR}-01`, publishedOn: day, overdue });
      await recordOutboxEvents(m, 'economy_event', 'economy.disclosure.published', [disclosure('p1', false), disclosure('p2', true)]);
      const income = (voucherId: string, villageCode: string, fen: string) => ({ organizationId: `org-${villageCode}`, villageCode, year: THIS_YEAR, month: 1, voucherId, operatingIncomeFen: fen, monthTotalFen: fen });
      await recordOutboxEvents(m, 'economy_event', 'economy.income.recorded', [income('x1', v, '6000000'), income('x2', v, '-1000000'), income('x3', other, '9000000')]);
    });
    await p.drainEvents();
    const index = await indexOf(v);
    expect(index!.parts.slice(5).map((x) => [x.code, x.value, x.basis])).toEqual([
      ['DISPUTES_RESOLVED', 50, '本年度受理纠纷2件，办结1件'],
      ['CIVILITY_LISTS', 50, '本年度发布红黑榜2期，其中1期无黑榜户'],
      ['DISCLOSURE_ON_TIME', 50, '本年度公开2次，按时1次'],
      ['COLLECTIVE_INCOME', 50, '本年度村集体经营性收入50000.00元（目标100000元）'],
    ]);
    // 27 + 8 + 8 + 11.25 + 4.25 + 5 + 5 + 2.5 + 2.5 = 73.5
    expect(index!.index).toBe(73.5);
    // the control county's village is not kept
    expect(await p.rows('personnel')('jiangxi_village_indicator', 'village_code = $1', [other])).toBe(0);
    // a rebuild consumes every event again from the outboxes to the same counters
    const read = () => p.subgraphs.personnel.db.dataSource.query(`SELECT *, operating_income_fen::text AS operating_income_fen FROM jiangxi_village_indicator ORDER BY village_code, year`);
    const before = await read();
    await p.subgraphs.personnel.consumers.rebuild('jiangxi-head-goose-indicators');
    await p.drainEvents();
    expect(await read()).toEqual(before);
  });

  it('leaves out what a village cannot show (no appraisal, members or incidents) and answers null without a secretary', async () => {
    const second = await indexOf(villages[1]);
    expect(second!.parts.filter((x) => x.value === null).map((x) => x.code)).toEqual(['ANNUAL_APPRAISAL', 'PARTY_POINTS', 'INCIDENT_ON_TIME', 'INCIDENT_RATING', 'DISPUTES_RESOLVED', 'CIVILITY_LISTS', 'DISCLOSURE_ON_TIME', 'COLLECTIVE_INCOME']);
    expect(second!.index).toBe(0); // training only, none this year
    expect(await indexOf(villages[2])).toBeNull();
  });

  it('answers a list of villages with one personnel statement and two grids statements for the incident handling (its counters, the overdue open incidents)', async () => {
    const list = `query($c: ID!) { region(code: $c) { children { code jiangxiHeadGooseIndex { index } } } }`;
    const township = p.county.township();
    const personnelCount = await countQueries(p.subgraphs.personnel, () => p.client.ok<{ region: { children: { code: string; jiangxiHeadGooseIndex: { index: number } | null }[] } }>(admin(), list, { c: township }));
    expect(personnelCount.result.region.children.map((c) => [c.code, c.jiangxiHeadGooseIndex?.index ?? null])).toEqual([
      [villages[0], 73.5],
      [villages[1], 0],
      [villages[2], null],
    ]);
    expect(personnelCount.count).toBe(1);
    const gridsWith = await countQueries(p.subgraphs.grids, () => p.client.ok(admin(), list, { c: township }));
    const gridsWithout = await countQueries(p.subgraphs.grids, () => p.client.ok(admin(), `query($c: ID!) { region(code: $c) { children { code } } }`, { c: township }));
    expect(gridsWith.count - gridsWithout.count).toBe(2);
  });

  it('keeps the index from grid workers (and residents), and shows it to the village’s own cadres', async () => {
    const res = await p.client.gql(actors.gridWorker(villages[0]), one, { c: villages[0] });
    expect(p.client.codeOf(res)).toBe('FORBIDDEN');
    const resident = await p.client.gql(actors.resident(villages[0]), `query($c: ID!) { region(code: $c) { jiangxiHeadGooseIndex { index } } }`, { c: villages[0] });
    expect(p.client.codeOf(resident)).toBe('FORBIDDEN');
    const own = await p.client.ok<{ region: { jiangxiHeadGooseIndex: Index } }>(actors.villageCadre(villages[0]), one, { c: villages[0] });
    expect(own.region.jiangxiHeadGooseIndex!.index).toBe(73.5);
  });

  it('answers PLUGIN_NOT_ENABLED in the control county', async () => {
    const res = await p.client.gql(actors.countyAdmin(p.control.code), one, { c: p.control.village() });
    expect(p.client.codeOf(res)).toBe('PLUGIN_NOT_ENABLED');
  });
});
