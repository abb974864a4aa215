import { countyOf, isRegionCode, RegionLevel, type ImportProblem, type ImportRow } from '@xiangzhi/kernel';
import { regionReferenceResults, residentReferenceResults, type SqlRunner } from './checks';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A row's village cell to check against `region_ref`. */
export interface ImportVillageRef {
  row: ImportRow;
  field: string;
  label: string;
}

/** A row's resident cell to check against `resident_ref` (the village it must be registered in, alive or not). */
export interface ImportResidentRef {
  row: ImportRow;
  field: string;
  label: string;
  villageCode: string;
  living: boolean;
}

/**
 * 导入引用校验 the references of bulk-import rows, checked against the grids projections a subgraph
 * keeps (`region_ref`, `resident_ref`) in one query per projection for a whole chunk: a village code
 * must be a 12-digit village of the county being imported, known to grids and current today; a
 * resident id must be a resident registered in the row's village (and living, where asked). Each
 * problem names the row's line, the field, the value and the rule (`VILLAGE_OUTSIDE_COUNTY`,
 * `REGION_UNKNOWN`, `REGION_NOT_VALID`, `REGION_LEVEL`, `RESIDENT_UNKNOWN`, `RESIDENT_OTHER_VILLAGE`,
 * `RESIDENT_NOT_LIVING`, `RESIDENT_ID_INVALID`); a row whose village is refused has its resident left
 * unchecked (one reason per mistake). Answers the problems, the rows refused and those of them
 * refused for their village.
 */
export async function importReferenceProblems(
  db: SqlRunner,
  countyCode: string,
  refs: { villages?: readonly ImportVillageRef[]; residents?: readonly ImportResidentRef[] },
  today: string,
): Promise<{ problems: ImportProblem[]; bad: Set<ImportRow>; badVillages: Set<ImportRow> }> {
  const problems: ImportProblem[] = [];
  const bad = new Set<ImportRow>();
  const refuse = (row: ImportRow, p: Omit<ImportProblem, 'line'>) => {
    problems.push({ line: row.line, ...p });
    bad.add(row);
  };
  const villages: ImportVillageRef[] = [];
  for (const ref of refs.villages ?? []) {
    const code = ref.row.values[ref.field] ?? '';
    if (!code) refuse(ref.row, { rule: 'REQUIRED', field: ref.field, zh: `${ref.label}不能为空`, en: `${ref.field} is empty` });
    else if (!isRegionCode(code)) refuse(ref.row, { rule: 'REGION_CODE_INVALID', field: ref.field, value: code, zh: `${ref.label}须为12位区划代码：${code}`, en: `${ref.field} must be a 12-digit division code: ${code}` });
    else if (countyOf(code) !== countyCode) {
      refuse(ref.row, { rule: 'VILLAGE_OUTSIDE_COUNTY', field: ref.field, value: code, zh: `${ref.label}${code}不属于本县${countyCode}`, en: `${ref.field} ${code} is not in county ${countyCode}` });
    } else villages.push(ref);
  }
  const regionResults = await regionReferenceResults(
    db,
    villages.map((v) => ({ field: v.field, code: v.row.values[v.field], on: today, level: RegionLevel.VILLAGE })),
  );
  regionResults.forEach((p, i) => {
    if (p) refuse(villages[i].row, { rule: p.rule, field: p.field, value: p.value, zh: `${villages[i].label}：${p.zh}`, en: p.en });
  });
  const badVillages = new Set(bad);
  const residents: ImportResidentRef[] = [];
  for (const ref of refs.residents ?? []) {
    const id = ref.row.values[ref.field] ?? '';
    if (!id || badVillages.has(ref.row)) continue;
    if (!UUID.test(id)) refuse(ref.row, { rule: 'RESIDENT_ID_INVALID', field: ref.field, value: id, zh: `${ref.label}不是有效的居民标识：${id}`, en: `${ref.field} is not a resident id: ${id}` });
    else residents.push(ref);
  }
  const residentResults = await residentReferenceResults(
    db,
    residents.map((r) => ({ field: r.field, id: r.row.values[r.field], villageCode: r.villageCode, living: r.living })),
  );
  residentResults.forEach((p, i) => {
    if (p) refuse(residents[i].row, { rule: p.rule, field: p.field, value: p.value, zh: `${residents[i].label}：${p.zh}`, en: p.en });
  });
  return { problems, bad, badVillages };
}
