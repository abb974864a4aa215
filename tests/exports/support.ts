/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers and parsed sheets are untyped, checked with expect() */
import ExcelJS from 'exceljs';
import type { TestPlatform } from '@xiangzhi/testing';
import type { Actor } from '@xiangzhi/kernel';

/** A download through the gateway, read chunk by chunk as it arrives. */
export interface Download {
  status: number;
  headers: Headers;
  body: Buffer;
  /** Number of chunks the body arrived in. */
  chunks: number;
}

export async function download(platform: TestPlatform, path: string, as: Actor | string | null): Promise<Download> {
  const headers: Record<string, string> = {};
  if (as) headers.authorization = `Bearer ${typeof as === 'string' ? as : platform.token(as)}`;
  const res = await fetch(new URL(path, platform.url), { headers });
  const parts: Buffer[] = [];
  const reader = res.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(Buffer.from(value));
  }
  return { status: res.status, headers: res.headers, body: Buffer.concat(parts), chunks: parts.length };
}

/** RFC 4180 parser (quoted fields, doubled quotes, CRLF records). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The first sheet of an XLSX file as rows of text ('' for empty cells), read by exceljs. */
export async function parseXlsx(body: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as any);
  const sheet = workbook.worksheets[0];
  const width = sheet.getRow(1).cellCount;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let i = 1; i <= width; i++) {
      const cell = row.getCell(i);
      const v = cell.value as any;
      // a number as the sheet shows it: amounts carry the two-decimal format
      if (typeof v === 'number') cells.push(cell.numFmt === '0.00' ? v.toFixed(2) : String(v));
      else cells.push(v === null || v === undefined ? '' : typeof v === 'object' && 'richText' in v ? v.richText.map((t: any) => t.text).join('') : String(v));
    }
    rows.push(cells);
  });
  return rows;
}

/** Parsed rows as objects keyed by the English key of each heading (`中文 / key`). */
export function records(rows: string[][]): Record<string, string>[] {
  const keys = rows[0].map((h) => h.split(' / ')[1]);
  return rows.slice(1).map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i] ?? ''])));
}

/** Every node of a paginated query, page by page (`first: 100`). */
export async function allNodes(ok: (as: Actor, q: string, v?: Record<string, unknown>) => Promise<any>, as: Actor, field: string, args: string, selection: string): Promise<any[]> {
  const nodes: any[] = [];
  let after: string | null = null;
  for (;;) {
    const data = await ok(as, `query($after: String) { ${field}(${args}, first: 100, after: $after) { nodes { ${selection} } pageInfo { hasNextPage endCursor } } }`, { after });
    nodes.push(...data[field].nodes);
    if (!data[field].pageInfo.hasNextPage) return nodes;
    after = data[field].pageInfo.endCursor;
  }
}
