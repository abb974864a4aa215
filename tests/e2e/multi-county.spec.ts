import { featuredVillages } from '@xiangzhi/demo';
import { subgraph as grids } from '@xiangzhi/grids';
import jiangxi135 from '@xiangzhi/jiangxi-135';
import { Role, type Actor } from '@xiangzhi/kernel';
import longshanQihua from '@xiangzhi/longshan-qihua';
import { subgraph as personnel } from '@xiangzhi/personnel';
import suyuSanding from '@xiangzhi/suyu-sanding';
import { codeOf, graphqlClient, startTestPlatform, type TestPlatform } from '@xiangzhi/testing';

/**
 * One deployment, four counties, four models: 龙山县 runs longshan-qihua, 宿豫区 suyu-sanding, 信丰县
 * jiangxi-135, and 七星关区 no plugin (the national baseline). The same GraphQL calls through the one
 * gateway — checkEligibility, recordInspectionFinding, computePayroll — give each county its own
 * model's answer, on the demo data, with every plugin installed everywhere.
 */
const COUNTIES = [
  { code: '433130', name: '龙山县', plugin: 'longshan-qihua' },
  { code: '321311', name: '宿豫区', plugin: 'suyu-sanding' },
  { code: '360722', name: '信丰县', plugin: 'jiangxi-135' },
  { code: '520502', name: '七星关区', plugin: null },
] as const;
type CountyCode = (typeof COUNTIES)[number]['code'];

const villageOf = (county: string) => featuredVillages().find((v) => v.code.startsWith(county))!;
const admin = (county: string): Actor => ({ id: `e2e-admin-${county}`, roles: [Role.COUNTY_ADMIN], scope: `${county}000000` });

/** The nine departments of the joint vetting (联审), all passed. */
const VETTING = ['县纪委监委', '县委组织部', '县委政法委', '县公安局', '县检察院', '县法院', '县信访局', '县卫健局', '县农业农村局'].map((department) => ({ department, passed: true }));

interface Secretary {
  cadreId: string;
  postId: string;
}

