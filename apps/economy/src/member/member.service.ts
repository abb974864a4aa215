import { badInput, conflict, mutate, mutateOnce, notFound, paginate, todayInChina, type ConnectionShape, type RequestContext } from '@xiangzhi/kernel';
import { checkReferences } from '@xiangzhi/grids-api';
import type { EntityManager } from 'typeorm';
import { lockOrganization } from '../ledger/ledger.service';
import { readableOrganization } from '../organization/organization.service';
import { BOOKKEEPER_ROLES, EconomyAccess } from '../shared/access';
import { requireNotBefore, requireNotFuture } from '../shared/checks';
import { retryOnDuplicate } from '../shared/once';
import { staleVersion } from '../shared/stale';
import { CollectiveMember } from './member.entity';
import type { AdmitMemberInput, ExitMemberInput, MembersArgs, SetMemberSharesInput, ShareInput } from './member.inputs';
import { exitLoader, memberLoader } from './member.loaders';

const MEMBER = { zh: '集体经济组织成员', en: 'Member' };

/** One member the caller may see (NOT_FOUND otherwise, also outside the scope). */
export async function readableMember(ctx: RequestContext, id: string): Promise<CollectiveMember> {
  const member = await memberLoader(ctx).load(id);
  if (!member || !EconomyAccess.of(ctx).canSee(member.villageCode)) throw notFound(MEMBER.zh, MEMBER.en, id);
  return member;
}

/**
 * Shares checked before anything is written: known classes (`SHARE_CLASS_UNKNOWN`), each once
 * (`SHARE_CLASS_REPEATED`), counts never negative (`SHARES_NEGATIVE`); every problem names its field.
 */
async function checkShares(db: { query(sql: string, params?: unknown[]): Promise<unknown> }, shares: readonly ShareInput[], field = 'input.shares'): Promise<void> {
  const seen = new Set<string>();
  for (const [i, s] of shares.entries()) {
    if (!Number.isInteger(s.count) || s.count < 0) {
      throw badInput(`股数不能为负：${field}[${i}].count = ${s.count}`, `A share count cannot be negative: ${field}[${i}].count = ${s.count}`, { field: `${field}[${i}].count`, rule: 'SHARES_NEGATIVE', value: s.count });
    }
    if (seen.has(s.shareClass)) {
      throw badInput(`股权类别重复：${field}[${i}].shareClass = ${s.shareClass}`, `The share class is listed twice: ${field}[${i}].shareClass = ${s.shareClass}`, {
        field: `${field}[${i}].shareClass`,
        rule: 'SHARE_CLASS_REPEATED',
        value: s.shareClass,
      });
    }
    seen.add(s.shareClass);
  }
  if (shares.length === 0) return;
  const known = new Set(((await db.query(`SELECT code FROM economy_share_class WHERE code = ANY($1::text[])`, [[...seen]])) as { code: string }[]).map((r) => r.code));
  const i = shares.findIndex((s) => !known.has(s.shareClass));
  if (i >= 0) {
    throw badInput(`股权类别不存在：${field}[${i}].shareClass = ${shares[i].shareClass}`, `Unknown share class: ${field}[${i}].shareClass = ${shares[i].shareClass}`, {
      field: `${field}[${i}].shareClass`,
      rule: 'SHARE_CLASS_UNKNOWN',
      value: shares[i].shareClass,
    });
  }
}

async function insertShares(manager: EntityManager, memberId: string, effectiveOn: string, shares: readonly ShareInput[], by: string): Promise<void> {
  if (shares.length === 0) return;
  await manager.query(
    `INSERT INTO economy_share_holding (member_id, share_class, effective_on, count, recorded_by)
     SELECT $1::uuid, c, $2::date, n, $3::text FROM unnest($4::text[], $5::int[]) AS s(c, n)
     ON CONFLICT (member_id, share_class, effective_on) DO UPDATE SET count = excluded.count, recorded_by = excluded.recorded_by, recorded_at = now()`,
    [memberId, effectiveOn, by, shares.map((s) => s.shareClass), shares.map((s) => s.count)],
  );
}

