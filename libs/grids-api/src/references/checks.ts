import { badInput, isWithin, RegionLevel } from '@xiangzhi/kernel';

/** Anything that runs SQL with positional parameters (a DataSource or a transaction's EntityManager). */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** A date (`YYYY-MM-DD`) a code must be valid on, or a period (inclusive) it must be valid in at some point. */
export type ValidOn = string | { from: string; to: string };

/** A region code a write names, with the field that named it and the date it concerns. */
export interface RegionReferenceCheck {
  field: string;
  code: string;
  on: ValidOn;
  /** The level the code must have (the field's own syntax check usually covers it already). */
  level?: RegionLevel;
}

/** A resident id a write names. */
export interface ResidentReferenceCheck {
  field: string;
  id: string;
  /** The village the resident must be registered in. */
  villageCode?: string;
  /** Refuse a deceased or moved-out resident. */
  living?: boolean;
}

/** A household id a write names (known through its residents in `resident_ref`). */
export interface HouseholdReferenceCheck {
  field: string;
  id: string;
  /** The village (or any region above it, by code prefix) the household must belong to. */
  within?: string;
}

/** One refused reference (listed in the error's `references`). */
export interface ReferenceProblem {
  field: string;
  value: string;
  rule: 'REGION_UNKNOWN' | 'REGION_NOT_VALID' | 'REGION_LEVEL' | 'RESIDENT_UNKNOWN' | 'RESIDENT_OTHER_VILLAGE' | 'RESIDENT_NOT_LIVING' | 'HOUSEHOLD_UNKNOWN' | 'HOUSEHOLD_OTHER_REGION';
  zh: string;
  en: string;
}

interface RegionRow {
  code: string;
  level: string;
  valid_from: string;
  valid_to: string | null;
}

interface ResidentRow {
  id: string;
  village_code: string;
  status: string;
}

const STATUS_ZH: Record<string, string> = { DECEASED: '已故', MOVED_OUT: '已迁出' };
const STATUS_EN: Record<string, string> = { DECEASED: 'deceased', MOVED_OUT: 'moved out' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fail(problems: ReferenceProblem[]): never {
  throw badInput(problems.map((p) => p.zh).join('；'), problems.map((p) => p.en).join('; '), {
    field: problems[0].field,
    value: problems[0].value,
    rule: problems[0].rule,
    references: problems,
  });
}

function describe(on: ValidOn): { zh: string; en: string } {
  return typeof on === 'string' ? { zh: `在${on}`, en: `on ${on}` } : { zh: `在${on.from}至${on.to}期间`, en: `between ${on.from} and ${on.to}` };
}

/** Whether a code valid from `from` until (not including) `to` is valid on the date or in the period. */
function validOn(row: RegionRow, on: ValidOn): boolean {
  const first = typeof on === 'string' ? on : on.from;
  const last = typeof on === 'string' ? on : on.to;
  return row.valid_from <= last && (row.valid_to === null || row.valid_to > first);
}

/** The problems with region references, from the `region_ref` projection, in one query for the whole list. */
export async function regionReferenceProblems(db: SqlRunner, checks: readonly RegionReferenceCheck[]): Promise<ReferenceProblem[]> {
  return (await regionReferenceResults(db, checks)).filter((p): p is ReferenceProblem => p !== null);
}

/** {@link regionReferenceProblems} check by check: the problem of each check, null for a good one (bulk imports name each row's line). */
export async function regionReferenceResults(db: SqlRunner, checks: readonly RegionReferenceCheck[]): Promise<(ReferenceProblem | null)[]> {
  if (checks.length === 0) return [];
  const codes = [...new Set(checks.map((c) => c.code))];
  const rows = (await db.query(
    `SELECT code, level, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to FROM region_ref WHERE code = ANY($1::text[])`,
    [codes],
  )) as RegionRow[];
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const problems: (ReferenceProblem | null)[] = [];
  for (const c of checks) {
    const row = byCode.get(c.code);
    const at = describe(c.on);
    const before = problems.length;
    if (!row) {
      problems.push({
        field: c.field,
        value: c.code,
        rule: 'REGION_UNKNOWN',
        zh: `区划代码不存在（网格子图未登记此代码）：${c.field} = ${c.code}`,
        en: `Unknown division code (not registered in grids): ${c.field} = ${c.code}`,
      });
    } else if (c.level && row.level !== c.level) {
      problems.push({ field: c.field, value: c.code, rule: 'REGION_LEVEL', zh: `区划层级不符（须为${c.level}）：${c.field} = ${c.code}`, en: `The division code is not a ${c.level.toLowerCase()}: ${c.field} = ${c.code}` });
    } else if (!validOn(row, c.on)) {
      const span = row.valid_to ? `${row.valid_from}起，${row.valid_to}停用` : `${row.valid_from}起`;
      const spanEn = row.valid_to ? `from ${row.valid_from}, retired on ${row.valid_to}` : `from ${row.valid_from}`;
      problems.push({
        field: c.field,
        value: c.code,
        rule: 'REGION_NOT_VALID',
        zh: `区划代码${at.zh}无效（有效期：${span}）：${c.field} = ${c.code}`,
        en: `The division code is not valid ${at.en} (valid ${spanEn}): ${c.field} = ${c.code}`,
      });
    }
    if (problems.length === before) problems.push(null);
  }
  return problems;
}

/** The problems with resident references, from the `resident_ref` projection, in one query for the whole list. */
export async function residentReferenceProblems(db: SqlRunner, checks: readonly ResidentReferenceCheck[]): Promise<ReferenceProblem[]> {
  return (await residentReferenceResults(db, checks)).filter((p): p is ReferenceProblem => p !== null);
}

/** {@link residentReferenceProblems} check by check: the problem of each check, null for a good one. */
export async function residentReferenceResults(db: SqlRunner, checks: readonly ResidentReferenceCheck[]): Promise<(ReferenceProblem | null)[]> {
  if (checks.length === 0) return [];
  const ids = [...new Set(checks.map((c) => c.id).filter((id) => UUID.test(id)))];
  const rows = ids.length ? ((await db.query(`SELECT id::text AS id, village_code, status FROM resident_ref WHERE id = ANY($1::uuid[])`, [ids])) as ResidentRow[]) : [];
  const byId = new Map(rows.map((r) => [r.id.toLowerCase(), r]));
  const problems: (ReferenceProblem | null)[] = [];
  for (const c of checks) {
    const row = byId.get(c.id.toLowerCase());
    const before = problems.length;
    if (!row) {
      problems.push({ field: c.field, value: c.id, rule: 'RESIDENT_UNKNOWN', zh: `居民不存在：${c.field} = ${c.id}`, en: `Resident not found: ${c.field} = ${c.id}` });
    } else if (c.villageCode && row.village_code !== c.villageCode) {
      problems.push({
        field: c.field,
        value: c.id,
        rule: 'RESIDENT_OTHER_VILLAGE',
        zh: `居民不属于村（社区）${c.villageCode}：${c.field} = ${c.id}`,
        en: `The resident is not registered in village ${c.villageCode}: ${c.field} = ${c.id}`,
      });
    } else if (c.living && row.status !== 'LIVING') {
      problems.push({
        field: c.field,
        value: c.id,
        rule: 'RESIDENT_NOT_LIVING',
        zh: `居民${STATUS_ZH[row.status] ?? row.status}，不能引用：${c.field} = ${c.id}`,
        en: `The resident is ${STATUS_EN[row.status] ?? row.status} and cannot be referenced: ${c.field} = ${c.id}`,
      });
    }
    if (problems.length === before) problems.push(null);
  }
  return problems;
}

/** A household's village by its id, from the residents registered in it (null when grids has none). */
export async function householdVillages(db: SqlRunner, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))];
  if (wanted.length === 0) return new Map();
  const rows = (await db.query(`SELECT DISTINCT ON (household_id) household_id::text AS id, village_code FROM resident_ref WHERE household_id = ANY($1::uuid[]) ORDER BY household_id, status = 'LIVING' DESC`, [wanted])) as { id: string; village_code: string }[];
  return new Map(rows.map((r) => [r.id.toLowerCase(), r.village_code]));
}

