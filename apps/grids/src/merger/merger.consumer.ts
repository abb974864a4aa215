import { countyOf, isRegionCode, recordOutboxEvents } from '@xiangzhi/kernel';
import { CommandRefusal, defineMergerConsumer, GRIDS_MERGER_SUBJECTS, isSagaId, refuseCommand, refusedReply, type GridsMergerApplyCommand, type GridsMergerAppliedReply, type GridsMergerReplies } from '@xiangzhi/grids-api';
import type { EntityManager } from 'typeorm';
import { GRIDS_EVENT_TABLE, REGION_UPSERTED_PAYLOAD_SQL, RESIDENT_UPSERTED_PAYLOAD_SQL } from '../events/outbox';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

async function reply<N extends keyof GridsMergerReplies>(manager: EntityManager, name: N, payload: GridsMergerReplies[N]): Promise<void> {
  await recordOutboxEvents(manager, GRIDS_EVENT_TABLE, name, [payload]);
}



interface RegionRow {
  code: string;
  level: string;
  valid_from: string;
  valid_to: string | null;
}

/** Checks the command against the regions before anything is written; throws a Refusal naming the rule and value. */
async function check(manager: EntityManager, c: GridsMergerApplyCommand): Promise<{ movers: string[]; createTarget: boolean }> {
  if (!isSagaId(c.sagaId)) refuseCommand('SAGA_ID', String(c.sagaId), '事务标识须为 UUID', 'The saga id must be a UUID');
  if (!DATE.test(String(c.effectiveDate))) refuseCommand('EFFECTIVE_DATE', String(c.effectiveDate), '生效日期格式错误', 'The effective date is malformed');
  const sources = Array.isArray(c.sourceCodes) ? c.sourceCodes.map(String) : [];
  if (new Set(sources).size < 2 || new Set(sources).size !== sources.length) refuseCommand('SOURCES_AT_LEAST_TWO', sources.join(','), '被合并村须为至少两个不同的村', 'At least two distinct source villages are required');
  if (!isRegionCode(c.targetCode)) refuseCommand('TARGET_CODE', String(c.targetCode), '目标村代码须为12位数字', 'The target code must be 12 digits');
  const county = countyOf(c.targetCode);
  const rows = (await manager.query(`SELECT code, level, valid_from::text AS valid_from, valid_to::text AS valid_to FROM region WHERE code = ANY($1::text[]) FOR UPDATE`, [[...sources, c.targetCode]])) as RegionRow[];
  const byCode = new Map(rows.map((r) => [r.code, r]));
  for (const code of sources) {
    const r = byCode.get(code);
    if (!r || r.level !== 'VILLAGE') refuseCommand('SOURCE_UNKNOWN', code, '被合并村不存在', 'Source village not found');
    if (r.valid_to !== null) refuseCommand('SOURCE_RETIRED', code, '被合并村代码已停用', 'The source village code is retired');
    if (countyOf(code) !== county) refuseCommand('SOURCE_OTHER_COUNTY', code, '被合并村须与目标村同属一个区县', 'Every source village must be in the target’s county');
    if (r.valid_from > c.effectiveDate) refuseCommand('EFFECTIVE_BEFORE_VALID_FROM', code, '生效日期早于被合并村代码的启用日期', 'The effective date precedes the source code’s valid-from');
  }
  const createTarget = !sources.includes(c.targetCode);
  if (createTarget) {
    if (byCode.has(c.targetCode)) refuseCommand('TARGET_CODE_TAKEN', c.targetCode, '新村代码已被使用', 'The new village code is already in use');
    const township = `${c.targetCode.slice(0, 9)}000`;
    const [parent] = (await manager.query(`SELECT code FROM region WHERE code = $1 AND level = 'TOWNSHIP' AND valid_to IS NULL`, [township])) as { code: string }[];
    if (!parent) refuseCommand('TARGET_TOWNSHIP_UNKNOWN', township, '新村所属乡镇不存在或已停用', 'The township of the new village is unknown or retired');
    if (!String(c.targetName ?? '').trim()) refuseCommand('TARGET_NAME', String(c.targetName), '新村名称不能为空', 'The new village needs a name');
  }
  const movers = sources.filter((s) => s !== c.targetCode);
  const [{ n }] = (await manager.query(
    `SELECT (SELECT coalesce(max(substr(code, 13, 3)::int), 0) FROM grid WHERE village_code = $1) + (SELECT count(*) FROM grid WHERE village_code = ANY($2::text[]))::int AS n`,
    [c.targetCode, movers],
  )) as { n: number }[];
  if (Number(n) > 999) refuseCommand('GRID_SEQUENCE_FULL', String(n), '合并后网格数超过三位序号', 'The merged village would need more than 999 grid numbers');
  return { movers, createTarget };
}