describe('one deployment serving three county models and the baseline (gateway, demo data)', () => {
  let platform: TestPlatform;
  const { ok, gql } = graphqlClient(() => platform);
  const secretaries = new Map<CountyCode, Secretary>();

  beforeAll(async () => {
    platform = await startTestPlatform({
      subgraphs: [grids, personnel],
      plugins: [suyuSanding, longshanQihua, jiangxi135],
      countyParams: {
        '321311': { 'suyu-sanding': {} },
        '433130': { 'longshan-qihua': {} },
        '360722': { 'jiangxi-135': {} },
      },
      seed: true,
    });
    for (const county of COUNTIES) {
      const village = villageOf(county.code);
      const data = await ok<{ region: { cadres: { id: string; posts: { id: string; category: string }[] }[] } }>(
        admin(county.code),
        'query ($c: ID!) { region(code: $c) { cadres { id posts { id category } } } }',
        { c: village.code },
      );
      const cadre = data.region.cadres.find((c) => c.posts.some((p) => p.category === 'PARTY_SECRETARY'))!;
      secretaries.set(county.code, { cadreId: cadre.id, postId: cadre.posts.find((p) => p.category === 'PARTY_SECRETARY')!.id });
    }
  }, 420_000);
  afterAll(() => platform?.stop());

  it('serves the demo villages of all four counties, 信丰县 with the seed’s pilot villages', async () => {
    const data = await ok<{ region: { name: string; children: { name: string }[] } }>(admin('360722'), '{ region(code: "360722000000") { name children { name } } }');
    expect(data.region.name).toBe('信丰县');
    expect(data.region.children).toHaveLength(16);
    expect(villageOf('360722').name).toBe('坑口村');
    expect(secretaries.size).toBe(4);
  });

  it('checkEligibility: the same 57-year-old candidate for village Party secretary', async () => {
    const answers: Record<string, { eligible: boolean; policy: string; rules: string[] }> = {};
    for (const county of COUNTIES) {
      const data = await ok<{ checkEligibility: { eligible: boolean; policy: string; violations: { rule: string; policy: string }[] } }>(
        admin(county.code),
        'query ($i: CheckEligibilityInput!) { checkEligibility(input: $i) { eligible policy violations { rule policy } } }',
        {
          i: {
            postId: secretaries.get(county.code)!.postId,
            name: '同一候选人',
            gender: 'MALE',
            birthDate: '1969-05-01',
            educationLevel: 'BACHELOR',
            partyJoinDate: '1995-07-01',
            situations: [],
            vetting: VETTING,
            exceptional: false,
            asOf: '2026-11-23',
          },
        },
      );
      answers[county.name] = { eligible: data.checkEligibility.eligible, policy: data.checkEligibility.policy, rules: data.checkEligibility.violations.map((v) => v.rule) };
    }
    expect(answers).toEqual({
      // 龙山: a new secretary must be under 57 (seed 001)
      龙山县: { eligible: false, policy: 'longshan-qihua', rules: ['SECRETARY_NEW_AGE'] },
      // 宿豫: the national age rule (≤ 60) plus the 13 exit situations, none declared
      宿豫区: { eligible: true, policy: 'suyu-sanding', rules: [] },
      // 江西 135 sets no eligibility rule of its own: the baseline
      信丰县: { eligible: true, policy: 'baseline', rules: [] },
      七星关区: { eligible: true, policy: 'baseline', rules: [] },
    });
  });

  it('recordInspectionFinding: the same first unreported absence of each village secretary', async () => {
    const sanctions: Record<string, unknown> = {};
    for (const county of COUNTIES) {
      const data = await ok<{ recordInspectionFinding: { sanction: { measures: string[]; deductionShare: number; deductionPeriod: string | null; decision: { policy: string; rule: string } } } }>(
        admin(county.code),
        'mutation ($i: RecordInspectionFindingInput!) { recordInspectionFinding(input: $i) { sanction { measures deductionShare deductionPeriod decision { policy rule } } } }',
        { i: { cadreId: secretaries.get(county.code)!.cadreId, date: '2026-10-20', note: '县委督查组暗访发现未报备离岗' } },
      );
      sanctions[county.name] = data.recordInspectionFinding.sanction;
    }
    const baselineFirst = { measures: ['REMINDER_TALK'], deductionShare: 0, deductionPeriod: null, decision: { policy: 'baseline', rule: 'ABSENCE_FIRST' } };
    expect(sanctions).toEqual({
      // 龙山: the first time, 30% of that month's performance pay
      龙山县: { measures: ['DEDUCT_PERFORMANCE_PAY'], deductionShare: 0.3, deductionPeriod: 'MONTH', decision: { policy: 'longshan-qihua', rule: 'LONGSHAN_ABSENCE_FIRST' } },
      宿豫区: baselineFirst,
      信丰县: baselineFirst,
      七星关区: baselineFirst,
    });
  });

  it('computePayroll: the same village payroll call, four pay models', async () => {
    const payrolls: Record<string, { policies: string[]; secretaryRules: string[]; secretaryTotal: number }> = {};
    for (const county of COUNTIES) {
      const village = villageOf(county.code);
      const data = await ok<{ computePayroll: { policy: string; records: { cadre: { id: string }; total: number; components: { kind: string; amount: number; decision: { policy: string; rule: string } }[] }[] } }>(
        admin(county.code),
        'mutation ($v: String!) { computePayroll(villageCode: $v, month: "2026-10") { policy records { cadre { id } total components { kind amount decision { policy rule } } } } }',
        { v: village.code },
      );
      const records = data.computePayroll.records;
      expect(records.length).toBeGreaterThanOrEqual(4);
      const secretary = records.find((r) => r.cadre.id === secretaries.get(county.code)!.cadreId)!;
      payrolls[county.name] = {
        policies: [...new Set([data.computePayroll.policy, ...records.flatMap((r) => r.components.map((c) => c.decision.policy))])],
        secretaryRules: secretary.components.map((c) => c.decision.rule),
        secretaryTotal: secretary.total,
      };
    }
    expect(payrolls.龙山县.policies).toEqual(['longshan-qihua']);
    expect(payrolls.宿豫区.policies).toEqual(['suyu-sanding']);
    expect(payrolls.信丰县.policies).toEqual(['jiangxi-135']);
    expect(payrolls.七星关区.policies).toEqual(['baseline']);
    // 龙山: base + performance + rank pay, minus 30% of the month's performance for the absence above
    expect(payrolls.龙山县.secretaryRules).toEqual(expect.arrayContaining(['LONGSHAN_BASE_PAY', 'LONGSHAN_PERFORMANCE', 'SANCTION_DEDUCTION']));
    // the baseline: base by the highest post; the first absence cost nothing
    expect(payrolls.七星关区.secretaryRules).toEqual(expect.arrayContaining(['BASE_BY_POST', 'PERFORMANCE_BY_SCORE']));
    expect(payrolls.七星关区.secretaryRules).not.toContain('SANCTION_DEDUCTION');
    expect(payrolls.宿豫区.secretaryRules.some((r) => r.startsWith('SUYU_'))).toBe(true);
    expect(payrolls.信丰县.secretaryRules.some((r) => r.startsWith('JIANGXI_'))).toBe(true);
  });

  it('a plugin’s own fields answer PLUGIN_NOT_ENABLED in the other counties', async () => {
    const longshanTasks = 'query ($v: String!) { longshanTasks(villageCode: $v, month: "2026-10") { title } }';
    expect(codeOf(await gql(admin('433130'), longshanTasks, { v: villageOf('433130').code }))).toBeUndefined();
    for (const county of ['321311', '360722', '520502']) {
      const res = await gql(admin(county), longshanTasks, { v: villageOf(county).code });
      expect({ county, code: codeOf(res) }).toEqual({ county, code: 'PLUGIN_NOT_ENABLED' });
    }
  });

  it('a plugin field on a shared type is null with PLUGIN_NOT_ENABLED on its path, and the rest of the answer stands', async () => {
    const code = villageOf('433130').code;
    const res = await gql<{ region: { name: string; suyuZoningReport: unknown; suyuCadreProfile: unknown; cadres: { name: string }[] } }>(
      admin('433130'),
      'query ($c: ID!) { region(code: $c) { name suyuZoningReport { villages } suyuCadreProfile { secretaries { count } } cadres { name } } }',
      { c: code },
    );
    expect(res.data!.region).toMatchObject({ name: villageOf('433130').name, suyuZoningReport: null, suyuCadreProfile: null });
    expect(res.data!.region.cadres.length).toBeGreaterThanOrEqual(4);
    expect(res.errors!.map((e) => [e.path?.join('.'), e.extensions?.code]).sort()).toEqual([
      ['region.suyuCadreProfile', 'PLUGIN_NOT_ENABLED'],
      ['region.suyuZoningReport', 'PLUGIN_NOT_ENABLED'],
    ]);
  });
});
