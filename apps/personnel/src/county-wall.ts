import { countyWallMigration, countyWallSqlV1, type SubgraphFeature } from '@xiangzhi/kernel';

/**
 * 县域隔离墙 row-level security on every personnel table holding personal or county data (see the
 * kernel's `county-wall.ts`): each row belongs to the county its code column starts with, or to its
 * parent row's. Administrative divisions, counters, outboxes and saga bookkeeping are not walled.
 */
export const PersonnelCountyWall1773100000000 = countyWallMigration(
  'PersonnelCountyWall1773100000000',
  countyWallSqlV1([
    { table: 'cadre', column: 'county_code' },
    { table: 'post', column: 'county_code' },
    { table: 'post_assignment', column: 'county_code' },
    { table: 'appraisal', column: 'county_code' },
    { table: 'cadre_departure_subsidy', column: 'county_code' },
    { table: 'disciplinary_sanction', column: 'county_code' },
    { table: 'duty_check_in', column: 'county_code' },
    { table: 'inspection_finding', column: 'county_code' },
    { table: 'leave_request', column: 'county_code' },
    { table: 'party_organization', column: 'county_code' },
    { table: 'party_member', column: 'county_code' },
    { table: 'party_point_entry', column: 'county_code' },
    { table: 'pay_record', column: 'county_code' },
    { table: 'rank_change', column: 'county_code' },
    { table: 'sanction', column: 'county_code' },
    { table: 'talent', column: 'county_code' },
    { table: 'training_record', column: 'county_code' },
    { table: 'resident_ref', column: 'village_code' },
  ]),
);

/**
 * The village-merger saga's bookkeeping (posts, assignments and cadres it changed, with their old
 * values, to put back on compensation): a log row by the village merged into (`target_code`), its
 * changes through the log row. Written and read by the saga's consumers, who run as the owner
 * (every row); the wall keeps a request away from another county's changes.
 */
export const PersonnelMergerCountyWall1774700000001 = countyWallMigration(
  'PersonnelMergerCountyWall1774700000001',
  countyWallSqlV1([
    { table: 'personnel_merger_log', column: 'target_code' },
    { table: 'personnel_merger_change', parent: 'personnel_merger_log', key: 'saga_id', parentKey: 'saga_id' },
  ]),
);

/** The personnel subgraph's county wall migrations. */
export const countyWallFeature: SubgraphFeature = { migrations: [PersonnelCountyWall1773100000000, PersonnelMergerCountyWall1774700000001] };
