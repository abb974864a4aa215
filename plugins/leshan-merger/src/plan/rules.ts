import { badInput, countyOf, isRegionCode, levelOf, RegionLevel, type XzError } from '@xiangzhi/kernel';
import { REVIEW_LEVELS, RISK_LEVELS, type LeshanMergerConfig, type ReviewLevelName, type RiskLevelName } from '../config';

/**
 * 方案规则 the checks of a merger plan that need no database: each throws BAD_USER_INPUT (or returns
 * the error) naming the field, the rule and the value, before anything is written.
 */

/** A region as the plan's subgraph knows it from grids events (`region_ref`). */
export interface KnownRegion {
  code: string;
  level: string;
  validTo: string | null;
}

export interface PlanSourceInput {
  villageCode: string;
  registeredPopulation: number;
  areaHectares: number;
}

function refuse(field: string, rule: string, value: string, zh: string, en: string): XzError {
  return badInput(`${zh}：${field} = ${value}`, `${en}: ${field} = ${value}`, { field, rule, value });
}

/**
 * 合并范围 the villages of a plan: 2 to `maxSourceVillages` distinct source villages, each a current
 * village of the target's county known to grids; the target either one of them or a new village code
 * (not in use) under a current township of the same county.
 */
export function checkPlanVillages(
  sources: readonly PlanSourceInput[],
  targetCode: string,
  known: ReadonlyMap<string, KnownRegion>,
  config: Pick<LeshanMergerConfig, 'maxSourceVillages'>,
): { countyCode: string; createsTarget: boolean } {
  if (!isRegionCode(targetCode) || levelOf(targetCode) !== RegionLevel.VILLAGE) {
    throw refuse('input.targetCode', 'VILLAGE_CODE', targetCode, '目标村须为村级区划代码', 'The target must be a village division code');
  }
  const countyCode = countyOf(targetCode) as string;
  const codes = sources.map((s) => s.villageCode);
  if (new Set(codes).size !== codes.length) {
    const dup = codes.find((c, i) => codes.indexOf(c) !== i) as string;
    throw refuse('input.sources', 'SOURCE_DUPLICATE', dup, '被合并村重复', 'A source village is listed twice');
  }
  if (codes.length < 2) throw refuse('input.sources', 'SOURCES_AT_LEAST_TWO', String(codes.length), '村建制调整须至少合并两个村', 'A merger joins at least two villages');
  if (codes.length > config.maxSourceVillages) {
    throw refuse('input.sources', 'SOURCES_AT_MOST', String(codes.length), `一次合并至多${config.maxSourceVillages}个村`, `A merger joins at most ${config.maxSourceVillages} villages`);
  }
  sources.forEach((s, i) => {
    const field = `input.sources[${i}].villageCode`;
    const region = known.get(s.villageCode);
    if (!isRegionCode(s.villageCode) || levelOf(s.villageCode) !== RegionLevel.VILLAGE) throw refuse(field, 'VILLAGE_CODE', s.villageCode, '须为村级区划代码', 'A village division code is required');
    if (countyOf(s.villageCode) !== countyCode) throw refuse(field, 'SOURCE_OTHER_COUNTY', s.villageCode, '被合并村须与目标村同属一个区县', 'Every source village must be in the target’s county');
    if (!region || region.level !== 'VILLAGE') throw refuse(field, 'SOURCE_UNKNOWN', s.villageCode, '被合并村不存在', 'Source village not found');
    if (region.validTo !== null) throw refuse(field, 'SOURCE_RETIRED', s.villageCode, '被合并村代码已停用', 'The source village code is retired');
  });
  const createsTarget = !codes.includes(targetCode);
  if (createsTarget) {
    if (known.has(targetCode)) throw refuse('input.targetCode', 'TARGET_CODE_TAKEN', targetCode, '新村代码已被使用', 'The new village code is already in use');
    const township = `${targetCode.slice(0, 9)}000`;
    const parent = known.get(township);
    if (!parent || parent.validTo !== null) throw refuse('input.targetCode', 'TARGET_TOWNSHIP_UNKNOWN', township, '新村所属乡镇不存在或已停用', 'The township of the new village is unknown or retired');
  }
  return { countyCode, createsTarget };
}

