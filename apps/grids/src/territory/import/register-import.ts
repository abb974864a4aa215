import { isValidPhone, validateIdNumber } from '@xiangzhi/grids-api';
import { emptyCell, isRegionCode, stagedRows, timeOrderedUuid, todayInChina, unnestRows, type BulkImporter, type InsertColumn, type ImportCheck, type ImportProblem, type ImportRow, type ImportSession } from '@xiangzhi/kernel';
import type { EntityManager } from 'typeorm';
import { GRIDS_EVENT_TABLE, RESIDENT_UPSERTED_PAYLOAD_SQL } from '../../events/outbox';
import { idHashSecret, idNumberHash } from '../resident/id-number-hash';
import { RelationToHead, ResidentGender } from '../resident/resident.entity';

/**
 * 住户、居民批量导入 the grids registers a county loads once, on the kernel's bulk-import path
 * (`xz import households|residents`, `importHouseholds` / `importResidents`). Households first
 * (village, household number unique in the village, address, grid), then residents naming their
 * household by village and household number; ID numbers checked as `registerResident` does.
 */

/** Villages of the county: code → whether the code is current today. */
async function villagesOf(manager: EntityManager, countyCode: string): Promise<Map<string, boolean>> {
  const rows = (await manager.query(`SELECT code, (valid_to IS NULL OR valid_to > $2::date) AS current FROM region WHERE county_code = $1 AND level = 'VILLAGE'`, [countyCode, todayInChina()])) as {
    code: string;
    current: boolean;
  }[];
  return new Map(rows.map((r) => [r.code, r.current]));
}

/** Checks the village cell: a 12-digit village code of the county, current today. */
function checkVillage(row: ImportRow, villages: Map<string, boolean>, countyCode: string, problems: ImportProblem[]): string | null {
  const code = row.values.villageCode ?? '';
  if (!code) {
    problems.push(emptyCell(row, 'villageCode', '村代码'));
    return null;
  }
  const current = villages.get(code);
  if (current === undefined) {
    const outside = isRegionCode(code) && !code.startsWith(countyCode.slice(0, 6));
    problems.push({
      line: row.line,
      rule: outside ? 'VILLAGE_OUTSIDE_COUNTY' : 'VILLAGE_UNKNOWN',
      field: 'villageCode',
      value: code,
      zh: outside ? `村代码${code}不属于本县${countyCode}` : `村代码不是本县已登记的村（社区）：${code}`,
      en: outside ? `Village ${code} is not in county ${countyCode}` : `No village of the county has the code ${code}`,
    });
    return null;
  }
  if (!current) {
    problems.push({ line: row.line, rule: 'VILLAGE_RETIRED', field: 'villageCode', value: code, zh: `村代码已停用：${code}`, en: `The village code ${code} is retired` });
    return null;
  }
  return code;
}

/** A household ready to write. */
export interface HouseholdImportRecord {
  id: string;
  villageCode: string;
  countyCode: string;
  gridId: string | null;
  number: string;
  address: string;
}

const HOUSEHOLD_COLUMNS: readonly InsertColumn<HouseholdImportRecord>[] = [
  ['id', 'uuid', (r: HouseholdImportRecord) => r.id],
  ['village_code', 'text', (r: HouseholdImportRecord) => r.villageCode],
  ['county_code', 'text', (r: HouseholdImportRecord) => r.countyCode],
  ['grid_id', 'uuid', (r: HouseholdImportRecord) => r.gridId],
  ['number', 'text', (r: HouseholdImportRecord) => r.number],
  ['address', 'text', (r: HouseholdImportRecord) => r.address],
];

