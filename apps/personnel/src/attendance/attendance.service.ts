import { badInput, conflict, forbidden, hasRole, mutate, mutateOnce, notFound, onceById, Role, type RequestContext } from '@xiangzhi/kernel';
import {
  attendancePolicyPoint,
  decision,
  LeaveApprover,
  PostCategory,
  SanctionMeasure,
  type AttendancePolicy,
  type Decision,
} from '@xiangzhi/personnel-api';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Cadre, CadreStatus } from '../cadre/cadre.entity';
import { todayInChina } from '../cadre/today';
import { Post, PostAssignment } from '../post/post.entity';
import { postsByHolderLoader } from '../post/post.loaders';
import { isUuid, MANAGER_ROLES, PersonnelAccess, VILLAGE_WRITER_ROLES } from '../shared/access';
import { requireNotFuture } from '../shared/checks';
import { lockCadreRow } from '../shared/locks';
import { stamp } from '../shared/decision';
import { staleVersion } from '../shared/stale';
import { bySeniority } from '../shared/post-seniority';
import { cadreOf } from '../shared/loaders';
import { recordEvent } from '../shared/outbox';
import { DutyCheckIn, InspectionFinding, LeaveRequest, LeaveStatus, Sanction } from './attendance.entity';
import type { ApproveLeaveInput, RecordDutyCheckInInput, RecordInspectionFindingInput, ReportBackInput, RequestLeaveInput } from './attendance.inputs';
import { leaveRequestLoader } from './attendance.loaders';
import { InspectionFindingResult } from './attendance.types';
import { checkRegions } from '@xiangzhi/grids-api';

/** The attendance policy of a village's county (its enabled plugin, or the national baseline) and its source. */
export function attendancePolicyFor(ctx: RequestContext, villageCode: string): { policy: AttendancePolicy; source: string } {
  return ctx.policies.resolve(attendancePolicyPoint, villageCode);
}

/** Category of a cadre who holds no post and never held one, when a policy asks for one. */
export const NO_POST_CATEGORY = PostCategory.COMMITTEE_MEMBER;

const APPROVER_TEXT: Readonly<Record<LeaveApprover, { zh: string; en: string }>> = {
  [LeaveApprover.TOWNSHIP]: { zh: '乡镇（街道）', en: 'the township' },
  [LeaveApprover.VILLAGE_SECRETARY]: { zh: '村党组织书记', en: 'the village Party secretary' },
};

const STATUS_ZH: Readonly<Record<LeaveStatus, string>> = {
  [LeaveStatus.REQUESTED]: '已申请',
  [LeaveStatus.APPROVED]: '已批准',
  [LeaveStatus.REJECTED]: '未批准',
  [LeaveStatus.REPORTED_BACK]: '已销假',
};

/** Roles that decide leave above the village: the township (and the county over it). */
const TOWNSHIP_DECIDERS: readonly Role[] = [Role.TOWNSHIP_OFFICER, Role.COUNTY_ADMIN];

/**
 * Roles that may decide leave at each approval level (the requester never decides their own). A
 * village cadre decides secretary-level leave only as the holder of the village's Party secretary post.
 */
export const LEAVE_DECIDERS: Readonly<Record<LeaveApprover, readonly Role[]>> = {
  [LeaveApprover.TOWNSHIP]: TOWNSHIP_DECIDERS,
  [LeaveApprover.VILLAGE_SECRETARY]: [Role.VILLAGE_CADRE, ...TOWNSHIP_DECIDERS],
};

/**
 * FORBIDDEN unless the actor (a village cadre; their actor id is their cadre id) holds the Party
 * secretary post of the village: "others need the secretary's approval", not any colleague's.
 */
async function requireVillageSecretary(ctx: RequestContext, villageCode: string): Promise<void> {
  const held = isUuid(ctx.actor.id) ? await postsByHolderLoader(ctx).load(ctx.actor.id.toLowerCase()) : [];
  if (!held.some((p) => p.active && p.villageCode === villageCode && p.category === PostCategory.PARTY_SECRETARY)) {
    throw forbidden(
      '村级审批的请假须由本村党组织书记审批（或由乡镇、县审批）',
      'Village-level leave is approved by the village Party secretary (or by the township or county)',
      { approverLevel: LeaveApprover.VILLAGE_SECRETARY, villageCode },
    );
  }
}

