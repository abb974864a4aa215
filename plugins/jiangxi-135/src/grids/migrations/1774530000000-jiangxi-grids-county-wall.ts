import { countyWallMigration, countyWallSqlV1 } from '@xiangzhi/kernel';

/**
 * 县域隔离墙 row-level security on the plugin's grids table (grid workers' annual appraisals):
 * each row belongs to the county its `county_code` starts with.
 * SQL frozen as `countyWallSqlV1` (see docs/plugins.md, "Migrations").
 */
export const JiangxiGridsCountyWall1774530000000 = countyWallMigration(
  'JiangxiGridsCountyWall1774530000000',
  countyWallSqlV1([
    { table: 'jiangxi_grid_worker_appraisal', column: 'county_code' },
  ]),
);
