import { EscalationTier, escalationPolicyPoint } from '@xiangzhi/grids-api';
import {
  badInput,
  conflict,
  countyOf,
  createRequestContext,
  forbidden,
  hasRole,
  isWithin,
  mutate,
  notFound,
  regionPrefix,
  requireRole,
  Role,
  WRITER_ROLES,
  writeAudit,
  type Logger,
  type PolicyRegistry,
  type RequestContext,
} from '@xiangzhi/kernel';
import type { DataSource, EntityManager } from 'typeorm';
import { Grid, Region, Resident, TerritoryAccess, isUuid } from '../territory';
import { Incident, IncidentHistoryEntry, IncidentSource } from './incident.entity';
import { IncidentAction, IncidentStatus, OPEN_STATUSES, transition } from './incident-state';
import type { ReportIncidentInput } from './incident.inputs';

/** Which tiers a role may act at: villages handle their own, townships may step in, the county anywhere. */
const TIERS_BY_ROLE: Record<Role, EscalationTier[]> = {
  [Role.COUNTY_ADMIN]: [EscalationTier.VILLAGE, EscalationTier.TOWNSHIP, EscalationTier.COUNTY],
  [Role.TOWNSHIP_OFFICER]: [EscalationTier.VILLAGE, EscalationTier.TOWNSHIP],
  [Role.VILLAGE_CADRE]: [EscalationTier.VILLAGE],
  [Role.GRID_WORKER]: [EscalationTier.VILLAGE],
  [Role.RESIDENT]: [],
  [Role.AUDITOR]: [],
};

export function mayActAtTier(ctx: RequestContext, tier: EscalationTier): boolean {
  return ctx.actor.roles.some((r) => TIERS_BY_ROLE[r].includes(tier));
}

/** Whether the caller may see an incident: inside the scope; residents only the ones they reported. */
export async function canSeeIncident(ctx: RequestContext, incident: Incident): Promise<boolean> {
  const access = TerritoryAccess.of(ctx);
  if (!access.inScope(incident.villageCode)) return false;
  if (!access.householdOnly) return true;
  return !!ctx.actor.residentId && incident.reporterResidentId === ctx.actor.residentId;
}

export async function readableIncident(ctx: RequestContext, id: string): Promise<Incident> {
  const incident = isUuid(id) ? await ctx.dataSource.getRepository(Incident).findOneBy({ id }) : null;
  if (!incident) throw notFound('事件', 'Incident', id);
  if (!(await canSeeIncident(ctx, incident))) {
    throw forbidden(`无权查看辖区以外的事件：${id}`, `Incident ${id} is outside your scope`, { key: id });
  }
  return incident;
}

async function appendHistory(
  manager: EntityManager,
  entry: Omit<IncidentHistoryEntry, 'id' | 'seq'>,
): Promise<void> {
  await manager.query(
    `INSERT INTO incident_history (incident_id, seq, action, from_status, to_status, from_tier, to_tier, actor_id, note, policy_source, at)
     SELECT $1, COALESCE(MAX(seq), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9, $10 FROM incident_history WHERE incident_id = $1`,
    [entry.incidentId, entry.action, entry.fromStatus, entry.toStatus, entry.fromTier, entry.toTier, entry.actorId, entry.note, entry.policySource, entry.at],
  );
}

