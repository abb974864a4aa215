/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON, checked field by field with expect() */
import { bindPolicy, definePlugin, Role, type Actor } from '@xiangzhi/kernel';
import { attendancePolicyPoint, DeductionPeriod, decision, DefaultAttendancePolicy, SanctionMeasure, type DutyDay, type FindingFacts, type SanctionDecision } from '@xiangzhi/personnel-api';
import { countQueries, graphqlClient, rowCounter, startTestPlatform, type TestPlatform } from '@xiangzhi/testing';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { CadreStatus, type Cadre } from '../cadre/cadre.entity';
import { subgraph as personnel } from '../index';
import type { Post } from '../post/post.entity';
import { arrangeRegions, insertBaselinePosts, insertCadre, insertHolder, raceOnCadreLock } from '../testing/fixtures';

/**
 * A county model for the test: six hours on duty every working day, one cadre on duty every rest
 * day, and removal from the post (with the quarter's performance pay) at the third absence in a year.
 */
class SixHourPolicy extends DefaultAttendancePolicy {
  override requiredHours(day: DutyDay): number {
    return day.workday ? 6 : 0;
  }

  override restDayCoverage(day: DutyDay): number {
    return day.workday ? 0 : 1;
  }

  override sanctionFor(f: FindingFacts): SanctionDecision {
    if (f.occurrenceInYear < 3) return super.sanctionFor(f);
    return {
      ...decision('TEST_THIRD_ABSENCE', '年内第3次擅自离岗：扣减当季度绩效报酬并调整岗位', '3rd unreported absence this year: quarter’s performance pay deducted, removal from the post'),
      measures: [SanctionMeasure.DEDUCT_PERFORMANCE_PAY, SanctionMeasure.REMOVAL_FROM_POST],
      deductionShare: 1,
      deductionPeriod: DeductionPeriod.QUARTER,
      disciplinary: true,
    };
  }
}

const testAttendance = definePlugin({
  name: 'test-attendance',
  version: '0.0.0',
  title: { zh: '六小时坐班（测试）', en: 'Six-hour duty (test)' },
  config: z.object({}),
  subgraphs: { personnel: { policies: [bindPolicy(attendancePolicyPoint, () => new SixHourPolicy())] } },
});

/** Baseline county: the leave → finding → sanction flow, and a village for duty coverage. */
const V1 = '321311102201';
const V4 = '321311102205';
const T1 = '321311102000';
/** The county enabling the test plugin. */
const V2 = '433130104201';

const villageCadre: Actor = { id: 'vc-1', name: '村干部', roles: [Role.VILLAGE_CADRE], scope: V1 };
const villageCadre4: Actor = { id: 'vc-4', roles: [Role.VILLAGE_CADRE], scope: V4 };
const officer: Actor = { id: 'officer-1', name: '乡镇干部', roles: [Role.TOWNSHIP_OFFICER], scope: T1 };
const auditor: Actor = { id: 'auditor-1', roles: [Role.AUDITOR], scope: T1 };
const outsider: Actor = { id: 'vc-other', roles: [Role.VILLAGE_CADRE], scope: '321311102299' };
const longshanAdmin: Actor = { id: 'admin-l', roles: [Role.COUNTY_ADMIN], scope: '433130000000' };

let platform: TestPlatform;
let ds: DataSource;

const { gql, ok, codeOf } = graphqlClient<Record<string, any>>(() => platform);
const rows = rowCounter(() => ds);

const LEAVE = 'id status version approverLevel approverDecision { policy rule zh en } decidedBy decisionNote reportedBackOn fromDate toDate cadre { id name }';

const requestLeave = (actor: Actor, input: Record<string, unknown>) => gql(actor, `mutation($i: RequestLeaveInput!) { requestLeave(input: $i) { ${LEAVE} } }`, { i: input });
const approveLeave = (actor: Actor, input: Record<string, unknown>) => gql(actor, `mutation($i: ApproveLeaveInput!) { approveLeave(input: $i) { ${LEAVE} } }`, { i: input });
const reportBack = (actor: Actor, input: Record<string, unknown>) => gql(actor, `mutation($i: ReportBackInput!) { reportBack(input: $i) { ${LEAVE} } }`, { i: input });
const checkIn = (actor: Actor, cadreId: string, date: string, hours: number) =>
  gql(actor, 'mutation($i: RecordDutyCheckInInput!) { recordDutyCheckIn(input: $i) { id dutyDate hours villageCode } }', { i: { cadreId, date, hours } });
