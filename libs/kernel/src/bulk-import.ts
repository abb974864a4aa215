import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { AuditEntry } from './audit';
import { CheckedBatches, type CheckedBatch } from './bulk-import-staging';
import { isEmbeddedDatabase } from './data-source';
import { sqlStateOf } from './checks';
import { badInput } from './errors';

/**
 * 批量导入 the shared path of every bulk import (households, residents, and the other registers a
 * county loads once): a strict CSV reader, the county's column names mapped to ours, every row
 * checked before anything is written (each bad row listed with its line and reason in both
 * languages, the whole file refused), then large set-based writes in batches, each batch committed
 * with its audit record and a checkpoint so that a rerun after an interruption continues after the
 * last committed batch. Subgraphs describe a register with a {@link BulkImporter}; the `xz import`
 * command and the subgraphs' import mutations run it.
 */

/** One column of a register: our field name and the county headers accepted for it by default. */
export interface ImportColumn {
  /** Our field name (also accepted as a header). */
  field: string;
  /** Headers accepted by default (the usual Chinese column names). */
  headers: readonly string[];
  required: boolean;
}

/** One data row of an import, its cells keyed by our field names, with its line in the file (the header is line 1). */
export interface ImportRow {
  line: number;
  values: Readonly<Record<string, string>>;
}

/** A refused row: its line, the rule broken, and the reason in both languages. */
export interface ImportProblem {
  line: number;
  rule: string;
  field?: string;
  value?: string;
  zh: string;
  en: string;
}

/** What a session's check makes of some rows: the records ready to write and the problems found. */
export interface ImportCheck<R> {
  records: R[];
  problems: ImportProblem[];
}

/**
 * One run of an importer over a file. `check` is called with the rows in file order, chunk by
 * chunk, and keeps what it needs across chunks (numbers seen in the file…). Rows already written by
 * an earlier, interrupted run of the same file come with `written: true`: they only feed that state.
 */
export interface ImportSession<R> {
  check(rows: readonly ImportRow[], options: { written: boolean }): Promise<ImportCheck<R>>;
  /**
   * Writes checked records (one set-based statement or a few), with their events; returns their ids in
   * order. A file import writes with another session the records an earlier one checked (the check
   * reads the file once, the records are kept until written): `write` uses nothing but its records.
   */
  write(manager: EntityManager, records: readonly R[]): Promise<string[]>;
}

/** A register a subgraph can bulk-import (`xz import <kind>`, and its import mutation). */
export interface BulkImporter<R = unknown> {
  /** The `<kind>` of `xz import` (e.g. `residents`). */
  kind: string;
  title: { zh: string; en: string };
  /** The audit record's target type (e.g. `Resident`). */
  targetType: string;
  columns: readonly ImportColumn[];
  /** Tables to `ANALYZE` after a file import (the planner's statistics; PGlite has no autovacuum). */
  analyze?: readonly string[];
  /** Starts a session for a county (12-digit code), reading what the checks need with `manager`. */
  open(manager: EntityManager, scope: { countyCode: string }): Promise<ImportSession<R>>;
}

/** An import refused before anything was written: every bad row. */
export class ImportRefusedError extends Error {
  constructor(
    readonly kind: string,
    readonly problems: readonly ImportProblem[],
  ) {
    super(`${kind} import refused, ${problems.length} bad row(s): ${problems.slice(0, 5).map((p) => `line ${p.line}: ${p.en}`).join('; ')}`);
    this.name = 'ImportRefusedError';
  }
}

/** How many problems a refusal's GraphQL message lists (all of them are in `extensions.rows`). */
const MESSAGE_PROBLEMS = 50;

