import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { importFile, importFileSource, type BulkImporter, type FileImportOptions, type FileImportResult, type ImportProblem } from '@xiangzhi/kernel';
import type { DataSource } from 'typeorm';

/**
 * Writes rows (the header first) as an XLSX workbook at `file`, one sheet named `sheet`, every cell
 * as text except those `cell` turns into another value (a `Date`, a number): what a county's
 * spreadsheet of a register looks like, for the bulk-import specs.
 */
export async function writeXlsx(file: string, rows: readonly (readonly string[])[], options: { sheet?: string; cell?: (text: string, row: number, column: number) => ExcelJS.CellValue } = {}): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(options.sheet ?? 'Sheet1');
  rows.forEach((cells, r) => sheet.addRow(cells.map((text, c) => (options.cell ? options.cell(text, r + 1, c + 1) : text))));
  await book.xlsx.writeFile(file);
}

/** A cell as a county's spreadsheet holds it: a real `YYYY-MM-DD` date as a date cell, a 12-digit code as a number, anything else as text. */
export function spreadsheetCell(text: string): ExcelJS.CellValue {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : null;
  if (date && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text)) return date;
  if (/^\d{12}$/.test(text)) return Number(text);
  return text;
}

/** The same rows as `<name>.csv` and `<name>.xlsx` (dates as date cells, codes as numbers) in `dir`. */
export async function registerFiles(dir: string, name: string, rows: readonly (readonly string[])[]): Promise<{ csv: string; xlsx: string }> {
  const csv = path.join(dir, `${name}.csv`);
  fs.writeFileSync(csv, `${rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n')}\n`);
  const xlsx = path.join(dir, `${name}.xlsx`);
  await writeXlsx(xlsx, rows, { cell: (text, row) => (row === 1 ? text : spreadsheetCell(text)) });
  return { csv, xlsx };
}

/** `importFile` of a CSV or XLSX file as `xz import` runs it (actor `spec`, county `countyCode`). */
export function importTestFile(dataSource: DataSource, importer: BulkImporter, file: string, countyCode: string, extra: Partial<FileImportOptions> = {}): Promise<FileImportResult> {
  return importFile({ dataSource, importer, open: importFileSource(file).open, fileName: path.basename(file), countyCode, actor: { id: 'spec', roles: ['CLI'] }, ...extra });
}

/** The `[line, rule]` pairs of a refusal (what specs compare between the CSV and the XLSX of the same rows). */
export function refusedRows(problems: readonly ImportProblem[]): [number, string][] {
  return problems.map((p) => [p.line, p.rule]);
}
