import { countyOf, isUuid, isRegionCode, recordOutboxEvents, todayInChina, type PolicyRegistry } from '@xiangzhi/kernel';
import { CommandRefusal, defineMergerConsumer, isSagaId, refuseCommand, refusedReply } from '@xiangzhi/grids-api';
import {
  DepartureType,
  PERSONNEL_MERGER_SUBJECTS,
  postTemplatePolicyPoint,
  type PersonnelMergerApplyCommand,
  type PersonnelMergerAppliedReply,
  type PersonnelMergerReplies,
  type PostTemplateEntry,
} from '@xiangzhi/personnel-api';
import type { EntityManager } from 'typeorm';
import { PERSONNEL_EVENT_TABLE, recordEvent } from '../shared/outbox';
import { villageKindOf } from '../shared/village-kind';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MERGER_REASON = '村建制调整';

async function reply<N extends keyof PersonnelMergerReplies>(manager: EntityManager, name: N, payload: PersonnelMergerReplies[N]): Promise<void> {
  await recordOutboxEvents(manager, PERSONNEL_EVENT_TABLE, name, [payload]);
}

interface CadreRow {
  id: string;
  village_code: string;
  status: string;
  latest_start: string | null;
}

/** Checks every decision against the cadre as personnel now holds it and the template's posts; throws a CommandRefusal. */
async function check(manager: EntityManager, policies: PolicyRegistry, c: PersonnelMergerApplyCommand): Promise<{ entries: PostTemplateEntry[]; templateName: string; source: string }> {
  if (!isRegionCode(c.targetCode)) refuseCommand('TARGET_CODE', String(c.targetCode), '目标村代码须为12位数字', 'The target code must be 12 digits');
  const kind = villageKindOf(c.targetCode);
  if (!kind) refuseCommand('TARGET_CODE', c.targetCode, '目标村代码后三位须为001–399', 'The village part of the target code must be 001–399');
  if (!DATE.test(String(c.effectiveDate))) refuseCommand('EFFECTIVE_DATE', String(c.effectiveDate), '生效日期格式错误', 'The effective date is malformed');
  if (c.effectiveDate > todayInChina()) refuseCommand('EFFECTIVE_DATE_FUTURE', c.effectiveDate, '生效日期尚未到来', 'The effective date has not come yet');
  const cadres = Array.isArray(c.cadres) ? c.cadres : [];
  for (const d of cadres) if (!isUuid(String(d.cadreId))) refuseCommand('CADRE_UNKNOWN', String(d.cadreId), '干部不存在', 'Cadre not found');
  const rows = (await manager.query(
    `SELECT c.id, c.village_code, c.status, (SELECT max(a.start_date)::text FROM post_assignment a WHERE a.cadre_id = c.id AND a.end_date IS NULL) AS latest_start
       FROM cadre c WHERE c.id = ANY($1::uuid[]) ORDER BY c.id FOR UPDATE`,
    [cadres.map((d) => d.cadreId)],
  )) as CadreRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const { policy, source } = policies.resolve(postTemplatePolicyPoint, c.targetCode);
  const entries = policy.postsFor({ code: c.targetCode, kind });
  const codes = new Set(entries.map((e) => e.code));
  const taken = new Set<string>();
  for (const d of cadres) {
    const row = byId.get(d.cadreId);
    if (!row) refuseCommand('CADRE_UNKNOWN', d.cadreId, '干部不存在', 'Cadre not found');
    if (row.status !== 'ACTIVE' || row.village_code !== d.villageCode) {
      refuseCommand('CADRE_STATE_CHANGED', `${d.cadreId}:${row.status}@${row.village_code}`, '干部状况与分流方案不符（已离任、停职或不在原村）', 'The cadre no longer matches the diversion decision (left, suspended or in another village)');
    }
    if (row.latest_start && row.latest_start > c.effectiveDate) {
      refuseCommand('ASSIGNMENT_AFTER_EFFECTIVE_DATE', `${d.cadreId}:${row.latest_start}`, '干部现任职务始于生效日期之后', 'The cadre’s current post began after the effective date');
    }
    if (d.decision === 'KEPT') {
      if (!d.postCode || !codes.has(d.postCode)) refuseCommand('POST_NOT_IN_TEMPLATE', String(d.postCode), '新班子岗位不在定岗模板中', 'The post is not in the county’s post template');
      if (taken.has(d.postCode)) refuseCommand('POST_TWICE', d.postCode, '同一岗位只能留任一人', 'One cadre per post of the new team');
      taken.add(d.postCode);
    } else if (d.decision === 'LEAVING') {
      if (!/^\d{1,15}$/.test(String(d.subsidyFen ?? ''))) refuseCommand('SUBSIDY_FEN', String(d.subsidyFen), '离任补助须为非负整数（分）', 'The departure subsidy must be a whole number of fen, not negative');
    } else if (d.decision !== 'MOVED') {
      refuseCommand('DECISION', String(d.decision), '分流决定须为 KEPT、MOVED 或 LEAVING', 'The decision must be KEPT, MOVED or LEAVING');
    }
  }
  const held = (await manager.query(`SELECT code FROM post WHERE village_code = $1 AND code = ANY($2::text[]) AND holder_id IS NOT NULL AND NOT (holder_id = ANY($3::uuid[]))`, [
    c.targetCode,
    [...taken],
    cadres.map((d) => d.cadreId),
  ])) as { code: string }[];
  if (held.length > 0) refuseCommand('POST_HELD', held[0].code, '新村该岗位已有任职人员', 'The post of the merged village already has a holder');
  return { entries, templateName: policy.templateName, source };
}

