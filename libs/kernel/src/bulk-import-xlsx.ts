import fs from 'node:fs';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * XLSX 输入 Excel workbooks on the bulk-import path: one sheet read as a stream of rows (the whole
 * workbook is never held in memory) and handed to the CSV reader as the CSV text Excel would save
 * for it, so every check, line number, checkpoint and audit record is the CSV path's. Line numbers
 * are the sheet's row numbers (empty rows keep their numbers). Cells are normalised as a CSV would
 * show them: dates `YYYY-MM-DD` (with ` HH:MM:SS` when they have a time of day), whole numbers
 * without exponent or grouping, other numbers with at most 15 significant digits, formulas as their
 * cached result, rich text as its plain text, booleans `TRUE`/`FALSE`, errors as written (`#N/A`),
 * and line breaks inside a cell as spaces.
 */

/** A sheet that is not in the workbook, or a file that is not a readable workbook. */
export class XlsxInputError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'XlsxInputError';
  }
}

/** Which sheet of a workbook to read: its name or its position (1 = first); default the first sheet. */
export interface XlsxSheetOptions {
  sheet?: string;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** A date cell as text (Excel's dates carry no zone: exceljs gives them as UTC). */
function dateText(d: Date): string {
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const seconds = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  return seconds === 0 ? day : `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? BigInt(n).toString() : String(n);
  return String(Number(n.toPrecision(15)));
}

/** A cell's value as the text a CSV export shows. */
export function xlsxCellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((r) => r.text ?? '').join('');
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) return xlsxCellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in value) return xlsxCellText((value as { text: ExcelJS.CellValue }).text);
  return '';
}

function csvField(text: string): string {
  const flat = text.replace(/\r\n|\r|\n/g, ' ');
  return /[",]/.test(flat) ? `"${flat.replace(/"/g, '""')}"` : flat;
}

/** Characters of CSV text handed on at once. */
const CHUNK_CHARS = 1 << 16;

/**
 * One sheet of an XLSX workbook (a path or a stream) as CSV text in chunks, for `readCsv` /
 * `importRows`: row n of the sheet is line n of the text. Throws {@link XlsxInputError} when the
 * sheet asked for is not in the workbook.
 */
export async function* xlsxCsv(input: string | Readable, options: XlsxSheetOptions = {}): AsyncGenerator<string> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  const names: string[] = [];
  let found = false;
  let emitted = 0;
  try {
    for await (const worksheet of reader) {
      emitted += 1;
      const sheet = worksheet as unknown as { name?: string } & AsyncIterable<ExcelJS.Row>;
      const order = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? [];
      const position = order.findIndex((s) => s.name === sheet.name) + 1 || emitted;
      names.push(sheet.name ?? String(position));
      const wanted = options.sheet === undefined ? position === 1 : options.sheet === sheet.name || options.sheet === String(position);
      if (found || !wanted) {
        // read through unused: a sheet the reader parked in a temporary file is deleted once passed
        for await (const row of sheet) void row;
        continue;
      }
      found = true;
      let last = 0;
      let text = '';
      for await (const row of sheet) {
        // rows the sheet leaves out are blank lines: the next row keeps its number
        text += '\n'.repeat(Math.max(row.number - last - 1, 0));
        last = row.number;
        const cells: string[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          cells[column - 1] = csvField(xlsxCellText(cell.value));
        });
        text += `${Array.from(cells, (c) => c ?? '').join(',')}\n`;
        if (text.length >= CHUNK_CHARS) {
          yield text;
          text = '';
        }
      }
      if (text) yield text;
    }
  } catch (error) {
    if (error instanceof XlsxInputError) throw error;
    const message = (error as Error).message;
    throw new XlsxInputError(`无法读取XLSX文件：${message}`, `Cannot read the XLSX file: ${message}`);
  }
  if (!found) {
    const which = options.sheet ?? '1';
    throw new XlsxInputError(`工作簿中没有工作表“${which}”（现有：${names.join('、') || '无'}）`, `The workbook has no sheet “${which}” (sheets: ${names.join(', ') || 'none'})`);
  }
}

/** Whether a file is an XLSX workbook (a zip archive: `PK\x03\x04`), whatever its name. */
export function isXlsxFile(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const n = fs.readSync(fd, head, 0, 4, 0);
    return n === 4 && head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * How `importFile` opens a file to import: a CSV file as its bytes, an XLSX workbook (recognised by
 * its content) as the CSV text of one sheet ({@link xlsxCsv}). `sheet` is refused for a CSV file.
 */
export function importFileSource(file: string, options: XlsxSheetOptions = {}): { format: 'csv' | 'xlsx'; open: () => AsyncIterable<string | Buffer> } {
  if (isXlsxFile(file)) return { format: 'xlsx', open: () => xlsxCsv(file, options) };
  if (options.sheet !== undefined) throw new XlsxInputError(`CSV文件没有工作表，不能指定工作表：${options.sheet}`, `A CSV file has no sheets; --sheet ${options.sheet} applies to XLSX files only`);
  return { format: 'csv', open: () => fs.createReadStream(file, { highWaterMark: 1 << 20 }) };
}
