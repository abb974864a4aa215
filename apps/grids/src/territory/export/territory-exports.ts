import { exportRows, hasRole, keysetBatches, PERSONAL_DATA_ROLES, regionPrefix, type ExportKind, type RequestContext } from '@xiangzhi/kernel';
import { TerritoryAccess } from '../shared/access';
import { maskedPersonalField } from '../shared/personal-data';

/** Readers of village-wide lists (everyone with a scope role; residents see only their own household and export nothing). */
function assertListReader(ctx: RequestContext): void {
  TerritoryAccess.of(ctx).assertScopeReader();
}

interface HouseholdRow {
  id: string;
  village_code: string;
  number: string;
  address: string;
  grid_code: string | null;
  grid_name: string | null;
  head_name: string | null;
  members: string | number;
}

/** 住户名册 the households of a region, ordered as `households(regionCode:)` (village, number, id). */
export const householdsExport: ExportKind = {
  name: 'households',
  title: { zh: '住户名册', en: 'Households' },
  columns: [
    { key: 'villageCode', zh: '村（社区）代码' },
    { key: 'number', zh: '户号' },
    { key: 'address', zh: '住址' },
    { key: 'gridCode', zh: '网格代码' },
    { key: 'gridName', zh: '网格名称' },
    { key: 'headName', zh: '户主姓名' },
    { key: 'members', zh: '家庭成员数', type: 'number' },
    { key: 'id', zh: '标识' },
  ],
  async prepare(ctx, { region }) {
    assertListReader(ctx);
    const rows = keysetBatches<HouseholdRow>(ctx.dataSource, {
      sql: `SELECT h.id, h.village_code, h.number, h.address, g.code AS grid_code, g.name AS grid_name, hr.name AS head_name,
              (SELECT count(*) FROM resident m WHERE m.household_id = h.id) AS members
            FROM household h LEFT JOIN grid g ON g.id = h.grid_id LEFT JOIN resident hr ON hr.id = h.head_resident_id
            WHERE h.village_code LIKE $1`,
      params: [`${regionPrefix(region)}%`],
      order: ['h.village_code', 'h.number', 'h.id'],
      key: (r) => [r.village_code, r.number, r.id],
    });
    return {
      batches: exportRows(rows, (r) => ({
        id: r.id,
        cells: [r.village_code, r.number, r.address, r.grid_code, r.grid_name, r.head_name, Number(r.members), r.id],
      })),
    };
  },
};

interface ResidentRow {
  id: string;
  village_code: string;
  household_number: string;
  name: string;
  gender: string;
  birth_date: string;
  id_number: string;
  phone: string | null;
  relation_to_head: string;
  status: string;
  status_date: string | null;
}

/**
 * 居民名册 the residents of a region, ordered as `residents(regionCode:)` (village, name, id). ID and
 * phone numbers are masked exactly as the API masks them (and birth dates withheld) unless the
 * caller's role may read them (county, township and village cadres): then the export is unmasked
 * and its audit record counts as a read of every row.
 */
export const residentsExport: ExportKind = {
  name: 'residents',
  title: { zh: '居民名册', en: 'Residents' },
  columns: [
    { key: 'villageCode', zh: '村（社区）代码' },
    { key: 'householdNumber', zh: '户号' },
    { key: 'name', zh: '姓名' },
    { key: 'gender', zh: '性别' },
    { key: 'birthDate', zh: '出生日期', type: 'date' },
    { key: 'idNumber', zh: '身份证号码' },
    { key: 'phone', zh: '联系电话' },
    { key: 'relationToHead', zh: '与户主关系' },
    { key: 'status', zh: '状态' },
    { key: 'statusDate', zh: '状态生效日期', type: 'date' },
    { key: 'id', zh: '标识' },
  ],
  async prepare(ctx, { region }) {
    assertListReader(ctx);
    // the scope was checked: every row lies inside it, so the role alone decides
    const unmasked = hasRole(ctx.actor, ...PERSONAL_DATA_ROLES);
    const rows = keysetBatches<ResidentRow>(ctx.dataSource, {
      sql: `SELECT r.id, r.village_code, h.number AS household_number, r.name, r.gender, to_char(r.birth_date, 'YYYY-MM-DD') AS birth_date,
              r.id_number, r.phone, r.relation_to_head, r.status, to_char(r.status_date, 'YYYY-MM-DD') AS status_date
            FROM resident r JOIN household h ON h.id = r.household_id
            WHERE r.village_code LIKE $1`,
      params: [`${regionPrefix(region)}%`],
      order: ['r.village_code', 'r.name', 'r.id'],
      key: (r) => [r.village_code, r.name, r.id],
    });
    const personal = (field: 'idNumber' | 'phone' | 'birthDate', value: string | null) => (unmasked ? value : maskedPersonalField(field, value));
    return {
      unmasked,
      batches: exportRows(rows, (r) => ({
        id: r.id,
        cells: [
          r.village_code,
          r.household_number,
          r.name,
          r.gender,
          personal('birthDate', r.birth_date),
          personal('idNumber', r.id_number),
          personal('phone', r.phone),
          r.relation_to_head,
          r.status,
          r.status_date,
          r.id,
        ],
      })),
    };
  },
};
