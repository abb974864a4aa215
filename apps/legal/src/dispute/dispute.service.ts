import { checkReferences } from '@xiangzhi/grids-api';
import {
  AuditEntry,
  badInput,
  conflict,
  isUniqueViolation,
  mutate,
  mutateOnce,
  RegionLevel,
  requireNotFuture,
  Role,
  todayInChina,
  type Logger,
  type PolicyRegistry,
  type RequestContext,
} from '@xiangzhi/kernel';
import { disputeEscalationPolicyPoint, DisputeTier, type DisputeEscalationPolicy } from '@xiangzhi/legal-api';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { recordEvents } from '../events/outbox';
import { LEGAL_WRITER_ROLES, LegalAccess, missing, staleVersion, SYSTEM_ACTOR, yuanToFen } from '../shared/access';
import { Dispute, DisputeEscalation, DisputeOutcome, DisputeParty, DisputeStatus, Mediation, MediationResult } from './dispute.entity';
import type { CloseDisputeInput, EscalateDisputeInput, OpenDisputeInput, RecordMediationInput } from './dispute.inputs';

const DISPUTE = { zh: '纠纷', en: 'Dispute' };

export const TIER_ZH: Record<DisputeTier, string> = { VILLAGE: '村级初诊', TOWNSHIP: '镇级会诊', COUNTY: '县级联诊' };

/** The escalation policy of a village's county (its first enabled plugin's, else the baseline). */
export function escalationPolicyFor(policies: Pick<PolicyRegistry, 'resolve'>, villageCode: string): { policy: DisputeEscalationPolicy; source: string } {
  return policies.resolve(disputeEscalationPolicyPoint, villageCode);
}

/**
 * 办理权限 who acts on a dispute at each tier (mediation, escalation, closing): village cadres at
 * the village tier (初诊), township officers at the village and township tiers (会诊), county
 * administrators at every tier (联诊).
 */
export const TIER_HANDLERS: Readonly<Record<DisputeTier, readonly Role[]>> = {
  [DisputeTier.VILLAGE]: LEGAL_WRITER_ROLES,
  [DisputeTier.TOWNSHIP]: [Role.TOWNSHIP_OFFICER, Role.COUNTY_ADMIN],
  [DisputeTier.COUNTY]: [Role.COUNTY_ADMIN],
};

/** Reads a dispute for a write under a row lock; NOT_FOUND when missing or outside the scope, FORBIDDEN for another tier's handler, CONFLICT when stale. */
async function lockDispute(manager: EntityManager, ctx: RequestContext, id: string, expectedVersion: number | null): Promise<Dispute> {
  const d = await manager.getRepository(Dispute).createQueryBuilder('d').setLock('pessimistic_write').where('d.id = :id', { id }).getOne();
  if (!d || !LegalAccess.of(ctx).canSee(d.villageCode)) throw missing(DISPUTE, id);
  LegalAccess.of(ctx).requireWrite(d.villageCode, TIER_HANDLERS[d.tier]);
  if (expectedVersion !== null && d.version !== expectedVersion) throw staleVersion(DISPUTE, expectedVersion, d.version);
  return d;
}

function requireOpen(d: Dispute): void {
  if (d.status !== DisputeStatus.OPEN) {
    throw badInput(`纠纷已办结，不能再办理：disputeId = ${d.id}`, `The dispute is closed and cannot be acted on: disputeId = ${d.id}`, {
      field: 'input.disputeId',
      rule: 'DISPUTE_CLOSED',
      value: d.id,
    });
  }
}

