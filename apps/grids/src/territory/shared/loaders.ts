import { boundedBatchLimit, boundedGroups, byKey, groupByKey, type ListBound, type RequestContext } from '@xiangzhi/kernel';
import type DataLoader from 'dataloader';
import { In, type ObjectLiteral, type EntityTarget, type SelectQueryBuilder } from 'typeorm';
import { Grid } from '../grid/grid.entity';
import { GridWorker } from '../grid/grid-worker.entity';
import { Zone } from '../grid/zone.entity';
import { Household } from '../household/household.entity';
import { Region } from '../region/region.entity';
import { Resident } from '../resident/resident.entity';

/**
 * Per-request DataLoaders for the territory. They load rows without visibility rules;
 * resolvers apply `TerritoryAccess` to what they return.
 */
function byId<T extends ObjectLiteral & { id: string }>(ctx: RequestContext, name: string, entity: EntityTarget<T>): DataLoader<string, T | null> {
  return ctx.loaders.get<string, T | null>(name, async (ids) => {
    const rows = await ctx.dataSource.getRepository(entity).findBy({ id: In([...ids]) } as never);
    return byKey(ids, rows, (r) => r.id);
  });
}

function groupedBy<T extends ObjectLiteral>(
  ctx: RequestContext,
  name: string,
  entity: EntityTarget<T>,
  column: string,
  keyOf: (row: T) => string,
  order: string[],
  bound?: ListBound,
): DataLoader<string, T[]> {
  return ctx.loaders.get<string, T[]>(name, async (keys) => {
    const qb = ctx.dataSource.getRepository(entity).createQueryBuilder('x').where(`x.${column} IN (:...keys)`, { keys: [...keys] });
    order.forEach((o, i) => (i === 0 ? qb.orderBy(o) : qb.addOrderBy(o)));
    return boundedRows(qb, keys, keyOf, bound);
  });
}

/**
 * The rows of a batch grouped by key; with a bound, the batch reads one row more than it may
 * answer and a key beyond the bound gets BAD_USER_INPUT (never a list cut short).
 */
async function boundedRows<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, keys: readonly string[], keyOf: (row: T) => string, bound?: ListBound): Promise<(T[] | Error)[]> {
  if (!bound) return groupByKey(keys, await qb.getMany(), keyOf);
  const limit = boundedBatchLimit(keys.length, bound);
  const rows = await qb.take(limit).getMany();
  return boundedGroups(groupByKey(keys, rows, keyOf), rows.length === limit, bound);
}

/**
 * `Region.children` and `regions(parentCode)`: bounded at MAX_LIST_ITEMS. A division code leaves
 * at most 999 regions below one region, so only a malformed tree reaches the bound.
 */
export const REGION_CHILDREN: ListBound = { field: 'Region.children', instead: 'Region.children of each lower region' };
export const QUERY_REGIONS: ListBound = { field: 'regions', instead: 'regions(parentCode) of each lower region' };

/** `GridWorker.households`: bounded at MAX_LIST_ITEMS; beyond it, the paginated households of the grid. */
export const WORKER_HOUSEHOLDS: ListBound = { field: 'GridWorker.households', instead: 'households(gridId, first, after)' };

/** SQL condition: the region code is current (not retired as of today). */
export const CURRENT_REGION = '(x.valid_to IS NULL OR x.valid_to > CURRENT_DATE)';

export const regionLoader = (ctx: RequestContext): DataLoader<string, Region | null> =>
  ctx.loaders.get<string, Region | null>('territory:region', async (codes) => {
    const rows = await ctx.dataSource.getRepository(Region).findBy({ code: In([...codes]) });
    return byKey(codes, rows, (r) => r.code);
  });

export const childRegionsLoader = (ctx: RequestContext, includeRetired: boolean, bound: ListBound = REGION_CHILDREN): DataLoader<string, Region[]> =>
  ctx.loaders.get<string, Region[]>(`territory:regionChildren:${includeRetired}:${bound.field}`, async (parents) => {
    const qb = ctx.dataSource.getRepository(Region).createQueryBuilder('x').where('x.parent_code IN (:...parents)', { parents: [...parents] });
    if (!includeRetired) qb.andWhere(CURRENT_REGION);
    return boundedRows(qb.orderBy('x.parent_code').addOrderBy('x.code'), parents, (r) => r.parentCode ?? '', bound);
  });

export const gridLoader = (ctx: RequestContext): DataLoader<string, Grid | null> => byId(ctx, 'territory:grid', Grid);
export const zoneLoader = (ctx: RequestContext): DataLoader<string, Zone | null> => byId(ctx, 'territory:zone', Zone);
export const householdLoader = (ctx: RequestContext): DataLoader<string, Household | null> => byId(ctx, 'territory:household', Household);
export const residentLoader = (ctx: RequestContext): DataLoader<string, Resident | null> => byId(ctx, 'territory:resident', Resident);
export const workerLoader = (ctx: RequestContext): DataLoader<string, GridWorker | null> => byId(ctx, 'territory:worker', GridWorker);

export const gridsByVillageLoader = (ctx: RequestContext): DataLoader<string, Grid[]> =>
  groupedBy(ctx, 'territory:gridsByVillage', Grid, 'village_code', (g) => g.villageCode, ['x.code']);
export const gridsByZoneLoader = (ctx: RequestContext): DataLoader<string, Grid[]> =>
  groupedBy(ctx, 'territory:gridsByZone', Grid, 'zone_id', (g) => g.zoneId ?? '', ['x.code']);
export const zonesByVillageLoader = (ctx: RequestContext): DataLoader<string, Zone[]> =>
  groupedBy(ctx, 'territory:zonesByVillage', Zone, 'village_code', (z) => z.villageCode, ['x.name']);
export const workersByGridLoader = (ctx: RequestContext): DataLoader<string, GridWorker[]> =>
  groupedBy(ctx, 'territory:workersByGrid', GridWorker, 'grid_id', (w) => w.gridId, ['x.role', 'x.name', 'x.id']);
export const residentsByHouseholdLoader = (ctx: RequestContext): DataLoader<string, Resident[]> =>
  groupedBy(ctx, 'territory:residentsByHousehold', Resident, 'household_id', (r) => r.householdId, ['x.birth_date', 'x.id']);
export const householdsByMemberLoader = (ctx: RequestContext): DataLoader<string, Household[]> =>
  groupedBy(ctx, 'territory:householdsByMember', Household, 'member_id', (h) => h.memberId ?? '', ['x.member_id', 'x.number', 'x.id'], WORKER_HOUSEHOLDS);