/**
 * 请假审批层级 who approves a cadre's leave, from the posts they hold: the township when the policy
 * sends any of those posts' leave to the township, otherwise the village Party secretary (also for a
 * cadre who holds no post). The decision names the post it was decided by.
 */
export function leaveApproverFor(policy: AttendancePolicy, posts: readonly { title: string; category: PostCategory }[]): { level: LeaveApprover; decision: Decision } {
  const ranked = bySeniority(posts);
  if (ranked.length === 0) {
    const level = LeaveApprover.VILLAGE_SECRETARY;
    return {
      level,
      decision: decision('LEAVE_APPROVER_NO_POST', `未任岗位，请假由${APPROVER_TEXT[level].zh}审批`, `holds no post: leave is approved by ${APPROVER_TEXT[level].en}`),
    };
  }
  const township = ranked.find((p) => policy.leaveApprover(p.category) === LeaveApprover.TOWNSHIP);
  const post = township ?? ranked[0];
  const level = township ? LeaveApprover.TOWNSHIP : LeaveApprover.VILLAGE_SECRETARY;
  return {
    level,
    decision: decision('LEAVE_APPROVER_BY_POST', `所任岗位「${post.title}」的请假由${APPROVER_TEXT[level].zh}审批`, `leave of the holder of the post ${post.title} is approved by ${APPROVER_TEXT[level].en}`),
  };
}

function requireServing(cadre: Pick<Cadre, 'name' | 'status'>): void {
  if (cadre.status !== CadreStatus.ACTIVE) {
    throw badInput(`干部${cadre.name}不在职（状态：${cadre.status}）`, `Cadre ${cadre.name} is not serving (status ${cadre.status})`, { field: 'cadreId', status: cadre.status });
  }
}

/**
 * Serialises writes about one cadre (the day's hours, overlapping leave, the n-th finding of a year)
 * inside the caller's transaction, and checks again under the lock that the cadre still serves: the
 * check before the transaction may have raced a discharge or suspension.
 */
async function lockServingCadre(manager: EntityManager, cadre: Cadre): Promise<void> {
  requireServing({ ...cadre, status: (await lockCadreRow(manager, cadre.id)) ?? CadreStatus.LEFT });
}

/** 坐班登记 records hours a serving cadre spent on duty; a cadre's hours on one day never exceed 24. */
export async function recordDutyCheckIn(ctx: RequestContext, input: RecordDutyCheckInInput): Promise<DutyCheckIn> {
  const cadre = await cadreOf(ctx, input.cadreId);
  PersonnelAccess.of(ctx).requireWrite(cadre.villageCode, VILLAGE_WRITER_ROLES);
  requireServing(cadre);
  requireNotFuture(input.date, 'date');
  await checkRegions(ctx.dataSource, [{ field: 'cadre.villageCode', code: cadre.villageCode, on: input.date }]);
  return mutateOnce(
    ctx,
    onceById('recordDutyCheckIn', input, (id) => ctx.dataSource.manager.findOneByOrFail(DutyCheckIn, { id })),
    { action: 'recordDutyCheckIn', targetType: 'DutyCheckIn', regionCode: cadre.villageCode, targetId: (c) => c.id, payload: { cadreId: cadre.id, date: input.date, hours: input.hours } },
    async (manager) => {
      await lockServingCadre(manager, cadre);
      const [{ cents }] = (await manager.query(`SELECT coalesce(round(sum(hours) * 100), 0)::int AS cents FROM duty_check_in WHERE cadre_id = $1 AND duty_date = $2`, [cadre.id, input.date])) as { cents: number }[];
      const recorded = Number(cents);
      if (recorded + Math.round(input.hours * 100) > 2400) {
        throw badInput(
          `${cadre.name}在${input.date}已登记${recorded / 100}小时，合计不能超过24小时`,
          `${cadre.name} already has ${recorded / 100} hours on ${input.date}; a day holds at most 24`,
          { field: 'hours', recordedHours: recorded / 100 },
        );
      }
      const checkIn = manager.create(DutyCheckIn, {
        countyCode: cadre.countyCode,
        villageCode: cadre.villageCode,
        cadreId: cadre.id,
        dutyDate: input.date,
        hours: input.hours,
        note: input.note?.trim() || null,
      });
      await manager.insert(DutyCheckIn, checkIn);
      return checkIn;
    },
  );
}

