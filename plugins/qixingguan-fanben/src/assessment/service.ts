import { badInput, conflict, countyOf, isUniqueViolation, levelOf, mutate, mutateOnce, notFound, onceById, recordOutboxEvents, RegionLevel, requireInScope, requireRole, Role, todayInChina, type RequestContext } from '@xiangzhi/kernel';
import { formatFen, tryParseYuan } from '@xiangzhi/economy-api';
import { checkRegions } from '@xiangzhi/grids-api';
import { PERSONNEL_TABLES } from '@xiangzhi/personnel-api';
import type { EntityManager } from 'typeorm';
import { MONEY_INDICATORS, PLUGIN_NAME, type IndicatorName, type QixingguanConfig, type TierName } from '../config';
import type { QixingguanEvents } from '../projections/consumers';
import { assessShortBoardFirst, type AssessedStandard, type VillageFigures } from './short-board';
import {
  QixingguanApplication,
  QixingguanApplicationStatus,
  QixingguanAssessment,
  QixingguanComparison,
  QixingguanGoal,
  QixingguanIndicator,
  QixingguanReward,
  QixingguanStandardResult,
  QixingguanTier,
  QixingguanVillageIndicator,
  type ApplyForExemplarTierInput,
  type AssessExemplarVillageInput,
  type RecordVillageIndicatorInput,
  type ScreenExemplarApplicationInput,
} from './types';

/** The plugin's outbox in the personnel database. */
export const OUTBOX = 'qxg_event';

const TIER_ZH: Record<TierName, string> = { STANDARD: '规范村', MODEL: '示范村', EXEMPLARY: '典范村' };
const TIER_EN: Record<TierName, string> = { STANDARD: 'standard', MODEL: 'model', EXEMPLARY: 'exemplary' };

/** The county's parameters; PLUGIN_NOT_ENABLED where the county has not enabled the plugin. */
export function configFor(ctx: RequestContext, regionCode: string): QixingguanConfig {
  return ctx.policies.configOf<QixingguanConfig>(PLUGIN_NAME, regionCode);
}

function requireVillage(code: string, field = 'villageCode'): void {
  if (!/^\d{12}$/.test(code) || levelOf(code) !== RegionLevel.VILLAGE) {
    throw badInput(`须为村（社区）区划代码：${field} = ${code}`, `A village division code is required: ${field} = ${code}`, { field, rule: 'VILLAGE_CODE', value: code });
  }
}

function requireYearNotFuture(year: number): void {
  const now = Number(todayInChina().slice(0, 4));
  if (year > now) throw badInput(`年度尚未到来：year = ${year}`, `The year has not come yet: year = ${year}`, { field: 'year', rule: 'YEAR_NOT_FUTURE', value: year });
}

interface ApplicationRow {
  id: string;
  village_code: string;
  year: number;
  tier: TierName;
  status: QixingguanApplicationStatus;
  applied_by: string;
  applied_at: Date | string;
  screened_by: string | null;
  screening_note: string | null;
  version: number;
}

function toApplication(r: ApplicationRow): QixingguanApplication {
  return Object.assign(new QixingguanApplication(), {
    id: r.id,
    villageCode: r.village_code,
    year: Number(r.year),
    tier: r.tier as QixingguanTier,
    status: r.status,
    appliedBy: r.applied_by,
    appliedAt: new Date(r.applied_at),
    screenedBy: r.screened_by,
    screeningNote: r.screening_note,
    version: Number(r.version),
  });
}