/** The GraphQL `BAD_USER_INPUT` error of a refused import: the message names the first bad rows, `extensions.rows` lists every one. */
export function importRefusal(error: ImportRefusedError): Error {
  const { problems } = error;
  const more = problems.length > MESSAGE_PROBLEMS ? `…（另有${problems.length - MESSAGE_PROBLEMS}行）` : '';
  const moreEn = problems.length > MESSAGE_PROBLEMS ? `… (and ${problems.length - MESSAGE_PROBLEMS} more)` : '';
  const shown = problems.slice(0, MESSAGE_PROBLEMS);
  return badInput(
    `导入被拒绝，${problems.length}行有误，未写入任何数据：${shown.map((p) => `第${p.line}行 ${p.zh}`).join('；')}${more}`,
    `Import rejected, ${problems.length} bad row(s), nothing written: ${shown.map((p) => `line ${p.line}: ${p.en}`).join('; ')}${moreEn}`,
    { field: 'csv', rows: problems },
  );
}

/**
 * A batch refused by the database while written: a row written since the check (by a request, or
 * another import) took an ID number, or removed a household, that the batch's rows needed. The
 * batches committed before it stay; running the import again resumes and checks the rest anew.
 */
export class ImportConflictError extends Error {
  constructor(
    readonly kind: string,
    readonly batch: number,
    readonly lines: readonly [number, number],
    cause: unknown,
  ) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(
      `${kind} 第${batch + 1}批（第${lines[0]}–${lines[1]}行）写入时被数据库拒绝，校验之后有其他写入与之冲突（${detail}）；此前提交的批次保留，重新运行导入将再次校验其余各行 / ` +
        `${kind} batch ${batch + 1} (lines ${lines[0]}–${lines[1]}) was refused by the database: something written since the check conflicts with it (${detail}); the batches committed before it stay, and running the import again checks the rest anew`,
      { cause },
    );
    this.name = 'ImportConflictError';
  }
}

/** Whether a database error is a unique (23505) or foreign key (23503) violation. */
function isConstraintViolation(error: unknown): boolean {
  const state = sqlStateOf(error);
  return state === '23505' || state === '23503';
}

/** One problem as a line of text (the CLI prints one per bad row). */
export function formatImportProblem(p: ImportProblem): string {
  return `第${p.line}行 line ${p.line}: ${p.zh} / ${p.en}`;
}

// ---------------------------------------------------------------------------------------------
// CSV

/** A CSV record with the line it starts on (1-based). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** A malformed CSV file (an unterminated quote, text after a closing quote). */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`CSV line ${line}: ${en}`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Reads RFC 4180 CSV incrementally: fields separated by commas, optionally in double quotes (a
 * quote inside doubled, commas and line breaks allowed inside), records ending in LF or CRLF, a
 * leading byte-order mark ignored, blank lines skipped. Strict: text after a closing quote or an
 * unterminated quote is an error naming the line.
 */
export async function* readCsv(source: string | AsyncIterable<string | Buffer>): AsyncGenerator<CsvRecord> {
  let line = 1;
  let recordLine = 1;
  let cells: string[] = [];
  let field = '';
  let quoted = false; // inside quotes
  let afterQuote = false; // just closed a quoted field
  let pendingQuote = false; // a quote seen inside quotes: closing or the first of a doubled pair
  let first = true;
  let bom = true;
  const decoder = new TextDecoder('utf-8');
  const chunks: AsyncIterable<string | Buffer> | string[] = typeof source === 'string' ? [source] : source;
  const endRecord = (): CsvRecord | null => {
    cells.push(field);
    const record = cells.length === 1 && cells[0] === '' && !afterQuote ? null : { line: recordLine, cells };
    cells = [];
    field = '';
    afterQuote = false;
    return record;
  };
  for await (const chunk of chunks) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (bom) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text.length > 0) bom = false;
    }
    const out: CsvRecord[] = [];
    let start = 0; // start of the plain run being copied into `field`
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      if (first) {
        recordLine = line;
        first = false;
      }
      if (quoted) {
        if (pendingQuote) {
          pendingQuote = false;
          if (c === 34) {
            field += '"';
            start = i + 1;
            continue;
          }
          quoted = false;
          afterQuote = true;
          start = i;
          // fall through: the character after the closing quote
        } else {
          if (c === 34) {
            field += text.slice(start, i);
            pendingQuote = true;
          } else if (c === 10) line += 1;
          continue;
        }
      }
      if (c === 44 /* , */) {
        if (!afterQuote) field += text.slice(start, i);
        cells.push(field);
        field = '';
        afterQuote = false;
        start = i + 1;
      } else if (c === 10 || c === 13) {
        if (!afterQuote) field += text.slice(start, i);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i += 1;
        const record = endRecord();
        if (record) out.push(record);
        line += 1;
        first = true;
        start = i + 1;
      } else if (c === 34 /* " */ && !afterQuote && field === '' && i === start) {
        quoted = true;
        start = i + 1;
      } else if (afterQuote) {
        throw new CsvSyntaxError(line, `引号后不应有其他字符：${text.slice(i, i + 10)}`, `unexpected text after a closing quote: ${text.slice(i, i + 10)}`);
      } else if (c === 34) {
        throw new CsvSyntaxError(line, '未加引号的字段中不应有引号', 'a quote inside an unquoted field');
      }
    }
    if (quoted) {
      if (!pendingQuote) field += text.slice(start);
    } else if (!afterQuote) field += text.slice(start);
    yield* out;
  }
  if (quoted && !pendingQuote) throw new CsvSyntaxError(recordLine, '引号未闭合', 'a quoted field is not closed');
  if (pendingQuote) afterQuote = true;
  const record = endRecord();
  if (record) yield record;
}