/**
 * 合并 applies a merger command in the consumer's transaction: the new village region (valid from the
 * effective date), the other sources retired from that date, their zones (renamed `原村名·片区`),
 * grids (renumbered after the target's), households (numbered `<source village digits>-<number>`),
 * residents and grid workers moved to the target — each a set-based statement, the previous state
 * logged first — and `grids.region.upserted` / `retired` and `grids.resident.upserted` recorded for
 * the other subgraphs' projections. A command that breaks a rule writes nothing but its refusal.
 */
export async function applyVillageMerger(manager: EntityManager, c: GridsMergerApplyCommand): Promise<void> {
  const [logged] = (await manager.query(`SELECT reply FROM village_merger_log WHERE saga_id = $1::uuid`, [isSagaId(c.sagaId) ? c.sagaId : '00000000-0000-0000-0000-000000000000'])) as { reply: GridsMergerAppliedReply }[];
  if (logged) return reply(manager, 'grids.merger.applied', logged.reply);
  let plan: { movers: string[]; createTarget: boolean };
  try {
    plan = await check(manager, c);
  } catch (error) {
    if (!(error instanceof CommandRefusal)) throw error;
    return reply(manager, 'grids.merger.refused', refusedReply(String(c.sagaId), error));
  }
  const { movers, createTarget } = plan;
  const t = c.targetCode;
  const s = c.sagaId;
  await manager.query(`INSERT INTO village_merger_log (saga_id, target_code, created_target, effective_date, state, reply) VALUES ($1, $2, $3, $4::date, 'APPLIED', '{}')`, [s, t, createTarget, c.effectiveDate]);
  if (createTarget) {
    await manager.query(
      `WITH r AS (INSERT INTO region (code, name, level, parent_code, county_code, valid_from) VALUES ($1, $2, 'VILLAGE', $3, $4, $5::date) RETURNING *)
       INSERT INTO ${GRIDS_EVENT_TABLE} (name, payload) SELECT 'grids.region.upserted', ${REGION_UPSERTED_PAYLOAD_SQL} FROM r`,
      [t, c.targetName.trim(), `${t.slice(0, 9)}000`, countyOf(t), c.effectiveDate],
    );
  }
  // the previous state, one statement per kind
  const log = (kind: string, select: string) => manager.query(`INSERT INTO village_merger_move (saga_id, kind, row_key, old_village_code, old_value) ${select}`, [s, movers]);
  await log('REGION', `SELECT $1, 'REGION', code, code, valid_to::text FROM region WHERE code = ANY($2::text[])`);
  await log('ZONE', `SELECT $1, 'ZONE', id::text, village_code, name FROM zone WHERE village_code = ANY($2::text[])`);
  await log('GRID', `SELECT $1, 'GRID', id::text, village_code, code FROM grid WHERE village_code = ANY($2::text[])`);
  await log('HOUSEHOLD', `SELECT $1, 'HOUSEHOLD', id::text, village_code, number FROM household WHERE village_code = ANY($2::text[])`);
  await log('RESIDENT', `SELECT $1, 'RESIDENT', id::text, village_code, NULL FROM resident WHERE village_code = ANY($2::text[])`);
  await log('GRID_WORKER', `SELECT $1, 'GRID_WORKER', id::text, village_code, NULL FROM grid_worker WHERE village_code = ANY($2::text[])`);
  await manager.query(
    `UPDATE zone z SET village_code = $1, name = r.name || '·' || z.name, version = z.version + 1 FROM region r WHERE r.code = z.village_code AND z.village_code = ANY($2::text[])`,
    [t, movers],
  );
  const [{ n: grids }] = (await manager.query(
    `WITH base AS (SELECT coalesce(max(substr(code, 13, 3)::int), 0) AS n FROM grid WHERE village_code = $1),
          seq AS (SELECT id, row_number() OVER (ORDER BY village_code, code) AS rn FROM grid WHERE village_code = ANY($2::text[])),
          moved AS (UPDATE grid g SET village_code = $1, code = $1 || lpad((base.n + seq.rn)::text, 3, '0'), version = g.version + 1
                      FROM seq, base WHERE g.id = seq.id RETURNING g.id)
     SELECT count(*)::int AS n FROM moved`,
    [t, movers],
  )) as { n: number }[];
  const [{ n: households }] = (await manager.query(
    `WITH moved AS (UPDATE household SET village_code = $1, number = substr(village_code, 10, 3) || '-' || number, version = version + 1
                     WHERE village_code = ANY($2::text[]) RETURNING id)
     SELECT count(*)::int AS n FROM moved`,
    [t, movers],
  )) as { n: number }[];
  const [{ n: residents }] = (await manager.query(
    `WITH r AS (UPDATE resident SET village_code = $1, version = version + 1 WHERE village_code = ANY($2::text[]) RETURNING *),
          ev AS (INSERT INTO ${GRIDS_EVENT_TABLE} (name, payload) SELECT 'grids.resident.upserted', ${RESIDENT_UPSERTED_PAYLOAD_SQL} FROM r ORDER BY r.id RETURNING 1)
     SELECT count(*)::int AS n FROM ev`,
    [t, movers],
  )) as { n: number }[];
  await manager.query(`UPDATE grid_worker SET village_code = $1, version = version + 1 WHERE village_code = ANY($2::text[])`, [t, movers]);
  await manager.query(
    `WITH r AS (UPDATE region SET valid_to = $1::date, updated_at = now() WHERE code = ANY($2::text[]) RETURNING code, valid_to)
     INSERT INTO ${GRIDS_EVENT_TABLE} (name, payload) SELECT 'grids.region.retired', jsonb_build_object('code', r.code, 'validTo', to_char(r.valid_to, 'YYYY-MM-DD')) FROM r ORDER BY r.code`,
    [c.effectiveDate, movers],
  );
  const applied: GridsMergerAppliedReply = {
    sagaId: s,
    targetCode: t,
    createdTarget: createTarget,
    retiredCodes: [...movers].sort(),
    grids: Number(grids),
    households: Number(households),
    residents: Number(residents),
  };
  await manager.query(`UPDATE village_merger_log SET reply = $2::jsonb WHERE saga_id = $1`, [s, JSON.stringify(applied)]);
  await reply(manager, 'grids.merger.applied', applied);
}

