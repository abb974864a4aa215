import { importReferenceProblems } from '@xiangzhi/grids-api';
import { OrganizationStatus } from '@xiangzhi/economy-api';
import { importDate, importText, stagedRows, timeOrderedUuid, todayInChina, type BulkImporter, type ImportCheck, type ImportProblem, type ImportRow, type ImportSession } from '@xiangzhi/kernel';

/** A member ready to write. */
export interface MemberImportRecord {
  id: string;
  organizationId: string;
  villageCode: string;
  residentId: string;
  admittedOn: string;
  createdBy: string;
}

const MEMBER_COLUMNS = [
  ['id', 'uuid', (r: MemberImportRecord) => r.id],
  ['organization_id', 'uuid', (r: MemberImportRecord) => r.organizationId],
  ['village_code', 'text', (r: MemberImportRecord) => r.villageCode],
  ['resident_id', 'uuid', (r: MemberImportRecord) => r.residentId],
  ['admitted_on', 'date', (r: MemberImportRecord) => r.admittedOn],
  ['created_by', 'text', (r: MemberImportRecord) => r.createdBy],
] as const;

/** Who `created_by` names for imported members (the audit record names the actor). */
const IMPORTED_BY = 'import:collective-members';

/**
 * 集体经济组织成员 members of collective organisations (成员名册, `xz import collective-members`,
 * `importCollectiveMembers`): 村代码 (a current village of the county), 组织代码 (the organisation's
 * 统一社会信用代码: an active organisation of that village), 居民标识 (a living resident registered in
 * that village, per the resident projection `resident_ref`; a member once per organisation: in the
 * file and among the organisation's current members), 确认日期 (not in the future nor before the
 * organisation was founded). Shares are set afterwards (`setMemberShares`).
 */
