import { randomUUID } from 'node:crypto';
import { badInput, conflict, mutate, mutateOnce, notFound, onceById, requireInScope, requireNotFuture, requireRole, Role, todayInChina, type RequestContext } from '@xiangzhi/kernel';
import { collectiveInventory, creditCodeProblem, villageOrganizations } from '@xiangzhi/economy-api';
import type { EntityManager } from 'typeorm';
import { PLUGIN_NAME, REVIEW_LEVELS, type LeshanMergerConfig, type ReviewLevelName, type RiskLevelName } from '../config';
import { startSaga } from '../saga/coordinator';
import { checkExecutable, checkPlanVillages, checkReviewOrder, overallRiskLevel, type KnownRegion } from './rules';
import {
  MergerCadreDecision,
  MergerCandidate,
  MergerCandidateReview,
  MergerInventory,
  MergerPlan,
  MergerRiskItem,
  MergerSourceVillage,
  MergerStep,
  type AddMergerCandidateInput,
  type CadreDiversion,
  type CandidateReviewLevel,
  type CreateMergerPlanInput,
  type DecideCadreDiversionInput,
  type MergerPlanStatus,
  type MergerRiskLevel,
  type MergerStepState,
  type ReviewMergerCandidateInput,
} from './types';

type Db = Pick<EntityManager, 'query'>;
const PLAN = { zh: '村建制调整方案', en: 'Village-merger plan' };

/** The county's parameters; PLUGIN_NOT_ENABLED where the county has not enabled the plugin. */
export function configFor(ctx: RequestContext, regionCode: string): LeshanMergerConfig {
  return ctx.policies.configOf<LeshanMergerConfig>(PLUGIN_NAME, regionCode);
}

function requireCountyAdmin(ctx: RequestContext, code: string): void {
  requireRole(ctx.actor, Role.COUNTY_ADMIN);
  requireInScope(ctx.actor, code);
}

interface PlanRow {
  id: string;
  county_code: string;
  target_code: string;
  target_name: string;
  creates_target: boolean;
  effective_date: string;
  status: MergerPlanStatus;
  risk_level: MergerRiskLevel;
  failed_step: string | null;
  failure_rule: string | null;
  failure_reason: string | null;
  version: number;
}

const PLAN_COLUMNS = `id, county_code, target_code, target_name, creates_target, effective_date::text AS effective_date, status, risk_level, failed_step, failure_rule, failure_reason, version`;

