import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DataSource } from 'typeorm';
import { requireInScope } from '../actor';
import { writeAudit } from '../audit';
import type { RequestContext } from '../context';
import { badInput, ErrorCode, notFound, type BilingualText, XzError } from '../errors';
import { sendJson } from '../http';
import { isRegionCode } from '../region-code';
import type { ExportCell } from './csv';
import { tableWriter, type ExportColumn, type ExportFormat } from './table-writer';

/** Rows read from the database per statement (and written to the response per step) by every export. */
export const EXPORT_BATCH_ROWS = 500;

/** Audit action of an export (one record per export). */
export const EXPORT_AUDIT_ACTION = 'exportList';

/** A row as read for an export: each column's cell under its key. */
export type ExportRecord = Record<string, ExportCell>;

/** A column of an export kind: its heading, its type and the SQL expression of its cells. */
export interface ExportField extends ExportColumn {
  /**
   * SQL expression of the cell over the kind's `from` (`h.number`, `g.name`, a subquery). `date`
   * columns are written `YYYY-MM-DD`, `decimal` ones as their exact text, `boolean` ones 是/否.
   */
  sql: string;
}

/** What an export kind reads, once it has checked the caller and the parameters. */
export interface ExportQuery {
  /** `FROM` clause (tables and joins, without the keyword). */
  from: string;
  /** `WHERE` conditions (without the keyword) with `$1…` parameters; the region's condition among them. */
  where: string;
  params: unknown[];
  /**
   * ORDER BY expressions, unique together (end with the id): the keyset the batches continue after.
   * Their values go back as parameters, so keep them text, uuid or numbers (a date: `to_char(…)`).
   */
  order: string[];
  /** SQL expression of the record id (digested, in file order, into the audit record). */
  id: string;
  /** Changes a row's cells before it is written (e.g. masks personal data). */
  adjust?: (row: ExportRecord) => void;
  /** The filters applied besides the region (recorded in the audit record), e.g. `{ month: '2026-03' }`. */
  filters?: Record<string, string | null>;
  /** True when personal data (ID numbers, phones, birth dates) is written unmasked: then every row counts as a read of it. */
  unmasked?: boolean;
  /** Extra words for the file name, e.g. the month. */
  fileSuffix?: string;
}

/** What an export kind is asked for. */
export interface ExportRequest {
  /** The region (12-digit code) the export covers, inside the caller's scope. */
  region: string;
  /** Every query parameter (`region` and the kind's own filters such as `month`). */
  params: URLSearchParams;
}

/**
 * 导出 a list county staff can download as CSV or XLSX: `GET /exports/<name>.<csv|xlsx>?region=…`
 * on the gateway, served by the subgraph that owns the data. Subgraphs list theirs in
 * `SubgraphModule.exports`, plugins in their contribution's `exports` (the extension point).
 */
export interface ExportKind {
  /** URL name, unique across the deployment (`households`, `payroll`). */
  name: string;
  /** Title; the file is named `<title.zh>_<name>_<region>[_<suffix>].<format>`. */
  title: BilingualText;
  columns: ExportField[];
  /**
   * Checks the caller's roles and the parameters (throw FORBIDDEN / BAD_USER_INPUT before anything
   * is read) and says what to read. The caller's scope covering `region` is checked before.
   */
  prepare: (ctx: RequestContext, request: ExportRequest) => Promise<ExportQuery>;
}

/** A keyset-paged read: batches of `batchSize` rows ordered by `order`, each statement starting after the last row of the one before. */
export interface KeysetQuery<R> {
  /** `SELECT … FROM … WHERE <conditions>` with `$1…` parameters, ending in its WHERE conditions (the keyset condition is appended with AND); no ORDER BY or LIMIT. */
  sql: string;
  params: unknown[];
  /** The ORDER BY expressions, unique together (end with the id), e.g. `['h.village_code', 'h.number', 'h.id']`. */
  order: string[];
  /** The values of the `order` expressions of a row (the next batch starts after them). */
  key: (row: R) => unknown[];
  batchSize?: number;
}

/**
 * Reads a query in keyset-paged batches: one statement per batch, `(order…) > (last key…)`, so
 * memory holds one batch whatever the size of the county, and no OFFSET ever rescans rows.
 */
