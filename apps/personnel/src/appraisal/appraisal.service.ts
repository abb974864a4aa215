import { assertRegionCode, badInput, byKey, conflict, countyOf, forbidden, groupByKey, levelOf, mutate, mutateOnce, notFound, onceById, RegionLevel, type RequestContext } from '@xiangzhi/kernel';
import { appraisalPolicyPoint, PostCategory, Rating, type AppraisalDimension, type QuotaCandidate, type RatingDecision } from '@xiangzhi/personnel-api';
import type DataLoader from 'dataloader';
import { Cadre, CadreStatus } from '../cadre/cadre.entity';
import { Post } from '../post/post.entity';
import { MANAGER_ROLES, PersonnelAccess } from '../shared/access';
import { requirePeriodEnded } from '../shared/checks';
import { PolicyDecision, stamp, type StoredDecision } from '../shared/decision';
import { highestCategory } from '../shared/post-seniority';
import { staleVersion } from '../shared/stale';
import { cadreLoader } from '../shared/loaders';
import { recordEvent } from '../shared/outbox';
import { Appraisal, AppraisalPeriodType, type AppraisalScore } from './appraisal.entity';
import type { RecordAppraisalInput } from './appraisal.inputs';
import { AnnualRatingsResult, AppraisalDimensionView, QuotaTieView } from './appraisal.types';
import { checkRegions } from '@xiangzhi/grids-api';
import { periodDays, yearPeriod } from '../shared/periods';

/** The period formats of each period type: 月度 `YYYY-MM`, 季度 `YYYY-Qn`, 年度 `YYYY`. */
export const PERIOD_FORMATS: Readonly<Record<AppraisalPeriodType, { pattern: RegExp; example: string }>> = {
  [AppraisalPeriodType.MONTH]: { pattern: /^\d{4}-(0[1-9]|1[0-2])$/, example: '2024-03' },
  [AppraisalPeriodType.QUARTER]: { pattern: /^\d{4}-Q[1-4]$/, example: '2024-Q1' },
  [AppraisalPeriodType.YEAR]: { pattern: /^\d{4}$/, example: '2024' },
};

/** Drops the extra fields of a policy's rating decision, keeping what is stored. */
function storedDecision(source: string, d: RatingDecision): StoredDecision {
  const { rule, zh, en } = d;
  return stamp(source, { rule, zh, en });
}

/** Throws BAD_USER_INPUT unless `year` is a plausible calendar year. */
export function assertYear(year: number, field = 'year'): void {
  if (!Number.isInteger(year) || year < 1949 || year > 2200) {
    throw badInput(`年度无效：${year}`, `Invalid year: ${year}`, { field });
  }
}

/**
 * 考核维度 the dimensions the county's appraisal policy sets for a post category, with the policy
 * source. The rules are public (公开考核办法): anyone whose scope meets the region may read them.
 */
export function appraisalDimensions(ctx: RequestContext, regionCode: string, category: PostCategory, period?: AppraisalPeriodType | null): AppraisalDimensionView[] {
  assertRegionCode(regionCode, 'regionCode');
  if (!countyOf(regionCode)) {
    throw badInput(`须为区县或以下的区划代码：${regionCode}`, `A county, township or village code is required: ${regionCode}`, { field: 'regionCode' });
  }
  if (PersonnelAccess.of(ctx).listPrefix(regionCode) === null) {
    throw forbidden(`无权访问辖区（${ctx.actor.scope}）以外的区域`, `You may only access regions inside your scope ${ctx.actor.scope}`, { scope: ctx.actor.scope });
  }
  const { policy, source } = ctx.policies.resolve(appraisalPolicyPoint, regionCode);
  return policy.dimensions(category, period ?? undefined).map((d) => Object.assign(new AppraisalDimensionView(), { code: d.code, title: d.title, weight: d.weight, policy: source }));
}