/** 受理 opens a dispute at the village tier (初诊) with the deadline of the county's escalation policy. */
export async function openDispute(ctx: RequestContext, input: OpenDisputeInput): Promise<Dispute> {
  const access = LegalAccess.of(ctx);
  access.requireWrite(input.villageCode, LEGAL_WRITER_ROLES);
  const openedOn = input.openedOn ?? todayInChina();
  requireNotFuture(openedOn, 'input.openedOn', { zh: '受理日期', en: 'date opened' });
  const amountFen = input.amount ? yuanToFen(input.amount, 'input.amount') : null;
  await checkReferences(ctx.dataSource, {
    regions: [{ field: 'input.villageCode', code: input.villageCode, on: openedOn, level: RegionLevel.VILLAGE }],
    residents: input.parties.flatMap((p, i) => (p.residentId ? [{ field: `input.parties[${i}].residentId`, id: p.residentId, villageCode: input.villageCode, living: true }] : [])),
  });
  const { policy, source } = escalationPolicyFor(ctx.policies, input.villageCode);
  const deadline = policy.deadlineFor(DisputeTier.VILLAGE, input.category, openedOn, ctx.policies.calendar, input.villageCode);
  const repo = () => ctx.dataSource.getRepository(Dispute);
  try {
    return await mutateOnce(
      ctx,
      { operation: 'openDispute', key: input.idempotencyKey, input, idOf: (d: Dispute) => d.id, replay: async (id) => repo().findOneByOrFail({ id }) },
      { action: 'openDispute', targetType: 'Dispute', targetId: (d) => d.id, regionCode: input.villageCode, payload: { category: input.category, incidentId: input.incidentId ?? null } },
      async (manager) => {
        if (input.incidentId) {
          const taken = await manager.getRepository(Dispute).findOneBy({ incidentId: input.incidentId });
          if (taken) throw incidentTaken(input.incidentId);
        }
        const d = await manager.getRepository(Dispute).save(
          manager.getRepository(Dispute).create({
            villageCode: input.villageCode,
            category: input.category,
            summary: input.summary,
            amountFen: amountFen === null ? null : amountFen.toString(),
            riskLevel: input.riskLevel,
            crimeRisk: input.crimeRisk,
            tier: DisputeTier.VILLAGE,
            deadline,
            status: DisputeStatus.OPEN,
            outcome: null,
            openedOn,
            closedOn: null,
            incidentId: input.incidentId ?? null,
            policySource: source,
          }),
        );
        await manager.insert(
          DisputeParty,
          input.parties.map((p, position) => ({ disputeId: d.id, residentId: p.residentId ?? null, name: p.name, role: p.role, position })),
        );
        await recordEvents(manager, 'legal.dispute.opened', [
          { disputeId: d.id, villageCode: d.villageCode, category: d.category, tier: d.tier, riskLevel: d.riskLevel, crimeRisk: d.crimeRisk, openedOn, deadline, incidentId: d.incidentId },
        ]);
        return d;
      },
    );
  } catch (error) {
    if (input.incidentId && isUniqueViolation(error)) throw incidentTaken(input.incidentId);
    throw error;
  }
}

function incidentTaken(incidentId: string) {
  return conflict(`该网格事件已转为纠纷：incidentId = ${incidentId}`, `The incident was already taken over as a dispute: incidentId = ${incidentId}`, {
    field: 'input.incidentId',
    rule: 'INCIDENT_ALREADY_TAKEN_OVER',
    value: incidentId,
  });
}

/** 调解 records a mediation session; an agreement needs its text. */
export async function recordMediation(ctx: RequestContext, input: RecordMediationInput): Promise<Mediation> {
  requireNotFuture(input.heldOn, 'input.heldOn', { zh: '调解日期', en: 'mediation date' });
  if (input.result === MediationResult.AGREEMENT && !input.agreement) {
    throw badInput('达成调解协议的调解须填写协议内容：agreement 未给出', 'A mediation that reached an agreement needs the agreement text: agreement is missing', {
      field: 'input.agreement',
      rule: 'MEDIATION_AGREEMENT_TEXT_REQUIRED',
      value: null,
    });
  }
  const repo = () => ctx.dataSource.getRepository(Mediation);
  return mutateOnce(
    ctx,
    { operation: 'recordMediation', key: input.idempotencyKey, input, idOf: (m: Mediation) => m.id, replay: async (id) => repo().findOneByOrFail({ id }) },
    { action: 'recordMediation', targetType: 'Dispute', targetId: () => input.disputeId, payload: { result: input.result } },
    async (manager) => {
      const d = await lockDispute(manager, ctx, input.disputeId, null);
      requireOpen(d);
      if (input.heldOn < d.openedOn) {
        throw badInput(`调解日期不能早于受理日期（${d.openedOn}）：heldOn = ${input.heldOn}`, `A mediation cannot be held before the dispute was opened (${d.openedOn}): heldOn = ${input.heldOn}`, {
          field: 'input.heldOn',
          rule: 'MEDIATION_BEFORE_OPENING',
          value: input.heldOn,
        });
      }
      const m = await manager.getRepository(Mediation).save(
        manager.getRepository(Mediation).create({
          disputeId: d.id,
          tier: d.tier,
          mediator: input.mediator,
          heldOn: input.heldOn,
          result: input.result,
          agreement: input.result === MediationResult.AGREEMENT ? (input.agreement ?? null) : null,
          note: input.note ?? '',
        }),
      );
      // the dispute changed: its version moves on, so a stale close is refused
      await manager.query(`UPDATE dispute SET version = version + 1 WHERE id = $1`, [d.id]);
      return m;
    },
  );
}

