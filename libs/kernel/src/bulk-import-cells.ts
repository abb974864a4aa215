import type { ImportProblem, ImportRow } from './bulk-import';
import { todayInChina } from './data-source';

/**
 * 单元格 reading the cells of import rows the way county registers write them (dates as
 * `2024-03-05`, `2024/3/5`, `20240305` or `2024年3月5日`, yes/no as 是/否, enum values by their Chinese
 * labels); each reader pushes a bilingual problem naming the line, field and value when a cell
 * cannot be read, and answers null then.
 */

/** `YYYY-MM-DD` of a date written `2024-03-05`, `2024/3/5`, `2024.3.5`, `20240305` or `2024年3月5日` (a time of day `00:00:00` allowed, as XLSX gives dates); null when not a real date written so. */
export function parseImportDate(text: string): string | null {
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?(?: 00:00(?::00)?)?$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

/**
 * The date in `row.values[field]`: null (and a problem) when it is missing but `required`, not a
 * date, or after today when `notFuture`; null without a problem when empty and optional.
 */
export function importDate(row: ImportRow, field: string, label: string, problems: ImportProblem[], options: { required?: boolean; notFuture?: boolean } = {}): string | null {
  const text = row.values[field] ?? '';
  if (!text) {
    if (options.required) problems.push({ line: row.line, rule: 'REQUIRED', field, zh: `${label}不能为空`, en: `${field} is empty` });
    return null;
  }
  const date = parseImportDate(text);
  if (!date) {
    problems.push({ line: row.line, rule: 'DATE_INVALID', field, value: text, zh: `${label}不是有效日期（如2024-03-05）：${text}`, en: `${field} is not a valid date (such as 2024-03-05): ${text}` });
    return null;
  }
  const today = todayInChina();
  if (options.notFuture && date > today) {
    problems.push({ line: row.line, rule: 'DATE_IN_FUTURE', field, value: text, zh: `${label}不能晚于今天（${today}）：${text}`, en: `${field} cannot be in the future (today is ${today}): ${text}` });
    return null;
  }
  return date;
}

const YES = new Set(['是', '有', 'Y', 'YES', 'TRUE', '1', '√']);
const NO = new Set(['否', '无', 'N', 'NO', 'FALSE', '0', '×']);

/** A yes/no cell (是/否, Y/N, TRUE/FALSE, 1/0): `fallback` when empty, null (and a problem) when unreadable. */
export function importBoolean(row: ImportRow, field: string, label: string, problems: ImportProblem[], fallback: boolean): boolean | null {
  const text = (row.values[field] ?? '').toUpperCase();
  if (!text) return fallback;
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  problems.push({ line: row.line, rule: 'BOOLEAN_INVALID', field, value: row.values[field], zh: `${label}应填“是”或“否”：${row.values[field]}`, en: `${field} must be yes (是) or no (否): ${row.values[field]}` });
  return null;
}

/** A cell naming one value of `values` (Chinese labels or the value itself): null (and a problem) when empty or unknown. */
export function importChoice<T extends string>(row: ImportRow, field: string, label: string, values: Readonly<Record<string, T>>, problems: ImportProblem[]): T | null {
  const text = row.values[field] ?? '';
  if (!text) {
    problems.push({ line: row.line, rule: 'REQUIRED', field, zh: `${label}不能为空`, en: `${field} is empty` });
    return null;
  }
  const value = values[text] ?? values[text.toUpperCase()];
  if (value) return value;
  const known = [...new Set(Object.keys(values))].slice(0, 12).join('、');
  problems.push({ line: row.line, rule: 'VALUE_UNKNOWN', field, value: text, zh: `${label}无法识别：${text}（可填：${known}）`, en: `${field} is not one of the known values: ${text} (known: ${known})` });
  return null;
}

/** A text cell of at most `max` characters: null (and a problem) when too long, or empty but `required`; '' stays ''. */
export function importText(row: ImportRow, field: string, label: string, problems: ImportProblem[], options: { max: number; required?: boolean }): string | null {
  const text = row.values[field] ?? '';
  if (!text) {
    if (options.required) {
      problems.push({ line: row.line, rule: 'REQUIRED', field, zh: `${label}不能为空`, en: `${field} is empty` });
      return null;
    }
    return '';
  }
  if ([...text].length > options.max) {
    problems.push({ line: row.line, rule: 'TOO_LONG', field, value: text, zh: `${label}超过${options.max}个字：${text}`, en: `${field} is longer than ${options.max} characters: ${text}` });
    return null;
  }
  return text;
}
