/** A cell of an exported table: text, an exact decimal/integer given as text or number, or empty. */
export type ExportCell = string | number | null;

/** Byte-order mark: Excel on Chinese Windows reads a CSV as UTF-8 only when it starts with one. */
export const UTF8_BOM = '\uFEFF';

/**
 * 防公式注入 a text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a
 * formula by a spreadsheet: it gets a leading `'`. Numeric columns (amounts, counts) are not text
 * cells and keep their sign.
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote, CR or LF; quotes doubled. */
export function csvField(cell: ExportCell, numeric = false): string {
  if (cell === null) return '';
  const text = numeric ? String(cell) : guardFormula(String(cell));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record with its CRLF line break (RFC 4180). `numeric[i]` marks cells written without the formula guard. */
export function csvRecord(cells: readonly ExportCell[], numeric: readonly boolean[] = []): string {
  return cells.map((c, i) => csvField(c, numeric[i] ?? false)).join(',') + '\r\n';
}