export async function* keysetBatches<R>(db: DataSource, query: KeysetQuery<R>): AsyncGenerator<R[]> {
  const size = query.batchSize ?? EXPORT_BATCH_ROWS;
  const order = query.order.join(', ');
  let after: unknown[] | null = null;
  for (;;) {
    const params = [...query.params];
    let sql = query.sql;
    if (after) {
      const marks = after.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      sql = `${query.sql} AND (${order}) > (${marks.join(', ')})`;
    }
    const rows = (await db.query(`${sql} ORDER BY ${order} LIMIT ${size}`, params)) as R[];
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    after = query.key(rows[rows.length - 1]);
  }
}

function cellSql(field: ExportField): string {
  switch (field.type) {
    case 'date':
      return `to_char(${field.sql}, 'YYYY-MM-DD')`;
    case 'decimal':
      return `(${field.sql})::text`;
    case 'boolean':
      return `CASE WHEN ${field.sql} THEN '是' WHEN NOT ${field.sql} THEN '否' END`;
    default:
      return field.sql;
  }
}

/** The batches of an export: its columns read in keyset-paged batches of EXPORT_BATCH_ROWS, each row as an id and its cells. */
export async function* exportBatches(db: DataSource, columns: readonly ExportField[], query: ExportQuery): AsyncGenerator<{ id: string; cells: ExportCell[] }[]> {
  const keys = query.order.map((_, i) => `xz_key_${i}`);
  const select = [`(${query.id})::text AS xz_id`, ...query.order.map((o, i) => `${o} AS ${keys[i]}`), ...columns.map((c) => `${cellSql(c)} AS "${c.key}"`)];
  const batches = keysetBatches<ExportRecord>(db, {
    sql: `SELECT ${select.join(', ')} FROM ${query.from} WHERE (${query.where})`,
    params: query.params,
    order: query.order,
    key: (row) => keys.map((k) => row[k]),
  });
  for await (const batch of batches) {
    yield batch.map((row) => {
      query.adjust?.(row);
      return { id: String(row.xz_id), cells: columns.map((c) => row[c.key] ?? null) };
    });
  }
}

/** `Content-Disposition: attachment` with an ASCII fallback (non-ASCII characters left out) and the UTF-8 name (RFC 6266 / RFC 5987). */
export function contentDisposition(filename: string): string {
  // the fallback for clients without RFC 5987: the name without its non-ASCII characters (`居民名册_residents_…` → `residents_…`)
  const ascii = filename.replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '_').replace(/^[_ ]+/, '') || 'export';
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const HTTP_STATUS: Partial<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.PLUGIN_NOT_ENABLED]: 403,
};