/** 住户 households: 村代码, 户号 (unique in the village, in the file and in the database), 住址, 网格编码 (a grid of that village). */
export const householdImporter: BulkImporter<HouseholdImportRecord> = {
  kind: 'households',
  title: { zh: '住户', en: 'Households' },
  targetType: 'Household',
  analyze: ['household'],
  columns: [
    { field: 'villageCode', headers: ['村代码', '村（社区）代码', '村区划代码', '区划代码'], required: true },
    { field: 'number', headers: ['户号', '户编号'], required: true },
    { field: 'address', headers: ['住址', '地址', '家庭住址'], required: false },
    { field: 'gridCode', headers: ['网格编码', '网格代码', '网格编号'], required: false },
  ],
  async open(manager, { countyCode }): Promise<ImportSession<HouseholdImportRecord>> {
    const villages = await villagesOf(manager, countyCode);
    const grids = new Map(
      ((await manager.query(`SELECT id, code, village_code AS "villageCode" FROM grid WHERE county_code = $1`, [countyCode])) as { id: string; code: string; villageCode: string }[]).map((g) => [g.code, g]),
    );
    const seen = new Map<string, number>(); // village|number → line
    return {
      async check(rows, { written }): Promise<ImportCheck<HouseholdImportRecord>> {
        const problems: ImportProblem[] = [];
        const records: HouseholdImportRecord[] = [];
        for (const row of rows) {
          const number = row.values.number ?? '';
          if (written) {
            seen.set(`${row.values.villageCode}|${number}`, row.line);
            continue;
          }
          const village = checkVillage(row, villages, countyCode, problems);
          if (!number) problems.push(emptyCell(row, 'number', '户号'));
          else if (number.length > 50) problems.push({ line: row.line, rule: 'NUMBER_TOO_LONG', field: 'number', value: number, zh: `户号超过50个字符：${number}`, en: `Household number longer than 50 characters: ${number}` });
          let gridId: string | null = null;
          const gridCode = row.values.gridCode ?? '';
          if (gridCode) {
            const grid = grids.get(gridCode);
            if (!grid || (village && grid.villageCode !== village)) {
              problems.push({ line: row.line, rule: 'GRID_UNKNOWN', field: 'gridCode', value: gridCode, zh: `网格编码不是该村的网格：${gridCode}`, en: `No grid ${gridCode} in village ${village ?? row.values.villageCode}` });
            } else gridId = grid.id;
          }
          if (!village || !number) continue;
          const key = `${village}|${number}`;
          const earlier = seen.get(key);
          if (earlier !== undefined) {
            problems.push({ line: row.line, rule: 'NUMBER_DUPLICATE', field: 'number', value: number, zh: `户号${number}在村${village}内重复（与第${earlier}行）`, en: `Household number ${number} repeats in village ${village} (line ${earlier})` });
            continue;
          }
          seen.set(key, row.line);
          records.push({ id: timeOrderedUuid(), villageCode: village, countyCode, gridId, number, address: row.values.address ?? '' });
        }
        if (records.length > 0) {
          const taken = (await manager.query(`SELECT h.village_code AS "villageCode", h.number FROM household h JOIN unnest($1::text[], $2::text[]) AS k(village_code, number) USING (village_code, number)`, [
            records.map((r) => r.villageCode),
            records.map((r) => r.number),
          ])) as { villageCode: string; number: string }[];
          if (taken.length > 0) {
            const takenKeys = new Set(taken.map((t) => `${t.villageCode}|${t.number}`));
            for (const r of records) {
              const key = `${r.villageCode}|${r.number}`;
              if (!takenKeys.has(key)) continue;
              problems.push({ line: seen.get(key) as number, rule: 'NUMBER_TAKEN', field: 'number', value: r.number, zh: `村${r.villageCode}已有户号${r.number}`, en: `Village ${r.villageCode} already has a household ${r.number}` });
            }
          }
        }
        return { records: problems.length ? [] : records, problems };
      },
      async write(m, records) {
        // COPY into a staging table then one INSERT … SELECT on PostgreSQL, one multi-row INSERT on PGlite
        const { source, params } = await stagedRows(m, 'household', HOUSEHOLD_COLUMNS, records);
        await m.query(insertFrom('household', HOUSEHOLD_COLUMNS, source), params);
        return records.map((r) => r.id);
      },
    };
  },
};

/** A resident ready to write (derived columns filled: gender, birth date, ID number hash, county). */
export interface ResidentImportRecord {
  id: string;
  householdId: string;
  villageCode: string;
  countyCode: string;
  name: string;
  gender: ResidentGender;
  birthDate: string;
  idNumber: string;
  idNumberHash: string;
  phone: string | null;
  relationToHead: RelationToHead;
}

