import { assertRegionCode, badInput, conflict, countyOf, isUniqueViolation, mutate, mutateOnce, onceById, policyViolation, RegionLevel, todayInChina, type RequestContext } from '@xiangzhi/kernel';
import { PERSONNEL_TABLES } from '@xiangzhi/personnel-api';
import type { EntityManager } from 'typeorm';
import { PLUGIN_NAME } from '../config';
import { AWARD_WRITERS, configFor, currentMonth, listPrefix, requireLevel, requireMonth, requireWriter, requireYear } from '../shared/access';
import { LongshanAward, LongshanAwardKind, LongshanTeamRating } from './award.entity';
import type { GrantLongshanHonourInput, GrantLongshanTenNoAwardInput, RateLongshanTeamsInput } from './award.inputs';
import { honourAmountViolations, paidBeforeYear } from './award-rules';
import { LongshanTeamRatingResult, LongshanTeamTie, LongshanTieBreakRule, LongshanTiedTeam } from './award.types';
import { rankTeams, TEAM_TIE_BREAK, type VillageAverage } from './team-rating';

const APPRAISAL = PERSONNEL_TABLES.appraisal.table;

/** The payment month of a yearly award: the one given, else this month; never before the award's year, never in a later year than now. */
function paymentMonth(month: string | null | undefined, year: number): string {
  const paid = month ?? currentMonth();
  requireMonth(paid);
  const early = paidBeforeYear(paid, year);
  if (early) throw badInput(early.zh, early.en, { field: 'month' });
  if (year > Number(todayInChina().slice(0, 4))) throw badInput(`年度${year}尚未到来`, `The year ${year} has not come yet`, { field: 'year' });
  return paid;
}

async function insertAward(manager: EntityManager, fields: Omit<LongshanAward, 'id' | 'createdAt'>): Promise<LongshanAward> {
  return manager.save(manager.create(LongshanAward, fields));
}

/**
 * 有荣誉 grants a village team an award for an honour (county administrators). An amount outside the
 * county's range (3,000–50,000 by default) is refused with POLICY_VIOLATION, a month whose year (the
 * award's year) lies outside 2000–2100 with BAD_USER_INPUT, both before anything is written.
 */
export async function grantHonour(ctx: RequestContext, input: GrantLongshanHonourInput): Promise<LongshanAward> {
  requireLevel(input.villageCode, RegionLevel.VILLAGE, 'villageCode');
  requireMonth(input.month);
  const year = Number(input.month.slice(0, 4));
  requireYear(year, 'month');
  const config = configFor(ctx, input.villageCode);
  requireWriter(ctx, input.villageCode, AWARD_WRITERS);
  const title = input.title.trim();
  if (!title) throw badInput('荣誉名称不能为空', 'The honour cannot be blank', { field: 'title' });
  const violations = honourAmountViolations(input.amount, config.awards);
  if (violations.length > 0) throw policyViolation(violations.map((v) => ({ ...v, source: PLUGIN_NAME })));
  return mutateOnce(
    ctx,
    onceById('grantLongshanHonour', input, (id) => ctx.dataSource.manager.findOneByOrFail(LongshanAward, { id })),
    { action: 'grantLongshanHonour', targetType: 'LongshanAward', regionCode: input.villageCode, targetId: (a) => a.id, payload: { month: input.month, amount: input.amount } },
    (manager) =>
      insertAward(manager, {
        countyCode: countyOf(input.villageCode) as string,
        villageCode: input.villageCode,
        kind: LongshanAwardKind.HONOUR,
        year,
        month: input.month,
        title,
        amount: input.amount,
        grantedBy: ctx.actor.id,
      }),
  );
}

function alreadyAwarded(villageCode: string, year: number) {
  return conflict(`${villageCode}的${year}年度十无目标奖励已发放`, `The ${year} 十无 award of ${villageCode} was already granted`, { villageCode, year });
}

/**
 * 有业绩 grants a village the yearly award for reaching the 十无 goals (10,000 by default; county
 * administrators), paid in `month` (default this month). Once per village and year: again is a CONFLICT.
 */