/**
 * 请假 files a leave request for a serving cadre. The county's attendance policy decides the
 * approval level from the posts the cadre holds; a period overlapping the cadre's requested or
 * approved leave is refused.
 */
export async function requestLeave(ctx: RequestContext, input: RequestLeaveInput): Promise<LeaveRequest> {
  const cadre = await cadreOf(ctx, input.cadreId);
  PersonnelAccess.of(ctx).requireWrite(cadre.villageCode, VILLAGE_WRITER_ROLES);
  requireServing(cadre);
  if (input.toDate < input.fromDate) {
    throw badInput(`结束日期（${input.toDate}）不能早于开始日期（${input.fromDate}）`, `The leave cannot end (${input.toDate}) before it begins (${input.fromDate})`, { field: 'toDate' });
  }
  await checkRegions(ctx.dataSource, [{ field: 'cadre.villageCode', code: cadre.villageCode, on: { from: input.fromDate, to: input.toDate } }]);
  const reason = input.reason.trim();
  if (!reason) throw badInput('请假事由不能为空', 'The reason cannot be blank', { field: 'reason' });
  const { policy, source } = attendancePolicyFor(ctx, cadre.villageCode);
  return mutateOnce(
    ctx,
    onceById('requestLeave', input, (id) => ctx.dataSource.manager.findOneByOrFail(LeaveRequest, { id })),
    {
      action: 'requestLeave',
      targetType: 'LeaveRequest',
      regionCode: cadre.villageCode,
      targetId: (l) => l.id,
      payload: { cadreId: cadre.id, fromDate: input.fromDate, toDate: input.toDate, policySource: source },
    },
    async (manager) => {
      await lockServingCadre(manager, cadre);
      const overlapping = await manager
        .getRepository(LeaveRequest)
        .createQueryBuilder('l')
        .where('l.cadre_id = :cadreId AND l.status IN (:...open) AND l.from_date <= :to AND l.to_date >= :from', {
          cadreId: cadre.id,
          open: [LeaveStatus.REQUESTED, LeaveStatus.APPROVED],
          from: input.fromDate,
          to: input.toDate,
        })
        .orderBy('l.from_date', 'ASC')
        .getOne();
      if (overlapping) {
        throw badInput(
          `与${cadre.name}${STATUS_ZH[overlapping.status]}的请假（${overlapping.fromDate}至${overlapping.toDate}）时间重叠`,
          `Overlaps ${cadre.name}'s ${overlapping.status} leave (${overlapping.fromDate} to ${overlapping.toDate})`,
          { field: 'fromDate', leaveRequestId: overlapping.id },
        );
      }
      const posts = await manager.getRepository(Post).find({ where: { holderId: cadre.id, active: true }, order: { code: 'ASC' } });
      const approver = leaveApproverFor(policy, posts);
      const leave = manager.create(LeaveRequest, {
        countyCode: cadre.countyCode,
        villageCode: cadre.villageCode,
        cadreId: cadre.id,
        fromDate: input.fromDate,
        toDate: input.toDate,
        reason,
        status: LeaveStatus.REQUESTED,
        approverLevel: approver.level,
        approverDecision: stamp(source, approver.decision),
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
        reportedBackOn: null,
        version: 1,
      });
      await manager.insert(LeaveRequest, leave);
      return leave;
    },
  );
}

async function readableLeave(ctx: RequestContext, id: string): Promise<LeaveRequest> {
  const leave = await leaveRequestLoader(ctx).load(id);
  if (!leave) throw notFound('请假申请', 'Leave request', id);
  PersonnelAccess.of(ctx).requireVisible(leave.villageCode);
  return leave;
}

const LEAVE_REQUEST = { zh: '请假申请', en: 'leave request' };

function requireVersion(leave: LeaveRequest, expectedVersion: number): void {
  if (leave.version !== expectedVersion) {
    throw staleVersion(LEAVE_REQUEST, expectedVersion, leave.version, { key: leave.id });
  }
}