/** Column mapping given as `县里的列名=ourField,…` (e.g. `--map 姓名=name,身份证号=idNumber`). */
export function parseColumnMap(spec: string | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const part of (spec ?? '').split(/[,，]/)) {
    const item = part.trim();
    if (!item) continue;
    const at = item.lastIndexOf('=');
    if (at <= 0 || at === item.length - 1) throw new Error(`列映射应为“列名=字段” (a column mapping is header=field): ${item}`);
    map[item.slice(0, at).trim()] = item.slice(at + 1).trim();
  }
  return map;
}

/**
 * Resolves a header row to our fields: a header is taken as the field the mapping names, else a
 * field whose default headers or name it is; unknown headers are ignored. Problems (line 1): a
 * mapping to an unknown field, a field given twice, a required field missing.
 */
export function resolveHeader(importer: Pick<BulkImporter, 'columns'>, header: readonly string[], map: Record<string, string>): { fields: (string | null)[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const known = new Set(importer.columns.map((c) => c.field));
  for (const [from, to] of Object.entries(map)) {
    if (!known.has(to)) {
      problems.push({ line: 1, rule: 'MAP_UNKNOWN_FIELD', value: to, zh: `列映射“${from}=${to}”中的字段不存在（可用：${[...known].join('、')}）`, en: `Mapping “${from}=${to}” names no field (fields: ${[...known].join(', ')})` });
    }
  }
  const byHeader = new Map<string, string>();
  for (const column of importer.columns) for (const h of [column.field, ...column.headers]) byHeader.set(h, column.field);
  const fields = header.map((raw) => {
    const h = raw.trim();
    return map[h] ?? byHeader.get(h) ?? null;
  });
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    if (f === null) return;
    if (seen.has(f)) problems.push({ line: 1, rule: 'COLUMN_DUPLICATE', field: f, value: header[i], zh: `字段${f}对应了多列（第${i + 1}列“${header[i]}”）`, en: `More than one column maps to ${f} (column ${i + 1} “${header[i]}”)` });
    seen.add(f);
  });
  for (const column of importer.columns) {
    if (column.required && !seen.has(column.field)) {
      problems.push({
        line: 1,
        rule: 'COLUMN_MISSING',
        field: column.field,
        zh: `缺少必填列：${column.headers[0] ?? column.field}（${column.field}），可用 --map 列名=${column.field} 指定`,
        en: `Required column missing: ${column.field} (${column.headers[0] ?? column.field}); map one with --map <header>=${column.field}`,
      });
    }
  }
  return { fields, problems };
}

/**
 * The data rows of a CSV as {@link ImportRow}s, in chunks of `chunkSize`: the header resolved with
 * `map`, a row with more cells than the header refused. Throws {@link ImportRefusedError} for a
 * bad header and {@link CsvSyntaxError} for malformed CSV.
 */
