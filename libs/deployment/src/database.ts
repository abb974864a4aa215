import fs from 'node:fs';
import path from 'node:path';
import {
  applyMigrations,
  assembleSubgraph,
  createDataSource,
  PolicyRegistry,
  seedSubgraph,
  verifyAuditChain,
  type AuditChainReport,
  type CountyPluginParams,
  type Logger,
  type PluginDefinition,
  type SubgraphModule,
} from '@xiangzhi/kernel';

/** The folder holding one PGlite data folder per subgraph: `XZ_DATA_DIR`, else `.data` under the working directory. */
export function dataRootFrom(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return path.resolve(cwd, env.XZ_DATA_DIR ?? '.data');
}

/** A subgraph's PGlite data folder: `<root>/<subgraph>`. */
export function dataDirFor(root: string, subgraph: string): string {
  return path.join(root, subgraph);
}

/**
 * A subgraph's PostgreSQL connection string: `DATABASE_URL_<SUBGRAPH>` (e.g. `DATABASE_URL_GRIDS`,
 * one database per subgraph), else `DATABASE_URL` (one database, a schema per subgraph), else none (PGlite).
 */
export function databaseUrlFor(subgraph: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[`DATABASE_URL_${subgraph.toUpperCase()}`] || env.DATABASE_URL || undefined;
}

export interface DatabaseTarget {
  databaseUrl?: string;
  dataDir?: string;
  schema?: string;
}

export interface MigrateOptions extends DatabaseTarget {
  plugins?: PluginDefinition[];
  countyParams?: Record<string, CountyPluginParams>;
  /** Load the idempotent demo data after migrating. */
  seed?: boolean;
  logger: Logger;
}

/**
 * Applies a subgraph's pending migrations (its own and those of the installed plugins) and
 * optionally loads the demo data, then closes the database. Returns the migrations applied.
 */
export async function migrateSubgraph(module: SubgraphModule, options: MigrateOptions): Promise<string[]> {
  const applied: string[] = [];
  await withSubgraphDatabase(module, options, async (db, assembled) => {
    applied.push(...(await applyMigrations(db, options.logger)));
    if (options.seed) {
      const policies = new PolicyRegistry(module.name, assembled.defaults, assembled.plugins, options.countyParams ?? {});
      await seedSubgraph(assembled, db, policies, options.logger);
    }
  });
  return applied;
}

/** Checks a subgraph's audit chain (`xz audit verify`), after applying its pending migrations. */
export async function verifySubgraphAudit(module: SubgraphModule, options: Omit<MigrateOptions, 'seed'>): Promise<AuditChainReport> {
  return withSubgraphDatabase(module, options, async (db) => {
    await applyMigrations(db, options.logger);
    return verifyAuditChain(db.dataSource);
  });
}

/** Opens a subgraph's database (its own and its plugins' entities and migrations) for one piece of work, then closes it. */
async function withSubgraphDatabase<T>(
  module: SubgraphModule,
  options: Omit<MigrateOptions, 'seed'>,
  work: (db: ReturnType<typeof createDataSource>, assembled: ReturnType<typeof assembleSubgraph>) => Promise<T>,
): Promise<T> {
  const assembled = assembleSubgraph(module, options.plugins ?? []);
  if (options.dataDir && !options.databaseUrl) fs.mkdirSync(options.dataDir, { recursive: true });
  const db = createDataSource({
    name: module.name,
    entities: assembled.entities,
    migrations: assembled.migrations,
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir,
    schema: options.schema,
    logger: options.logger,
  });
  try {
    return await work(db, assembled);
  } finally {
    if (db.dataSource.isInitialized) await db.dataSource.destroy();
  }
}
