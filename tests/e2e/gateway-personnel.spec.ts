import { featuredVillages } from '@xiangzhi/demo';
import { subgraph as grids } from '@xiangzhi/grids';
import { Role, type Actor } from '@xiangzhi/kernel';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { codeOf, countQueries, rowCounter, startTestPlatform, type TestPlatform } from '@xiangzhi/testing';

/**
 * Grids and personnel behind the real gateway on the demo data, driven over HTTP with client tokens
 * as a frontend would: the cross-subgraph join, appointment refusal, leave → finding → sanction,
 * payroll with its components, and annual rating quotas.
 */
const longshan = featuredVillages().filter((v) => v.code.startsWith('433130'));
const [villageA, villageB, villageC] = longshan;
const township = `${villageA.code.slice(0, 9)}000`;

const countyAdmin: Actor = { id: 'e2e-county-admin', roles: [Role.COUNTY_ADMIN], scope: '433130000000' };
const townshipOfficer: Actor = { id: 'e2e-township', roles: [Role.TOWNSHIP_OFFICER], scope: township };
const villageCadre = (code: string): Actor => ({ id: `e2e-cadre-${code}`, roles: [Role.VILLAGE_CADRE], scope: code });

interface CadreRow {
  id: string;
  name: string;
  version: number;
  posts: { id: string; title: string; category: string }[];
}

