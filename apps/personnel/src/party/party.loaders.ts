import { badInput, boundedBatchLimit, boundedGroups, byKey, decodeCursor, encodeCursor, groupByKey, pageInfoOf, type ConnectionShape, type ListBound, type RequestContext } from '@xiangzhi/kernel';
import type DataLoader from 'dataloader';
import { In } from 'typeorm';
import { groupByPrefix, isUuid, regionPatterns } from '../shared/access';
import { PartyMember, PartyOrganization, PartyPointEntry } from './party.entity';

/**
 * Per-request DataLoaders of the Party organisation feature. They load rows without visibility
 * rules; resolvers apply `PersonnelAccess` to what they return.
 */

/** SQL order of organisations: by region, then kind (committee first), then name. */
const KIND_ORDER = "CASE o.kind WHEN 'COMMITTEE' THEN 0 WHEN 'GENERAL_BRANCH' THEN 1 WHEN 'BRANCH' THEN 2 ELSE 3 END";

function orderOrganizations<T extends { orderBy: (sort: string) => T; addOrderBy: (sort: string) => T }>(qb: T): T {
  return qb.orderBy('o.region_code').addOrderBy(KIND_ORDER).addOrderBy('o.name').addOrderBy('o.id');
}

/** Organisations by id. */
export function organizationLoader(ctx: RequestContext): DataLoader<string, PartyOrganization | null> {
  return ctx.loaders.get<string, PartyOrganization | null>('party:organization', async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await ctx.dataSource.getRepository(PartyOrganization).findBy({ id: In(valid) }) : [];
    return byKey(ids, rows, (o) => o.id);
  });
}

/** The organisation built on each grid (支部建在网格上: at most one, a unique index). */
export function organizationByGridLoader(ctx: RequestContext): DataLoader<string, PartyOrganization | null> {
  return ctx.loaders.get<string, PartyOrganization | null>('party:organizationByGrid', async (gridIds) => {
    const valid = gridIds.filter(isUuid);
    const rows = valid.length ? await ctx.dataSource.getRepository(PartyOrganization).findBy({ gridId: In(valid) }) : [];
    return byKey(gridIds, rows, (o) => o.gridId as string);
  });
}

/** The organisations directly below each organisation. */
export function childrenLoader(ctx: RequestContext): DataLoader<string, PartyOrganization[]> {
  return ctx.loaders.get<string, PartyOrganization[]>('party:children', async (parentIds) => {
    const qb = ctx.dataSource.getRepository(PartyOrganization).createQueryBuilder('o').where('o.parent_id IN (:...ids)', { ids: [...parentIds] });
    const rows = await orderOrganizations(qb).getMany();
    return groupByKey(parentIds, rows, (o) => o.parentId as string);
  });
}

/** `Region.partyOrganizations` is bounded (MAX_LIST_ITEMS); beyond it, each township or village. */
export const REGION_PARTY_ORGANIZATIONS: ListBound = { field: 'Region.partyOrganizations', instead: 'Region.partyOrganizations of each township or village' };

/**
 * The organisations under each region that the caller may see, in ONE statement per batch: the
 * union of the regions' list prefixes (`PersonnelAccess.listPrefix`, narrowed to the caller's
 * scope), split per region in memory.
 */
export function organizationsByRegionLoader(ctx: RequestContext): DataLoader<string, PartyOrganization[]> {
  return ctx.loaders.get<string, PartyOrganization[]>('party:organizationsByRegion', async (codes) => {
    const { prefixes, patterns } = regionPatterns(ctx, codes);
    if (patterns.length === 0) return codes.map(() => []);
    const qb = ctx.dataSource.getRepository(PartyOrganization).createQueryBuilder('o').where('o.region_code LIKE ANY(CAST(:patterns AS text[]))', { patterns });
    const limit = boundedBatchLimit(codes.length, REGION_PARTY_ORGANIZATIONS);
    const rows = await orderOrganizations(qb).take(limit).getMany();
    return boundedGroups(groupByPrefix(prefixes, rows, (o) => o.regionCode), rows.length === limit, REGION_PARTY_ORGANIZATIONS);
  });
}

/** The number of members registered directly with each organisation, one statement per batch. */
export function memberCountLoader(ctx: RequestContext): DataLoader<string, number> {
  return ctx.loaders.get<string, number>('party:memberCount', async (orgIds) => {
    const rows: { organization_id: string; n: number }[] = await ctx.dataSource.query(
      'SELECT organization_id, count(*)::int AS n FROM party_member WHERE organization_id = ANY($1::uuid[]) GROUP BY organization_id',
      [orgIds.filter(isUuid)],
    );
    const counts = new Map(rows.map((r) => [r.organization_id, Number(r.n)]));
    return orgIds.map((id) => counts.get(id) ?? 0);
  });
}

/** Members by id. */
export function memberLoader(ctx: RequestContext): DataLoader<string, PartyMember | null> {
  return ctx.loaders.get<string, PartyMember | null>('party:member', async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await ctx.dataSource.getRepository(PartyMember).findBy({ id: In(valid) }) : [];
    return byKey(ids, rows, (m) => m.id);
  });
}

