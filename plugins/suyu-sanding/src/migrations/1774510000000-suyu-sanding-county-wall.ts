import { countyWallMigration, countyWallSqlV1 } from '@xiangzhi/kernel';

/**
 * 县域隔离墙 row-level security on the plugin's personnel tables (pay grades, pay items, exit
 * flags: cadres' personal data): each row belongs to the county its `county_code` starts with.
 * SQL frozen as `countyWallSqlV1` (see docs/plugins.md, "Migrations").
 */
export const SuyuSandingCountyWall1774510000000 = countyWallMigration(
  'SuyuSandingCountyWall1774510000000',
  countyWallSqlV1([
    { table: 'suyu_pay_grade', column: 'county_code' },
    { table: 'suyu_pay_item', column: 'county_code' },
    { table: 'suyu_exit_flag', column: 'county_code' },
  ]),
);
