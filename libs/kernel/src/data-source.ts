import { createHash } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { DataSource, type Logger as TypeOrmLogger, type MixedList, type EntitySchema, type MigrationInterface } from 'typeorm';
import type { Logger } from './logger';
import { createPGliteDriver } from './pglite-pool';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM accepts entity classes
type EntityClass = MixedList<string | Function | EntitySchema>;
export type MigrationClass = new () => MigrationInterface;

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
  queries: QueryCounter;
  schema: string;
  /** In-memory PGlite with a template folder: writes the migrated database as the template (once). */
  saveTemplate?: () => Promise<boolean>;
}

/**
 * 迁移模板 where in-memory PGlite databases start from a migrated copy: the folder named by
 * `XZ_PGLITE_TEMPLATES` (the test configuration sets it). The first database of a given schema and
 * migration set is migrated as usual and dumped there; later ones load the dump and find every
 * migration applied. The file name is a hash of the schema and each migration's name and code, so a
 * changed migration never loads a stale template. Unset (the default), nothing is cached.
 */
export function pgliteTemplateFile(schema: string, migrations: readonly MigrationClass[]): string | undefined {
  const dir = process.env.XZ_PGLITE_TEMPLATES;
  if (!dir) return undefined;
  const hash = createHash('sha256').update(schema);
  for (const m of migrations) hash.update(`\0${m.name}\0${String(m.prototype.up)}`);
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
        extra: { types: pgTypes, options: `-c search_path=${schema},public -c TimeZone=${TIME_ZONE}`, max: 10 },
      })
    : new DataSource({
        ...common,
        driver,
      });
  if (!options.databaseUrl) embedded.add(dataSource);
  return { dataSource, queries, schema, saveTemplate: driver?.saveTemplate };
}

/**
 * Initialises the DataSource, makes sure its schema exists, and applies pending migrations;
 * returns the names of the migrations applied.
 */
export async function applyMigrations(ds: XzDataSource, logger?: Logger): Promise<string[]> {
  if (!ds.dataSource.isInitialized) await ds.dataSource.initialize();
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