function requireStatus(leave: LeaveRequest, expected: LeaveStatus, action: { zh: string; en: string }): void {
  if (leave.status !== expected) {
    throw badInput(
      `只有“${STATUS_ZH[expected]}”的请假可以${action.zh}，该请假当前为“${STATUS_ZH[leave.status]}”`,
      `Only a ${expected} leave request can be ${action.en}; this one is ${leave.status}`,
      { status: leave.status, expectedStatus: expected },
    );
  }
}

/** Writes a versioned change of a leave request (0 rows → CONFLICT) and returns the row as stored. */
async function updateLeave(manager: EntityManager, leave: LeaveRequest, expectedVersion: number, change: Partial<LeaveRequest>): Promise<LeaveRequest> {
  const result = await manager
    .createQueryBuilder()
    .update(LeaveRequest)
    .set({ ...change, version: expectedVersion + 1 })
    .where('id = :id AND version = :version', { id: leave.id, version: expectedVersion })
    .execute();
  if (!result.affected) {
    throw staleVersion(LEAVE_REQUEST, expectedVersion, undefined, { key: leave.id });
  }
  return manager.getRepository(LeaveRequest).findOneByOrFail({ id: leave.id });
}

/**
 * 审批请假 approves or rejects a requested leave. A township-level leave (e.g. a secretary's) is
 * decided by a township officer or county administrator; a secretary-level leave also by the village
 * cadre who holds the village's Party secretary post. Nobody decides their own leave.
 */
export async function approveLeave(ctx: RequestContext, input: ApproveLeaveInput, now = new Date()): Promise<LeaveRequest> {
  const leave = await readableLeave(ctx, input.leaveRequestId);
  const access = PersonnelAccess.of(ctx);
  const deciders = LEAVE_DECIDERS[leave.approverLevel];
  if (!hasRole(ctx.actor, ...deciders)) {
    if (leave.approverLevel === LeaveApprover.TOWNSHIP && hasRole(ctx.actor, Role.VILLAGE_CADRE)) {
      throw forbidden(
        '该请假须由乡镇（街道）审批：村党组织书记等岗位的请假由乡镇审批，村干部无权审批',
        'This leave is approved by the township: the township approves a secretary’s leave, not a village cadre',
        { approverLevel: leave.approverLevel, requiredRoles: deciders },
      );
    }
    throw forbidden(`需要以下角色之一：${deciders.join(', ')}`, `One of these roles is required: ${deciders.join(', ')}`, { approverLevel: leave.approverLevel, requiredRoles: deciders });
  }
  access.requireWrite(leave.villageCode, deciders);
  access.requireNotSelf(leave.cadreId, { zh: '审批', en: 'approve' });
  if (!hasRole(ctx.actor, ...TOWNSHIP_DECIDERS)) await requireVillageSecretary(ctx, leave.villageCode);
  requireVersion(leave, input.expectedVersion);
  requireStatus(leave, LeaveStatus.REQUESTED, { zh: '审批', en: 'approved or rejected' });
  const status = input.approve ? LeaveStatus.APPROVED : LeaveStatus.REJECTED;
  return mutate(
    ctx,
    {
      action: 'approveLeave',
      targetType: 'LeaveRequest',
      regionCode: leave.villageCode,
      targetId: (l) => l.id,
      payload: { from: leave.status, to: status, approverLevel: leave.approverLevel, version: input.expectedVersion + 1 },
    },
    (manager) => updateLeave(manager, leave, input.expectedVersion, { status, decidedBy: ctx.actor.id, decidedAt: now, decisionNote: input.note?.trim() || null }),
  );
}

