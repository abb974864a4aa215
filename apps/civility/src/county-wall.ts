import { countyWallMigration, countyWallSqlV1, type SubgraphFeature } from '@xiangzhi/kernel';

/**
 * 县域隔离墙 row-level security on every civility table holding personal or county data (see the
 * kernel's `county-wall.ts`): each row belongs to the county its code column starts with, or to its
 * parent row's. Administrative divisions, counters, outboxes and saga bookkeeping are not walled.
 */
export const CivilityCountyWall1773400000000 = countyWallMigration(
  'CivilityCountyWall1773400000000',
  countyWallSqlV1([
    { table: 'village_rules', column: 'county_code' },
    { table: 'points_rule', column: 'county_code' },
    { table: 'points_entry', column: 'county_code' },
    { table: 'household_points', column: 'county_code' },
    { table: 'household_month_points', column: 'county_code' },
    { table: 'red_black_list', column: 'county_code' },
    { table: 'redemption', column: 'county_code' },
    { table: 'market_item', column: 'county_code' },
    { table: 'practice_station', column: 'county_code' },
    { table: 'practice_activity', column: 'county_code' },
    { table: 'practice_theme', column: 'county_code' },
    { table: 'volunteer', column: 'county_code' },
    { table: 'volunteer_team', column: 'county_code' },
    { table: 'volunteer_hours', column: 'county_code' },
    { table: 'role_model_nomination', column: 'county_code' },
    { table: 'star_rating', column: 'county_code' },
    { table: 'resident_ref', column: 'village_code' },
    { table: 'red_black_list_row', parent: 'red_black_list', key: 'list_id' },
    { table: 'role_model_objection', parent: 'role_model_nomination', key: 'nomination_id' },
  ]),
);

/** The civility subgraph's county wall migration. */
export const countyWallFeature: SubgraphFeature = { migrations: [CivilityCountyWall1773400000000] };
