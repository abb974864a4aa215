import { badInput, regionPrefix, type ExportKind } from '@xiangzhi/kernel';
import { requireMonth } from '@xiangzhi/personnel-api';
import { PersonnelAccess } from '../shared/access';

/** The region's condition on a table alias (`$1`). */
const inRegion = (alias: string, region: string) => ({ where: `${alias}.village_code LIKE $1`, params: [`${regionPrefix(region)}%`] as unknown[] });

/**
 * 干部名册 the cadres of a region, by village, name and id (as `Region.cadres`, unbounded): public
 * within the scope (村务公开) like the API; birth dates only for the roles that may read personal
 * data. `includeLeft=true` adds the cadres who left.
 */
export const cadresExport: ExportKind = {
  name: 'cadres',
  title: { zh: '干部名册', en: 'Cadres' },
  columns: [
    { key: 'villageCode', zh: '任职村（社区）代码', sql: 'c.village_code' },
    { key: 'name', zh: '姓名', sql: 'c.name' },
    { key: 'gender', zh: '性别', sql: 'c.gender' },
    { key: 'birthDate', zh: '出生日期', type: 'date', sql: 'c.birth_date' },
    { key: 'educationLevel', zh: '学历', sql: 'c.education_level' },
    { key: 'partyMember', zh: '中共党员', type: 'boolean', sql: 'c.party_member' },
    { key: 'partyJoinDate', zh: '入党日期', type: 'date', sql: 'c.party_join_date' },
    { key: 'status', zh: '状态', sql: 'c.status' },
    { key: 'fullTime', zh: '全职', type: 'boolean', sql: 'c.full_time' },
    { key: 'serviceStart', zh: '任职起始日期', type: 'date', sql: 'c.service_start' },
    { key: 'rankLevel', zh: '职级', type: 'number', sql: 'c.rank_level' },
    { key: 'posts', zh: '现任岗位', sql: `(SELECT string_agg(p.title, '、' ORDER BY p.code) FROM post p WHERE p.holder_id = c.id)` },
    { key: 'id', zh: '标识', sql: 'c.id' },
  ],
  async prepare(ctx, { region, params }) {
    const includeLeft = params.get('includeLeft') ?? 'false';
    if (includeLeft !== 'true' && includeLeft !== 'false') {
      throw badInput(`includeLeft 只能为 true 或 false：${includeLeft}`, `includeLeft must be true or false: ${includeLeft}`, { field: 'includeLeft', value: includeLeft });
    }
    const scope = inRegion('c', region);
    return {
      from: 'cadre c',
      where: includeLeft === 'true' ? scope.where : `${scope.where} AND c.status <> 'LEFT'`,
      params: scope.params,
      order: ['c.village_code', 'c.name', 'c.id'],
      id: 'c.id',
      filters: { includeLeft },
      // birth dates are personal data, as on the API's Cadre.birthDate
      adjust: PersonnelAccess.of(ctx).seesPersonalData ? undefined : (row) => void (row.birthDate = null),
    };
  },
};

/** 岗位表 the active posts of a region and their holders, by village, code and id. */
export const postsExport: ExportKind = {
  name: 'posts',
  title: { zh: '岗位表', en: 'Posts' },
  columns: [
    { key: 'villageCode', zh: '村（社区）代码', sql: 'p.village_code' },
    { key: 'code', zh: '岗位代码', sql: 'p.code' },
    { key: 'title', zh: '岗位名称', sql: 'p.title' },
    { key: 'category', zh: '类别', sql: 'p.category' },
    { key: 'fullTime', zh: '全职岗位', type: 'boolean', sql: 'p.full_time' },
    { key: 'holderName', zh: '现任', sql: 'c.name' },
    { key: 'holderId', zh: '现任标识', sql: 'p.holder_id' },
    { key: 'id', zh: '标识', sql: 'p.id' },
  ],
  async prepare(_ctx, { region }) {
    const scope = inRegion('p', region);
    return { from: 'post p LEFT JOIN cadre c ON c.id = p.holder_id', where: `p.active AND ${scope.where}`, params: scope.params, order: ['p.village_code', 'p.code', 'p.id'], id: 'p.id' };
  },
};

/**
 * 报酬表 the pay records of a month (`computePayroll` results) for a village or township, by
 * village and id: each component with its amount and the total, exact decimals in yuan.
 * `month=YYYY-MM` is required.
 */
export const payrollExport: ExportKind = {
  name: 'payroll',
  title: { zh: '报酬发放表', en: 'Payroll' },
  columns: [
    { key: 'month', zh: '月份', sql: 'p.month' },
    { key: 'villageCode', zh: '村（社区）代码', sql: 'p.village_code' },
    { key: 'cadreName', zh: '干部姓名', sql: 'c.name' },
    { key: 'daysHeld', zh: '在岗天数', type: 'number', sql: 'p.days_held' },
    { key: 'daysInMonth', zh: '当月天数', type: 'number', sql: 'p.days_in_month' },
    {
      key: 'components',
      zh: '报酬构成（类别 金额元）',
      sql: `(SELECT string_agg(x.c->>'kind' || ' ' || ((x.c->>'amount')::numeric(12, 2))::text, '; ' ORDER BY x.n) FROM jsonb_array_elements(p.components) WITH ORDINALITY AS x(c, n))`,
    },
    { key: 'total', zh: '合计（元）', type: 'decimal', sql: 'p.total' },
    { key: 'policy', zh: '报酬政策', sql: 'p.policy' },
    { key: 'cadreId', zh: '干部标识', sql: 'p.cadre_id' },
    { key: 'id', zh: '标识', sql: 'p.id' },
  ],
  async prepare(_ctx, { region, params }) {
    const month = params.get('month');
    if (!month) throw badInput('报酬导出须给出月份 month（YYYY-MM）', 'The payroll export needs month (YYYY-MM)', { field: 'month', value: null });
    requireMonth(month);
    const scope = inRegion('p', region);
    return {
      from: 'pay_record p LEFT JOIN cadre c ON c.id = p.cadre_id',
      where: `${scope.where} AND p.month = $2`,
      params: [...scope.params, month],
      order: ['p.village_code', 'p.id'],
      id: 'p.id',
      filters: { month },
      fileSuffix: month,
    };
  },
};