const finding = (actor: Actor, cadreId: string, date: string) =>
  gql(
    actor,
    `mutation($i: RecordInspectionFindingInput!) { recordInspectionFinding(input: $i) {
      finding { id foundOn occurrenceInYear inspector cadre { id } sanction { id } }
      sanction { id measures deductionShare deductionPeriod deductionMonth disciplinary decision { policy rule zh } cadre { id } } } }`,
    { i: { cadreId, date, note: '督查时不在岗' } },
  );
const coverage = (actor: Actor, villageCode: string, from: string, to: string) =>
  gql(
    actor,
    `query($v: String!, $f: LocalDate!, $t: LocalDate!) { dutyCoverage(villageCode: $v, from: $f, to: $t) {
      villageCode from to policy daysBelowRequired shortfalls { date requiredHours hours cadre { id name } } uncoveredRestDays { date required onDuty } } }`,
    { v: villageCode, f: from, t: to },
  );

/** Requests and approves a leave (village cadre requests, township officer approves). */
async function approvedLeave(requester: Actor, approver: Actor, cadreId: string, fromDate: string, toDate: string): Promise<any> {
  const requested = (await ok(requester, `mutation($i: RequestLeaveInput!) { requestLeave(input: $i) { ${LEAVE} } }`, { i: { cadreId, fromDate, toDate, reason: '外出办事' } })).requestLeave;
  return (await ok(approver, `mutation($i: ApproveLeaveInput!) { approveLeave(input: $i) { ${LEAVE} } }`, { i: { leaveRequestId: requested.id, approve: true, expectedVersion: requested.version } })).approveLeave;
}

/** A village with the baseline posts; `holders` maps post codes to the cadre names holding them. */
async function village(code: string, holders: Record<string, string>): Promise<{ posts: Post[]; cadres: Record<string, Cadre> }> {
  const posts = await insertBaselinePosts(ds, code);
  const cadres: Record<string, Cadre> = {};
  for (const [postCode, name] of Object.entries(holders)) {
    cadres[postCode] = await insertHolder(ds, posts.find((p) => p.code === postCode)!, { name }, '2024-01-01');
  }
  return { posts, cadres };
}

beforeAll(async () => {
  platform = await startTestPlatform({ subgraphs: [personnel], plugins: [testAttendance], countyParams: { '433130': { 'test-attendance': {} } } });
  ds = platform.subgraphs.personnel.db.dataSource;
  await arrangeRegions(ds, ['321311102201', '321311102202', '321311102205', '321311102299', '433130104201']);
}, 120_000);
afterAll(() => platform?.stop());

