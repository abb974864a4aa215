import type { RequestContext } from '@xiangzhi/kernel';
import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { TerritoryAccess } from '../shared/access';
import { readRegionCounters, type RegionCounts } from './region-counter';
import { RegionStats } from './region.entity';

export type { RegionCounts } from './region-counter';

const ZERO: RegionCounts = { households: 0, residents: 0, grids: 0 };

/**
 * Counts for many regions in ONE statement. Callers who see every household of their scope read the
 * region counters (`region-counter.ts`: a few rows, whatever the size of the county); a resident
 * (who sees only their own household) gets the live count of that household, grouped by village.
 */
export function regionCountsLoader(ctx: RequestContext) {
  return ctx.loaders.get<string, RegionCounts>('territory:regionCounts', async (codes) => {
    const access = TerritoryAccess.of(ctx);
    const prefixes = codes.map((c) => access.countPrefix(c));
    const distinct = [...new Set(prefixes.filter((p): p is string => p !== null))];
    if (distinct.length === 0) return codes.map(() => ZERO);
    if (!access.householdOnly) {
      const counters = await readRegionCounters(ctx.dataSource, distinct);
      return prefixes.map((prefix) => (prefix === null ? ZERO : (counters.get(prefix) ?? ZERO)));
    }
    const params: unknown[] = distinct.map((p) => `${p}%`);
    const within = (col: string) => `(${distinct.map((_, i) => `${col} LIKE $${i + 1}`).join(' OR ')})`;
    const own = await access.ownHousehold();
    if (!own) return codes.map(() => ZERO);
    params.push(own.householdId);
    const householdOwn = ` AND id = $${params.length}`;
    const residentOwn = ` AND household_id = $${params.length}`;
    params.push(own.gridId ?? '00000000-0000-0000-0000-000000000000');
    const gridOwn = ` AND id = $${params.length}`;
    const rows: { village_code: string; kind: keyof RegionCounts; n: number }[] = await ctx.dataSource.query(
      `SELECT village_code, 'households' AS kind, count(*)::int AS n FROM household WHERE ${within('village_code')}${householdOwn} GROUP BY village_code
       UNION ALL
       SELECT village_code, 'residents', count(*)::int FROM resident WHERE ${within('village_code')}${residentOwn} GROUP BY village_code
       UNION ALL
       SELECT village_code, 'grids', count(*)::int FROM grid WHERE ${within('village_code')}${gridOwn} GROUP BY village_code`,
      params,
    );
    return prefixes.map((prefix) => {
      const counts = { ...ZERO };
      if (prefix === null) return counts;
      for (const row of rows) if (row.village_code.startsWith(prefix)) counts[row.kind] += Number(row.n);
      return counts;
    });
  });
}

@Resolver(() => RegionStats)
export class RegionStatsResolver {
  @FieldResolver(() => Int, { description: '住户数 / Number of households' })
  async households(@Root() stats: RegionStats, @Ctx() ctx: RequestContext): Promise<number> {
    return (await regionCountsLoader(ctx).load(stats.regionCode)).households;
  }

  @FieldResolver(() => Int, { description: '居民数 / Number of residents' })
  async residents(@Root() stats: RegionStats, @Ctx() ctx: RequestContext): Promise<number> {
    return (await regionCountsLoader(ctx).load(stats.regionCode)).residents;
  }

  @FieldResolver(() => Int, { description: '网格数 / Number of grids' })
  async grids(@Root() stats: RegionStats, @Ctx() ctx: RequestContext): Promise<number> {
    return (await regionCountsLoader(ctx).load(stats.regionCode)).grids;
  }
}
