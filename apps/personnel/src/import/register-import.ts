import { idHashSecret, idNumberHash, importReferenceProblems, validateIdNumber, type ImportResidentRef, type ImportVillageRef } from '@xiangzhi/grids-api';
import { EducationLevel } from '@xiangzhi/personnel-api';
import {
  importBoolean,
  importChoice,
  importDate,
  importText,
  stagedRows,
  timeOrderedUuid,
  todayInChina,
  type BulkImporter,
  type ImportCheck,
  type ImportProblem,
  type ImportRow,
  type ImportSession,
} from '@xiangzhi/kernel';
import type { EntityManager } from 'typeorm';
import { CadreStatus, Gender } from '../cadre/cadre.entity';
import { nameInitials, nameSearchTerms } from '../cadre/name-search';
import { PartyMemberStatus } from '../party/party.entity';

/**
 * 干部、党员批量导入 the personnel registers a county loads once, on the kernel's bulk-import path
 * (`xz import cadres|party-members`, `importCadres` / `importPartyMembers`): every row checked before
 * anything is written: villages against the region projection (`region_ref`), residents against
 * the resident projection (`resident_ref`), ID numbers as grids checks residents' (GB 11643), and
 * duplicates within the file and against the table.
 */

const VILLAGE_COLUMN = { field: 'villageCode', headers: ['村代码', '村（社区）代码', '村区划代码', '区划代码'], required: true } as const;
const NAME_COLUMN = { field: 'name', headers: ['姓名'], required: true } as const;
const RESIDENT_COLUMN = { field: 'residentId', headers: ['居民标识', '居民ID'], required: false } as const;

/** The village and resident cells of rows, checked against the projections (one query each); the rows that passed. */
async function checkReferencesOf(manager: EntityManager, countyCode: string, rows: readonly ImportRow[], problems: ImportProblem[], living: boolean): Promise<Set<ImportRow>> {
  const villages: ImportVillageRef[] = rows.map((row) => ({ row, field: 'villageCode', label: '村代码' }));
  const residents: ImportResidentRef[] = rows.map((row) => ({ row, field: 'residentId', label: '居民标识', villageCode: row.values.villageCode ?? '', living }));
  const checked = await importReferenceProblems(manager, countyCode, { villages, residents }, todayInChina());
  problems.push(...checked.problems);
  return new Set(rows.filter((r) => !checked.bad.has(r)));
}

/** Residents (ids) already taken in `table` under the condition `where` (a serving cadre, a member). */
async function takenResidents(manager: EntityManager, table: string, where: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = (await manager.query(`SELECT resident_id::text AS id FROM ${table} WHERE resident_id = ANY($1::uuid[]) AND ${where}`, [ids])) as { id: string }[];
  return new Set(rows.map((r) => r.id.toLowerCase()));
}

/** Refuses a resident id repeated in the file (`seen`: id → line) or already taken in the table. */
function residentOnce(row: ImportRow, id: string, seen: Map<string, number>, taken: Set<string>, what: { zh: string; en: string }, problems: ImportProblem[]): boolean {
  const key = id.toLowerCase();
  const earlier = seen.get(key);
  if (earlier !== undefined && earlier !== row.line) {
    problems.push({ line: row.line, rule: 'RESIDENT_DUPLICATE', field: 'residentId', value: id, zh: `居民标识重复（与第${earlier}行）：${id}`, en: `residentId repeats line ${earlier}: ${id}` });
    return false;
  }
  seen.set(key, row.line);
  if (taken.has(key)) {
    problems.push({ line: row.line, rule: 'RESIDENT_TAKEN', field: 'residentId', value: id, zh: `该居民已登记为${what.zh}：${id}`, en: `The resident is already registered as ${what.en}: ${id}` });
    return false;
  }
  return true;
}