export async function grantTenNoAward(ctx: RequestContext, input: GrantLongshanTenNoAwardInput): Promise<LongshanAward> {
  requireLevel(input.villageCode, RegionLevel.VILLAGE, 'villageCode');
  requireYear(input.year);
  const config = configFor(ctx, input.villageCode);
  requireWriter(ctx, input.villageCode, AWARD_WRITERS);
  const month = paymentMonth(input.month, input.year);
  try {
    return await mutateOnce(
      ctx,
      onceById('grantLongshanTenNoAward', input, (id) => ctx.dataSource.manager.findOneByOrFail(LongshanAward, { id })),
      { action: 'grantLongshanTenNoAward', targetType: 'LongshanAward', regionCode: input.villageCode, targetId: (a) => a.id, payload: { year: input.year, month } },
      async (manager) => {
        const existing = await manager.findOneBy(LongshanAward, { villageCode: input.villageCode, kind: LongshanAwardKind.TEN_NO, year: input.year });
        if (existing) throw alreadyAwarded(input.villageCode, input.year);
        return insertAward(manager, {
          countyCode: countyOf(input.villageCode) as string,
          villageCode: input.villageCode,
          kind: LongshanAwardKind.TEN_NO,
          year: input.year,
          month,
          title: `${input.year}年度实现"十无"目标`,
          amount: config.awards.tenNoAward,
          grantedBy: ctx.actor.id,
        });
      },
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyAwarded(input.villageCode, input.year);
    throw error;
  }
}

function alreadyRated(countyCode: string, year: number) {
  return conflict(`${countyCode}的${year}年度一类班子已评选，不能重复评选`, `The ${year} team rating of ${countyCode} has already been run`, { countyCode, year });
}

/**
 * 评选一类班子 rates a county's village teams for a year (county administrators): every village with
 * final annual ratings that year (read from the personnel appraisals, read-only) is ranked by the
 * average of its cadres' final annual appraisal totals; the top share (10%, rounded down, at least
 * one) are named 一类班子 and each granted the award (10,000), paid in `month`. Once per county and
 * year: a second run is a CONFLICT. A year without final ratings is refused (nothing to rate).
 * Statements do not grow with the number of villages: a check, one read, one insert of the awards,
 * one of the ratings, and the audit record.
 */
export async function rateTeams(ctx: RequestContext, input: RateLongshanTeamsInput): Promise<LongshanTeamRatingResult> {
  requireLevel(input.countyCode, RegionLevel.COUNTY, 'countyCode');
  requireYear(input.year);
  const config = configFor(ctx, input.countyCode);
  requireWriter(ctx, input.countyCode, AWARD_WRITERS);
  const month = paymentMonth(input.month, input.year);
  const { firstClassShare, firstClassMinimum, firstClassAward } = config.awards;
  try {
    return await mutate(
      ctx,
      { action: 'rateLongshanTeams', targetType: 'County', regionCode: input.countyCode, targetId: () => input.countyCode, payload: { year: input.year, month } },
      async (manager) => {
        const [{ n }] = (await manager.query(`SELECT count(*)::int AS n FROM longshan_team_rating WHERE county_code = $1 AND year = $2`, [input.countyCode, input.year])) as { n: number }[];
        if (Number(n) > 0) throw alreadyRated(input.countyCode, input.year);
        const rows: { village_code: string; average: number; cadres: number }[] = await manager.query(
          `SELECT village_code, round(avg(total), 2)::float8 AS average, count(*)::int AS cadres
             FROM ${APPRAISAL}
            WHERE county_code = $1 AND period_type = 'YEAR' AND period = $2 AND final_rating IS NOT NULL
            GROUP BY village_code`,
          [input.countyCode, String(input.year)],
        );
        if (rows.length === 0) {
          throw badInput(`${input.countyCode}没有${input.year}年度已评定的年度考核，无法评选`, `${input.countyCode} has no final annual ratings for ${input.year}: nothing to rate`, { field: 'year' });
        }
        const villages: VillageAverage[] = rows.map((r) => ({ villageCode: r.village_code, average: Number(r.average), cadres: Number(r.cadres) }));
        const { quota, ranked, tie } = rankTeams(villages, firstClassShare, firstClassMinimum);
        const winners = ranked.filter((v) => v.firstClass);
        const awardIds = new Map<string, string>();
        if (winners.length > 0) {
          const inserted: { id: string; village_code: string }[] = await manager.query(
            `INSERT INTO longshan_award (county_code, village_code, kind, year, month, title, amount, granted_by)
             SELECT $1, v.village_code, 'FIRST_CLASS_TEAM', $2, $3, $4, $5, $6
               FROM unnest($7::text[]) AS v(village_code)
             RETURNING id, village_code`,
            [input.countyCode, input.year, month, `${input.year}年度一类班子`, firstClassAward, ctx.actor.id, winners.map((w) => w.villageCode)],
          );
          for (const r of inserted) awardIds.set(r.village_code, r.id);
        }
        const stored: LongshanTeamRating[] = await manager.query(
          `INSERT INTO longshan_team_rating (county_code, village_code, year, average, rated_cadres, rank, first_class, award_id, award_amount, decided_by)
           SELECT $1, v.village_code, $2, v.average, v.cadres, v.rank, v.first_class, v.award_id, CASE WHEN v.first_class THEN $3::numeric END, $4
             FROM unnest($5::text[], $6::numeric[], $7::int[], $8::int[], $9::boolean[], $10::uuid[]) AS v(village_code, average, cadres, rank, first_class, award_id)
           RETURNING id, county_code AS "countyCode", village_code AS "villageCode", year, average::float8 AS average, rated_cadres AS "ratedCadres", rank,
                     first_class AS "firstClass", award_id AS "awardId", award_amount::float8 AS "awardAmount", decided_by AS "decidedBy", created_at AS "createdAt"`,
          [
            input.countyCode,
            input.year,
            firstClassAward,
            ctx.actor.id,
            ranked.map((v) => v.villageCode),
            ranked.map((v) => v.average),
            ranked.map((v) => v.cadres),
            ranked.map((v) => v.rank),
            ranked.map((v) => v.firstClass),
            ranked.map((v) => awardIds.get(v.villageCode) ?? null),
          ],
        );
        const ratings = stored.map((r) => Object.assign(new LongshanTeamRating(), r, { createdAt: new Date(r.createdAt) })).sort((a, b) => a.rank - b.rank);
        return Object.assign(new LongshanTeamRatingResult(), {
          countyCode: input.countyCode,
          year: input.year,
          month,
          ratedVillages: ranked.length,
          quota,
          firstClassShare,
          awardPerTeam: firstClassAward,
          ratings,
          tieBreak: Object.assign(new LongshanTieBreakRule(), TEAM_TIE_BREAK),
          tie: tie
            ? Object.assign(new LongshanTeamTie(), {
                average: tie.average,
                places: tie.places,
                tied: tie.tied.map((v) => Object.assign(new LongshanTiedTeam(), { villageCode: v.villageCode, ratedCadres: v.cadres, rank: v.rank, firstClass: v.firstClass })),
              })
            : null,
        });
      },
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyRated(input.countyCode, input.year);
    throw error;
  }
}

/** 一类班子评选结果 a county's team ratings of a year, best first (villages outside the caller's scope left out). */
export async function listRatings(ctx: RequestContext, countyCode: string, year: number): Promise<LongshanTeamRating[]> {
  requireLevel(countyCode, RegionLevel.COUNTY, 'countyCode');
  requireYear(year);
  configFor(ctx, countyCode);
  const prefix = listPrefix(ctx, countyCode);
  return ctx.dataSource
    .getRepository(LongshanTeamRating)
    .createQueryBuilder('r')
    .where('r.county_code = :countyCode AND r.year = :year AND r.village_code LIKE :prefix', { countyCode, year, prefix: `${prefix}%` })
    .orderBy('r.rank', 'ASC')
    .getMany();
}

/** 奖励台账 awards of a year under a region (county, township or village), by village and date granted. */
export async function listAwards(ctx: RequestContext, regionCode: string, year: number): Promise<LongshanAward[]> {
  assertRegionCode(regionCode, 'regionCode');
  requireYear(year);
  configFor(ctx, regionCode);
  const prefix = listPrefix(ctx, regionCode);
  return ctx.dataSource
    .getRepository(LongshanAward)
    .createQueryBuilder('a')
    .where('a.village_code LIKE :prefix AND a.year = :year', { prefix: `${prefix}%`, year })
    .orderBy('a.village_code', 'ASC')
    .addOrderBy('a.created_at', 'ASC')
    .addOrderBy('a.id', 'ASC')
    .getMany();
}
