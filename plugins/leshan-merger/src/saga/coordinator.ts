import { defineConsumer, recordOutboxEvents, type ConsumedEvent } from '@xiangzhi/kernel';
import { ECONOMY_MERGER_SUBJECTS, type EconomyMergerCommands } from '@xiangzhi/economy-api';
import { GRIDS_MERGER_SUBJECTS, type GridsMergerCommands } from '@xiangzhi/grids-api';
import { PERSONNEL_MERGER_SUBJECTS, type CadreDiversionKind, type PersonnelMergerCommands } from '@xiangzhi/personnel-api';
import type { EntityManager } from 'typeorm';
import { SAGA_STEPS, type SagaStepName } from '../config';

/** The plugin's outbox in the economy database. */
export const OUTBOX = 'lsm_event';

type Commands = GridsMergerCommands & EconomyMergerCommands & PersonnelMergerCommands;

const SUBJECTS = { GRIDS: GRIDS_MERGER_SUBJECTS, ECONOMY: ECONOMY_MERGER_SUBJECTS, PERSONNEL: PERSONNEL_MERGER_SUBJECTS } as const;

async function send<N extends keyof Commands>(manager: EntityManager, subject: N, payload: Commands[N]): Promise<void> {
  await recordOutboxEvents(manager, OUTBOX, subject, [payload]);
}

interface PlanRow {
  id: string;
  target_code: string;
  target_name: string;
  effective_date: string;
  saga_id: string;
  new_organization_name: string | null;
  new_organization_credit_code: string | null;
}

async function planOfSaga(manager: EntityManager, sagaId: string): Promise<(PlanRow & { status: string }) | null> {
  if (!/^[0-9a-f-]{36}$/i.test(sagaId)) return null;
  const [row] = (await manager.query(
    `SELECT id, status, target_code, target_name, effective_date::text AS effective_date, saga_id, new_organization_name, new_organization_credit_code FROM lsm_plan WHERE saga_id = $1 FOR UPDATE`,
    [sagaId],
  )) as (PlanRow & { status: string })[];
  return row ?? null;
}

/** Records the command of a step in the plugin's outbox, built from the plan's tables, and marks the step SENT. */
async function sendApply(manager: EntityManager, plan: PlanRow, step: SagaStepName): Promise<void> {
  const sagaId = plan.saga_id;
  if (step === 'GRIDS') {
    const sources = (await manager.query(`SELECT village_code FROM lsm_plan_source WHERE plan_id = $1 ORDER BY village_code`, [plan.id])) as { village_code: string }[];
    await send(manager, 'grids.merger.apply', { sagaId, targetCode: plan.target_code, targetName: plan.target_name, sourceCodes: sources.map((s) => s.village_code), effectiveDate: plan.effective_date });
  } else if (step === 'ECONOMY') {
    const sources = (await manager.query(
      `SELECT organization_id AS "organizationId", village_code AS "villageCode", assets_fen::text AS "assetsFen", liabilities_fen::text AS "liabilitiesFen", resources_fen::text AS "resourcesFen"
         FROM lsm_plan_source WHERE plan_id = $1 ORDER BY village_code`,
      [plan.id],
    )) as { organizationId: string; villageCode: string; assetsFen: string; liabilitiesFen: string; resourcesFen: string }[];
    const newOrganization = plan.new_organization_name && plan.new_organization_credit_code ? { name: plan.new_organization_name, creditCode: plan.new_organization_credit_code } : null;
    await send(manager, 'economy.merger.apply', { sagaId, targetCode: plan.target_code, effectiveDate: plan.effective_date, newOrganization, sources });
  } else {
    const cadres = (await manager.query(
      `SELECT cadre_id AS "cadreId", village_code AS "villageCode", decision, post_code AS "postCode", subsidy_fen::text AS "subsidyFen" FROM lsm_diversion WHERE plan_id = $1 ORDER BY cadre_id`,
      [plan.id],
    )) as { cadreId: string; villageCode: string; decision: CadreDiversionKind; postCode: string | null; subsidyFen: string | null }[];
    await send(manager, 'personnel.merger.apply', { sagaId, targetCode: plan.target_code, effectiveDate: plan.effective_date, cadres });
  }
  await manager.query(`UPDATE lsm_step SET state = 'SENT', sent_at = now() WHERE plan_id = $1 AND step = $2`, [plan.id, step]);
}

/**
 * 开始执行 the saga's first step: the plan EXECUTING with its saga id, its three steps PENDING, the
 * grids command in the outbox — all in the caller's transaction.
 */
export async function startSaga(manager: EntityManager, planId: string, sagaId: string, actor: string): Promise<void> {
  await manager.query(`UPDATE lsm_plan SET status = 'EXECUTING', saga_id = $2, executed_by = $3, version = version + 1 WHERE id = $1`, [planId, sagaId, actor]);
  await manager.query(
    `INSERT INTO lsm_step (plan_id, step, seq, state) SELECT $1, s.step, s.seq, 'PENDING' FROM unnest($2::text[]) WITH ORDINALITY AS s(step, seq)`,
    [planId, [...SAGA_STEPS]],
  );
  const plan = (await planOfSaga(manager, sagaId)) as PlanRow;
  await sendApply(manager, plan, SAGA_STEPS[0]);
}

/** The next compensation: the last applied step is undone; none left: the plan is COMPENSATED. */
async function compensateNext(manager: EntityManager, plan: PlanRow): Promise<void> {
  const [last] = (await manager.query(`SELECT step FROM lsm_step WHERE plan_id = $1 AND state = 'APPLIED' ORDER BY seq DESC LIMIT 1`, [plan.id])) as { step: SagaStepName }[];
  if (!last) {
    await manager.query(`UPDATE lsm_plan SET status = 'COMPENSATED', version = version + 1 WHERE id = $1`, [plan.id]);
    return;
  }
  await manager.query(`UPDATE lsm_step SET state = 'COMPENSATING', compensating_at = now() WHERE plan_id = $1 AND step = $2`, [plan.id, last.step]);
  await send(manager, SUBJECTS[last.step].compensate, { sagaId: plan.saga_id });
}