/** 销假 records that a cadre on approved leave reported back, on a date not before the leave began. */
export async function reportBack(ctx: RequestContext, input: ReportBackInput): Promise<LeaveRequest> {
  const leave = await readableLeave(ctx, input.leaveRequestId);
  PersonnelAccess.of(ctx).requireWrite(leave.villageCode, VILLAGE_WRITER_ROLES);
  requireVersion(leave, input.expectedVersion);
  requireStatus(leave, LeaveStatus.APPROVED, { zh: '销假', en: 'reported back from' });
  if (input.date < leave.fromDate) {
    throw badInput(`销假日期（${input.date}）不能早于请假开始日期（${leave.fromDate}）`, `The date reported back (${input.date}) cannot be before the leave began (${leave.fromDate})`, { field: 'date' });
  }
  requireNotFuture(input.date, 'date');
  return mutate(
    ctx,
    {
      action: 'reportBack',
      targetType: 'LeaveRequest',
      regionCode: leave.villageCode,
      targetId: (l) => l.id,
      payload: { from: leave.status, to: LeaveStatus.REPORTED_BACK, date: input.date, version: input.expectedVersion + 1 },
    },
    (manager) => updateLeave(manager, leave, input.expectedVersion, { status: LeaveStatus.REPORTED_BACK, reportedBackOn: input.date }),
  );
}

/** The category of the highest post a cadre holds; of the post held last when none; a committee member's when never. */
async function postCategoryOf(manager: EntityManager, cadreId: string): Promise<PostCategory> {
  const held = await manager.getRepository(Post).find({ where: { holderId: cadreId, active: true } });
  if (held.length > 0) return bySeniority(held)[0].category;
  const last = (await manager.query(
    `SELECT p.category FROM post_assignment pa JOIN post p ON p.id = pa.post_id WHERE pa.cadre_id = $1 ORDER BY pa.end_date DESC NULLS FIRST, pa.start_date DESC LIMIT 1`,
    [cadreId],
  )) as { category: PostCategory }[];
  return last[0]?.category ?? NO_POST_CATEGORY;
}

/**
 * A finding dated before a finding of the same year that is already recorded: its sanction was decided
 * as the n-th of the year and is final (pay deducted, post removed), so the ladder is never re-counted
 * behind it. The back-dated finding is refused (CONFLICT with the decided ladder), naming the rule, the date given and the latest finding.
 */
function backDatedFinding(name: string, date: string, later: number, latest: string) {
  return conflict(
    `擅自离岗按发现日期在年内计次，处理决定作出后不再变更：${name}在${date.slice(0, 4)}年已有${later}次晚于${date}的督查发现（最晚${latest}）已作出处理，不能补登更早日期的发现：date = ${date}`,
    `Unreported absences are counted by date within the calendar year and a sanction once decided is final: ${name} already has ${later} finding(s) of ${date.slice(0, 4)} dated after ${date} (the latest ${latest}) with their sanctions decided, so an earlier-dated finding cannot be added: date = ${date}`,
    { field: 'date', rule: 'FINDING_BACKDATED', value: date, latestFinding: latest },
  );
}

/**
 * 督查发现擅自离岗 records an unreported absence found by inspection and the sanction the county's
 * attendance policy decides for the cadre's n-th finding of the calendar year, counted by date (a
 * finding dated before one already recorded in the same year is refused: FINDING_BACKDATED). A date covered by
 * approved leave (or reported-back leave up to the day reported back) is refused. A removal from post
 * ends the cadre's open post assignments on the finding's date and vacates the posts.
 */
