import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pgliteTemplateFile, todayInChina, type CalendarOverrides, type CountyPluginParams, type PluginDefinition, type RunningSubgraph, type SubgraphModule } from '@xiangzhi/kernel';

/**
 * 演示数据快照 seeded snapshots: a platform booted on in-memory PGlite with `seed: true` dumps each
 * subgraph's seeded database once (beside the migrated templates, in `$XZ_PGLITE_TEMPLATES/seeded-<key>/`);
 * a later platform of the same key loads those dumps instead of seeding again. The first platform of a
 * key only notes that it seeded; the second one dumps (so a key used once costs no dump). The key hashes
 * everything the seeded state can depend on: the subgraphs (in order), plugins, county parameters and
 * calendar, today's date in China, and the content of every source file of the workspace (libs, apps,
 * plugins, tests, examples, the lock file) — a changed migration, seed, module, plugin or spec never
 * loads a stale snapshot. `XZ_SEED_SNAPSHOTS=0` turns it off. PostgreSQL and NATS platforms always seed.
 */

const SOURCE_GROUPS = ['libs', 'apps', 'plugins', 'tests', 'examples'];
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'tmp', 'coverage', '.git']);
const MARKER_PREFIX = 'xz-seed-snapshot:';

function workspaceRoot(): string | undefined {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'nx.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

let sourceHash: string | null | undefined;

/** A hash of the content of every workspace source file (once per process); null outside a workspace. */
function workspaceSourceHash(): string | null {
  if (sourceHash !== undefined) return sourceHash;
  const root = workspaceRoot();
  if (!root) return (sourceHash = null);
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (SKIPPED_FOLDERS.has(entry.name)) continue;
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.isFile()) files.push(file);
    }
  };
  for (const group of SOURCE_GROUPS) if (fs.existsSync(path.join(root, group))) walk(path.join(root, group));
  files.sort();
  const hash = createHash('sha256');
  for (const file of [...files, path.join(root, 'package-lock.json')]) {
    if (!fs.existsSync(file)) continue;
    hash.update(`\0${path.relative(root, file)}\0`);
    hash.update(fs.readFileSync(file));
  }
  return (sourceHash = hash.digest('hex'));
}

export interface SeedSnapshotKey {
  subgraphs: SubgraphModule[];
  plugins?: PluginDefinition[];
  countyParams?: Record<string, CountyPluginParams>;
  calendar?: CalendarOverrides;
}

/** The folder of a seeded snapshot of this platform, or undefined when snapshots do not apply. */
export function seedSnapshotDir(key: SeedSnapshotKey): string | undefined {
  const templates = process.env.XZ_PGLITE_TEMPLATES;
  if (!templates || process.env.XZ_SEED_SNAPSHOTS === '0') return undefined;
  const sources = workspaceSourceHash();
  if (!sources) return undefined;
  const hash = createHash('sha256')
    .update(sources)
    .update(`\0${todayInChina()}`)
    .update(`\0${key.subgraphs.map((m) => m.name).join(',')}`)
    .update(`\0${(key.plugins ?? []).map((p) => p.name).join(',')}`)
    .update(`\0${JSON.stringify(key.countyParams ?? {})}`)
    .update(`\0${JSON.stringify(key.calendar ?? {})}`);
  return path.join(templates, `seeded-${hash.digest('hex').slice(0, 24)}`);
}

interface PGliteLike {
  query: <T>(sql: string) => Promise<{ rows: T[] }>;
  exec: (sql: string) => Promise<unknown>;
  dumpDataDir: (compression: 'none') => Promise<Blob>;
}

/** The in-memory PGlite instance under a running subgraph (the kernel's driver, as TypeORM holds it). */
async function pgliteOf(sg: RunningSubgraph): Promise<PGliteLike> {
  const driver = sg.db.dataSource.driver as unknown as { postgres?: { instance?: () => Promise<PGliteLike> } };
  const instance = driver.postgres?.instance;
  if (!instance) throw new Error(`subgraph ${sg.name} does not run on in-memory PGlite`);
  return instance();
}

/** The template file name the kernel gives this subgraph's database (schema and migration set). */
function templateName(sg: RunningSubgraph): string {
  const migrations = (sg.db.dataSource.options.migrations ?? []) as unknown as Parameters<typeof pgliteTemplateFile>[1];
  const file = pgliteTemplateFile(sg.db.schema, migrations);
  if (!file) throw new Error('XZ_PGLITE_TEMPLATES is not set');
  return path.basename(file);
}

