import { subgraph as grids } from '@xiangzhi/grids';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { actors, countQueries, startPluginTestPlatform, type PluginTestPlatform } from '@xiangzhi/testing';
import { Kind, parse, type DefinitionNode } from 'graphql';
import plugin from './index';
import { appoint, applyTemplate, appraise, importRegions, lastMonth, type TemplatePost } from './testing/arrange';

/**
 * Through the real gateway (grids + personnel; the plugin's head-goose field `@requires` grids):
 * 大岗位制 posts, post-grade pay and the college-education target in the enabling county, the national
 * baseline and PLUGIN_NOT_ENABLED in the control county.
 */
describe('jiangxi-135 plugin: 大岗位制, 岗位等级薪酬, 学历提升 (gateway)', () => {
  let p: PluginTestPlatform;
  const ok: Parameters<typeof importRegions>[0] = (as, query, variables) => p.client.ok(as, query, variables);
  const admin = () => actors.countyAdmin(p.county.code);
  const controlAdmin = () => actors.countyAdmin(p.control.code);
  const month = lastMonth();
  const year = Number(month.slice(0, 4));
  /** Seven years of service on the first of the pay month: band 3 (from 6 years). */
  const sevenYearsAgo = `${year - 7}-${month.slice(5, 7)}-01`;
  let posts: TemplatePost[];
  let controlPosts: TemplatePost[];

  beforeAll(async () => {
    p = await startPluginTestPlatform({ plugin, subgraphs: [grids, personnel] });
    await importRegions(ok, [p.county, p.control], [p.county.village(1, 1), p.county.village(2, 1), p.county.village(1, 2), p.control.village(1, 1)]);
  });
  afterAll(() => p?.stop());

  describe('大岗位制 post template', () => {
    it('gives a village one principal post (secretary and director, 一肩挑), three deputy and three member posts, each with its duty list', async () => {
      const query = `mutation($v: String!) { applyPostTemplate(villageCode: $v) {
        templateName decision { policy rule } created { id code title category responsibilities jiangxiPostClass } } }`;
      type Created = { id: string; code: string; title: string; category: string; responsibilities: string[]; jiangxiPostClass: string };
      const { applyPostTemplate: here } = await p.client.ok<{ applyPostTemplate: { templateName: string; decision: { policy: string }; created: Created[] } }>(admin(), query, {
        v: p.county.village(1, 1),
      });
      expect(here.templateName).toBe('村级组织“大岗位制”（正职岗、副职岗、委员岗）');
      expect(here.decision.policy).toBe('jiangxi-135');
      const byClass = (c: string) => here.created.filter((x) => x.jiangxiPostClass === c).map((x) => x.code).sort();
      expect(byClass('PRINCIPAL')).toEqual(['jiangxi.principal']);
      expect(byClass('DEPUTY')).toEqual(['jiangxi.deputy.deputyDirector', 'jiangxi.deputy.deputySecretary', 'jiangxi.deputy.supervision']);
      expect(byClass('MEMBER')).toEqual(['jiangxi.member.clerk', 'jiangxi.member.governance', 'jiangxi.member.organisation']);
      const principal = here.created.find((x) => x.code === 'jiangxi.principal')!;
      expect(principal).toMatchObject({ title: '党组织书记、村民委员会主任（正职岗，“一肩挑”）', category: 'PARTY_SECRETARY' });
      expect(principal.responsibilities).toContain('主持村党组织和村（居）民委员会全面工作');
      expect(here.created.every((x) => x.responsibilities.length >= 3)).toBe(true);
      posts = here.created;
    });

    it('leaves the control county on the baseline two-committee template, where the post class answers PLUGIN_NOT_ENABLED', async () => {
      const { applyPostTemplate: there } = await p.client.ok<{ applyPostTemplate: { decision: { policy: string }; created: TemplatePost[] } }>(
        controlAdmin(),
        'mutation($v: String!) { applyPostTemplate(villageCode: $v) { decision { policy } created { id code } } }',
        { v: p.control.village(1, 1) },
      );
      expect(there.decision.policy).toBe('baseline');
      expect(there.created.map((x) => x.code).sort()).toEqual(['clerk', 'director', 'organisation', 'secretary', 'supervision']);
      controlPosts = there.created;
      const res = await p.client.gql(controlAdmin(), 'query($id: ID!) { post(id: $id) { code jiangxiPostClass } }', { id: controlPosts[0].id });
      expect(p.client.codeOf(res)).toBe('PLUGIN_NOT_ENABLED');
    });
  });

  describe('岗位等级薪酬 post-grade pay', () => {
    type Payroll = { computePayroll: { policy: string; total: number; records: { cadre: { name: string }; total: number; components: { kind: string; amount: number; decision: { policy: string; rule: string; zh: string; en: string } }[] }[] } };
    const payroll = `mutation($v: String!, $m: String!) { computePayroll(villageCode: $v, month: $m) {
      policy total records { cadre { name } total components { kind amount decision { policy rule zh en } } } } }`;

    /** A secretary of seven years, rated competent last year, appraised 90 this month, found absent three times (50% deduction). */
    async function arrangeSecretary(admin: ReturnType<typeof actors.countyAdmin>, postId: string, name: string): Promise<void> {
      const cadre = await appoint(ok, admin, postId, { name, educationLevel: 'BACHELOR' }, sevenYearsAgo);
      await appraise(ok, admin, cadre.id, 'YEAR', String(year - 1), 80);
      await appraise(ok, admin, cadre.id, 'MONTH', month, 90);
      for (const day of ['05', '12', '19']) {
        await ok(admin, 'mutation($i: RecordInspectionFindingInput!) { recordInspectionFinding(input: $i) { finding { id } } }', { i: { cadreId: cadre.id, date: `${month}-${day}` } });
      }
    }

    beforeAll(async () => {
      const principal = posts.find((x) => x.code === 'jiangxi.principal')!;
      const clerk = posts.find((x) => x.code === 'jiangxi.member.clerk')!;
      await arrangeSecretary(admin(), principal.id, '刘书记');
      // a committee member in office for a year, not yet appraised
      await appoint(ok, admin(), clerk.id, { name: '陈文书', partyJoinDate: null, educationLevel: 'COLLEGE' }, `${year - 1}-${month.slice(5, 7)}-01`);
      await arrangeSecretary(controlAdmin(), controlPosts.find((x) => x.code === 'secretary')!.id, '赵书记');
      for (const township of [p.county.township(1), p.control.township(1)]) {
        await ok(township.startsWith(p.county.code.slice(0, 6)) ? admin() : controlAdmin(), 'mutation($t: String!, $y: Int!) { finalizeAnnualRatings(townshipCode: $t, year: $y) { year } }', {
          t: township,
          y: year - 1,
        });
      }
    });

    it('pays the principal post by grade (duties × years), performance and last year’s result, and still deducts the sanction', async () => {
      const { computePayroll } = await p.client.ok<Payroll>(admin(), payroll, { v: p.county.village(1, 1), m: month });
      expect(computePayroll.policy).toBe('jiangxi-135');
      const secretary = computePayroll.records.find((r) => r.cadre.name === '刘书记')!;
      expect(secretary.components.map((c) => [c.kind, c.decision.rule, c.amount])).toEqual([
        ['BASE', 'JIANGXI_POST_GRADE_PAY', 2900], // 正职岗, 7 years: band 3
        ['PERFORMANCE', 'JIANGXI_PERFORMANCE_BY_SCORE', 1080], // 1,200 × 90%
        ['AWARD', 'JIANGXI_ANNUAL_RESULT_PAY', 150], // competent last year
        ['DEDUCTION', 'SANCTION_DEDUCTION', -540], // 3rd absence: 50% of 1,080
      ]);
      expect(secretary.total).toBe(3590);
      expect(secretary.components[0].decision).toMatchObject({ policy: 'jiangxi-135', zh: '岗位等级工资：正职岗第3档（任职7年，满6年为第3档）' });
      expect(secretary.components[0].decision.en).toContain('principal post, band 3');
      const clerk = computePayroll.records.find((r) => r.cadre.name === '陈文书')!;
      expect(clerk.components.map((c) => [c.decision.rule, c.amount])).toEqual([
        ['JIANGXI_POST_GRADE_PAY', 1700], // 委员岗, 1 year: band 1
        ['JIANGXI_PERFORMANCE_NOT_APPRAISED', 0],
      ]);
      expect(computePayroll.total).toBe(3590 + 1700);
    });

    it('pays the control county by the baseline: base pay by post, 1,000 × score, the same deduction rule', async () => {
      const { computePayroll } = await p.client.ok<Payroll>(controlAdmin(), payroll, { v: p.control.village(1, 1), m: month });
      expect(computePayroll.policy).toBe('baseline');
      const [secretary] = computePayroll.records;
      const rules = secretary.components.map((c) => [c.decision.rule, c.amount]);
      expect(rules).toContainEqual(['BASE_BY_POST', 3000]);
      expect(rules).toContainEqual(['PERFORMANCE_BY_SCORE', 900]);
      expect(rules).toContainEqual(['SANCTION_DEDUCTION', -450]);
      expect(rules.map(([rule]) => String(rule)).filter((rule) => rule.startsWith('JIANGXI_'))).toEqual([]);
    });
  });

  describe('学历提升 the 70% college target per township', () => {
    beforeAll(async () => {
      // township 1: 刘书记 (bachelor) and 陈文书 (college) in village 1, one college and one high-school cadre in village 2 → 3 of 4
      const v2 = await applyTemplate(ok, admin(), p.county.village(2, 1));
      await appoint(ok, admin(), v2.find((x) => x.code === 'jiangxi.deputy.deputyDirector')!.id, { name: '周主任', educationLevel: 'COLLEGE', partyJoinDate: null }, '2022-01-01');
      await appoint(ok, admin(), v2.find((x) => x.code === 'jiangxi.member.clerk')!.id, { name: '吴委员', educationLevel: 'HIGH_SCHOOL', partyJoinDate: null }, '2022-01-01');
      // township 2: one college and one junior-high cadre serving → 1 of 2; a postgraduate who left does not count
      const t2 = await applyTemplate(ok, admin(), p.county.village(1, 2));
      await appoint(ok, admin(), t2.find((x) => x.code === 'jiangxi.deputy.deputyDirector')!.id, { name: '郑主任', educationLevel: 'COLLEGE', partyJoinDate: null }, '2022-01-01');
      await appoint(ok, admin(), t2.find((x) => x.code === 'jiangxi.member.clerk')!.id, { name: '王委员', educationLevel: 'JUNIOR_HIGH', partyJoinDate: null }, '2022-01-01');
      const left = await appoint(ok, admin(), t2.find((x) => x.code === 'jiangxi.member.governance')!.id, { name: '冯委员', educationLevel: 'POSTGRADUATE', partyJoinDate: null }, '2022-01-01');
      await ok(admin(), 'mutation($i: DischargeCadreInput!) { dischargeCadre(input: $i) { cadre { status } } }', {
        i: { cadreId: left.id, departureType: 'RESIGNED', reason: '辞职', date: '2024-06-30', expectedVersion: left.version },
      });
    });

    const query = `query($r: String!) { jiangxiCollegeTarget(regionCode: $r) {
      regionCode targetShare deadlineYear servingCadres collegeCadres share met townshipsMet
      townships { townshipCode township { name } servingCadres collegeCadres share target met shortfall } } }`;
    type Report = {
      jiangxiCollegeTarget: {
        targetShare: number;
        deadlineYear: number;
        servingCadres: number;
        collegeCadres: number;
        share: number;
        met: boolean;
        townshipsMet: number;
        townships: { townshipCode: string; township: { name: string }; servingCadres: number; collegeCadres: number; share: number; target: number; met: boolean; shortfall: number }[];
      };
    };

    it('counts serving cadres and college-educated ones per township against 70% by 2026, in one statement', async () => {
      const { result, count } = await countQueries(p.subgraphs.personnel, () => p.client.ok<Report>(admin(), query, { r: p.county.code }));
      const report = result.jiangxiCollegeTarget;
      expect(report).toMatchObject({ targetShare: 0.7, deadlineYear: 2026, servingCadres: 6, collegeCadres: 4, share: 0.6667, met: false, townshipsMet: 1 });
      expect(report.townships).toEqual([
        { townshipCode: p.county.township(1), township: { name: '101镇' }, servingCadres: 4, collegeCadres: 3, share: 0.75, target: 0.7, met: true, shortfall: 0 },
        { townshipCode: p.county.township(2), township: { name: '102镇' }, servingCadres: 2, collegeCadres: 1, share: 0.5, target: 0.7, met: false, shortfall: 1 },
      ]);
      expect(count).toBe(1);
    });

    it('answers a township officer for their own township, and refuses village cadres', async () => {
      const officer = actors.townshipOfficer(p.county.township(2));
      const { jiangxiCollegeTarget } = await p.client.ok<Report>(officer, query, { r: p.county.code });
      expect(jiangxiCollegeTarget.townships.map((t) => t.townshipCode)).toEqual([p.county.township(2)]);
      const res = await p.client.gql(actors.villageCadre(p.county.village(1, 1)), query, { r: p.county.township(1) });
      expect(p.client.codeOf(res)).toBe('FORBIDDEN');
    });

    it('answers PLUGIN_NOT_ENABLED in the control county', async () => {
      const res = await p.client.gql(controlAdmin(), query, { r: p.control.code });
      expect(p.client.codeOf(res)).toBe('PLUGIN_NOT_ENABLED');
    });
  });

  it('describes every plugin type, field, argument and enum value in Chinese and English (中文 / English)', () => {
    const bilingual = (d: { value: string } | undefined) => !!d && /[\u4e00-\u9fff][^/]*(?: |[）」』”])\/ [^\u4e00-\u9fff]*[A-Za-z]/.test(d.value);
    const ours = (name: string) => /^(Jiangxi|AppraiseJiangxi|IncidentHandling$)/.test(name) || /^(jiangxi|appraiseJiangxi|incidentHandling$)/.test(name);
    const missing: string[] = [];
    let checked = 0;
    for (const sdl of [p.subgraphs.grids.sdl, p.subgraphs.personnel.sdl]) {
      for (const def of parse(sdl).definitions as DefinitionNode[]) {
        if (!('name' in def) || !def.name) continue;
        const type = def.name.value;
        const described = def as { description?: { value: string } };
        if (ours(type) && def.kind !== Kind.OBJECT_TYPE_EXTENSION && !bilingual(described.description)) missing.push(type);
        if (def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.OBJECT_TYPE_EXTENSION || def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) {
          for (const field of def.fields ?? []) {
            if (!ours(type) && !ours(field.name.value)) continue;
            checked += 1;
            if (!bilingual(field.description)) missing.push(`${type}.${field.name.value}`);
            for (const arg of 'arguments' in field ? (field.arguments ?? []) : []) if (!bilingual(arg.description)) missing.push(`${type}.${field.name.value}(${arg.name.value})`);
          }
        }
        if (def.kind === Kind.ENUM_TYPE_DEFINITION && ours(type)) for (const v of def.values ?? []) if (!bilingual(v.description)) missing.push(`${type}.${v.name.value}`);
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });

  it('refuses bad county parameters at start-up, naming the county, the plugin and the key', async () => {
    await expect(startPluginTestPlatform({ plugin, subgraphs: [grids, personnel], params: { collegeTarget: { targetShare: 1.5 } } })).rejects.toThrow(
      /counties\.\d{12}\.plugins\.jiangxi-135\.collegeTarget\.targetShare/,
    );
  });
});
