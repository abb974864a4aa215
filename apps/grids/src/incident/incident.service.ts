import { ESCALATION_TIERS, EscalationTier, escalationPolicyPoint, type EscalationPolicy } from '@xiangzhi/grids-api';
import {
  AuditEntry,
  badInput,
  byKey,
  conflict,
  countyOf,
  earlierResult,
  forbidden,
  hasRole,
  isRegionCode,
  isWithin,
  mutateOnce,
  notFound,
  regionPrefix,
  requireRole,
  Role,
  WRITER_ROLES,
  XzError,
  ErrorCode,
  type Logger,
  type PolicyRegistry,
  type RequestContext,
} from '@xiangzhi/kernel';
import type DataLoader from 'dataloader';
import { randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { TerritoryAccess, gridLoader, isUuid, regionLoader, residentLoader, workerLoader } from '../territory';
import { Incident, IncidentAssigneeKind, IncidentHistoryAction, IncidentHistoryEntry, IncidentSource } from './incident.entity';
import type { ReportIncidentInput } from './incident.inputs';
import { ACTION_ZH, IncidentAction, IncidentStatus, OPEN_STATUSES, isOpen, transition } from './incident-state';

/** The actor id the scheduled job writes into history and audit log. */
export const SYSTEM_ACTOR = 'system';

/**
 * 办理权限 who handles an incident at each tier: accept, dispatch, reject and escalate it (and start
 * or resolve it on the assignee's behalf). Village cadres handle the village tier (初诊); township
 * officers the village and township tiers (会诊); county administrators every tier (联诊).
 */
export const TIER_HANDLERS: Readonly<Record<EscalationTier, readonly Role[]>> = {
  [EscalationTier.VILLAGE]: [Role.VILLAGE_CADRE, Role.TOWNSHIP_OFFICER, Role.COUNTY_ADMIN],
  [EscalationTier.TOWNSHIP]: [Role.TOWNSHIP_OFFICER, Role.COUNTY_ADMIN],
  [EscalationTier.COUNTY]: [Role.COUNTY_ADMIN],
};

/** Cadres who may close an incident with the rating a resident gave them (代为评价). */
export const CADRE_ROLES: readonly Role[] = [Role.VILLAGE_CADRE, Role.TOWNSHIP_OFFICER, Role.COUNTY_ADMIN];

/** Per-request loader of incidents by id (no visibility rules: callers apply `canSeeIncident`). */
export function incidentLoader(ctx: RequestContext): DataLoader<string, Incident | null> {
  return ctx.loaders.get<string, Incident | null>('incident:byId', async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await ctx.dataSource.getRepository(Incident).findBy({ id: In(valid) }) : [];
    return byKey(ids, rows, (i) => i.id);
  });
}

/** Whether the caller may see an incident: inside their scope; residents only the ones they reported. */
export function canSeeIncident(ctx: RequestContext, incident: Incident): boolean {
  const access = TerritoryAccess.of(ctx);
  if (!access.inScope(incident.villageCode)) return false;
  if (!access.householdOnly) return true;
  return !!ctx.actor.residentId && incident.reporterResidentId === ctx.actor.residentId;
}

/**
 * One incident the caller may see. NOT_FOUND when there is none, and the same NOT_FOUND when it lies
 * outside the caller's scope or (for residents) someone else reported it.
 */
export async function readableIncident(ctx: RequestContext, id: string): Promise<Incident> {
  const incident = await incidentLoader(ctx).load(id);
  if (!incident || !canSeeIncident(ctx, incident)) throw notFound('事件', 'Incident', id);
  return incident;
}

/** The policy deciding deadlines and escalation for a village (its county's plugin, or the baseline). */
export function escalationPolicyFor(policies: Pick<PolicyRegistry, 'resolve'>, villageCode: string): { policy: EscalationPolicy; source: string } {
  return policies.resolve(escalationPolicyPoint, villageCode);
}

type HistoryWrite = Omit<IncidentHistoryEntry, 'id'>;

function actorName(ctx: RequestContext): string | null {
  return ctx.actor.name ?? null;
}