/**
 * 补偿 restores what the saga's merger moved, from its log: residents, grid workers, households,
 * grids and zones back to their village, codes, numbers and names; the retired codes current again
 * (`grids.region.upserted`); a village code the merger created removed (`grids.region.retired` on
 * its first day, for the projections). Nothing logged: nothing to undo. Replies `compensated`.
 */
export async function compensateVillageMerger(manager: EntityManager, sagaId: string): Promise<void> {
  const [logged] = isSagaId(sagaId)
    ? ((await manager.query(`SELECT target_code, created_target, effective_date::text AS effective_date, state FROM village_merger_log WHERE saga_id = $1 FOR UPDATE`, [sagaId])) as {
        target_code: string;
        created_target: boolean;
        effective_date: string;
        state: string;
      }[])
    : [];
  if (logged?.state === 'APPLIED') {
    const moved = (kind: string) => `FROM village_merger_move m WHERE m.saga_id = $1 AND m.kind = '${kind}'`;
    await manager.query(
      `WITH r AS (UPDATE resident r SET village_code = m.old_village_code, version = r.version + 1 ${moved('RESIDENT')} AND r.id = m.row_key::uuid RETURNING r.*)
       INSERT INTO ${GRIDS_EVENT_TABLE} (name, payload) SELECT 'grids.resident.upserted', ${RESIDENT_UPSERTED_PAYLOAD_SQL} FROM r ORDER BY r.id`,
      [sagaId],
    );
    await manager.query(`UPDATE grid_worker w SET village_code = m.old_village_code, version = w.version + 1 ${moved('GRID_WORKER')} AND w.id = m.row_key::uuid`, [sagaId]);
    await manager.query(`UPDATE household h SET village_code = m.old_village_code, number = m.old_value, version = h.version + 1 ${moved('HOUSEHOLD')} AND h.id = m.row_key::uuid`, [sagaId]);
    await manager.query(`UPDATE grid g SET village_code = m.old_village_code, code = m.old_value, version = g.version + 1 ${moved('GRID')} AND g.id = m.row_key::uuid`, [sagaId]);
    await manager.query(`UPDATE zone z SET village_code = m.old_village_code, name = m.old_value, version = z.version + 1 ${moved('ZONE')} AND z.id = m.row_key::uuid`, [sagaId]);
    await manager.query(
      `WITH r AS (UPDATE region r SET valid_to = m.old_value::date, updated_at = now() ${moved('REGION')} AND r.code = m.row_key RETURNING r.*)
       INSERT INTO ${GRIDS_EVENT_TABLE} (name, payload) SELECT 'grids.region.upserted', ${REGION_UPSERTED_PAYLOAD_SQL} FROM r ORDER BY r.code`,
      [sagaId],
    );
    if (logged.created_target) {
      await manager.query(`DELETE FROM region WHERE code = $1`, [logged.target_code]);
      await manager.query(`DELETE FROM region_counter WHERE prefix = $1 AND households = 0 AND residents = 0 AND grids = 0`, [logged.target_code]);
      await recordOutboxEvents(manager, GRIDS_EVENT_TABLE, 'grids.region.retired', [{ code: logged.target_code, validTo: logged.effective_date }]);
    }
    await manager.query(`UPDATE village_merger_log SET state = 'COMPENSATED', compensated_at = now() WHERE saga_id = $1`, [sagaId]);
  }
  await reply(manager, 'grids.merger.compensated', { sagaId: String(sagaId) });
}

/** 村建制调整 the consumer of the grids merger commands (one saga's commands in order). */
export const villageMergerConsumer = defineMergerConsumer({
  name: 'grids-village-merger',
  subjects: GRIDS_MERGER_SUBJECTS,
  apply: (payload, { manager }) => applyVillageMerger(manager, payload as unknown as GridsMergerApplyCommand),
  compensate: (sagaId, { manager }) => compensateVillageMerger(manager, sagaId),
});