/**
 * 合并 applies the personnel command in the consumer's transaction: the template's posts the merged
 * village lacks are created; every decided cadre's open assignments end on the effective date and
 * their posts fall vacant; KEPT cadres move to the merged village and hold their new post from the
 * effective date (`personnel.cadre.appointed`); LEAVING cadres leave on that date with the departure
 * subsidy recorded (`personnel.cadre.discharged`); MOVED cadres keep their record with no post here.
 * Each change is logged with the previous state; a decision that no longer matches the cadre refuses
 * the whole command, which then writes nothing but its refusal.
 */
export async function applyPersonnelMerger(manager: EntityManager, policies: PolicyRegistry, c: PersonnelMergerApplyCommand): Promise<void> {
  const sagaId = String(c.sagaId);
  if (!isSagaId(sagaId)) return reply(manager, 'personnel.merger.refused', refusedReply(sagaId, new CommandRefusal('SAGA_ID', sagaId, '事务标识须为 UUID', 'The saga id must be a UUID')));
  const [logged] = (await manager.query(`SELECT reply FROM personnel_merger_log WHERE saga_id = $1`, [sagaId])) as { reply: PersonnelMergerAppliedReply }[];
  if (logged) return reply(manager, 'personnel.merger.applied', logged.reply);
  let template: Awaited<ReturnType<typeof check>>;
  try {
    template = await check(manager, policies, c);
  } catch (error) {
    if (!(error instanceof CommandRefusal)) throw error;
    return reply(manager, 'personnel.merger.refused', refusedReply(sagaId, error));
  }
  const t = c.targetCode;
  const county = countyOf(t) as string;
  const ids = c.cadres.map((d) => d.cadreId);
  const kept = c.cadres.filter((d) => d.decision === 'KEPT');
  const leaving = c.cadres.filter((d) => d.decision === 'LEAVING');
  await manager.query(`INSERT INTO personnel_merger_log (saga_id, target_code, state, reply) VALUES ($1, $2, 'APPLIED', '{}')`, [sagaId, t]);
  const change = (kind: string, select: string, params: unknown[]) =>
    manager.query(`INSERT INTO personnel_merger_change (saga_id, kind, row_id, old) ${select}`, [sagaId, ...params]);
  const decision = JSON.stringify({ policy: template.source, rule: 'POST_TEMPLATE', zh: `村建制调整：按定岗模板「${template.templateName}」设岗`, en: `village merger: post created by the template “${template.templateName}”` });
  const entries = template.entries;
  const created = (await manager.query(
    `WITH e AS (SELECT * FROM jsonb_to_recordset($3::jsonb) AS e(code text, title text, category text, responsibilities jsonb, targets jsonb, "fullTime" boolean, "leaveApprover" text)),
          ins AS (INSERT INTO post (county_code, village_code, code, title, category, responsibilities, targets, full_time, leave_approver, template, active)
                  SELECT $1, $2, e.code, e.title, e.category, e.responsibilities, e.targets, e."fullTime", e."leaveApprover", $4::jsonb, true FROM e
                   WHERE NOT EXISTS (SELECT 1 FROM post p WHERE p.village_code = $2 AND p.code = e.code) RETURNING id)
     SELECT id FROM ins`,
    [county, t, JSON.stringify(entries.map((e) => ({ ...e, targets: e.targets.map((x) => ({ title: x.title, measure: x.measure, target: x.target })) }))), decision],
  )) as { id: string }[];
  await change('POST_CREATED', `SELECT $1, 'POST_CREATED', id, NULL FROM unnest($2::uuid[]) AS id`, [created.map((r) => r.id)]);
  await change('CADRE', `SELECT $1, 'CADRE', id, jsonb_build_object('villageCode', village_code, 'status', status, 'departureType', departure_type, 'departureDate', departure_date::text, 'departureReason', departure_reason) FROM cadre WHERE id = ANY($2::uuid[])`, [ids]);
  await change('ASSIGNMENT_ENDED', `SELECT $1, 'ASSIGNMENT_ENDED', id, NULL FROM post_assignment WHERE cadre_id = ANY($2::uuid[]) AND end_date IS NULL`, [ids]);
  await change('POST_HOLDER', `SELECT $1, 'POST_HOLDER', id, jsonb_build_object('holderId', holder_id) FROM post WHERE holder_id = ANY($2::uuid[])`, [ids]);
  await manager.query(`UPDATE post_assignment SET end_date = $2::date, end_reason = $3 WHERE cadre_id = ANY($1::uuid[]) AND end_date IS NULL`, [ids, c.effectiveDate, MERGER_REASON]);
  await manager.query(`UPDATE post SET holder_id = NULL, version = version + 1 WHERE holder_id = ANY($1::uuid[])`, [ids]);
  if (kept.length > 0) {
    const keptIds = kept.map((d) => d.cadreId);
    const postCodes = kept.map((d) => d.postCode as string);
    await manager.query(`UPDATE cadre SET village_code = $2, version = version + 1 WHERE id = ANY($1::uuid[])`, [keptIds, t]);
    const assigned = (await manager.query(
      `WITH k AS (SELECT * FROM unnest($1::uuid[], $2::text[]) AS k(cadre_id, post_code)),
            p AS (UPDATE post SET holder_id = k.cadre_id, version = post.version + 1 FROM k WHERE post.village_code = $3 AND post.code = k.post_code RETURNING post.id, post.holder_id),
            a AS (INSERT INTO post_assignment (county_code, village_code, post_id, cadre_id, start_date, vetting)
                  SELECT $4, $3, p.id, p.holder_id, $5::date, '[]'::jsonb FROM p RETURNING id, post_id, cadre_id)
       SELECT id, post_id, cadre_id FROM a ORDER BY cadre_id`,
      [keptIds, postCodes, t, county, c.effectiveDate],
    )) as { id: string; post_id: string; cadre_id: string }[];
    await change('ASSIGNMENT_CREATED', `SELECT $1, 'ASSIGNMENT_CREATED', id, NULL FROM unnest($2::uuid[]) AS id`, [assigned.map((a) => a.id)]);
    for (const a of assigned) await recordEvent(manager, 'personnel.cadre.appointed', { cadreId: a.cadre_id, postId: a.post_id, villageCode: t, date: c.effectiveDate });
  }
  if (leaving.length > 0) {
    const leavingIds = leaving.map((d) => d.cadreId);
    await manager.query(
      `UPDATE cadre SET status = 'LEFT', departure_type = 'NORMAL', departure_date = $2::date, departure_reason = $3, version = version + 1 WHERE id = ANY($1::uuid[])`,
      [leavingIds, c.effectiveDate, `${MERGER_REASON}分流离任`],
    );
    await manager.query(
      `INSERT INTO cadre_departure_subsidy (cadre_id, saga_id, county_code, village_code, amount_fen, decided_on)
       SELECT v.cadre_id, $1, $2, v.village_code, v.amount, $3::date FROM unnest($4::uuid[], $5::text[], $6::bigint[]) AS v(cadre_id, village_code, amount)`,
      [sagaId, county, c.effectiveDate, leavingIds, leaving.map((d) => d.villageCode), leaving.map((d) => d.subsidyFen)],
    );
    for (const d of leaving) await recordEvent(manager, 'personnel.cadre.discharged', { cadreId: d.cadreId, villageCode: d.villageCode, departureType: DepartureType.NORMAL, date: c.effectiveDate });
  }
  const applied: PersonnelMergerAppliedReply = { sagaId, postsCreated: created.length, kept: kept.length, moved: c.cadres.length - kept.length - leaving.length, left: leaving.length };
  await manager.query(`UPDATE personnel_merger_log SET reply = $2::jsonb WHERE saga_id = $1`, [sagaId, JSON.stringify(applied)]);
  await reply(manager, 'personnel.merger.applied', applied);
}

