import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  applyMigrations,
  assembleSubgraph,
  createDataSource,
  importFile,
  type BulkImporter,
  type FileImportResult,
  type ImportProgress,
  type Logger,
  type PluginDefinition,
  type SubgraphModule,
} from '@xiangzhi/kernel';

/** The subgraph and importer of an `xz import <kind>`; null when no subgraph of the deployment imports that kind. */
export function importerFor(subgraphs: readonly { name: string; module: SubgraphModule }[], kind: string): { subgraph: { name: string; module: SubgraphModule }; importer: BulkImporter } | null {
  for (const subgraph of subgraphs) {
    const importer = subgraph.module.importers?.find((i) => i.kind === kind);
    if (importer) return { subgraph, importer };
  }
  return null;
}

/** Every kind the deployment's subgraphs import, as `kind (subgraph)`. */
export function importKinds(subgraphs: readonly { name: string; module: SubgraphModule }[]): string[] {
  return subgraphs.flatMap((s) => (s.module.importers ?? []).map((i) => `${i.kind} (${s.name})`));
}

export interface ImportIntoOptions {
  module: SubgraphModule;
  importer: BulkImporter;
  file: string;
  countyCode: string;
  map?: Record<string, string>;
  databaseUrl?: string;
  dataDir?: string;
  /** PostgreSQL schema (default: the subgraph's name). */
  schema?: string;
  plugins?: PluginDefinition[];
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
  afterBatch?: (committed: number) => void | Promise<void>;
  logger: Logger;
}

/**
 * Imports a CSV file into a subgraph's database (migrating it first): the kernel's `importFile`
 * (every row checked, then committed batches with a resumable checkpoint), as the operating-system
 * user running it (`xz-import:<user>` in the audit records).
 */
export async function importIntoSubgraph(options: ImportIntoOptions): Promise<FileImportResult> {
  if (!fs.existsSync(options.file)) throw new Error(`文件不存在 (no such file): ${options.file}`);
  const assembled = assembleSubgraph(options.module, options.plugins ?? []);
  if (options.dataDir && !options.databaseUrl) fs.mkdirSync(options.dataDir, { recursive: true });
  const db = createDataSource({
    name: options.module.name,
    entities: assembled.entities,
    migrations: assembled.migrations,
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir,
    schema: options.schema,
    logger: options.logger,
  });
  try {
    await applyMigrations(db, options.logger);
    return await importFile({
      dataSource: db.dataSource,
      importer: options.importer,
      open: () => fs.createReadStream(options.file, { highWaterMark: 1 << 20 }),
      fileName: path.basename(options.file),
      countyCode: options.countyCode,
      map: options.map,
      actor: { id: `xz-import:${os.userInfo().username}`, roles: ['CLI'] },
      batchSize: options.batchSize,
      onProgress: options.onProgress,
      afterBatch: options.afterBatch,
    });
  } finally {
    if (db.dataSource.isInitialized) await db.dataSource.destroy();
  }
}
