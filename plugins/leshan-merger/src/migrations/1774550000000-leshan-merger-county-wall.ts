import { countyWallMigration, countyWallSqlV1 } from '@xiangzhi/kernel';

/**
 * 县域隔离墙 row-level security on the plugin's economy tables: merger plans by their county, the
 * villages' profiles, sources, cadres and diversions by their village, and a plan's candidates,
 * risks and saga steps through the plan (a candidate's reviews through the candidate).
 * SQL frozen as `countyWallSqlV1` (see docs/plugins.md, "Migrations").
 */
export const LeshanMergerCountyWall1774550000000 = countyWallMigration(
  'LeshanMergerCountyWall1774550000000',
  countyWallSqlV1([
    { table: 'lsm_plan', column: 'county_code' },
    { table: 'lsm_plan_source', column: 'village_code' },
    { table: 'lsm_village_profile', column: 'village_code' },
    { table: 'lsm_cadre', column: 'village_code' },
    { table: 'lsm_diversion', column: 'village_code' },
    { table: 'lsm_candidate', parent: 'lsm_plan', key: 'plan_id' },
    { table: 'lsm_risk', parent: 'lsm_plan', key: 'plan_id' },
    { table: 'lsm_step', parent: 'lsm_plan', key: 'plan_id' },
    { table: 'lsm_candidate_review', parent: 'lsm_candidate', key: 'candidate_id' },
  ]),
);
