/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON, checked field by field with expect() */
import 'reflect-metadata';
import { bindPolicy, definePlugin, Role, type Actor, type RuleViolation } from '@xiangzhi/kernel';
import { DefaultPayPolicy, payPolicyPoint, type PayComponent, type PayInput, type PayPolicy } from '@xiangzhi/personnel-api';
import { countQueries, graphqlClient, rowCounter, startTestPlatform, type TestPlatform } from '@xiangzhi/testing';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { Sanction } from '../attendance/attendance.entity';
import type { Cadre } from '../cadre/cadre.entity';
import { DeductionPeriod, PostCategory, SanctionMeasure } from '../shared/enums';
import { arrangeRegions, baselineScores, insertBaselinePosts, insertHolder, insertPost } from '../testing/fixtures';
import { subgraph as personnel } from '../index';

/** Baseline villages of Longshan; the pay-band test plugin is enabled for county 433127 only. */
const COUNTY = '433130000000';
const TOWNSHIP = '433130102000';
const VILLAGE = '433130102201';
const VILLAGE_2 = '433130102202';
const VILLAGE_8 = '433130102203';
const BAND_COUNTY = '433127000000';
const BAND_VILLAGE = '433127101201';
const BAND_VILLAGE_OK = '433127101202';
const MONTH = '2024-03';

const townshipOfficer: Actor = { id: 'officer-t', roles: [Role.TOWNSHIP_OFFICER], scope: TOWNSHIP };
const countyAdmin: Actor = { id: 'admin-c', roles: [Role.COUNTY_ADMIN], scope: COUNTY };
const villageCadre: Actor = { id: 'cadre-v', roles: [Role.VILLAGE_CADRE], scope: VILLAGE };
const bandAdmin: Actor = { id: 'admin-b', roles: [Role.COUNTY_ADMIN], scope: BAND_COUNTY };

/**
 * A county pay model for the test: the baseline components, but a month whose annualised pay
 * (total × 12) is below the county's band is refused.
 */
class PayBandPolicy implements PayPolicy {
  private readonly baseline = new DefaultPayPolicy();

  constructor(private readonly minimumAnnual: number) {}

  components(input: PayInput): PayComponent[] {
    return this.baseline.components(input);
  }

  validate(_input: PayInput, components: PayComponent[]): RuleViolation[] {
    const annual = components.reduce((sum, c) => sum + c.amount, 0) * 12;
    if (annual >= this.minimumAnnual) return [];
    return [{ rule: 'PAY_BELOW_BAND', zh: `年化报酬${annual}元低于${this.minimumAnnual}元`, en: `annualised pay ${annual} is below ${this.minimumAnnual}` }];
  }
}

const payBand = definePlugin({
  name: 'pay-band-test',
  version: '0.0.0',
  title: { zh: '报酬区间（测试）', en: 'Pay band (test)' },
  config: z.object({ minimumAnnual: z.number().default(40000) }),
  subgraphs: { personnel: { policies: [bindPolicy(payPolicyPoint, (c: { minimumAnnual: number }) => new PayBandPolicy(c.minimumAnnual))] } },
});

const RECORD = `mutation($i: RecordAppraisalInput!) { recordAppraisal(input: $i) { id total } }`;
const COMPUTE = `mutation($v: String!, $m: String!) { computePayroll(villageCode: $v, month: $m) {
  villageCode month policy total
  records { id month total policy version villageCode cadre { id name } components { kind amount decision { policy rule zh en } } } } }`;

let platform: TestPlatform;
let ds: DataSource;
const count = rowCounter(() => ds);
let secretary: Cadre;
let director: Cadre;
let clerk: Cadre;

const { gql, ok, codeOf } = graphqlClient<Record<string, any>>(() => platform);

async function appraise(cadre: Cadre, periodType: string, period: string, values: [number, number, number, number, number], actor: Actor = townshipOfficer): Promise<void> {
  await ok(actor, RECORD, { i: { cadreId: cadre.id, periodType, period, scores: baselineScores(values) } });
}