/** The member record of each resident (a resident is registered once, a unique index). */
export function memberByResidentLoader(ctx: RequestContext): DataLoader<string, PartyMember | null> {
  return ctx.loaders.get<string, PartyMember | null>('party:memberByResident', async (residentIds) => {
    const valid = residentIds.filter(isUuid);
    const rows = valid.length ? await ctx.dataSource.getRepository(PartyMember).findBy({ residentId: In(valid) }) : [];
    return byKey(residentIds, rows, (m) => m.residentId as string);
  });
}

/** Each member's points ledger, newest first. */
export function pointsLedgerLoader(ctx: RequestContext): DataLoader<string, PartyPointEntry[]> {
  return ctx.loaders.get<string, PartyPointEntry[]>('party:pointsLedger', async (memberIds) => {
    const rows = await ctx.dataSource
      .getRepository(PartyPointEntry)
      .createQueryBuilder('e')
      .where('e.member_id IN (:...ids)', { ids: [...memberIds] })
      .orderBy('e.entry_date', 'DESC')
      .addOrderBy('e.created_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .getMany();
    return groupByKey(memberIds, rows, (e) => e.memberId);
  });
}

/** Members are listed by the date they joined, then id (keyset pagination). */
export const MEMBER_KEYS = [
  { column: 'm.joined_on', value: (m: PartyMember) => m.joinedOn },
  { column: 'm.id', value: (m: PartyMember) => m.id },
];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a member-list cursor (`[joinedOn, id]`); BAD_USER_INPUT when it is not one. */
export function decodeMemberCursor(after: string): [string, string] {
  const [joinedOn, id] = decodeCursor(after, 2);
  if (typeof joinedOn !== 'string' || !DATE.test(joinedOn) || typeof id !== 'string' || !isUuid(id)) {
    throw badInput(`无效的分页游标：${after}`, `Invalid pagination cursor: ${after}`, { field: 'after' });
  }
  return [joinedOn, id];
}

interface MemberPageKey {
  organizationId: string;
  first: number;
  after: string | null;
}

/**
 * One page of members for each organisation (`PartyOrganization.members`). Keys asking for the
 * same page size and cursor are answered together: one statement for the pages of all their
 * organisations (a window function ranks each organisation's members) plus the batched counts.
 */
export function memberPageLoader(ctx: RequestContext): DataLoader<MemberPageKey, ConnectionShape<PartyMember>> {
  return ctx.loaders.get<MemberPageKey, ConnectionShape<PartyMember>>(
    'party:memberPage',
    async (keys) => {
      const groups = new Map<string, MemberPageKey[]>();
      for (const key of keys) {
        const group = `${key.first}|${key.after ?? ''}`;
        groups.set(group, [...(groups.get(group) ?? []), key]);
      }
      const pages = new Map<MemberPageKey, PartyMember[]>();
      const totals = await memberCountLoader(ctx).loadMany(keys.map((k) => k.organizationId));
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const { first, after } = group[0];
          const orgIds = [...new Set(group.map((k) => k.organizationId).filter(isUuid))];
          const params: Record<string, unknown> = { orgIds, limit: first + 1 };
          let cursor = '';
          if (after) {
            [params.afterJoined, params.afterId] = decodeMemberCursor(after);
            cursor = ' AND (p.joined_on, p.id) > (:afterJoined, :afterId)';
          }
          const rows = orgIds.length
            ? await ctx.dataSource
                .getRepository(PartyMember)
                .createQueryBuilder('m')
                .where(
                  `m.id IN (SELECT r.id FROM (
                     SELECT p.id, row_number() OVER (PARTITION BY p.organization_id ORDER BY p.joined_on, p.id) AS rn
                       FROM party_member p WHERE p.organization_id IN (:...orgIds)${cursor}
                   ) r WHERE r.rn <= :limit)`,
                  params,
                )
                .orderBy('m.joined_on')
                .addOrderBy('m.id')
                .getMany()
            : [];
          const byOrg = groupByKey(orgIds, rows, (m) => m.organizationId);
          const pageOf = new Map(orgIds.map((id, i) => [id, byOrg[i]]));
          for (const key of group) pages.set(key, pageOf.get(key.organizationId) ?? []);
        }),
      );
      return keys.map((key, i) => {
        const total = totals[i];
        const rows = pages.get(key) ?? [];
        const hasNextPage = rows.length > key.first;
        const nodes = rows.slice(0, key.first);
        const edges = nodes.map((node) => ({ node, cursor: encodeCursor(MEMBER_KEYS.map((k) => k.value(node))) }));
        return {
          edges,
          nodes,
          totalCount: typeof total === 'number' ? total : 0,
          pageInfo: pageInfoOf(edges, hasNextPage, !!key.after),
        };
      });
    },
    (key) => `${key.organizationId}|${key.first}|${key.after ?? ''}`,
  );
}
