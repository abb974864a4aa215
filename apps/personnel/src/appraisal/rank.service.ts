import { assertRegionCode, badInput, conflict, groupByKey, levelOf, mutate, RegionLevel, Role, type RequestContext } from '@xiangzhi/kernel';
import { rankPolicyPoint, type Rating, type RankLevelDefinition } from '@xiangzhi/personnel-api';
import type DataLoader from 'dataloader';
import { PersonnelAccess } from '../shared/access';
import { stamp } from '../shared/decision';
import { RankChange } from './appraisal.entity';
import { assertYear } from './appraisal.service';
import { RankReviewResult } from './appraisal.types';
import { checkRegions } from '@xiangzhi/grids-api';
import { yearPeriod } from '../shared/periods';

/** Who runs the yearly rank review: the county (县委组织部). */
export const RANK_REVIEW_ROLES: readonly Role[] = [Role.COUNTY_ADMIN];

interface ReviewRow {
  id: string;
  village_code: string;
  rank_level: number | null;
  final_rating: Rating | null;
}

/**
 * 职级评定 the yearly review (一年一评定、一年一升降) of every serving cadre of a county: the year's
 * final annual rating (none when not rated) and the current level (the policy's initial level when
 * unranked) go to the county's rank policy; its decision is stored as the cadre's rank history and
 * becomes the cadre's level. A county is reviewed once per year (a second run is a CONFLICT).
 * The statements do not grow with the number of cadres: one read, one check, one bulk insert and
 * one bulk update.
 */
export async function runRankReview(ctx: RequestContext, countyCode: string, year: number): Promise<RankReviewResult> {
  assertRegionCode(countyCode, 'countyCode');
  if (levelOf(countyCode) !== RegionLevel.COUNTY) {
    throw badInput(`须为区县区划代码（6位+000000）：${countyCode}`, `A county code (6 digits + 000000) is required: ${countyCode}`, { field: 'countyCode' });
  }
  assertYear(year);
  PersonnelAccess.of(ctx).requireWrite(countyCode, RANK_REVIEW_ROLES);
  await checkRegions(ctx.dataSource, [{ field: 'countyCode', code: countyCode, on: yearPeriod(year) }]);
  const { policy, source } = ctx.policies.resolve(rankPolicyPoint, countyCode);
  return mutate(
    ctx,
    { action: 'runRankReview', targetType: 'County', regionCode: countyCode, targetId: () => countyCode, payload: { year, policy: source } },
    async (manager) => {
      const rows: ReviewRow[] = await manager.query(
        `SELECT c.id, c.village_code, c.rank_level, a.final_rating
           FROM cadre c
           LEFT JOIN appraisal a ON a.cadre_id = c.id AND a.period_type = 'YEAR' AND a.period = $2
          WHERE c.county_code = $1 AND c.status = 'ACTIVE'
          ORDER BY c.village_code, c.id
          FOR UPDATE OF c`,
        [countyCode, String(year)],
      );
      const changes: RankChange[] = [];
      if (rows.length > 0) {
        const reviewed: { n: number }[] = await manager.query(`SELECT count(*)::int AS n FROM rank_change WHERE cadre_id = ANY($1::uuid[]) AND year = $2`, [rows.map((r) => r.id), year]);
        if (Number(reviewed[0]?.n ?? 0) > 0) {
          throw conflict(`${countyCode} ${year}年度职级已评定，不能重复评定`, `The ${year} rank review of ${countyCode} has already been run (already reviewed)`, { countyCode, year });
        }
        for (const row of rows) {
          const fromLevel = row.rank_level === null ? null : Number(row.rank_level);
          const decided = policy.review({ currentLevel: fromLevel ?? policy.initialLevel(), rating: row.final_rating ?? null });
          const { rule, zh, en } = decided;
          changes.push(
            manager.create(RankChange, { countyCode, villageCode: row.village_code, cadreId: row.id, year, fromLevel, toLevel: decided.level, decision: stamp(source, { rule, zh, en }) }),
          );
        }
        const inserted: { id: string; cadre_id: string; created_at: Date }[] = await manager.query(
          `INSERT INTO rank_change (county_code, village_code, cadre_id, year, from_level, to_level, decision)
           SELECT $1, v.village_code, v.cadre_id, $2, v.from_level, v.to_level, v.decision::jsonb
             FROM unnest($3::text[], $4::uuid[], $5::int[], $6::int[], $7::text[]) AS v(village_code, cadre_id, from_level, to_level, decision)
           RETURNING id, cadre_id, created_at`,
          [
            countyCode,
            year,
            changes.map((c) => c.villageCode),
            changes.map((c) => c.cadreId),
            changes.map((c) => c.fromLevel),
            changes.map((c) => c.toLevel),
            changes.map((c) => JSON.stringify(c.decision)),
          ],
        );
        const stored = new Map(inserted.map((r) => [r.cadre_id, r]));
        for (const change of changes) {
          const r = stored.get(change.cadreId);
          if (r) Object.assign(change, { id: r.id, createdAt: new Date(r.created_at) });
        }
        await manager.query(
          `UPDATE cadre AS c SET rank_level = v.level, version = c.version + 1
             FROM unnest($1::uuid[], $2::int[]) AS v(id, level)
            WHERE c.id = v.id`,
          [changes.map((c) => c.cadreId), changes.map((c) => c.toLevel)],
        );
      }
      return Object.assign(new RankReviewResult(), { countyCode, year, policy: source, changes });
    },
  );
}

/** The rank level definition of `level` under the county's rank policy, or null (unranked or unknown level). */
export function rankLevelOf(ctx: RequestContext, regionCode: string, level: number | null): RankLevelDefinition | null {
  if (level === null) return null;
  const { policy } = ctx.policies.resolve(rankPolicyPoint, regionCode);
  return policy.levels().find((l) => l.level === level) ?? null;
}

/** Per-request loader of cadres' rank history, oldest year first. */
export function rankHistoryLoader(ctx: RequestContext): DataLoader<string, RankChange[]> {
  return ctx.loaders.get<string, RankChange[]>('rank:historyByCadre', async (ids) => {
    const rows = await ctx.dataSource
      .getRepository(RankChange)
      .createQueryBuilder('r')
      .where('r.cadre_id = ANY(:ids)', { ids: [...ids] })
      .orderBy('r.year', 'ASC')
      .getMany();
    return groupByKey(ids, rows, (r) => r.cadreId);
  });
}