/** One step up: writes the dispute, the escalation record and the event with `manager`. */
async function applyEscalation(
  manager: EntityManager,
  d: Dispute,
  step: { toTier: DisputeTier; deadline: string; on: string; automatic: boolean; reason: string; actorId: string; policySource: string },
): Promise<Dispute> {
  const updated = (await manager.query(`UPDATE dispute SET tier = $2, deadline = $3, policy_source = $4, version = version + 1 WHERE id = $1 AND version = $5 AND status = 'OPEN' RETURNING version`, [
    d.id,
    step.toTier,
    step.deadline,
    step.policySource,
    d.version,
  ])) as [{ version: number }[], number] | { version: number }[];
  const rows = Array.isArray(updated[0]) ? (updated[0] as { version: number }[]) : (updated as { version: number }[]);
  if (rows.length === 0) throw staleVersion(DISPUTE, d.version, d.version + 1);
  await manager.insert(DisputeEscalation, {
    disputeId: d.id,
    fromTier: d.tier,
    toTier: step.toTier,
    escalatedOn: step.on,
    deadline: step.deadline,
    automatic: step.automatic,
    reason: step.reason,
    actorId: step.actorId,
    policySource: step.policySource,
  });
  await recordEvents(manager, 'legal.dispute.escalated', [
    { disputeId: d.id, villageCode: d.villageCode, fromTier: d.tier, toTier: step.toTier, escalatedOn: step.on, deadline: step.deadline, automatic: step.automatic, reason: step.reason },
  ]);
  return manager.create(Dispute, { ...d, tier: step.toTier, deadline: step.deadline, policySource: step.policySource, version: rows[0].version });
}

/** The next tier of `d` and its deadline; BAD_USER_INPUT past the county tier. */
function nextStep(d: Dispute, policy: DisputeEscalationPolicy, registry: Pick<PolicyRegistry, 'calendar'>, on: string): { toTier: DisputeTier; deadline: string } {
  const toTier = policy.nextTier(d.tier);
  if (!toTier) {
    throw badInput(`纠纷已在${TIER_ZH[d.tier]}（最高层级），不能再升级：tier = ${d.tier}`, `The dispute is at the top tier (${d.tier}) and cannot be escalated further: tier = ${d.tier}`, {
      field: 'input.disputeId',
      rule: 'ESCALATION_PAST_COUNTY',
      value: d.tier,
    });
  }
  return { toTier, deadline: policy.deadlineFor(toTier, d.category, on, registry.calendar, d.villageCode) };
}

/** 升级 moves a dispute one tier up on a user's decision. */
export async function escalateDispute(ctx: RequestContext, input: EscalateDisputeInput): Promise<Dispute> {
  return mutate(ctx, { action: 'escalateDispute', targetType: 'Dispute', targetId: (d) => d.id, payload: { reason: input.reason } }, async (manager) => {
    const d = await lockDispute(manager, ctx, input.disputeId, input.expectedVersion);
    requireOpen(d);
    const { policy, source } = escalationPolicyFor(ctx.policies, d.villageCode);
    const on = todayInChina();
    const next = nextStep(d, policy, ctx.policies, on);
    return applyEscalation(manager, d, { ...next, on, automatic: false, reason: input.reason, actorId: ctx.actor.id, policySource: source });
  });
}

/** 办结 closes a dispute; MEDIATED needs a mediation that reached an agreement. */
export async function closeDispute(ctx: RequestContext, input: CloseDisputeInput): Promise<Dispute> {
  const closedOn = input.closedOn ?? todayInChina();
  requireNotFuture(closedOn, 'input.closedOn', { zh: '办结日期', en: 'closing date' });
  return mutate(ctx, { action: 'closeDispute', targetType: 'Dispute', targetId: (d) => d.id, payload: { outcome: input.outcome } }, async (manager) => {
    const d = await lockDispute(manager, ctx, input.disputeId, input.expectedVersion);
    requireOpen(d);
    if (closedOn < d.openedOn) {
      throw badInput(`办结日期不能早于受理日期（${d.openedOn}）：closedOn = ${closedOn}`, `A dispute cannot close before it was opened (${d.openedOn}): closedOn = ${closedOn}`, {
        field: 'input.closedOn',
        rule: 'CLOSED_BEFORE_OPENING',
        value: closedOn,
      });
    }
    if (input.outcome === DisputeOutcome.MEDIATED) {
      const agreements = (await manager.query(`SELECT count(*)::int AS n FROM dispute_mediation WHERE dispute_id = $1 AND result = 'AGREEMENT'`, [d.id])) as { n: number }[];
      if (Number(agreements[0].n) === 0) {
        throw badInput(
          `调解成功办结须有调解协议，该纠纷尚无达成协议的调解记录：outcome = MEDIATED`,
          `Closing as mediated needs a mediation agreement; the dispute has no mediation that reached one: outcome = MEDIATED`,
          { field: 'input.outcome', rule: 'MEDIATION_AGREEMENT_REQUIRED', value: input.outcome },
        );
      }
    }
    await manager.query(`UPDATE dispute SET status = 'CLOSED', outcome = $2, closed_on = $3, version = version + 1 WHERE id = $1`, [d.id, input.outcome, closedOn]);
    await recordEvents(manager, 'legal.dispute.closed', [{ disputeId: d.id, villageCode: d.villageCode, outcome: input.outcome, tier: d.tier, openedOn: d.openedOn, closedOn }]);
    return manager.create(Dispute, { ...d, status: DisputeStatus.CLOSED, outcome: input.outcome, closedOn, version: d.version + 1 });
  });
}