describe('gateway + grids + personnel on demo data (end to end)', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ subgraphs: [grids, personnel], seed: true });
  }, 240_000);
  afterAll(() => platform?.stop());

  const personnelRows = rowCounter(() => platform.subgraphs.personnel.db.dataSource);

  const cadresOf = async (code: string): Promise<CadreRow[]> => {
    const res = await platform.query<{ region: { cadres: CadreRow[] } }>(
      'query($c: ID!) { region(code: $c) { cadres { id name version posts { id title category } } } }',
      { c: code },
      countyAdmin,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.region.cadres;
  };

  it('joins both subgraphs in one query: a village with its cadres and posts, its grids with their Party branches', async () => {
    const res = await platform.query<{
      region: { name: string; cadres: { name: string; posts: { title: string }[] }[]; grids: { name: string; partyBranch: { name: string } | null }[] };
    }>(`{ region(code: "${villageA.code}") { name cadres { name posts { title } } grids { name partyBranch { name } } } }`, {}, countyAdmin);
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    const region = res.data!.region;
    expect(region.name).toBe(villageA.name);
    expect(region.cadres.length).toBeGreaterThanOrEqual(4);
    const titles = region.cadres.flatMap((c) => c.posts.map((p) => p.title));
    expect(titles).toContain('党组织书记');
    expect(titles).toContain('村民委员会主任');
    expect(region.grids.length).toBeGreaterThan(0);
    for (const g of region.grids) expect(g.partyBranch?.name).toBe(`${g.name}党支部`);
  });

  it('refuses an appointment with POLICY_VIOLATION listing every failed rule, and writes nothing', async () => {
    const cadres = await cadresOf(villageB.code);
    const clerk = cadres.find((c) => c.posts.some((p) => p.category === 'COMMITTEE_MEMBER'))!;
    const post = clerk.posts.find((p) => p.category === 'COMMITTEE_MEMBER')!;
    const discharged = await platform.query<{ dischargeCadre: { cadre: { status: string }; honor: { decision: { policy: string; rule: string } } } }>(
      'mutation($i: DischargeCadreInput!) { dischargeCadre(input: $i) { cadre { status } honor { decision { policy rule } } } }',
      { i: { cadreId: clerk.id, departureType: 'RESIGNED', reason: '辞职', date: '2026-11-01', expectedVersion: clerk.version } },
      countyAdmin,
    );
    expect(discharged.errors).toBeUndefined();
    expect(discharged.data!.dischargeCadre).toEqual({ cadre: { status: 'LEFT' }, honor: { decision: { policy: 'baseline', rule: 'HONOR_NOT_NORMAL' } } });

    const before = { cadres: await personnelRows('cadre'), assignments: await personnelRows('post_assignment'), audit: await personnelRows('audit_log') };
    const refused = await platform.query(
      'mutation($i: AppointCadreInput!) { appointCadre(input: $i) { cadre { id } } }',
      {
        i: {
          postId: post.id,
          name: '龙老汉',
          gender: 'MALE',
          birthDate: '1950-03-01',
          educationLevel: 'PRIMARY',
          startDate: '2026-11-20',
          situations: ['CRIMINAL_RECORD'],
          vetting: [{ department: '县公安局', passed: false, note: '有违法记录' }],
        },
      },
      countyAdmin,
    );
    const error = refused.errors?.[0];
    expect(error?.extensions?.code).toBe('POLICY_VIOLATION');
    const rules = (error?.extensions?.violations as { rule: string; source: string }[]).map((v) => v.rule).sort();
    expect(rules).toEqual(['AGE_MAX', 'DISQUALIFYING_SITUATION', 'EDUCATION_MIN', 'VETTING_FAILED']);
    expect(error?.message).toMatch(/^不符合规则：.*\(Policy violated: /);
    expect({ cadres: await personnelRows('cadre'), assignments: await personnelRows('post_assignment'), audit: await personnelRows('audit_log') }).toEqual(before);

    const appointed = await platform.query<{ appointCadre: { cadre: { name: string; posts: { title: string }[] } } }>(
      'mutation($i: AppointCadreInput!) { appointCadre(input: $i) { cadre { name posts { title } } } }',
      { i: { postId: post.id, name: '龙小华', gender: 'FEMALE', birthDate: '1992-06-01', educationLevel: 'BACHELOR', startDate: '2026-11-20', vetting: [{ department: '县公安局', passed: true }] } },
      countyAdmin,
    );
    expect(appointed.errors).toBeUndefined();
    expect(appointed.data!.appointCadre.cadre).toEqual({ name: '龙小华', posts: [{ title: post.title }] });
  });

  it('leave → finding → sanction: the township approves a secretary’s leave, an absence during it is refused, later absences are sanctioned by rule', async () => {
    const secretary = (await cadresOf(villageC.code)).find((c) => c.posts.some((p) => p.category === 'PARTY_SECRETARY'))!;
    const requested = await platform.query<{ requestLeave: { id: string; version: number; approverLevel: string; approverDecision: { policy: string } } }>(
      'mutation($i: RequestLeaveInput!) { requestLeave(input: $i) { id version approverLevel approverDecision { policy } } }',
      { i: { cadreId: secretary.id, fromDate: '2026-10-12', toDate: '2026-10-14', reason: '外出学习' } },
      villageCadre(villageC.code),
    );
    expect(requested.errors).toBeUndefined();
    const leave = requested.data!.requestLeave;
    expect(leave).toMatchObject({ approverLevel: 'TOWNSHIP', approverDecision: { policy: 'baseline' } });

    const byVillage = await platform.query('mutation($i: ApproveLeaveInput!) { approveLeave(input: $i) { status } }', { i: { leaveRequestId: leave.id, approve: true, expectedVersion: leave.version } }, villageCadre(villageC.code));
    expect(codeOf(byVillage)).toBe('FORBIDDEN');
    const approved = await platform.query<{ approveLeave: { status: string } }>('mutation($i: ApproveLeaveInput!) { approveLeave(input: $i) { status } }', { i: { leaveRequestId: leave.id, approve: true, expectedVersion: leave.version } }, townshipOfficer);
    expect(approved.data?.approveLeave.status).toBe('APPROVED');

    const finding = (date: string) =>
      platform.query<{ recordInspectionFinding: { finding: { occurrenceInYear: number }; sanction: { measures: string[]; deductionShare: number; decision: { policy: string; rule: string } } } }>(
        'mutation($i: RecordInspectionFindingInput!) { recordInspectionFinding(input: $i) { finding { occurrenceInYear } sanction { measures deductionShare decision { policy rule } } } }',
        { i: { cadreId: secretary.id, date, note: '督查时不在岗' } },
        townshipOfficer,
      );
    const covered = await finding('2026-10-13');
    expect(codeOf(covered)).toBe('BAD_USER_INPUT');
    expect(await personnelRows('inspection_finding', 'cadre_id = $1', [secretary.id])).toBe(0);

    const results = [];
    for (const date of ['2026-10-19', '2026-10-21', '2026-10-27']) results.push((await finding(date)).data!.recordInspectionFinding);
    expect(results.map((r) => [r.finding.occurrenceInYear, r.sanction.decision.rule, r.sanction.deductionShare])).toEqual([
      [1, 'ABSENCE_FIRST', 0],
      [2, 'ABSENCE_SECOND', 0],
      [3, 'ABSENCE_REPEATED', 0.5],
    ]);
    expect(results[2].sanction.measures).toEqual(['CRITICISM', 'DEDUCT_PERFORMANCE_PAY']);
    expect(results.every((r) => r.sanction.decision.policy === 'baseline')).toBe(true);
  });

  it('computes a village payroll with every component and its rule, in a number of statements that does not grow with the cadres', async () => {
    const month = '2026-10';
    const run = (code: string) =>
      countQueries(platform.subgraphs.personnel, () =>
        platform.query<{ computePayroll: { total: number; records: { total: number; components: { kind: string; amount: number; decision: { policy: string; rule: string } }[] }[] } }>(
          'mutation($v: String!, $m: String!) { computePayroll(villageCode: $v, month: $m) { total records { total components { kind amount decision { policy rule } } } } }',
          { v: code, m: month },
          countyAdmin,
        ),
      );
    const a = await run(villageA.code);
    expect(a.result.errors).toBeUndefined();
    const payroll = a.result.data!.computePayroll;
    expect(payroll.records.length).toBeGreaterThanOrEqual(4);
    for (const r of payroll.records) {
      const sum = r.components.reduce((s, c) => s + c.amount, 0);
      expect(r.total).toBeCloseTo(sum, 2);
      expect(r.components.find((c) => c.kind === 'BASE')?.decision).toEqual({ policy: 'baseline', rule: 'BASE_BY_POST' });
      expect(r.components.every((c) => c.decision.policy === 'baseline' && c.decision.rule.length > 0)).toBe(true);
    }
    const secretaryPay = payroll.records.find((r) => r.components.some((c) => c.kind === 'BASE' && c.amount === 3000));
    expect(secretaryPay).toBeDefined();
    expect(payroll.total).toBeCloseTo(payroll.records.reduce((s, r) => s + r.total, 0), 2);

    // The village of the previous test: the secretary's 3rd absence in October deducts half of October's performance pay.
    const c = await run(villageC.code);
    expect(c.result.errors).toBeUndefined();
    const deductions = c.result.data!.computePayroll.records.flatMap((r) => r.components.filter((x) => x.kind === 'DEDUCTION'));
    expect(deductions).toHaveLength(1);
    expect(deductions[0].decision.rule).toBe('SANCTION_DEDUCTION');
    expect(c.count).toBe(a.count);
  });

  it('lets only one of two concurrent edits of a post through; the other answers CONFLICT and nothing is overwritten', async () => {
    const posts = await platform.query<{ region: { posts: { id: string; version: number; title: string }[] } }>(
      `{ region(code: "${villageA.code}") { posts { id version title } } }`,
      {},
      countyAdmin,
    );
    const post = posts.data!.region.posts[0];
    const edit = (target: number) =>
      platform.query<{ updatePost: { version: number; targets: { target: number }[] } }>(
        'mutation($i: UpdatePostInput!) { updatePost(input: $i) { version targets { target } } }',
        { i: { postId: post.id, expectedVersion: post.version, targets: [{ title: '年度目标', measure: '件', target }] } },
        townshipOfficer,
      );
    const results = await Promise.all([edit(10), edit(20)]);
    const won = results.filter((r) => !r.errors);
    const lost = results.filter((r) => r.errors);
    expect(won).toHaveLength(1);
    expect(lost.map(codeOf)).toEqual(['CONFLICT']);
    const after = await platform.query<{ post: { version: number; targets: { target: number }[] } }>('query($id: ID!) { post(id: $id) { version targets { target } } }', { id: post.id }, countyAdmin);
    expect(after.data!.post).toEqual({ version: post.version + 1, targets: won[0].data!.updatePost.targets });
  });

  it('finalizes annual ratings within the township quota (优秀 at most 20%)', async () => {
    const cadres = [...(await cadresOf(villageA.code)), ...(await cadresOf(villageB.code)), ...(await cadresOf(villageC.code))];
    const scores = (s: number) => ['morality', 'ability', 'diligence', 'results', 'integrity'].map((dimension) => ({ dimension, score: s }));
    for (const [i, cadre] of cadres.entries()) {
      const res = await platform.query('mutation($i: RecordAppraisalInput!) { recordAppraisal(input: $i) { provisionalRating } }', { i: { cadreId: cadre.id, periodType: 'YEAR', period: '2025', scores: scores(i < 5 ? 95 - i : 80) } }, townshipOfficer);
      expect(res.errors).toBeUndefined();
    }
    const res = await platform.query<{ finalizeAnnualRatings: { ratings: { cadreId?: string; total: number; finalRating: string; provisionalRating: string }[] } }>(
      'mutation($t: String!) { finalizeAnnualRatings(townshipCode: $t, year: 2025) { ratings { total provisionalRating finalRating } } }',
      { t: township },
      townshipOfficer,
    );
    expect(res.errors).toBeUndefined();
    const ratings = res.data!.finalizeAnnualRatings.ratings;
    const rated = ratings.length;
    const quota = Math.floor(rated * 0.2);
    const excellent = ratings.filter((r) => r.finalRating === 'EXCELLENT');
    expect(excellent).toHaveLength(Math.min(5, quota));
    expect(Math.min(...excellent.map((r) => r.total))).toBeGreaterThanOrEqual(Math.max(...ratings.filter((r) => r.provisionalRating === 'EXCELLENT' && r.finalRating !== 'EXCELLENT').map((r) => r.total)));
    expect(ratings.filter((r) => r.provisionalRating === 'EXCELLENT' && r.finalRating === 'COMPETENT')).toHaveLength(5 - Math.min(5, quota));
  });
});
