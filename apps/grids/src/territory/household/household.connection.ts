import { ConnectionType, encodeCursor, decodeCursor, pageInfoOf, type ConnectionShape, type RequestContext } from '@xiangzhi/kernel';
import { TerritoryAccess } from '../shared/access';
import { Household } from './household.entity';

/** `HouseholdConnection` / `HouseholdEdge`. */
export const HouseholdConnection = ConnectionType(Household, 'Household', '住户 / Households');

export interface GridHouseholdsKey {
  gridId: string;
  first: number;
  after: string | null;
}

/**
 * `Grid.households` for many grids at once: one count statement for every grid, and one
 * statement per distinct (first, after) page window using `row_number() OVER (PARTITION BY grid_id)`.
 * Households are ordered by number, then id; the cursor is `[number, id]`.
 */
export function gridHouseholdsLoader(ctx: RequestContext) {
  return ctx.loaders.get<GridHouseholdsKey, ConnectionShape<Household>>(
    'territory:gridHouseholds',
    async (keys) => {
      const access = TerritoryAccess.of(ctx);
      const repo = ctx.dataSource.getRepository(Household);
      const gridIds = [...new Set(keys.map((k) => k.gridId))];
      const countFilter = await access.householdFilter('c');
      const counts: { grid_id: string; n: number }[] = await repo
        .createQueryBuilder('c')
        .select('c.grid_id', 'grid_id')
        .addSelect('count(*)::int', 'n')
        .where('c.grid_id IN (:...gridIds)', { gridIds })
        .andWhere(countFilter.sql, countFilter.params)
        .groupBy('c.grid_id')
        .getRawMany();
      const total = new Map(counts.map((c) => [c.grid_id, Number(c.n)]));
      const windows = new Map<string, GridHouseholdsKey[]>();
      for (const k of keys) {
        const w = `${k.first}|${k.after ?? ''}`;
        windows.set(w, [...(windows.get(w) ?? []), k]);
      }
      const pages = new Map<string, Household[]>();
      const filter = await access.householdFilter('w');
      for (const group of windows.values()) {
        const { first, after } = group[0];
        const ids = [...new Set(group.map((k) => k.gridId))];
        const params: Record<string, unknown> = { ...filter.params, ids, limit: first + 1 };
        let afterSql = '';
        if (after) {
          const [number, id] = decodeCursor(after, 2);
          afterSql = ' AND (w.number, w.id) > (:afterNumber, CAST(:afterId AS uuid))';
          params.afterNumber = String(number);
          params.afterId = String(id);
        }
        const rows = await repo
          .createQueryBuilder('h')
          .where(
            `h.id IN (SELECT x.id FROM (SELECT w.id, row_number() OVER (PARTITION BY w.grid_id ORDER BY w.number, w.id) AS rn
               FROM household w WHERE w.grid_id IN (:...ids) AND ${filter.sql}${afterSql}) x WHERE x.rn <= :limit)`,
            params,
          )
          .orderBy('h.number', 'ASC')
          .addOrderBy('h.id', 'ASC')
          .getMany();
        for (const row of rows) {
          const key = `${row.gridId}|${first}|${after ?? ''}`;
          pages.set(key, [...(pages.get(key) ?? []), row]);
        }
      }
      return keys.map((k) => {
        const rows = pages.get(`${k.gridId}|${k.first}|${k.after ?? ''}`) ?? [];
        const nodes = rows.slice(0, k.first);
        const edges = nodes.map((node) => ({ node, cursor: encodeCursor([node.number, node.id]) }));
        return {
          nodes,
          edges,
          totalCount: total.get(k.gridId) ?? 0,
          pageInfo: pageInfoOf(edges, rows.length > k.first, k.after !== null),
        };
      });
    },
    (k) => `${k.gridId}|${k.first}|${k.after ?? ''}`,
  );
}
