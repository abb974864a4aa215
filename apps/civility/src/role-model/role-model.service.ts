import { checkReferences } from '@xiangzhi/grids-api';
import { ResidentRef } from '../shared/grids-stubs';
import { badInput, conflict, isUuid, mutate, mutateOnce, notFound, type RequestContext } from '@xiangzhi/kernel';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { CADRE_ROLES, CivilityAccess, MANAGER_ROLES } from '../shared/access';
import { addDays, countyCodeOf, requireNotFuture } from '../shared/checks';
import { rows, type Sql } from '../shared/sql';
import {
  RoleModelNomination,
  RoleModelObjection,
  RoleModelStatus,
  type DecideRoleModelObjectionInput,
  type NominateRoleModelInput,
  type ObjectToRoleModelInput,
  type SelectRoleModelInput,
} from './role-model.types';

/** 公示期 the public notice lasts seven days. */
export const NOTICE_DAYS = 7;

const NOMINATION = { zh: '典型推选', en: 'Role-model nomination' };

interface NominationRow {
  id: string;
  resident_id: string;
  village_code: string;
  category: string;
  year: number;
  deeds: string;
  status: RoleModelStatus;
  notice_from: string;
  notice_to: string;
  selected_on: string | null;
  objections: number;
  open_objections: number;
  upheld_objections: number;
}

const NOMINATION_SQL = `SELECT n.id::text AS id, n.resident_id::text AS resident_id, n.village_code, n.category, n.year, n.deeds, n.status,
  to_char(n.notice_from, 'YYYY-MM-DD') AS notice_from, to_char(n.notice_to, 'YYYY-MM-DD') AS notice_to, to_char(n.selected_on, 'YYYY-MM-DD') AS selected_on,
  (SELECT count(*) FROM role_model_objection o WHERE o.nomination_id = n.id)::int AS objections,
  (SELECT count(*) FROM role_model_objection o WHERE o.nomination_id = n.id AND o.status = 'OPEN')::int AS open_objections,
  (SELECT count(*) FROM role_model_objection o WHERE o.nomination_id = n.id AND o.status = 'UPHELD')::int AS upheld_objections
  FROM role_model_nomination n`;

function toNomination(r: NominationRow): RoleModelNomination {
  return Object.assign(new RoleModelNomination(), {
    id: r.id,
    resident: ResidentRef.of(r.resident_id),
    villageCode: r.village_code,
    category: r.category,
    year: r.year,
    deeds: r.deeds,
    status: r.status,
    noticeFrom: r.notice_from,
    noticeTo: r.notice_to,
    selectedOn: r.selected_on,
    objections: r.objections,
    openObjections: r.open_objections,
    upheldObjections: r.upheld_objections,
  });
}

async function nominationById(db: Sql | EntityManager, id: string): Promise<RoleModelNomination> {
  const [row] = isUuid(id) ? await rows<NominationRow>(db, `${NOMINATION_SQL} WHERE n.id = $1`, [id]) : [];
  if (!row) throw notFound(NOMINATION.zh, NOMINATION.en, id);
  return toNomination(row);
}

function refuse(field: string, rule: string, value: unknown, zh: string, en: string): never {
  throw badInput(`${zh}：${field} = ${String(value)}`, `${en}: ${field} = ${String(value)}`, { field, rule, value });
}

