import { byKey, groupByKey, type RequestContext } from '@xiangzhi/kernel';
import type DataLoader from 'dataloader';
import { In } from 'typeorm';
import { isUuid } from '../shared/access';
import { CollectiveMember, MemberExit, ShareHolding } from './member.entity';

/** Members by id; one statement per batch (visibility is checked by the callers against the village). */
export function memberLoader(ctx: RequestContext): DataLoader<string, CollectiveMember | null> {
  return ctx.loaders.get<string, CollectiveMember | null>('economy:member', async (ids) => {
    const valid = [...new Set(ids.filter(isUuid))];
    return byKey(ids, valid.length ? await ctx.dataSource.getRepository(CollectiveMember).findBy({ id: In(valid) }) : [], (m) => m.id);
  });
}

/** The exit of each member (null while a member); one statement per batch. */
export function exitLoader(ctx: RequestContext): DataLoader<string, MemberExit | null> {
  return ctx.loaders.get<string, MemberExit | null>('economy:memberExit', async (ids) => {
    const valid = [...new Set(ids.filter(isUuid))];
    return byKey(ids, valid.length ? await ctx.dataSource.getRepository(MemberExit).findBy({ memberId: In(valid) }) : [], (x) => x.memberId);
  });
}

/** The memberships of each resident (all organisations, by admission); one statement per batch. */
export function membershipsLoader(ctx: RequestContext): DataLoader<string, CollectiveMember[]> {
  return ctx.loaders.get<string, CollectiveMember[]>('economy:memberships', async (ids) => {
    const valid = [...new Set(ids.filter(isUuid))];
    const rows = valid.length ? await ctx.dataSource.getRepository(CollectiveMember).find({ where: { residentId: In(valid) }, order: { admittedOn: 'ASC', id: 'ASC' } }) : [];
    return groupByKey(ids, rows, (m) => m.residentId);
  });
}

/** Every member's holdings on a date (the latest row per class on or before it; classes held at zero left out); one statement per batch. */
export function sharesLoader(ctx: RequestContext, asOf: string): DataLoader<string, ShareHolding[]> {
  return ctx.loaders.get<string, ShareHolding[]>(`economy:shares:${asOf}`, async (ids) => {
    const valid = [...new Set(ids.filter(isUuid))];
    const rows = valid.length ? await holdingsOn(ctx.dataSource, valid, asOf) : new Map<string, ShareHolding[]>();
    return ids.map((id) => rows.get(id) ?? []);
  });
}

/** Holdings of members on a date, in one statement: the latest row per member and class on or before `asOf`, counts above zero, by class order. */
export async function holdingsOn(db: { query(sql: string, params?: unknown[]): Promise<unknown> }, memberIds: readonly string[], asOf: string): Promise<Map<string, ShareHolding[]>> {
  const rows = (await db.query(
    `SELECT h.member_id, h.share_class, h.count, to_char(h.effective_on, 'YYYY-MM-DD') AS since FROM (
       SELECT DISTINCT ON (member_id, share_class) member_id, share_class, count, effective_on
       FROM economy_share_holding WHERE member_id = ANY($1::uuid[]) AND effective_on <= $2::date
       ORDER BY member_id, share_class, effective_on DESC
     ) h JOIN economy_share_class c ON c.code = h.share_class
     WHERE h.count > 0 ORDER BY h.member_id, c.sort`,
    [memberIds, asOf],
  )) as { member_id: string; share_class: string; count: number; since: string }[];
  const out = new Map<string, ShareHolding[]>();
  for (const r of rows) {
    const list = out.get(r.member_id) ?? [];
    list.push(Object.assign(new ShareHolding(), { shareClass: r.share_class, count: Number(r.count), since: r.since }));
    out.set(r.member_id, list);
  }
  return out;
}
