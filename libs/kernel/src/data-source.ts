import { createHash } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { DataSource, type Logger as TypeOrmLogger, type MixedList, type EntitySchema, type MigrationInterface } from 'typeorm';
import type { Logger } from './logger';
import { createPGliteDriver } from './pglite-pool';
import { traceSql } from './telemetry';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM accepts entity classes
type EntityClass = MixedList<string | Function | EntitySchema>;
/**
 * A migration class. One built by a factory (`countyWallMigration`) shares its `up` code with every
 * other class of that factory and carries the SQL it runs as `statements`: the PGlite template hash
 * includes them, so two such migrations (or one whose SQL changed) never share a template.
 */
export type MigrationClass = (new () => MigrationInterface) & { readonly statements?: readonly string[] };

export interface DataSourceOptions {
  /** Subgraph name; also the default PostgreSQL schema its tables live in. */
  name: string;
  entities: EntityClass;
  migrations: MigrationClass[];
  /** PostgreSQL connection string; when absent the embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite data folder; when absent (and no databaseUrl) an in-memory database. */
  dataDir?: string;
  /** Schema to keep the tables in (default: `name`). Tests use a fresh schema per suite. */
  schema?: string;
  logger?: Logger;
  /** Most PostgreSQL connections the pool opens (default `XZ_DB_POOL_SIZE`, else 10). */
  poolSize?: number;
  /** Statements slower than this many milliseconds are logged (`slow sql`, without parameter values); default `XZ_SLOW_SQL_MS`, else 200. */
  slowSqlMs?: number;
}

/** Counts the SQL statements a DataSource runs: tests use it to prove there is no N+1. */
export class QueryCounter implements TypeOrmLogger {
  count = 0;
  readonly statements: string[] = [];
  private recording = false;

  constructor(private readonly logger?: Logger) {}

  /** Starts a fresh count; returns a function that stops and yields the number of statements. */
  start(): () => number {
    this.count = 0;
    this.statements.length = 0;
    this.recording = true;
    return () => {
      this.recording = false;
      return this.count;
    };
  }

  logQuery(query: string): void {
    if (/^(START TRANSACTION|COMMIT|ROLLBACK|SET )/i.test(query)) return;
    this.count += 1;
    if (this.recording) this.statements.push(query);
    this.logger?.trace({ sql: query }, 'sql');
  }
  logQueryError(error: string | Error, query: string): void {
    this.logger?.debug({ err: error, sql: query }, 'sql error');
  }
  logQuerySlow(time: number, query: string): void {
    this.logger?.warn({ ms: time, sql: query }, 'slow sql');
  }
  logSchemaBuild(message: string): void {
    this.logger?.debug(message);
  }
  logMigration(message: string): void {
    this.logger?.info({ migration: message }, 'migration');
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger?.warn({ message }, 'typeorm');
  }
}

/** pg parses int8 as a number and DATE as a `YYYY-MM-DD` string, like the embedded engine. */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (v: string) => Number(v);
    if (oid === 1082) return (v: string) => v;
    return pg.types.getTypeParser(oid, format);
  },
};

export interface XzDataSource {
  dataSource: DataSource;
  /** Where the data lives: the PGlite folder (absent in memory) or the PostgreSQL URL. */
  location: { kind: 'pglite'; dataDir?: string } | { kind: 'postgres'; url: string };
  queries: QueryCounter;
  schema: string;
  /** In-memory PGlite with a template folder: writes the migrated database as the template (once). */
  saveTemplate?: () => Promise<boolean>;
}

/**
 * 迁移模板 where in-memory PGlite databases start from a migrated copy: the folder named by
 * `XZ_PGLITE_TEMPLATES` (the test configuration sets it). The first database of a given schema and
 * migration set is migrated as usual and dumped there; later ones load the dump and find every
 * migration applied. The file name is a hash of the schema and each migration's name and code (and
 * `statements`, for a migration built by a factory), so a changed migration never loads a stale
 * template. Unset (the default), nothing is cached.
 */
export function pgliteTemplateFile(schema: string, migrations: readonly MigrationClass[]): string | undefined {
  const dir = process.env.XZ_PGLITE_TEMPLATES;
  if (!dir) return undefined;
  const hash = createHash('sha256').update(schema);
  for (const m of migrations) {
    hash.update(`\0${m.name}\0${String(m.prototype.up)}`);
    if (m.statements) hash.update(`\0${JSON.stringify(m.statements)}`);
  }
  return path.join(dir, `${schema}-${hash.digest('hex').slice(0, 24)}.tar`);
}

