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

/** The grids subgraph's county wall migration. */
export const countyWallFeature: SubgraphFeature = { migrations: [GridsCountyWall1773000000000] };
