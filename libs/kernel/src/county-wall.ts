import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import type { MigrationClass } from './data-source';
import type { Actor } from './actor';
import { restrictAuditLog } from './audit';
import { regionPrefix } from './region-code';

/**
 * 县域隔离墙 the second wall between counties, kept by PostgreSQL itself (row-level security): a
 * request runs its statements as the deployment's app role (`XZ_DB_APP_ROLE`, neither owner nor
 * `BYPASSRLS`) inside one transaction that sets `xz.scope` to the caller's region prefix, and every
 * walled table answers and accepts only rows whose scope column starts with that prefix. Without a
 * scope (unset or empty) a walled table answers no rows and refuses every write.
 *
 * The owner (the role that ran the migrations: migrations, seeds, jobs, consumers, the `xz` CLI) has
 * a policy of its own that sees every row: those paths serve every county by design and never run
 * with a caller's identity. Administrative divisions (`region`, `region_ref`), counters keyed by any
 * prefix (`region_counter`), outboxes and kernel tables carry no personal or county-private data and
 * are not walled; `audit_log` is append-only by its own triggers.
 *
 * Walls are put up by migrations made with `countyWallMigration(name, countyWallSqlV1(walls))`: the
 * SQL of a released migration never changes (see `countyWallSqlV1`).
 */
export type CountyWall =
  /** The table's rows belong to the county its `column` (a county, township or village code) starts with. */
  | { table: string; column: string }
  /** The table's rows belong to their parent row's county: visible when the parent (walled itself) is. */
  | { table: string; parent: string; key: string; parentKey?: string };

/** The database setting a request's transaction carries its scope in. */
export const SCOPE_SETTING = 'xz.scope';
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  return `"${name}"`;
}

/** The SQL of a county wall migration: `up` puts the walls up, `down` takes them down again. */
export interface CountyWallSql {
  readonly up: readonly string[];
  readonly down: readonly string[];
}

/**
 * 县域隔离墙 SQL, version 1 — FROZEN: the migrations that use it run exactly this text forever, so
 * this function (and nothing it calls) is never edited. A different wall (another policy, another
 * predicate) is a new `countyWallSqlV2`, used by new migrations only; released ones keep V1.
 *
 * For each table: enable and force row-level security and create its two policies: the owner's
 * `xz_owner_all` (every row, for the role running the migration: migrations, jobs, consumers, `xz`)
 * and `xz_county_wall` (rows whose column starts with `xz.scope`, or whose parent row is visible, for
 * everyone else; `WITH CHECK` refuses writes outside it; no scope, no rows). `down` takes exactly
 * these walls down, last table first.
 */
export function countyWallSqlV1(walls: readonly CountyWall[]): CountyWallSql {
  const name = (text: string): string => {
    if (!/^[a-z_][a-z0-9_]*$/.test(text)) throw new Error(`not a plain SQL identifier: ${text}`);
    return `"${text}"`;
  };
  const up: string[] = [];
  const down: string[] = [];
  for (const wall of walls) {
    const table = name(wall.table);
    const rule =
      'column' in wall
        ? `starts_with(${name(wall.column)}, nullif(current_setting('xz.scope', true), ''))`
        : `EXISTS (SELECT 1 FROM ${name(wall.parent)} p WHERE p.${name(wall.parentKey ?? 'id')} = ${table}.${name(wall.key)})`;
    up.push(
      `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
      `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
      `CREATE POLICY xz_owner_all ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true)`,
      `CREATE POLICY xz_county_wall ON ${table} USING (${rule}) WITH CHECK (${rule})`,
    );
    down.unshift(
      `DROP POLICY xz_county_wall ON ${table}`,
      `DROP POLICY xz_owner_all ON ${table}`,
      `ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`,
      `ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`,
    );
  }
  return { up, down };
}

/**
 * A migration class that runs the SQL it is given, statement by statement, and nothing else — the
 * SQL is fixed when the migration is written (`countyWallSqlV1(walls)`, or literal text), never read
 * from code that may change later. `name` is the migration's recorded name and ends with its
 * 13-digit timestamp; the class carries it as its own name and the SQL as `statements` (the PGlite
 * template hash includes both). One call in a plugin's or subgraph's migrations file:
 *
 * ```ts
 * export const AcmeCountyWall1774500000000 = countyWallMigration('AcmeCountyWall1774500000000', countyWallSqlV1([
 *   { table: 'acme_task', column: 'county_code' },
 *   { table: 'acme_task_step', parent: 'acme_task', key: 'task_id' },
 * ]));
 * ```
 */
export function countyWallMigration(name: string, sql: CountyWallSql): MigrationClass {
  if (!/^[A-Za-z_][A-Za-z0-9_]*\d{13}$/.test(name)) {
    throw new Error(`迁移名须以13位时间戳结尾 (a migration name must end with its 13-digit timestamp): ${name}`);
  }
  const up = Object.freeze([...sql.up]);
  const down = Object.freeze([...sql.down]);
  const migration = class implements MigrationInterface {
    name = name;
    async up(q: QueryRunner): Promise<void> {
      for (const statement of up) await q.query(statement);
    }
    async down(q: QueryRunner): Promise<void> {
      for (const statement of down) await q.query(statement);
    }
  };
  Object.defineProperty(migration, 'name', { value: name });
  Object.defineProperty(migration, 'statements', { value: Object.freeze([...up, ...down]), enumerable: true });
  return migration;
}

/**
 * The scope a request's transaction carries: the caller's region prefix, cut to the county (6
 * digits) — the database keeps counties apart; finer scopes (township, village) stay the resolvers'.
 */
export function countyWallScope(actor: Pick<Actor, 'scope'>): string {
  return regionPrefix(actor.scope).slice(0, 6);
}