describe('duty check-ins (坐班登记)', () => {
  let cadre: Cadre;
  beforeAll(async () => {
    cadre = (await village('321311102202', { clerk: '登记员' })).cadres.clerk;
  });
  const writer: Actor = { id: 'vc-2', roles: [Role.VILLAGE_CADRE], scope: '321311102202' };

  it('records hours of a serving cadre in the cadre’s village, up to 24 a day', async () => {
    const first = await checkIn(writer, cadre.id, '2025-03-03', 20);
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordDutyCheckIn).toMatchObject({ dutyDate: '2025-03-03', hours: 20, villageCode: '321311102202' });
    expect((await checkIn(writer, cadre.id, '2025-03-03', 4)).data!.recordDutyCheckIn.hours).toBe(4);
    const over = await checkIn(writer, cadre.id, '2025-03-03', 0.5);
    expect(codeOf(over)).toBe('BAD_USER_INPUT');
    expect(over.errors![0].extensions!.recordedHours).toBe(24);
    expect(await rows('duty_check_in', 'cadre_id = $1', [cadre.id])).toBe(2);
    expect(await rows('audit_log', "action = 'recordDutyCheckIn'")).toBe(2);
  });

  it('refuses a future date, hours outside 0–24, a cadre who is not serving, and writers outside the village', async () => {
    expect(codeOf(await checkIn(writer, cadre.id, '2099-01-01', 2))).toBe('BAD_USER_INPUT');
    expect(codeOf(await checkIn(writer, cadre.id, '2025-03-04', 0))).toBe('BAD_USER_INPUT');
    expect(codeOf(await checkIn(writer, cadre.id, '2025-03-04', 25))).toBe('BAD_USER_INPUT');
    expect(codeOf(await checkIn(outsider, cadre.id, '2025-03-04', 2))).toBe('NOT_FOUND'); // a cadre outside the scope: as a missing id
    expect(codeOf(await checkIn({ ...auditor, scope: '321311102202' }, cadre.id, '2025-03-04', 2))).toBe('FORBIDDEN');
    const suspended = await insertCadre(ds, { villageCode: '321311102202', name: '停职者', status: CadreStatus.SUSPENDED });
    expect(codeOf(await checkIn(writer, suspended.id, '2025-03-04', 2))).toBe('BAD_USER_INPUT');
    expect(await rows('duty_check_in', 'duty_date = $1', ['2025-03-04'])).toBe(0);
  });

  (process.env.TEST_DATABASE_URL ? it : it.skip)('checks again under the cadre’s lock that the cadre serves: a suspension landing after the first check wins', async () => {
    const racing = await insertCadre(ds, { villageCode: '321311102202', name: '临界者' });
    const res = await raceOnCadreLock(ds, racing.id, () => checkIn(writer, racing.id, '2025-03-06', 2), `UPDATE cadre SET status = 'SUSPENDED', version = version + 1 WHERE id = $1`, [racing.id]);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.status).toBe('SUSPENDED');
    expect(await rows('duty_check_in', 'cadre_id = $1', [racing.id])).toBe(0);
  });
});

