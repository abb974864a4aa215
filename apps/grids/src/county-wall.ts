import { countyWallMigration, countyWallSqlV1, type SubgraphFeature } from '@xiangzhi/kernel';

/**
 * 县域隔离墙 row-level security on every grids table holding personal or county data (see the
 * kernel's `county-wall.ts`): each row belongs to the county its code column starts with, or to its
 * parent row's. Administrative divisions, counters, outboxes and saga bookkeeping are not walled.
 */
export const GridsCountyWall1773000000000 = countyWallMigration(
  'GridsCountyWall1773000000000',
  countyWallSqlV1([
    { table: 'grid', column: 'county_code' },
    { table: 'grid_worker', column: 'county_code' },
    { table: 'zone', column: 'county_code' },
    { table: 'household', column: 'county_code' },
    { table: 'resident', column: 'county_code' },
    { table: 'incident', column: 'county_code' },
    { table: 'incident_history', column: 'county_code' },
    { table: 'import_checkpoint', column: 'county_code' },
  ]),
);

/**
 * The village-merger saga's bookkeeping (what a merger moved, to put it back on compensation): a
 * log row by the village merged into (`target_code`), its moves (households, residents, grids… and
 * their old village) through the log row. Written and read by the saga's consumers, who run as the
 * owner (every row); the app role holds table grants like on every table, so the wall keeps a
 * request away from another county's moves.
 */
export const GridsMergerCountyWall1774700000000 = countyWallMigration(
  'GridsMergerCountyWall1774700000000',
  countyWallSqlV1([
    { table: 'village_merger_log', column: 'target_code' },
    { table: 'village_merger_move', parent: 'village_merger_log', key: 'saga_id', parentKey: 'saga_id' },
  ]),
);

/** The grids subgraph's county wall migrations. */
export const countyWallFeature: SubgraphFeature = { migrations: [GridsCountyWall1773000000000, GridsMergerCountyWall1774700000000] };