/** Missing, unknown and repeated dimension codes of `given` against the policy's `dimensions`. */
function checkDimensions(dimensions: AppraisalDimension[], given: string[]): void {
  const expected = new Set(dimensions.map((d) => d.code));
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const code of given) {
    if (seen.has(code)) repeated.add(code);
    seen.add(code);
  }
  const missing = [...expected].filter((c) => !seen.has(c));
  const unknown = [...seen].filter((c) => !expected.has(c));
  if (missing.length === 0 && unknown.length === 0 && repeated.size === 0) return;
  const zh: string[] = [];
  const en: string[] = [];
  if (missing.length) {
    zh.push(`缺少维度：${missing.join('、')}`);
    en.push(`missing: ${missing.join(', ')}`);
  }
  if (unknown.length) {
    zh.push(`未知维度：${unknown.join('、')}`);
    en.push(`unknown: ${unknown.join(', ')}`);
  }
  if (repeated.size) {
    zh.push(`重复维度：${[...repeated].join('、')}`);
    en.push(`repeated: ${[...repeated].join(', ')}`);
  }
  throw badInput(
    `考核维度与政策规定不一致（应为 ${[...expected].join('、')}）：${zh.join('；')}`,
    `The scores must cover exactly the policy's dimensions (${[...expected].join(', ')}): ${en.join('; ')}`,
    { field: 'scores', missing, unknown, repeated: [...repeated], expected: [...expected] },
  );
}

/**
 * 登记考核 records (or, with `expectedVersion`, revises) a cadre's appraisal for a period. The scores
 * must cover exactly the dimensions the county's appraisal policy sets for the cadre's highest post;
 * the total is the policy's; an annual appraisal gets its provisional rating from the thresholds.
 * A second appraisal of the same period without `expectedVersion`, or with a stale one, is a
 * CONFLICT; an annual appraisal whose rating was finalized cannot be revised (BAD_USER_INPUT).
 */
