import { countyWallMigration, countyWallSqlV1 } from '@xiangzhi/kernel';

/**
 * 县域隔离墙 row-level security on the plugin's personnel tables (tasks, awards, team ratings and
 * the villages' collective income): each row belongs to the county its code column starts with.
 * SQL frozen as `countyWallSqlV1` (see docs/plugins.md, "Migrations").
 */
export const LongshanCountyWall1774520000000 = countyWallMigration(
  'LongshanCountyWall1774520000000',
  countyWallSqlV1([
    { table: 'longshan_task', column: 'county_code' },
    { table: 'longshan_award', column: 'county_code' },
    { table: 'longshan_team_rating', column: 'county_code' },
    { table: 'longshan_collective_income', column: 'village_code' },
  ]),
);
