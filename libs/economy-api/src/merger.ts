/**
 * 村建制调整（集体经济部分）the village-merger capability of the economy subgraph: the source
 * villages' collectives become sub-organisations (`parentId`) of the merged village's organisation —
 * 四不变: their ledgers, members, shares and village codes stay as they are. A coordinator publishes
 * the command; the economy consumer `economy-village-merger` checks the 清产核资 figures the
 * coordinator confirmed against the ledger (any difference refuses the step), applies it in one
 * transaction with a log keyed by the saga id and replies in the economy outbox. Amounts are integer
 * fen as decimal strings.
 */

/** 清产核资 one organisation's figures from its ledger: assets, liabilities and resource assets (fen). */
export interface CollectiveInventoryFigures {
  organizationId: string;
  villageCode: string;
  /** 资产 balances of the asset accounts other than the resource accounts (fen). */
  assetsFen: string;
  /** 负债 balances of the liability accounts (fen). */
  liabilitiesFen: string;
  /** 资源性资产 balances of the resource accounts `RESOURCE_ACCOUNT_CODES` (fen). */
  resourcesFen: string;
}

/** 资源性资产科目 the accounts counted as resources in an inventory: 131 牲畜（禽）资产, 132 林木资产. */
export const RESOURCE_ACCOUNT_CODES: readonly string[] = ['131', '132'];

/** A database handle that can run SQL (a DataSource, an EntityManager or a QueryRunner). */
export interface InventorySqlRunner {
  query: (sql: string, params?: unknown[]) => Promise<unknown>;
}

/**
 * 清产核资 the inventory figures of organisations from every posting of their ledgers, one
 * statement whatever their number (organisations without postings have zero figures). Used by a
 * coordinator to confirm an inventory and by the economy subgraph to check it again at the merger.
 */
export async function collectiveInventory(db: InventorySqlRunner, organizationIds: readonly string[]): Promise<CollectiveInventoryFigures[]> {
  if (organizationIds.length === 0) return [];
  const rows = (await db.query(
    `SELECT o.id AS "organizationId", o.village_code AS "villageCode",
            coalesce(sum(CASE WHEN a.category = 'ASSET' AND NOT (a.code = ANY($2::text[])) THEN p.debit_fen - p.credit_fen END), 0)::text AS "assetsFen",
            coalesce(sum(CASE WHEN a.category = 'LIABILITY' THEN p.credit_fen - p.debit_fen END), 0)::text AS "liabilitiesFen",
            coalesce(sum(CASE WHEN a.category = 'ASSET' AND a.code = ANY($2::text[]) THEN p.debit_fen - p.credit_fen END), 0)::text AS "resourcesFen"
       FROM collective_organization o
       LEFT JOIN ledger_posting p ON p.organization_id = o.id
       LEFT JOIN ledger_account a ON a.organization_id = p.organization_id AND a.code = p.account_code
      WHERE o.id = ANY($1::uuid[])
      GROUP BY o.id, o.village_code
      ORDER BY o.village_code, o.id`,
    [[...organizationIds], [...RESOURCE_ACCOUNT_CODES]],
  )) as CollectiveInventoryFigures[];
  return rows;
}

/** A village's own collective organisation (top level, active), as a coordinator finds it. */
export interface VillageOrganization {
  id: string;
  villageCode: string;
  name: string;
}

/** The top-level active collective organisations of villages (one statement). */
export async function villageOrganizations(db: InventorySqlRunner, villageCodes: readonly string[]): Promise<VillageOrganization[]> {
  if (villageCodes.length === 0) return [];
  return (await db.query(
    `SELECT id, village_code AS "villageCode", name FROM collective_organization
      WHERE village_code = ANY($1::text[]) AND parent_id IS NULL AND status = 'ACTIVE' ORDER BY village_code, id`,
    [[...villageCodes]],
  )) as VillageOrganization[];
}

/** 合并指令 make the sources' collectives sub-organisations of the target village's organisation. */
export interface EconomyMergerApplyCommand {
  sagaId: string;
  targetCode: string;
  effectiveDate: string;
  /** The organisation to create when the target village has none: its name and unified social credit code. */
  newOrganization: { name: string; creditCode: string } | null;
  /** The confirmed inventory of each source collective (the target's own included when it is a source). */
  sources: CollectiveInventoryFigures[];
}

export interface EconomyMergerCompensateCommand {
  sagaId: string;
}

export interface EconomyMergerAppliedReply {
  sagaId: string;
  /** The merged village's organisation. */
  organizationId: string;
  createdOrganization: boolean;
  subOrganizationIds: string[];
}

/** Commands the economy subgraph accepts on the bus. */
export interface EconomyMergerCommands {
  'economy.merger.apply': EconomyMergerApplyCommand;
  'economy.merger.compensate': EconomyMergerCompensateCommand;
}

/** Replies economy records in its outbox (`economy_event`); refused and compensated have the grids shapes. */
export interface EconomyMergerReplies {
  'economy.merger.applied': EconomyMergerAppliedReply;
  'economy.merger.refused': { sagaId: string; rule: string; value: string; reason: string };
  'economy.merger.compensated': { sagaId: string };
}

export const ECONOMY_MERGER_SUBJECTS = {
  apply: 'economy.merger.apply',
  compensate: 'economy.merger.compensate',
  applied: 'economy.merger.applied',
  refused: 'economy.merger.refused',
  compensated: 'economy.merger.compensated',
} as const;