const EDUCATION: Record<string, EducationLevel> = {
  小学: EducationLevel.PRIMARY,
  小学及以下: EducationLevel.PRIMARY,
  初中: EducationLevel.JUNIOR_HIGH,
  高中: EducationLevel.HIGH_SCHOOL,
  中专: EducationLevel.HIGH_SCHOOL,
  '高中（中专）': EducationLevel.HIGH_SCHOOL,
  职高: EducationLevel.HIGH_SCHOOL,
  大专: EducationLevel.COLLEGE,
  专科: EducationLevel.COLLEGE,
  本科: EducationLevel.BACHELOR,
  大学本科: EducationLevel.BACHELOR,
  研究生: EducationLevel.POSTGRADUATE,
  硕士: EducationLevel.POSTGRADUATE,
  博士: EducationLevel.POSTGRADUATE,
  ...Object.fromEntries(Object.values(EducationLevel).map((e) => [e, e])),
};

const GENDERS: Record<string, Gender> = { 男: Gender.MALE, 女: Gender.FEMALE, MALE: Gender.MALE, FEMALE: Gender.FEMALE };

/** A cadre ready to write (derived columns filled: gender, birth date, ID number hash, name search). */
export interface CadreImportRecord {
  id: string;
  countyCode: string;
  villageCode: string;
  residentId: string | null;
  name: string;
  nameInitials: string;
  nameTerms: string;
  gender: Gender;
  birthDate: string;
  idNumberHash: string;
  educationLevel: EducationLevel;
  partyJoinDate: string | null;
  fullTime: boolean;
  serviceStart: string;
}

/** Separator of the name search terms handed to SQL as one text (`string_to_array`): never in a name. */
const TERMS_SEPARATOR = '\u001f';

const CADRE_COLUMNS = [
  ['id', 'uuid', (r: CadreImportRecord) => r.id],
  ['county_code', 'text', (r: CadreImportRecord) => r.countyCode],
  ['village_code', 'text', (r: CadreImportRecord) => r.villageCode],
  ['resident_id', 'uuid', (r: CadreImportRecord) => r.residentId],
  ['name', 'text', (r: CadreImportRecord) => r.name],
  ['name_initials', 'text', (r: CadreImportRecord) => r.nameInitials],
  ['name_terms', 'text', (r: CadreImportRecord) => r.nameTerms],
  ['gender', 'text', (r: CadreImportRecord) => r.gender],
  ['birth_date', 'date', (r: CadreImportRecord) => r.birthDate],
  ['id_number_hash', 'text', (r: CadreImportRecord) => r.idNumberHash],
  ['education_level', 'text', (r: CadreImportRecord) => r.educationLevel],
  ['party_join_date', 'date', (r: CadreImportRecord) => r.partyJoinDate],
  ['full_time', 'boolean', (r: CadreImportRecord) => r.fullTime],
  ['service_start', 'date', (r: CadreImportRecord) => r.serviceStart],
] as const;

/**
 * 干部 cadres (干部花名册): 村代码 (a current village of the county), 姓名, 身份证号 (GB 11643, unique in
 * the file and among the county's cadres, kept as its keyed hash; 性别 and 出生日期 come from it and
 * must agree when given), 学历, 任职日期 (when service as a village cadre began, not in the future),
 * optionally 入党日期, 是否全职 and 居民标识 (a living resident of that village, not already a serving
 * cadre). Cadres are written ACTIVE, unranked and holding no post (appointments to posts follow).
 */
