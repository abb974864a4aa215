import { countyOf, isUuid, isRegionCode, recordOutboxEvents } from '@xiangzhi/kernel';
import {
  collectiveInventory,
  creditCodeProblem,
  ECONOMY_MERGER_SUBJECTS,
  type CollectiveInventoryFigures,
  type EconomyMergerApplyCommand,
  type EconomyMergerAppliedReply,
  type EconomyMergerReplies,
} from '@xiangzhi/economy-api';
import { CommandRefusal, defineMergerConsumer, isSagaId, refuseCommand, refusedReply } from '@xiangzhi/grids-api';
import type { EntityManager } from 'typeorm';
import { ECONOMY_EVENT_TABLE } from '../events/outbox';
import { CollectiveOrganization, runRegistrationHooks } from '../organization';

const FIGURES = ['assetsFen', 'liabilitiesFen', 'resourcesFen'] as const;

async function reply<N extends keyof EconomyMergerReplies>(manager: EntityManager, name: N, payload: EconomyMergerReplies[N]): Promise<void> {
  await recordOutboxEvents(manager, ECONOMY_EVENT_TABLE, name, [payload]);
}

interface OrganizationRow {
  id: string;
  village_code: string;
  status: string;
  parent_id: string | null;
  development_model: string;
}

/** The source collectives, locked, each active and top level, with a ledger that still gives the confirmed figures. */
async function checkSources(manager: EntityManager, sources: readonly CollectiveInventoryFigures[]): Promise<OrganizationRow[]> {
  if (sources.length === 0) refuseCommand('NO_SOURCE_ORGANIZATION', '[]', '没有被合并的集体经济组织', 'No source collective given');
  const ids = sources.map((s) => String(s.organizationId));
  for (const id of ids) if (!isUuid(id)) refuseCommand('SOURCE_ORGANIZATION_UNKNOWN', id, '集体经济组织不存在', 'Collective organisation not found');
  const rows = (await manager.query(`SELECT id, village_code, status, parent_id, development_model FROM collective_organization WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids])) as OrganizationRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const s of sources) {
    const row = byId.get(s.organizationId);
    if (!row || row.village_code !== s.villageCode) refuseCommand('SOURCE_ORGANIZATION_UNKNOWN', s.organizationId, '该村的集体经济组织不存在', 'No such collective organisation in the village');
    if (row.status !== 'ACTIVE' || row.parent_id !== null) refuseCommand('SOURCE_ORGANIZATION_NOT_ACTIVE', s.organizationId, '集体经济组织已合并或注销', 'The collective organisation is merged or dissolved');
  }
  const actual = new Map((await collectiveInventory(manager, ids)).map((f) => [f.organizationId, f]));
  for (const s of sources) {
    const now = actual.get(s.organizationId);
    for (const figure of FIGURES) {
      if (String(now?.[figure]) !== String(s[figure])) {
        refuseCommand(
          'INVENTORY_CHANGED',
          `${s.villageCode}.${figure}=${String(now?.[figure])}≠${String(s[figure])}`,
          '清产核资确认后账面已变化（四不变：按确认数合并）',
          'The ledger changed after the inventory was confirmed (the merger keeps the confirmed figures)',
        );
      }
    }
  }
  return rows;
}

/**
 * 合并 applies a merger command in the consumer's transaction: checks every source collective and its
 * ledger against the confirmed inventory (a difference refuses the step and writes nothing), finds
 * the merged village's organisation — the target's own collective when the target is a source, else
 * one registered in the target village, else a new one registered from the command (standard chart
 * included) — and makes every other source collective its sub-organisation (`parentId`, status
 * MERGED). 四不变: ledgers, members, shares and village codes are not touched.
 */
export async function applyEconomyMerger(manager: EntityManager, c: EconomyMergerApplyCommand): Promise<void> {
  const sagaId = String(c.sagaId);
  if (!isSagaId(sagaId)) return reply(manager, 'economy.merger.refused', refusedReply(sagaId, new CommandRefusal('SAGA_ID', sagaId, '事务标识须为 UUID', 'The saga id must be a UUID')));
  const [logged] = (await manager.query(`SELECT reply FROM economy_merger_log WHERE saga_id = $1`, [sagaId])) as { reply: EconomyMergerAppliedReply }[];
  if (logged) return reply(manager, 'economy.merger.applied', logged.reply);
  let parentId: string;
  let created = false;
  let children: string[];
  try {
    if (!isRegionCode(c.targetCode)) refuseCommand('TARGET_CODE', String(c.targetCode), '目标村代码须为12位数字', 'The target code must be 12 digits');
    const sources = await checkSources(manager, Array.isArray(c.sources) ? c.sources : []);
    const own = c.sources.find((s) => s.villageCode === c.targetCode);
    const [registered] = own
      ? [{ id: own.organizationId }]
      : ((await manager.query(`SELECT id FROM collective_organization WHERE village_code = $1 AND parent_id IS NULL AND status = 'ACTIVE' ORDER BY created_at, id LIMIT 1`, [c.targetCode])) as { id: string }[]);
    if (registered) {
      parentId = registered.id;
    } else {
      const org = c.newOrganization;
      if (!org || !org.name?.trim()) refuseCommand('NEW_ORGANIZATION_REQUIRED', c.targetCode, '新村须登记集体经济组织（名称与统一社会信用代码）', 'The new village needs its collective organisation (name and credit code)');
      const problem = creditCodeProblem(org.creditCode);
      if (problem) refuseCommand(problem.rule, org.creditCode, '统一社会信用代码无效', 'The unified social credit code is invalid');
      const [taken] = (await manager.query(`SELECT id FROM collective_organization WHERE credit_code = $1`, [org.creditCode])) as unknown[];
      if (taken) refuseCommand('CREDIT_CODE_TAKEN', org.creditCode, '统一社会信用代码已被登记', 'The unified social credit code is already registered');
      const [row] = (await manager.query(
        `INSERT INTO collective_organization (county_code, village_code, name, credit_code, founded_on, development_model)
         VALUES ($1, $2, $3, $4, $5::date, $6) RETURNING id`,
        [countyOf(c.targetCode), c.targetCode, org.name.trim(), org.creditCode, c.effectiveDate, sources[0].development_model],
      )) as { id: string }[];
      parentId = row.id;
      created = true;
      await runRegistrationHooks(manager, await manager.findOneByOrFail(CollectiveOrganization, { id: parentId }));
    }
    children = c.sources.map((s) => s.organizationId).filter((id) => id !== parentId);
  } catch (error) {
    if (!(error instanceof CommandRefusal)) throw error;
    return reply(manager, 'economy.merger.refused', refusedReply(sagaId, error));
  }
  const applied: EconomyMergerAppliedReply = { sagaId, organizationId: parentId, createdOrganization: created, subOrganizationIds: [...children].sort() };
  await manager.query(`INSERT INTO economy_merger_log (saga_id, organization_id, created_organization, state, reply) VALUES ($1, $2, $3, 'APPLIED', $4::jsonb)`, [
    sagaId,
    parentId,
    created,
    JSON.stringify(applied),
  ]);
  await manager.query(
    `INSERT INTO economy_merger_move (saga_id, organization_id, old_parent_id, old_status) SELECT $1, id, parent_id, status FROM collective_organization WHERE id = ANY($2::uuid[])`,
    [sagaId, children],
  );
  await manager.query(`UPDATE collective_organization SET parent_id = $1, status = 'MERGED', version = version + 1 WHERE id = ANY($2::uuid[])`, [parentId, children]);
  await reply(manager, 'economy.merger.applied', applied);
}

/**
 * 补偿 restores each source collective's parent and status from the saga's log and removes the
 * organisation the merger registered (with its chart of accounts); replies `compensated`.
 */
export async function compensateEconomyMerger(manager: EntityManager, sagaId: string): Promise<void> {
  const [logged] = isSagaId(sagaId)
    ? ((await manager.query(`SELECT organization_id, created_organization, state FROM economy_merger_log WHERE saga_id = $1 FOR UPDATE`, [sagaId])) as {
        organization_id: string;
        created_organization: boolean;
        state: string;
      }[])
    : [];
  if (logged?.state === 'APPLIED') {
    await manager.query(
      `UPDATE collective_organization o SET parent_id = m.old_parent_id, status = m.old_status, version = o.version + 1
         FROM economy_merger_move m WHERE m.saga_id = $1 AND o.id = m.organization_id`,
      [sagaId],
    );
    if (logged.created_organization) {
      await manager.query(`DELETE FROM ledger_account WHERE organization_id = $1`, [logged.organization_id]);
      await manager.query(`DELETE FROM collective_organization WHERE id = $1`, [logged.organization_id]);
    }
    await manager.query(`UPDATE economy_merger_log SET state = 'COMPENSATED', compensated_at = now() WHERE saga_id = $1`, [sagaId]);
  }
  await reply(manager, 'economy.merger.compensated', { sagaId });
}

/** 村建制调整 the consumer of the economy merger commands (one saga's commands in order). */
export const economyMergerConsumer = defineMergerConsumer({
  name: 'economy-village-merger',
  subjects: ECONOMY_MERGER_SUBJECTS,
  apply: (payload, { manager }) => applyEconomyMerger(manager, payload as unknown as EconomyMergerApplyCommand),
  compensate: (sagaId, { manager }) => compensateEconomyMerger(manager, sagaId),
});