export async function recordAppraisal(ctx: RequestContext, input: RecordAppraisalInput): Promise<Appraisal> {
  const format = PERIOD_FORMATS[input.periodType];
  if (!format.pattern.test(input.period)) {
    throw badInput(
      `${input.periodType === AppraisalPeriodType.MONTH ? '月度' : input.periodType === AppraisalPeriodType.QUARTER ? '季度' : '年度'}考核的期间格式应如 ${format.example}：${input.period}`,
      `A ${input.periodType.toLowerCase()} appraisal's period looks like ${format.example}: ${input.period}`,
      { field: 'period' },
    );
  }
  requirePeriodEnded(input.period);
  for (const s of input.scores) {
    if (!(s.score >= 0 && s.score <= 100)) throw badInput(`得分须在0–100之间：${s.dimension}`, `Scores are 0–100: ${s.dimension}`, { field: 'scores' });
  }
  const cadre = await cadreLoader(ctx).load(input.cadreId);
  if (!cadre) throw notFound('干部', 'Cadre', input.cadreId);
  const access = PersonnelAccess.of(ctx);
  access.requireWrite(cadre.villageCode, MANAGER_ROLES);
  if (cadre.status === CadreStatus.LEFT) {
    throw badInput(`干部已离任，不再考核：${cadre.name}`, `${cadre.name} has left office and is no longer appraised`, { field: 'cadreId' });
  }
  await checkRegions(ctx.dataSource, [{ field: 'cadre.villageCode', code: cadre.villageCode, on: periodDays(input.period) }]);
  const posts = await ctx.dataSource.getRepository(Post).findBy({ holderId: cadre.id, active: true });
  const category = highestCategory(posts.map((p) => p.category));
  if (!category) throw badInput(`干部未担任任何岗位，无法考核：${cadre.name}`, `${cadre.name} holds no post and cannot be appraised`, { field: 'cadreId' });

  const { policy, source } = ctx.policies.resolve(appraisalPolicyPoint, cadre.villageCode);
  const dimensions = policy.dimensions(category, input.periodType);
  checkDimensions(dimensions, input.scores.map((s) => s.dimension));
  const byCode = new Map(input.scores.map((s) => [s.dimension, s.score]));
  const scores: AppraisalScore[] = dimensions.map((d) => ({ dimension: d.code, title: d.title, weight: d.weight, score: byCode.get(d.code) as number }));
  const total = policy.total(category, Object.fromEntries(byCode), input.periodType);
  let provisionalRating: Rating | null = null;
  let ratingDecision: StoredDecision | null = null;
  if (input.periodType === AppraisalPeriodType.YEAR) {
    const rated = policy.ratingFor(total);
    provisionalRating = rated.rating;
    ratingDecision = storedDecision(source, rated);
  }
  const expectedVersion = input.expectedVersion ?? null;
  return mutateOnce(
    ctx,
    onceById('recordAppraisal', input, (id) => ctx.dataSource.manager.findOneByOrFail(Appraisal, { id })),
    {
      action: expectedVersion === null ? 'recordAppraisal' : 'reviseAppraisal',
      targetType: 'Appraisal',
      regionCode: cadre.villageCode,
      targetId: (a) => a.id,
      payload: { cadreId: cadre.id, periodType: input.periodType, period: input.period, category, total, provisionalRating, policy: source },
    },
    async (manager) => {
      const existing = await manager.findOneBy(Appraisal, { cadreId: cadre.id, periodType: input.periodType, period: input.period });
      const fields = { scores, total, provisionalRating, ratingDecision, policy: source, appraiser: access.actorId };
      if (!existing) {
        if (expectedVersion !== null) {
          throw conflict(
            `该期间尚无考核记录，无法按版本${expectedVersion}修改（登记新考核请不要提交版本号）`,
            `No appraisal is recorded for this period to revise at version ${expectedVersion} (omit expectedVersion to record one)`,
          );
        }
        const appraisal = manager.create(Appraisal, {
          countyCode: cadre.countyCode,
          townshipCode: `${cadre.villageCode.slice(0, 9)}000`,
          villageCode: cadre.villageCode,
          cadreId: cadre.id,
          periodType: input.periodType,
          period: input.period,
          finalRating: null,
          finalDecision: null,
          version: 1,
          ...fields,
        });
        await manager.insert(Appraisal, appraisal);
        return appraisal;
      }
      if (expectedVersion === null) {
        throw conflict(
          `该干部${input.period}的考核已登记（版本${existing.version}），修改请提交版本号`,
          `An appraisal for ${input.period} is already recorded (version ${existing.version}); send expectedVersion to revise it`,
          { currentVersion: existing.version, appraisalId: existing.id },
        );
      }
      if (existing.finalRating !== null) {
        throw badInput(
          `${input.period}年度等次已评定（${existing.finalRating}），年度考核不能再修改`,
          `The ${input.period} rating is final (${existing.finalRating}); the annual appraisal can no longer be revised`,
          { field: 'period', appraisalId: existing.id },
        );
      }
      const stale = () => staleVersion({ zh: '考核', en: 'appraisal' }, expectedVersion, existing.version, { appraisalId: existing.id });
      if (existing.version !== expectedVersion) throw stale();
      const result = await manager
        .createQueryBuilder()
        .update(Appraisal)
        .set({ ...fields, version: expectedVersion + 1 })
        .where('id = :id AND version = :version AND final_rating IS NULL', { id: existing.id, version: expectedVersion })
        .execute();
      if (!result.affected) throw stale();
      return manager.create(Appraisal, { ...existing, ...fields, version: expectedVersion + 1 });
    },
  );
}

/**
 * 年度等次评定 applies the county's quotas to a township's annual appraisals of a year (cadres who
 * have not left), best total first, and stores every final rating with its decision. Running it
 * again recomputes from the current totals. The result states the policy's tie-break rule at the
 * quotas' cut-offs and names the candidates tied there (who was admitted, who was not).
 */
