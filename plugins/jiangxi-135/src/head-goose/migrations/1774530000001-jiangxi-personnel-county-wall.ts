import { countyWallMigration, countyWallSqlV1 } from '@xiangzhi/kernel';

/**
 * 县域隔离墙 row-level security on the plugin's personnel table (the villages' head-goose
 * indicators, projected from events by the owner): each row belongs to the county its
 * `village_code` starts with.
 * SQL frozen as `countyWallSqlV1` (see docs/plugins.md, "Migrations").
 */
export const JiangxiPersonnelCountyWall1774530000001 = countyWallMigration(
  'JiangxiPersonnelCountyWall1774530000001',
  countyWallSqlV1([
    { table: 'jiangxi_village_indicator', column: 'village_code' },
  ]),
);
