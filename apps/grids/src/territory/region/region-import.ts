import { childLevelOf, countyOf, isRegionCode, levelOf, parentCodeOf, regionPrefix, RegionLevel } from '@xiangzhi/kernel';

/** One row of a region import. */
export interface RegionImportRow {
  code: string;
  name: string;
  parentCode?: string | null;
}

/** A row refused by the import, with its position in the input. */
export interface RegionImportProblem {
  index: number;
  code: string;
  rule: 'CODE_MALFORMED' | 'NAME_EMPTY' | 'CODE_DUPLICATE' | 'PARENT_MALFORMED' | 'LEVEL_MISMATCH' | 'CODE_NOT_EXTENDING_PARENT' | 'PARENT_NOT_FOUND';
  zh: string;
  en: string;
}

/** A row ready to be written. */
export interface RegionRecord {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  countyCode: string | null;
}

const LEVEL_ZH: Record<RegionLevel, string> = {
  [RegionLevel.PROVINCE]: '省级',
  [RegionLevel.CITY]: '地级',
  [RegionLevel.COUNTY]: '县级',
  [RegionLevel.TOWNSHIP]: '乡级',
  [RegionLevel.VILLAGE]: '村级',
};

const DEPTH: Record<RegionLevel, number> = {
  [RegionLevel.PROVINCE]: 0,
  [RegionLevel.CITY]: 1,
  [RegionLevel.COUNTY]: 2,
  [RegionLevel.TOWNSHIP]: 3,
  [RegionLevel.VILLAGE]: 4,
};

/**
 * Checks a region import without touching the database: well-formed 12-digit codes, names, no
 * duplicates, the parent one level up, and the code extending its parent's significant prefix
 * (a village starts with its township's 9 digits, a township with its county's 6 digits).
 * `exists(code)` tells whether a parent code is already stored. Every bad row is reported.
 */
export function checkRegionImport(rows: readonly RegionImportRow[], exists: (code: string) => boolean): { records: RegionRecord[]; problems: RegionImportProblem[] } {
  const problems: RegionImportProblem[] = [];
  const seen = new Set<string>();
  const incoming = new Set(rows.map((r) => r.code.trim()).filter(isRegionCode));
  const records: RegionRecord[] = [];
  rows.forEach((row, index) => {
    const code = row.code.trim();
    const name = row.name.trim();
    const problem = (rule: RegionImportProblem['rule'], zh: string, en: string) => problems.push({ index, code, rule, zh, en });
    if (!isRegionCode(code)) {
      problem('CODE_MALFORMED', `区划代码必须是12位数字：${code}`, `A division code must be 12 digits: ${code}`);
      return;
    }
    if (!name) problem('NAME_EMPTY', `区划名称不能为空：${code}`, `Region name is empty: ${code}`);
    if (seen.has(code)) problem('CODE_DUPLICATE', `区划代码重复：${code}`, `Duplicate division code: ${code}`);
    seen.add(code);
    const level = levelOf(code);
    let parentCode: string | null = parentCodeOf(code);
    const given = row.parentCode?.trim();
    if (given) {
      if (!isRegionCode(given)) {
        problem('PARENT_MALFORMED', `上级区划代码必须是12位数字：${given}`, `The parent division code must be 12 digits: ${given}`);
        return;
      }
      const parentLevel = levelOf(given);
      if (childLevelOf(parentLevel) !== level) {
        problem(
          'LEVEL_MISMATCH',
          `${code}是${LEVEL_ZH[level]}区划，不能隶属于${LEVEL_ZH[parentLevel]}区划${given}`,
          `${code} is a ${level.toLowerCase()} and cannot belong to the ${parentLevel.toLowerCase()} ${given}`,
        );
        return;
      }
      if (!code.startsWith(regionPrefix(given))) {
        problem(
          'CODE_NOT_EXTENDING_PARENT',
          `区划代码${code}应以上级代码的前${regionPrefix(given).length}位${regionPrefix(given)}开头`,
          `Division code ${code} must start with its parent's ${regionPrefix(given).length} digits ${regionPrefix(given)}`,
        );
        return;
      }
      parentCode = given;
    }
    if (parentCode && !incoming.has(parentCode) && !exists(parentCode)) {
      problem('PARENT_NOT_FOUND', `上级区划不存在：${parentCode}（${code}）`, `Parent region ${parentCode} of ${code} does not exist`);
      return;
    }
    records.push({ code, name, level, parentCode, countyCode: countyOf(code) });
  });
  records.sort((a, b) => DEPTH[a.level] - DEPTH[b.level] || a.code.localeCompare(b.code));
  return { records, problems };
}