/**
 * 补偿 undoes exactly what the saga's command did, from its log: the assignments it created are
 * removed and those it ended reopened, post holders and cadres' village, status and departure
 * restored, the subsidies and the posts it created removed; each cadre back in a post is announced
 * again (`personnel.cadre.appointed`). Replies `compensated`.
 */
export async function compensatePersonnelMerger(manager: EntityManager, sagaId: string): Promise<void> {
  const [logged] = isSagaId(sagaId) ? ((await manager.query(`SELECT state FROM personnel_merger_log WHERE saga_id = $1 FOR UPDATE`, [sagaId])) as { state: string }[]) : [];
  if (logged?.state === 'APPLIED') {
    const of = (kind: string) => `FROM personnel_merger_change m WHERE m.saga_id = $1 AND m.kind = '${kind}'`;
    await manager.query(`UPDATE post SET holder_id = NULL, version = post.version + 1 WHERE id IN (SELECT a.post_id FROM post_assignment a JOIN personnel_merger_change m ON m.row_id = a.id AND m.saga_id = $1 AND m.kind = 'ASSIGNMENT_CREATED')`, [sagaId]);
    await manager.query(`DELETE FROM post_assignment a USING personnel_merger_change m WHERE m.saga_id = $1 AND m.kind = 'ASSIGNMENT_CREATED' AND a.id = m.row_id`, [sagaId]);
    await manager.query(`UPDATE post_assignment a SET end_date = NULL, end_reason = NULL ${of('ASSIGNMENT_ENDED')} AND a.id = m.row_id`, [sagaId]);
    await manager.query(`UPDATE post p SET holder_id = (m.old->>'holderId')::uuid, version = p.version + 1 ${of('POST_HOLDER')} AND p.id = m.row_id`, [sagaId]);
    await manager.query(
      `UPDATE cadre c SET village_code = m.old->>'villageCode', status = m.old->>'status', departure_type = m.old->>'departureType',
              departure_date = (m.old->>'departureDate')::date, departure_reason = m.old->>'departureReason', version = c.version + 1 ${of('CADRE')} AND c.id = m.row_id`,
      [sagaId],
    );
    await manager.query(`DELETE FROM cadre_departure_subsidy WHERE saga_id = $1`, [sagaId]);
    await manager.query(`DELETE FROM post p USING personnel_merger_change m WHERE m.saga_id = $1 AND m.kind = 'POST_CREATED' AND p.id = m.row_id`, [sagaId]);
    const back = (await manager.query(
      `SELECT a.cadre_id, a.post_id, a.village_code, a.start_date::text AS start_date FROM post_assignment a JOIN personnel_merger_change m ON m.saga_id = $1 AND m.kind = 'ASSIGNMENT_ENDED' AND a.id = m.row_id ORDER BY a.cadre_id, a.post_id`,
      [sagaId],
    )) as { cadre_id: string; post_id: string; village_code: string; start_date: string }[];
    for (const a of back) await recordEvent(manager, 'personnel.cadre.appointed', { cadreId: a.cadre_id, postId: a.post_id, villageCode: a.village_code, date: a.start_date });
    await manager.query(`UPDATE personnel_merger_log SET state = 'COMPENSATED', compensated_at = now() WHERE saga_id = $1`, [sagaId]);
  }
  await reply(manager, 'personnel.merger.compensated', { sagaId });
}

/** 村建制调整 the consumer of the personnel merger commands (one saga's commands in order). */
export const personnelMergerConsumer = defineMergerConsumer({
  name: 'personnel-village-merger',
  subjects: PERSONNEL_MERGER_SUBJECTS,
  apply: (payload, { manager, policies }) => applyPersonnelMerger(manager, policies, payload as unknown as PersonnelMergerApplyCommand),
  compensate: (sagaId, { manager }) => compensatePersonnelMerger(manager, sagaId),
});