async function sanction(cadre: Cadre, fields: { decidedOn: string; share: number; period: DeductionPeriod | null; month: string | null; zh: string }): Promise<void> {
  await ds.getRepository(Sanction).insert({
    countyCode: cadre.countyCode,
    villageCode: cadre.villageCode,
    cadreId: cadre.id,
    findingId: null,
    decidedOn: fields.decidedOn,
    measures: fields.share > 0 ? [SanctionMeasure.CRITICISM, SanctionMeasure.DEDUCT_PERFORMANCE_PAY] : [SanctionMeasure.REMINDER_TALK],
    deductionShare: fields.share,
    deductionPeriod: fields.period,
    deductionMonth: fields.month,
    disciplinary: false,
    decision: { policy: 'baseline', rule: 'ABSENCE_REPEATED', zh: fields.zh, en: 'unreported absence' },
  });
}

/** `n` cadres holding posts of a village: its five baseline posts, then full-time staff posts. */
async function staffVillage(villageCode: string, n: number): Promise<Cadre[]> {
  const posts = await insertBaselinePosts(ds, villageCode);
  for (let i = posts.length; i < n; i += 1) posts.push(await insertPost(ds, { villageCode, code: `staff-${i}`, title: `专职岗${i}`, category: PostCategory.FULL_TIME_STAFF, fullTime: true }));
  const cadres: Cadre[] = [];
  for (let i = 0; i < n; i += 1) cadres.push(await insertHolder(ds, posts[i], { name: `干部${villageCode.slice(-3)}-${i}` }));
  return cadres;
}

beforeAll(async () => {
  platform = await startTestPlatform({
    subgraphs: [personnel],
    plugins: [payBand],
    countyParams: { [BAND_COUNTY]: { 'pay-band-test': { minimumAnnual: 40000 } } },
  });
  ds = platform.subgraphs.personnel.db.dataSource;
  await arrangeRegions(ds, ['433127101201', '433127101202', '433130102201', '433130102202', '433130102203']);
  const posts = await insertBaselinePosts(ds, VILLAGE);
  const post = (code: string) => posts.find((p) => p.code === code)!;
  secretary = await insertHolder(ds, post('secretary'), { name: '张书记', rankLevel: 5 });
  director = await insertHolder(ds, post('director'), { name: '李主任' });
  clerk = await insertHolder(ds, post('clerk'), { name: '王委员' });
  // the month's appraisal (82) wins over the quarter's (60)
  await appraise(secretary, 'MONTH', MONTH, [90, 80, 85, 70, 100]);
  await appraise(secretary, 'QUARTER', '2024-Q1', [60, 60, 60, 60, 60]);
  // the clerk is appraised quarterly only
  await appraise(clerk, 'QUARTER', '2024-Q1', [70, 70, 70, 70, 70]);
  await sanction(secretary, { decidedOn: '2024-03-12', share: 0.5, period: DeductionPeriod.MONTH, month: MONTH, zh: '年内第3次擅自离岗：通报批评，扣减当月绩效报酬50%' });
  // a quarter deduction found in February applies to March too; February's month deduction and a talk do not
  await sanction(clerk, { decidedOn: '2024-02-20', share: 0.2, period: DeductionPeriod.QUARTER, month: '2024-02', zh: '年内第4次擅自离岗：扣减当季度绩效报酬20%' });
  await sanction(clerk, { decidedOn: '2024-02-05', share: 0.5, period: DeductionPeriod.MONTH, month: '2024-02', zh: '年内第3次擅自离岗：扣减当月绩效报酬50%' });
  await sanction(clerk, { decidedOn: '2024-03-02', share: 0, period: null, month: null, zh: '年内第1次擅自离岗：提醒谈话' });
}, 120000);

afterAll(() => platform?.stop());