export async function* importRows(
  importer: Pick<BulkImporter, 'kind' | 'columns'>,
  source: string | AsyncIterable<string | Buffer>,
  map: Record<string, string>,
  chunkSize: number,
): AsyncGenerator<{ rows: ImportRow[]; problems: ImportProblem[] }> {
  let fields: (string | null)[] | null = null;
  let rows: ImportRow[] = [];
  let problems: ImportProblem[] = [];
  for await (const record of readCsv(source)) {
    if (fields === null) {
      const header = resolveHeader(importer, record.cells, map);
      if (header.problems.length > 0) throw new ImportRefusedError(importer.kind, header.problems);
      fields = header.fields;
      continue;
    }
    if (record.cells.length > fields.length) {
      problems.push({ line: record.line, rule: 'TOO_MANY_CELLS', zh: `该行有${record.cells.length}列，表头只有${fields.length}列`, en: `The row has ${record.cells.length} cells, the header ${fields.length}` });
    }
    const values: Record<string, string> = {};
    fields.forEach((f, i) => {
      if (f !== null) values[f] = (record.cells[i] ?? '').trim();
    });
    rows.push({ line: record.line, values });
    if (rows.length >= chunkSize) {
      yield { rows, problems };
      rows = [];
      problems = [];
    }
  }
  if (fields === null) throw new ImportRefusedError(importer.kind, [{ line: 1, rule: 'FILE_EMPTY', zh: '文件为空（没有表头）', en: 'The file is empty (no header row)' }]);
  if (rows.length > 0 || problems.length > 0) yield { rows, problems };
}