const RESIDENT_COLUMNS: readonly InsertColumn<ResidentImportRecord>[] = [
  ['id', 'uuid', (r: ResidentImportRecord) => r.id],
  ['household_id', 'uuid', (r: ResidentImportRecord) => r.householdId],
  ['village_code', 'text', (r: ResidentImportRecord) => r.villageCode],
  ['county_code', 'text', (r: ResidentImportRecord) => r.countyCode],
  ['name', 'text', (r: ResidentImportRecord) => r.name],
  ['gender', 'text', (r: ResidentImportRecord) => r.gender],
  ['birth_date', 'date', (r: ResidentImportRecord) => r.birthDate],
  ['id_number', 'text', (r: ResidentImportRecord) => r.idNumber],
  ['id_number_hash', 'text', (r: ResidentImportRecord) => r.idNumberHash],
  ['phone', 'text', (r: ResidentImportRecord) => r.phone],
  ['relation_to_head', 'text', (r: ResidentImportRecord) => r.relationToHead],
];

/** `INSERT INTO table (columns) <source>` of staged rows (see `stagedRows`). */
function insertFrom<R>(table: string, columns: readonly InsertColumn<R>[], source: string): string {
  return `INSERT INTO ${table} (${columns.map(([n]) => n).join(', ')}) ${source}`;
}

/**
 * Writes checked residents, their heads of household and their `grids.resident.upserted` events in
 * one statement, from staged rows (`COPY` into a staging table on PostgreSQL, `unnest` arrays on
 * PGlite; `staged: false` forces the `unnest` arrays, the path before `COPY`, kept for comparison).
 */
export async function writeResidents(m: EntityManager, records: readonly ResidentImportRecord[], options: { staged?: boolean } = {}): Promise<void> {
  const { source, params } = options.staged === false ? unnestRows(RESIDENT_COLUMNS, records) : await stagedRows(m, 'resident', RESIDENT_COLUMNS, records);
  await m.query(
    `WITH r AS (${insertFrom('resident', RESIDENT_COLUMNS, source)} RETURNING id, village_code, household_id, status, relation_to_head),
          heads AS (UPDATE household h SET head_resident_id = r.id FROM r WHERE r.relation_to_head = '${RelationToHead.HEAD}' AND h.id = r.household_id AND h.head_resident_id IS NULL RETURNING h.id)
     INSERT INTO ${GRIDS_EVENT_TABLE} (name, payload) SELECT 'grids.resident.upserted', ${RESIDENT_UPSERTED_PAYLOAD_SQL} FROM r`,
    params,
  );
}

/** 与户主关系 as county registers write it (Chinese labels) or as our enum names. */
const RELATIONS: Record<string, RelationToHead> = {
  户主: RelationToHead.HEAD,
  本人: RelationToHead.HEAD,
  配偶: RelationToHead.SPOUSE,
  妻: RelationToHead.SPOUSE,
  妻子: RelationToHead.SPOUSE,
  夫: RelationToHead.SPOUSE,
  丈夫: RelationToHead.SPOUSE,
  子女: RelationToHead.CHILD,
  子: RelationToHead.CHILD,
  女: RelationToHead.CHILD,
  儿子: RelationToHead.CHILD,
  女儿: RelationToHead.CHILD,
  儿媳: RelationToHead.CHILD_IN_LAW,
  女婿: RelationToHead.CHILD_IN_LAW,
  孙子: RelationToHead.GRANDCHILD,
  孙女: RelationToHead.GRANDCHILD,
  外孙子: RelationToHead.GRANDCHILD,
  外孙女: RelationToHead.GRANDCHILD,
  孙子女: RelationToHead.GRANDCHILD,
  父母: RelationToHead.PARENT,
  父亲: RelationToHead.PARENT,
  母亲: RelationToHead.PARENT,
  祖父母: RelationToHead.GRANDPARENT,
  祖父: RelationToHead.GRANDPARENT,
  祖母: RelationToHead.GRANDPARENT,
  外祖父: RelationToHead.GRANDPARENT,
  外祖母: RelationToHead.GRANDPARENT,
  兄弟姐妹: RelationToHead.SIBLING,
  兄: RelationToHead.SIBLING,
  弟: RelationToHead.SIBLING,
  姐: RelationToHead.SIBLING,
  妹: RelationToHead.SIBLING,
  其他: RelationToHead.OTHER,
  ...Object.fromEntries(Object.values(RelationToHead).map((r) => [r, r])),
};

const GENDERS: Record<string, ResidentGender> = { 男: ResidentGender.MALE, 女: ResidentGender.FEMALE, MALE: ResidentGender.MALE, FEMALE: ResidentGender.FEMALE };