export const cadreImporter: BulkImporter<CadreImportRecord> = {
  kind: 'cadres',
  title: { zh: '干部', en: 'Cadres' },
  targetType: 'Cadre',
  analyze: ['cadre'],
  columns: [
    VILLAGE_COLUMN,
    NAME_COLUMN,
    { field: 'idNumber', headers: ['身份证号', '身份证号码', '公民身份号码'], required: true },
    { field: 'educationLevel', headers: ['学历', '文化程度'], required: true },
    { field: 'serviceStart', headers: ['任职日期', '任村干部日期', '参加工作时间'], required: true },
    { field: 'partyJoinDate', headers: ['入党日期', '入党时间'], required: false },
    { field: 'fullTime', headers: ['是否全职', '全职'], required: false },
    { field: 'gender', headers: ['性别'], required: false },
    { field: 'birthDate', headers: ['出生日期'], required: false },
    RESIDENT_COLUMN,
  ],
  async open(manager, { countyCode }): Promise<ImportSession<CadreImportRecord>> {
    const secret = idHashSecret();
    const today = new Date(`${todayInChina()}T12:00:00+08:00`);
    const seenIds = new Map<string, number>(); // ID number hash → line
    const seenResidents = new Map<string, number>();
    return {
      async check(rows, { written }): Promise<ImportCheck<CadreImportRecord>> {
        if (written) {
          for (const row of rows) {
            const id = validateIdNumber(row.values.idNumber ?? '', today);
            if (id.valid) seenIds.set(idNumberHash(id.idNumber, secret), row.line);
            if (row.values.residentId) seenResidents.set(row.values.residentId.toLowerCase(), row.line);
          }
          return { records: [], problems: [] };
        }
        const problems: ImportProblem[] = [];
        const passed = await checkReferencesOf(manager, countyCode, rows, problems, true);
        const pending: { row: ImportRow; record: CadreImportRecord }[] = [];
        for (const row of rows) {
          const v = row.values;
          const before = problems.length;
          const name = importText(row, 'name', '姓名', problems, { max: 40, required: true });
          const id = validateIdNumber(v.idNumber ?? '', today);
          if (!id.valid) problems.push({ line: row.line, rule: id.rule, field: 'idNumber', value: v.idNumber, zh: `${id.zh}：${v.idNumber}`, en: `${id.en}: ${v.idNumber}` });
          const education = importChoice(row, 'educationLevel', '学历', EDUCATION, problems);
          const serviceStart = importDate(row, 'serviceStart', '任职日期', problems, { required: true, notFuture: true });
          const partyJoinDate = importDate(row, 'partyJoinDate', '入党日期', problems, { notFuture: true });
          const fullTime = importBoolean(row, 'fullTime', '是否全职', problems, false);
          let hash = '';
          if (id.valid) {
            if (v.gender && GENDERS[v.gender] !== id.gender) {
              problems.push({ line: row.line, rule: 'ID_GENDER_MISMATCH', field: 'gender', value: v.gender, zh: `性别与身份证号码不符：${v.gender}`, en: `The gender does not match the ID number: ${v.gender}` });
            }
            if (v.birthDate && importDate(row, 'birthDate', '出生日期', problems) !== id.birthDate) {
              problems.push({ line: row.line, rule: 'ID_BIRTH_DATE_MISMATCH', field: 'birthDate', value: v.birthDate, zh: `出生日期与身份证号码不符：${v.birthDate}`, en: `The birth date does not match the ID number: ${v.birthDate}` });
            }
            if (partyJoinDate && partyJoinDate <= id.birthDate) {
              problems.push({ line: row.line, rule: 'PARTY_JOIN_BEFORE_BIRTH', field: 'partyJoinDate', value: v.partyJoinDate, zh: `入党日期早于出生日期：${v.partyJoinDate}`, en: `partyJoinDate precedes the birth date: ${v.partyJoinDate}` });
            }
            hash = idNumberHash(id.idNumber, secret);
            const earlier = seenIds.get(hash);
            if (earlier !== undefined) {
              problems.push({ line: row.line, rule: 'ID_DUPLICATE', field: 'idNumber', value: id.idNumber, zh: `身份证号码重复（与第${earlier}行）：${id.idNumber}`, en: `ID number repeats line ${earlier}: ${id.idNumber}` });
            } else seenIds.set(hash, row.line);
          }
          if (problems.length > before || !passed.has(row) || !id.valid || !name || !education || !serviceStart || fullTime === null) continue;
          pending.push({
            row,
            record: {
              id: timeOrderedUuid(),
              countyCode,
              villageCode: v.villageCode,
              residentId: v.residentId ? v.residentId.toLowerCase() : null,
              name,
              nameInitials: nameInitials(name),
              nameTerms: nameSearchTerms(name).join(TERMS_SEPARATOR),
              gender: id.gender as Gender,
              birthDate: id.birthDate,
              idNumberHash: hash,
              educationLevel: education,
              partyJoinDate,
              fullTime,
              serviceStart,
            },
          });
        }
        const records: CadreImportRecord[] = [];
        if (pending.length > 0) {
          const takenIds = new Set(
            ((await manager.query(`SELECT id_number_hash AS hash FROM cadre WHERE id_number_hash = ANY($1::text[])`, [pending.map((p) => p.record.idNumberHash)])) as { hash: string }[]).map((r) => r.hash),
          );
          const residents = await takenResidents(manager, 'cadre', `status <> '${CadreStatus.LEFT}'`, pending.flatMap((p) => (p.record.residentId ? [p.record.residentId] : [])));
          for (const { row, record } of pending) {
            if (takenIds.has(record.idNumberHash)) {
              problems.push({ line: row.line, rule: 'ID_TAKEN', field: 'idNumber', value: row.values.idNumber, zh: `该身份证号码的干部已登记：${row.values.idNumber}`, en: `A cadre with this ID number is already registered: ${row.values.idNumber}` });
              continue;
            }
            if (record.residentId && !residentOnce(row, record.residentId, seenResidents, residents, { zh: '在任干部', en: 'a serving cadre' }, problems)) continue;
            records.push(record);
          }
        }
        return { records: problems.length ? [] : records, problems };
      },
      async write(m, records) {
        // COPY into a staging table on PostgreSQL, unnest arrays on PGlite; then one INSERT … SELECT
        const { source, params } = await stagedRows(m, 'cadre', CADRE_COLUMNS, records);
        const names = CADRE_COLUMNS.map(([n]) => n);
        const select = names.map((n) => (n === 'name_terms' ? `string_to_array(name_terms, E'\\x1f')` : n)).join(', ');
        // the name search terms arrive joined (one text per row: unnest flattens arrays of arrays)
        await m.query(
          `INSERT INTO cadre (${names.join(', ')}, party_member, status)
           SELECT ${select}, party_join_date IS NOT NULL, '${CadreStatus.ACTIVE}' FROM (${source}) AS t(${names.join(', ')})`,
          params,
        );
        return records.map((r) => r.id);
      },
    };
  },
};

