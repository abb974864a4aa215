import { subgraph as personnel } from '@xiangzhi/personnel';
import { actors, checkIdempotentCreate, countQueries, startPluginTestPlatform, type CountyCodes, type PluginTestPlatform } from '@xiangzhi/testing';
import plugin from './index';

/**
 * Through the real gateway (personnel subgraph): the Suyu policies apply in the enabling county and
 * the national baseline in the control county; the plugin's own operations answer PLUGIN_NOT_ENABLED
 * there.
 */
describe('suyu-sanding plugin: personnel (gateway)', () => {
  let p: PluginTestPlatform;
  beforeAll(async () => {
    p = await startPluginTestPlatform({ plugin, subgraphs: [personnel] });
  });
  afterAll(() => p?.stop());

  const admin = () => actors.countyAdmin(p.county.code);
  const controlAdmin = () => actors.countyAdmin(p.control.code);

  interface TemplatePost {
    id: string;
    code: string;
    title: string;
    category: string;
    fullTime: boolean;
    responsibilities: string[];
    targets: { title: string; measure: string; target: number | null }[];
  }
  interface TemplateResult {
    applyPostTemplate: { templateName: string; decision: { policy: string; rule: string }; created: TemplatePost[]; existing: TemplatePost[] };
  }
  const TEMPLATE = `mutation($v: String!) { applyPostTemplate(villageCode: $v) {
    templateName decision { policy rule }
    created { id code title category fullTime responsibilities targets { title measure target } }
    existing { id code title category fullTime responsibilities targets { title measure target } } } }`;

  /** Applies the county's template to a village; the posts by code. */
  async function postsOf(county: CountyCodes, village: string): Promise<Record<string, string>> {
    const data = await p.client.ok<TemplateResult>(actors.countyAdmin(county.code), TEMPLATE, { v: village });
    const all = [...data.applyPostTemplate.created, ...data.applyPostTemplate.existing];
    return Object.fromEntries(all.map((x) => [x.code, x.id]));
  }

  interface Person {
    name: string;
    birthDate?: string;
    educationLevel?: string;
    partyJoinDate?: string | null;
    situations?: string[];
  }
  const APPOINT = `mutation($i: AppointCadreInput!) { appointCadre(input: $i) { cadre { id name version villageCode } } }`;
  /** 凡进必审: every joint-vetting department of the county, passed. */
  const VETTED = ['区纪委监委', '区委组织部', '区委政法委', '区公安分局', '区检察院', '区法院', '区信访局', '区卫健委', '区农业农村局'].map((department) => ({ department, passed: true }));

  /** Appoints a new person to a post; the cadre's id and version. */
  async function appoint(county: CountyCodes, postId: string, person: Person, startDate = '2024-01-01'): Promise<{ id: string; version: number }> {
    const data = await p.client.ok<{ appointCadre: { cadre: { id: string; version: number } } }>(actors.countyAdmin(county.code), APPOINT, {
      i: {
        postId,
        name: person.name,
        gender: 'MALE',
        birthDate: person.birthDate ?? '1986-05-01',
        educationLevel: person.educationLevel ?? 'BACHELOR',
        partyJoinDate: person.partyJoinDate === undefined ? '2010-07-01' : person.partyJoinDate,
        situations: person.situations ?? [],
        vetting: VETTED,
        startDate,
      },
    });
    return data.appointCadre.cadre;
  }

  describe('定岗: applyPostTemplate', () => {
    it('gives 一委两站五岗 in the enabling county and the baseline posts elsewhere', async () => {
      const here = await p.client.ok<TemplateResult>(admin(), TEMPLATE, { v: p.county.community(1) });
      expect(here.applyPostTemplate.templateName).toBe('一委两站五岗');
      expect(here.applyPostTemplate.decision).toEqual({ policy: 'suyu-sanding', rule: 'POST_TEMPLATE' });
      expect(here.applyPostTemplate.created.map((x) => x.title).sort()).toEqual(
        [
        '社区党委书记',
        '社区党委副书记',
        '社区党委委员',
        '党建工作站',
        '文明实践站',
        '便民服务岗',
        '产业发展岗',
        '生态优居岗',
        '网格治理岗',
        '富民增收岗',
        ].sort(),
      );
      const stations = here.applyPostTemplate.created.filter((x) => x.category === 'FULL_TIME_STAFF');
      expect(stations).toHaveLength(7);
      expect(here.applyPostTemplate.created.every((x) => x.fullTime && x.responsibilities.length >= 2)).toBe(true);
      expect(here.applyPostTemplate.created.flatMap((x) => x.targets).every((t) => t.target === null && t.measure.includes('乡（镇）设定，按月考核'))).toBe(true);

      const there = await p.client.ok<TemplateResult>(controlAdmin(), TEMPLATE, { v: p.control.community(1) });
      expect(there.applyPostTemplate.decision.policy).toBe('baseline');
      expect(there.applyPostTemplate.created.map((x) => x.code)).toEqual(['secretary', 'organisation', 'director', 'clerk', 'supervision']);
    });
  });

  describe('报酬: computePayroll', () => {
    const month = '2025-06';
    interface Component {
      kind: string;
      amount: number;
      decision: { policy: string; rule: string; zh: string };
    }
    interface Payroll {
      computePayroll: { policy: string; total: number; records: { cadre: { name: string }; total: number; components: Component[] }[] };
    }
    const PAYROLL = `mutation($v: String!, $m: String!) { computePayroll(villageCode: $v, month: $m) {
      policy total records { cadre { name } total components { kind amount decision { policy rule zh } } } } }`;
    const APPRAISE = `mutation($i: RecordAppraisalInput!) { recordAppraisal(input: $i) { total policy } }`;
    const scores = (targetCompletion: number, dutyPerformance: number, workDiscipline: number, residentFeedback: number) => [
      { dimension: 'targetCompletion', score: targetCompletion },
      { dimension: 'dutyPerformance', score: dutyPerformance },
      { dimension: 'workDiscipline', score: workDiscipline },
      { dimension: 'residentFeedback', score: residentFeedback },
    ];
    const GRADE = `mutation($i: SetSuyuPayGradeInput!) { setSuyuPayGrade(input: $i) { cadreId postClass grade monthlyBase recorded version } }`;
    const SPECIAL = `mutation($i: RecordSuyuSpecialWorkInput!) { recordSuyuSpecialWork(input: $i) { kind month amount title cadreId } }`;
    const DEVELOPMENT = `mutation($i: RecordSuyuDevelopmentPayInput!) { recordSuyuDevelopmentPay(input: $i) { kind month amount title } }`;

    let village: string;
    let secretary: { id: string };
    let staff: { id: string };
    beforeAll(async () => {
      village = p.county.village(1);
      const posts = await postsOf(p.county, village);
      secretary = await appoint(p.county, posts.secretary, { name: '书记甲' });
      staff = await appoint(p.county, posts['suyu.gridGovernance'], { name: '网格员乙', partyJoinDate: null });
    });

    it('records a 四岗20级 grade for serving cadres only, within the scale, changed only at the version read', async () => {
      const set = await p.client.ok<{ setSuyuPayGrade: Record<string, unknown> }>(admin(), GRADE, { i: { cadreId: secretary.id, postClass: 'SECRETARY', grade: 4 } });
      expect(set.setSuyuPayGrade).toEqual({ cadreId: secretary.id, postClass: 'SECRETARY', grade: 4, monthlyBase: 3840, recorded: true, version: 1 });
      expect(p.client.codeOf(await p.client.gql(admin(), GRADE, { i: { cadreId: secretary.id, postClass: 'SECRETARY', grade: 5 } }))).toBe('CONFLICT');
      expect(p.client.codeOf(await p.client.gql(admin(), GRADE, { i: { cadreId: secretary.id, postClass: 'SECRETARY', grade: 21, expectedVersion: 1 } }))).toBe('BAD_USER_INPUT');
      expect(p.client.codeOf(await p.client.gql(actors.villageCadre(village), GRADE, { i: { cadreId: secretary.id, postClass: 'SECRETARY', grade: 5, expectedVersion: 1 } }))).toBe(
        'FORBIDDEN',
      );
      const changed = await p.client.ok<{ setSuyuPayGrade: { grade: number; monthlyBase: number; version: number } }>(admin(), GRADE, {
        i: { cadreId: secretary.id, postClass: 'SECRETARY', grade: 5, expectedVersion: 1 },
      });
      expect(changed.setSuyuPayGrade).toMatchObject({ grade: 5, monthlyBase: 3920, version: 2 });
      expect(await p.rows('personnel')('audit_log', "action = 'setSuyuPayGrade'")).toBe(2);

      const grades = await p.client.ok<{ s: { suyuPayGrade: Record<string, unknown> }; t: { suyuPayGrade: Record<string, unknown> } }>(
        admin(),
        `query($s: ID!, $t: ID!) { s: cadre(id: $s) { suyuPayGrade { postClass grade monthlyBase recorded } } t: cadre(id: $t) { suyuPayGrade { postClass grade monthlyBase recorded } } }`,
        { s: secretary.id, t: staff.id },
      );
      expect(grades.s.suyuPayGrade).toEqual({ postClass: 'SECRETARY', grade: 5, monthlyBase: 3920, recorded: true });
      expect(grades.t.suyuPayGrade).toEqual({ postClass: 'STAFF', grade: 1, monthlyBase: 2400, recorded: false });
    });

    it('refuses special-work pay above the county’s single-item limit of 20,000', async () => {
      const res = await p.client.gql(admin(), SPECIAL, { i: { cadreId: staff.id, month, amount: 20000.01, title: '超额' } });
      expect(p.client.codeOf(res)).toBe('BAD_USER_INPUT');
      expect(await p.rows('personnel')('suyu_pay_item')).toBe(0);
    });

    it('pays base (grade table) + appraisal + special-work + development pay, less sanction deductions, under the plugin', async () => {
      await p.client.ok(admin(), APPRAISE, { i: { cadreId: secretary.id, periodType: 'MONTH', period: month, scores: scores(100, 80, 60, 90) } });
      const staffAppraisal = await p.client.ok<{ recordAppraisal: { total: number; policy: string } }>(admin(), APPRAISE, {
        i: { cadreId: staff.id, periodType: 'MONTH', period: month, scores: scores(80, 80, 80, 80) },
      });
      expect(staffAppraisal.recordAppraisal).toEqual({ total: 80, policy: 'suyu-sanding' });
      const special = await p.client.ok<{ recordSuyuSpecialWork: Record<string, unknown> }>(admin(), SPECIAL, { i: { cadreId: staff.id, month, amount: 800, title: '防汛值守' } });
      expect(special.recordSuyuSpecialWork).toEqual({ kind: 'SPECIAL_WORK', month, amount: 800, title: '防汛值守', cadreId: staff.id });
      await p.client.ok(admin(), DEVELOPMENT, { i: { cadreId: staff.id, month, amount: 1200, reason: '村集体经营性收入增长' } });
      await p.client.ok(admin(), DEVELOPMENT, { i: { cadreId: staff.id, month: '2025-07', amount: 999, reason: '下月的不计入本月' } });
      // three unreported absences in the year: the third deducts half the month's appraisal pay (baseline attendance rule)
      for (const date of ['2025-04-01', '2025-05-06', '2025-06-03']) {
        await p.client.ok(admin(), `mutation($i: RecordInspectionFindingInput!) { recordInspectionFinding(input: $i) { finding { id } } }`, { i: { cadreId: secretary.id, date, note: '督查时不在岗' } });
      }

      const data = await p.client.ok<Payroll>(admin(), PAYROLL, { v: village, m: month });
      expect(data.computePayroll.policy).toBe('suyu-sanding');
      const byName = Object.fromEntries(data.computePayroll.records.map((r) => [r.cadre.name, r]));
      const view = (name: string) => byName[name].components.map((c) => [c.kind, c.amount, c.decision.rule]);
      // secretary: 书记岗第5级 3,920; appraisal 1,500 × 88.5 ÷ 100 = 1,327.5; half of it deducted
      expect(view('书记甲')).toEqual([
        ['BASE', 3920, 'SUYU_BASE_PAY_GRADE'],
        ['PERFORMANCE', 1327.5, 'SUYU_APPRAISAL_PAY_MONTH'],
        ['DEDUCTION', -663.75, 'SANCTION_DEDUCTION'],
      ]);
      // staff (no grade recorded): 专职岗第1级 2,400; appraisal 900 × 80 ÷ 100 = 720; special work 800; development 1,200
      expect(view('网格员乙')).toEqual([
        ['BASE', 2400, 'SUYU_BASE_PAY_DEFAULT_GRADE'],
        ['PERFORMANCE', 720, 'SUYU_APPRAISAL_PAY_MONTH'],
        ['SPECIAL_WORK', 800, 'SUYU_SPECIAL_WORK'],
        ['DEVELOPMENT', 1200, 'SUYU_DEVELOPMENT_PAY'],
      ]);
      expect(byName['网格员乙'].total).toBe(5120);
      expect(data.computePayroll.total).toBe(3920 + 1327.5 - 663.75 + 5120);
      expect(data.computePayroll.records.flatMap((r) => r.components).every((c) => c.decision.policy === 'suyu-sanding')).toBe(true);
      expect(byName['书记甲'].components[0].decision.zh).toContain('书记岗第5级');

      const items = await p.client.ok<{ cadre: { june: { kind: string; amount: number }[]; all: { month: string }[] } }>(
        actors.auditor(p.county.code),
        `query($id: ID!) { cadre(id: $id) { june: suyuPayItems(month: "2025-06") { kind amount } all: suyuPayItems { month } } }`,
        { id: staff.id },
      );
      expect(items.cadre.june).toEqual([
        { kind: 'SPECIAL_WORK', amount: 800 },
        { kind: 'DEVELOPMENT', amount: 1200 },
      ]);
      expect(items.cadre.all.map((i) => i.month)).toEqual(['2025-06', '2025-06', '2025-07']);
    });

    it('pays the baseline in the control county, where the Suyu pay operations answer PLUGIN_NOT_ENABLED', async () => {
      const controlVillage = p.control.village(1);
      const posts = await postsOf(p.control, controlVillage);
      const cadre = await appoint(p.control, posts.secretary, { name: '对照书记' });
      const data = await p.client.ok<Payroll>(controlAdmin(), PAYROLL, { v: controlVillage, m: month });
      expect(data.computePayroll.policy).toBe('baseline');
      expect(data.computePayroll.records[0].components.map((c) => [c.kind, c.amount, c.decision.rule])).toEqual([
        ['BASE', 3000, 'BASE_BY_POST'],
        ['PERFORMANCE', 0, 'PERFORMANCE_NOT_APPRAISED'],
      ]);
      expect(p.client.codeOf(await p.client.gql(controlAdmin(), GRADE, { i: { cadreId: cadre.id, postClass: 'SECRETARY', grade: 3 } }))).toBe('PLUGIN_NOT_ENABLED');
      expect(p.client.codeOf(await p.client.gql(controlAdmin(), SPECIAL, { i: { cadreId: cadre.id, month, amount: 100, title: '专项' } }))).toBe('PLUGIN_NOT_ENABLED');
      const field = await p.client.gql(controlAdmin(), `query($id: ID!) { cadre(id: $id) { name suyuPayGrade { grade } } }`, { id: cadre.id });
      expect(p.client.codeOf(field)).toBe('PLUGIN_NOT_ENABLED');
    });

    it('special-work and development pay sent with a key twice, and three times at once: one item per key; the key with another input is CONFLICT', async () => {
      const items = () => p.rows('personnel')('suyu_pay_item', `cadre_id = $1 AND month = '2023-05'`, [staff.id]);
      const special = await checkIdempotentCreate(p, admin(), {
        mutation: 'recordSuyuSpecialWork',
        input: { cadreId: staff.id, month: '2023-05', amount: 300, title: '重试专项' },
        other: { cadreId: staff.id, month: '2023-05', amount: 400, title: '重试专项' },
        select: 'id kind amount',
        count: items,
      });
      expect(special).toMatchObject({ written: 2, first: { kind: 'SPECIAL_WORK', amount: 300 } });
      const development = await checkIdempotentCreate(p, admin(), {
        mutation: 'recordSuyuDevelopmentPay',
        input: { cadreId: staff.id, month: '2023-05', amount: 500, reason: '重试发展' },
        other: { cadreId: staff.id, month: '2023-05', amount: 600, reason: '重试发展' },
        select: 'id kind amount',
        count: items,
      });
      expect(development.written).toBe(2);
    });
  });

  describe('考核: appraisal dimensions and finalizeAnnualRatings', () => {
    it('evaluates the year three ways in the enabling county, 德能勤绩廉 elsewhere', async () => {
      const q = `query($r: String!) { appraisalDimensions(regionCode: $r, category: FULL_TIME_STAFF, periodType: YEAR) { code title weight policy } }`;
      const here = await p.client.ok<{ appraisalDimensions: { code: string; title: string; weight: number; policy: string }[] }>(admin(), q, { r: p.county.code });
      expect(here.appraisalDimensions.map((d) => [d.title, d.weight, d.policy])).toEqual([
        ['区级综合考核', 0.5, 'suyu-sanding'],
        ['乡镇党委工作评价', 0.3, 'suyu-sanding'],
        ['群众满意度测评', 0.2, 'suyu-sanding'],
      ]);
      const there = await p.client.ok<{ appraisalDimensions: { code: string; policy: string }[] }>(controlAdmin(), q, { r: p.control.code });
      expect(there.appraisalDimensions.map((d) => d.code)).toEqual(['morality', 'ability', 'diligence', 'results', 'integrity']);
    });

    it('keeps 优秀 within 20% of the township: of five rated cadres one is 优秀, the next 90+ falls to 称职', async () => {
      const township = p.county.township(2);
      const village = p.county.village(1, 2);
      const posts = await postsOf(p.county, village);
      const codes = ['secretary', 'suyu.deputySecretary', 'suyu.committeeMember', 'suyu.convenienceService', 'suyu.incomeGrowth'];
      const annual: [number, number, number][] = [
        [98, 95, 90], // 95.5
        [95, 92, 90], // 93.1
        [85, 80, 80], // 82.5
        [70, 75, 80], // 73.5
        [50, 60, 55], // 54
      ];
      const ids: string[] = [];
      for (const [i, code] of codes.entries()) {
        const cadre = await appoint(p.county, posts[code], { name: `年度${i + 1}` });
        ids.push(cadre.id);
        const [districtAppraisal, townshipEvaluation, residentSatisfaction] = annual[i];
        await p.client.ok(admin(), `mutation($i: RecordAppraisalInput!) { recordAppraisal(input: $i) { id } }`, {
          i: {
            cadreId: cadre.id,
            periodType: 'YEAR',
            period: '2024',
            scores: [
              { dimension: 'districtAppraisal', score: districtAppraisal },
              { dimension: 'townshipEvaluation', score: townshipEvaluation },
              { dimension: 'residentSatisfaction', score: residentSatisfaction },
            ],
          },
        });
      }
      const data = await p.client.ok<{
        finalizeAnnualRatings: { policy: string; ratings: { total: number; provisionalRating: string; finalRating: string; finalDecision: { policy: string; rule: string }; cadre: { id: string } }[] };
      }>(admin(), `mutation($t: String!) { finalizeAnnualRatings(townshipCode: $t, year: 2024) { policy ratings { total provisionalRating finalRating finalDecision { policy rule } cadre { id } } } }`, {
        t: township,
      });
      expect(data.finalizeAnnualRatings.policy).toBe('suyu-sanding');
      expect(data.finalizeAnnualRatings.ratings.map((r) => [r.cadre.id, r.total, r.provisionalRating, r.finalRating, r.finalDecision.rule])).toEqual([
        [ids[0], 95.5, 'EXCELLENT', 'EXCELLENT', 'SUYU_EXCELLENT_WITHIN_QUOTA'],
        [ids[1], 93.1, 'EXCELLENT', 'COMPETENT', 'SUYU_EXCELLENT_QUOTA_EXCEEDED'],
        [ids[2], 82.5, 'COMPETENT', 'COMPETENT', 'SUYU_RATING_THRESHOLD'],
        [ids[3], 73.5, 'COMPETENT', 'COMPETENT', 'SUYU_RATING_THRESHOLD'],
        [ids[4], 54, 'INCOMPETENT', 'INCOMPETENT', 'SUYU_RATING_THRESHOLD'],
      ]);
    });
  });

  describe('凡进必审: checkEligibility', () => {
    const CHECK = `query($i: CheckEligibilityInput!) { checkEligibility(input: $i) { eligible policy violations { rule zh policy } } }`;
    const candidate = (postId: string, situations: string[]) => ({
      postId,
      name: '候选人',
      gender: 'FEMALE',
      birthDate: '1990-02-01',
      educationLevel: 'COLLEGE',
      situations,
      vetting: VETTED,
      asOf: '2025-06-01',
    });

    it('refuses a candidate declaring a hard exit situation in the enabling county and writes nothing on appointment', async () => {
      const posts = await postsOf(p.county, p.county.village(2));
      const clean = await p.client.ok<{ checkEligibility: { eligible: boolean; policy: string } }>(admin(), CHECK, { i: candidate(posts['suyu.ecologicalLiving'], []) });
      expect(clean.checkEligibility).toMatchObject({ eligible: true, policy: 'suyu-sanding' });
      const refused = await p.client.ok<{ checkEligibility: { eligible: boolean; violations: { rule: string; zh: string; policy: string }[] } }>(admin(), CHECK, {
        i: candidate(posts['suyu.ecologicalLiving'], ['ILLEGAL_RELIGION']),
      });
      expect(refused.checkEligibility).toEqual({
        eligible: false,
        policy: 'suyu-sanding',
        violations: [{ rule: 'SUYU_EXIT_SITUATION', zh: '存在13种刚性退出情形之一：参与非法宗教活动或邪教组织（凡进必审）', policy: 'suyu-sanding' }],
      });
      const before = await p.rows('personnel')('cadre');
      const appointed = await p.client.gql(admin(), APPOINT, {
        i: { postId: posts['suyu.ecologicalLiving'], name: '候选人', gender: 'FEMALE', birthDate: '1990-02-01', educationLevel: 'COLLEGE', situations: ['LONG_ABSENCE'], startDate: '2025-06-01' },
      });
      expect(p.client.codeOf(appointed)).toBe('POLICY_VIOLATION');
      expect(await p.rows('personnel')('cadre')).toBe(before);
    });

    it('凡进必审: an appointment without the county’s joint vetting (vetting: []) is refused, naming each missing department, and writes nothing', async () => {
      const posts = await postsOf(p.county, p.county.village(2));
      const before = await p.rows('personnel')('cadre');
      const refused = await p.client.gql(admin(), APPOINT, {
        i: { postId: posts['suyu.ecologicalLiving'], name: '未审者', gender: 'MALE', birthDate: '1990-02-01', educationLevel: 'COLLEGE', vetting: [], startDate: '2025-06-01' },
      });
      expect(p.client.codeOf(refused)).toBe('POLICY_VIOLATION');
      const violations = (refused.errors?.[0]?.extensions?.violations ?? []) as { rule: string; zh: string }[];
      expect(violations.map((v) => v.rule)).toEqual(Array(9).fill('VETTING_MISSING'));
      expect(violations[0].zh).toBe('缺少联审部门意见：纪检监察（凡进必审）');
      expect(await p.rows('personnel')('cadre')).toBe(before);
      // the baseline county does not require the list
      const control = await postsOf(p.control, p.control.village(2));
      const there = await p.client.ok<{ checkEligibility: { eligible: boolean } }>(controlAdmin(), CHECK, { i: { ...candidate(control.clerk, []), vetting: [] } });
      expect(there.checkEligibility.eligible).toBe(true);
    });

    it('judges the same candidate by the baseline in the control county: a code the baseline does not know is UNKNOWN_SITUATION, not a raw code', async () => {
      const posts = await postsOf(p.control, p.control.village(2));
      const res = await p.client.ok<{ checkEligibility: { eligible: boolean; policy: string; violations: { rule: string; zh: string }[] } }>(controlAdmin(), CHECK, {
        i: candidate(posts.clerk, ['ILLEGAL_RELIGION']),
      });
      expect(res.checkEligibility.policy).toBe('baseline');
      expect(res.checkEligibility.violations.map((v) => v.rule)).toEqual(['UNKNOWN_SITUATION']);
      expect(res.checkEligibility.violations[0].zh).toMatch(/^未知的情形代码ILLEGAL_RELIGION（本县的7种情形：CRIMINAL_RECORD, /);
    });
  });

  describe('凡违必清: flagSuyuExitSituation, Cadre.suyuExitFlags, suyuExitReview', () => {
    const FLAG = `mutation($i: FlagSuyuExitSituationInput!) { flagSuyuExitSituation(input: $i) { id cadreId situation zh en foundOn note flaggedBy } }`;
    const REVIEW = `query($r: String!, $first: Int, $after: String) { suyuExitReview(regionCode: $r, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id name suyuExitFlags { situation foundOn } } } }`;
    let township: string;
    let cadres: { id: string; version: number }[];
    beforeAll(async () => {
      township = p.county.township(3);
      cadres = [];
      for (const n of [1, 2]) {
        const posts = await postsOf(p.county, p.county.village(n, 3));
        for (const code of ['secretary', 'suyu.partyBuildingStation', 'suyu.civilisationStation', 'suyu.gridGovernance']) {
          cadres.push(await appoint(p.county, posts[code], { name: `村${n}${code}` }));
        }
      }
    });

    it('flags a listed situation on a serving cadre, shows it on the cadre and in the review', async () => {
      const officer = actors.townshipOfficer(township);
      const flag = await p.client.ok<{ flagSuyuExitSituation: Record<string, unknown> }>(officer, FLAG, {
        i: { cadreId: cadres[0].id, situation: 'REFUSING_WORK', foundOn: '2025-05-20', note: '拒不完成乡镇交办的防汛任务' },
      });
      expect(flag.flagSuyuExitSituation).toMatchObject({
        cadreId: cadres[0].id,
        situation: 'REFUSING_WORK',
        zh: '拒不执行上级党组织决定、拒不完成乡（镇）交办工作任务',
        foundOn: '2025-05-20',
        flaggedBy: officer.id,
      });
      await p.client.ok(admin(), FLAG, { i: { cadreId: cadres[0].id, situation: 'DEFAULTER', foundOn: '2025-06-01', note: '列入失信被执行人名单' } });
      await p.client.ok(admin(), FLAG, { i: { cadreId: cadres[5].id, situation: 'LONG_ABSENCE', foundOn: '2025-04-02', note: '连续外出未报备' } });
      expect(await p.rows('personnel')('audit_log', "action = 'flagSuyuExitSituation'")).toBe(3);

      const data = await p.client.ok<{ cadre: { suyuExitFlags: { situation: string; foundOn: string }[] } }>(
        actors.auditor(p.county.code),
        `query($id: ID!) { cadre(id: $id) { suyuExitFlags { situation foundOn } } }`,
        { id: cadres[0].id },
      );
      expect(data.cadre.suyuExitFlags).toEqual([
        { situation: 'REFUSING_WORK', foundOn: '2025-05-20' },
        { situation: 'DEFAULTER', foundOn: '2025-06-01' },
      ]);

      type Review = { suyuExitReview: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { id: string; suyuExitFlags: { situation: string }[] }[] } };
      const first = await p.client.ok<Review>(officer, REVIEW, { r: township, first: 1 });
      expect(first.suyuExitReview.totalCount).toBe(2);
      expect(first.suyuExitReview.pageInfo.hasNextPage).toBe(true);
      const second = await p.client.ok<Review>(officer, REVIEW, { r: township, first: 1, after: first.suyuExitReview.pageInfo.endCursor });
      expect([...first.suyuExitReview.nodes, ...second.suyuExitReview.nodes].map((n) => [n.id, n.suyuExitFlags.map((f) => f.situation)])).toEqual([
        [cadres[0].id, ['REFUSING_WORK', 'DEFAULTER']],
        [cadres[5].id, ['LONG_ABSENCE']],
      ]);
      expect(second.suyuExitReview.pageInfo.hasNextPage).toBe(false);
    });

    it('refuses situations outside the county’s list, duplicates, non-managers, cadres out of scope and cadres who left', async () => {
      const bad = await p.client.gql(admin(), FLAG, { i: { cadreId: cadres[1].id, situation: 'GAMBLING', foundOn: '2025-05-20', note: '赌博' } });
      expect(p.client.codeOf(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors![0].extensions!.field).toBe('situation');
      const twice = await p.client.gql(admin(), FLAG, { i: { cadreId: cadres[0].id, situation: 'REFUSING_WORK', foundOn: '2025-05-20', note: '重复' } });
      expect(p.client.codeOf(twice)).toBe('CONFLICT');
      const cadreActor = await p.client.gql(actors.villageCadre(p.county.village(1, 3)), FLAG, { i: { cadreId: cadres[1].id, situation: 'DEFAULTER', foundOn: '2025-05-20', note: '失信' } });
      expect(p.client.codeOf(cadreActor)).toBe('FORBIDDEN');
      const otherTownship = await p.client.gql(actors.townshipOfficer(p.county.township(1)), FLAG, { i: { cadreId: cadres[1].id, situation: 'DEFAULTER', foundOn: '2025-05-20', note: '失信' } });
      expect(p.client.codeOf(otherTownship)).toBe('FORBIDDEN');
      const missing = await p.client.gql(admin(), FLAG, { i: { cadreId: '00000000-0000-4000-8000-000000000000', situation: 'DEFAULTER', foundOn: '2025-05-20', note: '失信' } });
      expect(p.client.codeOf(missing)).toBe('NOT_FOUND');
      const future = await p.client.gql(admin(), FLAG, { i: { cadreId: cadres[1].id, situation: 'DEFAULTER', foundOn: '2999-01-01', note: '失信' } });
      expect(p.client.codeOf(future)).toBe('BAD_USER_INPUT');
      const resident = await p.client.gql(actors.resident(p.county.village(1, 3)), `query($id: ID!) { cadre(id: $id) { suyuExitFlags { situation } } }`, { id: cadres[0].id });
      expect(p.client.codeOf(resident)).toBe('FORBIDDEN');

      const leaving = cadres[7];
      await p.client.ok(admin(), `mutation($i: DischargeCadreInput!) { dischargeCadre(input: $i) { cadre { status } } }`, {
        i: { cadreId: leaving.id, departureType: 'RESIGNED', reason: '辞职', date: '2025-06-01', expectedVersion: leaving.version },
      });
      const left = await p.client.gql(admin(), FLAG, { i: { cadreId: leaving.id, situation: 'DEFAULTER', foundOn: '2025-05-20', note: '失信' } });
      expect(p.client.codeOf(left)).toBe('BAD_USER_INPUT');
      expect(await p.rows('personnel')('suyu_exit_flag')).toBe(3);
    });

    it('answers PLUGIN_NOT_ENABLED in the control county', async () => {
      const posts = await postsOf(p.control, p.control.village(3));
      const cadre = await appoint(p.control, posts.clerk, { name: '对照委员' });
      const flag = await p.client.gql(controlAdmin(), FLAG, { i: { cadreId: cadre.id, situation: 'DEFAULTER', foundOn: '2025-05-20', note: '失信' } });
      expect(p.client.codeOf(flag)).toBe('PLUGIN_NOT_ENABLED');
      const field = await p.client.gql(controlAdmin(), `query($id: ID!) { cadre(id: $id) { suyuExitFlags { situation } } }`, { id: cadre.id });
      expect(p.client.codeOf(field)).toBe('PLUGIN_NOT_ENABLED');
      const review = await p.client.gql(controlAdmin(), REVIEW, { r: p.control.code });
      expect(p.client.codeOf(review)).toBe('PLUGIN_NOT_ENABLED');
    });

    it('reads the flags of a list of cadres in a flat number of statements (no N+1)', async () => {
      const list = `query($r: String!, $first: Int!) { cadres(regionCode: $r, first: $first) { nodes { name suyuExitFlags { situation } } } }`;
      type Data = { cadres: { nodes: { name: string; suyuExitFlags: { situation: string }[] }[] } };
      const personnelSubgraph = p.subgraphs.personnel;
      const few = await countQueries(personnelSubgraph, () => p.client.ok<Data>(admin(), list, { r: township, first: 2 }));
      const many = await countQueries(personnelSubgraph, () => p.client.ok<Data>(admin(), list, { r: township, first: 8 }));
      expect(few.result.cadres.nodes).toHaveLength(2);
      expect(many.result.cadres.nodes).toHaveLength(8);
      expect(many.result.cadres.nodes.flatMap((n) => n.suyuExitFlags.map((f) => f.situation)).sort()).toEqual(['DEFAULTER', 'LONG_ABSENCE', 'REFUSING_WORK']);
      expect(many.count).toBe(few.count);
      expect(many.count).toBe(3);
    });
  });

  describe('荣誉: dischargeCadre', () => {
    const DISCHARGE = `mutation($i: DischargeCadreInput!) { dischargeCadre(input: $i) { honor { honor payment decision { policy rule } } } }`;
    type Discharge = { dischargeCadre: { honor: { honor: string | null; payment: number; decision: { policy: string; rule: string } } } };

    it('pays the 10-year honour payment with the two-star medal after a normal departure of 11 years', async () => {
      const posts = await postsOf(p.county, p.county.village(3));
      const cadre = await appoint(p.county, posts['suyu.industryDevelopment'], { name: '老村干', birthDate: '1970-03-01' }, '2014-03-01');
      const data = await p.client.ok<Discharge>(admin(), DISCHARGE, {
        i: { cadreId: cadre.id, departureType: 'NORMAL', reason: '届满离任', date: '2025-03-01', expectedVersion: cadre.version },
      });
      expect(data.dischargeCadre.honor).toEqual({ honor: '星级豫美村干勋章（二星）', payment: 10000, decision: { policy: 'suyu-sanding', rule: 'SUYU_HONOR_TIER' } });
    });

    it('gives nothing to a resignation, and only the baseline certificate in the control county', async () => {
      const posts = await postsOf(p.county, p.county.village(3));
      const cadre = await appoint(p.county, posts['suyu.incomeGrowth'], { name: '辞职村干', birthDate: '1970-03-01' }, '2004-03-01');
      const resigned = await p.client.ok<Discharge>(admin(), DISCHARGE, {
        i: { cadreId: cadre.id, departureType: 'RESIGNED', reason: '辞职', date: '2025-03-01', expectedVersion: cadre.version },
      });
      expect(resigned.dischargeCadre.honor).toEqual({ honor: null, payment: 0, decision: { policy: 'suyu-sanding', rule: 'SUYU_HONOR_NOT_NORMAL' } });

      const controlPosts = await postsOf(p.control, p.control.village(3));
      const other = await appoint(p.control, controlPosts.supervision, { name: '对照老村干', birthDate: '1970-03-01' }, '2014-03-01');
      const there = await p.client.ok<Discharge>(controlAdmin(), DISCHARGE, {
        i: { cadreId: other.id, departureType: 'NORMAL', reason: '届满离任', date: '2025-03-01', expectedVersion: other.version },
      });
      expect(there.dischargeCadre.honor).toEqual({ honor: '村干部荣誉证书', payment: 0, decision: { policy: 'baseline', rule: 'HONOR_CERTIFICATE' } });
    });
  });
});