export async function recordInspectionFinding(ctx: RequestContext, input: RecordInspectionFindingInput): Promise<InspectionFindingResult> {
  const cadre = await cadreOf(ctx, input.cadreId);
  PersonnelAccess.of(ctx).requireWrite(cadre.villageCode, MANAGER_ROLES);
  requireServing(cadre);
  requireNotFuture(input.date, 'date');
  await checkRegions(ctx.dataSource, [{ field: 'cadre.villageCode', code: cadre.villageCode, on: input.date }]);
  const { policy, source } = attendancePolicyFor(ctx, cadre.villageCode);
  const date = input.date;
  return mutateOnce(
    ctx,
    onceById(
      'recordInspectionFinding',
      input,
      async (id) => {
        const finding = await ctx.dataSource.manager.findOneByOrFail(InspectionFinding, { id });
        const sanction = await ctx.dataSource.manager.findOneByOrFail(Sanction, { id: finding.sanctionId as string });
        return Object.assign(new InspectionFindingResult(), { finding, sanction });
      },
      (r) => r.finding.id,
    ),
    {
      action: 'recordInspectionFinding',
      targetType: 'InspectionFinding',
      regionCode: cadre.villageCode,
      targetId: (r) => r.finding.id,
      payload: { cadreId: cadre.id, date, policySource: source },
    },
    async (manager) => {
      await lockServingCadre(manager, cadre);
      const covering = await manager
        .getRepository(LeaveRequest)
        .createQueryBuilder('l')
        .where(
          `l.cadre_id = :cadreId AND l.from_date <= :date
           AND ((l.status = :approved AND l.to_date >= :date) OR (l.status = :back AND LEAST(l.to_date, l.reported_back_on) >= :date))`,
          { cadreId: cadre.id, date, approved: LeaveStatus.APPROVED, back: LeaveStatus.REPORTED_BACK },
        )
        .getOne();
      if (covering) {
        throw badInput(
          `${date}在${cadre.name}已批准的请假期间（${covering.fromDate}至${covering.toDate}），不属于擅自离岗`,
          `${date} is within ${cadre.name}'s approved leave (${covering.fromDate} to ${covering.toDate}); it is not an unreported absence`,
          { field: 'date', rule: 'ABSENCE_COVERED_BY_LEAVE', leaveRequestId: covering.id },
        );
      }
      const year = Number(date.slice(0, 4));
      // the ladder counts by date within the calendar year: this finding's place is 1 + the findings dated before it
      const [{ sameDay, before, later, latest }] = (await manager.query(
        `SELECT count(*) FILTER (WHERE found_on = $2)::int AS "sameDay", count(*) FILTER (WHERE found_on < $2)::int AS before,
                count(*) FILTER (WHERE found_on > $2)::int AS later, to_char(max(found_on), 'YYYY-MM-DD') AS latest
           FROM inspection_finding WHERE cadre_id = $1 AND found_on BETWEEN $3 AND $4`,
        [cadre.id, date, `${year}-01-01`, `${year}-12-31`],
      )) as { sameDay: number; before: number; later: number; latest: string | null }[];
      if (Number(sameDay) > 0) {
        throw badInput(`${cadre.name}在${date}的擅自离岗已登记`, `An absence of ${cadre.name} on ${date} is already recorded`, { field: 'date' });
      }
      if (Number(later) > 0) throw backDatedFinding(cadre.name, date, Number(later), latest as string);
      const occurrenceInYear = Number(before) + 1;
      const postCategory = await postCategoryOf(manager, cadre.id);
      const decided = policy.sanctionFor({ date, occurrenceInYear, postCategory });
      const stored = stamp(source, { rule: decided.rule, zh: decided.zh, en: decided.en });
      const findingId = randomUUID();
      const sanction = manager.create(Sanction, {
        id: randomUUID(),
        countyCode: cadre.countyCode,
        villageCode: cadre.villageCode,
        cadreId: cadre.id,
        findingId,
        decidedOn: todayInChina(),
        measures: decided.measures,
        deductionShare: decided.deductionShare,
        deductionPeriod: decided.deductionPeriod,
        // the month of the finding; none when nothing is deducted
        deductionMonth: decided.deductionShare > 0 ? date.slice(0, 7) : null,
        disciplinary: decided.disciplinary,
        decision: stored,
      });
      await manager.insert(Sanction, sanction);
      const finding = manager.create(InspectionFinding, {
        id: findingId,
        countyCode: cadre.countyCode,
        villageCode: cadre.villageCode,
        cadreId: cadre.id,
        foundOn: date,
        occurrenceInYear,
        note: input.note?.trim() || null,
        inspector: ctx.actor.id,
        sanctionId: sanction.id,
      });
      await manager.insert(InspectionFinding, finding);
      if (decided.measures.includes(SanctionMeasure.REMOVAL_FROM_POST)) {
        await manager
          .createQueryBuilder()
          .update(PostAssignment)
          .set({ endDate: () => 'GREATEST(start_date, CAST(:endDate AS date))', endReason: stored.zh })
          .where('cadre_id = :cadreId AND end_date IS NULL', { cadreId: cadre.id })
          .setParameter('endDate', date)
          .execute();
        await manager.update(Post, { holderId: cadre.id }, { holderId: null });
      }
      await recordEvent(manager, 'personnel.sanction.decided', { cadreId: cadre.id, sanctionId: sanction.id, measures: decided.measures, policy: source, rule: decided.rule });
      return Object.assign(new InspectionFindingResult(), { finding, sanction });
    },
  );
}