/** The time zone of every database session and of `todayInChina()`. */
export const TIME_ZONE = 'Asia/Shanghai';

/** Today's date (`YYYY-MM-DD`) in China Standard Time (UTC+8, no daylight saving). */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

const embedded = new WeakSet<DataSource>();

/** Whether a DataSource made by `createDataSource` runs on the embedded PGlite (one connection, one process). */
export function isEmbeddedDatabase(dataSource: DataSource): boolean {
  return embedded.has(dataSource);
}

/**
 * Creates (but does not initialise) a TypeORM DataSource for a subgraph:
 * PostgreSQL when `databaseUrl` is set, otherwise PGlite (in `dataDir`, or in memory).
 * The same committed migrations run on both; `synchronize` is never used.
 */
export function createDataSource(options: DataSourceOptions): XzDataSource {
  const schema = options.schema ?? options.name;
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  const queries = new QueryCounter(options.logger);
  // Session time zone: China Standard Time, so `CURRENT_DATE` is the same day as `todayInChina()`.
  const initSql = `CREATE SCHEMA IF NOT EXISTS "${schema}"; SET search_path TO "${schema}", public; SET TIME ZONE '${TIME_ZONE}';`;
  const common = {
    type: 'postgres' as const,
    schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    // migrations use the built-in gen_random_uuid(); never try CREATE EXTENSION "uuid-ossp"
    installExtensions: false,
    logging: true,
    logger: queries,
    maxQueryExecutionTime: options.slowSqlMs ?? (Number(process.env.XZ_SLOW_SQL_MS) || 200),
  };
  const driver = options.databaseUrl
    ? null
    : createPGliteDriver({
        dataDir: options.dataDir ? path.resolve(options.dataDir) : undefined,
        initSql,
        logger: options.logger,
        templateFile: options.dataDir ? undefined : pgliteTemplateFile(schema, options.migrations),
      });
  const dataSource: DataSource = options.databaseUrl
    ? new DataSource({
        ...common,
        url: options.databaseUrl,
        applicationName: `xiangzhi-${options.name}`,
        extra: { types: pgTypes, options: `-c search_path=${schema},public -c TimeZone=${TIME_ZONE}`, max: options.poolSize ?? (Number(process.env.XZ_DB_POOL_SIZE) || 10) },
      })
    : new DataSource({
        ...common,
        driver,
      });
  traceSql(dataSource, options.databaseUrl ? 'postgresql' : 'pglite');
  if (!options.databaseUrl) embedded.add(dataSource);
  const location: XzDataSource['location'] = options.databaseUrl
    ? { kind: 'postgres', url: options.databaseUrl }
    : { kind: 'pglite', dataDir: options.dataDir ? path.resolve(options.dataDir) : undefined };
  return { dataSource, queries, schema, location, saveTemplate: driver?.saveTemplate };
}

/**
 * Initialises the DataSource, makes sure its schema exists, and applies pending migrations;
 * returns the names of the migrations applied.
 */
export async function applyMigrations(ds: XzDataSource, logger?: Logger): Promise<string[]> {
  if (!ds.dataSource.isInitialized) {
    try {
      await ds.dataSource.initialize();
    } catch (error) {
      throw databaseOpenError(error, ds.location);
    }
  }
  await ds.dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${ds.schema}"`);
  const applied = await ds.dataSource.runMigrations({ transaction: 'each' });
  for (const m of applied) logger?.info({ migration: m.name, schema: ds.schema }, 'migration applied');
  if (applied.length > 0) await ds.saveTemplate?.();
  return applied.map((m) => m.name);
}

/** Initialises the DataSource and applies pending migrations (see `applyMigrations`). */
export async function openDataSource(ds: XzDataSource, logger?: Logger): Promise<DataSource> {
  await applyMigrations(ds, logger);
  return ds.dataSource;
}

/**
 * 数据库无法打开 a database that cannot be opened: the message says what is wrong in Chinese and
 * English and what to run about it; the cause is kept for the logs, never shown as a stack trace.
 */
export class DatabaseOpenError extends Error {
  readonly code = 'DATABASE_UNAVAILABLE';

  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = 'DatabaseOpenError';
  }
}

/** A connection string with its password hidden, for messages and logs. */
export function redactDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(不是有效的连接串 not a valid connection string)';
  }
}

