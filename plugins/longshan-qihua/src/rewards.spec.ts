import { createLogger, type RuleViolation } from '@xiangzhi/kernel';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { actors, checkIdempotentCreate, countQueries, countyCodes, startPluginTestPlatform, type PluginTestPlatform } from '@xiangzhi/testing';
import plugin, { longshanQihuaConfig } from './index';
import { currentMonth } from './shared/access';

/**
 * Through the real gateway: dispatched tasks (派单), 双有双奖 awards, the yearly 一类班子 rating and the
 * payroll they feed (rank pay, task results, awards, deductions), the pay band refusing a payroll,
 * and flat statement counts.
 */

interface Component {
  kind: string;
  amount: number;
  decision: { policy: string; rule: string; zh: string };
}
interface PayRecordView {
  total: number;
  cadre: { id: string; name: string };
  components: Component[];
}
interface Payroll {
  computePayroll: { policy: string; total: number; records: PayRecordView[] };
}

const NINE = ['县纪委监委', '县委组织部', '县委政法委', '县公安局', '县检察院', '县法院', '县信访局', '县卫健局', '县农业农村局'].map((department) => ({ department, passed: true }));
const DIMENSIONS = ['morality', 'ability', 'diligence', 'results', 'integrity'];
/** A county enabling the plugin with a secretary's base pay below the band. */
const LOW = countyCodes('990103000000');

const TEMPLATE = `mutation ($v: String!) { applyPostTemplate(villageCode: $v) { created { id code } } }`;
const APPOINT = `mutation ($i: AppointCadreInput!) { appointCadre(input: $i) { cadre { id } } }`;
const APPRAISE = `mutation ($i: RecordAppraisalInput!) { recordAppraisal(input: $i) { id total } }`;
const COMPUTE = `mutation ($v: String!, $m: String!) { computePayroll(villageCode: $v, month: $m) {
  policy total records { total cadre { id name } components { kind amount decision { policy rule zh } } } } }`;
const DISPATCH = `mutation ($i: DispatchLongshanTaskInput!) { dispatchLongshanTask(input: $i) { id month title cadreIds score version assessed } }`;
const ASSESS = `mutation ($i: AssessLongshanTaskInput!) { assessLongshanTask(input: $i) { id score version assessed assessedBy } }`;
const HONOUR = `mutation ($i: GrantLongshanHonourInput!) { grantLongshanHonour(input: $i) { id kind year month amount } }`;
const TEN_NO = `mutation ($i: GrantLongshanTenNoAwardInput!) { grantLongshanTenNoAward(input: $i) { id kind year month amount title } }`;
const RATE = `mutation ($i: RateLongshanTeamsInput!) { rateLongshanTeams(input: $i) {
  countyCode year month ratedVillages quota firstClassShare awardPerTeam ratings { villageCode average ratedCadres rank firstClass awardAmount awardId }
  tieBreak { rule zh en } tie { average places tied { villageCode firstClass } } } }`;

