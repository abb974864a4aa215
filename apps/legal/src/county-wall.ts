import { countyWallMigration, countyWallSqlV1, type SubgraphFeature } from '@xiangzhi/kernel';

/**
 * 县域隔离墙 row-level security on every legal table holding personal or county data (see the
 * kernel's `county-wall.ts`): each row belongs to the county its code column starts with, or to its
 * parent row's. Administrative divisions, counters, outboxes and saga bookkeeping are not walled.
 */
export const LegalCountyWall1773300000000 = countyWallMigration(
  'LegalCountyWall1773300000000',
  countyWallSqlV1([
    { table: 'legal_advisor', column: 'county_code' },
    { table: 'dispute', column: 'village_code' },
    { table: 'legal_advisor_assignment', column: 'village_code' },
    { table: 'legal_aid_application', column: 'village_code' },
    { table: 'legal_service_record', column: 'village_code' },
    { table: 'legal_service_request', column: 'village_code' },
    { table: 'petition', column: 'village_code' },
    { table: 'safe_village_designation', column: 'village_code' },
    { table: 'lawsuit_count', column: 'village_code' },
    { table: 'resident_ref', column: 'village_code' },
    { table: 'dispute_party', parent: 'dispute', key: 'dispute_id' },
    { table: 'dispute_mediation', parent: 'dispute', key: 'dispute_id' },
    { table: 'dispute_escalation', parent: 'dispute', key: 'dispute_id' },
  ]),
);

/** The legal subgraph's county wall migration. */
export const countyWallFeature: SubgraphFeature = { migrations: [LegalCountyWall1773300000000] };