/** Village profiles after the merger: the sources' as the plan states them, the merged village's their sums. */
async function recordProfiles(manager: EntityManager, plan: PlanRow): Promise<void> {
  await manager.query(
    `INSERT INTO lsm_village_profile (village_code, registered_population, area_hectares, plan_id)
     SELECT village_code, registered_population, area_hectares, plan_id FROM lsm_plan_source WHERE plan_id = $1 AND village_code <> $2
     UNION ALL
     SELECT $2, sum(registered_population)::int, sum(area_hectares)::int, $1 FROM lsm_plan_source WHERE plan_id = $1
     ON CONFLICT (village_code) DO UPDATE SET registered_population = EXCLUDED.registered_population, area_hectares = EXCLUDED.area_hectares, plan_id = EXCLUDED.plan_id, updated_at = now()`,
    [plan.id, plan.target_code],
  );
}

const STEP_OF: Record<string, SagaStepName> = { grids: 'GRIDS', economy: 'ECONOMY', personnel: 'PERSONNEL' };

/**
 * 协调 the saga's coordinator: each reply of a step moves the plan on. `applied` → the next step's
 * command, or EXECUTED after the last (the village profiles recorded); `refused` → the step FAILED
 * with its reason on the plan, then the applied steps undone one by one in reverse order;
 * `compensated` → the next one back, then COMPENSATED. Replies of other sagas, or a reply the step
 * already had, change nothing.
 */
export async function handleReply(manager: EntityManager, event: ConsumedEvent): Promise<void> {
  const [owner, , outcome] = event.subject.split('.');
  const step = STEP_OF[owner];
  if (!step) return;
  const plan = await planOfSaga(manager, String(event.payload.sagaId ?? ''));
  if (!plan) return;
  const [current] = (await manager.query(`SELECT state FROM lsm_step WHERE plan_id = $1 AND step = $2`, [plan.id, step])) as { state: string }[];
  if (outcome === 'applied' && current?.state === 'SENT') {
    await manager.query(`UPDATE lsm_step SET state = 'APPLIED', applied_at = now() WHERE plan_id = $1 AND step = $2`, [plan.id, step]);
    const next = SAGA_STEPS[SAGA_STEPS.indexOf(step) + 1];
    if (next) {
      await sendApply(manager, plan, next);
    } else {
      await recordProfiles(manager, plan);
      await manager.query(`UPDATE lsm_plan SET status = 'EXECUTED', version = version + 1 WHERE id = $1`, [plan.id]);
    }
  } else if (outcome === 'refused' && current?.state === 'SENT') {
    const p = event.payload as { rule?: string; value?: string; reason?: string };
    await manager.query(`UPDATE lsm_step SET state = 'FAILED', failed_at = now(), reason = $3 WHERE plan_id = $1 AND step = $2`, [plan.id, step, String(p.reason ?? '')]);
    await manager.query(
      `UPDATE lsm_plan SET status = 'COMPENSATING', failed_step = $2, failure_rule = $3, failure_value = $4, failure_reason = $5, version = version + 1 WHERE id = $1`,
      [plan.id, step, String(p.rule ?? ''), String(p.value ?? ''), String(p.reason ?? '')],
    );
    await compensateNext(manager, plan);
  } else if (outcome === 'compensated' && current?.state === 'COMPENSATING') {
    await manager.query(`UPDATE lsm_step SET state = 'COMPENSATED', compensated_at = now() WHERE plan_id = $1 AND step = $2`, [plan.id, step]);
    await compensateNext(manager, plan);
  }
}

/** 村建制调整协调器 the consumer of the three subgraphs' merger replies (one saga's replies in order). */
export const sagaConsumer = defineConsumer({
  name: 'leshan-merger-saga',
  subjects: (['GRIDS', 'ECONOMY', 'PERSONNEL'] as const).flatMap((s) => [SUBJECTS[s].applied, SUBJECTS[s].refused, SUBJECTS[s].compensated]),
  aggregateOf: (e) => String(e.payload.sagaId ?? ''),
  handle: (event, { manager }) => handleReply(manager, event),
});

/**
 * 在任干部 the serving cadres of the counties that enable the plugin, from personnel events
 * (`personnel.cadre.appointed` / `discharged`): the cadres a plan's diversion must cover.
 */
export const cadreConsumer = defineConsumer({
  name: 'leshan-merger-cadres',
  subjects: ['personnel.cadre.appointed', 'personnel.cadre.discharged'],
  aggregateOf: (e) => String(e.payload.cadreId ?? ''),
  handle: async (event, { manager, policies }) => {
    const p = event.payload as { cadreId?: unknown; villageCode?: unknown };
    if (typeof p.cadreId !== 'string' || typeof p.villageCode !== 'string' || !/^\d{12}$/.test(p.villageCode)) return;
    if (!policies.isEnabled('leshan-merger', p.villageCode)) return;
    await manager.query(
      `INSERT INTO lsm_cadre (cadre_id, village_code, serving) VALUES ($1, $2, $3)
       ON CONFLICT (cadre_id) DO UPDATE SET village_code = EXCLUDED.village_code, serving = EXCLUDED.serving, updated_at = now()`,
      [p.cadreId, p.villageCode, event.subject === 'personnel.cadre.appointed'],
    );
  },
  reset: async (manager) => {
    await manager.query('DELETE FROM lsm_cadre');
  },
});