const MEMBER_STATUS: Record<string, PartyMemberStatus> = {
  正式党员: PartyMemberStatus.FULL,
  正式: PartyMemberStatus.FULL,
  预备党员: PartyMemberStatus.PROBATIONARY,
  预备: PartyMemberStatus.PROBATIONARY,
  ...Object.fromEntries(Object.values(PartyMemberStatus).map((s) => [s, s])),
};

/** A Party member ready to write. */
export interface PartyMemberImportRecord {
  id: string;
  countyCode: string;
  regionCode: string;
  organizationId: string;
  residentId: string | null;
  name: string;
  joinedOn: string;
  status: PartyMemberStatus;
  duty: string | null;
}

const MEMBER_COLUMNS = [
  ['id', 'uuid', (r: PartyMemberImportRecord) => r.id],
  ['county_code', 'text', (r: PartyMemberImportRecord) => r.countyCode],
  ['region_code', 'text', (r: PartyMemberImportRecord) => r.regionCode],
  ['organization_id', 'uuid', (r: PartyMemberImportRecord) => r.organizationId],
  ['resident_id', 'uuid', (r: PartyMemberImportRecord) => r.residentId],
  ['name', 'text', (r: PartyMemberImportRecord) => r.name],
  ['joined_on', 'date', (r: PartyMemberImportRecord) => r.joinedOn],
  ['status', 'text', (r: PartyMemberImportRecord) => r.status],
  ['duty', 'text', (r: PartyMemberImportRecord) => r.duty],
] as const;

/**
 * 党员 Party members of village organisations (党员花名册): 村代码 (a current village of the county),
 * 党组织 (the name of an organisation of that village, as registered), 姓名, 入党日期 (not in the
 * future), 党员状态 (正式党员/预备党员), optionally 设岗定责岗位 and 居民标识 (a living resident of the
 * village, registered as a member once: in the file and in the table). Members of township
 * organisations are registered one by one (`registerPartyMember`).
 */
