import { IsOptional, IsString, Max, Min } from 'class-validator';
import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors';

/** 分页信息 page info of a cursor connection. */
@ObjectType('PageInfo', { description: '分页信息 / Page info of a cursor connection' })
@Directive('@shareable')
export class PageInfo {
  @Field({ description: '是否还有下一页 / Whether more items follow' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: '本页最后一项的游标 / Cursor of the last item on this page' })
  endCursor!: string | null;

  @Field({
    description:
      '是否还有上一页（往回翻页时为准确值；往后翻页时，给了 after 即为 true）/ Whether items precede this page (exact when paging backward with last/before; when paging forward, true whenever after was given)',
  })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: '本页第一项的游标 / Cursor of the first item on this page' })
  startCursor!: string | null;
}

/** The page info of a page of `edges`; `hasNextPage`/`hasPreviousPage` as the query found them. */
export function pageInfoOf(edges: readonly { cursor: string }[], hasNextPage: boolean, hasPreviousPage = false): PageInfo {
  return { hasNextPage, hasPreviousPage, startCursor: edges.length ? edges[0].cursor : null, endCursor: edges.length ? edges[edges.length - 1].cursor : null };
}

export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `每页条数（1–${MAX_PAGE_SIZE}）/ Page size (1–${MAX_PAGE_SIZE})` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first = 20;

  @Field(() => String, { nullable: true, description: '从此游标之后开始 / Start after this cursor' })
  @IsOptional()
  @IsString()
  after?: string | null;
}

/**
 * Page arguments of a long list that can also be paged backward (Relay `last`/`before`):
 * `last` (or `before` alone, with `first` as the size) gives the items just before `before`, or the
 * last items of the list; `after` cannot be combined with `last`/`before`.
 */
@ArgsType()
export class BidirectionalPageArgs extends PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `往回翻页（上一页）：本页条数（1–${MAX_PAGE_SIZE}），取 before 之前（无 before 时为列表末尾）的若干项；给出时不看 first / Page backward: this many items (1–${MAX_PAGE_SIZE}) just before before (the end of the list without it); first is ignored when given`,
  })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  last?: number | null;

  @Field(() => String, { nullable: true, description: '在此游标之前结束（往回翻页；不可与 after 同用）/ End before this cursor (backward paging; not with after)' })
  @IsOptional()
  @IsString()
  before?: string | null;
}

/** A page request: forward (`first`, `after`) or backward (`last` or `before`). */
export interface PageRequest {
  first: number;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * The fields every `<Name>Connection` has (`edges`, `nodes`, `pageInfo`), with its `<Name>Edge`:
 * an abstract type the connection classes extend.
 */
function pageFields<T extends object>(node: ClassType<T>, name: string, description: string): ClassType<PageShape<T>> {
  @ObjectType(`${name}Edge`, { description: `${description}（边）/ edge` })
  class EdgeClass {
    @Field({ description: '游标 / Cursor' })
    cursor!: string;

    @Field(() => node, { description: '节点 / Node' })
    node!: T;
  }

  // emitted only through the connection types that extend it (never referenced itself)
  @ObjectType(`${name}PageFields`, { description: `${description}（分页字段）/ page fields` })
  abstract class PageFields {
    @Field(() => [EdgeClass], { description: '边 / Edges' })
    edges!: Edge<T>[];

    @Field(() => [node], { description: '节点 / Nodes' })
    nodes!: T[];

    @Field(() => PageInfo, { description: '分页信息 / Page info' })
    pageInfo!: PageInfo;
  }
  return PageFields as unknown as ClassType<PageShape<T>>;
}

/** Declares `<Name>Connection` and `<Name>Edge` object types for a node class. */
export function ConnectionType<T extends object>(node: ClassType<T>, name: string, description: string): ClassType<ConnectionShape<T>> {
  @ObjectType(`${name}Connection`, { description: `${description}（分页列表）/ paginated list` })
  class ConnectionClass extends pageFields(node, name, description) {
    @Field(() => Int, { description: '符合条件的总数 / Total number of matching items' })
    totalCount!: number;
  }
  return ConnectionClass;
}

/** Above this many matches a lazily counted connection stops counting (`totalCountExact: false`). */
export const COUNT_LIMIT = 10_000;

/** A page of a connection without its count. */
export type PageShape<T> = Omit<ConnectionShape<T>, 'totalCount'>;

/** How many rows a query matches, counting at most `limit + 1` of them; `exact` is false when it stopped. */
export async function countUpTo<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, limit: number): Promise<{ count: number; exact: boolean }> {
  const [sql, params] = qb.clone().select('1', 'one').orderBy().limit(limit + 1).getQueryAndParameters();
  const rows = (await qb.connection.query(`SELECT count(*)::int AS n FROM (${sql}) AS counted`, params)) as { n: number }[];
  const n = Number(rows[0]?.n ?? 0);
  return n > limit ? { count: limit + 1, exact: false } : { count: n, exact: true };
}

