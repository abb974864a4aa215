import { todayInChina, type RequestContext } from '@xiangzhi/kernel';
import type DataLoader from 'dataloader';
import { Ctx, Field, Float, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Region, TerritoryAccess } from '../territory';
import { IncidentStatus } from './incident-state';

/**
 * 事件办理情况 how a region's incidents of the current calendar year (China time) were handled:
 * how many were reported, closed, and of those closed how many were resolved (办结) no later than
 * their deadline — the deadline bounds the handling, whose clock stops at RESOLVED (the escalation job
 * leaves a resolved incident alone), not the resident's rating that closes it later — and the
 * residents' average rating. Counts only what the caller may see (inside their scope; residents
 * only their own requests). Other subgraphs read it through federation (`@requires`), e.g. a
 * secretary's 头雁指数.
 */
@ObjectType('IncidentHandling', {
  description: '事件办理情况（本年度，按北京时间；仅统计调用者辖区内的）/ Incident handling in the current calendar year (China time), counting only what the caller may see',
})
export class IncidentHandling {
  @Field(() => Int, { description: '统计年度 / The calendar year counted' })
  year!: number;

  @Field(() => Int, { description: '本年度上报的事件数 / Incidents reported this year' })
  total!: number;

  @Field(() => Int, { description: '其中已关闭（已评价）的 / Of those, closed with the resident’s rating' })
  closed!: number;

  @Field(() => Int, {
    description: '其中到期应办结的（已办结、已关闭，或办理期限已过；不含不予受理）/ Of those, the ones due by now: resolved or closed, or past their deadline (rejected ones excluded)',
  })
  due!: number;

  @Field(() => Int, { description: '其中按期办结的（办结时间不晚于办理期限；群众评价关闭的时间不计）/ Of those, resolved no later than their deadline (when the resident rated it does not count)' })
  closedOnTime!: number;

  @Field(() => Float, { nullable: true, description: '已关闭事件的群众平均评价（1–5，无评价时为空）/ Residents’ average rating of the closed incidents (1–5; empty when none)' })
  averageRating!: number | null;
}

/** The instants a calendar year of China time starts and ends (UTC+8, no daylight saving). */
export function chinaYearBounds(year: number): { from: Date; to: Date } {
  return { from: new Date(`${year}-01-01T00:00:00+08:00`), to: new Date(`${year + 1}-01-01T00:00:00+08:00`) };
}

interface HandlingRow {
  village_code: string;
  total: number;
  closed: number;
  due: number;
  closed_on_time: number;
  rated: number;
  rating_sum: number;
}

const empty = (year: number): IncidentHandling => Object.assign(new IncidentHandling(), { year, total: 0, closed: 0, due: 0, closedOnTime: 0, averageRating: null });

/**
 * Incident handling of many regions in ONE statement: this year's incidents counted per village
 * under the union of the requested prefixes (each narrowed to the caller's scope), then summed per
 * region in memory. `now` fixes "this year" (tests); by default the current China date.
 */
export function incidentHandlingLoader(ctx: RequestContext, now?: Date): DataLoader<string, IncidentHandling> {
  return ctx.loaders.get<string, IncidentHandling>('incident:handlingByRegion', async (codes) => {
    const year = Number(todayInChina(now).slice(0, 4));
    const access = TerritoryAccess.of(ctx);
    const prefixes = codes.map((code) => access.countPrefix(code));
    const distinct = [...new Set(prefixes.filter((p): p is string => p !== null))];
    const residentId = ctx.actor.residentId;
    if (distinct.length === 0 || (access.householdOnly && !residentId)) return codes.map(() => empty(year));
    const { from, to } = chinaYearBounds(year);
    const params: unknown[] = [from, to, IncidentStatus.CLOSED, IncidentStatus.RESOLVED, now ?? new Date(), IncidentStatus.REJECTED, ...distinct.map((p) => `${p}%`)];
    let own = '';
    if (access.householdOnly) {
      params.push(residentId);
      own = ` AND i.reporter_resident_id::text = $${params.length}`;
    }
    // on time: resolved (the history's RESOLVE entry) no later than the deadline, which nothing moves
    // after resolution (only escalation sets one, and a resolved incident cannot be escalated)
    const rows: HandlingRow[] = await ctx.dataSource.query(
      `SELECT i.village_code,
              count(*)::int AS total,
              count(*) FILTER (WHERE i.status = $3)::int AS closed,
              count(*) FILTER (WHERE i.status IN ($3, $4) OR (i.status <> $6 AND i.deadline <= $5))::int AS due,
              count(*) FILTER (WHERE i.status = $3 AND EXISTS (
                SELECT 1 FROM incident_history h WHERE h.incident_id = i.id AND h.to_status = $4 AND h.at <= i.deadline))::int AS closed_on_time,
              count(i.rating) FILTER (WHERE i.status = $3)::int AS rated,
              coalesce(sum(i.rating) FILTER (WHERE i.status = $3), 0)::int AS rating_sum
         FROM incident i
        WHERE i.created_at >= $1 AND i.created_at < $2
          AND (${distinct.map((_, n) => `i.village_code LIKE $${n + 7}`).join(' OR ')})${own}
        GROUP BY i.village_code`,
      params,
    );
    return prefixes.map((prefix) => {
      const out = empty(year);
      if (prefix === null) return out;
      let rated = 0;
      let ratingSum = 0;
      for (const row of rows) {
        if (!row.village_code.startsWith(prefix)) continue;
        out.total += Number(row.total);
        out.closed += Number(row.closed);
        out.due += Number(row.due);
        out.closedOnTime += Number(row.closed_on_time);
        rated += Number(row.rated);
        ratingSum += Number(row.rating_sum);
      }
      out.averageRating = rated > 0 ? Math.round((ratingSum / rated) * 100) / 100 : null;
      return out;
    });
  });
}

/** 事件办理情况 the field the incident feature adds to Region. */
@Resolver(() => Region)
export class RegionIncidentHandlingResolver {
  @FieldResolver(() => IncidentHandling, {
    description:
      '本年度事件办理情况（按北京时间，限调用者辖区；居民只统计本人上报的）：上报数、关闭数、到期应办结数、其中按期办结数、平均评价 / ' +
      'Incident handling this calendar year (China time, within your scope; residents count only their own requests): reported, closed, due by now, of those resolved on time, average rating',
  })
  incidentHandling(@Root() region: Region, @Ctx() ctx: RequestContext): Promise<IncidentHandling> {
    return incidentHandlingLoader(ctx).load(region.code);
  }
}
