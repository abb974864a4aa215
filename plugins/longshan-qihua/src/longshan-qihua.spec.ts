import { subgraph as personnel } from '@xiangzhi/personnel';
import { actors, startPluginTestPlatform, type PluginTestPlatform } from '@xiangzhi/testing';
import plugin from './index';

/**
 * Through the real gateway (PGlite, or PostgreSQL with TEST_DATABASE_URL): the Longshan post template,
 * eligibility, leave approval, inspection sanctions and duty rules in the county enabling the plugin,
 * and the national baseline in a county that does not.
 */

interface PostView {
  id: string;
  code: string;
  title: string;
  category: string;
  fullTime: boolean;
  leaveApprover: string;
  responsibilities: string[];
}
interface Violation {
  rule: string;
  zh: string;
  en: string;
  policy: string;
}

const NINE = ['县纪委监委', '县委组织部', '县委政法委', '县公安局', '县检察院', '县法院', '县信访局', '县卫健局', '县农业农村局'].map((department) => ({ department, passed: true }));

const TEMPLATE = `mutation ($v: String!) { applyPostTemplate(villageCode: $v) {
  templateName decision { policy } created { id code title category fullTime leaveApprover responsibilities } } }`;
const CHECK = `query ($i: CheckEligibilityInput!) { checkEligibility(input: $i) { eligible policy violations { rule zh en policy } } }`;
const APPOINT = `mutation ($i: AppointCadreInput!) { appointCadre(input: $i) { cadre { id rank { level monthlyPay } } } }`;
const FINDING = `mutation ($i: RecordInspectionFindingInput!) { recordInspectionFinding(input: $i) {
  finding { occurrenceInYear } sanction { measures deductionShare deductionPeriod deductionMonth disciplinary decision { policy rule zh en } } } }`;

