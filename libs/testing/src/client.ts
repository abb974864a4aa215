import type { Actor } from '@xiangzhi/kernel';
import type { GraphQLResult, TestPlatform } from './test-platform';

/** A value, or a function giving it when first needed (for what a spec assigns in `beforeAll`). */
export type Deferred<T> = T | (() => T);

const resolve = <T extends object>(value: Deferred<T>): T => (typeof value === 'function' ? (value as () => T)() : value);

/** Who asks: an actor (a token is signed for it), a raw token, or null (anonymous). */
export type Caller = Actor | string | null;

/** A spec's GraphQL client: the caller first, then the query and its variables. */
export interface GraphQLClient<TData = Record<string, unknown>> {
  /** Posts `query` through the gateway as `as`; the answer as the client sees it (data, errors, HTTP status). */
  gql: <T = TData>(as: Caller, query: string, variables?: Record<string, unknown>) => Promise<GraphQLResult<T>>;
  /** Like `gql`, but gives `data` and throws with the errors (as JSON) when there are any. */
  ok: <T = TData>(as: Caller, query: string, variables?: Record<string, unknown>) => Promise<T>;
  /** The `extensions.code` of the first error (`NOT_FOUND`, `CONFLICT`, …), or undefined. */
  codeOf: (res: GraphQLResult<unknown>) => string | undefined;
}

/** The `extensions.code` of an answer's first error, or undefined when it has none. */
export function codeOf(res: GraphQLResult<unknown>): string | undefined {
  return res.errors?.[0]?.extensions?.code;
}

/**
 * A GraphQL client over a test platform. Pass the platform, or a function giving it when the
 * platform is started in `beforeAll`:
 *
 *   let platform: TestPlatform;
 *   const { gql, ok, codeOf } = graphqlClient(() => platform);
 *   beforeAll(async () => { platform = await startTestPlatform({ subgraphs: [personnel] }); });
 *
 *   const data = await ok(admin, 'query($id: ID!) { cadre(id: $id) { name } }', { id });
 *   expect(codeOf(await gql(outsider, query, vars))).toBe('FORBIDDEN');
 *
 * `TData` is the type of `data` when a call names none (a spec checking untyped JSON field by field
 * may pass its own).
 */
export function graphqlClient<TData = Record<string, unknown>>(platform: Deferred<TestPlatform>): GraphQLClient<TData> {
  const gql = <T = TData>(as: Caller, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> =>
    resolve(platform).query<T>(query, variables, as);
  const ok = async <T = TData>(as: Caller, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const res = await gql<T>(as, query, variables);
    if (res.errors?.length) throw new Error(JSON.stringify(res.errors, null, 2));
    return res.data as T;
  };
  return { gql, ok, codeOf };
}

/** What `rowCounter` needs of a TypeORM DataSource (or EntityManager). */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** Counts the rows of `table` matching `where` (SQL, `$1`… bound to `params`); all rows by default. */
export type RowCounter = (table: string, where?: string, params?: unknown[]) => Promise<number>;

/**
 * Row counts for a spec's direct database checks ("wrote nothing", "one audit record"), over a
 * subgraph's DataSource or a function giving it:
 *
 *   const count = rowCounter(() => platform.subgraphs.personnel.db.dataSource);
 *   expect(await count('post', 'village_code = $1', [village])).toBe(5);
 */
export function rowCounter(dataSource: Deferred<SqlRunner>): RowCounter {
  return async (table, where = 'TRUE', params = []) => {
    const [{ n }] = (await resolve(dataSource).query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params)) as { n: number }[];
    return Number(n);
  };
}