/** A connection whose count runs only when `totalCount` or `totalCountExact` is asked for (once for both). */
export interface LazyConnection<T> extends PageShape<T> {
  totalCount(): Promise<number>;
  totalCountExact(): Promise<boolean>;
}

/**
 * Declares `<Name>Connection` and `<Name>Edge` whose `totalCount` is computed only when the query
 * selects it, and counts at most COUNT_LIMIT + 1 matches (`totalCountExact` says whether it stopped):
 * for lists that reach a whole county (residents, households). Answer with `paginateLazily`.
 */
export function LazyConnectionType<T extends object>(node: ClassType<T>, name: string, description: string): ClassType<LazyConnection<T>> & { of(page: PageShape<T>, count: () => Promise<{ count: number; exact: boolean }>): LazyConnection<T> } {
  @ObjectType(`${name}Connection`, { description: `${description}（分页列表）/ paginated list` })
  class LazyConnectionClass extends pageFields(node, name, description) implements LazyConnection<T> {
    private counted?: Promise<{ count: number; exact: boolean }>;
    private count!: () => Promise<{ count: number; exact: boolean }>;

    static of(page: PageShape<T>, count: () => Promise<{ count: number; exact: boolean }>): LazyConnectionClass {
      return Object.assign(new LazyConnectionClass(), page, { count });
    }

    private tally(): Promise<{ count: number; exact: boolean }> {
      this.counted ??= this.count();
      return this.counted;
    }

    @Field(() => Int, {
      description:
        `符合条件的总数：仅在查询此字段时计数；超过 ${COUNT_LIMIT} 条时只数到 ${COUNT_LIMIT + 1}（此时 totalCountExact 为 false）/ ` +
        `Total number of matching items, counted only when asked for; above ${COUNT_LIMIT} the count stops at ${COUNT_LIMIT + 1} (and totalCountExact is false)`,
    })
    async totalCount(): Promise<number> {
      return (await this.tally()).count;
    }

    @Field(() => Boolean, { description: `totalCount 是否为确数（超过 ${COUNT_LIMIT} 条时为 false）/ Whether totalCount is exact (false above ${COUNT_LIMIT} matches)` })
    async totalCountExact(): Promise<boolean> {
      return (await this.tally()).exact;
    }
  }
  return LazyConnectionClass;
}

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number, field: 'after' | 'before' = 'after'): unknown[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity) return values;
  } catch {
    /* fall through */
  }
  const zh = `${field} 不是有效的分页游标（收到 ${JSON.stringify(cursor)}）`;
  const en = `${field} is not a valid pagination cursor (got ${JSON.stringify(cursor)})`;
  throw badInput(`输入校验失败：${zh}`, `Input validation failed: ${en}`, {
    field,
    validationErrors: [{ field, constraint: 'isCursor', value: cursor, zh, en }],
  });
}

/** Checks a page size given outside a validated `PageArgs` (1–MAX_PAGE_SIZE), naming the argument and the value. */
export function checkPageSize(first: number, field = 'first'): void {
  if (Number.isInteger(first) && first >= 1 && first <= MAX_PAGE_SIZE) return;
  const zh = `${field} 须为 1–${MAX_PAGE_SIZE} 之间的整数（收到 ${first}）`;
  const en = `${field} must be an integer from 1 to ${MAX_PAGE_SIZE} (got ${first})`;
  throw badInput(`输入校验失败：${zh}`, `Input validation failed: ${en}`, {
    field,
    validationErrors: [{ field, constraint: first > MAX_PAGE_SIZE ? 'max' : 'min', value: first, zh, en }],
  });
}

export interface KeysetColumn<T> {
  /** SQL expression, e.g. `h.number` */
  column: string;
  /** How to read the value from a loaded entity. */
  value: (row: T) => unknown;
}

/**
 * Keyset pagination over a query builder, ordered ascending by `keys` (the last key must be unique).
 * Runs two statements whatever the page size: the count and the page.
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  page: PageRequest,
  keys: KeysetColumn<T>[],
): Promise<ConnectionShape<T>> {
  pageDirection(page);
  const totalCount = await qb.clone().getCount();
  return { ...(await pageOf(qb, page, keys)), totalCount };
}

/**
 * Keyset pagination with a lazy, bounded count (`LazyConnectionType`): one statement for the page,
 * one more only when the query asks for `totalCount`/`totalCountExact`.
 */