async function planRow(db: Db, id: string, lock = false): Promise<PlanRow | null> {
  const rows = (await db.query(`SELECT ${PLAN_COLUMNS} FROM lsm_plan WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id])) as PlanRow[];
  return rows[0] ?? null;
}

/** A whole plan in six statements whatever its size (five when its row is given). */
export async function loadPlan(db: Db, id: string, known?: PlanRow): Promise<MergerPlan | null> {
  const row = known ?? (await planRow(db, id));
  if (!row) return null;
  const risks = (await db.query(`SELECT description, level, mitigation FROM lsm_risk WHERE plan_id = $1 ORDER BY seq`, [id])) as MergerRiskItem[];
  const sources = (await db.query(
    `SELECT village_code, registered_population, area_hectares, organization_id, assets_fen::text AS assets_fen, liabilities_fen::text AS liabilities_fen,
            resources_fen::text AS resources_fen, confirmed_by, confirmed_at FROM lsm_plan_source WHERE plan_id = $1 ORDER BY village_code`,
    [id],
  )) as {
    village_code: string;
    registered_population: number;
    area_hectares: number;
    organization_id: string | null;
    assets_fen: string | null;
    liabilities_fen: string | null;
    resources_fen: string | null;
    confirmed_by: string | null;
    confirmed_at: Date | null;
  }[];
  const reviews = (await db.query(
    `SELECT c.id, c.name, c.post_code, r.level, r.passed, r.reviewer, r.reviewed_on::text AS reviewed_on, r.note
       FROM lsm_candidate c LEFT JOIN lsm_candidate_review r ON r.candidate_id = c.id WHERE c.plan_id = $1 ORDER BY c.created_at, c.id, r.seq`,
    [id],
  )) as { id: string; name: string; post_code: string; level: CandidateReviewLevel | null; passed: boolean | null; reviewer: string; reviewed_on: string; note: string | null }[];
  const cadres = (await db.query(
    `SELECT cadre_id, village_code, decision, post_code, subsidy_fen::text AS subsidy_fen, talked_on::text AS talked_on, talked_by, talk_summary FROM lsm_diversion WHERE plan_id = $1 ORDER BY village_code, cadre_id`,
    [id],
  )) as { cadre_id: string; village_code: string; decision: CadreDiversion; post_code: string | null; subsidy_fen: string | null; talked_on: string; talked_by: string; talk_summary: string }[];
  const steps = (await db.query(`SELECT step, state, sent_at, applied_at, failed_at, compensated_at, reason FROM lsm_step WHERE plan_id = $1 ORDER BY seq`, [id])) as {
    step: string;
    state: MergerStepState;
    sent_at: Date | null;
    applied_at: Date | null;
    failed_at: Date | null;
    compensated_at: Date | null;
    reason: string | null;
  }[];
  const candidates = new Map<string, MergerCandidate>();
  for (const r of reviews) {
    let c = candidates.get(r.id);
    if (!c) {
      c = Object.assign(new MergerCandidate(), { id: r.id, name: r.name, postCode: r.post_code, reviews: [], approved: false, rejected: false });
      candidates.set(r.id, c);
    }
    if (r.level) c.reviews.push(Object.assign(new MergerCandidateReview(), { level: r.level, passed: Boolean(r.passed), reviewer: r.reviewer, reviewedOn: r.reviewed_on, note: r.note }));
  }
  for (const c of candidates.values()) {
    c.rejected = c.reviews.some((r) => !r.passed);
    c.approved = !c.rejected && c.reviews.length === REVIEW_LEVELS.length;
  }
  return Object.assign(new MergerPlan(), {
    id: row.id,
    countyCode: row.county_code,
    targetCode: row.target_code,
    targetName: row.target_name,
    createsTarget: row.creates_target,
    effectiveDate: row.effective_date,
    status: row.status,
    riskLevel: row.risk_level,
    risks: risks.map((r) => Object.assign(new MergerRiskItem(), r)),
    sources: sources.map((s) =>
      Object.assign(new MergerSourceVillage(), {
        villageCode: s.village_code,
        registeredPopulation: Number(s.registered_population),
        areaHectares: Number(s.area_hectares),
        inventory:
          s.confirmed_at && s.organization_id
            ? Object.assign(new MergerInventory(), {
                organizationId: s.organization_id,
                assetsFen: s.assets_fen,
                liabilitiesFen: s.liabilities_fen,
                resourcesFen: s.resources_fen,
                confirmedBy: s.confirmed_by,
                confirmedAt: new Date(s.confirmed_at),
              })
            : null,
      }),
    ),
    candidates: [...candidates.values()],
    cadres: cadres.map((d) =>
      Object.assign(new MergerCadreDecision(), {
        cadreId: d.cadre_id,
        villageCode: d.village_code,
        decision: d.decision,
        postCode: d.post_code,
        subsidyFen: d.subsidy_fen,
        talkedOn: d.talked_on,
        talkedBy: d.talked_by,
        talkSummary: d.talk_summary,
      }),
    ),
    steps: steps.map((s) =>
      Object.assign(new MergerStep(), { step: s.step, state: s.state, sentAt: s.sent_at, appliedAt: s.applied_at, failedAt: s.failed_at, compensatedAt: s.compensated_at, reason: s.reason }),
    ),
    failedStep: row.failed_step,
    failureRule: row.failure_rule,
    failureReason: row.failure_reason,
    version: Number(row.version),
  });
}

/** NOT_FOUND for a plan that does not exist or lies outside the caller's scope; PLUGIN_NOT_ENABLED outside the counties. */
async function visiblePlan(ctx: RequestContext, id: string): Promise<PlanRow> {
  const row = await planRow(ctx.dataSource, id);
  if (!row) throw notFound(PLAN.zh, PLAN.en, id);
  return requireVisible(ctx, row);
}

function requireVisible(ctx: RequestContext, row: PlanRow): PlanRow {
  const id = row.id;
  configFor(ctx, row.county_code);
  try {
    requireInScope(ctx.actor, row.county_code);
  } catch {
    throw notFound(PLAN.zh, PLAN.en, id);
  }
  return row;
}

/** Changes are taken while the plan is a draft or approved, never once it is executing. */
function requireEditable(row: PlanRow): void {
  if (row.status !== 'DRAFT' && row.status !== 'APPROVED') {
    throw conflict(`方案已进入执行，不能再修改：status = ${row.status}`, `The plan is being or has been executed and cannot change: status = ${row.status}`, {
      field: 'planId',
      rule: 'PLAN_NOT_EDITABLE',
      value: row.status,
    });
  }
}

async function reload(manager: Db, id: string): Promise<MergerPlan> {
  return (await loadPlan(manager, id)) as MergerPlan;
}

/**
 * 编制方案 draws up a plan (county administrators of the county): the villages checked against the
 * regions grids publishes (`region_ref`), the risk items and their overall level, the new village's
 * collective (name and a valid credit code) when the code is new. An idempotency key makes a retry
 * return the first plan.
 */
export async function createPlan(ctx: RequestContext, input: CreateMergerPlanInput): Promise<MergerPlan> {
  const config = configFor(ctx, input.targetCode);
  requireCountyAdmin(ctx, input.targetCode);
  const codes = [...input.sources.map((s) => s.villageCode), input.targetCode, `${input.targetCode.slice(0, 9)}000`];
  const rows = (await ctx.dataSource.query(`SELECT code, level, valid_to::text AS "validTo" FROM region_ref WHERE code = ANY($1::text[])`, [codes])) as KnownRegion[];
  const { countyCode, createsTarget } = checkPlanVillages(input.sources, input.targetCode, new Map(rows.map((r) => [r.code, r])), config);
  const riskLevel = overallRiskLevel(input.risks.map((r) => r.level as RiskLevelName));
  if (createsTarget) {
    const name = input.newOrganizationName?.trim();
    const credit = input.newOrganizationCreditCode ?? '';
    if (!name) throw badInput('新村须有集体经济组织名称：input.newOrganizationName', 'A new village needs its collective’s name: input.newOrganizationName', { field: 'input.newOrganizationName', rule: 'NEW_ORGANIZATION_REQUIRED', value: '' });
    const problem = creditCodeProblem(credit);
    if (problem) {
      throw badInput(`统一社会信用代码无效：input.newOrganizationCreditCode = ${credit}`, `Invalid unified social credit code: input.newOrganizationCreditCode = ${credit}`, {
        field: 'input.newOrganizationCreditCode',
        rule: problem.rule,
        value: credit,
      });
    }
  }
  return mutateOnce(
    ctx,
    { operation: 'createMergerPlan', key: input.idempotencyKey, input, idOf: (p) => p.id, replay: (id) => reload(ctx.dataSource, id) },
    { action: 'createMergerPlan', targetType: 'MergerPlan', regionCode: countyCode, targetId: (p) => p.id, payload: { targetCode: input.targetCode, sources: input.sources.map((s) => s.villageCode) } },
    async (manager) => {
      const [{ id }] = (await manager.query(
        `INSERT INTO lsm_plan (county_code, target_code, target_name, creates_target, effective_date, risk_level, new_organization_name, new_organization_credit_code, created_by)
         VALUES ($1, $2, $3, $4, $5::date, $6, $7, $8, $9) RETURNING id`,
        [countyCode, input.targetCode, input.targetName.trim(), createsTarget, input.effectiveDate, riskLevel, createsTarget ? input.newOrganizationName?.trim() : null, createsTarget ? input.newOrganizationCreditCode : null, ctx.actor.id],
      )) as { id: string }[];
      await manager.query(
        `INSERT INTO lsm_plan_source (plan_id, village_code, registered_population, area_hectares) SELECT $1, v.code, v.pop, v.area FROM unnest($2::text[], $3::int[], $4::int[]) AS v(code, pop, area)`,
        [id, input.sources.map((s) => s.villageCode), input.sources.map((s) => s.registeredPopulation), input.sources.map((s) => s.areaHectares)],
      );
      await manager.query(
        `INSERT INTO lsm_risk (plan_id, seq, description, level, mitigation) SELECT $1, r.seq, r.description, r.level, r.mitigation FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS r(description, level, mitigation, seq)`,
        [id, input.risks.map((r) => r.description.trim()), input.risks.map((r) => r.level), input.risks.map((r) => r.mitigation.trim())],
      );
      return reload(manager, id);
    },
  );
}

/** 新班子候选人 adds a candidate for a post of the merged village's team. */
export async function addCandidate(ctx: RequestContext, input: AddMergerCandidateInput): Promise<MergerPlan> {
  const row = await visiblePlan(ctx, input.planId);
  requireCountyAdmin(ctx, row.county_code);
  requireEditable(row);
  // a plan has many candidates: without a key a retry would add the same person twice
  return mutateOnce(ctx, onceById('addMergerCandidate', input, (id) => reload(ctx.dataSource, id)), { action: 'addMergerCandidate', targetType: 'MergerPlan', regionCode: row.county_code, targetId: () => row.id, payload: { name: input.name, postCode: input.postCode } }, async (manager) => {
    await manager.query(`INSERT INTO lsm_candidate (plan_id, name, post_code) VALUES ($1, $2, $3)`, [row.id, input.name.trim(), input.postCode]);
    return reload(manager, row.id);
  });
}

/**
 * 四级审核 records one review of a candidate: the levels in order (村初审 → 镇街复审 → 部门联审 →
 * 领导小组终审), a rejected candidate stops, the date is real and not in the future.
 */
export async function reviewCandidate(ctx: RequestContext, input: ReviewMergerCandidateInput): Promise<MergerPlan> {
  const [candidate] = (await ctx.dataSource.query(`SELECT plan_id FROM lsm_candidate WHERE id = $1`, [input.candidateId])) as { plan_id: string }[];
  if (!candidate) throw notFound('新班子候选人', 'Merger candidate', input.candidateId);
  const row = await visiblePlan(ctx, candidate.plan_id);
  requireRole(ctx.actor, Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICER);
  requireInScope(ctx.actor, row.target_code);
  requireEditable(row);
  requireNotFuture(input.reviewedOn, 'input.reviewedOn', { zh: '审核日期', en: 'review date' });
  return mutate(
    ctx,
    { action: 'reviewMergerCandidate', targetType: 'MergerPlan', regionCode: row.county_code, targetId: () => row.id, payload: { candidateId: input.candidateId, level: input.level, passed: input.passed } },
    async (manager) => {
      const done = (await manager.query(`SELECT level, passed FROM lsm_candidate_review WHERE candidate_id = $1 ORDER BY seq FOR UPDATE`, [input.candidateId])) as { level: ReviewLevelName; passed: boolean }[];
      const seq = checkReviewOrder(done, input.level as ReviewLevelName);
      await manager.query(`INSERT INTO lsm_candidate_review (candidate_id, level, seq, passed, reviewer, reviewed_on, note) VALUES ($1, $2, $3, $4, $5, $6::date, $7)`, [
        input.candidateId,
        input.level,
        seq,
        input.passed,
        input.reviewer.trim(),
        input.reviewedOn,
        input.note ?? null,
      ]);
      return reload(manager, row.id);
    },
  );
}

/**
 * 清产核资 confirms a source village's inventory: its collective's assets, liabilities and resource
 * assets from every posting of its ledger, frozen from now on (a second confirmation is a CONFLICT;
 * the economy step refuses the merger if the ledger no longer gives the same figures).
 */
export async function confirmInventory(ctx: RequestContext, planId: string, villageCode: string): Promise<MergerPlan> {
  const row = await visiblePlan(ctx, planId);
  requireCountyAdmin(ctx, row.county_code);
  requireEditable(row);
  return mutate(ctx, { action: 'confirmMergerInventory', targetType: 'MergerPlan', regionCode: villageCode, targetId: () => row.id, payload: { villageCode } }, async (manager) => {
    const [source] = (await manager.query(`SELECT confirmed_at FROM lsm_plan_source WHERE plan_id = $1 AND village_code = $2 FOR UPDATE`, [row.id, villageCode])) as { confirmed_at: Date | null }[];
    if (!source) throw badInput(`不是本方案的被合并村：villageCode = ${villageCode}`, `Not a source village of the plan: villageCode = ${villageCode}`, { field: 'villageCode', rule: 'NOT_A_SOURCE', value: villageCode });
    if (source.confirmed_at) throw conflict(`清产核资已确认并冻结：villageCode = ${villageCode}`, `The inventory is already confirmed and frozen: villageCode = ${villageCode}`, { field: 'villageCode', rule: 'INVENTORY_CONFIRMED', value: villageCode });
    const orgs = await villageOrganizations(manager, [villageCode]);
    if (orgs.length !== 1) {
      throw badInput(`该村须有且只有一个集体经济组织（现有${orgs.length}个）：villageCode = ${villageCode}`, `The village must have exactly one collective organisation (it has ${orgs.length}): villageCode = ${villageCode}`, {
        field: 'villageCode',
        rule: 'ONE_COLLECTIVE_ORGANIZATION',
        value: villageCode,
      });
    }
    const [figures] = await collectiveInventory(manager, [orgs[0].id]);
    await manager.query(
      `UPDATE lsm_plan_source SET organization_id = $3, assets_fen = $4::bigint, liabilities_fen = $5::bigint, resources_fen = $6::bigint, confirmed_by = $7, confirmed_at = now() WHERE plan_id = $1 AND village_code = $2`,
      [row.id, villageCode, figures.organizationId, figures.assetsFen, figures.liabilitiesFen, figures.resourcesFen, ctx.actor.id],
    );
    return reload(manager, row.id);
  });
}

/**
 * 一人一策 records a serving cadre's diversion with the one-on-one talk (again: replaces it): the cadre
 * serves in a source village (personnel events), KEPT names a post, LEAVING a subsidy within the
 * county's ceiling, MOVED neither; the talk's date is real and not in the future.
 */
export async function decideDiversion(ctx: RequestContext, input: DecideCadreDiversionInput): Promise<MergerPlan> {
  const row = await visiblePlan(ctx, input.planId);
  const config = configFor(ctx, row.county_code);
  requireCountyAdmin(ctx, row.county_code);
  requireEditable(row);
  requireNotFuture(input.talkedOn, 'input.talkedOn', { zh: '谈话日期', en: 'date of the talk' });
  const [cadre] = (await ctx.dataSource.query(
    `SELECT c.village_code FROM lsm_cadre c JOIN lsm_plan_source s ON s.village_code = c.village_code AND s.plan_id = $2 WHERE c.cadre_id = $1 AND c.serving`,
    [input.cadreId, row.id],
  )) as { village_code: string }[];
  if (!cadre) throw badInput(`不是被合并村的在任干部：input.cadreId = ${input.cadreId}`, `Not a serving cadre of a source village: input.cadreId = ${input.cadreId}`, { field: 'input.cadreId', rule: 'CADRE_NOT_IN_SOURCES', value: input.cadreId });
  const postCode = input.postCode?.trim() || null;
  const subsidy = input.subsidyFen ?? null;
  if ((input.decision === 'KEPT') !== (postCode !== null)) {
    throw badInput(`留任须且只能填写岗位：input.postCode = ${postCode ?? ''}`, `A post is given for KEPT and only for KEPT: input.postCode = ${postCode ?? ''}`, { field: 'input.postCode', rule: 'POST_FOR_KEPT', value: postCode ?? '' });
  }
  if ((input.decision === 'LEAVING') !== (subsidy !== null)) {
    throw badInput(`离任须且只能填写离任补助：input.subsidyFen = ${subsidy ?? ''}`, `A subsidy is given for LEAVING and only for LEAVING: input.subsidyFen = ${subsidy ?? ''}`, { field: 'input.subsidyFen', rule: 'SUBSIDY_FOR_LEAVING', value: subsidy ?? '' });
  }
  if (subsidy !== null && BigInt(subsidy) > BigInt(config.maxDepartureSubsidyYuan) * 100n) {
    throw badInput(`离任补助超过上限${config.maxDepartureSubsidyYuan}元：input.subsidyFen = ${subsidy}`, `The subsidy exceeds the ceiling of ${config.maxDepartureSubsidyYuan} yuan: input.subsidyFen = ${subsidy}`, {
      field: 'input.subsidyFen',
      rule: 'SUBSIDY_CEILING',
      value: subsidy,
    });
  }
  return mutate(ctx, { action: 'decideCadreDiversion', targetType: 'MergerPlan', regionCode: cadre.village_code, targetId: () => row.id, payload: { cadreId: input.cadreId, decision: input.decision } }, async (manager) => {
    await manager.query(
      `INSERT INTO lsm_diversion (plan_id, cadre_id, village_code, decision, post_code, subsidy_fen, talked_on, talked_by, talk_summary, decided_by)
       VALUES ($1, $2, $3, $4, $5, $6::bigint, $7::date, $8, $9, $10)
       ON CONFLICT (plan_id, cadre_id) DO UPDATE SET decision = EXCLUDED.decision, post_code = EXCLUDED.post_code, subsidy_fen = EXCLUDED.subsidy_fen,
         talked_on = EXCLUDED.talked_on, talked_by = EXCLUDED.talked_by, talk_summary = EXCLUDED.talk_summary, decided_by = EXCLUDED.decided_by`,
      [row.id, input.cadreId, cadre.village_code, input.decision, postCode, subsidy, input.talkedOn, input.talkedBy.trim(), input.talkSummary.trim(), ctx.actor.id],
    );
    return reload(manager, row.id);
  });
}

/** 批准 a draft plan becomes APPROVED (county administrators), sending the version read. */
export async function approvePlan(ctx: RequestContext, planId: string, expectedVersion: number): Promise<MergerPlan> {
  const row = await visiblePlan(ctx, planId);
  requireCountyAdmin(ctx, row.county_code);
  if (row.status !== 'DRAFT') throw conflict(`只能批准草案：status = ${row.status}`, `Only a draft can be approved: status = ${row.status}`, { field: 'planId', rule: 'PLAN_NOT_DRAFT', value: row.status });
  return mutate(ctx, { action: 'approveMergerPlan', targetType: 'MergerPlan', regionCode: row.county_code, targetId: () => row.id, payload: {} }, async (manager) => {
    const done = (await manager.query(`WITH u AS (UPDATE lsm_plan SET status = 'APPROVED', approved_by = $3, approved_at = now(), version = version + 1 WHERE id = $1 AND version = $2 AND status = 'DRAFT' RETURNING id) SELECT id FROM u`, [
      row.id,
      expectedVersion,
      ctx.actor.id,
    ])) as unknown[];
    if (done.length === 0) throw conflict(`方案已被修改（版本${row.version}）：expectedVersion = ${expectedVersion}`, `The plan has changed (version ${row.version}): expectedVersion = ${expectedVersion}`, { field: 'expectedVersion', rule: 'STALE_VERSION', value: expectedVersion });
    return reload(manager, row.id);
  });
}

/**
 * 执行 starts the saga of an approved, complete plan whose effective date has come: every inventory
 * confirmed, every serving cadre of the sources decided and talked to, every candidate through the
 * four reviews, the kept cadres within the county's numbers. Then grids, economy and personnel apply
 * their steps one after another through the events; the plan shows each step's state.
 */
export async function executePlan(ctx: RequestContext, planId: string): Promise<MergerPlan> {
  const row = await visiblePlan(ctx, planId);
  const config = configFor(ctx, row.county_code);
  requireCountyAdmin(ctx, row.county_code);
  return mutate(ctx, { action: 'executeMerger', targetType: 'MergerPlan', regionCode: row.county_code, targetId: () => row.id, payload: {} }, async (manager) => {
    const locked = (await planRow(manager, row.id, true)) as PlanRow;
    const unconfirmed = (await manager.query(`SELECT village_code FROM lsm_plan_source WHERE plan_id = $1 AND confirmed_at IS NULL ORDER BY village_code`, [row.id])) as { village_code: string }[];
    const undecided = (await manager.query(
      `SELECT c.cadre_id FROM lsm_plan_source s JOIN lsm_cadre c ON c.village_code = s.village_code AND c.serving
        WHERE s.plan_id = $1 AND NOT EXISTS (SELECT 1 FROM lsm_diversion d WHERE d.plan_id = $1 AND d.cadre_id = c.cadre_id) ORDER BY c.cadre_id`,
      [row.id],
    )) as { cadre_id: string }[];
    const candidates = (await manager.query(
      `SELECT c.name, count(r.level) FILTER (WHERE r.passed)::int AS passed, bool_or(NOT r.passed) AS rejected
         FROM lsm_candidate c LEFT JOIN lsm_candidate_review r ON r.candidate_id = c.id WHERE c.plan_id = $1 GROUP BY c.id, c.name ORDER BY c.name`,
      [row.id],
    )) as { name: string; passed: number; rejected: boolean | null }[];
    const [{ kept }] = (await manager.query(`SELECT count(*)::int AS kept FROM lsm_diversion WHERE plan_id = $1 AND decision = 'KEPT'`, [row.id])) as { kept: number }[];
    checkExecutable(
      {
        status: locked.status,
        effectiveDate: locked.effective_date,
        today: todayInChina(),
        unconfirmedInventories: unconfirmed.map((u) => u.village_code),
        undecidedCadres: undecided.map((u) => u.cadre_id),
        candidates: candidates.map((c) => ({ name: c.name, passedLevels: Number(c.passed), rejected: Boolean(c.rejected) })),
        keptCadres: Number(kept),
      },
      config,
    );
    await startSaga(manager, row.id, randomUUID(), ctx.actor.id);
    return reload(manager, row.id);
  });
}

/** 方案 a plan the caller may see (null when none). */
export async function findPlan(ctx: RequestContext, id: string): Promise<MergerPlan | null> {
  const row = await planRow(ctx.dataSource, id);
  if (!row) return null;
  return loadPlan(ctx.dataSource, id, requireVisible(ctx, row));
}
