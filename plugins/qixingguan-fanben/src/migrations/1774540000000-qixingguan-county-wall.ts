import { countyWallMigration, countyWallSqlV1 } from '@xiangzhi/kernel';

/**
 * 县域隔离墙 row-level security on the plugin's tables: in personnel, the star-village applications,
 * assessments, rewards and recorded indicators and the villages' projected facts; in economy, the
 * activity funds. Each row belongs to the county its code column starts with.
 * SQL frozen as `countyWallSqlV1` (see docs/plugins.md, "Migrations").
 */
export const QixingguanPersonnelCountyWall1774540000000 = countyWallMigration(
  'QixingguanPersonnelCountyWall1774540000000',
  countyWallSqlV1([
    { table: 'qxg_application', column: 'county_code' },
    { table: 'qxg_assessment', column: 'county_code' },
    { table: 'qxg_reward', column: 'county_code' },
    { table: 'qxg_recorded_indicator', column: 'county_code' },
    { table: 'qxg_black_list', column: 'village_code' },
    { table: 'qxg_designation', column: 'village_code' },
    { table: 'qxg_dispute', column: 'village_code' },
    { table: 'qxg_star_count', column: 'village_code' },
    { table: 'qxg_village_income', column: 'village_code' },
  ]),
);

/** The economy part: each village's activity funds belong to the county its `village_code` starts with. */
export const QixingguanEconomyCountyWall1774540000001 = countyWallMigration(
  'QixingguanEconomyCountyWall1774540000001',
  countyWallSqlV1([{ table: 'qxg_activity_fund', column: 'village_code' }]),
);
