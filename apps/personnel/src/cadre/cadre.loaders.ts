import { boundedBatchLimit, boundedGroups, byKey, groupByKey, type ListBound, type RequestContext } from '@xiangzhi/kernel';
import { type EducationLevel, isCollegeOrHigher } from '@xiangzhi/personnel-api';
import type DataLoader from 'dataloader';
import { In } from 'typeorm';
import { groupByPrefix, isUuid, regionPatterns, visibleOnly } from '../shared/access';
import { PostAssignment } from '../post/post.entity';
import { Cadre, CadreStatus, Talent, TrainingRecord } from './cadre.entity';
import { CadreStats } from './cadre.types';
import { todayInChina } from './today';

/**
 * Cadres whose village lies under each region (and in the caller's scope), by village, name and
 * id: ONE statement for every region of a batch.
 */
/** `Region.cadres` is bounded (MAX_LIST_ITEMS); beyond it, the paginated `Query.cadres`. */
export const REGION_CADRES: ListBound = { field: 'Region.cadres', instead: 'cadres(regionCode, first, after)' };

export function cadresByRegionLoader(ctx: RequestContext, includeLeft: boolean): DataLoader<string, Cadre[]> {
  return ctx.loaders.get<string, Cadre[]>(`cadre:byRegion:${includeLeft ? 'all' : 'serving'}`, async (codes) => {
    const { prefixes, patterns } = regionPatterns(ctx, codes);
    if (patterns.length === 0) return codes.map(() => []);
    const qb = ctx.dataSource.getRepository(Cadre).createQueryBuilder('c').where('c.village_code LIKE ANY(CAST(:patterns AS text[]))', { patterns });
    if (!includeLeft) qb.andWhere('c.status <> :left', { left: CadreStatus.LEFT });
    const limit = boundedBatchLimit(codes.length, REGION_CADRES);
    const rows = await qb.orderBy('c.village_code', 'ASC').addOrderBy('c.name', 'ASC').addOrderBy('c.id', 'ASC').take(limit).getMany();
    return boundedGroups(groupByPrefix(prefixes, rows, (c) => c.villageCode), rows.length === limit, REGION_CADRES);
  });
}

const roundTo = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/**
 * 干部队伍统计 of each region: serving cadres grouped by village, education and full time with the
 * sum of their ages in ONE statement per batch, combined per region in memory.
 */
export function cadreStatsLoader(ctx: RequestContext): DataLoader<string, CadreStats> {
  return ctx.loaders.get<string, CadreStats>('cadre:stats', async (codes) => {
    const { prefixes, patterns } = regionPatterns(ctx, codes);
    const rows: { village_code: string; education_level: EducationLevel; full_time: boolean; n: number; age_sum: number }[] = patterns.length
      ? await ctx.dataSource.query(
          `SELECT village_code, education_level, full_time, count(*)::int AS n,
                  sum(date_part('year', age($2::date, birth_date)))::int AS age_sum
             FROM cadre
            WHERE village_code LIKE ANY($1::text[]) AND status <> 'LEFT'
            GROUP BY village_code, education_level, full_time`,
          [patterns, todayInChina()],
        )
      : [];
    return groupByPrefix(prefixes, rows, (r) => r.village_code).map((group) => {
      let count = 0;
      let ages = 0;
      let college = 0;
      let fullTime = 0;
      for (const r of group) {
        const n = Number(r.n);
        count += n;
        ages += Number(r.age_sum);
        if (isCollegeOrHigher(r.education_level)) college += n;
        if (r.full_time) fullTime += n;
      }
      return Object.assign(new CadreStats(), {
        count,
        averageAge: count ? roundTo(ages / count, 2) : null,
        collegeShare: count ? roundTo(college / count, 4) : 0,
        fullTimeCount: fullTime,
      });
    });
  });
}

/** The cadre record of each resident: the serving one, else the latest (by service start). */
export function cadreByResidentLoader(ctx: RequestContext): DataLoader<string, Cadre | null> {
  return ctx.loaders.get<string, Cadre | null>('cadre:byResident', async (ids) => {
    const valid = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
    if (valid.length === 0) return ids.map(() => null);
    const rows = await ctx.dataSource
      .getRepository(Cadre)
      .createQueryBuilder('c')
      .where('c.resident_id IN (:...ids)', { ids: valid })
      .orderBy(`CASE WHEN c.status = 'LEFT' THEN 1 ELSE 0 END`, 'ASC')
      .addOrderBy('c.service_start', 'DESC')
      .addOrderBy('c.created_at', 'DESC')
      .getMany();
    const first = new Map<string, Cadre>();
    for (const row of rows) if (row.residentId && !first.has(row.residentId)) first.set(row.residentId, row);
    return ids.map((id) => first.get(id.toLowerCase()) ?? null);
  });
}

/** Each cadre's assignments (history of posts held), oldest first. */
export function assignmentsByCadreLoader(ctx: RequestContext): DataLoader<string, PostAssignment[]> {
  return ctx.loaders.get<string, PostAssignment[]>('cadre:assignments', async (ids) => {
    const rows = await ctx.dataSource.getRepository(PostAssignment).find({ where: { cadreId: In([...ids]) }, order: { startDate: 'ASC', createdAt: 'ASC' } });
    return groupByKey(ids, rows, (a) => a.cadreId);
  });
}

/** Each cadre's training records (of one year, or all), by start date. */
export function trainingsLoader(ctx: RequestContext, year: number | null): DataLoader<string, TrainingRecord[]> {
  return ctx.loaders.get<string, TrainingRecord[]>(`cadre:trainings:${year ?? 'all'}`, async (ids) => {
    const qb = ctx.dataSource.getRepository(TrainingRecord).createQueryBuilder('t').where('t.cadre_id IN (:...ids)', { ids: [...ids] });
    if (year !== null) qb.andWhere('t.start_date >= :from AND t.start_date < :to', { from: `${year}-01-01`, to: `${year + 1}-01-01` });
    const rows = await qb.orderBy('t.start_date', 'ASC').addOrderBy('t.created_at', 'ASC').getMany();
    return groupByKey(ids, rows, (t) => t.cadreId);
  });
}

/** Talent-pool entries by id (one outside the caller's scope is not found). */
export function talentLoader(ctx: RequestContext): DataLoader<string, Talent | null> {
  return ctx.loaders.get<string, Talent | null>('cadre:talent', async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await ctx.dataSource.getRepository(Talent).findBy({ id: In(valid) }) : [];
    return visibleOnly(ctx, byKey(ids, rows, (t) => t.id), (t) => t.villageCode);
  });
}