/** `YYYY-MM-DD` of a date cell written `2024-03-05`, `2024/3/5` or `20240305`; null when not a date written so. */
function isoDate(text: string): string | null {
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(text);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : null;
}

/**
 * 居民 residents: 村代码 and 户号 naming a household of that village recorded before (an earlier
 * household import), 姓名, 身份证号 (GB 11643 check digit and birth date, unique in the file and
 * the database), 与户主关系 (one 户主 per household: the import sets it as the household's head
 * when the household has none), optionally 联系电话, 性别 and 出生日期 (which must agree with the ID number).
 * Each written resident gets its `grids.resident.upserted` event in the same statement.
 */
export const residentImporter: BulkImporter<ResidentImportRecord> = {
  kind: 'residents',
  title: { zh: '居民', en: 'Residents' },
  targetType: 'Resident',
  analyze: ['resident', 'household'],
  columns: [
    { field: 'villageCode', headers: ['村代码', '村（社区）代码', '村区划代码', '区划代码'], required: true },
    { field: 'householdNumber', headers: ['户号', '户编号'], required: true },
    { field: 'name', headers: ['姓名'], required: true },
    { field: 'idNumber', headers: ['身份证号', '身份证号码', '公民身份号码'], required: true },
    { field: 'relationToHead', headers: ['与户主关系', '关系'], required: true },
    { field: 'phone', headers: ['联系电话', '电话', '手机号'], required: false },
    { field: 'gender', headers: ['性别'], required: false },
    { field: 'birthDate', headers: ['出生日期'], required: false },
  ],
  async open(manager, { countyCode }): Promise<ImportSession<ResidentImportRecord>> {
    const villages = await villagesOf(manager, countyCode);
    const secret = idHashSecret();
    const today = new Date(`${todayInChina()}T12:00:00+08:00`);
    const seenIds = new Map<string, number>(); // id number → line
    const heads = new Map<string, number>(); // village|household number → line of its 户主
    return {
      async check(rows, { written }): Promise<ImportCheck<ResidentImportRecord>> {
        const problems: ImportProblem[] = [];
        const pending: { row: ImportRow; record: Omit<ResidentImportRecord, 'householdId'>; householdNumber: string }[] = [];
        for (const row of rows) {
          const v = row.values;
          if (written) {
            seenIds.set(v.idNumber.replace(/\s+/g, '').toUpperCase(), row.line);
            if (RELATIONS[v.relationToHead] === RelationToHead.HEAD) heads.set(`${v.villageCode}|${v.householdNumber}`, row.line);
            continue;
          }
          const before = problems.length;
          const village = checkVillage(row, villages, countyCode, problems);
          const householdNumber = v.householdNumber ?? '';
          if (!householdNumber) problems.push(emptyCell(row, 'householdNumber', '户号'));
          const name = v.name ?? '';
          if (!name) problems.push(emptyCell(row, 'name', '姓名'));
          else if ([...name].length > 50) problems.push({ line: row.line, rule: 'NAME_TOO_LONG', field: 'name', value: name, zh: `姓名超过50个字：${name}`, en: `Name longer than 50 characters: ${name}` });
          const id = validateIdNumber(v.idNumber ?? '', today);
          if (!id.valid) problems.push({ line: row.line, rule: id.rule, field: 'idNumber', value: v.idNumber, zh: `${id.zh}：${v.idNumber}`, en: `${id.en}: ${v.idNumber}` });
          const relation = RELATIONS[v.relationToHead ?? ''];
          if (!relation) {
            problems.push({ line: row.line, rule: 'RELATION_UNKNOWN', field: 'relationToHead', value: v.relationToHead, zh: `与户主关系无法识别：${v.relationToHead}`, en: `Unknown relation to the head of household: ${v.relationToHead}` });
          }
          const phone = v.phone || null;
          if (phone && !isValidPhone(phone)) problems.push({ line: row.line, rule: 'PHONE_INVALID', field: 'phone', value: phone, zh: `电话号码无效：${phone}`, en: `Invalid phone number: ${phone}` });
          if (id.valid) {
            if (v.gender && GENDERS[v.gender] !== id.gender) {
              problems.push({ line: row.line, rule: 'ID_GENDER_MISMATCH', field: 'gender', value: v.gender, zh: `性别与身份证号码不符：${v.gender}`, en: `The gender does not match the ID number: ${v.gender}` });
            }
            if (v.birthDate && isoDate(v.birthDate) !== id.birthDate) {
              problems.push({ line: row.line, rule: 'ID_BIRTH_DATE_MISMATCH', field: 'birthDate', value: v.birthDate, zh: `出生日期与身份证号码不符：${v.birthDate}`, en: `The birth date does not match the ID number: ${v.birthDate}` });
            }
            const earlier = seenIds.get(id.idNumber);
            if (earlier !== undefined) {
              problems.push({ line: row.line, rule: 'ID_DUPLICATE', field: 'idNumber', value: id.idNumber, zh: `身份证号码重复（与第${earlier}行）：${id.idNumber}`, en: `ID number repeats line ${earlier}: ${id.idNumber}` });
            } else seenIds.set(id.idNumber, row.line);
          }
          if (relation === RelationToHead.HEAD && village && householdNumber) {
            const key = `${village}|${householdNumber}`;
            const earlier = heads.get(key);
            if (earlier !== undefined) {
              problems.push({ line: row.line, rule: 'HEAD_DUPLICATE', field: 'relationToHead', value: v.relationToHead, zh: `户${householdNumber}有多个户主（另见第${earlier}行）`, en: `Household ${householdNumber} has more than one head (see line ${earlier})` });
            } else heads.set(key, row.line);
          }
          if (problems.length > before || !village || !id.valid || !relation) continue;
          pending.push({
            row,
            householdNumber,
            record: {
              id: timeOrderedUuid(),
              villageCode: village,
              countyCode,
              name,
              gender: id.gender as ResidentGender,
              birthDate: id.birthDate as string,
              idNumber: id.idNumber,
              idNumberHash: idNumberHash(id.idNumber, secret),
              phone,
              relationToHead: relation,
            },
          });
        }
        const records: ResidentImportRecord[] = [];
        if (pending.length > 0) {
          // the households named, by village and number (the unique index), and the ID numbers already recorded (the hash's)
          const households = (await manager.query(
            `SELECT h.id, h.village_code AS "villageCode", h.number, h.head_resident_id IS NOT NULL AS "hasHead"
               FROM household h JOIN (SELECT DISTINCT * FROM unnest($1::text[], $2::text[])) AS k(village_code, number) USING (village_code, number)`,
            [pending.map((p) => p.record.villageCode), pending.map((p) => p.householdNumber)],
          )) as { id: string; villageCode: string; number: string; hasHead: boolean }[];
          const byKey = new Map(households.map((h) => [`${h.villageCode}|${h.number}`, h]));
          const taken = new Set(
            ((await manager.query(`SELECT id_number_hash AS hash FROM resident WHERE id_number_hash = ANY($1::text[])`, [pending.map((p) => p.record.idNumberHash)])) as { hash: string }[]).map((r) => r.hash),
          );
          for (const { row, record, householdNumber } of pending) {
            const household = byKey.get(`${record.villageCode}|${householdNumber}`);
            if (!household) {
              problems.push({ line: row.line, rule: 'HOUSEHOLD_NOT_FOUND', field: 'householdNumber', value: householdNumber, zh: `村${record.villageCode}没有户号${householdNumber}（请先导入住户）`, en: `Village ${record.villageCode} has no household ${householdNumber} (import the households first)` });
              continue;
            }
            if (taken.has(record.idNumberHash)) {
              problems.push({ line: row.line, rule: 'ID_TAKEN', field: 'idNumber', value: record.idNumber, zh: `该身份证号码已登记：${record.idNumber}`, en: `A resident with this ID number is already registered: ${record.idNumber}` });
              continue;
            }
            if (record.relationToHead === RelationToHead.HEAD && household.hasHead) {
              problems.push({ line: row.line, rule: 'HEAD_TAKEN', field: 'relationToHead', value: row.values.relationToHead, zh: `户${householdNumber}已有户主`, en: `Household ${householdNumber} already has a head` });
              continue;
            }
            records.push({ ...record, householdId: household.id });
          }
        }
        return { records: problems.length ? [] : records, problems };
      },
      async write(m, records) {
        await writeResidents(m, records);
        return records.map((r) => r.id);
      },
    };
  },
};