/**
 * Lets `role` (created NOLOGIN when missing and the owner may) use the schema's tables and sequences.
 * Runs after the migrations, as the owner, each boot (tables added since are covered); the audit
 * log stays append-only for it (`restrictAuditLog`).
 */
export async function grantAppRole(dataSource: DataSource, schema: string, role: string): Promise<void> {
  const r = identifier(role);
  const s = identifier(schema);
  await dataSource.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE ${r} NOLOGIN NOBYPASSRLS; END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
  const [flags] = (await dataSource.query(`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1`, [role])) as { rolsuper: boolean; rolbypassrls: boolean }[];
  if (!flags) throw new Error(`数据库应用角色 ${role} 不存在 (the database app role ${role} does not exist; create it: CREATE ROLE ${role} NOLOGIN)`);
  if (flags.rolsuper || flags.rolbypassrls) {
    throw new Error(`数据库应用角色 ${role} 不能是超级用户或 BYPASSRLS (the database app role ${role} must be neither superuser nor BYPASSRLS: row-level security would not apply)`);
  }
  await dataSource.query(`GRANT USAGE ON SCHEMA ${s} TO ${r}`);
  await dataSource.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${r}`);
  await dataSource.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${s} TO ${r}`);
  // the audit log stays append-only for requests
  await restrictAuditLog(dataSource, schema, role);
}

/** Raised when a request's transaction could not commit (it had been rolled back by a failed statement). */
export class RequestRolledBackError extends Error {
  readonly code = 'TRANSACTION_ROLLED_BACK';
}

/** A request's own view of the database: one connection, one transaction, the caller's scope. */
export interface RequestDatabase {
  /** Use as the request's DataSource: `query`, `getRepository`, `manager`, `createQueryBuilder` and `transaction` (a savepoint) run in the request's transaction. */
  dataSource: DataSource;
  /** Commits (or, if it never touched the database, just releases) and returns the connection to the pool. Throws RequestRolledBackError when the transaction had failed. */
  settle: () => Promise<void>;
}

/**
 * Opens a request's view of the database behind the county wall: the first statement takes a pooled
 * connection and starts a transaction that sets the role (`SET LOCAL ROLE`) and `xz.scope` with
 * `set_config(…, true)`, so neither outlives the transaction and the next user of the connection
 * finds neither. Statements of concurrent resolvers and DataLoaders of the request share the
 * connection (the driver runs them one after another); `transaction()` calls become savepoints,
 * one at a time.
 */
export function openRequestDatabase(dataSource: DataSource, wall: { role: string; scope: string }): RequestDatabase {
  const runner: QueryRunner = dataSource.createQueryRunner();
  const beginning = new AsyncLocalStorage<true>();
  const query = runner.query.bind(runner) as (query: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;
  const startTransaction = runner.startTransaction.bind(runner);
  let begun: Promise<void> | null = null;
  identifier(wall.role);
  if (!/^\d{0,12}$/.test(wall.scope)) throw new Error(`not a region prefix: ${wall.scope}`);
  // one round trip: the transaction and both settings (the values are checked above, so they can be inlined)
  const ready = () =>
    (begun ??= beginning.run(true, async () => {
      await query(`START TRANSACTION; SELECT set_config('role', '${wall.role}', true), set_config('${SCOPE_SETTING}', '${wall.scope}', true)`);
      const bookkeeping = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
      bookkeeping.isTransactionActive = true;
      bookkeeping.transactionDepth = 1;
    }));
  // every statement and savepoint waits for the transaction and its settings; those of `ready` itself go straight through
  runner.query = ((sql: string, parameters?: unknown[], structured?: boolean) =>
    beginning.getStore() ? query(sql, parameters, structured) : ready().then(() => query(sql, parameters, structured))) as QueryRunner['query'];
  runner.startTransaction = (isolation) => (beginning.getStore() ? startTransaction(isolation) : ready().then(() => startTransaction(isolation)));
  const inSavepoint = new AsyncLocalStorage<true>();
  let savepoints: Promise<unknown> = Promise.resolve();
  const transaction = ((...args: [unknown, unknown?]) => {
    const run = () => (runner.manager.transaction as (...a: unknown[]) => Promise<unknown>)(...args);
    if (inSavepoint.getStore()) return run();
    const next = savepoints.then(() => inSavepoint.run(true, run));
    savepoints = next.catch(() => undefined);
    return next;
  }) as DataSource['transaction'];
  const facade = Object.create(dataSource) as DataSource;
  Object.defineProperties(facade, {
    manager: { value: runner.manager as EntityManager },
    query: { value: (query: string, parameters?: unknown[]) => runner.query(query, parameters) },
    transaction: { value: transaction },
    createQueryBuilder: {
      value: (entity?: unknown, alias?: string) =>
        alias === undefined ? dataSource.createQueryBuilder(runner) : dataSource.createQueryBuilder(entity as never, alias, runner),
    },
    createQueryRunner: {
      value: () => {
        throw new Error('a request runs on its own transaction: use its manager, not a connection of its own');
      },
    },
  });
  const settle = async () => {
    if (!begun) {
      await runner.release();
      return;
    }
    const client = (await runner.connect()) as { query: (sql: string) => Promise<{ command: string }> };
    let committed = false;
    try {
      await begun;
      committed = (await client.query('COMMIT')).command === 'COMMIT';
    } catch {
      await client.query('ROLLBACK').catch(() => undefined);
    } finally {
      await runner.release();
    }
    if (!committed) {
      throw new RequestRolledBackError('本次请求的事务已回滚，未保存任何更改 (the request\'s transaction was rolled back: nothing it wrote was kept)');
    }
  };
  return { dataSource: facade, settle };
}