describe('longshan-qihua dispatch, awards and pay (gateway)', () => {
  let p: PluginTestPlatform;
  const admin = () => actors.countyAdmin(p.county.code);
  const officer = () => actors.townshipOfficer(p.county.township(1));

  async function template(village: string, as = admin()): Promise<Record<string, string>> {
    const data = await p.client.ok<{ applyPostTemplate: { created: { id: string; code: string }[] } }>(as, TEMPLATE, { v: village });
    return Object.fromEntries(data.applyPostTemplate.created.map((x) => [x.code, x.id]));
  }

  async function appoint(postId: string, name: string, fields: Record<string, unknown> = {}, as = admin()): Promise<string> {
    const data = await p.client.ok<{ appointCadre: { cadre: { id: string } } }>(as, APPOINT, {
      i: { postId, name, gender: 'MALE', birthDate: '1993-01-01', educationLevel: 'BACHELOR', partyJoinDate: '2012-07-01', vetting: NINE, startDate: '2023-01-01', ...fields },
    });
    return data.appointCadre.cadre.id;
  }

  async function appraise(cadreId: string, periodType: string, period: string, score: number, as = admin()): Promise<void> {
    await p.client.ok(as, APPRAISE, { i: { cadreId, periodType, period, scores: DIMENSIONS.map((dimension) => ({ dimension, score })) } });
  }

  /** Village A (the first of township 1): a secretary, a full-time secretary and an auxiliary police officer. */
  const A = () => p.county.village(1);
  let secretary: string;
  let clerk: string;
  let police: string;
  let otherVillageCadre: string;

  beforeAll(async () => {
    p = await startPluginTestPlatform({
      plugin,
      subgraphs: [personnel],
      otherCountyParams: { [LOW.code]: { 'longshan-qihua': { pay: { secretary: { baseMonthly: 1000 } } } } },
    });
    const posts = await template(A());
    secretary = await appoint(posts.secretary, 'A张书记', { birthDate: '1975-03-01' });
    clerk = await appoint(posts['longshan.fullTimeSecretary'], 'B李秘书');
    police = await appoint(posts['longshan.auxiliaryPolice'], 'C王辅警', { educationLevel: 'HIGH_SCHOOL' });
    // eleven more villages of township 1, one secretary each, annual totals 70 … 80
    const others: string[] = [];
    for (let n = 2; n <= 12; n += 1) {
      const village = await template(p.county.village(n));
      others.push(await appoint(village.secretary, `书记${n}`, { birthDate: '1980-01-01' }));
    }
    otherVillageCadre = others[0];
    await appraise(secretary, 'YEAR', '2023', 95);
    await appraise(clerk, 'YEAR', '2023', 90);
    await appraise(police, 'YEAR', '2023', 88);
    for (const [i, cadre] of others.entries()) await appraise(cadre, 'YEAR', '2023', 70 + i);
    // 14 rated cadres: 20% → the two best (95 and 90) are 优秀
    await p.client.ok(officer(), `mutation ($t: String!) { finalizeAnnualRatings(townshipCode: $t, year: 2023) { year } }`, { t: p.county.township(1) });
  }, 180000);
  afterAll(() => p?.stop());

  describe('职级 yearly rank review', () => {
    it('moves the 优秀 cadres from level 10 to 9 and keeps the others', async () => {
      const data = await p.client.ok<{ runRankReview: { policy: string; changes: { cadre: { id: string }; fromLevel: number | null; toLevel: number; decision: { rule: string } }[] } }>(
        admin(),
        `mutation ($c: String!) { runRankReview(countyCode: $c, year: 2023) { policy changes { cadre { id } fromLevel toLevel decision { rule } } } }`,
        { c: p.county.code },
      );
      expect(data.runRankReview.policy).toBe('longshan-qihua');
      const of = (id: string) => data.runRankReview.changes.find((c) => c.cadre.id === id)!;
      expect(of(secretary)).toMatchObject({ fromLevel: 10, toLevel: 9, decision: { rule: 'LONGSHAN_RANK_UP' } });
      expect(of(clerk)).toMatchObject({ fromLevel: 10, toLevel: 9 });
      expect(of(police)).toMatchObject({ fromLevel: 10, toLevel: 10, decision: { rule: 'LONGSHAN_RANK_KEPT' } });
    });
  });

  describe('一类班子 yearly team rating', () => {
    it('names the top 10% of the county’s rated villages by their cadres’ average final total, with 10,000 each', async () => {
      const data = await p.client.ok<{ rateLongshanTeams: Record<string, unknown> & { ratings: Record<string, unknown>[] } }>(admin(), RATE, { i: { countyCode: p.county.code, year: 2023, month: '2024-03' } });
      const r = data.rateLongshanTeams;
      expect(r).toMatchObject({ countyCode: p.county.code, year: 2023, month: '2024-03', ratedVillages: 12, quota: 1, firstClassShare: 0.1, awardPerTeam: 10000 });
      expect(r.ratings).toHaveLength(12);
      // village A: (95 + 90 + 88) ÷ 3 = 91
      expect(r.ratings[0]).toMatchObject({ villageCode: A(), average: 91, ratedCadres: 3, rank: 1, firstClass: true, awardAmount: 10000 });
      expect(r.ratings[0].awardId).toEqual(expect.any(String));
      expect(r.ratings[1]).toMatchObject({ villageCode: p.county.village(12), average: 80, rank: 2, firstClass: false, awardAmount: null, awardId: null });
      expect(r.ratings.filter((x) => x.firstClass)).toHaveLength(1);
      // the tie-break is stated with the result; the edge (91 against 80) is clear: no tie
      expect(r.tieBreak).toEqual({ rule: 'LONGSHAN_TEAM_TIE_MORE_CADRES', zh: '平均分相同时，参评干部人数多者在前；人数也相同时按村（社区）区划代码顺序', en: expect.stringContaining('more rated cadres first') });
      expect(r.tie).toBeNull();
    });

    it('runs once per county and year (CONFLICT), for county administrators only, and lists the ratings in scope', async () => {
      const again = await p.client.gql(admin(), RATE, { i: { countyCode: p.county.code, year: 2023, month: '2024-03' } });
      expect(p.client.codeOf(again)).toBe('CONFLICT');
      expect(p.client.codeOf(await p.client.gql(officer(), RATE, { i: { countyCode: p.county.code, year: 2024 } }))).toBe('FORBIDDEN');
      expect(p.client.codeOf(await p.client.gql(admin(), RATE, { i: { countyCode: p.county.code, year: 2022, month: '2024-03' } }))).toBe('BAD_USER_INPUT');
      const LIST = `query ($c: String!) { longshanTeamRatings(countyCode: $c, year: 2023) { villageCode rank firstClass } }`;
      const all = await p.client.ok<{ longshanTeamRatings: { villageCode: string; rank: number }[] }>(admin(), LIST, { c: p.county.code });
      expect(all.longshanTeamRatings.map((x) => x.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      const township2 = await p.client.ok<{ longshanTeamRatings: unknown[] }>(actors.townshipOfficer(p.county.township(2)), LIST, { c: p.county.code });
      expect(township2.longshanTeamRatings).toEqual([]);
    });
  });

  describe('派单式 dispatched tasks', () => {
    let teamTask: string;
    let clerkTask: string;

    it('dispatches tasks to the team or to named cadres of the village', async () => {
      const team = await p.client.ok<{ dispatchLongshanTask: Record<string, unknown> & { id: string } }>(officer(), DISPATCH, { i: { villageCode: A(), month: '2024-03', title: '开展矛盾纠纷排查' } });
      expect(team.dispatchLongshanTask).toMatchObject({ month: '2024-03', title: '开展矛盾纠纷排查', cadreIds: [], score: null, version: 1, assessed: false });
      teamTask = team.dispatchLongshanTask.id;
      const own = await p.client.ok<{ dispatchLongshanTask: { id: string; cadreIds: string[] } }>(officer(), DISPATCH, { i: { villageCode: A(), month: '2024-03', title: '更新便民服务台账', cadreIds: [clerk] } });
      expect(own.dispatchLongshanTask.cadreIds).toEqual([clerk]);
      clerkTask = own.dispatchLongshanTask.id;
      // not assessed: does not count
      await p.client.ok(officer(), DISPATCH, { i: { villageCode: A(), month: '2024-03', title: '整理档案' } });
    });

    it('refuses a cadre of another village, writers outside the township and county, and auditors', async () => {
      const elsewhere = await p.client.gql(officer(), DISPATCH, { i: { villageCode: A(), month: '2024-03', title: '排查', cadreIds: [otherVillageCadre] } });
      expect(p.client.codeOf(elsewhere)).toBe('BAD_USER_INPUT');
      for (const as of [actors.villageCadre(A()), actors.auditor(p.county.code), actors.townshipOfficer(p.county.township(2))]) {
        expect(p.client.codeOf(await p.client.gql(as, DISPATCH, { i: { villageCode: A(), month: '2024-03', title: '排查' } }))).toBe('FORBIDDEN');
      }
      expect(p.client.codeOf(await p.client.gql(officer(), DISPATCH, { i: { villageCode: p.county.township(1), month: '2024-03', title: '排查' } }))).toBe('BAD_USER_INPUT');
    });

    it('assesses monthly; a second assessment needs the version read', async () => {
      const first = await p.client.ok<{ assessLongshanTask: { score: number; version: number; assessed: boolean } }>(officer(), ASSESS, { i: { taskId: teamTask, score: 90 } });
      expect(first.assessLongshanTask).toMatchObject({ score: 90, version: 2, assessed: true });
      await p.client.ok(officer(), ASSESS, { i: { taskId: clerkTask, score: 60 } });
      expect(p.client.codeOf(await p.client.gql(officer(), ASSESS, { i: { taskId: clerkTask, score: 70 } }))).toBe('CONFLICT');
      expect(p.client.codeOf(await p.client.gql(officer(), ASSESS, { i: { taskId: clerkTask, score: 70, expectedVersion: 1 } }))).toBe('CONFLICT');
      const revised = await p.client.ok<{ assessLongshanTask: { score: number; version: number } }>(officer(), ASSESS, { i: { taskId: clerkTask, score: 70, expectedVersion: 2 } });
      expect(revised.assessLongshanTask).toMatchObject({ score: 70, version: 3 });
      expect(p.client.codeOf(await p.client.gql(officer(), ASSESS, { i: { taskId: teamTask, score: 101, expectedVersion: 2 } }))).toBe('BAD_USER_INPUT');
    });

    it('lists a village’s tasks of a month with the cadres addressed', async () => {
      const data = await p.client.ok<{ longshanTasks: { title: string; score: number | null; cadres: { name: string }[] }[] }>(
        actors.villageCadre(A()),
        `query ($v: String!) { longshanTasks(villageCode: $v, month: "2024-03") { title score cadres { name } } }`,
        { v: A() },
      );
      expect(data.longshanTasks).toEqual([
        { title: '开展矛盾纠纷排查', score: 90, cadres: [] },
        { title: '更新便民服务台账', score: 70, cadres: [{ name: 'B李秘书' }] },
        { title: '整理档案', score: null, cadres: [] },
      ]);
    });
  });

  describe('双有双奖 awards', () => {
    it('grants an honour of 3,000–50,000 and refuses any other amount', async () => {
      const ok = await p.client.ok<{ grantLongshanHonour: Record<string, unknown> }>(admin(), HONOUR, { i: { villageCode: A(), month: '2024-03', title: '省级文明村', amount: 6000 } });
      expect(ok.grantLongshanHonour).toMatchObject({ kind: 'HONOUR', year: 2024, month: '2024-03', amount: 6000 });
      for (const amount of [2999, 50001]) {
        const res = await p.client.gql(admin(), HONOUR, { i: { villageCode: A(), month: '2024-03', title: '县级示范村', amount } });
        expect(p.client.codeOf(res)).toBe('POLICY_VIOLATION');
        expect(res.errors![0].extensions!.violations).toEqual([
          { rule: 'LONGSHAN_HONOUR_AMOUNT', zh: `每项荣誉奖励须在3000–50000元之间（申报${amount}元）`, en: `an honour award must lie within 3000–50000 (given ${amount})`, source: 'longshan-qihua' },
        ]);
      }
      // a month whose year lies outside 2000–2100 is refused up front, naming the field, not by the table's check
      const early = await p.client.gql(admin(), HONOUR, { i: { villageCode: A(), month: '1999-12', title: '县级示范村', amount: 6000 } });
      expect(p.client.codeOf(early)).toBe('BAD_USER_INPUT');
      expect(early.errors![0].extensions!.field).toBe('month');
      expect(await p.rows('personnel')('longshan_award', `kind = 'HONOUR'`)).toBe(1);
      expect(p.client.codeOf(await p.client.gql(officer(), HONOUR, { i: { villageCode: A(), month: '2024-03', title: '省级文明村', amount: 6000 } }))).toBe('FORBIDDEN');
    });

    it('grants 10,000 for the 十无 goals once a village and year', async () => {
      const ok = await p.client.ok<{ grantLongshanTenNoAward: Record<string, unknown> }>(admin(), TEN_NO, { i: { villageCode: A(), year: 2023, month: '2024-04' } });
      expect(ok.grantLongshanTenNoAward).toMatchObject({ kind: 'TEN_NO', year: 2023, month: '2024-04', amount: 10000 });
      expect(p.client.codeOf(await p.client.gql(admin(), TEN_NO, { i: { villageCode: A(), year: 2023, month: '2024-05' } }))).toBe('CONFLICT');
      expect(p.client.codeOf(await p.client.gql(admin(), TEN_NO, { i: { villageCode: A(), year: 2024, month: '2023-12' } }))).toBe('BAD_USER_INPUT');
      const list = await p.client.ok<{ longshanAwards: { kind: string; amount: number }[] }>(admin(), `query ($r: String!) { longshanAwards(regionCode: $r, year: 2023) { kind amount } }`, { r: A() });
      expect(list.longshanAwards.map((a) => a.kind).sort()).toEqual(['FIRST_CLASS_TEAM', 'TEN_NO']);
    });
  });

  describe('报酬 payroll', () => {
    beforeAll(async () => {
      for (const cadre of [secretary, clerk, police]) await appraise(cadre, 'MONTH', '2024-03', 80, officer());
      // the police officer's first unreported absence of 2024: 30% of March's performance pay
      await p.client.ok(officer(), `mutation ($i: RecordInspectionFindingInput!) { recordInspectionFinding(input: $i) { finding { id } } }`, { i: { cadreId: police, date: '2024-03-12' } });
    });

    it('pays base, performance, rank pay, task results and awards, less the deductions', async () => {
      const data = await p.client.ok<Payroll>(officer(), COMPUTE, { v: A(), m: '2024-03' });
      expect(data.computePayroll.policy).toBe('longshan-qihua');
      const byName = Object.fromEntries(data.computePayroll.records.map((r) => [r.cadre.name, r]));
      const rows = (name: string) => byName[name].components.map((c) => [c.kind, c.amount, c.decision.rule]);
      // secretary, level 9: 2,400 + 900 × 80% + 80 + task 300 × 90% + first-class 10,000 ÷ 3 (the odd fen to the first cadre) + honour 6,000 ÷ 3, awards in the order granted
      expect(rows('A张书记')).toEqual([
        ['BASE', 2400, 'LONGSHAN_BASE_PAY'],
        ['PERFORMANCE', 720, 'LONGSHAN_PERFORMANCE'],
        ['RANK', 80, 'LONGSHAN_RANK_PAY'],
        ['PERFORMANCE', 270, 'LONGSHAN_TASK_RESULT'],
        ['AWARD', 3333.34, 'LONGSHAN_FIRST_CLASS_AWARD'],
        ['AWARD', 2000, 'LONGSHAN_HONOUR_AWARD'],
      ]);
      expect(byName['A张书记'].total).toBe(8803.34);
      // full-time secretary, level 9: tasks 90 and 70 average 80 → 240
      expect(rows('B李秘书')).toEqual([
        ['BASE', 2100, 'LONGSHAN_BASE_PAY'],
        ['PERFORMANCE', 680, 'LONGSHAN_PERFORMANCE'],
        ['RANK', 80, 'LONGSHAN_RANK_PAY'],
        ['PERFORMANCE', 240, 'LONGSHAN_TASK_RESULT'],
        ['AWARD', 3333.33, 'LONGSHAN_FIRST_CLASS_AWARD'],
        ['AWARD', 2000, 'LONGSHAN_HONOUR_AWARD'],
      ]);
      // police, level 10: 30% of the whole performance pay (680 + task 270) deducted
      expect(rows('C王辅警')).toEqual([
        ['BASE', 2500, 'LONGSHAN_BASE_PAY'],
        ['PERFORMANCE', 680, 'LONGSHAN_PERFORMANCE'],
        ['RANK', 40, 'LONGSHAN_RANK_PAY'],
        ['PERFORMANCE', 270, 'LONGSHAN_TASK_RESULT'],
        ['AWARD', 3333.33, 'LONGSHAN_FIRST_CLASS_AWARD'],
        ['AWARD', 2000, 'LONGSHAN_HONOUR_AWARD'],
        ['DEDUCTION', -285, 'SANCTION_DEDUCTION'],
      ]);
      expect(data.computePayroll.total).toBe(25775);
      expect(byName['C王辅警'].components.every((c) => c.decision.policy === 'longshan-qihua')).toBe(true);
    });

    it('pays the 十无 award in the month granted', async () => {
      const data = await p.client.ok<Payroll>(officer(), COMPUTE, { v: A(), m: '2024-04' });
      const tenNo = data.computePayroll.records.flatMap((r) => r.components.filter((c) => c.decision.rule === 'LONGSHAN_TEN_NO_AWARD').map((c) => c.amount));
      expect(tenNo.sort()).toEqual([3333.33, 3333.33, 3333.34]);
    });

    it('refuses a payroll outside the band (a county setting the secretary’s base at 1,000) and writes nothing', async () => {
      const lowAdmin = actors.countyAdmin(LOW.code);
      const posts = await template(LOW.village(1), lowAdmin);
      const low = await appoint(posts.secretary, '低薪书记', {}, lowAdmin);
      const res = await p.client.gql(lowAdmin, COMPUTE, { v: LOW.village(1), m: '2024-03' });
      expect(p.client.codeOf(res)).toBe('POLICY_VIOLATION');
      const violations = res.errors![0].extensions!.violations as (RuleViolation & { cadreId: string })[];
      expect(violations).toEqual([
        {
          rule: 'LONGSHAN_PAY_BAND',
          zh: '低薪书记：年化标准报酬23280元（（基本1000+职级40+绩效标准900）×12）低于村（社区）党组织书记年报酬区间40000–45000元',
          en: '低薪书记: annualised standard pay 23280 ((base 1000 + rank 40 + performance standard 900) × 12) is below the Party secretary band 40000–45000',
          source: 'longshan-qihua',
          cadreId: low,
        },
      ]);
      expect(await p.rows('personnel')('pay_record', 'village_code = $1', [LOW.village(1)])).toBe(0);
      expect(await p.rows('personnel')('audit_log', `action = 'computePayroll' AND region_code = $1`, [LOW.village(1)])).toBe(0);
    });

    it('keeps the baseline pay in the control county', async () => {
      const controlAdmin = actors.countyAdmin(p.control.code);
      const posts = await template(p.control.village(1), controlAdmin);
      await appoint(posts.secretary, '对照书记', {}, controlAdmin);
      const data = await p.client.ok<Payroll>(controlAdmin, COMPUTE, { v: p.control.village(1), m: '2024-03' });
      expect(data.computePayroll.policy).toBe('baseline');
      expect(data.computePayroll.records[0].components.map((c) => c.decision.rule)).toEqual(['BASE_BY_POST', 'PERFORMANCE_NOT_APPRAISED']);
    });
  });

  describe('no N+1', () => {
    async function staffedVillage(village: string, n: number): Promise<string[]> {
      const posts = Object.values(await template(village));
      const ids: string[] = [];
      for (let i = 0; i < n; i += 1) ids.push(await appoint(posts[i], `干部${village.slice(-3)}-${i}`, { birthDate: '1990-01-01' }));
      await p.client.ok(officer2(), DISPATCH, { i: { villageCode: village, month: '2024-05', title: '全村任务' } });
      for (const id of ids) {
        const task = await p.client.ok<{ dispatchLongshanTask: { id: string } }>(officer2(), DISPATCH, { i: { villageCode: village, month: '2024-05', title: '个人任务', cadreIds: [id, ids[0]] } });
        await p.client.ok(officer2(), ASSESS, { i: { taskId: task.dispatchLongshanTask.id, score: 80 } });
      }
      await p.client.ok(admin(), HONOUR, { i: { villageCode: village, month: '2024-05', title: '市级文明村', amount: 3000 } });
      return ids;
    }
    const officer2 = () => actors.townshipOfficer(p.county.township(2));

    it('computes a payroll with pay items in the same number of statements for 2 and 7 cadres, reading the items once', async () => {
      const small = p.county.village(1, 2);
      const large = p.county.village(2, 2);
      await staffedVillage(small, 2);
      await staffedVillage(large, 7);
      const a = await countQueries(p.subgraphs.personnel, () => p.client.ok<Payroll>(officer2(), COMPUTE, { v: small, m: '2024-05' }));
      const b = await countQueries(p.subgraphs.personnel, () => p.client.ok<Payroll>(officer2(), COMPUTE, { v: large, m: '2024-05' }));
      expect(a.result.computePayroll.records).toHaveLength(2);
      expect(b.result.computePayroll.records).toHaveLength(7);
      expect(b.result.computePayroll.records.every((r) => r.components.some((c) => c.decision.rule === 'LONGSHAN_TASK_RESULT') && r.components.some((c) => c.decision.rule === 'LONGSHAN_HONOUR_AWARD'))).toBe(true);
      expect(b.count).toBe(a.count);
      expect(b.statements.filter((s) => s.includes('longshan_')).length).toBe(1);
      const LIST = `query ($v: String!) { longshanTasks(villageCode: $v, month: "2024-05") { title cadres { id name } } }`;
      const l2 = await countQueries(p.subgraphs.personnel, () => p.client.ok<{ longshanTasks: unknown[] }>(officer2(), LIST, { v: small }));
      const l7 = await countQueries(p.subgraphs.personnel, () => p.client.ok<{ longshanTasks: unknown[] }>(officer2(), LIST, { v: large }));
      expect(l7.result.longshanTasks).toHaveLength(8);
      expect(l7.count).toBe(l2.count);
      expect(l2.count).toBe(2);
    });
  });

  describe('seed', () => {
    it('dispatches this month’s demo tasks to the first villages with posts, once', async () => {
      const seed = plugin.subgraphs.personnel!.seed!;
      const ctx = { dataSource: p.subgraphs.personnel.db.dataSource, logger: createLogger('longshan-seed-test'), counties: [{ countyCode: p.county.code, config: longshanQihuaConfig.parse({}) }] };
      const month = currentMonth();
      await seed(ctx);
      expect(await p.rows('personnel')('longshan_task', `month = $1 AND dispatched_by = 'seed'`, [month])).toBe(15);
      await seed(ctx);
      expect(await p.rows('personnel')('longshan_task', `month = $1 AND dispatched_by = 'seed'`, [month])).toBe(15);
    });
  });

  describe('retries with an idempotency key', () => {
    it('a task and an honour sent with a key twice, and three times at once: one record per key; the key with another input is CONFLICT', async () => {
      const rows = p.rows('personnel');
      const task = await checkIdempotentCreate(p, officer(), {
        mutation: 'dispatchLongshanTask',
        input: { villageCode: A(), month: '2023-11', title: '重试派单' },
        other: { villageCode: A(), month: '2023-11', title: '另一派单' },
        select: 'id title month',
        count: () => rows('longshan_task', `village_code = $1 AND month = '2023-11'`, [A()]),
      });
      expect(task).toMatchObject({ written: 2, first: { title: '重试派单', month: '2023-11' } });
      const honour = await checkIdempotentCreate(p, admin(), {
        mutation: 'grantLongshanHonour',
        input: { villageCode: A(), month: '2023-11', title: '重试荣誉', amount: 5000 },
        other: { villageCode: A(), month: '2023-11', title: '重试荣誉', amount: 6000 },
        select: 'id amount',
        count: () => rows('longshan_award', `village_code = $1 AND month = '2023-11'`, [A()]),
      });
      expect(honour.written).toBe(2);
    });
  });
});