/** 总体风险等级 the highest level of the risk items (seed: 社会稳定风险评估). */
export function overallRiskLevel(levels: readonly RiskLevelName[]): RiskLevelName {
  if (levels.length === 0) throw refuse('input.risks', 'RISKS_REQUIRED', '0', '须进行社会稳定风险评估（至少一项）', 'A risk assessment with at least one item is required');
  return levels.reduce((a, b) => (RISK_LEVELS.indexOf(b) > RISK_LEVELS.indexOf(a) ? b : a));
}

export interface ReviewRecord {
  level: ReviewLevelName;
  passed: boolean;
}

/**
 * 四级审核 the next review a candidate may receive: the levels in order (村初审 → 镇街复审 → 部门联审 →
 * 领导小组终审); a rejection stops the candidate; after the fourth level nothing more.
 */
export function checkReviewOrder(done: readonly ReviewRecord[], level: ReviewLevelName): number {
  const rejected = done.find((r) => !r.passed);
  if (rejected) throw refuse('input.level', 'CANDIDATE_REJECTED', rejected.level, '候选人已在该级审核中被取消资格', 'The candidate was rejected at this level');
  const expected = REVIEW_LEVELS[done.length];
  if (!expected) throw refuse('input.level', 'REVIEWS_COMPLETE', level, '四级审核已全部完成', 'All four reviews are done');
  if (level !== expected) throw refuse('input.level', 'REVIEW_OUT_OF_ORDER', level, `审核须按顺序进行，下一级为 ${expected}`, `Reviews go in order; the next level is ${expected}`);
  return done.length + 1;
}

/** What an execution needs complete, as read from the plan's tables. */
export interface PlanCompleteness {
  status: string;
  effectiveDate: string;
  today: string;
  /** Source villages whose inventory is not confirmed. */
  unconfirmedInventories: string[];
  /** Serving cadres of the source villages without a diversion decision and talk. */
  undecidedCadres: string[];
  /** Candidates and the reviews they passed. */
  candidates: { name: string; passedLevels: number; rejected: boolean }[];
  keptCadres: number;
}

/** 执行条件 throws BAD_USER_INPUT (rule INCOMPLETE_PLAN…) naming what is missing; nothing is sent then. */
export function checkExecutable(p: PlanCompleteness, config: Pick<LeshanMergerConfig, 'keptCadres'>): void {
  if (p.status !== 'APPROVED') throw refuse('planId', 'PLAN_NOT_APPROVED', p.status, '方案须先批准才能执行', 'The plan must be approved before it is executed');
  if (p.effectiveDate > p.today) throw refuse('planId', 'EFFECTIVE_DATE_FUTURE', p.effectiveDate, '生效日期尚未到来', 'The effective date has not come yet');
  if (p.unconfirmedInventories.length > 0) throw refuse('planId', 'INVENTORY_NOT_CONFIRMED', p.unconfirmedInventories[0], '清产核资尚未确认', 'The inventory of a source village is not confirmed');
  if (p.undecidedCadres.length > 0) throw refuse('planId', 'CADRE_UNDECIDED', p.undecidedCadres[0], '干部尚无分流决定和谈话记录（一人一策）', 'A source cadre has no diversion decision and talk');
  if (p.candidates.length === 0) throw refuse('planId', 'NO_CANDIDATE', '0', '新班子没有候选人', 'The new team has no candidate');
  const pending = p.candidates.find((c) => c.rejected || c.passedLevels < REVIEW_LEVELS.length);
  if (pending) throw refuse('planId', 'CANDIDATE_NOT_PASSED', pending.name, '候选人未通过四级审核', 'A candidate has not passed all four reviews');
  if (p.keptCadres < config.keptCadres.min || p.keptCadres > config.keptCadres.max) {
    throw refuse('planId', 'KEPT_CADRES_OUT_OF_RANGE', String(p.keptCadres), `留任干部须为${config.keptCadres.min}—${config.keptCadres.max}名`, `The merged village keeps ${config.keptCadres.min}–${config.keptCadres.max} cadres`);
  }
}