const done = (dir: string) => path.join(dir, 'complete');

/** Whether a complete snapshot is in `dir`. */
export function hasSeedSnapshot(dir: string): boolean {
  return fs.existsSync(done(dir));
}

/**
 * Whether a platform seeding for the snapshot `dir` should dump it: only the second one of its key (a
 * dump costs seconds, and many platforms have a key of their own); the first leaves a note that it seeded.
 */
export function seedSnapshotWanted(dir: string): boolean {
  const note = `${dir}.seeded`;
  if (fs.existsSync(note)) return true;
  fs.mkdirSync(path.dirname(note), { recursive: true });
  fs.writeFileSync(note, '');
  return false;
}

/** Snapshots of other keys untouched for this long belong to sources no longer checked out. */
const STALE_SNAPSHOT_MS = 3600_000;

/** Removes the snapshots of other keys (older sources, other days) not written within the last hour. */
function pruneOtherSnapshots(keep: string): void {
  const parent = path.dirname(keep);
  for (const name of fs.readdirSync(parent)) {
    const dir = path.join(parent, name);
    if (!name.startsWith('seeded-') || dir === keep || name === `${path.basename(keep)}.seeded`) continue;
    try {
      if (Date.now() - fs.statSync(dir).mtimeMs > STALE_SNAPSHOT_MS) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // removed by another process meanwhile
    }
  }
}

/**
 * Dumps the seeded databases of a platform that has just seeded (nothing else running) into `dir`,
 * each marked with the snapshot's key; the folder counts only once complete (renamed into place).
 */
export async function saveSeedSnapshot(dir: string, subgraphs: RunningSubgraph[]): Promise<void> {
  if (hasSeedSnapshot(dir)) return;
  const partial = `${dir}.${process.pid}.${Date.now()}.part`;
  fs.mkdirSync(partial, { recursive: true });
  try {
    for (const sg of subgraphs) {
      const db = await pgliteOf(sg);
      const [{ name }] = (await db.query<{ name: string }>('SELECT current_database() AS name')).rows;
      await db.exec(`COMMENT ON DATABASE "${name}" IS '${MARKER_PREFIX}${path.basename(dir)}'`);
      const dump = await db.dumpDataDir('none');
      await db.exec(`COMMENT ON DATABASE "${name}" IS NULL`);
      fs.writeFileSync(path.join(partial, templateName(sg)), Buffer.from(await dump.arrayBuffer()));
    }
    fs.writeFileSync(done(partial), '');
    fs.renameSync(partial, dir);
    pruneOtherSnapshots(dir);
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    // another process completed the same snapshot first: theirs is as good
    if (!hasSeedSnapshot(dir)) throw error;
  }
}

/**
 * Checks that every subgraph of a platform booted from the snapshot in `dir` really holds it (the
 * marker written before the dump), then removes the marker; throws otherwise.
 */
export async function confirmSeedSnapshot(dir: string, subgraphs: RunningSubgraph[]): Promise<void> {
  for (const sg of subgraphs) {
    const db = await pgliteOf(sg);
    const [row] = (await db.query<{ name: string; marker: string | null }>(
      "SELECT datname AS name, shobj_description(oid, 'pg_database') AS marker FROM pg_database WHERE datname = current_database()",
    )).rows;
    if (row?.marker !== `${MARKER_PREFIX}${path.basename(dir)}`) {
      throw new Error(`演示数据快照未加载 (the seeded snapshot was not loaded): subgraph ${sg.name}, snapshot ${dir}, marker ${row?.marker ?? '(none)'}`);
    }
    await db.exec(`COMMENT ON DATABASE "${row.name}" IS NULL`);
  }
}

/**
 * Runs `create` (which must create the subgraphs' data sources synchronously, as `startStack` does
 * before its first await) with in-memory PGlite templates read from `dir`.
 */
export function withTemplatesFrom<T>(dir: string, create: () => T): T {
  const previous = process.env.XZ_PGLITE_TEMPLATES;
  process.env.XZ_PGLITE_TEMPLATES = dir;
  try {
    return create();
  } finally {
    process.env.XZ_PGLITE_TEMPLATES = previous;
  }
}