describe('computePayroll', () => {
  it('composes base, performance, rank pay and sanction deductions, every component with its policy and rule', async () => {
    const data = await ok(townshipOfficer, COMPUTE, { v: VILLAGE, m: MONTH });
    const result = data.computePayroll;
    expect(result).toMatchObject({ villageCode: VILLAGE, month: MONTH, policy: 'baseline' });
    const byName = Object.fromEntries(result.records.map((r: any) => [r.cadre.name, r]));
    expect(Object.keys(byName).sort()).toEqual(['张书记', '李主任', '王委员'].sort());

    const s = byName['张书记'];
    expect(s).toMatchObject({ month: MONTH, villageCode: VILLAGE, policy: 'baseline', version: 1, total: 3510 });
    expect(s.components.map((c: any) => [c.kind, c.amount, c.decision.policy, c.decision.rule])).toEqual([
      ['BASE', 3000, 'baseline', 'BASE_BY_POST'],
      ['PERFORMANCE', 820, 'baseline', 'PERFORMANCE_BY_SCORE'],
      ['RANK', 100, 'baseline', 'RANK_PAY'],
      ['DEDUCTION', -410, 'baseline', 'SANCTION_DEDUCTION'],
    ]);
    expect(s.components[1].decision.zh).toBe('绩效报酬：1000元×考核得分82÷100');
    expect(s.components[2].decision.zh).toBe('职级报酬：五级');
    expect(s.components[3].decision.zh).toBe('2024-03-12 年内第3次擅自离岗：扣减当月绩效报酬50%');
    expect(s.components[3].decision.en).toBe("2024-03-12 年内第3次擅自离岗: 50% of the month's performance pay deducted");

    const c = byName['王委员'];
    expect(c.total).toBe(2560);
    expect(c.components.map((x: any) => [x.kind, x.amount, x.decision.rule])).toEqual([
      ['BASE', 2000, 'BASE_BY_POST'],
      ['PERFORMANCE', 700, 'PERFORMANCE_BY_SCORE'],
      ['DEDUCTION', -140, 'SANCTION_DEDUCTION'],
    ]);
    expect(c.components[2].decision.zh).toBe('2024-02-20 年内第4次擅自离岗：扣减当季度绩效报酬20%');

    const d = byName['李主任'];
    expect(d.total).toBe(2800);
    expect(d.components.map((x: any) => [x.kind, x.amount, x.decision.policy, x.decision.rule])).toEqual([
      ['BASE', 2800, 'baseline', 'BASE_BY_POST'],
      ['PERFORMANCE', 0, 'baseline', 'PERFORMANCE_NOT_APPRAISED'],
    ]);
    expect(result.total).toBe(3510 + 2560 + 2800);

    const [row] = (await ds.query(`SELECT total, policy, version, components FROM pay_record WHERE cadre_id = $1 AND month = $2`, [secretary.id, MONTH])) as any[];
    expect({ total: Number(row.total), policy: row.policy, version: row.version }).toEqual({ total: 3510, policy: 'baseline', version: 1 });
    expect(row.components.every((x: any) => x.policy === 'baseline')).toBe(true);
    const [event] = (await ds.query(`SELECT payload FROM personnel_event WHERE name = 'personnel.payroll.computed' ORDER BY id DESC LIMIT 1`)) as { payload: any }[];
    expect(event.payload).toMatchObject({ villageCode: VILLAGE, month: MONTH });
    expect([...event.payload.payRecordIds].sort()).toEqual(result.records.map((r: any) => r.id).sort());
  });

  it('recomputes in place: one record per cadre, version 2, components overwritten', async () => {
    await appraise(director, 'MONTH', MONTH, [100, 100, 100, 100, 100], countyAdmin);
    const data = await ok(countyAdmin, COMPUTE, { v: VILLAGE, m: MONTH });
    expect(data.computePayroll.records.map((r: any) => r.version)).toEqual([2, 2, 2]);
    const d = data.computePayroll.records.find((r: any) => r.cadre.id === director.id);
    expect(d.total).toBe(3800);
    expect(d.components[1]).toMatchObject({ kind: 'PERFORMANCE', amount: 1000, decision: { rule: 'PERFORMANCE_BY_SCORE' } });
    expect(await count('pay_record', 'village_code = $1 AND month = $2', [VILLAGE, MONTH])).toBe(3);
    const [row] = (await ds.query(`SELECT total, version FROM pay_record WHERE cadre_id = $1 AND month = $2`, [director.id, MONTH])) as any[];
    expect({ total: Number(row.total), version: row.version }).toEqual({ total: 3800, version: 2 });
  });

  it('lists the records through payRecords and Cadre.payRecords', async () => {
    const list = await ok(villageCadre, `query($r: String!) { payRecords(regionCode: $r, month: "2024-03", first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { total cadre { name } } } }`, { r: TOWNSHIP });
    // a village cadre listing the township sees their own village only
    expect(list.payRecords.totalCount).toBe(3);
    expect(list.payRecords.nodes).toHaveLength(2);
    expect(list.payRecords.pageInfo.hasNextPage).toBe(true);
    const next = await ok(villageCadre, `query($r: String!, $a: String) { payRecords(regionCode: $r, month: "2024-03", after: $a) { nodes { total } pageInfo { hasNextPage } } }`, { r: TOWNSHIP, a: list.payRecords.pageInfo.endCursor });
    expect(next.payRecords.nodes).toHaveLength(1);
    expect(next.payRecords.pageInfo.hasNextPage).toBe(false);
    const cadre = await ok(villageCadre, `query($id: ID!) { cadre(id: $id) { payRecords(month: "2024-03") { month total components { kind amount } } other: payRecords(month: "2024-04") { month } } }`, { id: secretary.id });
    expect(cadre.cadre.payRecords).toEqual([
      {
        month: MONTH,
        total: 3510,
        components: [
          { kind: 'BASE', amount: 3000 },
          { kind: 'PERFORMANCE', amount: 820 },
          { kind: 'RANK', amount: 100 },
          { kind: 'DEDUCTION', amount: -410 },
        ],
      },
    ]);
    expect(cadre.cadre.other).toEqual([]);
  });

  it('refuses village cadres, other scopes, malformed months and non-village codes', async () => {
    expect(codeOf(await gql(villageCadre, COMPUTE, { v: VILLAGE, m: MONTH }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(bandAdmin, COMPUTE, { v: VILLAGE, m: MONTH }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(townshipOfficer, COMPUTE, { v: VILLAGE, m: '2024-13' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(townshipOfficer, COMPUTE, { v: TOWNSHIP, m: MONTH }))).toBe('BAD_USER_INPUT');
  });

  it('runs the same number of SQL statements for a village of 2 cadres as for one of 8', async () => {
    const two = await staffVillage(VILLAGE_2, 2);
    const eight = await staffVillage(VILLAGE_8, 8);
    for (const cadre of [...two, ...eight]) await appraise(cadre, 'MONTH', MONTH, [80, 80, 80, 80, 80]);
    await sanction(two[0], { decidedOn: '2024-03-20', share: 0.5, period: DeductionPeriod.MONTH, month: MONTH, zh: '年内第3次擅自离岗' });
    await sanction(eight[7], { decidedOn: '2024-03-20', share: 0.5, period: DeductionPeriod.MONTH, month: MONTH, zh: '年内第3次擅自离岗' });
    const small = await countQueries(platform.subgraphs.personnel, () => ok(townshipOfficer, COMPUTE, { v: VILLAGE_2, m: MONTH }));
    const large = await countQueries(platform.subgraphs.personnel, () => ok(townshipOfficer, COMPUTE, { v: VILLAGE_8, m: MONTH }));
    expect(small.result.computePayroll.records).toHaveLength(2);
    expect(large.result.computePayroll.records).toHaveLength(8);
    expect(large.count).toBe(small.count);
    // four reads, the upsert, the event, the audit record (and the batched cadre read for the answer)
    expect(small.count).toBeGreaterThanOrEqual(7);
    // recomputing (the upsert's update path) does not grow either
    const again = await countQueries(platform.subgraphs.personnel, () => ok(townshipOfficer, COMPUTE, { v: VILLAGE_8, m: MONTH }));
    expect(again.result.computePayroll.records.every((r: any) => r.version === 2)).toBe(true);
    expect(again.count).toBe(small.count);
    // and neither does listing the records with their cadres and components
    const LIST = `query($r: String!) { payRecords(regionCode: $r, month: "2024-03") { nodes { total cadre { name rank { level } } components { kind amount decision { rule } } } } }`;
    const list2 = await countQueries(platform.subgraphs.personnel, () => ok(townshipOfficer, LIST, { r: VILLAGE_2 }));
    const list8 = await countQueries(platform.subgraphs.personnel, () => ok(townshipOfficer, LIST, { r: VILLAGE_8 }));
    expect(list2.result.payRecords.nodes).toHaveLength(2);
    expect(list8.result.payRecords.nodes).toHaveLength(8);
    expect(list8.count).toBe(list2.count);
  });
});

describe('a county with its own pay policy (plugin)', () => {
  let band: Cadre[];

  beforeAll(async () => {
    band = await staffVillage(BAND_VILLAGE, 3);
    // the secretary earns 3,000 + 1,000 = 4,000 a month (48,000 a year): inside the band
    await appraise(band[0], 'MONTH', MONTH, [100, 100, 100, 100, 100], bandAdmin);
  }, 60000);

  it('refuses the payroll with POLICY_VIOLATION naming every cadre below the band, and writes nothing', async () => {
    const events = await count('personnel_event', `name = 'personnel.payroll.computed'`, []);
    const res = await gql(bandAdmin, COMPUTE, { v: BAND_VILLAGE, m: MONTH });
    expect(codeOf(res)).toBe('POLICY_VIOLATION');
    const violations = res.errors![0].extensions!.violations as (RuleViolation & { cadreId: string })[];
    expect(violations.map((v) => v.cadreId).sort()).toEqual([band[1].id, band[2].id].sort());
    for (const v of violations) expect(v).toMatchObject({ rule: 'PAY_BELOW_BAND', source: 'pay-band-test' });
    expect(violations.find((v) => v.cadreId === band[1].id)!.zh).toBe(`${band[1].name}：年化报酬24000元低于40000元`);
    expect(await count('pay_record', 'village_code = $1', [BAND_VILLAGE])).toBe(0);
    expect(await count('personnel_event', `name = 'personnel.payroll.computed'`, [])).toBe(events);
  });

  it('computes with the plugin’s policy where every cadre is inside the band (components keeping the baseline as their source), while other counties keep the baseline', async () => {
    const [only] = await staffVillage(BAND_VILLAGE_OK, 1);
    await appraise(only, 'MONTH', MONTH, [100, 100, 100, 100, 100], bandAdmin);
    const data = await ok(bandAdmin, COMPUTE, { v: BAND_VILLAGE_OK, m: MONTH });
    expect(data.computePayroll).toMatchObject({ policy: 'pay-band-test', total: 4000 });
    // the components come from the baseline's rules the plugin delegates to: they keep their true source
    expect(data.computePayroll.records[0].components.map((c: any) => c.decision.policy)).toEqual(['baseline', 'baseline']);
    const baseline = await ok(countyAdmin, `query($r: String!) { payRecords(regionCode: $r, month: "2024-03") { nodes { policy } } }`, { r: VILLAGE });
    expect(baseline.payRecords.nodes.map((n: any) => n.policy)).toEqual(['baseline', 'baseline', 'baseline']);
  });
});