const JOB_BATCH = 200;

/** The name of the overdue-escalation job (tests call `runJob(ESCALATE_OVERDUE_DISPUTES_JOB, now)`). */
export const ESCALATE_OVERDUE_DISPUTES_JOB = 'escalate-overdue-disputes';

/**
 * The `escalate-overdue-disputes` job: every open dispute below the county tier whose deadline has
 * passed on the job's day (China time) and that its county's policy finds overdue moves one tier up,
 * each in its own transaction with its escalation record (actor `system`), its event and an audit
 * record. Idempotent: a run again the same day finds the escalated disputes with their new deadline;
 * a dispute changed meanwhile is left for the next run; the record is unique per dispute and tier left.
 * Returns how many disputes it escalated.
 */
export async function escalateOverdueDisputes(deps: { dataSource: DataSource; logger: Logger; policies: PolicyRegistry; now: Date }): Promise<number> {
  const { dataSource, logger, policies, now } = deps;
  const today = todayInChina(now);
  const runId = `${ESCALATE_OVERDUE_DISPUTES_JOB}:${randomUUID()}`;
  let escalated = 0;
  let after: { deadline: string; id: string } | null = null;
  for (;;) {
    const qb = dataSource
      .getRepository(Dispute)
      .createQueryBuilder('d')
      .where(`d.status = 'OPEN'`)
      .andWhere('d.deadline < :today', { today })
      .andWhere(`d.tier <> :top`, { top: DisputeTier.COUNTY });
    if (after) qb.andWhere('(d.deadline, d.id) > (:afterDeadline, :afterId)', { afterDeadline: after.deadline, afterId: after.id });
    const batch = await qb.orderBy('d.deadline', 'ASC').addOrderBy('d.id', 'ASC').take(JOB_BATCH).getMany();
    for (const d of batch) {
      const { policy, source } = escalationPolicyFor(policies, d.villageCode);
      if (!policy.isOverdue({ tier: d.tier, category: d.category, deadline: d.deadline }, today)) continue;
      const toTier = policy.nextTier(d.tier);
      if (!toTier) continue;
      const deadline = policy.deadlineFor(toTier, d.category, today, policies.calendar, d.villageCode);
      const reason = `超过${TIER_ZH[d.tier]}办理期限（${d.deadline}），自动升级 (overdue at the ${d.tier} tier since ${d.deadline}; escalated automatically)`;
      try {
        await dataSource.transaction(async (manager) => {
          await applyEscalation(manager, d, { toTier, deadline, on: today, automatic: true, reason, actorId: SYSTEM_ACTOR, policySource: source });
          await manager.insert(AuditEntry, {
            actorId: SYSTEM_ACTOR,
            actorRoles: 'SYSTEM',
            action: 'escalateOverdueDispute',
            targetType: 'Dispute',
            targetId: d.id,
            regionCode: d.villageCode,
            requestId: runId,
            payload: { fromTier: d.tier, toTier, overdueSince: d.deadline, deadline, policySource: source } as never,
          });
        });
        escalated += 1;
      } catch (error) {
        if (isUniqueViolation(error) || (error instanceof Error && 'extensions' in error && (error as { extensions: { code?: string } }).extensions.code === 'CONFLICT')) {
          logger.info({ dispute: d.id }, 'dispute changed while escalating; left for the next run');
          continue;
        }
        throw error;
      }
    }
    if (batch.length < JOB_BATCH) break;
    const last = batch[batch.length - 1];
    after = { deadline: last.deadline, id: last.id };
  }
  logger.info({ job: ESCALATE_OVERDUE_DISPUTES_JOB, today, escalated }, 'overdue disputes escalated');
  return escalated;
}