export const partyMemberImporter: BulkImporter<PartyMemberImportRecord> = {
  kind: 'party-members',
  title: { zh: '党员', en: 'Party members' },
  targetType: 'PartyMember',
  analyze: ['party_member'],
  columns: [
    VILLAGE_COLUMN,
    { field: 'organization', headers: ['党组织', '所在党组织', '党支部'], required: true },
    NAME_COLUMN,
    { field: 'joinedOn', headers: ['入党日期', '入党时间'], required: true },
    { field: 'status', headers: ['党员状态', '状态', '党员类别'], required: true },
    { field: 'duty', headers: ['设岗定责岗位', '设岗定责', '岗位'], required: false },
    RESIDENT_COLUMN,
  ],
  async open(manager, { countyCode }): Promise<ImportSession<PartyMemberImportRecord>> {
    // the county's organisations by village and name (a few per village: one read for the import)
    const organizations = new Map(
      ((await manager.query(`SELECT id, region_code AS "regionCode", name FROM party_organization WHERE county_code = $1`, [countyCode])) as { id: string; regionCode: string; name: string }[]).map((o) => [
        `${o.regionCode}|${o.name}`,
        o.id,
      ]),
    );
    const seenResidents = new Map<string, number>();
    return {
      async check(rows, { written }): Promise<ImportCheck<PartyMemberImportRecord>> {
        if (written) {
          for (const row of rows) if (row.values.residentId) seenResidents.set(row.values.residentId.toLowerCase(), row.line);
          return { records: [], problems: [] };
        }
        const problems: ImportProblem[] = [];
        const passed = await checkReferencesOf(manager, countyCode, rows, problems, true);
        const pending: { row: ImportRow; record: PartyMemberImportRecord }[] = [];
        for (const row of rows) {
          const v = row.values;
          const before = problems.length;
          const name = importText(row, 'name', '姓名', problems, { max: 40, required: true });
          const joinedOn = importDate(row, 'joinedOn', '入党日期', problems, { required: true, notFuture: true });
          const status = importChoice(row, 'status', '党员状态', MEMBER_STATUS, problems);
          const duty = importText(row, 'duty', '设岗定责岗位', problems, { max: 60 });
          const orgName = importText(row, 'organization', '党组织', problems, { max: 100, required: true });
          const organizationId = orgName && passed.has(row) ? organizations.get(`${v.villageCode}|${orgName}`) : undefined;
          if (orgName && passed.has(row) && !organizationId) {
            problems.push({ line: row.line, rule: 'ORGANIZATION_UNKNOWN', field: 'organization', value: orgName, zh: `村${v.villageCode}没有名为“${orgName}”的党组织`, en: `Village ${v.villageCode} has no Party organisation named “${orgName}”` });
          }
          if (problems.length > before || !organizationId || !name || !joinedOn || !status || duty === null) continue;
          pending.push({
            row,
            record: { id: timeOrderedUuid(), countyCode, regionCode: v.villageCode, organizationId, residentId: v.residentId ? v.residentId.toLowerCase() : null, name, joinedOn, status, duty: duty || null },
          });
        }
        const residents = await takenResidents(manager, 'party_member', 'true', pending.flatMap((p) => (p.record.residentId ? [p.record.residentId] : [])));
        const records = pending.filter(({ row, record }) => !record.residentId || residentOnce(row, record.residentId, seenResidents, residents, { zh: '党员', en: 'a Party member' }, problems)).map((p) => p.record);
        return { records: problems.length ? [] : records, problems };
      },
      async write(m, records) {
        const { source, params } = await stagedRows(m, 'party_member', MEMBER_COLUMNS, records);
        await m.query(`INSERT INTO party_member (${MEMBER_COLUMNS.map(([n]) => n).join(', ')}) ${source}`, params);
        return records.map((r) => r.id);
      },
    };
  },
};