/**
 * 确认成员 admits a resident (village bookkeepers and above): a living resident registered in the
 * organisation's village (grids' projection, rules `RESIDENT_UNKNOWN`, `RESIDENT_OTHER_VILLAGE`,
 * `RESIDENT_NOT_LIVING`), not already a member (CONFLICT `MEMBER_ALREADY_ADMITTED`), admitted on a day
 * not in the future nor before the organisation was founded, with shares never negative.
 */
export async function admitMember(ctx: RequestContext, input: AdmitMemberInput): Promise<CollectiveMember> {
  const org = await readableOrganization(ctx, input.organizationId);
  EconomyAccess.of(ctx).requireWrite(org.villageCode, BOOKKEEPER_ROLES);
  requireNotFuture(input.admittedOn, 'input.admittedOn', { zh: '确认日期', en: 'admission date' });
  requireNotBefore(input.admittedOn, org.foundedOn, 'input.admittedOn', 'BEFORE_FOUNDED', { zh: '确认日期不能早于组织成立日期', en: "Admission cannot precede the organisation's founding" });
  const shares = input.shares ?? [];
  await checkShares(ctx.dataSource, shares);
  await checkReferences(ctx.dataSource, { residents: [{ field: 'input.residentId', id: input.residentId, villageCode: org.villageCode, living: true }] });
  return retryOnDuplicate(input.idempotencyKey, ['MEMBER_ALREADY_ADMITTED'], () => mutateOnce(
    ctx,
    { operation: 'admitMember', key: input.idempotencyKey, input, idOf: (m) => m.id, replay: (id) => readableMember(ctx, id) },
    { action: 'admitMember', targetType: 'CollectiveMember', regionCode: org.villageCode, targetId: (m) => m.id, payload: { organizationId: org.id, residentId: input.residentId, shares } },
    async (manager) => {
      await lockOrganization(manager, org.id);
      const open = (await manager.query(
        `SELECT m.id FROM economy_member m LEFT JOIN economy_member_exit x ON x.member_id = m.id WHERE m.organization_id = $1 AND m.resident_id = $2 AND x.member_id IS NULL`,
        [org.id, input.residentId],
      )) as { id: string }[];
      if (open.length > 0) {
        throw conflict(`该居民已是本组织成员：input.residentId = ${input.residentId}`, `The resident is already a member of the organisation: input.residentId = ${input.residentId}`, {
          field: 'input.residentId',
          rule: 'MEMBER_ALREADY_ADMITTED',
          value: input.residentId,
          memberId: open[0].id,
        });
      }
      const rows = (await manager.query(
        `INSERT INTO economy_member (organization_id, village_code, resident_id, admitted_on, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [org.id, org.villageCode, input.residentId, input.admittedOn, ctx.actor.id],
      )) as { id: string }[];
      await insertShares(manager, rows[0].id, input.admittedOn, shares, ctx.actor.id);
      return manager.findOneByOrFail(CollectiveMember, { id: rows[0].id });
    },
  ));
}

async function writableMember(ctx: RequestContext, memberId: string, expectedVersion: number): Promise<CollectiveMember> {
  const member = await readableMember(ctx, memberId);
  EconomyAccess.of(ctx).requireWrite(member.villageCode, BOOKKEEPER_ROLES);
  if (await exitLoader(ctx).load(member.id)) {
    throw badInput(`成员已退出：input.memberId = ${member.id}`, `The member has exited: input.memberId = ${member.id}`, { field: 'input.memberId', rule: 'MEMBER_EXITED', value: member.id });
  }
  if (member.version !== expectedVersion) throw staleVersion(MEMBER, expectedVersion, member.version, { field: 'input.expectedVersion' });
  return member;
}

/** Moves the member's version on (CONFLICT when someone else did first). */
async function bumpVersion(manager: EntityManager, member: CollectiveMember, expectedVersion: number): Promise<void> {
  const result = await manager.createQueryBuilder().update(CollectiveMember).set({ version: expectedVersion + 1 }).where('id = :id AND version = :v', { id: member.id, v: expectedVersion }).execute();
  if (!result.affected) throw staleVersion(MEMBER, expectedVersion, undefined, { field: 'input.expectedVersion' });
}

/** 退出 records a member's exit (a dated row; the admission stays as it was). */
export async function exitMember(ctx: RequestContext, input: ExitMemberInput): Promise<CollectiveMember> {
  const member = await writableMember(ctx, input.memberId, input.expectedVersion);
  requireNotFuture(input.exitedOn, 'input.exitedOn', { zh: '退出日期', en: 'exit date' });
  if (input.exitedOn <= member.admittedOn) {
    throw badInput(`退出日期须晚于确认日期（${member.admittedOn}）：input.exitedOn = ${input.exitedOn}`, `The exit must come after the admission (${member.admittedOn}): input.exitedOn = ${input.exitedOn}`, {
      field: 'input.exitedOn',
      rule: 'EXIT_BEFORE_ADMISSION',
      value: input.exitedOn,
    });
  }
  return mutate(ctx, { action: 'exitMember', targetType: 'CollectiveMember', regionCode: member.villageCode, targetId: (m) => m.id, payload: { exitedOn: input.exitedOn, reason: input.reason } }, async (manager) => {
    await bumpVersion(manager, member, input.expectedVersion);
    await manager.query(`INSERT INTO economy_member_exit (member_id, exited_on, reason, recorded_by) VALUES ($1, $2, $3, $4)`, [member.id, input.exitedOn, input.reason.trim(), ctx.actor.id]);
    return manager.findOneByOrFail(CollectiveMember, { id: member.id });
  });
}

/** 调整股权 records a member's share counts from a date (dated rows; earlier holdings stay as they were). */
export async function setMemberShares(ctx: RequestContext, input: SetMemberSharesInput): Promise<CollectiveMember> {
  const member = await writableMember(ctx, input.memberId, input.expectedVersion);
  if (input.shares.length === 0) throw badInput('没有要调整的股权：input.shares', 'No shares to change: input.shares', { field: 'input.shares', rule: 'NOTHING_TO_CHANGE' });
  await checkShares(ctx.dataSource, input.shares);
  requireNotBefore(input.effectiveOn, member.admittedOn, 'input.effectiveOn', 'BEFORE_ADMISSION', { zh: '生效日期不能早于确认日期', en: 'Shares cannot change before the admission' });
  return mutate(ctx, { action: 'setMemberShares', targetType: 'CollectiveMember', regionCode: member.villageCode, targetId: (m) => m.id, payload: { effectiveOn: input.effectiveOn, shares: input.shares } }, async (manager) => {
    await bumpVersion(manager, member, input.expectedVersion);
    await insertShares(manager, member.id, input.effectiveOn, input.shares, ctx.actor.id);
    return manager.findOneByOrFail(CollectiveMember, { id: member.id });
  });
}

/** 成员名单 the members of an organisation on a date (admitted on or before it, not exited by it), by admission and id; two statements whatever the page size. */
export async function listMembers(ctx: RequestContext, args: MembersArgs): Promise<ConnectionShape<CollectiveMember>> {
  const org = await readableOrganization(ctx, args.organizationId);
  const asOf = args.asOf ?? todayInChina();
  const qb = ctx.dataSource
    .getRepository(CollectiveMember)
    .createQueryBuilder('m')
    .where('m.organization_id = :org AND m.admitted_on <= :asOf', { org: org.id, asOf })
    .andWhere('NOT EXISTS (SELECT 1 FROM economy_member_exit x WHERE x.member_id = m.id AND x.exited_on <= :asOf)', { asOf });
  return paginate(qb, args, [
    { column: 'm.admitted_on', value: (m) => m.admittedOn },
    { column: 'm.id', value: (m) => m.id },
  ]);
}