/** 上报 reports an incident; the deadline comes from the county's escalation policy. */
export async function reportIncident(ctx: RequestContext, input: ReportIncidentInput, now = new Date()): Promise<Incident> {
  const access = TerritoryAccess.of(ctx);
  if (hasRole(ctx.actor, Role.AUDITOR) && ctx.actor.roles.length === 1) {
    throw forbidden('审计角色只读', 'Auditors are read-only');
  }
  if (!access.inScope(input.villageCode)) {
    throw forbidden(`无权在辖区以外上报事件：${input.villageCode}`, `Village ${input.villageCode} is outside your scope`, { field: 'villageCode' });
  }
  let source: IncidentSource;
  let reporter: string | null = input.reporterResidentId ?? null;
  if (access.householdOnly) {
    const own = await access.ownHousehold();
    if (!own || !ctx.actor.residentId) throw forbidden('只有登记在册的居民可以点单', 'Only a registered resident may file a request');
    if (own.villageCode !== input.villageCode) {
      throw forbidden('居民只能为本村（社区）点单', 'Residents may only file requests in their own village', { field: 'villageCode' });
    }
    source = IncidentSource.RESIDENT_REQUEST;
    reporter = ctx.actor.residentId;
  } else {
    requireRole(ctx.actor, ...WRITER_ROLES);
    source = input.source ?? (hasRole(ctx.actor, Role.GRID_WORKER) ? IncidentSource.GRID_PATROL : IncidentSource.HOTLINE);
  }
  const repo = ctx.dataSource;
  const village = await repo.getRepository(Region).findOneBy({ code: input.villageCode });
  if (!village || village.level !== 'VILLAGE') {
    throw badInput(`村（社区）不存在：${input.villageCode}`, `No such village: ${input.villageCode}`, { field: 'villageCode' });
  }
  if (input.gridId) {
    const grid = await repo.getRepository(Grid).findOneBy({ id: input.gridId });
    if (!grid || grid.villageCode !== input.villageCode) {
      throw badInput('网格不属于该村（社区）', `Grid ${input.gridId} is not in village ${input.villageCode}`, { field: 'gridId' });
    }
  }
  if (reporter && !access.householdOnly) {
    const resident = await repo.getRepository(Resident).findOneBy({ id: reporter });
    if (!resident || resident.villageCode !== input.villageCode) {
      throw badInput('代为上报的居民不在该村（社区）', `Resident ${reporter} does not live in village ${input.villageCode}`, { field: 'reporterResidentId' });
    }
  }
  const { policy, source: policySource } = ctx.policies.resolve(escalationPolicyPoint, input.villageCode);
  const deadline = policy.deadlineFor(EscalationTier.VILLAGE, input.category, now);
  return mutate(
    ctx,
    { action: 'reportIncident', targetType: 'Incident', regionCode: input.villageCode, targetId: (i) => i.id, payload: { source, category: input.category } },
    async (manager) => {
      const incident = manager.create(Incident, {
        countyCode: countyOf(input.villageCode) ?? input.villageCode,
        villageCode: input.villageCode,
        gridId: input.gridId ?? null,
        source,
        category: input.category,
        title: input.title,
        description: input.description,
        reporterResidentId: reporter,
        reportedBy: ctx.actor.id,
        assigneeId: null,
        assigneeName: null,
        tier: EscalationTier.VILLAGE,
        status: IncidentStatus.REPORTED,
        deadline,
        rating: null,
        feedback: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      const saved = await manager.save(Incident, incident);
      await appendHistory(manager, {
        incidentId: saved.id,
        action: 'REPORT',
        fromStatus: null,
        toStatus: IncidentStatus.REPORTED,
        fromTier: null,
        toTier: EscalationTier.VILLAGE,
        actorId: ctx.actor.id,
        note: null,
        policySource,
        at: now,
      });
      return saved;
    },
  );
}

export interface ActionDetails {
  note?: string | null;
  assignee?: { id: string | null; name: string };
  rating?: number;
  comment?: string;
}

/** Checks who may take `action` on `incident`; throws FORBIDDEN otherwise. */
function authorize(ctx: RequestContext, incident: Incident, action: IncidentAction): void {
  if (action === IncidentAction.CLOSE) {
    const isReporter = !!ctx.actor.residentId && ctx.actor.residentId === incident.reporterResidentId;
    if (isReporter) return;
    requireRole(ctx.actor, ...WRITER_ROLES);
    return;
  }
  requireRole(ctx.actor, ...WRITER_ROLES);
  if (!mayActAtTier(ctx, incident.tier)) {
    throw forbidden(
      `该事件在${incident.tier}层级办理，您的角色无权操作`,
      `The incident is handled at tier ${incident.tier}; your role may not act there`,
      { tier: incident.tier },
    );
  }
}

/**
 * Applies one action of the state machine in a transaction with its history entry and audit
 * record. A stale `expectedVersion` answers CONFLICT; an illegal transition BAD_USER_INPUT;
 * either way nothing is written.
 */
export async function actOnIncident(
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  action: IncidentAction,
  details: ActionDetails = {},
  now = new Date(),
): Promise<Incident> {
  const current = await readableIncident(ctx, id);
  authorize(ctx, current, action);
  if (current.version !== expectedVersion) {
    throw conflict(
      `事件已被他人修改（当前版本 ${current.version}，您的版本 ${expectedVersion}），请刷新后重试`,
      `The incident was changed by someone else (version ${current.version}, yours ${expectedVersion}); reload and retry`,
      { currentVersion: current.version },
    );
  }
  const to = transition(current.status, action);
  let tier = current.tier;
  let deadline = current.deadline;
  let policySource: string | null = null;
  if (action === IncidentAction.ESCALATE) {
    const resolved = ctx.policies.resolve(escalationPolicyPoint, current.villageCode);
    const next = resolved.policy.nextTier(current.tier);
    if (!next) {
      throw badInput('事件已在最高层级（县级联诊），不能再升级', 'The incident is already at the top tier (county) and cannot be escalated', {
        tier: current.tier,
      });
    }
    tier = next;
    deadline = resolved.policy.deadlineFor(next, current.category, now);
    policySource = resolved.source;
  }
  return mutate(
    ctx,
    {
      action: `${action.toLowerCase()}Incident`,
      targetType: 'Incident',
      regionCode: current.villageCode,
      targetId: (i) => i.id,
      payload: { from: current.status, to, tier },
    },
    (manager) =>
      applyTransition(manager, current, {
        expectedVersion,
        action,
        to,
        tier,
        deadline,
        policySource,
        actorId: ctx.actor.id,
        details,
        now,
      }),
  );
}

interface TransitionWrite {
  expectedVersion: number;
  action: IncidentAction;
  to: IncidentStatus;
  tier: EscalationTier;
  deadline: Date;
  policySource: string | null;
  actorId: string;
  details: ActionDetails;
  now: Date;
}

async function applyTransition(manager: EntityManager, current: Incident, w: TransitionWrite): Promise<Incident> {
  const set: Partial<Incident> = { status: w.to, tier: w.tier, deadline: w.deadline, updatedAt: w.now, version: w.expectedVersion + 1 };
  if (w.details.assignee) {
    set.assigneeId = w.details.assignee.id;
    set.assigneeName = w.details.assignee.name;
  }
  if (w.action === IncidentAction.CLOSE) {
    set.rating = w.details.rating ?? null;
    set.feedback = w.details.comment ?? '';
  }
  const result = await manager
    .createQueryBuilder()
    .update(Incident)
    .set(set)
    .where('id = :id AND version = :version AND status = :status', { id: current.id, version: w.expectedVersion, status: current.status })
    .execute();
  if (!result.affected) {
    throw conflict('事件已被他人修改，请刷新后重试', 'The incident was changed by someone else; reload and retry');
  }
  await appendHistory(manager, {
    incidentId: current.id,
    action: w.action,
    fromStatus: current.status,
    toStatus: w.to,
    fromTier: current.tier,
    toTier: w.tier,
    actorId: w.actorId,
    note: w.details.note ?? null,
    policySource: w.policySource,
    at: w.now,
  });
  const updated = await manager.findOneBy(Incident, { id: current.id });
  if (!updated) throw notFound('事件', 'Incident', current.id);
  return updated;
}

/**
 * The `escalate-overdue` job: every open incident past its deadline whose county's policy says it
 * is overdue moves to the next tier (each in its own transaction, audited as `system`).
 * Incidents already at the top tier stay where they are. Returns how many were escalated.
 */
export async function escalateOverdue(deps: { dataSource: DataSource; logger: Logger; policies: PolicyRegistry; now: Date }): Promise<number> {
  const { dataSource, logger, policies, now } = deps;
  const candidates: { id: string; village_code: string }[] = await dataSource.query(
    `SELECT id, village_code FROM incident WHERE status = ANY($1) AND deadline < $2 AND tier <> 'COUNTY' ORDER BY deadline LIMIT 500`,
    [OPEN_STATUSES, now],
  );
  let escalated = 0;
  for (const candidate of candidates) {
    const county = countyOf(candidate.village_code) ?? candidate.village_code;
    const ctx = createRequestContext({
      actor: { id: 'system', roles: [Role.COUNTY_ADMIN], scope: county },
      policies,
      dataSource,
      logger,
    });
    const { policy, source } = policies.resolve(escalationPolicyPoint, candidate.village_code);
    const done = await dataSource.transaction(async (manager) => {
      const rows = await manager.query(`SELECT id FROM incident WHERE id = $1 FOR UPDATE`, [candidate.id]);
      if (rows.length === 0) return false;
      const incident = await manager.findOneBy(Incident, { id: candidate.id });
      if (!incident || !OPEN_STATUSES.includes(incident.status) || !policy.isOverdue(incident.deadline, now)) return false;
      const next = policy.nextTier(incident.tier);
      if (!next) return false;
      await applyTransition(manager, incident, {
        expectedVersion: incident.version,
        action: IncidentAction.ESCALATE,
        to: transition(incident.status, IncidentAction.ESCALATE),
        tier: next,
        deadline: policy.deadlineFor(next, incident.category, now),
        policySource: source,
        actorId: 'system',
        details: { note: '超期自动升级 (escalated automatically: overdue)' },
        now,
      });
      await writeAudit(manager, ctx, {
        action: 'escalateOverdueIncident',
        targetType: 'Incident',
        targetId: incident.id,
        regionCode: incident.villageCode,
        payload: { from: incident.tier, to: next },
      });
      return true;
    });
    if (done) escalated += 1;
  }
  if (escalated > 0) logger.info({ escalated, candidates: candidates.length }, 'overdue incidents escalated');
  return escalated;
}

/** SQL condition and parameters restricting incidents to what the caller may list under `regionCode`. */
export async function incidentListFilter(ctx: RequestContext, regionCode: string | null | undefined): Promise<{ sql: string; params: Record<string, unknown> }> {
  const access = TerritoryAccess.of(ctx);
  const target = regionCode ?? ctx.actor.scope;
  let prefix: string;
  if (isWithin(target, ctx.actor.scope)) prefix = regionPrefix(target);
  else if (isWithin(ctx.actor.scope, target)) prefix = access.prefix;
  else throw forbidden(`无权查看辖区以外的区域：${target}`, `Region ${target} is outside your scope`, { regionCode: target });
  const params: Record<string, unknown> = { scopePrefix: `${prefix}%` };
  let sql = 'i.village_code LIKE :scopePrefix';
  if (access.householdOnly) {
    sql += ' AND i.reporter_resident_id = :ownResident';
    params.ownResident = ctx.actor.residentId && isUuid(ctx.actor.residentId) ? ctx.actor.residentId : '00000000-0000-0000-0000-000000000000';
  }
  return { sql, params };
}
