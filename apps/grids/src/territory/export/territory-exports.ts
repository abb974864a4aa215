import { hasRole, PERSONAL_DATA_ROLES, regionPrefix, type ExportKind, type ExportQuery, type ExportRecord, type RequestContext } from '@xiangzhi/kernel';
import { TerritoryAccess } from '../shared/access';
import { maskedPersonalField, type PersonalField } from '../shared/personal-data';

/** The village-wide list of a region, for the roles that read such lists (residents see only their own household and export nothing). */
function villageList(ctx: RequestContext, region: string, alias: string, query: Omit<ExportQuery, 'where' | 'params'>): ExportQuery {
  TerritoryAccess.of(ctx).assertScopeReader();
  return { ...query, where: `${alias}.village_code LIKE $1`, params: [`${regionPrefix(region)}%`] };
}

/** 住户名册 the households of a region, ordered as `households(regionCode:)` (village, number, id). */
export const householdsExport: ExportKind = {
  name: 'households',
  title: { zh: '住户名册', en: 'Households' },
  columns: [
    { key: 'villageCode', zh: '村（社区）代码', sql: 'h.village_code' },
    { key: 'number', zh: '户号', sql: 'h.number' },
    { key: 'address', zh: '住址', sql: 'h.address' },
    { key: 'gridCode', zh: '网格代码', sql: 'g.code' },
    { key: 'gridName', zh: '网格名称', sql: 'g.name' },
    { key: 'headName', zh: '户主姓名', sql: 'hr.name' },
    { key: 'members', zh: '家庭成员数', type: 'number', sql: '(SELECT count(*)::int FROM resident m WHERE m.household_id = h.id)' },
    { key: 'id', zh: '标识', sql: 'h.id' },
  ],
  async prepare(ctx, { region }) {
    return villageList(ctx, region, 'h', {
      from: 'household h LEFT JOIN grid g ON g.id = h.grid_id LEFT JOIN resident hr ON hr.id = h.head_resident_id',
      order: ['h.village_code', 'h.number', 'h.id'],
      id: 'h.id',
    });
  },
};

const PERSONAL_COLUMNS: readonly PersonalField[] = ['birthDate', 'idNumber', 'phone'];

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
    { key: 'villageCode', zh: '村（社区）代码', sql: 'r.village_code' },
    { key: 'householdNumber', zh: '户号', sql: 'h.number' },
    { key: 'name', zh: '姓名', sql: 'r.name' },
    { key: 'gender', zh: '性别', sql: 'r.gender' },
    { key: 'birthDate', zh: '出生日期', type: 'date', sql: 'r.birth_date' },
    { key: 'idNumber', zh: '身份证号码', sql: 'r.id_number' },
    { key: 'phone', zh: '联系电话', sql: 'r.phone' },
    { key: 'relationToHead', zh: '与户主关系', sql: 'r.relation_to_head' },
    { key: 'status', zh: '状态', sql: 'r.status' },
    { key: 'statusDate', zh: '状态生效日期', type: 'date', sql: 'r.status_date' },
    { key: 'id', zh: '标识', sql: 'r.id' },
  ],
  async prepare(ctx, { region }) {
    // the scope was checked: every row lies inside it, so the role alone decides
    const unmasked = hasRole(ctx.actor, ...PERSONAL_DATA_ROLES);
    const mask = (row: ExportRecord) => {
      for (const field of PERSONAL_COLUMNS) row[field] = maskedPersonalField(field, row[field] as string | null);
    };
    return {
      ...villageList(ctx, region, 'r', { from: 'resident r JOIN household h ON h.id = r.household_id', order: ['r.village_code', 'r.name', 'r.id'], id: 'r.id' }),
      unmasked,
      adjust: unmasked ? undefined : mask,
    };
  },
};