describe('longshan-qihua plugin (gateway)', () => {
  let p: PluginTestPlatform;
  const admin = () => actors.countyAdmin(p.county.code);
  const controlAdmin = () => actors.countyAdmin(p.control.code);

  async function applyTemplate(village: string, as = admin()): Promise<Record<string, PostView>> {
    const data = await p.client.ok<{ applyPostTemplate: { created: PostView[] } }>(as, TEMPLATE, { v: village });
    return Object.fromEntries(data.applyPostTemplate.created.map((post) => [post.code, post]));
  }

  /** Appoints a person (aged 30 on the start date by default, bachelor's degree, Party member since 2010, all nine departments passed). */
  async function appoint(postId: string, name: string, fields: Record<string, unknown> = {}, as = admin()): Promise<string> {
    const data = await p.client.ok<{ appointCadre: { cadre: { id: string } } }>(as, APPOINT, {
      i: { postId, name, gender: 'MALE', birthDate: '1993-01-01', educationLevel: 'BACHELOR', partyJoinDate: '2012-07-01', vetting: NINE, startDate: '2023-06-01', ...fields },
    });
    return data.appointCadre.cadre.id;
  }

  async function check(postId: string, fields: Record<string, unknown>, as = admin()): Promise<{ eligible: boolean; policy: string; violations: Violation[] }> {
    const data = await p.client.ok<{ checkEligibility: { eligible: boolean; policy: string; violations: Violation[] } }>(as, CHECK, {
      i: { postId, name: '候选人', gender: 'FEMALE', educationLevel: 'BACHELOR', partyJoinDate: '2010-07-01', vetting: NINE, asOf: '2024-06-30', ...fields },
    });
    return data.checkEligibility;
  }

  let posts: Record<string, PostView>;
  let control: Record<string, PostView>;

  beforeAll(async () => {
    p = await startPluginTestPlatform({ plugin, subgraphs: [personnel] });
    posts = await applyTemplate(p.county.village(1));
    control = await applyTemplate(p.control.village(1), controlAdmin());
  }, 120000);
  afterAll(() => p?.stop());

  describe('规范化设岗 post template', () => {
    it('creates the three full-time posts and the part-time committee posts in the enabling county', () => {
      expect(Object.fromEntries(Object.values(posts).map((x) => [x.code, [x.category, x.fullTime, x.leaveApprover]]))).toEqual({
        secretary: ['PARTY_SECRETARY', true, 'TOWNSHIP'],
        'longshan.fullTimeSecretary': ['FULL_TIME_STAFF', true, 'VILLAGE_SECRETARY'],
        'longshan.auxiliaryPolice': ['AUXILIARY_POLICE', true, 'VILLAGE_SECRETARY'],
        organisation: ['PARTY_COMMITTEE', false, 'VILLAGE_SECRETARY'],
        director: ['COMMITTEE_DIRECTOR', false, 'VILLAGE_SECRETARY'],
        clerk: ['COMMITTEE_MEMBER', false, 'VILLAGE_SECRETARY'],
        supervision: ['SUPERVISION', false, 'VILLAGE_SECRETARY'],
      });
      expect(posts['longshan.fullTimeSecretary'].responsibilities).toEqual(['便民服务管理员', '资料员', '劳动保障协理员', '远教操作员']);
    });

    it('keeps the baseline template in the control county', () => {
      expect(Object.keys(control).sort()).toEqual(['clerk', 'director', 'organisation', 'secretary', 'supervision']);
      expect(control.director.fullTime).toBe(true);
    });
  });

  describe('严格人选条件 eligibility', () => {
    it('refuses a new secretary aged 57 with under a year of membership and a department missing, and accepts 56', async () => {
      const vetting = NINE.filter((v) => v.department !== '县卫健局');
      const here = await check(posts.secretary.id, { birthDate: '1967-01-01', partyJoinDate: '2024-01-01', vetting });
      expect(here).toMatchObject({ eligible: false, policy: 'longshan-qihua' });
      expect(here.violations).toEqual([
        { rule: 'SECRETARY_NEW_AGE', zh: '新任书记年龄57岁，须在57周岁以下', en: 'new secretary aged 57, must be under 57', policy: 'longshan-qihua' },
        { rule: 'PARTY_YEARS', zh: '党龄不足1年', en: 'Party membership under 1 year(s)', policy: 'longshan-qihua' },
        { rule: 'VETTING_MISSING', zh: '缺少联审部门意见：卫生健康部门', en: 'joint vetting missing: health commission', policy: 'longshan-qihua' },
      ]);
      expect(await check(posts.secretary.id, { birthDate: '1968-01-01' })).toMatchObject({ eligible: true, violations: [] });
      // the baseline: 57 is fine (up to 60) and vetting lists only failures
      const there = await check(control.secretary.id, { birthDate: '1967-01-01', partyJoinDate: '2024-01-01', vetting }, controlAdmin());
      expect(there).toMatchObject({ eligible: false, policy: 'baseline' });
      expect(there.violations.map((v) => v.rule)).toEqual(['PARTY_YEARS']);
    });

    it('holds the full-time secretary to 35 (40 if exceptional) and college education', async () => {
      const refused = await check(posts['longshan.fullTimeSecretary'].id, { birthDate: '1988-01-01', educationLevel: 'HIGH_SCHOOL', partyJoinDate: null });
      expect(refused.violations.map((v) => [v.rule, v.zh])).toEqual([
        ['FULL_TIME_SECRETARY_AGE', '全职化秘书年龄36岁，超过35周岁（特别优秀的不超过40周岁）'],
        ['FULL_TIME_SECRETARY_EDUCATION', '全职化秘书须具有大专及以上学历（现为高中（中专））'],
      ]);
      expect(await check(posts['longshan.fullTimeSecretary'].id, { birthDate: '1984-01-01', educationLevel: 'COLLEGE', exceptional: true })).toMatchObject({ eligible: true });
      const tooOld = await check(posts['longshan.fullTimeSecretary'].id, { birthDate: '1983-01-01', exceptional: true });
      expect(tooOld.violations.map((v) => v.zh)).toEqual(['特别优秀人选年龄41岁，超过40周岁']);
      // the same person for a part-time post of the control county is eligible
      expect(await check(control.clerk.id, { birthDate: '1988-01-01', educationLevel: 'HIGH_SCHOOL', partyJoinDate: null }, controlAdmin())).toMatchObject({ eligible: true, policy: 'baseline' });
    });

    it('holds the auxiliary police to 45 and high school, and refuses the ten situations', async () => {
      const refused = await check(posts['longshan.auxiliaryPolice'].id, { birthDate: '1978-01-01', educationLevel: 'JUNIOR_HIGH', situations: ['RELIGION_SUPERSTITION'] });
      expect(refused.violations.map((v) => [v.rule, v.zh])).toEqual([
        ['AUXILIARY_POLICE_AGE', '辅警年龄46岁，超过45周岁'],
        ['AUXILIARY_POLICE_EDUCATION', '辅警须具有高中（中专）及以上学历（现为初中）'],
        ['DISQUALIFYING_SITUATION', '存在不宜担任"两委"成员的情形：参与宗教活动、封建迷信或邪教组织'],
      ]);
      expect(await check(posts['longshan.auxiliaryPolice'].id, { birthDate: '1979-01-01', educationLevel: 'HIGH_SCHOOL', partyJoinDate: null })).toMatchObject({ eligible: true });
    });

    it('refuses the appointment itself with every failed rule and writes nothing', async () => {
      const before = await p.rows('personnel')('cadre');
      const res = await p.client.gql(admin(), APPOINT, {
        i: { postId: posts['longshan.auxiliaryPolice'].id, name: '超龄者', gender: 'MALE', birthDate: '1970-01-01', educationLevel: 'PRIMARY', vetting: [], startDate: '2024-06-30' },
      });
      expect(p.client.codeOf(res)).toBe('POLICY_VIOLATION');
      const rules = (res.errors![0].extensions!.violations as Violation[]).map((v) => v.rule);
      expect(rules).toEqual(['AUXILIARY_POLICE_AGE', 'AUXILIARY_POLICE_EDUCATION', ...Array(9).fill('VETTING_MISSING')]);
      expect(await p.rows('personnel')('cadre')).toBe(before);
    });
  });

  describe('脱产化工作 duty, leave and inspections', () => {
    let secretary: string;
    let clerk: string;
    let police: string;

    beforeAll(async () => {
      secretary = await appoint(posts.secretary.id, '张书记', { birthDate: '1975-03-01' });
      clerk = await appoint(posts['longshan.fullTimeSecretary'].id, '李秘书');
      police = await appoint(posts['longshan.auxiliaryPolice'].id, '王辅警', { educationLevel: 'HIGH_SCHOOL' });
    });

    it('starts new appointees at rank level 10', async () => {
      const data = await p.client.ok<{ cadre: { rank: { level: number; monthlyPay: number } } }>(admin(), `query ($id: ID!) { cadre(id: $id) { rank { level monthlyPay } } }`, { id: secretary });
      expect(data.cadre.rank).toEqual({ level: 10, monthlyPay: 40 });
    });

    it('sends the secretary’s leave to the township and the others’ to the village secretary', async () => {
      const LEAVE = `mutation ($i: RequestLeaveInput!) { requestLeave(input: $i) { approverLevel approverDecision { policy } } }`;
      const ask = (cadreId: string, fromDate: string) => p.client.ok<{ requestLeave: { approverLevel: string; approverDecision: { policy: string } } }>(admin(), LEAVE, { i: { cadreId, fromDate, toDate: fromDate, reason: '外出办事' } });
      expect((await ask(secretary, '2024-07-01')).requestLeave).toEqual({ approverLevel: 'TOWNSHIP', approverDecision: { policy: 'longshan-qihua' } });
      expect((await ask(police, '2024-07-01')).requestLeave.approverLevel).toBe('VILLAGE_SECRETARY');
    });

    it('1st, 2nd and 3rd unreported absence: 30% of the month, 100% of the month + admonishment, 100% of the quarter + removal', async () => {
      type Result = { recordInspectionFinding: { finding: { occurrenceInYear: number }; sanction: { measures: string[]; deductionShare: number; deductionPeriod: string | null; deductionMonth: string | null; disciplinary: boolean; decision: { policy: string; rule: string; zh: string; en: string } } } };
      const find = async (date: string) => (await p.client.ok<Result>(actors.townshipOfficer(p.county.township(1)), FINDING, { i: { cadreId: clerk, date } })).recordInspectionFinding;
      const first = await find('2024-04-08');
      expect(first.finding.occurrenceInYear).toBe(1);
      expect(first.sanction).toEqual({
        measures: ['DEDUCT_PERFORMANCE_PAY'],
        deductionShare: 0.3,
        deductionPeriod: 'MONTH',
        deductionMonth: '2024-04',
        disciplinary: false,
        decision: {
          policy: 'longshan-qihua',
          rule: 'LONGSHAN_ABSENCE_FIRST',
          zh: '年内第1次被督查发现未履行报备手续、擅离职守：扣除当月绩效30%',
          en: "1st unreported absence found by inspection this year: 30% of the month's performance pay deducted",
        },
      });
      const second = await find('2024-05-13');
      expect(second.sanction).toMatchObject({ measures: ['DEDUCT_PERFORMANCE_PAY', 'ADMONISHMENT_TALK'], deductionShare: 1, deductionPeriod: 'MONTH', deductionMonth: '2024-05' });
      expect(second.sanction.decision.rule).toBe('LONGSHAN_ABSENCE_SECOND');
      const third = await find('2024-06-11');
      expect(third.sanction).toMatchObject({ measures: ['DEDUCT_PERFORMANCE_PAY', 'REMOVAL_FROM_POST'], deductionShare: 1, deductionPeriod: 'QUARTER', deductionMonth: '2024-06', disciplinary: false });
      expect(third.sanction.decision).toMatchObject({ rule: 'LONGSHAN_ABSENCE_THIRD', zh: '年内累计第3次被督查发现擅离职守：扣除当季绩效100%，免去职务' });

      // the removal ended the holding: the cadre holds no post and the post is vacant
      const after = await p.client.ok<{ cadre: { posts: { id: string }[]; assignments: { endDate: string | null }[] }; post: { holder: { id: string } | null } }>(
        admin(),
        `query ($id: ID!, $post: ID!) { cadre(id: $id) { posts { id } assignments { endDate } } post(id: $post) { holder { id } } }`,
        { id: clerk, post: posts['longshan.fullTimeSecretary'].id },
      );
      expect(after.cadre.posts).toEqual([]);
      expect(after.cadre.assignments).toEqual([{ endDate: '2024-06-11' }]);
      expect(after.post.holder).toBeNull();
    });

    it('keeps the baseline sanction in the control county', async () => {
      const cadre = await appoint(control.director.id, '赵主任', {}, controlAdmin());
      const data = await p.client.ok<{ recordInspectionFinding: { sanction: { measures: string[]; deductionShare: number; decision: { policy: string } } } }>(controlAdmin(), FINDING, { i: { cadreId: cadre, date: '2024-04-08' } });
      expect(data.recordInspectionFinding.sanction).toMatchObject({ measures: ['REMINDER_TALK'], deductionShare: 0, decision: { policy: 'baseline' } });
    });

    it('requires 6 hours a working day in a village and one person on duty each weekend day', async () => {
      const CHECK_IN = `mutation ($i: RecordDutyCheckInInput!) { recordDutyCheckIn(input: $i) { id } }`;
      const checkIn = (cadreId: string, date: string, hours: number) => p.client.ok(admin(), CHECK_IN, { i: { cadreId, date, hours } });
      // Friday 2024-09-06 … Monday 2024-09-09; the police officer was on duty on Sunday only
      await checkIn(secretary, '2024-09-06', 6);
      await checkIn(police, '2024-09-06', 6);
      await checkIn(police, '2024-09-08', 3);
      await checkIn(secretary, '2024-09-09', 5.5);
      await checkIn(police, '2024-09-09', 6);
      const COVERAGE = `query ($v: String!) { dutyCoverage(villageCode: $v, from: "2024-09-06", to: "2024-09-09") {
        policy daysBelowRequired shortfalls { date cadre { id } requiredHours hours } uncoveredRestDays { date required onDuty } } }`;
      type Coverage = { dutyCoverage: { policy: string; daysBelowRequired: number; shortfalls: { date: string; cadre: { id: string }; requiredHours: number; hours: number }[]; uncoveredRestDays: { date: string; required: number; onDuty: number }[] } };
      const here = (await p.client.ok<Coverage>(admin(), COVERAGE, { v: p.county.village(1) })).dutyCoverage;
      expect(here.policy).toBe('longshan-qihua');
      expect(here.shortfalls).toEqual([{ date: '2024-09-09', cadre: { id: secretary }, requiredHours: 6, hours: 5.5 }]);
      expect(here.uncoveredRestDays).toEqual([{ date: '2024-09-07', required: 1, onDuty: 0 }]);
      const there = (await p.client.ok<Coverage>(controlAdmin(), COVERAGE, { v: p.control.village(1) })).dutyCoverage;
      expect(there).toMatchObject({ policy: 'baseline', uncoveredRestDays: [] });
    });

    it('requires 7 hours a working day in a community', async () => {
      const community = await applyTemplate(p.county.community(1));
      const head = await appoint(community.secretary.id, '社区书记');
      await p.client.ok(admin(), `mutation ($i: RecordDutyCheckInInput!) { recordDutyCheckIn(input: $i) { id } }`, { i: { cadreId: head, date: '2024-09-09', hours: 6.5 } });
      const data = await p.client.ok<{ dutyCoverage: { shortfalls: { requiredHours: number; hours: number }[] } }>(
        admin(),
        `query ($v: String!) { dutyCoverage(villageCode: $v, from: "2024-09-09", to: "2024-09-09") { shortfalls { requiredHours hours } } }`,
        { v: p.county.community(1) },
      );
      expect(data.dutyCoverage.shortfalls).toEqual([{ requiredHours: 7, hours: 6.5 }]);
    });
  });

  describe('区县参数 settings', () => {
    const SETTINGS = `query ($r: String!) { longshanQihuaSettings(regionCode: $r) { countyCode parameters { key value } textParameters { key values } situations { code } vettingDepartments { code zh } } }`;

    it('answers the county’s parameters where it is enabled', async () => {
      type Settings = { longshanQihuaSettings: { countyCode: string; parameters: { key: string; value: number | null }[]; textParameters: { key: string; values: string[] }[]; situations: { code: string }[]; vettingDepartments: { code: string }[] } };
      const s = (await p.client.ok<Settings>(admin(), SETTINGS, { r: p.county.village() })).longshanQihuaSettings;
      expect(s.countyCode).toBe(p.county.code);
      const value = (key: string) => s.parameters.find((x) => x.key === key)?.value;
      expect([value('eligibility.newSecretaryAgeBelow'), value('attendance.villageWorkdayHours'), value('pay.secretary.annualMin'), value('pay.auxiliaryPolice.annualMax'), value('awards.firstClassShare')]).toEqual([57, 6, 40000, null, 0.1]);
      expect(s.textParameters.find((x) => x.key === 'eligibility.fullTimeSecretaryMinEducation')!.values).toEqual(['COLLEGE']);
      expect(s.situations).toHaveLength(10);
      expect(s.vettingDepartments).toHaveLength(9);
    });

    it('answers PLUGIN_NOT_ENABLED in a county that has not enabled it, for every plugin field', async () => {
      const as = controlAdmin();
      const village = p.control.village(1);
      const calls: [string, Record<string, unknown>][] = [
        [SETTINGS, { r: village }],
        [`query ($v: String!) { longshanTasks(villageCode: $v, month: "2024-03") { id } }`, { v: village }],
        [`query ($c: String!) { longshanTeamRatings(countyCode: $c, year: 2023) { id } }`, { c: p.control.code }],
        [`query ($c: String!) { longshanAwards(regionCode: $c, year: 2023) { id } }`, { c: p.control.code }],
        [`mutation ($v: String!) { dispatchLongshanTask(input: { villageCode: $v, month: "2024-03", title: "排查" }) { id } }`, { v: village }],
        [`mutation ($v: String!) { grantLongshanHonour(input: { villageCode: $v, month: "2024-03", title: "文明村", amount: 5000 }) { id } }`, { v: village }],
        [`mutation ($v: String!) { grantLongshanTenNoAward(input: { villageCode: $v, year: 2023, month: "2024-03" }) { id } }`, { v: village }],
        [`mutation ($c: String!) { rateLongshanTeams(input: { countyCode: $c, year: 2023, month: "2024-03" }) { quota } }`, { c: p.control.code }],
      ];
      for (const [query, vars] of calls) expect(p.client.codeOf(await p.client.gql(as, query, vars))).toBe('PLUGIN_NOT_ENABLED');
    });

    it('refuses bad county parameters at start-up, naming the county, the plugin and the key', async () => {
      await expect(startPluginTestPlatform({ plugin, subgraphs: [personnel], params: { attendance: { villageWorkdayHours: -1 } } })).rejects.toThrow(
        /counties\.\d{12}\.plugins\.longshan-qihua\.attendance\.villageWorkdayHours/,
      );
    });
  });
});