async function loadApplication(db: Pick<EntityManager, 'query'>, id: string, lock = false): Promise<ApplicationRow | null> {
  const rows: ApplicationRow[] = await db.query(`SELECT * FROM qxg_application WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ?? null;
}

/** NOT_FOUND for an application that does not exist, lies outside the caller's scope or in a county without the plugin. */
async function visibleApplication(ctx: RequestContext, id: string): Promise<ApplicationRow> {
  const row = await loadApplication(ctx.dataSource, id);
  if (!row) throw notFound('范本村申报', 'Exemplar application', id);
  configFor(ctx, row.village_code);
  try {
    requireInScope(ctx.actor, row.village_code);
  } catch {
    throw notFound('范本村申报', 'Exemplar application', id);
  }
  return row;
}

/**
 * 村级申报 a village applies for a tier of a year (village cadres of the village, township officers,
 * county administrators). One tier per village and year: a second application is a CONFLICT.
 */
export async function applyForTier(ctx: RequestContext, input: ApplyForExemplarTierInput): Promise<QixingguanApplication> {
  requireVillage(input.villageCode);
  configFor(ctx, input.villageCode);
  requireRole(ctx.actor, Role.VILLAGE_CADRE, Role.TOWNSHIP_OFFICER, Role.COUNTY_ADMIN);
  requireInScope(ctx.actor, input.villageCode);
  requireYearNotFuture(input.year);
  await checkRegions(ctx.dataSource, [{ field: 'villageCode', code: input.villageCode, on: todayInChina(), level: RegionLevel.VILLAGE }]);
  const taken = () =>
    conflict(`${input.villageCode}已申报${input.year}年度范本村，每村每年只能申报一个级别`, `${input.villageCode} has already applied for ${input.year}: one tier per village and year`, {
      field: 'villageCode',
      rule: 'ONE_TIER_PER_YEAR',
      value: input.villageCode,
    });
  try {
    return await mutateOnce(
      ctx,
      {
        operation: 'applyForExemplarTier',
        key: input.idempotencyKey,
        input,
        idOf: (a) => a.id,
        replay: async (id) => toApplication((await loadApplication(ctx.dataSource, id)) as ApplicationRow),
      },
      { action: 'applyForExemplarTier', targetType: 'QixingguanApplication', regionCode: input.villageCode, targetId: (a) => a.id, payload: { year: input.year, tier: input.tier } },
      async (manager) => {
        const existing: { id: string }[] = await manager.query(`SELECT id FROM qxg_application WHERE village_code = $1 AND year = $2`, [input.villageCode, input.year]);
        if (existing.length > 0) throw taken();
        const rows: ApplicationRow[] = await manager.query(
          `INSERT INTO qxg_application (county_code, village_code, year, tier, status, applied_by) VALUES ($1, $2, $3, $4, 'APPLIED', $5) RETURNING *`,
          [countyOf(input.villageCode), input.villageCode, input.year, input.tier, ctx.actor.id],
        );
        return toApplication(rows[0]);
      },
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}

function stale(id: string, expected: number, actual: number) {
  return conflict(`申报已被他人修改（版本${actual}，提交的是${expected}）：${id}`, `The application was changed meanwhile (version ${actual}, you sent ${expected}): ${id}`, {
    field: 'expectedVersion',
    rule: 'STALE_VERSION',
    value: expected,
  });
}

/** 乡级把关 the township screens an application (township officers, county administrators): forwarded to the district or declined. */
export async function screenApplication(ctx: RequestContext, input: ScreenExemplarApplicationInput): Promise<QixingguanApplication> {
  const found = await visibleApplication(ctx, input.applicationId);
  requireRole(ctx.actor, Role.TOWNSHIP_OFFICER, Role.COUNTY_ADMIN);
  if (found.status !== QixingguanApplicationStatus.APPLIED) {
    throw badInput(`申报已${found.status === 'DECLINED' ? '被乡镇退回' : '把关'}，不能再次把关：${found.id}`, `The application is ${found.status}, not awaiting screening: ${found.id}`, {
      field: 'applicationId',
      rule: 'NOT_AWAITING_SCREENING',
      value: found.status,
    });
  }
  const note = input.note?.trim() || null;
  return mutate(
    ctx,
    { action: 'screenExemplarApplication', targetType: 'QixingguanApplication', regionCode: found.village_code, targetId: (a) => a.id, payload: { approve: input.approve } },
    async (manager) => {
      const row = (await loadApplication(manager, found.id, true)) as ApplicationRow;
      if (Number(row.version) !== input.expectedVersion || row.status !== QixingguanApplicationStatus.APPLIED) throw stale(row.id, input.expectedVersion, Number(row.version));
      await manager.query(`UPDATE qxg_application SET status = $2, screened_by = $3, screened_at = now(), screening_note = $4, version = version + 1 WHERE id = $1`, [
        row.id,
        input.approve ? 'SCREENED' : 'DECLINED',
        ctx.actor.id,
        note,
      ]);
      return toApplication((await loadApplication(manager, row.id)) as ApplicationRow);
    },
  );
}

/**
 * A village's figures of a year, in one statement: the projections fed by the economy, civility and
 * legal events, personnel's own posts and annual ratings, and what the township recorded.
 */
export async function villageFigures(db: Pick<EntityManager, 'query'>, villageCode: string, year: number, starLevel: number): Promise<VillageFigures> {
  const yearEnd = `${year}-12-31`;
  const [r]: Record<string, string | null>[] = await db.query(
    `SELECT
       (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE (100 * count(holder_id) / count(*)) END FROM ${PERSONNEL_TABLES.post.table} WHERE village_code = $1 AND active) AS team,
       (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE (100 * count(*) FILTER (WHERE final_rating IN ('EXCELLENT', 'COMPETENT')) / count(*)) END
          FROM ${PERSONNEL_TABLES.appraisal.table} WHERE village_code = $1 AND period_type = 'YEAR' AND period = $2::text AND final_rating IS NOT NULL) AS competent,
       (SELECT value FROM qxg_recorded_indicator WHERE village_code = $1 AND year = $3 AND indicator = 'ENVIRONMENT_SCORE') AS environment,
       (SELECT value FROM qxg_recorded_indicator WHERE village_code = $1 AND year = $3 AND indicator = 'SELF_GOVERNANCE_SCORE') AS self_governance,
       (SELECT value FROM qxg_recorded_indicator WHERE village_code = $1 AND year = $3 AND indicator = 'PER_CAPITA_INCOME') AS per_capita,
       (SELECT count(*) FROM qxg_dispute WHERE village_code = $1 AND opened_on <= $4::date AND (closed_on IS NULL OR closed_on > $4::date)) AS open_disputes,
       (SELECT count(*) FROM qxg_designation WHERE village_code = $1 AND year = $3 AND designated) AS designations,
       (SELECT CASE WHEN coalesce(sum(households), 0) = 0 THEN NULL ELSE (100 * coalesce(sum(households) FILTER (WHERE stars >= $5), 0) / sum(households)) END
          FROM qxg_star_count WHERE village_code = $1 AND year = $3) AS star_percent,
       (SELECT count(*) FROM qxg_black_list WHERE village_code = $1 AND month LIKE $2::text || '-%' AND black_rows > 0) AS black_months,
       (SELECT coalesce(sum(operating_income_fen), 0) FROM qxg_village_income WHERE village_code = $1 AND year = $3) AS income`,
    [villageCode, String(year), year, yearEnd, starLevel],
  );
  const big = (v: string | number | null | undefined): bigint | null => (v === null || v === undefined ? null : BigInt(String(v).split('.')[0]));
  return {
    TEAM_COMPLETE_PERCENT: big(r.team),
    CADRES_COMPETENT_PERCENT: big(r.competent),
    ENVIRONMENT_SCORE: big(r.environment),
    SELF_GOVERNANCE_SCORE: big(r.self_governance),
    OPEN_DISPUTES: big(r.open_disputes),
    SAFE_VILLAGE_DESIGNATIONS: big(r.designations),
    STAR_HOUSEHOLD_PERCENT: big(r.star_percent),
    BLACK_LIST_MONTHS: big(r.black_months),
    OPERATING_INCOME: big(r.income),
    PER_CAPITA_INCOME: big(r.per_capita),
  };
}

function show(indicator: IndicatorName, v: bigint): string {
  return MONEY_INDICATORS.includes(indicator) ? formatFen(v) : v.toString();
}

const CMP_ZH = { MIN: '不低于', ABOVE: '高于', MAX: '不高于' } as const;
const CMP_EN = { MIN: 'at least', ABOVE: 'above', MAX: 'at most' } as const;

/** The stored form of an assessed standard (figures as strings). */
interface StoredStandard {
  order: number | null;
  code: string;
  goal: string;
  zh: string;
  en: string;
  indicator: IndicatorName;
  comparison: 'MIN' | 'ABOVE' | 'MAX';
  threshold: string;
  value: string | null;
  passed: boolean | null;
}

function stored(s: AssessedStandard): StoredStandard {
  return {
    order: s.order,
    code: s.code,
    goal: s.goal,
    zh: s.zh,
    en: s.en,
    indicator: s.indicator,
    comparison: s.comparison,
    threshold: show(s.indicator, s.threshold),
    value: s.value === null ? null : show(s.indicator, s.value),
    passed: s.passed,
  };
}

function toResult(s: StoredStandard): QixingguanStandardResult {
  const need = `${CMP_ZH[s.comparison]}${s.threshold}`;
  const needEn = `${CMP_EN[s.comparison]} ${s.threshold}`;
  const [explanationZh, explanationEn] =
    s.passed === null
      ? ['最短板未达标，本项不再考核', 'not assessed: a shorter board failed first']
      : s.value === null
        ? [`无数据，要求${need}：未达标`, `no figure, ${needEn} required: failed`]
        : s.passed
          ? [`${s.value}，要求${need}：达标`, `${s.value}, ${needEn} required: passed`]
          : [`${s.value}，要求${need}：未达标`, `${s.value}, ${needEn} required: failed`];
  return Object.assign(new QixingguanStandardResult(), {
    ...s,
    goal: s.goal as QixingguanGoal,
    indicator: s.indicator as QixingguanIndicator,
    comparison: s.comparison as QixingguanComparison,
    explanationZh,
    explanationEn,
  });
}

interface AssessmentRow {
  id: string;
  application_id: string;
  village_code: string;
  year: number;
  tier: TierName;
  rated: boolean;
  stopped_by: string | null;
  standards: StoredStandard[] | string;
  assessed_by: string;
  assessed_at: Date | string;
  reward_tier: TierName | null;
  per_cadre_fen: string | null;
  activity_funds_fen: string | null;
  pay_month: string | null;
}

function toAssessment(r: AssessmentRow): QixingguanAssessment {
  const standards: StoredStandard[] = typeof r.standards === 'string' ? (JSON.parse(r.standards) as StoredStandard[]) : r.standards;
  const stop = standards.find((s) => s.code === r.stopped_by) ?? null;
  const tier = r.tier;
  const assessedCount = standards.filter((s) => s.passed !== null).length;
  return Object.assign(new QixingguanAssessment(), {
    id: r.id,
    applicationId: r.application_id,
    villageCode: r.village_code,
    year: Number(r.year),
    tier: tier as QixingguanTier,
    rated: r.rated,
    ratedTier: r.rated ? (tier as QixingguanTier) : null,
    stoppedBy: r.stopped_by,
    stoppedByIndicator: stop ? (stop.indicator as QixingguanIndicator) : null,
    conclusionZh: r.rated
      ? `${standards.length}条标准全部达标，命名为${r.year}年度${TIER_ZH[tier]}`
      : `最短板“${stop?.zh ?? r.stopped_by}”未达标（${stop?.value ?? '无数据'}，要求${stop ? CMP_ZH[stop.comparison] + stop.threshold : ''}），其他标准不再考核，未命名${TIER_ZH[tier]}`,
    conclusionEn: r.rated
      ? `all ${standards.length} standards met: rated a ${TIER_EN[tier]} village for ${r.year}`
      : `the short board “${stop?.en ?? r.stopped_by}” failed (${stop?.value ?? 'no figure'}, ${stop ? CMP_EN[stop.comparison] + ' ' + stop.threshold : ''} required) after ${assessedCount} assessed; the rest were not assessed; not rated ${TIER_EN[tier]}`,
    standards: standards.map(toResult),
    reward:
      r.reward_tier && r.per_cadre_fen !== null && r.activity_funds_fen !== null && r.pay_month
        ? Object.assign(new QixingguanReward(), { tier: r.reward_tier as QixingguanTier, perCadre: formatFen(r.per_cadre_fen), activityFunds: formatFen(r.activity_funds_fen), payMonth: r.pay_month })
        : null,
    assessedBy: r.assessed_by,
    assessedAt: new Date(r.assessed_at),
  });
}

const ASSESSMENT_SELECT = `SELECT a.*, r.tier AS reward_tier, r.per_cadre_fen::text AS per_cadre_fen, r.activity_funds_fen::text AS activity_funds_fen, r.pay_month
  FROM qxg_assessment a LEFT JOIN qxg_reward r ON r.assessment_id = a.id`;

/**
 * 区级审核 the district panel assesses a screened application (county administrators), short board
 * first: rated, the village's tier for the year is stored, its cadres' per-cadre reward is paid with
 * the payroll of `payMonth` and `qixingguan.rating.decided` carries the activity funds to the economy side.
 */
export async function assessVillage(ctx: RequestContext, input: AssessExemplarVillageInput): Promise<QixingguanAssessment> {
  const found = await visibleApplication(ctx, input.applicationId);
  const config = configFor(ctx, found.village_code);
  requireRole(ctx.actor, Role.COUNTY_ADMIN);
  if (found.status !== QixingguanApplicationStatus.SCREENED) {
    throw badInput(`申报须经乡镇把关通过后才能考评（当前${found.status}）：${found.id}`, `Only an application the township forwarded can be assessed (it is ${found.status}): ${found.id}`, {
      field: 'applicationId',
      rule: 'NOT_SCREENED',
      value: found.status,
    });
  }
  const today = todayInChina();
  const payMonth = input.payMonth ?? today.slice(0, 7);
  if (Number(payMonth.slice(0, 4)) < Number(found.year)) {
    throw badInput(`奖励发放月份不能早于创建年度：payMonth = ${payMonth}`, `The reward cannot be paid before the year assessed: payMonth = ${payMonth}`, { field: 'payMonth', rule: 'PAY_MONTH_BEFORE_YEAR', value: payMonth });
  }
  const tier = found.tier;
  try {
    return await mutateOnce(
      ctx,
      onceById('assessExemplarVillage', input, async (id) => toAssessment(((await ctx.dataSource.query(`${ASSESSMENT_SELECT} WHERE a.id = $1`, [id])) as AssessmentRow[])[0])),
      { action: 'assessExemplarVillage', targetType: 'QixingguanAssessment', regionCode: found.village_code, targetId: (a) => a.id, payload: { applicationId: found.id, tier } },
      async (manager) => {
        const row = (await loadApplication(manager, found.id, true)) as ApplicationRow;
        if (row.status !== QixingguanApplicationStatus.SCREENED) {
          throw conflict(`申报已在此期间被考评（${row.status}）：${row.id}`, `The application was assessed meanwhile (${row.status}): ${row.id}`, { field: 'applicationId', rule: 'ALREADY_ASSESSED', value: row.id });
        }
        const figures = await villageFigures(manager, row.village_code, Number(row.year), config.starLevel);
        const result = assessShortBoardFirst(config, tier, figures);
        const standards = result.standards.map(stored);
        const [assessment]: { id: string }[] = await manager.query(
          `INSERT INTO qxg_assessment (application_id, county_code, village_code, year, tier, rated, stopped_by, standards, assessed_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9) RETURNING id`,
          [row.id, countyOf(row.village_code), row.village_code, row.year, tier, result.rated, result.stoppedBy, JSON.stringify(standards), ctx.actor.id],
        );
        await manager.query(`UPDATE qxg_application SET status = $2, version = version + 1 WHERE id = $1`, [row.id, result.rated ? 'RATED' : 'NOT_RATED']);
        if (result.rated) {
          const reward = config.rewards[tier];
          const perCadreFen = BigInt(reward.perCadre) * 100n;
          const activityFen = BigInt(reward.activityFunds) * 100n;
          await manager.query(
            `INSERT INTO qxg_reward (county_code, village_code, year, tier, per_cadre_fen, activity_funds_fen, pay_month, assessment_id) VALUES ($1, $2, $3, $4, $5::bigint, $6::bigint, $7, $8)`,
            [countyOf(row.village_code), row.village_code, row.year, tier, perCadreFen.toString(), activityFen.toString(), payMonth, assessment.id],
          );
          const event: QixingguanEvents['qixingguan.rating.decided'] = {
            villageCode: row.village_code,
            year: Number(row.year),
            tier,
            perCadreFen: perCadreFen.toString(),
            activityFundsFen: activityFen.toString(),
            decidedOn: today,
          };
          await recordOutboxEvents(manager, OUTBOX, 'qixingguan.rating.decided', [event]);
        }
        const rows: AssessmentRow[] = await manager.query(`${ASSESSMENT_SELECT} WHERE a.id = $1`, [assessment.id]);
        return toAssessment(rows[0]);
      },
    );
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(`${found.village_code}的${found.year}年度已考评`, `${found.village_code} has already been assessed for ${found.year}`, { field: 'applicationId', rule: 'ALREADY_ASSESSED', value: found.id });
    }
    throw error;
  }
}

/** 考评结果 a village's assessment of a year (null until assessed); anyone whose scope covers the village. */
export async function findAssessment(ctx: RequestContext, villageCode: string, year: number): Promise<QixingguanAssessment | null> {
  requireVillage(villageCode);
  configFor(ctx, villageCode);
  requireInScope(ctx.actor, villageCode);
  const rows: AssessmentRow[] = await ctx.dataSource.query(`${ASSESSMENT_SELECT} WHERE a.village_code = $1 AND a.year = $2`, [villageCode, year]);
  return rows[0] ? toAssessment(rows[0]) : null;
}

/** The tiers villages were rated at in a year, for a batch of village codes (one statement). */
export async function tiersOf(db: Pick<EntityManager, 'query'>, codes: readonly string[], year: number): Promise<(QixingguanTier | null)[]> {
  const rows: { village_code: string; tier: QixingguanTier }[] = await db.query(`SELECT village_code, tier FROM qxg_assessment WHERE village_code = ANY($1::text[]) AND year = $2 AND rated`, [[...codes], year]);
  const byCode = new Map(rows.map((r) => [r.village_code, r.tier]));
  return codes.map((c) => byCode.get(c) ?? null);
}

const SCORE_MAX = 100n;

/**
 * 乡镇录入 the township records a figure no subgraph holds (township officers, county administrators):
 * an inspection score 0–100, or the per-capita disposable income in yuan. Recording again replaces it.
 */
export async function recordIndicator(ctx: RequestContext, input: RecordVillageIndicatorInput): Promise<QixingguanVillageIndicator> {
  requireVillage(input.villageCode);
  configFor(ctx, input.villageCode);
  requireRole(ctx.actor, Role.TOWNSHIP_OFFICER, Role.COUNTY_ADMIN);
  requireInScope(ctx.actor, input.villageCode);
  requireYearNotFuture(input.year);
  const money = MONEY_INDICATORS.includes(input.indicator as IndicatorName);
  let value: bigint | null;
  if (money) value = tryParseYuan(input.value);
  else value = /^\d{1,3}$/.test(input.value) ? BigInt(input.value) : null;
  if (value === null || value < 0n || (!money && value > SCORE_MAX)) {
    throw badInput(
      money ? `收入须为不带符号的元金额（至多两位小数）：value = ${input.value}` : `得分须为0–100的整数：value = ${input.value}`,
      money ? `Income must be an unsigned amount of yuan (at most two decimals): value = ${input.value}` : `A score must be an integer 0–100: value = ${input.value}`,
      { field: 'value', rule: money ? 'YUAN_AMOUNT' : 'SCORE_RANGE', value: input.value },
    );
  }
  await checkRegions(ctx.dataSource, [{ field: 'villageCode', code: input.villageCode, on: todayInChina(), level: RegionLevel.VILLAGE }]);
  const v = value;
  return mutate(
    ctx,
    { action: 'recordVillageIndicator', targetType: 'QixingguanVillageIndicator', regionCode: input.villageCode, targetId: () => `${input.villageCode}:${input.year}:${input.indicator}`, payload: { value: input.value } },
    async (manager) => {
      await manager.query(
        `INSERT INTO qxg_recorded_indicator (county_code, village_code, year, indicator, value, recorded_by) VALUES ($1, $2, $3, $4, $5::bigint, $6)
         ON CONFLICT (village_code, year, indicator) DO UPDATE SET value = EXCLUDED.value, recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
        [countyOf(input.villageCode), input.villageCode, input.year, input.indicator, v.toString(), ctx.actor.id],
      );
      return Object.assign(new QixingguanVillageIndicator(), {
        villageCode: input.villageCode,
        year: input.year,
        indicator: input.indicator,
        value: money ? formatFen(v) : v.toString(),
        recordedBy: ctx.actor.id,
      });
    },
  );
}