/** 推选 nominates a living resident in scope and starts the 7-day public notice (公示). */
export async function nominateRoleModel(ctx: RequestContext, input: NominateRoleModelInput): Promise<RoleModelNomination> {
  const access = CivilityAccess.of(ctx);
  access.requireRole(CADRE_ROLES);
  await checkReferences(ctx.dataSource, { residents: [{ field: 'residentId', id: input.residentId, living: true }] });
  const [{ village_code: village }] = await rows<{ village_code: string }>(ctx.dataSource, `SELECT village_code FROM resident_ref WHERE id = $1`, [input.residentId]);
  access.requireWrite(village, CADRE_ROLES);
  requireNotFuture(input.noticeFrom, 'noticeFrom', { zh: '公示开始日期', en: 'start of the notice' });
  return mutateOnce(
    ctx,
    { operation: 'nominateRoleModel', key: input.idempotencyKey, input, idOf: (n) => n.id, replay: (id) => nominationById(ctx.dataSource, id) },
    { action: 'nominateRoleModel', targetType: 'RoleModelNomination', regionCode: village, targetId: (n) => n.id, payload: { residentId: input.residentId, category: input.category, year: input.year } },
    async (m) => {
      const id = randomUUID();
      const done = await rows<{ id: string }>(
        m,
        `INSERT INTO role_model_nomination (id, county_code, village_code, resident_id, category, year, deeds, status, notice_from, notice_to, nominated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'ON_NOTICE', $8, $9, $10) ON CONFLICT (resident_id, category, year) DO NOTHING RETURNING id::text AS id`,
        [id, countyCodeOf(village), village, input.residentId, input.category, input.year, input.deeds.trim(), input.noticeFrom, addDays(input.noticeFrom, NOTICE_DAYS), ctx.actor.id],
      );
      if (done.length === 0) refuse('residentId', 'ALREADY_NOMINATED', input.residentId, `该居民已被推选为${input.year}年度同类典型`, `The resident is already nominated in this category for ${input.year}`);
      return nominationById(m, id);
    },
  );
}

/** 异议 an objection filed during the notice (any caller in scope who may write: cadres record objections they receive). */
export async function objectToRoleModel(ctx: RequestContext, input: ObjectToRoleModelInput): Promise<RoleModelObjection> {
  const n = await nominationById(ctx.dataSource, input.nominationId);
  const access = CivilityAccess.of(ctx);
  access.requireVisible(n.villageCode, { ...NOMINATION, key: input.nominationId });
  access.requireWrite(n.villageCode, CADRE_ROLES);
  requireNotFuture(input.filedOn, 'filedOn', { zh: '异议提出日期', en: 'date filed' });
  if (input.filedOn < n.noticeFrom || input.filedOn >= n.noticeTo) {
    refuse('filedOn', 'OUTSIDE_NOTICE', input.filedOn, `异议须在公示期内提出（${n.noticeFrom}至${addDays(n.noticeTo, -1)}）`, `An objection must be filed during the notice (${n.noticeFrom} to ${addDays(n.noticeTo, -1)})`);
  }
  return mutateOnce(
    ctx,
    { operation: 'objectToRoleModel', key: input.idempotencyKey, input, idOf: (o) => o.id, replay: (id) => objectionById(ctx.dataSource, id) },
    { action: 'objectToRoleModel', targetType: 'RoleModelObjection', regionCode: n.villageCode, targetId: (o) => o.id },
    async (m) => {
      const id = randomUUID();
      await m.query(`INSERT INTO role_model_objection (id, nomination_id, filed_on, reason, status, filed_by) VALUES ($1, $2, $3, $4, 'OPEN', $5)`, [id, n.id, input.filedOn, input.reason.trim(), ctx.actor.id]);
      return objectionById(m, id);
    },
  );
}

async function objectionById(db: Sql | EntityManager, id: string): Promise<RoleModelObjection> {
  const [o] = await rows<{ id: string; nomination_id: string; filed_on: string; reason: string; status: string }>(
    db,
    `SELECT id::text AS id, nomination_id::text AS nomination_id, to_char(filed_on, 'YYYY-MM-DD') AS filed_on, reason, status FROM role_model_objection WHERE id = $1`,
    [id],
  );
  if (!o) throw notFound('异议', 'Objection', id);
  return Object.assign(new RoleModelObjection(), { id: o.id, nominationId: o.nomination_id, filedOn: o.filed_on, reason: o.reason, status: o.status });
}

