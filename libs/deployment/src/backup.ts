import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { acquireDataLock, DATA_LOCK_FILE, redactDatabaseUrl, type Logger } from '@xiangzhi/kernel';

/** A backup or restore that cannot be done: the CLI prints the (bilingual) message and exits 1. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** What a backup holds: a PGlite data folder (`dumpDataDir`, a gzipped tar) or a PostgreSQL database (`pg_dump -Fc`). */
export type BackupKind = 'pglite' | 'postgres';

export interface BackupResult {
  kind: BackupKind;
  file: string;
  bytes: number;
}

const isDatabaseUrl = (target: string): boolean => /^postgres(ql)?:\/\//i.test(target);

/** The kind of a backup file, from its first bytes (gzip for PGlite, `PGDMP` for pg_dump's custom format). */
export function backupKindOf(file: string): BackupKind {
  let head: Buffer;
  try {
    const fd = fs.openSync(file, 'r');
    head = Buffer.alloc(5);
    fs.readSync(fd, head, 0, 5, 0);
    fs.closeSync(fd);
  } catch (error) {
    throw new BackupError(`无法读取备份文件 ${file}：${(error as Error).message} (cannot read the backup file ${file})`);
  }
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  if (head.toString('latin1') === 'PGDMP') return 'postgres';
  throw new BackupError(`${file} 不是乡治备份（既非 PGlite 数据目录备份也非 pg_dump 自定义格式） (${file} is not a backup made by xz backup: neither a PGlite dump nor a pg_dump custom-format archive)`);
}

/** Runs a PostgreSQL client tool; a missing tool or a failure becomes a readable `BackupError`. */
function runPgTool(tool: 'pg_dump' | 'pg_restore', args: string[], target: string): void {
  const run = spawnSync(tool, args, { encoding: 'utf8', env: { ...process.env, PGCONNECT_TIMEOUT: '10' } });
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new BackupError(`找不到 ${tool}：请安装与服务器同版本的 PostgreSQL 客户端（如 apt-get install postgresql-client-15） (${tool} is not on PATH: install the PostgreSQL client tools of the server's version)`);
  }
  if (run.status !== 0) {
    const detail = (run.stderr || run.error?.message || '').trim().split('\n').slice(0, 5).join('\n  ');
    throw new BackupError(`${tool} 失败（${redactDatabaseUrl(target)}） (${tool} failed for ${redactDatabaseUrl(target)}):\n  ${detail}`);
  }
}

/**
 * 备份 writes a backup of a PGlite data folder (its `dumpDataDir`, gzipped; the folder must not be in
 * use — its lock is taken while dumping) or of a PostgreSQL database (`pg_dump --format=custom`, all
 * of it or only `schemas`) to `out`, through a temporary name so that a failed backup leaves no file.
 */
export async function backupDatabase(source: string, out: string, options: { schemas?: string[]; logger?: Logger } = {}): Promise<BackupResult> {
  const file = path.resolve(out);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.part`;
  try {
    if (isDatabaseUrl(source)) {
      runPgTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, ...(options.schemas ?? []).map((s) => `--schema=${s}`), `--dbname=${source}`], source);
    } else {
      const dir = path.resolve(source);
      if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
        throw new BackupError(`${dir} 不是 PGlite 数据目录（没有 PG_VERSION） (${dir} is not a PGlite data folder: no PG_VERSION; give a subgraph's folder, e.g. .data/grids)`);
      }
      const lock = acquireDataLock(dir, options.logger);
      try {
        const db = await PGlite.create(dir);
        try {
          const dump = await db.dumpDataDir('gzip');
          fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
        } finally {
          await db.close();
        }
      } finally {
        lock.release();
      }
    }
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return { kind: isDatabaseUrl(source) ? 'postgres' : 'pglite', file, bytes: fs.statSync(file).size };
}

/**
 * 恢复 restores a backup made by `backupDatabase`: a PGlite backup into a new (absent or empty) data
 * folder, a PostgreSQL backup into a database with `pg_restore` in one transaction (all or nothing;
 * the schemas it holds must not exist there yet).
 */
export async function restoreDatabase(file: string, to: string): Promise<{ kind: BackupKind }> {
  const kind = backupKindOf(file);
  if (kind === 'postgres') {
    if (!isDatabaseUrl(to)) throw new BackupError(`${file} 是 PostgreSQL 备份，--to 需要 postgres:// 连接串 (${file} is a PostgreSQL backup: --to must be a postgres:// URL)`);
    runPgTool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${to}`, file], to);
    return { kind };
  }
  if (isDatabaseUrl(to)) throw new BackupError(`${file} 是 PGlite 数据目录备份，--to 需要一个目录 (${file} is a PGlite backup: --to must be a folder)`);
  const dir = path.resolve(to);
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new BackupError(`目标目录 ${dir} 非空，不会覆盖；请恢复到新目录，停止服务后再替换 (${dir} is not empty and is not overwritten: restore into a new folder, then swap it in while the platform is stopped)`);
  }
  fs.mkdirSync(dir, { recursive: true });
  const lock = acquireDataLock(dir);
  try {
    const db = await PGlite.create(dir, { loadDataDir: new Blob([fs.readFileSync(file)]) });
    await db.query('SELECT 1');
    await db.close();
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new BackupError(`备份 ${file} 无法恢复：${(error as Error).message} (the backup could not be restored)`);
  } finally {
    lock.release();
  }
  // a lock file dumped with the folder names the process that made the backup
  const restoredLock = path.join(dir, DATA_LOCK_FILE);
  if (fs.existsSync(restoredLock)) fs.rmSync(restoredLock, { force: true });
  return { kind };
}