describe('leave → finding → sanction at the national baseline', () => {
  let secretary: Cadre;
  let director: Cadre;
  let clerk: Cadre;
  let leave: any;
  const secretaryActor = (): Actor => ({ id: secretary.id, roles: [Role.VILLAGE_CADRE], scope: V1 });

  beforeAll(async () => {
    ({ cadres: { secretary, director, clerk } } = await village(V1, { secretary: '张书记', director: '李主任', clerk: '王文书' }));
  });

  it('sends a secretary’s leave to the township, naming the rule and the post', async () => {
    const res = await requestLeave(villageCadre, { cadreId: secretary.id, fromDate: '2025-03-10', toDate: '2025-03-14', reason: '外出学习' });
    expect(res.errors).toBeUndefined();
    leave = res.data!.requestLeave;
    expect(leave).toMatchObject({ status: 'REQUESTED', version: 1, approverLevel: 'TOWNSHIP', decidedBy: null, cadre: { id: secretary.id, name: '张书记' } });
    expect(leave.approverDecision).toMatchObject({ policy: 'baseline', rule: 'LEAVE_APPROVER_BY_POST' });
    expect(leave.approverDecision.zh).toContain('党组织书记');
    expect(leave.approverDecision.zh).toContain('乡镇');
  });

  it('refuses leave that ends before it begins or overlaps requested or approved leave', async () => {
    expect(codeOf(await requestLeave(villageCadre, { cadreId: secretary.id, fromDate: '2025-03-20', toDate: '2025-03-19', reason: '事假' }))).toBe('BAD_USER_INPUT');
    const overlap = await requestLeave(villageCadre, { cadreId: secretary.id, fromDate: '2025-03-14', toDate: '2025-03-18', reason: '事假' });
    expect(codeOf(overlap)).toBe('BAD_USER_INPUT');
    expect(overlap.errors![0].extensions!.leaveRequestId).toBe(leave.id);
    expect(await rows('leave_request', 'cadre_id = $1', [secretary.id])).toBe(1);
  });

  it('lets only the township approve it: a village cadre gets FORBIDDEN, a township officer approves', async () => {
    const byVillage = await approveLeave(villageCadre, { leaveRequestId: leave.id, approve: true, expectedVersion: 1 });
    expect(codeOf(byVillage)).toBe('FORBIDDEN');
    expect(byVillage.errors![0].extensions!.messageZh).toContain('乡镇');
    expect(byVillage.errors![0].extensions!.messageEn).toContain('township approves a secretary');
    const [row] = (await ds.query('SELECT status, version FROM leave_request WHERE id = $1', [leave.id])) as { status: string; version: number }[];
    expect(row).toEqual({ status: 'REQUESTED', version: 1 });

    const approved = await approveLeave(officer, { leaveRequestId: leave.id, approve: true, note: '同意', expectedVersion: 1 });
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.approveLeave).toMatchObject({ status: 'APPROVED', version: 2, decidedBy: 'officer-1', decisionNote: '同意' });
    leave = approved.data!.approveLeave;
  });

  it('refuses a finding during approved leave, with the rule, writing nothing', async () => {
    const res = await finding(officer, secretary.id, '2025-03-12');
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.rule).toBe('ABSENCE_COVERED_BY_LEAVE');
    expect(await rows('inspection_finding', 'cadre_id = $1', [secretary.id])).toBe(0);
    expect(await rows('sanction', 'cadre_id = $1', [secretary.id])).toBe(0);
    expect(await rows('personnel_event', "name = 'personnel.sanction.decided'")).toBe(0);
    expect(await rows('audit_log', "action = 'recordInspectionFinding'")).toBe(0);
  });

  it('lets only township and county record findings', async () => {
    expect(codeOf(await finding(villageCadre, secretary.id, '2025-04-01'))).toBe('FORBIDDEN');
    expect(codeOf(await finding(auditor, secretary.id, '2025-04-01'))).toBe('FORBIDDEN');
    expect(codeOf(await finding(officer, secretary.id, '2099-04-01'))).toBe('BAD_USER_INPUT');
  });

  it('sanctions findings outside the leave by their occurrence in the year: reminder, admonishment, criticism with half the month’s performance pay', async () => {
    const results = [];
    for (const date of ['2025-04-01', '2025-05-06', '2025-06-03']) {
      const res = await finding(officer, secretary.id, date);
      expect(res.errors).toBeUndefined();
      results.push(res.data!.recordInspectionFinding);
    }
    expect(results.map((r) => [r.finding.occurrenceInYear, r.sanction.measures, r.sanction.deductionShare, r.sanction.deductionPeriod, r.sanction.decision.policy, r.sanction.decision.rule])).toEqual([
      [1, ['REMINDER_TALK'], 0, null, 'baseline', 'ABSENCE_FIRST'],
      [2, ['ADMONISHMENT_TALK'], 0, null, 'baseline', 'ABSENCE_SECOND'],
      [3, ['CRITICISM', 'DEDUCT_PERFORMANCE_PAY'], 0.5, 'MONTH', 'baseline', 'ABSENCE_REPEATED'],
    ]);
    expect(results.map((r) => r.sanction.deductionMonth)).toEqual([null, null, '2025-06']);
    for (const r of results) {
      expect(r.finding).toMatchObject({ inspector: 'officer-1', cadre: { id: secretary.id }, sanction: { id: r.sanction.id } });
      expect(r.sanction.cadre.id).toBe(secretary.id);
      expect(r.sanction.disciplinary).toBe(false);
    }
    const events = (await ds.query("SELECT payload FROM personnel_event WHERE name = 'personnel.sanction.decided' ORDER BY id")) as { payload: Record<string, unknown> }[];
    expect(events.map((e) => e.payload)).toEqual(
      results.map((r) => ({ cadreId: secretary.id, sanctionId: r.sanction.id, measures: r.sanction.measures, policy: 'baseline', rule: r.sanction.decision.rule })),
    );
    // a second finding for the same day is refused
    expect(codeOf(await finding(officer, secretary.id, '2025-06-03'))).toBe('BAD_USER_INPUT');
    // baseline sanctions never remove from the post
    expect(await rows('post', 'holder_id = $1', [secretary.id])).toBe(1);
  });

  it('counts the next calendar year from 1 again', async () => {
    const res = await finding(officer, secretary.id, '2026-01-15');
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordInspectionFinding.finding.occurrenceInYear).toBe(1);
    expect(res.data!.recordInspectionFinding.sanction.decision.rule).toBe('ABSENCE_FIRST');
  });

  it('reports back from approved leave (销假); the leave then covers only up to that day', async () => {
    const dirLeave = await approvedLeave(villageCadre, officer, director.id, '2025-03-10', '2025-03-14');
    expect(dirLeave).toMatchObject({ status: 'APPROVED', approverLevel: 'TOWNSHIP', version: 2 });
    expect(codeOf(await reportBack(villageCadre, { leaveRequestId: dirLeave.id, date: '2025-03-09', expectedVersion: 2 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await reportBack(villageCadre, { leaveRequestId: dirLeave.id, date: '2025-03-13', expectedVersion: 1 }))).toBe('CONFLICT');
    expect(codeOf(await reportBack(outsider, { leaveRequestId: dirLeave.id, date: '2025-03-13', expectedVersion: 2 }))).toBe('NOT_FOUND');
    const back = await reportBack(villageCadre, { leaveRequestId: dirLeave.id, date: '2025-03-13', expectedVersion: 2 });
    expect(back.errors).toBeUndefined();
    expect(back.data!.reportBack).toMatchObject({ status: 'REPORTED_BACK', reportedBackOn: '2025-03-13', version: 3 });
    const again = await reportBack(villageCadre, { leaveRequestId: dirLeave.id, date: '2025-03-14', expectedVersion: 3 });
    expect(codeOf(again)).toBe('BAD_USER_INPUT');
    expect(again.errors![0].extensions).toMatchObject({ status: 'REPORTED_BACK', expectedStatus: 'APPROVED' });

    const covered = await finding(officer, director.id, '2025-03-13');
    expect(covered.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'ABSENCE_COVERED_BY_LEAVE' });
    const after = await finding(officer, director.id, '2025-03-14');
    expect(after.errors).toBeUndefined();
    expect(after.data!.recordInspectionFinding.finding.occurrenceInYear).toBe(1);
  });

  it('lets a village cadre decide a secretary-level leave, never the requester; a stale version is a CONFLICT', async () => {
    const requested = (await requestLeave(villageCadre, { cadreId: clerk.id, fromDate: '2025-07-01', toDate: '2025-07-02', reason: '病假' })).data!.requestLeave;
    expect(requested).toMatchObject({ approverLevel: 'VILLAGE_SECRETARY', approverDecision: { policy: 'baseline', rule: 'LEAVE_APPROVER_BY_POST' } });
    expect(requested.approverDecision.zh).toContain('文书');
    const self = await approveLeave({ id: clerk.id, roles: [Role.VILLAGE_CADRE], scope: V1 }, { leaveRequestId: requested.id, approve: true, expectedVersion: 1 });
    expect(codeOf(self)).toBe('FORBIDDEN');
    expect(codeOf(await approveLeave(auditor, { leaveRequestId: requested.id, approve: true, expectedVersion: 1 }))).toBe('FORBIDDEN');
    expect(codeOf(await approveLeave(outsider, { leaveRequestId: requested.id, approve: true, expectedVersion: 1 }))).toBe('NOT_FOUND');
    // "others need the secretary's approval": a colleague who is not the secretary may not decide it
    const colleague = await approveLeave({ id: director.id, roles: [Role.VILLAGE_CADRE], scope: V1 }, { leaveRequestId: requested.id, approve: true, expectedVersion: 1 });
    expect(codeOf(colleague)).toBe('FORBIDDEN');
    expect(colleague.errors![0].extensions!.messageEn).toContain('village Party secretary');
    expect(codeOf(await approveLeave(villageCadre, { leaveRequestId: requested.id, approve: true, expectedVersion: 1 }))).toBe('FORBIDDEN');

    const first = await approveLeave(secretaryActor(), { leaveRequestId: requested.id, approve: false, note: '工作安排冲突', expectedVersion: 1 });
    expect(first.errors).toBeUndefined();
    expect(first.data!.approveLeave).toMatchObject({ status: 'REJECTED', version: 2, decidedBy: secretary.id });
    const second = await approveLeave(officer, { leaveRequestId: requested.id, approve: true, expectedVersion: 1 });
    expect(codeOf(second)).toBe('CONFLICT');
    const current = await approveLeave(officer, { leaveRequestId: requested.id, approve: true, expectedVersion: 2 });
    expect(codeOf(current)).toBe('BAD_USER_INPUT');
    expect(current.errors![0].extensions!.messageEn).toMatch(/REQUESTED.*REJECTED/);
    expect(await rows('audit_log', "action = 'approveLeave' AND target_id = $1", [requested.id])).toBe(1);

    // a rejected leave does not block a new request for the same days, and a cadre holding no post goes to the secretary
    expect(codeOf(await requestLeave(villageCadre, { cadreId: clerk.id, fromDate: '2025-07-01', toDate: '2025-07-01', reason: '病假' }))).toBeUndefined();
    const unposted = await insertCadre(ds, { villageCode: V1, name: '赵无岗' });
    const res = await requestLeave(villageCadre, { cadreId: unposted.id, fromDate: '2025-07-01', toDate: '2025-07-01', reason: '事假' });
    expect(res.data!.requestLeave).toMatchObject({ approverLevel: 'VILLAGE_SECRETARY', approverDecision: { rule: 'LEAVE_APPROVER_NO_POST' } });
  });

  it('never numbers two concurrent findings of a cadre alike: the later one is a CONFLICT or counts on', async () => {
    const cadre = await insertCadre(ds, { villageCode: V1, name: '并发者' });
    const results = await Promise.all(['2025-08-04', '2025-08-05'].map((date) => finding(officer, cadre.id, date)));
    const done = results.filter((r) => !r.errors).map((r) => r.data!.recordInspectionFinding.finding.occurrenceInYear);
    const failed = results.filter((r) => r.errors).map(codeOf);
    expect(failed.every((c) => c === 'CONFLICT')).toBe(true);
    expect(done.sort()).toEqual(done.length === 2 ? [1, 2] : [1]);
    expect(await rows('inspection_finding', 'cadre_id = $1', [cadre.id])).toBe(done.length);
    expect(await rows('sanction', 'cadre_id = $1', [cadre.id])).toBe(done.length);
  });

  it('shows a cadre’s leave, findings and sanctions, and the township’s leave ledger, in few statements', async () => {
    const data = await ok(
      officer,
      `query($id: ID!) { cadre(id: $id) { leaveRequests { status fromDate } inspectionFindings { foundOn occurrenceInYear sanction { measures } }
        sanctions { measures decision { policy rule } } } }`,
      { id: secretary.id },
    );
    expect(data.cadre.leaveRequests).toEqual([{ status: 'APPROVED', fromDate: '2025-03-10' }]);
    expect(data.cadre.inspectionFindings.map((f: any) => [f.foundOn, f.occurrenceInYear, f.sanction.measures[0]])).toEqual([
      ['2025-04-01', 1, 'REMINDER_TALK'],
      ['2025-05-06', 2, 'ADMONISHMENT_TALK'],
      ['2025-06-03', 3, 'CRITICISM'],
      ['2026-01-15', 1, 'REMINDER_TALK'],
    ]);
    expect(data.cadre.sanctions.map((s: any) => s.decision.rule)).toEqual(['ABSENCE_FIRST', 'ABSENCE_SECOND', 'ABSENCE_REPEATED', 'ABSENCE_FIRST']);

    const ledger = `query($r: String!, $s: LeaveStatus, $first: Int, $after: String) { leaveRequests(regionCode: $r, status: $s, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { fromDate status villageCode cadre { name } approverDecision { rule } } } }`;
    const { result, count } = await countQueries(platform.subgraphs.personnel, () => gql(officer, ledger, { r: T1, first: 3 }));
    expect(result.errors).toBeUndefined();
    const page = result.data!.leaveRequests;
    expect(page.totalCount).toBe(5);
    expect(page.nodes.map((n: any) => n.fromDate)).toEqual(['2025-03-10', '2025-03-10', '2025-07-01']);
    expect(page.nodes.slice(0, 2).map((n: any) => n.cadre.name).sort()).toEqual(['张书记', '李主任'].sort());
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(count).toBe(3); // count, page, cadres in one batch
    const next = await ok(officer, ledger, { r: T1, first: 3, after: page.pageInfo.endCursor });
    expect(next.leaveRequests.nodes).toHaveLength(2);
    expect(next.leaveRequests.pageInfo.hasNextPage).toBe(false);
    expect((await ok(officer, ledger, { r: T1, s: 'REPORTED_BACK' })).leaveRequests.nodes.map((n: any) => n.cadre.name)).toEqual(['李主任']);
    expect((await ok(outsider, ledger, { r: T1 })).leaveRequests.totalCount).toBe(0);
  });

  it('withholds leave reasons and decision notes (personal data) from roles that may not read them', async () => {
    const q = `query($r: String!) { leaveRequests(regionCode: $r, first: 100) { nodes { reason decisionNote status } } }`;
    const asOfficer = (await ok(officer, q, { r: T1 })).leaveRequests.nodes;
    expect(asOfficer.every((n: any) => typeof n.reason === 'string' && n.reason.length > 0)).toBe(true);
    const asAuditor = (await ok(auditor, q, { r: T1 })).leaveRequests.nodes;
    expect(asAuditor).toHaveLength(asOfficer.length);
    expect(asAuditor.every((n: any) => n.reason === null && n.decisionNote === null)).toBe(true);
  });
});