export async function finalizeAnnualRatings(ctx: RequestContext, townshipCode: string, year: number): Promise<AnnualRatingsResult> {
  assertRegionCode(townshipCode, 'townshipCode');
  if (levelOf(townshipCode) !== RegionLevel.TOWNSHIP) {
    throw badInput(`须为乡镇（街道）区划代码（9位+000）：${townshipCode}`, `A township code (9 digits + 000) is required: ${townshipCode}`, { field: 'townshipCode' });
  }
  assertYear(year);
  PersonnelAccess.of(ctx).requireWrite(townshipCode, MANAGER_ROLES);
  await checkRegions(ctx.dataSource, [{ field: 'townshipCode', code: townshipCode, on: yearPeriod(year) }]);
  const { policy, source } = ctx.policies.resolve(appraisalPolicyPoint, townshipCode);
  return mutate(
    ctx,
    { action: 'finalizeAnnualRatings', targetType: 'Township', regionCode: townshipCode, targetId: () => townshipCode, payload: { year, policy: source } },
    async (manager) => {
      const appraisals = await manager
        .getRepository(Appraisal)
        .createQueryBuilder('a')
        .innerJoin(Cadre, 'c', 'c.id = a.cadre_id')
        .where('a.township_code = :townshipCode AND a.period_type = :type AND a.period = :period', { townshipCode, type: AppraisalPeriodType.YEAR, period: String(year) })
        .andWhere('c.status <> :left', { left: CadreStatus.LEFT })
        .orderBy('a.total', 'DESC')
        .addOrderBy('a.cadre_id', 'ASC')
        .setLock('pessimistic_write', undefined, ['a'])
        .getMany();
      const cadres = appraisals.length > 0 ? await manager.getRepository(Cadre).createQueryBuilder('c').where('c.id = ANY(:ids)', { ids: appraisals.map((a) => a.cadreId) }).getMany() : [];
      const cadreById = new Map(cadres.map((c) => [c.id, c]));
      const candidates: QuotaCandidate[] = appraisals.map((a) => ({
        cadreId: a.cadreId,
        total: a.total,
        provisional: a.provisionalRating ?? policy.ratingFor(a.total).rating,
        serviceStart: cadreById.get(a.cadreId)?.serviceStart,
      }));
      const decisions = policy.applyQuotas(candidates);
      // the tie-break rule at the quotas' cut-offs and who was tied there (policies without it: none stated)
      const tieReport = policy.quotaTies?.(candidates) ?? null;
      const ties = (tieReport?.ties ?? []).map((t) => QuotaTieView.of(t, (id) => cadreById.get(id)?.name ?? id));
      if (decisions.length !== candidates.length) throw new Error(`appraisal policy ${source} returned ${decisions.length} ratings for ${candidates.length} candidates`);
      const ratings = appraisals.map((a, i) =>
        manager.create(Appraisal, { ...a, finalRating: decisions[i].rating, finalDecision: storedDecision(source, decisions[i]), version: a.version + 1 }),
      );
      if (ratings.length > 0) {
        await manager.query(
          `UPDATE appraisal AS a SET final_rating = v.rating, final_decision = v.decision::jsonb, version = a.version + 1
             FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, rating, decision)
            WHERE a.id = v.id`,
          [ratings.map((r) => r.id), ratings.map((r) => r.finalRating as string), ratings.map((r) => JSON.stringify(r.finalDecision))],
        );
      }
      await recordEvent(manager, 'personnel.rating.finalized', { townshipCode, year, ratings: ratings.map((r) => ({ cadreId: r.cadreId, rating: r.finalRating as Rating })) });
      return Object.assign(new AnnualRatingsResult(), {
        townshipCode,
        year,
        policy: source,
        ratings,
        tieBreak: tieReport ? PolicyDecision.of(stamp(source, tieReport.tieBreak)) : null,
        ties,
      });
    },
  );
}

/** Per-request loader of a cadre's appraisals (optionally of one period type), oldest period first. */
export function appraisalsByCadreLoader(ctx: RequestContext, periodType: AppraisalPeriodType | null): DataLoader<string, Appraisal[]> {
  return ctx.loaders.get<string, Appraisal[]>(`appraisal:byCadre:${periodType ?? '*'}`, async (ids) => {
    const qb = ctx.dataSource.getRepository(Appraisal).createQueryBuilder('a').where('a.cadre_id = ANY(:ids)', { ids: [...ids] });
    if (periodType) qb.andWhere('a.period_type = :periodType', { periodType });
    const rows = await qb.orderBy('a.period', 'ASC').addOrderBy('a.period_type', 'ASC').getMany();
    return groupByKey(ids, rows, (a) => a.cadreId);
  });
}

/** Per-request loader of cadres' final annual rating for one year (null when not finalized). */
export function annualRatingLoader(ctx: RequestContext, year: number): DataLoader<string, Rating | null> {
  return ctx.loaders.get<string, Rating | null>(`appraisal:annualRating:${year}`, async (ids) => {
    const rows = await ctx.dataSource
      .getRepository(Appraisal)
      .createQueryBuilder('a')
      .where('a.cadre_id = ANY(:ids) AND a.period_type = :type AND a.period = :period', { ids: [...ids], type: AppraisalPeriodType.YEAR, period: String(year) })
      .getMany();
    return byKey(ids, rows, (a) => a.cadreId).map((a) => a?.finalRating ?? null);
  });
}
