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

/** Declares `<Name>Connection` and `<Name>Edge` object types for a node class. */
export function ConnectionType<T extends object>(node: ClassType<T>, name: string, description: string): ClassType<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`, { description: `${description}（边）/ edge` })
  class EdgeClass {
    @Field({ description: '游标 / Cursor' })
    cursor!: string;

    @Field(() => node, { description: '节点 / Node' })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `${description}（分页列表）/ paginated list` })
  class ConnectionClass {
    @Field(() => [EdgeClass], { description: '边 / Edges' })
    edges!: Edge<T>[];

    @Field(() => [node], { description: '节点 / Nodes' })
    nodes!: T[];

    @Field(() => PageInfo, { description: '分页信息 / Page info' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: '符合条件的总数 / Total number of matching items' })
    totalCount!: number;
  }
  return ConnectionClass;
}

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): unknown[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity) return values;
  } catch {
    /* fall through */
  }
  throw badInput(`输入校验失败：after 不是有效的分页游标（收到 ${JSON.stringify(cursor)}）`, `Input validation failed: after is not a valid pagination cursor (got ${JSON.stringify(cursor)})`, {
    field: 'after',
    validationErrors: [
      { field: 'after', constraint: 'isCursor', value: cursor, zh: `after 不是有效的分页游标（收到 ${JSON.stringify(cursor)}）`, en: `after is not a valid pagination cursor (got ${JSON.stringify(cursor)})` },
    ],
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
  page: { first: number; after?: string | null },
  keys: KeysetColumn<T>[],
): Promise<ConnectionShape<T>> {
  checkPageSize(page.first);
  const totalCount = await qb.clone().getCount();
  const paged = qb.clone();
  if (page.after) {
    const values = decodeCursor(page.after, keys.length);
    const lhs = keys.map((k) => k.column).join(', ');
    const rhs = keys.map((_, i) => `:__cursor${i}`).join(', ');
    const params: Record<string, unknown> = {};
    values.forEach((v, i) => (params[`__cursor${i}`] = v));
    paged.andWhere(`(${lhs}) > (${rhs})`, params);
  }
  keys.forEach((k, i) => (i === 0 ? paged.orderBy(k.column, 'ASC') : paged.addOrderBy(k.column, 'ASC')));
  const rows = await paged.take(page.first + 1).getMany();
  const hasNextPage = rows.length > page.first;
  const nodes = rows.slice(0, page.first);
  const edges = nodes.map((node) => ({ node, cursor: encodeCursor(keys.map((k) => k.value(node))) }));
  return { edges, nodes, totalCount, pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
}