describe('duty coverage (坐班值班情况)', () => {
  let sec: Cadre;
  let dir: Cadre;
  let clerk: Cadre;
  let secB: Cadre;
  let dirB: Cadre;

  beforeAll(async () => {
    ({ cadres: { secretary: sec, director: dir, clerk } } = await village(V4, { secretary: '甲书记', director: '乙主任', clerk: '丙文书' }));
    ({ cadres: { secretary: secB, director: dirB } } = await village(V2, { secretary: '丁书记', director: '戊主任' }));
    const record = async (actor: Actor, cadre: Cadre, entries: [string, number][]) => {
      for (const [date, hours] of entries) expect((await checkIn(actor, cadre.id, date, hours)).errors).toBeUndefined();
    };
    // Baseline village, fortnight 2025-03-03 (Mon) – 2025-03-16 (Sun).
    await record(villageCadre4, sec, [
      ['2025-03-03', 4], ['2025-03-04', 4], ['2025-03-05', 4], ['2025-03-06', 4], ['2025-03-07', 4],
      ['2025-03-10', 4], ['2025-03-11', 3], ['2025-03-12', 2], ['2025-03-12', 2],
    ]);
    await record(villageCadre4, dir, [['2025-03-03', 5], ['2025-03-10', 4], ['2025-03-11', 4], ['2025-03-12', 4], ['2025-03-13', 4], ['2025-03-14', 3.5]]);
    await record(villageCadre4, clerk, [['2025-03-08', 3]]);
    await approvedLeave(villageCadre4, officer, sec.id, '2025-03-14', '2025-03-14');
    // Plugin county village, week 2025-03-03 – 2025-03-09 and the following three weeks.
    const week = ['2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07'];
    await record(longshanAdmin, secB, [...week.map((d): [string, number] => [d, d === '2025-03-05' ? 5 : 6]), ['2025-03-08', 2]]);
    await record(longshanAdmin, dirB, week.map((d): [string, number] => [d, 4]));
  });

  it('lists the exact shortfall days of full-time post holders at the baseline 4 hours, leave excepted, and no uncovered rest days', async () => {
    const res = await coverage(officer, V4, '2025-03-03', '2025-03-16');
    expect(res.errors).toBeUndefined();
    const report = res.data!.dutyCoverage;
    expect(report).toMatchObject({ villageCode: V4, from: '2025-03-03', to: '2025-03-16', policy: 'baseline', daysBelowRequired: 7, uncoveredRestDays: [] });
    expect(report.shortfalls.map((s: any) => [s.date, s.cadre.name, s.requiredHours, s.hours])).toEqual([
      ['2025-03-04', '乙主任', 4, 0],
      ['2025-03-05', '乙主任', 4, 0],
      ['2025-03-06', '乙主任', 4, 0],
      ['2025-03-07', '乙主任', 4, 0],
      ['2025-03-11', '甲书记', 4, 3],
      ['2025-03-13', '甲书记', 4, 0],
      ['2025-03-14', '乙主任', 4, 3.5],
    ]);
  });

  it('applies the county plugin’s policy: 6 hours on working days and one cadre on every rest day; another county keeps the baseline', async () => {
    const res = await coverage(longshanAdmin, V2, '2025-03-03', '2025-03-09');
    expect(res.errors).toBeUndefined();
    const report = res.data!.dutyCoverage;
    expect(report.policy).toBe('test-attendance');
    expect(report.daysBelowRequired).toBe(6);
    expect(report.shortfalls.map((s: any) => [s.date, s.cadre.name, s.requiredHours, s.hours])).toEqual([
      ['2025-03-03', '戊主任', 6, 4],
      ['2025-03-04', '戊主任', 6, 4],
      ['2025-03-05', '丁书记', 6, 5],
      ['2025-03-05', '戊主任', 6, 4],
      ['2025-03-06', '戊主任', 6, 4],
      ['2025-03-07', '戊主任', 6, 4],
    ]);
    expect(report.uncoveredRestDays).toEqual([{ date: '2025-03-09', required: 1, onDuty: 0 }]);
    expect((await coverage(officer, V4, '2025-03-08', '2025-03-09')).data!.dutyCoverage).toMatchObject({ policy: 'baseline', uncoveredRestDays: [], daysBelowRequired: 0 });
    const leave = (await requestLeave(longshanAdmin, { cadreId: secB.id, fromDate: '2025-09-01', toDate: '2025-09-02', reason: '事假' })).data!.requestLeave;
    expect(leave.approverDecision).toMatchObject({ policy: 'test-attendance', rule: 'LEAVE_APPROVER_BY_POST' });
  });

  it('runs the same number of statements for 7 days as for 28', async () => {
    const run = (to: string) => countQueries(platform.subgraphs.personnel, () => coverage(longshanAdmin, V2, '2025-03-03', to));
    const week = await run('2025-03-09');
    const four = await run('2025-03-30');
    expect(week.result.errors).toBeUndefined();
    expect(four.result.data!.dutyCoverage.uncoveredRestDays).toHaveLength(7);
    expect(four.result.data!.dutyCoverage.daysBelowRequired).toBe(6 + 15 * 2);
    expect(four.count).toBe(week.count);
    expect(week.count).toBeLessThanOrEqual(4);
  });

  it('refuses a reversed or over-long period, a code that is not a village, and villages outside the scope', async () => {
    expect(codeOf(await coverage(officer, V4, '2025-03-10', '2025-03-09'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await coverage(officer, V4, '2025-01-01', '2026-01-02'))).toBe('BAD_USER_INPUT');
    expect((await coverage(officer, V4, '2024-01-01', '2024-12-31')).errors).toBeUndefined(); // 366 days
    expect(codeOf(await coverage(officer, T1, '2025-03-03', '2025-03-09'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await coverage(officer, V2, '2025-03-03', '2025-03-09'))).toBe('FORBIDDEN');
  });

  it('removes a cadre from the post when the county’s sanction says so: the holding ends and the post falls vacant', async () => {
    const results = [];
    for (const date of ['2025-04-01', '2025-04-02', '2025-04-03']) {
      const res = await finding(longshanAdmin, dirB.id, date);
      expect(res.errors).toBeUndefined();
      results.push(res.data!.recordInspectionFinding.sanction);
    }
    expect(results.map((s) => s.decision.rule)).toEqual(['ABSENCE_FIRST', 'ABSENCE_SECOND', 'TEST_THIRD_ABSENCE']);
    expect(results.every((s) => s.decision.policy === 'test-attendance')).toBe(true);
    expect(results[2]).toMatchObject({ measures: ['DEDUCT_PERFORMANCE_PAY', 'REMOVAL_FROM_POST'], deductionShare: 1, deductionPeriod: 'QUARTER', deductionMonth: '2025-04', disciplinary: true });
    const [assignment] = (await ds.query("SELECT to_char(end_date, 'YYYY-MM-DD') AS end_date, end_reason FROM post_assignment WHERE cadre_id = $1", [dirB.id])) as { end_date: string; end_reason: string }[];
    expect(assignment).toEqual({ end_date: '2025-04-03', end_reason: results[2].decision.zh });
    expect(await rows('post', 'holder_id = $1', [dirB.id])).toBe(0);
    // no longer a full-time post holder: only the secretary remains in the village's duty report
    const report = (await coverage(longshanAdmin, V2, '2025-03-03', '2025-03-09')).data!.dutyCoverage;
    expect(report.shortfalls.map((s: any) => s.cadre.name)).toEqual(['丁书记']);
  });
});