/** `ImportProblem` for a required cell left empty. */
export function emptyCell(row: ImportRow, field: string, zh: string): ImportProblem {
  return { line: row.line, rule: 'REQUIRED', field, zh: `${zh}不能为空`, en: `${field} is empty` };
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * `INSERT … SELECT FROM unnest($1::type[], …)` of records given column-wise: one statement and one
 * round trip for thousands of rows on PostgreSQL and PGlite alike. `columns` are `[name, type]`;
 * the result is the statement and its parameters (one array per column).
 */
export function unnestInsert<R>(table: string, columns: readonly InsertColumn<R>[], records: readonly R[]): { sql: string; params: unknown[][] } {
  const { source, params } = unnestRows(columns, records);
  return { sql: `INSERT INTO ${table} (${columns.map(([n]) => n).join(', ')}) ${source}`, params };
}

/** Records given column-wise as `SELECT * FROM unnest($1::type[], …)` and its parameters (one array per column). */
export function unnestRows<R>(columns: readonly InsertColumn<R>[], records: readonly R[]): { source: string; params: unknown[][] } {
  const params = columns.map(([, , value]) => records.map(value));
  return { source: `SELECT * FROM unnest(${columns.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ')})`, params };
}

/** One written column of a set-based insert: its name, its PostgreSQL type and how a record gives its value. */
export type InsertColumn<R> = readonly [name: string, type: string, value: (r: R) => unknown];

/** Whether `manager` writes to a PostgreSQL server (`COPY … FROM STDIN` available) rather than PGlite. */
export function isPostgresServer(manager: EntityManager): boolean {
  return manager.connection.options.type === 'postgres' && !isEmbeddedDatabase(manager.connection);
}

/** One value in `COPY` text format: `\N` for null, backslash, tab, line breaks escaped; arrays as array literals. */
function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  let text: string;
  if (Array.isArray(value)) text = `{${value.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/(["\\])/g, '\\$1')}"`)).join(',')}}`;
  else if (value instanceof Date) text = value.toISOString();
  else text = String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : text;
}

/** Rows in `COPY` text format, a few thousand per buffer. */
function* copyBuffers<R>(columns: readonly InsertColumn<R>[], records: readonly R[]): Generator<Buffer> {
  const values = columns.map(([, , value]) => value);
  for (let start = 0; start < records.length; start += 2000) {
    let text = '';
    for (const record of records.slice(start, start + 2000)) text += `${values.map((value) => copyText(value(record))).join('\t')}\n`;
    yield Buffer.from(text, 'utf8');
  }
}

/**
 * Streams `records` into `table` with `COPY table (columns) FROM STDIN` on the transaction's own
 * connection (PostgreSQL server only: the manager must be a transaction's, see {@link isPostgresServer}).
 * One statement for any number of rows: the rows are parsed by the server's COPY, not as bound
 * array parameters.
 */
export async function copyInto<R>(manager: EntityManager, table: string, columns: readonly InsertColumn<R>[], records: readonly R[]): Promise<void> {
  const runner = manager.queryRunner;
  if (!runner || !isPostgresServer(manager)) throw new Error('copyInto needs a transaction on a PostgreSQL server');
  const client = (await (runner as unknown as { connect(): Promise<PoolClient> }).connect()) as PoolClient;
  await pipeline(Readable.from(copyBuffers(columns, records)), client.query(copyFrom(`COPY ${table} (${columns.map(([n]) => n).join(', ')}) FROM STDIN`)));
}

/**
 * The rows of a set-based write as a `SELECT` to insert from: on a PostgreSQL server they are first
 * streamed with `COPY … FROM STDIN` into a temporary staging table (`import_stage_<name>`, emptied at
 * commit) and the source is `SELECT … FROM` it, without parameters; on PGlite the source is
 * `SELECT * FROM unnest($1::type[], …)` with one array parameter per column. Either way the caller
 * writes them with one `INSERT … SELECT` (statement-level triggers fire once), e.g. inside a CTE
 * that also writes the rows' events.
 */
export async function stagedRows<R>(manager: EntityManager, name: string, columns: readonly InsertColumn<R>[], records: readonly R[]): Promise<{ source: string; params: unknown[] }> {
  // COPY and the staging table need the transaction's own connection; without one, the unnest arrays
  if (!isPostgresServer(manager) || !manager.queryRunner?.isTransactionActive) return unnestRows(columns, records);
  const stage = `import_stage_${name}`;
  await manager.query(`CREATE TEMP TABLE IF NOT EXISTS ${stage} (${columns.map(([n, t]) => `${n} ${t}`).join(', ')}) ON COMMIT DELETE ROWS`);
  await manager.query(`TRUNCATE ${stage}`);
  await copyInto(manager, stage, columns, records);
  return { source: `SELECT ${columns.map(([n]) => n).join(', ')} FROM ${stage}`, params: [] };
}

/**
 * Inserts `records` into `table`: `COPY … FROM STDIN` straight into the table on a PostgreSQL
 * server (inside a transaction), a multi-row `INSERT … SELECT FROM unnest(…)` on PGlite.
 */
export async function bulkInsert<R>(manager: EntityManager, table: string, columns: readonly InsertColumn<R>[], records: readonly R[]): Promise<void> {
  if (records.length === 0) return;
  if (isPostgresServer(manager) && manager.queryRunner?.isTransactionActive) return copyInto(manager, table, columns, records);
  const { sql, params } = unnestInsert(table, columns, records);
  await manager.query(sql, params);
}

/** The checkpoint table of bulk imports (`import_checkpoint`), created by {@link importCheckpointMigration}. */
export const IMPORT_CHECKPOINT_TABLE = 'import_checkpoint';

/**
 * The migration creating `import_checkpoint` in a subgraph that has importers (one row per file
 * import: kind, county, the file's sha256, its batch size, the batches and rows committed so far,
 * finished or not). Named
 * `ImportCheckpoint<timestamp>`; `timestamp` is in the subgraph's own range.
 */
export function importCheckpointMigration(timestamp: number): new () => MigrationInterface {
  if (!/^\d{13}$/.test(String(timestamp))) throw new Error(`import checkpoint migration timestamp must have 13 digits: ${timestamp}`);
  const name = `ImportCheckpoint${timestamp}`;
  const migration = class implements MigrationInterface {
    name = name;
    async up(q: QueryRunner): Promise<void> {
      await q.query(`CREATE TABLE ${IMPORT_CHECKPOINT_TABLE} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        county_code text NOT NULL,
        file_hash text NOT NULL,
        file_name text NOT NULL,
        actor_id text NOT NULL,
        rows_total int NOT NULL,
        batch_size int NOT NULL,
        rows_committed int NOT NULL DEFAULT 0,
        batches_committed int[] NOT NULL DEFAULT '{}',
        started_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
      await q.query(`CREATE UNIQUE INDEX ${IMPORT_CHECKPOINT_TABLE}_open_idx ON ${IMPORT_CHECKPOINT_TABLE} (kind, county_code, file_hash) WHERE finished_at IS NULL`);
    }
    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE ${IMPORT_CHECKPOINT_TABLE}`);
    }
  };
  Object.defineProperty(migration, 'name', { value: name });
  return migration;
}

/** Who runs an import (the audit record's actor). */
export interface ImportActor {
  id: string;
  roles: readonly string[];
  requestId?: string | null;
}

/** Progress of a file import: the phase, rows done, rows in all (known after the check), rate and time left. */
export interface ImportProgress {
  phase: 'check' | 'write';
  rows: number;
  total: number | null;
  rowsPerSecond: number;
  etaSeconds: number | null;
}

/** One progress line: `写入 write 120000/1580000 rows (7.6%) 18450 rows/s, ETA 79 s`. */
export function formatImportProgress(p: ImportProgress): string {
  const phase = p.phase === 'check' ? '校验 check' : '写入 write';
  const of = p.total ? `/${p.total} rows (${((100 * p.rows) / p.total).toFixed(1)}%)` : ' rows';
  const eta = p.etaSeconds === null ? '' : `, ETA ${Math.ceil(p.etaSeconds)} s`;
  return `${phase} ${p.rows}${of} ${Math.round(p.rowsPerSecond)} rows/s${eta}`;
}

export interface FileImportOptions {
  dataSource: DataSource;
  importer: BulkImporter;
  /** Opens the file again for each pass (check, then write). */
  open: () => AsyncIterable<string | Buffer>;
  fileName: string;
  countyCode: string;
  map?: Record<string, string>;
  actor: ImportActor;
  /** Rows per committed batch (default 10,000). */
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Batches written at once on PostgreSQL, each on its own connection (default 2; PGlite always 1). */
  writers?: number;
  /** Called after each committed batch (tests interrupt an import here). */
  afterBatch?: (committed: number) => void | Promise<void>;
}

export interface FileImportResult {
  checkpointId: string;
  /** Data rows in the file. */
  rows: number;
  /** Rows written by this run. */
  written: number;
  /** Rows an earlier, interrupted run had committed (skipped by this one). */
  resumedFrom: number;
  batches: number;
  checkSeconds: number;
  writeSeconds: number;
}

async function fileHashOf(open: () => AsyncIterable<string | Buffer>): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of open()) hash.update(chunk);
  return hash.digest('hex');
}

function progressClock(onProgress: FileImportOptions['onProgress'], phase: ImportProgress['phase'], total: number | null, skip = 0) {
  const started = Date.now();
  let last = 0;
  return (rows: number, force = false) => {
    const now = Date.now();
    if (!onProgress || (!force && now - last < 1000)) return;
    last = now;
    const rate = (rows - skip) / Math.max((now - started) / 1000, 0.001);
    onProgress({ phase, rows, total, rowsPerSecond: rate, etaSeconds: total !== null && rate > 0 ? (total - rows) / rate : null });
  };
}

/**
 * Imports a file: pass 1 checks every row (nothing written; any problem refuses the whole file
 * with {@link ImportRefusedError}); pass 2 writes batches of `batchSize` rows, each in its own
 * transaction with one audit record naming its rows (`import:<kind>`, payload: checkpoint, batch,
 * lines, ids) and its entry in the checkpoint. A rerun of the same file (same sha256, kind and
 * county) after an interruption skips the committed batches and writes the others. The file is read
 * and checked once: pass 1 keeps each batch's records ({@link CheckedBatches}, encrypted, removed
 * when the import ends) and pass 2 writes them. On PostgreSQL two batches are written at once; on
 * PGlite one at a time. A batch that a write made after the check conflicts with (a unique or
 * foreign key refused) stops the import with {@link ImportConflictError}; its earlier batches stay
 * committed, and a rerun checks the rest again.
 */
export async function importFile(options: FileImportOptions): Promise<FileImportResult> {
  const { dataSource, importer, countyCode } = options;
  const fileHash = await fileHashOf(options.open);
  const [open] = (await dataSource.query(
    `SELECT id, rows_committed AS "rowsCommitted", batch_size AS "batchSize", batches_committed AS "batches" FROM ${IMPORT_CHECKPOINT_TABLE} WHERE kind = $1 AND county_code = $2 AND file_hash = $3 AND finished_at IS NULL`,
    [importer.kind, countyCode, fileHash],
  )) as { id: string; rowsCommitted: number; batchSize: number; batches: number[] }[];
  const resumedFrom = open ? Number(open.rowsCommitted) : 0;
  // a resumed import keeps the batches of the interrupted run: batch n is rows n·size+1 … (n+1)·size
  const batchSize = open ? Number(open.batchSize) : (options.batchSize ?? 10_000);
  const done = new Set((open?.batches ?? []).map(Number));

  const checked = await CheckedBatches.open();
  try {
    return await checkThenWrite(options, { fileHash, open, resumedFrom, batchSize, done, checked });
  } finally {
    await checked.close();
  }
}

/** The two passes of {@link importFile}: the check keeps each batch's records in `checked`, the write writes them. */
async function checkThenWrite(
  options: FileImportOptions,
  run: {
    fileHash: string;
    open: { id: string } | undefined;
    resumedFrom: number;
    batchSize: number;
    done: Set<number>;
    checked: CheckedBatches;
  },
): Promise<FileImportResult> {
  const { dataSource, importer, countyCode, actor } = options;
  const map = options.map ?? {};
  const { fileHash, open, resumedFrom, batchSize, done, checked } = run;

  // pass 1: check every row, write nothing (rows of batches already committed only feed the checks'
  // state); while no row has failed, each batch's records are kept for pass 2
  const checkStarted = Date.now();
  const tick = progressClock(options.onProgress, 'check', null);
  const problems: ImportProblem[] = [];
  let rows = 0;
  {
    const session = await importer.open(dataSource.manager, { countyCode });
    let batch = 0;
    for await (const chunk of importRows(importer, options.open(), map, batchSize)) {
      problems.push(...chunk.problems);
      const written = done.has(batch);
      const check = await session.check(chunk.rows, { written });
      if (!written) {
        problems.push(...check.problems);
        if (problems.length === 0 && chunk.rows.length > 0) {
          await checked.put({ batch, lines: [chunk.rows[0].line, chunk.rows[chunk.rows.length - 1].line], rows: chunk.rows.length }, check.records);
        }
      }
      rows += chunk.rows.length;
      batch += 1;
      tick(rows);
    }
    tick(rows, true);
  }
  if (problems.length > 0) throw new ImportRefusedError(importer.kind, problems.sort((a, b) => a.line - b.line));
  const checkSeconds = (Date.now() - checkStarted) / 1000;

  // pass 2: write in committed batches
  let checkpointId = open?.id;
  if (!checkpointId) {
    const [created] = (await dataSource.query(
      `INSERT INTO ${IMPORT_CHECKPOINT_TABLE} (kind, county_code, file_hash, file_name, actor_id, rows_total, batch_size) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [importer.kind, countyCode, fileHash, options.fileName, actor.id, rows, batchSize],
    )) as { id: string }[];
    checkpointId = created.id;
  }
  const id = checkpointId;
  const writeStarted = Date.now();
  const writeTick = progressClock(options.onProgress, 'write', rows, resumedFrom);
  const session = await importer.open(dataSource.manager, { countyCode });
  const kept = checked.read();
  const writeBatch = async ({ batch, lines, rows: batchRows, records }: CheckedBatch) => {
    await dataSource.transaction(async (m) => {
      const ids = await session.write(m, records);
      await m.insert(AuditEntry, {
        actorId: actor.id,
        actorRoles: actor.roles.join(','),
        action: `import:${importer.kind}`,
        targetType: importer.targetType,
        targetId: id,
        regionCode: countyCode,
        requestId: actor.requestId ?? null,
        payload: { checkpoint: id, file: options.fileName, batch, lines, rows: ids.length, ids } as never,
      });
      await m.query(
        `UPDATE ${IMPORT_CHECKPOINT_TABLE} SET rows_committed = rows_committed + $2, batches_committed = array_append(batches_committed, $3), updated_at = now(),
           finished_at = CASE WHEN rows_committed + $2 >= rows_total THEN now() END WHERE id = $1`,
        [id, batchRows, batch],
      );
    }).catch((error: unknown) => {
      throw isConstraintViolation(error) ? new ImportConflictError(importer.kind, batch, lines, error) : error;
    });
  };
  // On PostgreSQL two batches are written at once on two connections while the next one's kept
  // records are read here; each commits with its checkpoint entry, so a rerun skips exactly the
  // committed batches whatever order they committed in. PGlite has one connection: one at a time.
  const writers = isEmbeddedDatabase(dataSource) ? 1 : Math.max(1, options.writers ?? 2);
  let committed = resumedFrom;
  let batches = 0;
  let failure: unknown = null;
  const inFlight = new Set<Promise<void>>();
  for (;;) {
    if (failure) break;
    const item = await kept.next().catch((error: unknown) => {
      failure = error;
      return null;
    });
    if (!item || item.done) break;
    const { rows: batchRows } = item.value;
    const job: Promise<void> = writeBatch(item.value)
      .then(async () => {
        committed += batchRows;
        batches += 1;
        writeTick(committed);
        await options.afterBatch?.(committed);
      })
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => inFlight.delete(job));
    inFlight.add(job);
    if (inFlight.size >= writers) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (failure) throw failure;
  writeTick(committed, true);
  for (const table of importer.analyze ?? []) await dataSource.query(`ANALYZE ${table}`);
  if (committed >= rows && open) await dataSource.query(`UPDATE ${IMPORT_CHECKPOINT_TABLE} SET finished_at = coalesce(finished_at, now()) WHERE id = $1`, [id]);
  return { checkpointId: id, rows, written: committed - resumedFrom, resumedFrom, batches, checkSeconds, writeSeconds: (Date.now() - writeStarted) / 1000 };
}

