import { readPrefixCounters, todayInChina, type RequestContext } from '@xiangzhi/kernel';
import type DataLoader from 'dataloader';
import { Ctx, Field, Float, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Region, TerritoryAccess } from '../territory';
import { INCIDENT_HANDLING_COUNTER } from './incident-handling-counter';
import { OPEN_STATUSES } from './incident-state';

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

/** Per village: the open incidents past their deadline; for a resident's own reports, every figure. */
interface HandlingRow {
  village_code: string;
  overdue: number;
  total?: number;
  closed?: number;
  settled?: number;
  closed_on_time?: number;
  rated?: number;
  rating_sum?: number;
}

const empty = (year: number): IncidentHandling => Object.assign(new IncidentHandling(), { year, total: 0, closed: 0, due: 0, closedOnTime: 0, averageRating: null });

/**
 * Incident handling of many regions in TWO statements whatever the size of the county: the
 * counters of the year (`incident_handling_counter`: reported, closed, settled, on time, ratings —
 * none depends on the current time) for the requested prefixes (each narrowed to the caller's
 * scope), and the open incidents of the year past their deadline at `now`, counted per village by an
 * index-only scan of the open incidents by deadline (`incident_open_overdue_idx`); "due" is the settled ones plus
 * those. A resident (who sees only their own reports) is counted live over their own incidents.
 * `now` fixes "this year" and "due" (tests); by default the current time.
 */
export function incidentHandlingLoader(ctx: RequestContext, now?: Date): DataLoader<string, IncidentHandling> {
  return ctx.loaders.get<string, IncidentHandling>('incident:handlingByRegion', async (codes) => {
    const at = now ?? new Date();
    const year = Number(todayInChina(at).slice(0, 4));
    const access = TerritoryAccess.of(ctx);
    const prefixes = codes.map((code) => access.countPrefix(code));
    const distinct = [...new Set(prefixes.filter((p): p is string => p !== null))];
    const residentId = ctx.actor.residentId;
    if (distinct.length === 0 || (access.householdOnly && !residentId)) return codes.map(() => empty(year));
    const { from, to } = chinaYearBounds(year);
    const likes = (first: number): string => distinct.map((_, n) => `i.village_code LIKE $${n + first}`).join(' OR ');
    let counters: Map<string, Record<(typeof INCIDENT_HANDLING_COUNTER.columns)[number], number>>;
    let rows: HandlingRow[];
    if (access.householdOnly) {
      // the resident's own reports (a person's rows): counted live
      rows = await ctx.dataSource.query(
        `SELECT i.village_code,
                count(*)::int AS total,
                count(*) FILTER (WHERE i.status = 'CLOSED')::int AS closed,
                count(*) FILTER (WHERE i.status IN ('CLOSED', 'RESOLVED'))::int AS settled,
                count(*) FILTER (WHERE i.status = ANY($4::text[]) AND i.deadline <= $3)::int AS overdue,
                count(*) FILTER (WHERE i.status = 'CLOSED' AND EXISTS (
                  SELECT 1 FROM incident_history h WHERE h.incident_id = i.id AND h.to_status = 'RESOLVED' AND h.at <= i.deadline))::int AS closed_on_time,
                count(i.rating) FILTER (WHERE i.status = 'CLOSED')::int AS rated,
                coalesce(sum(i.rating) FILTER (WHERE i.status = 'CLOSED'), 0)::int AS rating_sum
           FROM incident i
          WHERE i.created_at >= $1 AND i.created_at < $2 AND (${likes(5)}) AND i.reporter_resident_id::text = $${distinct.length + 5}
          GROUP BY i.village_code`,
        [from, to, at, [...OPEN_STATUSES], ...distinct.map((p) => `${p}%`), residentId],
      );
      counters = new Map();
    } else {
      counters = await readPrefixCounters(ctx.dataSource, INCIDENT_HANDLING_COUNTER, distinct, year);
      rows = await ctx.dataSource.query(
        `SELECT i.village_code, count(*)::int AS overdue
           FROM incident i
          WHERE i.status IN ('REPORTED', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'ESCALATED') AND i.deadline <= $3
            AND i.created_at >= $1 AND i.created_at < $2 AND (${likes(4)})
          GROUP BY i.village_code`,
        [from, to, at, ...distinct.map((p) => `${p}%`)],
      );
    }
    return prefixes.map((prefix) => {
      const out = empty(year);
      if (prefix === null) return out;
      const c = counters.get(prefix);
      let settled = Number(c?.settled ?? 0);
      let rated = Number(c?.rated ?? 0);
      let ratingSum = Number(c?.rating_sum ?? 0);
      out.total = Number(c?.total ?? 0);
      out.closed = Number(c?.closed ?? 0);
      out.closedOnTime = Number(c?.closed_on_time ?? 0);
      let overdue = 0;
      for (const row of rows) {
        if (!row.village_code.startsWith(prefix)) continue;
        overdue += Number(row.overdue);
        out.total += Number(row.total ?? 0);
        out.closed += Number(row.closed ?? 0);
        out.closedOnTime += Number(row.closed_on_time ?? 0);
        settled += Number(row.settled ?? 0);
        rated += Number(row.rated ?? 0);
        ratingSum += Number(row.rating_sum ?? 0);
      }
      out.due = settled + overdue;
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
