import { csvRecord, UTF8_BOM, guardFormula, type ExportCell } from './csv';
import { StreamingZip, type ZipEntryWriter } from './zip';

/** Formats an export is written in. */
export type ExportFormat = 'csv' | 'xlsx';

/** How a column's cells are written: `text` (formula-guarded), `number` (integers), `decimal` (exact amounts as text, e.g. `1234.50`), `date` (ISO `YYYY-MM-DD`), `boolean` (是 / 否). */
export type ExportColumnType = 'text' | 'number' | 'decimal' | 'date' | 'boolean';

/** A column of an export: its Chinese and English headings and its type. */
export interface ExportColumn {
  /** Stable English key (`idNumber`): the English half of the heading, what scripts match on. */
  key: string;
  /** Chinese heading (`身份证号`). */
  zh: string;
  type?: ExportColumnType;
}

/** The heading of a column: `中文 / key` (e.g. `身份证号 / idNumber`). */
export function columnHeading(column: ExportColumn): string {
  return `${column.zh} / ${column.key}`;
}

/** Writes rows of a table into a CSV or XLSX byte stream, one batch at a time. */
export interface TableWriter {
  readonly contentType: string;
  start(columns: readonly ExportColumn[]): Promise<void>;
  /** Writes a batch of rows and passes its bytes on. */
  rows(rows: readonly (readonly ExportCell[])[]): Promise<void>;
  /** Completes the file. */
  finish(): Promise<void>;
}

class CsvWriter implements TableWriter {
  readonly contentType = 'text/csv; charset=utf-8';
  private numeric: boolean[] = [];

  constructor(private readonly out: (chunk: Buffer) => Promise<void>) {}

  async start(columns: readonly ExportColumn[]): Promise<void> {
    this.numeric = columns.map((c) => c.type === 'number' || c.type === 'decimal');
    await this.out(Buffer.from(UTF8_BOM + csvRecord(columns.map(columnHeading)), 'utf8'));
  }

  async rows(rows: readonly (readonly ExportCell[])[]): Promise<void> {
    if (rows.length > 0) await this.out(Buffer.from(rows.map((r) => csvRecord(r, this.numeric)).join(''), 'utf8'));
  }

  async finish(): Promise<void> {
    // a CSV has no trailer: the last record ends the file
  }
}

function xmlText(text: string): string {
  // characters XML 1.0 cannot carry are dropped
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const XLSX_PARTS: Record<string, string> = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  'xl/styles.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf/><xf numFmtId="2" applyNumberFormat="1"/></cellXfs></styleSheet>',
};

/**
 * XLSX one worksheet streamed into a ZIP: inline strings (no shared-string table to hold in
 * memory), numbers and exact decimals as number cells written from their decimal text (amounts in
 * the `0.00` format), dates as ISO text. Text cells get the same formula guard as CSV.
 */
class XlsxWriter implements TableWriter {
  readonly contentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  private readonly zip: StreamingZip;
  private sheet: ZipEntryWriter | null = null;
  private types: ExportColumnType[] = [];
  private rowNumber = 0;

  constructor(out: (chunk: Buffer) => Promise<void>) {
    this.zip = new StreamingZip(out);
  }

  private row(cells: readonly ExportCell[], types: readonly ExportColumnType[]): string {
    this.rowNumber += 1;
    const r = this.rowNumber;
    const xml = cells.map((cell, i) => {
      if (cell === null || cell === '') return '';
      const ref = `${columnLetters(i)}${r}`;
      const type = types[i] ?? 'text';
      // amounts: a number cell written from the exact decimal text, shown with two decimals (built-in format 2, `0.00`)
      if (type === 'decimal' && /^-?\d+(\.\d+)?$/.test(String(cell))) return `<c r="${ref}" s="1"><v>${String(cell)}</v></c>`;
      if (type === 'number' && /^-?\d+(\.\d+)?$/.test(String(cell))) return `<c r="${ref}"><v>${String(cell)}</v></c>`;
      const text = type === 'text' ? guardFormula(String(cell)) : String(cell);
      return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
    });
    return `<row r="${r}">${xml.join('')}</row>`;
  }

  async start(columns: readonly ExportColumn[]): Promise<void> {
    for (const [name, content] of Object.entries(XLSX_PARTS)) await this.zip.add(name, content);
    this.types = columns.map((c) => c.type ?? 'text');
    this.sheet = await this.zip.open('xl/worksheets/sheet1.xml');
    await this.sheet.write(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
        this.row(columns.map(columnHeading), columns.map(() => 'text')),
    );
    await this.sheet.flush();
  }

  async rows(rows: readonly (readonly ExportCell[])[]): Promise<void> {
    if (!this.sheet || rows.length === 0) return;
    await this.sheet.write(rows.map((r) => this.row(r, this.types)).join(''));
    await this.sheet.flush();
  }

  async finish(): Promise<void> {
    if (!this.sheet) return;
    await this.sheet.write('</sheetData></worksheet>');
    await this.sheet.close();
    await this.zip.finish();
  }
}

/** A writer of `format` passing its bytes to `out` (which resolves when more may be written). */
export function tableWriter(format: ExportFormat, out: (chunk: Buffer) => Promise<void>): TableWriter {
  return format === 'csv' ? new CsvWriter(out) : new XlsxWriter(out);
}