/** 处理异议 decides an open objection (township and county managers). */
export async function decideRoleModelObjection(ctx: RequestContext, input: DecideRoleModelObjectionInput): Promise<RoleModelNomination> {
  const o = await objectionById(ctx.dataSource, input.objectionId);
  const n = await nominationById(ctx.dataSource, o.nominationId);
  const access = CivilityAccess.of(ctx);
  access.requireVisible(n.villageCode, { zh: '异议', en: 'Objection', key: input.objectionId });
  access.requireWrite(n.villageCode, MANAGER_ROLES);
  return mutate(ctx, { action: 'decideRoleModelObjection', targetType: 'RoleModelObjection', regionCode: n.villageCode, targetId: () => input.objectionId, payload: { upheld: input.upheld } }, async (m) => {
    const done = await rows<{ id: string }>(m, `UPDATE role_model_objection SET status = $2, decided_by = $3 WHERE id = $1 AND status = 'OPEN' RETURNING id::text AS id`, [input.objectionId, input.upheld ? 'UPHELD' : 'DISMISSED', ctx.actor.id]);
    if (done.length === 0) throw conflict(`异议已处理（${o.status}）：objectionId = ${input.objectionId}`, `The objection was already decided (${o.status}): objectionId = ${input.objectionId}`, { field: 'objectionId', rule: 'OBJECTION_DECIDED', value: input.objectionId });
    if (input.upheld) await m.query(`UPDATE role_model_nomination SET status = 'REJECTED' WHERE id = $1 AND status = 'ON_NOTICE'`, [n.id]);
    return nominationById(m, n.id);
  });
}

/** 评选 selects a nominee: not before the notice ends, with no objection open or upheld. */
export async function selectRoleModel(ctx: RequestContext, input: SelectRoleModelInput): Promise<RoleModelNomination> {
  const n = await nominationById(ctx.dataSource, input.nominationId);
  const access = CivilityAccess.of(ctx);
  access.requireVisible(n.villageCode, { ...NOMINATION, key: input.nominationId });
  access.requireWrite(n.villageCode, MANAGER_ROLES);
  requireNotFuture(input.selectedOn, 'selectedOn', { zh: '评选日期', en: 'date selected' });
  if (input.selectedOn < n.noticeTo) {
    refuse('selectedOn', 'NOTICE_NOT_ENDED', input.selectedOn, `公示期未满（${n.noticeFrom}起7天，${n.noticeTo}起可评选）`, `The 7-day notice from ${n.noticeFrom} has not ended (selection from ${n.noticeTo})`);
  }
  if (n.upheldObjections > 0) refuse('nominationId', 'OBJECTION_UPHELD', input.nominationId, `公示期间有${n.upheldObjections}项异议成立，不能评选`, `${n.upheldObjections} objection(s) upheld during the notice: cannot be selected`);
  if (n.openObjections > 0) refuse('nominationId', 'OBJECTION_OPEN', input.nominationId, `还有${n.openObjections}项异议待处理`, `${n.openObjections} objection(s) still to decide`);
  return mutate(ctx, { action: 'selectRoleModel', targetType: 'RoleModelNomination', regionCode: n.villageCode, targetId: (x) => x.id, payload: { selectedOn: input.selectedOn } }, async (m) => {
    const done = await rows<{ id: string }>(m, `UPDATE role_model_nomination SET status = 'SELECTED', selected_on = $2, selected_by = $3 WHERE id = $1 AND status = 'ON_NOTICE' RETURNING id::text AS id`, [n.id, input.selectedOn, ctx.actor.id]);
    if (done.length === 0) throw conflict(`推选已${n.status === RoleModelStatus.SELECTED ? '评选' : '结束'}：nominationId = ${n.id}`, `The nomination is already ${n.status.toLowerCase()}: nominationId = ${n.id}`, { field: 'nominationId', rule: 'NOMINATION_CLOSED', value: n.id });
    return nominationById(m, n.id);
  });
}

/** Nominations of a year under a region (scope-narrowed), one statement. */
export async function roleModels(ctx: RequestContext, regionCode: string, year: number): Promise<RoleModelNomination[]> {
  const prefix = CivilityAccess.of(ctx).listPrefix(regionCode);
  if (prefix === null) return [];
  return (await rows<NominationRow>(ctx.dataSource, `${NOMINATION_SQL} WHERE n.village_code LIKE $1 AND n.year = $2 ORDER BY n.village_code, n.notice_from, n.id`, [`${prefix}%`, year])).map(toNomination);
}