export const memberImporter: BulkImporter<MemberImportRecord> = {
  kind: 'collective-members',
  title: { zh: '集体经济组织成员', en: 'Collective members' },
  targetType: 'CollectiveMember',
  analyze: ['economy_member'],
  columns: [
    { field: 'villageCode', headers: ['村代码', '村（社区）代码', '村区划代码', '区划代码'], required: true },
    { field: 'organizationCode', headers: ['组织代码', '统一社会信用代码', '集体经济组织代码'], required: true },
    { field: 'residentId', headers: ['居民标识', '居民ID'], required: true },
    { field: 'admittedOn', headers: ['确认日期', '成员确认日期', '入社日期'], required: true },
  ],
  async open(manager, { countyCode }): Promise<ImportSession<MemberImportRecord>> {
    // the county's organisations by credit code (a few per village: one read for the import)
    const organizations = new Map(
      ((await manager.query(`SELECT id, credit_code AS "creditCode", village_code AS "villageCode", status, to_char(founded_on, 'YYYY-MM-DD') AS "foundedOn" FROM collective_organization WHERE county_code = $1`, [countyCode])) as {
        id: string;
        creditCode: string;
        villageCode: string;
        status: string;
        foundedOn: string;
      }[]).map((o) => [o.creditCode, o]),
    );
    const seen = new Map<string, number>(); // organisation|resident → line
    return {
      async check(rows, { written }): Promise<ImportCheck<MemberImportRecord>> {
        if (written) {
          for (const row of rows) seen.set(`${row.values.organizationCode}|${(row.values.residentId ?? '').toLowerCase()}`, row.line);
          return { records: [], problems: [] };
        }
        const problems: ImportProblem[] = [];
        const checked = await importReferenceProblems(
          manager,
          countyCode,
          {
            villages: rows.map((row) => ({ row, field: 'villageCode', label: '村代码' })),
            residents: rows.map((row) => ({ row, field: 'residentId', label: '居民标识', villageCode: row.values.villageCode ?? '', living: true })),
          },
          todayInChina(),
        );
        problems.push(...checked.problems);
        const pending: { row: ImportRow; record: MemberImportRecord }[] = [];
        for (const row of rows) {
          const v = row.values;
          const before = problems.length;
          if (!v.residentId) problems.push({ line: row.line, rule: 'REQUIRED', field: 'residentId', zh: '居民标识不能为空', en: 'residentId is empty' });
          const admittedOn = importDate(row, 'admittedOn', '确认日期', problems, { required: true, notFuture: true });
          const code = importText(row, 'organizationCode', '组织代码', problems, { max: 30, required: true });
          const org = code ? organizations.get(code) : undefined;
          if (code && !org) {
            problems.push({ line: row.line, rule: 'ORGANIZATION_UNKNOWN', field: 'organizationCode', value: code, zh: `本县没有组织代码为${code}的集体经济组织`, en: `No collective organisation of the county has the code ${code}` });
          } else if (org && v.villageCode && org.villageCode !== v.villageCode && !checked.badVillages.has(row)) {
            problems.push({ line: row.line, rule: 'ORGANIZATION_OTHER_VILLAGE', field: 'organizationCode', value: code ?? '', zh: `组织${code}不属于村${v.villageCode}（属${org.villageCode}）`, en: `Organisation ${code} is not in village ${v.villageCode} (it is in ${org.villageCode})` });
          } else if (org && org.status !== OrganizationStatus.ACTIVE) {
            problems.push({ line: row.line, rule: 'ORGANIZATION_INACTIVE', field: 'organizationCode', value: code ?? '', zh: `组织${code}已不在运营（${org.status}）`, en: `Organisation ${code} is not active (${org.status})` });
          } else if (org && admittedOn && admittedOn < org.foundedOn) {
            problems.push({ line: row.line, rule: 'BEFORE_FOUNDED', field: 'admittedOn', value: v.admittedOn, zh: `确认日期早于组织成立日期${org.foundedOn}：${v.admittedOn}`, en: `admittedOn precedes the organisation's founding on ${org.foundedOn}: ${v.admittedOn}` });
          }
          if (problems.length > before || checked.bad.has(row) || !org || !admittedOn) continue;
          const residentId = v.residentId.toLowerCase();
          const key = `${code}|${residentId}`;
          const earlier = seen.get(key);
          if (earlier !== undefined) {
            problems.push({ line: row.line, rule: 'MEMBER_DUPLICATE', field: 'residentId', value: v.residentId, zh: `该居民在组织${code}中重复（与第${earlier}行）：${v.residentId}`, en: `The resident repeats line ${earlier} in organisation ${code}: ${v.residentId}` });
            continue;
          }
          seen.set(key, row.line);
          pending.push({ row, record: { id: timeOrderedUuid(), organizationId: org.id, villageCode: org.villageCode, residentId, admittedOn, createdBy: IMPORTED_BY } });
        }
        if (pending.length > 0) {
          // current members of the organisations named (the same resident admitted and not exited)
          const open = (await manager.query(
            `SELECT m.organization_id::text AS org, m.resident_id::text AS resident FROM economy_member m
               JOIN unnest($1::uuid[], $2::uuid[]) AS k(organization_id, resident_id) USING (organization_id, resident_id)
              WHERE NOT EXISTS (SELECT 1 FROM economy_member_exit x WHERE x.member_id = m.id)`,
            [pending.map((p) => p.record.organizationId), pending.map((p) => p.record.residentId)],
          )) as { org: string; resident: string }[];
          const taken = new Set(open.map((o) => `${o.org}|${o.resident.toLowerCase()}`));
          for (const { row, record } of pending) {
            if (taken.has(`${record.organizationId}|${record.residentId}`)) {
              problems.push({ line: row.line, rule: 'MEMBER_ALREADY_ADMITTED', field: 'residentId', value: row.values.residentId, zh: `该居民已是本组织成员：${row.values.residentId}`, en: `The resident is already a member of the organisation: ${row.values.residentId}` });
            }
          }
        }
        return { records: problems.length ? [] : pending.map((p) => p.record), problems };
      },
      async write(m, records) {
        // COPY into a staging table on PostgreSQL (the county wall applies to the INSERT … SELECT), unnest arrays on PGlite
        const { source, params } = await stagedRows(m, 'economy_member', MEMBER_COLUMNS, records);
        await m.query(`INSERT INTO economy_member (${MEMBER_COLUMNS.map(([n]) => n).join(', ')}) ${source}`, params);
        return records.map((r) => r.id);
      },
    };
  },
};
