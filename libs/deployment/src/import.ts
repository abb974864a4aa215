import os from 'node:os';
import path from 'node:path';
import { importFile, importFileSource, type BulkImporter, type FileImportResult, type ImportProgress, type SubgraphModule } from '@xiangzhi/kernel';
import { openSubgraph, type EventsAdminTarget } from './events-admin';

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

export interface ImportIntoOptions extends EventsAdminTarget {
  importer: BulkImporter;
  file: string;
  /** XLSX: the sheet to read (name or position, default the first). */
  sheet?: string;
  countyCode: string;
  map?: Record<string, string>;
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
  afterBatch?: (committed: number) => void | Promise<void>;
}

/**
 * Imports a CSV or XLSX file into a subgraph's database (opened and migrated as `xz events` does): the kernel's `importFile`
 * (every row checked, then committed batches with a resumable checkpoint), as the operating-system
 * user running it (`xz-import:<user>` in the audit records).
 */
export async function importIntoSubgraph(options: ImportIntoOptions): Promise<FileImportResult> {
  const source = importFileSource(options.file, { sheet: options.sheet });
  return openSubgraph(options).run(({ dataSource }) =>
    importFile({
      dataSource,
      importer: options.importer,
      open: source.open,
      fileName: path.basename(options.file),
      countyCode: options.countyCode,
      map: options.map,
      actor: { id: `xz-import:${os.userInfo().username}`, roles: ['CLI'] },
      batchSize: options.batchSize,
      onProgress: options.onProgress,
      afterBatch: options.afterBatch,
    }),
  );
}