/** The problems with household references, from `resident_ref`, in one query for the whole list. */
export async function householdReferenceProblems(db: SqlRunner, checks: readonly HouseholdReferenceCheck[]): Promise<ReferenceProblem[]> {
  if (checks.length === 0) return [];
  const villages = await householdVillages(db, checks.map((c) => c.id));
  const problems: ReferenceProblem[] = [];
  for (const c of checks) {
    const village = villages.get(c.id.toLowerCase());
    if (!village) {
      problems.push({ field: c.field, value: c.id, rule: 'HOUSEHOLD_UNKNOWN', zh: `户不存在（网格子图无此户的居民）：${c.field} = ${c.id}`, en: `Household not found (grids has no resident in it): ${c.field} = ${c.id}` });
    } else if (c.within && !isWithin(village, c.within)) {
      problems.push({ field: c.field, value: c.id, rule: 'HOUSEHOLD_OTHER_REGION', zh: `户不属于区划${c.within}（属${village}）：${c.field} = ${c.id}`, en: `The household is not in region ${c.within} (it is in ${village}): ${c.field} = ${c.id}` });
    }
  }
  return problems;
}

/**
 * 引用校验 refuses (BAD_USER_INPUT, before anything is written) region codes grids does not know or
 * that are not valid on the date concerned, and resident ids that do not exist, are registered in
 * another village or are no longer living where that matters, and household ids grids has no
 * resident in or that lie outside the region given. One query per projection for the whole
 * write, whatever the number of references; every bad reference is listed (`extensions.references`),
 * each naming its field, value and rule.
 */
export async function checkReferences(
  db: SqlRunner,
  refs: { regions?: readonly RegionReferenceCheck[]; residents?: readonly ResidentReferenceCheck[]; households?: readonly HouseholdReferenceCheck[] },
): Promise<void> {
  const problems = [
    ...(await regionReferenceProblems(db, refs.regions ?? [])),
    ...(await residentReferenceProblems(db, refs.residents ?? [])),
    ...(await householdReferenceProblems(db, refs.households ?? [])),
  ];
  if (problems.length > 0) fail(problems);
}

/** `checkReferences` for region codes only. */
export function checkRegions(db: SqlRunner, regions: readonly RegionReferenceCheck[]): Promise<void> {
  return checkReferences(db, { regions });
}