/** 上报 files an incident at the village tier (初诊); its deadline comes from the county's escalation policy. */
export async function reportIncident(ctx: RequestContext, input: ReportIncidentInput, now = new Date()): Promise<Incident> {
  const access = TerritoryAccess.of(ctx);
  let villageCode = input.villageCode ?? null;
  let gridId = input.gridId ?? null;
  let reporter: string | null;
  let source: IncidentSource;
  if (access.householdOnly) {
    // a resident (群众点单): always their own request, in their own village
    const own = await access.ownHousehold();
    const residentId = ctx.actor.residentId;
    if (!own || !residentId) throw forbidden('只有登记在册的本辖区居民可以点单', 'Only a registered resident of your scope may file a request');
    if (villageCode && villageCode !== own.villageCode) {
      throw forbidden('居民只能为本村（社区）点单', 'Residents may only file requests in their own village', { field: 'villageCode' });
    }
    if (input.reporterResidentId && input.reporterResidentId !== residentId) {
      throw forbidden('居民只能以本人名义点单', 'Residents may only file requests in their own name', { field: 'reporterResidentId' });
    }
    villageCode = own.villageCode;
    gridId = gridId ?? own.gridId;
    reporter = residentId;
    source = IncidentSource.RESIDENT_REQUEST;
  } else {
    requireRole(ctx.actor, ...WRITER_ROLES);
    reporter = input.reporterResidentId ?? null;
    source = input.source ?? (hasRole(ctx.actor, Role.GRID_WORKER) ? IncidentSource.GRID_PATROL : IncidentSource.HOTLINE);
    if (source === IncidentSource.RESIDENT_REQUEST && !reporter) {
      throw badInput('代为上报群众点单须指明点单居民', 'A resident request filed by staff must name the resident (reporterResidentId)', {
        field: 'reporterResidentId',
      });
    }
  }
  if (gridId) {
    const grid = await gridLoader(ctx).load(gridId);
    // a grid outside the scope is answered as a missing one: its village is not revealed
    if (!grid || !access.inScope(grid.villageCode)) throw badInput(`网格不存在：${gridId}`, `No such grid: ${gridId}`, { field: 'gridId' });
    if (villageCode && grid.villageCode !== villageCode) {
      throw badInput(`网格不属于村（社区）${villageCode}`, `Grid ${gridId} is not in village ${villageCode}`, { field: 'gridId' });
    }
    villageCode = grid.villageCode;
  }
  if (!villageCode) throw badInput('须指明村（社区）或网格', 'Give the village (villageCode) or the grid (gridId)', { field: 'villageCode' });
  if (!access.inScope(villageCode)) {
    throw forbidden(`无权在辖区（${ctx.actor.scope}）以外上报事件`, `You may only report incidents inside your scope ${ctx.actor.scope}`, { field: 'villageCode' });
  }
  const village = await regionLoader(ctx).load(villageCode);
  if (!village || village.level !== 'VILLAGE') {
    throw badInput(`村（社区）不存在：${villageCode}`, `No such village: ${villageCode}`, { field: 'villageCode' });
  }
  if (reporter && !access.householdOnly) {
    const resident = isUuid(reporter) ? await residentLoader(ctx).load(reporter) : null;
    if (!resident || resident.villageCode !== villageCode) {
      throw badInput(`点单居民不是该村（社区）居民：${reporter}`, `Resident ${reporter} does not live in village ${villageCode}`, { field: 'reporterResidentId' });
    }
  }
  const title = input.title.trim();
  if (!title) throw badInput('标题不能为空', 'The title cannot be blank', { field: 'title' });
  const tier = ESCALATION_TIERS[0];
  const { policy, source: policySource } = escalationPolicyFor(ctx.policies, villageCode);
  const deadline = policy.deadlineFor(tier, input.category, now);
  const countyCode = countyOf(villageCode) as string;
  const vc = villageCode;
  return mutateOnce(
    ctx,
    { operation: 'reportIncident', key: input.idempotencyKey, input, idOf: (i) => i.id, replay: (id) => readableIncident(ctx, id) },
    {
      action: 'reportIncident',
      targetType: 'Incident',
      regionCode: vc,
      targetId: (i) => i.id,
      payload: { source, category: input.category, tier, deadline: deadline.toISOString(), policySource },
    },
    async (manager) => {
      const incident = manager.create(Incident, {
        countyCode,
        villageCode: vc,
        gridId,
        source,
        category: input.category,
        title,
        description: input.description,
        reporterResidentId: reporter,
        reportedBy: ctx.actor.id,
        assigneeId: null,
        assigneeName: null,
        assigneeKind: null,
        tier,
        status: IncidentStatus.REPORTED,
        deadline,
        rating: null,
        comment: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(Incident, incident);
      await manager.insert(IncidentHistoryEntry, {
        incidentId: incident.id,
        countyCode,
        villageCode: vc,
        seq: 1,
        action: IncidentHistoryAction.REPORT,
        fromStatus: null,
        toStatus: IncidentStatus.REPORTED,
        fromTier: null,
        toTier: tier,
        actorId: ctx.actor.id,
        actorName: actorName(ctx),
        note: null,
        policySource,
        deadline,
        assigneeId: null,
        assigneeName: null,
        assigneeKind: null,
        at: now,
      } satisfies HistoryWrite);
      return incident;
    },
  );
}

/** What an action adds besides the transition itself. */
export interface ActionDetails {
  note?: string | null;
  assignee?: { kind: IncidentAssigneeKind; id: string; name?: string | null };
  rating?: number;
  comment?: string | null;
  /** The client's idempotency key: a retry of an action that succeeded returns the incident as it is now. */
  idempotencyKey?: string | null;
}

function requireTierHandler(ctx: RequestContext, incident: Incident, action: IncidentAction): void {
  const roles = TIER_HANDLERS[incident.tier];
  if (!hasRole(ctx.actor, ...roles)) {
    throw forbidden(
      `该事件由${TIER_ZH[incident.tier]}办理，您无权${ACTION_ZH[action]}（需要角色：${roles.join(', ')}）`,
      `The incident is handled at the ${incident.tier} tier; ${action} needs one of: ${roles.join(', ')}`,
      { tier: incident.tier, requiredRoles: roles },
    );
  }
}

const TIER_ZH: Readonly<Record<EscalationTier, string>> = { VILLAGE: '村级（初诊）', TOWNSHIP: '乡镇（会诊）', COUNTY: '县级（联诊）' };

/**
 * Who may take `action` (the incident is already known to be visible, i.e. in scope):
 * - CLOSE: the resident who reported it, or a cadre recording the rating on their behalf;
 * - START, RESOLVE: the assignee, a grid worker while the village handles it, or the tier's handlers;
 * - ACCEPT, DISPATCH, REJECT, ESCALATE: the tier's handlers (TIER_HANDLERS).
 * Auditors and other residents are refused with FORBIDDEN.
 */
export function authorize(ctx: RequestContext, incident: Incident, action: IncidentAction): void {
  const actor = ctx.actor;
  const writer = hasRole(actor, ...WRITER_ROLES);
  if (action === IncidentAction.CLOSE) {
    if (actor.residentId && actor.residentId === incident.reporterResidentId && (writer || hasRole(actor, Role.RESIDENT))) return;
    if (!hasRole(actor, ...CADRE_ROLES)) {
      throw forbidden('只有点单居民本人或干部（代为评价）可以关闭事件', 'Only the reporting resident, or a cadre on their behalf, may close an incident', {
        requiredRoles: CADRE_ROLES,
      });
    }
    return;
  }
  if (action === IncidentAction.START || action === IncidentAction.RESOLVE) {
    if (writer && incident.assigneeId && actor.id === incident.assigneeId) return;
    if (incident.tier === EscalationTier.VILLAGE && hasRole(actor, Role.GRID_WORKER)) return;
  }
  requireTierHandler(ctx, incident, action);
}

/** The assignee a dispatch names: a grid worker of the incident's village (name from the register) or a cadre. */
async function resolveAssignee(
  ctx: RequestContext,
  incident: Incident,
  assignee: NonNullable<ActionDetails['assignee']>,
): Promise<{ id: string; name: string; kind: IncidentAssigneeKind }> {
  if (assignee.kind === IncidentAssigneeKind.GRID_WORKER) {
    const worker = isUuid(assignee.id) ? await workerLoader(ctx).load(assignee.id) : null;
    if (!worker || worker.villageCode !== incident.villageCode) {
      throw badInput(`处置人不是本村（社区）的网格员：${assignee.id}`, `Assignee ${assignee.id} is not a grid worker of village ${incident.villageCode}`, {
        field: 'assigneeId',
      });
    }
    return { id: worker.id, name: worker.name, kind: assignee.kind };
  }
  const name = assignee.name?.trim();
  if (!name) throw badInput('派单给干部须填写姓名', 'Dispatching to a cadre needs the cadre’s name (assigneeName)', { field: 'assigneeName' });
  return { id: assignee.id.trim(), name, kind: assignee.kind };
}

/** The columns a transition changes. */
interface IncidentChange {
  status: IncidentStatus;
  tier: EscalationTier;
  deadline: Date;
  assigneeId: string | null;
  assigneeName: string | null;
  assigneeKind: IncidentAssigneeKind | null;
  rating: number | null;
  comment: string | null;
}

interface TransitionWrite {
  expectedVersion: number;
  action: IncidentAction;
  change: IncidentChange;
  /** Set when the step sets a deadline (escalation), with the policy that set it. */
  newDeadline: Date | null;
  policySource: string | null;
  actorId: string;
  actorName: string | null;
  note: string | null;
  now: Date;
}

/** The escalation of `incident` under `policy` at `now`: the next tier with its deadline; BAD_USER_INPUT at the top. */
function escalation(incident: Incident, policy: EscalationPolicy, now: Date): { tier: EscalationTier; deadline: Date } {
  const next = policy.nextTier(incident.tier);
  if (!next) {
    throw badInput(
      `事件已在最高层级（${TIER_ZH[incident.tier]}），不能再升级`,
      `The incident is already at the top tier (${incident.tier}) and cannot be escalated`,
      { tier: incident.tier },
    );
  }
  return { tier: next, deadline: policy.deadlineFor(next, incident.category, now) };
}

/**
 * Applies one action of the state machine: checks visibility (NOT_FOUND / FORBIDDEN), the actor's
 * right to act (FORBIDDEN), `expectedVersion` (CONFLICT), the transition (BAD_USER_INPUT) and the
 * action's own input, then writes the incident, its history entry and the audit record in one
 * transaction. Whatever is refused writes nothing.
 */
export async function actOnIncident(
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  action: IncidentAction,
  details: ActionDetails = {},
  now = new Date(),
): Promise<Incident> {
  const { idempotencyKey, ...given } = details;
  const once = {
    operation: `${action.toLowerCase()}Incident`,
    key: idempotencyKey,
    input: { id, expectedVersion, ...given },
    idOf: (i: Incident) => i.id,
    replay: (incidentId: string) => readableIncident(ctx, incidentId),
  };
  // a retry of an action that went through finds the incident one version on: answer it, no CONFLICT
  const replayed = await earlierResult(ctx, once);
  if (replayed) return replayed;
  const current = await readableIncident(ctx, id);
  authorize(ctx, current, action);
  if (current.version !== expectedVersion) {
    throw conflict(
      `事件已被他人修改（当前版本${current.version}，您提交的版本${expectedVersion}），请刷新后重试`,
      `The incident was changed by someone else (version ${current.version}, yours ${expectedVersion}); reload and retry`,
      { currentVersion: current.version, currentStatus: current.status },
    );
  }
  const to = transition(current.status, action);
  const change: IncidentChange = {
    status: to,
    tier: current.tier,
    deadline: current.deadline,
    assigneeId: current.assigneeId,
    assigneeName: current.assigneeName,
    assigneeKind: current.assigneeKind,
    rating: current.rating,
    comment: current.comment,
  };
  let note = details.note?.trim() || null;
  let newDeadline: Date | null = null;
  let policySource: string | null = null;
  if (action === IncidentAction.ESCALATE) {
    const resolved = escalationPolicyFor(ctx.policies, current.villageCode);
    const next = escalation(current, resolved.policy, now);
    change.tier = next.tier;
    change.deadline = next.deadline;
    // the higher tier decides who handles it: the lower tier's assignee is released
    change.assigneeId = null;
    change.assigneeName = null;
    change.assigneeKind = null;
    newDeadline = next.deadline;
    policySource = resolved.source;
  }
  if (action === IncidentAction.DISPATCH) {
    if (!details.assignee) throw badInput('派单须指明处置人', 'A dispatch needs an assignee', { field: 'assigneeId' });
    const assignee = await resolveAssignee(ctx, current, details.assignee);
    change.assigneeId = assignee.id;
    change.assigneeName = assignee.name;
    change.assigneeKind = assignee.kind;
  }
  if (action === IncidentAction.CLOSE) {
    change.rating = details.rating ?? null;
    change.comment = details.comment?.trim() ?? '';
    const onBehalf = !(ctx.actor.residentId && ctx.actor.residentId === current.reporterResidentId);
    if (onBehalf) note = note ?? '干部代为评价 (rating recorded by a cadre on the resident’s behalf)';
  }
  const write: TransitionWrite = {
    expectedVersion,
    action,
    change,
    newDeadline,
    policySource,
    actorId: ctx.actor.id,
    actorName: actorName(ctx),
    note,
    now,
  };
  return mutateOnce(
    ctx,
    once,
    {
      action: `${action.toLowerCase()}Incident`,
      targetType: 'Incident',
      regionCode: current.villageCode,
      targetId: (i) => i.id,
      payload: { from: current.status, to, fromTier: current.tier, toTier: change.tier, version: expectedVersion + 1, ...(policySource ? { policySource } : {}) },
    },
    (manager) => applyTransition(manager, current, write),
  );
}

/** Writes a transition: the versioned UPDATE (0 rows → CONFLICT) and the history entry. */
async function applyTransition(manager: EntityManager, current: Incident, w: TransitionWrite): Promise<Incident> {
  const version = w.expectedVersion + 1;
  const result = await manager
    .createQueryBuilder()
    .update(Incident)
    .set({ ...w.change, updatedAt: w.now, version })
    .where('id = :id AND version = :version', { id: current.id, version: w.expectedVersion })
    .execute();
  if (!result.affected) {
    throw conflict('事件已被他人修改，请刷新后重试', 'The incident was changed by someone else; reload and retry', { key: current.id });
  }
  const assigned = w.action === IncidentAction.DISPATCH;
  await manager.insert(IncidentHistoryEntry, {
    incidentId: current.id,
    countyCode: current.countyCode,
    villageCode: current.villageCode,
    seq: version,
    action: IncidentHistoryAction[w.action],
    fromStatus: current.status,
    toStatus: w.change.status,
    fromTier: current.tier,
    toTier: w.change.tier,
    actorId: w.actorId,
    actorName: w.actorName,
    note: w.note,
    policySource: w.policySource,
    deadline: w.newDeadline,
    assigneeId: assigned ? w.change.assigneeId : null,
    assigneeName: assigned ? w.change.assigneeName : null,
    assigneeKind: assigned ? w.change.assigneeKind : null,
    at: w.now,
  } satisfies HistoryWrite);
  return manager.create(Incident, { ...current, ...w.change, updatedAt: w.now, version });
}

const JOB_BATCH = 200;

/**
 * The `escalate-overdue` job: every open incident whose stored deadline has passed at `now` and
 * whose county's policy says it is overdue moves to the next tier, each in its own transaction
 * with its history entry (actor `system`) and an audit record (actor `system`). Incidents at the
 * top tier stay where they are; an incident someone changed meanwhile is left for the next run.
 * Returns how many incidents it escalated.
 */
export async function escalateOverdue(deps: { dataSource: DataSource; logger: Logger; policies: PolicyRegistry; now: Date }): Promise<number> {
  const { dataSource, logger, policies, now } = deps;
  const runId = `escalate-overdue:${randomUUID()}`;
  const top = ESCALATION_TIERS[ESCALATION_TIERS.length - 1];
  let escalated = 0;
  let examined = 0;
  let after: { deadline: Date; id: string } | null = null;
  for (;;) {
    const qb = dataSource
      .getRepository(Incident)
      .createQueryBuilder('i')
      .where('i.status IN (:...open)', { open: OPEN_STATUSES })
      .andWhere('i.deadline < :now', { now })
      .andWhere('i.tier <> :top', { top });
    if (after) qb.andWhere('(i.deadline, i.id) > (:afterDeadline, :afterId)', { afterDeadline: after.deadline, afterId: after.id });
    const batch = await qb.orderBy('i.deadline', 'ASC').addOrderBy('i.id', 'ASC').take(JOB_BATCH).getMany();
    for (const incident of batch) {
      examined += 1;
      const { policy, source } = escalationPolicyFor(policies, incident.villageCode);
      if (!isOpen(incident.status) || !policy.isOverdue({ tier: incident.tier, category: incident.category, deadline: incident.deadline }, now)) continue;
      if (!policy.nextTier(incident.tier)) continue;
      const next = escalation(incident, policy, now);
      const to = transition(incident.status, IncidentAction.ESCALATE);
      const note = `超过${TIER_ZH[incident.tier]}办理期限（${incident.deadline.toISOString()}），自动升级 (overdue at the ${incident.tier} tier since ${incident.deadline.toISOString()}; escalated automatically)`;
      try {
        await dataSource.transaction(async (manager) => {
          await applyTransition(manager, incident, {
            expectedVersion: incident.version,
            action: IncidentAction.ESCALATE,
            change: {
              status: to,
              tier: next.tier,
              deadline: next.deadline,
              assigneeId: null,
              assigneeName: null,
              assigneeKind: null,
              rating: incident.rating,
              comment: incident.comment,
            },
            newDeadline: next.deadline,
            policySource: source,
            actorId: SYSTEM_ACTOR,
            actorName: '系统定时任务 (scheduled job)',
            note,
            now,
          });
          await manager.insert(AuditEntry, {
            actorId: SYSTEM_ACTOR,
            actorRoles: 'SYSTEM',
            action: 'escalateOverdueIncident',
            targetType: 'Incident',
            targetId: incident.id,
            regionCode: incident.villageCode,
            requestId: runId,
            payload: {
              from: incident.status,
              to,
              fromTier: incident.tier,
              toTier: next.tier,
              overdueSince: incident.deadline.toISOString(),
              deadline: next.deadline.toISOString(),
              policySource: source,
              version: incident.version + 1,
            } as never,
          });
        });
        escalated += 1;
      } catch (error) {
        if (error instanceof XzError && error.code === ErrorCode.CONFLICT) {
          logger.info({ incident: incident.id }, 'incident changed while escalating; left for the next run');
          continue;
        }
        throw error;
      }
    }
    if (batch.length < JOB_BATCH) break;
    const last = batch[batch.length - 1];
    after = { deadline: last.deadline, id: last.id };
  }
  logger.info({ job: 'escalate-overdue', now: now.toISOString(), examined, escalated }, 'overdue incidents escalated');
  return escalated;
}

/** The LIKE pattern of what the caller may list under `regionCode` (their scope when omitted); null when nothing. */
export function listPrefix(ctx: RequestContext, regionCode: string | null | undefined): string | null {
  const scope = ctx.actor.scope;
  const target = regionCode ?? scope;
  if (!isRegionCode(target)) return null;
  if (isWithin(target, scope)) return regionPrefix(target);
  if (isWithin(scope, target)) return regionPrefix(scope);
  return null;
}

/** SQL condition on alias `i` restricting incidents to what the caller may list; null when nothing is visible. */
export function incidentListFilter(ctx: RequestContext, regionCode: string | null | undefined): { sql: string; params: Record<string, unknown> } | null {
  const prefix = listPrefix(ctx, regionCode);
  if (prefix === null) return null;
  const params: Record<string, unknown> = { listPrefix: `${prefix}%` };
  let sql = 'i.village_code LIKE :listPrefix';
  if (TerritoryAccess.of(ctx).householdOnly) {
    const residentId = ctx.actor.residentId;
    if (!residentId || !isUuid(residentId)) return null;
    sql += ' AND i.reporter_resident_id = :ownResident';
    params.ownResident = residentId;
  }
  return { sql, params };
}