/**
 * Imports a small file inside the caller's transaction (the import mutations): every row checked,
 * any problem refusing the whole file with {@link ImportRefusedError} before anything is written,
 * then the records written in batches of `batchSize`. Returns the ids written, in file order.
 */
export async function importInTransaction(
  manager: EntityManager,
  importer: BulkImporter,
  csv: string,
  options: { countyCode: string; map?: Record<string, string>; batchSize?: number; maxRows?: number },
): Promise<{ rows: number; ids: string[] }> {
  const batchSize = options.batchSize ?? 5000;
  const session = await importer.open(manager, { countyCode: options.countyCode });
  const problems: ImportProblem[] = [];
  const records: unknown[][] = [];
  let rows = 0;
  for await (const chunk of importRows(importer, csv, options.map ?? {}, batchSize)) {
    const check = await session.check(chunk.rows, { written: false });
    problems.push(...chunk.problems, ...check.problems);
    records.push(check.records);
    rows += chunk.rows.length;
    if (options.maxRows !== undefined && rows > options.maxRows) {
      throw badInput(`文件超过${options.maxRows}行，请用 xz import 导入`, `The file has more than ${options.maxRows} rows; import it with xz import`, { field: 'csv', rule: 'TOO_MANY_ROWS', max: options.maxRows });
    }
  }
  if (problems.length > 0) throw new ImportRefusedError(importer.kind, problems.sort((a, b) => a.line - b.line));
  const ids: string[] = [];
  for (const batch of records) if (batch.length) ids.push(...(await session.write(manager, batch)));
  return { rows, ids };
}