function errorDetail(error: unknown): { code?: string; message: string } {
  const e = error as { code?: unknown; message?: unknown } | null;
  return { code: typeof e?.code === 'string' ? e.code : undefined, message: typeof e?.message === 'string' ? e.message : String(error) };
}

/**
 * Explains why a database could not be opened (see `DatabaseOpenError`): a PGlite folder that is
 * damaged or not accessible, a PostgreSQL server that is unreachable, refuses the credentials, or has
 * no such database. A data folder held by another process keeps its own error (it names the holder).
 */
export function databaseOpenError(error: unknown, location: XzDataSource['location']): Error {
  if ((error as { code?: unknown })?.code === 'DATA_FOLDER_LOCKED' || error instanceof DatabaseOpenError) return error as Error;
  const { code, message } = errorDetail(error);
  const cause = { cause: error };
  if (location.kind === 'pglite') {
    const dir = location.dataDir ?? '(内存 in memory)';
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      return new DatabaseOpenError(
        `无法访问数据目录 ${dir}：权限不足（${code}） (cannot access the data folder ${dir}: permission denied, ${code}). ` +
          `出路 way out: 让运行乡治的用户可读写该目录，例如 chown -R "$(id -un)" ${dir}，或用 XZ_DATA_DIR 指向可写目录 (give the user running it read and write access, or point XZ_DATA_DIR at a writable folder)`,
        cause,
      );
    }
    return new DatabaseOpenError(
      `数据目录 ${dir} 无法打开，可能已损坏（${message}） (the data folder ${dir} cannot be opened, it may be damaged: ${message}). ` +
        `出路 way out: 从最近的备份恢复到新目录：xz restore <备份.tar.gz> --to ${dir}.restored，再停止服务、把 ${dir} 移开并把恢复的目录放回原处 ` +
        `(restore the latest backup into a new folder with xz restore <backup.tar.gz> --to ${dir}.restored, then, stopped, move ${dir} aside and the restored folder into its place; xz backup ${dir} --out <file> makes backups)`,
      cause,
    );
  }
  const url = redactDatabaseUrl(location.url);
  const reasons: Record<string, string> = {
    ECONNREFUSED: `无法连接 PostgreSQL ${url}：服务器未运行或端口不对 (cannot reach PostgreSQL at ${url}: the server is not running or the port is wrong). 出路 way out: pg_isready -d "<DATABASE_URL>"，检查 DATABASE_URL / DATABASE_URL_<子图> (check DATABASE_URL or DATABASE_URL_<SUBGRAPH>)`,
    ENOTFOUND: `找不到 PostgreSQL 主机 ${url} (the PostgreSQL host of ${url} is unknown). 出路 way out: 检查 DATABASE_URL 中的主机名 (check the host name in DATABASE_URL)`,
    ETIMEDOUT: `连接 PostgreSQL ${url} 超时 (connecting to PostgreSQL at ${url} timed out). 出路 way out: 检查网络与防火墙，pg_isready -d "<DATABASE_URL>" (check the network and firewall)`,
    '28P01': `PostgreSQL ${url} 拒绝了用户名或密码 (PostgreSQL at ${url} refused the user name or password). 出路 way out: 检查 DATABASE_URL 中的用户与密码 (check the user and password in DATABASE_URL)`,
    '28000': `PostgreSQL ${url} 不允许该用户连接 (PostgreSQL at ${url} does not let this user connect). 出路 way out: 检查 pg_hba.conf 与 DATABASE_URL 中的用户 (check pg_hba.conf and the user in DATABASE_URL)`,
    '3D000': `PostgreSQL ${url} 中没有这个数据库 (the database of ${url} does not exist). 出路 way out: createdb 创建它，或改正 DATABASE_URL (create it with createdb, or fix DATABASE_URL)`,
    '42501': `PostgreSQL ${url} 的用户权限不足，无法建模式或表 (the user of ${url} may not create the schema or tables). 出路 way out: 用有 CREATE 权限的用户迁移：GRANT CREATE ON DATABASE … TO …，或由管理员运行 xz migrate (migrate as a user with CREATE rights)`,
  };
  const known = code ? reasons[code] : undefined;
  return new DatabaseOpenError(
    known ?? `无法打开 PostgreSQL 数据库 ${url}（${message}） (cannot open the PostgreSQL database ${url}: ${message}). 出路 way out: 检查 DATABASE_URL 与服务器日志 (check DATABASE_URL and the server's log)`,
    cause,
  );
}