export async function paginateLazily<T extends ObjectLiteral>(
  connection: ReturnType<typeof LazyConnectionType<T>>,
  qb: SelectQueryBuilder<T>,
  page: PageRequest,
  keys: KeysetColumn<T>[],
): Promise<LazyConnection<T>> {
  pageDirection(page);
  const counting = qb.clone();
  return connection.of(await pageOf(qb, page, keys), () => countUpTo(counting, COUNT_LIMIT));
}

/**
 * Which way a page request reads, checked before any statement runs: forward (`first` after `after`)
 * or backward (`last`, or `before` with `first` as the size); `after` with `last`/`before` is refused.
 */
export function pageDirection(page: PageRequest): { backward: boolean; size: number; cursor: string | null } {
  const backward = (page.last !== undefined && page.last !== null) || !!page.before;
  if (backward && page.after) {
    const zh = 'after 不能与 last 或 before 同用（往后翻页用 first/after，往回翻页用 last/before）';
    const en = 'after cannot be combined with last or before (page forward with first/after, backward with last/before)';
    throw badInput(`输入校验失败：${zh}`, `Input validation failed: ${en}`, {
      field: 'after',
      validationErrors: [{ field: 'after', constraint: 'exclusive', value: page.after, zh, en }],
    });
  }
  if (!backward) {
    checkPageSize(page.first);
    return { backward, size: page.first, cursor: page.after ?? null };
  }
  const size = page.last ?? page.first;
  checkPageSize(size, page.last !== undefined && page.last !== null ? 'last' : 'first');
  return { backward, size, cursor: page.before ?? null };
}

async function pageOf<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, page: PageRequest, keys: KeysetColumn<T>[]): Promise<PageShape<T>> {
  const { backward, size, cursor } = pageDirection(page);
  const paged = qb.clone();
  if (cursor) {
    const values = decodeCursor(cursor, keys.length, backward ? 'before' : 'after');
    const lhs = keys.map((k) => k.column).join(', ');
    const rhs = keys.map((_, i) => `:__cursor${i}`).join(', ');
    const params: Record<string, unknown> = {};
    values.forEach((v, i) => (params[`__cursor${i}`] = v));
    paged.andWhere(`(${lhs}) ${backward ? '<' : '>'} (${rhs})`, params);
  }
  const direction = backward ? 'DESC' : 'ASC';
  keys.forEach((k, i) => (i === 0 ? paged.orderBy(k.column, direction) : paged.addOrderBy(k.column, direction)));
  const rows = await paged.take(size + 1).getMany();
  const more = rows.length > size;
  const nodes = rows.slice(0, size);
  if (backward) nodes.reverse();
  const edges = nodes.map((node) => ({ node, cursor: encodeCursor(keys.map((k) => k.value(node))) }));
  // backward: items precede when more were found, and follow whenever we started before a cursor
  return { edges, nodes, pageInfo: backward ? pageInfoOf(edges, cursor !== null, more) : pageInfoOf(edges, more, cursor !== null) };
}

/** The most items a bounded (unpaginated) list field answers for one parent; more is refused, never cut short. */
export const MAX_LIST_ITEMS = 2000;

/** Where a bounded list field stands: its name, the paginated field to use beyond the bound, the bound. */
export interface ListBound {
  /** e.g. `Region.cadres` */
  field: string;
  /** e.g. `Query.cadres(regionCode, first, after)` */
  instead: string;
  /** default MAX_LIST_ITEMS */
  max?: number;
}

/** How many rows a batch of `keys` bounded lists may read: one more than they may answer together. */
export function boundedBatchLimit(keys: number, bound: ListBound): number {
  return (bound.max ?? MAX_LIST_ITEMS) * keys + 1;
}

/**
 * The answers of a batched bounded list field: each parent's group, or a BAD_USER_INPUT error for a
 * parent with more than the bound. `truncated` (the batch read `boundedBatchLimit` rows) means some
 * group may be incomplete, so every parent whose group could be is refused rather than cut short.
 */
export function boundedGroups<T>(groups: T[][], truncated: boolean, bound: ListBound): (T[] | Error)[] {
  const max = bound.max ?? MAX_LIST_ITEMS;
  return groups.map((group) => {
    if (group.length <= max && !truncated) return group;
    const zh = `${bound.field} 最多列出 ${max} 项，此处超出（至少 ${group.length} 项）；请缩小区划或改用分页查询 ${bound.instead}`;
    const en = `${bound.field} lists at most ${max} items and this one has more (at least ${group.length}); ask for a smaller region or use the paginated ${bound.instead}`;
    return badInput(zh, en, { field: bound.field, validationErrors: [{ field: bound.field, constraint: 'maxItems', value: group.length, zh, en }], max, instead: bound.instead });
  });
}