/** Answers an error before any byte of the file was sent: the GraphQL error body (`errors[0].extensions.code`) with its HTTP status. */
export function sendExportError(res: ServerResponse, error: unknown): void {
  if (error instanceof XzError || (error instanceof Error && typeof (error as XzError).extensions?.code === 'string')) {
    const e = error as XzError;
    const code = String(e.extensions.code);
    const { http: _http, ...extensions } = e.extensions as Record<string, unknown>;
    sendJson(res, HTTP_STATUS[code] ?? 500, { errors: [{ message: e.message, extensions }] });
    return;
  }
  sendJson(res, 500, { errors: [{ message: '导出失败 (the export failed)', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
}

/** The export kind and format a path names (`/exports/households.csv`), or null. */
export function parseExportPath(pathname: string): { name: string; format: ExportFormat } | null {
  const match = /^\/exports\/([a-z][a-zA-Z0-9-]*)\.(csv|xlsx)$/.exec(pathname);
  return match ? { name: match[1], format: match[2] as ExportFormat } : null;
}

/** How a subgraph serves its exports: it opens a request context from the gateway's token and settles it afterwards. */
export interface ExportServing {
  /** Verifies the internal token and opens the request's context (throws UNAUTHENTICATED). */
  context: (req: IncomingMessage) => Promise<RequestContext>;
  /** Commits the request's transaction (county wall) once the export was audited. */
  settle: (ctx: RequestContext) => Promise<void>;
}

/**
 * Streams one export: checks the token, the region and the caller's scope, the kind's roles and
 * parameters (refusals answer JSON with the error's status before any byte of the file), then
 * writes the file batch by batch as the rows are read (waiting for the client when it reads
 * slower), then writes ONE audit record (kind, region, filters, row count, masked or not, a
 * sha256 of the exported record ids in order) in the request's transaction, and only then the end
 * of the file. When the audit or the commit fails the connection is cut: the client never gets a
 * complete file that was not audited.
 */
export async function serveExport(kind: ExportKind, format: ExportFormat, req: IncomingMessage, res: ServerResponse, serving: ExportServing): Promise<void> {
  let ctx: RequestContext;
  try {
    ctx = await serving.context(req);
  } catch (error) {
    sendExportError(res, error);
    return;
  }
  let started = false;
  try {
    const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const region = params.get('region');
    if (!region || !isRegionCode(region)) {
      throw badInput(`导出须给出有效的区划代码 region（12 位）：${region ?? '（空）'}`, `An export needs a valid 12-digit region code in region: ${region ?? '(none)'}`, { field: 'region', value: region });
    }
    requireInScope(ctx.actor, region);
    const prepared = await kind.prepare(ctx, { region, params });
    const batches = exportBatches(ctx.dataSource, kind.columns, prepared);
    const digest = createHash('sha256');
    let count = 0;
    const out = async (chunk: Buffer) => {
      if (res.destroyed) throw new Error('client closed the connection');
      if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
    };
    const writer = tableWriter(format, out);
    const filename = `${kind.title.zh}_${kind.name}_${region}${prepared.fileSuffix ? `_${prepared.fileSuffix}` : ''}.${format}`;
    res.writeHead(200, {
      'content-type': writer.contentType,
      'content-disposition': contentDisposition(filename),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    started = true;
    await writer.start(kind.columns);
    for await (const batch of batches) {
      for (const row of batch) digest.update(`${row.id}\n`);
      count += batch.length;
      await writer.rows(batch.map((r) => r.cells));
    }
    await writeAudit(ctx.dataSource.manager, ctx, {
      action: EXPORT_AUDIT_ACTION,
      targetType: 'Export',
      targetId: kind.name,
      regionCode: region,
      payload: {
        kind: kind.name,
        format,
        region,
        filters: prepared.filters ?? {},
        rows: count,
        masked: !prepared.unmasked,
        // an unmasked export is one read of every exported row's personal data: the ids, in order, digested
        rowIdsSha256: digest.digest('hex'),
        batchRows: EXPORT_BATCH_ROWS,
      },
    });
    await serving.settle(ctx);
    await writer.finish();
    res.end();
    ctx.logger.info({ export: kind.name, format, region, rows: count, masked: !prepared.unmasked }, 'export written');
  } catch (error) {
    await serving.settle(ctx).catch(() => undefined);
    if (!started) {
      sendExportError(res, error);
      return;
    }
    ctx.logger.error({ err: error, export: kind.name }, 'export failed after it started: connection cut');
    res.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}

/**
 * The GET routes of a subgraph's exports: `/exports/<name>.csv`, `/exports/<name>.xlsx` per kind,
 * and `/exports` listing the kinds (what the gateway reads to route a download; it needs the
 * gateway's token like every other request).
 */
export function exportRoutes(kinds: readonly ExportKind[], serving: ExportServing & { verify: (req: IncomingMessage) => void }): Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>> {
  const seen = new Set<string>();
  for (const k of kinds) {
    if (seen.has(k.name)) throw new Error(`duplicate export kind ${k.name}`);
    seen.add(k.name);
  }
  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>> = {
    '/exports': async (req, res) => {
      try {
        serving.verify(req);
      } catch (error) {
        sendExportError(res, error);
        return;
      }
      sendJson(res, 200, { exports: kinds.map((k) => ({ name: k.name, title: k.title, columns: k.columns })) });
    },
  };
  for (const kind of kinds) {
    for (const format of ['csv', 'xlsx'] as const) {
      routes[`/exports/${kind.name}.${format}`] = (req, res) => serveExport(kind, format, req, res, serving);
    }
  }
  return routes;
}

/** NOT_FOUND for an export kind no subgraph serves. */
export function unknownExport(name: string): XzError {
  return notFound('导出类型', 'Export kind', name);
}
