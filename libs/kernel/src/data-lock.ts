import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from './logger';

/** The lock file every embedded data folder carries while a process owns it (like PostgreSQL's `postmaster.pid`). */
export const DATA_LOCK_FILE = 'xiangzhi.lock';

/** Who holds a data folder: what the lock file records. */
export interface DataLockHolder {
  pid: number;
  /** When the holder took the folder (ISO time). */
  since: string;
  host: string;
  /** The holder's command line (`node apps/platform/dist/main.js`, `xz serve …`). */
  command: string;
  /** The holder's process start time in clock ticks since boot (`/proc/<pid>/stat`), when known: tells a reused pid apart. */
  processStart: number | null;
}

/** A second process (or a second open in this one) wanted a data folder that is in use. */
export class DataFolderLockedError extends Error {
  readonly code = 'DATA_FOLDER_LOCKED';

  constructor(
    readonly dataDir: string,
    readonly holder: DataLockHolder,
  ) {
    const who = `pid ${holder.pid}`;
    super(
      `数据目录 ${dataDir} 正被另一进程使用（${who}，主机 ${holder.host}，自 ${holder.since} 起，命令：${holder.command}），请先停止该进程；` +
        `两个进程同时写同一目录会损坏数据库 ` +
        `(The data folder ${dataDir} is in use by another process (${who} on ${holder.host}, since ${holder.since}, command: ${holder.command}): ` +
        `stop it first; two processes writing one folder corrupt the database)`,
    );
    this.name = 'DataFolderLockedError';
  }
}

/** A data folder this process owns until `release()`. */
export interface DataLock {
  dataDir: string;
  file: string;
  release: () => void;
}

/** Folders this process holds (a second open in the same process is refused too). */
const held = new Map<string, DataLock>();

/** The start time of a process in clock ticks since boot, from `/proc` (null where there is none). */
export function processStartTime(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = Number(fields[19]); // field 22 of stat: starttime
    return Number.isFinite(start) ? start : null;
  } catch {
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): DataLockHolder | null {
  try {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<DataLockHolder>;
    if (typeof raw.pid !== 'number') return null;
    return {
      pid: raw.pid,
      since: String(raw.since ?? '?'),
      host: String(raw.host ?? '?'),
      command: String(raw.command ?? '?'),
      processStart: typeof raw.processStart === 'number' ? raw.processStart : null,
    };
  } catch {
    return null;
  }
}

/**
 * Why a recorded holder no longer holds the folder (null when it still does): its process is gone,
 * or the pid now belongs to a process started at another time (a reused pid), or it is this
 * process's own pid from an earlier run. A holder on another host cannot be checked: it holds.
 */
function staleReason(holder: DataLockHolder, dataDir: string): string | null {
  if (holder.host !== os.hostname()) return null;
  if (holder.pid === process.pid) return held.has(dataDir) ? null : 'this process does not hold it (an earlier run with the same pid)';
  if (!processAlive(holder.pid)) return `process ${holder.pid} is gone`;
  const start = processStartTime(holder.pid);
  if (holder.processStart !== null && start !== null && start !== holder.processStart) return `pid ${holder.pid} now belongs to another process`;
  return null;
}

function commandLine(): string {
  return [path.basename(process.argv0 || 'node'), ...process.argv.slice(1).map((a) => path.relative(process.cwd(), a) || a)].join(' ').slice(0, 500);
}

/**
 * 数据目录独占 takes the data folder for this process, atomically: the lock file (pid, start time,
 * host, command) is written aside and hard-linked into place, which fails when it exists. A lock
 * whose holder is gone is taken over with a warning; one held by a live process — in another process
 * or this one — refuses with `DataFolderLockedError` naming the holder. `release()` removes it (clean
 * stop); the lock of a process that exits without stopping is removed on exit, and one left by a
 * crash is stale for the next start.
 */
export function acquireDataLock(dataDir: string, logger?: Logger): DataLock {
  const dir = path.resolve(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, DATA_LOCK_FILE);
  const holder: DataLockHolder = {
    pid: process.pid,
    since: new Date().toISOString(),
    host: os.hostname(),
    command: commandLine(),
    processStart: processStartTime(process.pid),
  };
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(holder)}\n`, { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        fs.linkSync(temp, file); // atomic: fails with EEXIST when the folder is taken
        const lock: DataLock = {
          dataDir: dir,
          file,
          release: () => {
            if (held.get(dir) !== lock) return;
            held.delete(dir);
            const current = readHolder(file);
            if (current && current.pid === holder.pid && current.since === holder.since) fs.rmSync(file, { force: true });
          },
        };
        held.set(dir, lock);
        return lock;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const current = readHolder(file);
      if (current === null) {
        // unreadable: written by a crashed version, or not ours; an old one is taken over
        const age = Date.now() - fs.statSync(file).mtimeMs;
        if (age < 5_000) throw new DataFolderLockedError(dir, { pid: 0, since: '?', host: '?', command: '?', processStart: null });
        logger?.warn({ dataDir: dir }, 'taking over an unreadable data folder lock');
        fs.rmSync(file, { force: true });
        continue;
      }
      const stale = staleReason(current, dir);
      if (stale === null) throw new DataFolderLockedError(dir, current);
      const warning = `数据目录锁已失效，接管 (taking over a stale data folder lock): ${dir}: ${stale}`;
      if (logger) logger.warn({ dataDir: dir, holder: current, reason: stale }, warning);
      else process.emitWarning(warning);
      fs.rmSync(file, { force: true });
    }
    throw new Error(`could not take the data folder lock ${file}`);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** Whether this process holds the folder. */
export function holdsDataLock(dataDir: string): boolean {
  return held.has(path.resolve(dataDir));
}

process.on('exit', () => {
  for (const lock of [...held.values()]) {
    try {
      lock.release();
    } catch {
      /* exiting anyway */
    }
  }
});
