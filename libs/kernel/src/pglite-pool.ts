import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import { acquireDataLock, type DataLock } from './data-lock';
import type { Logger } from './logger';

/**
 * A `pg`-shaped driver over one PGlite instance, for TypeORM's postgres driver.
 *
 * PGlite is a single connection. This pool hands that connection to one query runner at a time
 * (a FIFO mutex), so a transaction never interleaves with another request's statements —
 * the same isolation a real PostgreSQL connection pool gives. Every DataSource gets its own
 * instance, so several subgraphs can run in one process, each on its own database.
 */
type QueryCallback = (err: Error | null, result?: PgResult) => void;

interface PgResult {
  rows: unknown[];
  rowCount: number;
  command: string;
  fields: unknown[];
}

/** Dates stay `YYYY-MM-DD` strings (as configured for `pg` too), so both engines agree. */
export const PGLITE_PARSERS = {
  [types.DATE]: (value: string) => value,
};

class Mutex {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return ready;
  }
}

class PGliteConnection extends EventEmitter {
  constructor(private readonly db: PGlite) {
    super();
  }

  query(sql: string, params?: unknown[] | QueryCallback, callback?: QueryCallback): Promise<PgResult> {
    const cb = typeof params === 'function' ? params : callback;
    const values = Array.isArray(params) ? params : undefined;
    const run: Promise<PgResult> =
      values && values.length > 0
        ? this.db.query(sql, values).then(toPgResult)
        : this.db.exec(sql).then((results) => toPgResult(results[results.length - 1]));
    if (cb) {
      // callback style (how TypeORM calls it): report through the callback only, so a failed
      // statement does not also leave an unhandled promise rejection behind
      void run.then(
        (result) => cb(null, result),
        (error: Error) => cb(error),
      );
      return run.catch(() => toPgResult(undefined));
    }
    return run;
  }
}

function toPgResult(result: { rows: unknown[]; affectedRows?: number; fields?: unknown[] } & Record<string, unknown> | undefined): PgResult {
  if (!result) return { rows: [], rowCount: 0, command: '', fields: [] };
  return {
    rows: result.rows,
    rowCount: typeof result.rowCount === 'number' ? result.rowCount : (result.affectedRows ?? result.rows.length),
    command: typeof result.command === 'string' ? result.command : '',
    fields: result.fields ?? [],
  };
}

export interface PGliteDriverOptions {
  /** Folder where the database persists; omit for an in-memory database. */
  dataDir?: string;
  /** Statements run once when the instance opens (e.g. `SET search_path`). */
  initSql?: string;
  /** Where a stale data folder lock taken over is reported. */
  logger?: Logger;
  /**
   * For an in-memory database only: a dump (`dumpDataDir`) to start from instead of an empty
   * cluster, when the file exists (tests start from the migrated schema; see `createDataSource`).
   */
  templateFile?: string;
}

/** Builds the object TypeORM expects as `driver` (the `pg` module shape) over one PGlite instance. */
export function createPGliteDriver(options: PGliteDriverOptions): { Pool: new () => EventEmitter; instance: () => Promise<PGlite>; saveTemplate: () => Promise<boolean> } {
  let instance: Promise<PGlite> | null = null;
  const mutex = new Mutex();
  // One owner per data folder: taken before PGlite opens the files, released once it has closed them.
  let lock: DataLock | null = null;
  const open = (): Promise<PGlite> => {
    if (!instance) {
      try {
        if (options.dataDir) lock = acquireDataLock(options.dataDir, options.logger);
      } catch (error) {
        return Promise.reject(error as Error);
      }
      const template = !options.dataDir && options.templateFile && fs.existsSync(options.templateFile) ? fs.readFileSync(options.templateFile) : null;
      const created = template
        ? PGlite.create({ loadDataDir: new Blob([template]), parsers: PGLITE_PARSERS })
        : PGlite.create(options.dataDir, { parsers: PGLITE_PARSERS });
      instance = created.then(async (db) => {
        if (options.initSql) await db.exec(options.initSql);
        return db;
      });
      instance.catch(() => {
        lock?.release();
        lock = null;
      });
    }
    return instance;
  };

  class Pool extends EventEmitter {
    connect(callback: (err: Error | null, connection?: PGliteConnection, release?: () => void) => void): void {
      void (async () => {
        try {
          const db = await open();
          const release = await mutex.acquire();
          let released = false;
          callback(null, new PGliteConnection(db), () => {
            if (!released) {
              released = true;
              release();
            }
          });
        } catch (error) {
          callback(error as Error);
        }
      })();
    }

    end(callback?: (err: Error | null) => void): Promise<void> {
      const held = lock;
      lock = null;
      const closing = (instance ? instance.then((db) => db.close()) : Promise.resolve()).finally(() => held?.release());
      instance = null;
      return closing.then(
        () => callback?.(null),
        (error: Error) => {
          callback?.(error);
        },
      );
    }
  }

  /**
   * Writes the in-memory database as the template file, once (a file already there is kept; the
   * write goes through a temporary name, so a concurrent reader never sees half a file).
   */
  const saveTemplate = async (): Promise<boolean> => {
    const file = options.templateFile;
    if (!file || options.dataDir || fs.existsSync(file)) return false;
    const release = await mutex.acquire();
    try {
      const dump = await (await open()).dumpDataDir('none');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const partial = `${file}.${process.pid}.${Date.now()}.part`;
      fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      fs.renameSync(partial, file);
      return true;
    } finally {
      release();
    }
  };

  return { Pool, instance: open, saveTemplate };
}
