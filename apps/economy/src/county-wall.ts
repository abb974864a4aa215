import { countyWallMigration, countyWallSqlV1, type SubgraphFeature } from '@xiangzhi/kernel';

/**
 * 县域隔离墙 row-level security on every economy table holding personal or county data (see the
 * kernel's `county-wall.ts`): each row belongs to the county its code column starts with, or to its
 * parent row's. Administrative divisions, counters, outboxes and saga bookkeeping are not walled.
 */
export const EconomyCountyWall1773200000000 = countyWallMigration(
  'EconomyCountyWall1773200000000',
  countyWallSqlV1([
    { table: 'collective_organization', column: 'county_code' },
    { table: 'collective_asset', column: 'county_code' },
    { table: 'collective_resource', column: 'county_code' },
    { table: 'disclosure', column: 'county_code' },
    { table: 'lease_contract', column: 'county_code' },
    { table: 'major_matter', column: 'county_code' },
    { table: 'village_alliance', column: 'county_code' },
    { table: 'weak_village_project', column: 'county_code' },
    { table: 'disclosure_objection', column: 'village_code' },
    { table: 'economy_member', column: 'village_code' },
    { table: 'economy_distribution', column: 'village_code' },
    { table: 'economy_operating_income', column: 'village_code' },
    { table: 'lease_instalment', column: 'village_code' },
    { table: 'lease_payment', column: 'village_code' },
    { table: 'ledger_voucher', column: 'village_code' },
    { table: 'village_alliance_member', column: 'village_code' },
    { table: 'resident_ref', column: 'village_code' },
    { table: 'economy_member_exit', parent: 'economy_member', key: 'member_id' },
    { table: 'economy_share_holding', parent: 'economy_member', key: 'member_id' },
    { table: 'economy_distribution_line', parent: 'economy_distribution', key: 'distribution_id' },
    { table: 'ledger_posting', parent: 'ledger_voucher', key: 'voucher_id' },
    { table: 'major_matter_step', parent: 'major_matter', key: 'matter_id' },
  ]),
);

/**
 * The ledger's own tables, walled through their collective economic organization (walled itself):
 * its chart of accounts, month totals and closed periods.
 */
export const EconomyLedgerCountyWall1774500000000 = countyWallMigration(
  'EconomyLedgerCountyWall1774500000000',
  countyWallSqlV1([
    { table: 'ledger_account', parent: 'collective_organization', key: 'organization_id' },
    { table: 'ledger_month_total', parent: 'collective_organization', key: 'organization_id' },
    { table: 'ledger_period_close', parent: 'collective_organization', key: 'organization_id' },
  ]),
);

/**
 * The village-merger saga's bookkeeping (organisations it moved under the merged one, with their old
 * parent and status, to put back on compensation): a log row through its collective economic
 * organization (walled itself), its moves through the log row. Written and read by the saga's
 * consumers, who run as the owner (every row); the wall keeps a request away from another county's moves.
 */
export const EconomyMergerCountyWall1774700000002 = countyWallMigration(
  'EconomyMergerCountyWall1774700000002',
  countyWallSqlV1([
    { table: 'economy_merger_log', parent: 'collective_organization', key: 'organization_id' },
    { table: 'economy_merger_move', parent: 'economy_merger_log', key: 'saga_id', parentKey: 'saga_id' },
  ]),
);

/** The economy subgraph's county wall migrations. */
export const countyWallFeature: SubgraphFeature = {
  migrations: [EconomyCountyWall1773200000000, EconomyLedgerCountyWall1774500000000, EconomyMergerCountyWall1774700000002],
};
