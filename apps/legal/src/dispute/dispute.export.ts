import { badInput, forbidden, regionPrefix, type ExportKind } from '@xiangzhi/kernel';
import { LegalAccess } from '../shared/access';
import { DisputeStatus } from './dispute.entity';

/**
 * 矛盾纠纷台账 the disputes of a region, by village, date opened and id, with their parties; amounts
 * in yuan as exact decimals (from the stored fen). `status=OPEN|CLOSED` narrows it. Residents, who
 * see only the disputes they are a party to, are refused.
 */
export const disputesExport: ExportKind = {
  name: 'disputes',
  title: { zh: '矛盾纠纷台账', en: 'Disputes' },
  columns: [
    { key: 'villageCode', zh: '村（社区）代码', sql: 'd.village_code' },
    { key: 'openedOn', zh: '受理日期', type: 'date', sql: 'd.opened_on' },
    { key: 'category', zh: '类别', sql: 'd.category' },
    { key: 'summary', zh: '纠纷简况', sql: 'd.summary' },
    { key: 'amount', zh: '涉及金额（元）', type: 'decimal', sql: '(d.amount_fen::numeric / 100)::numeric(16, 2)' },
    { key: 'riskLevel', zh: '风险等级', sql: 'd.risk_level' },
    { key: 'crimeRisk', zh: '民转刑风险', type: 'boolean', sql: 'd.crime_risk' },
    { key: 'tier', zh: '当前层级', sql: 'd.tier' },
    { key: 'deadline', zh: '办理期限', type: 'date', sql: 'd.deadline' },
    { key: 'status', zh: '状态', sql: 'd.status' },
    { key: 'outcome', zh: '办结方式', sql: 'd.outcome' },
    { key: 'closedOn', zh: '办结日期', type: 'date', sql: 'd.closed_on' },
    { key: 'parties', zh: '当事人', sql: `(SELECT string_agg(p.name, '、' ORDER BY p.position) FROM dispute_party p WHERE p.dispute_id = d.id)` },
    { key: 'id', zh: '标识', sql: 'd.id' },
  ],
  async prepare(ctx, { region, params }) {
    if (LegalAccess.of(ctx).residentOnly) throw forbidden('居民不能导出纠纷台账', 'Residents may not export the dispute register');
    const status = params.get('status');
    const statuses = Object.values(DisputeStatus) as string[];
    if (status !== null && !statuses.includes(status)) {
      throw badInput(`status 只能为 ${statuses.join('、')}：${status}`, `status must be one of ${statuses.join(', ')}: ${status}`, { field: 'status', value: status });
    }
    return {
      from: 'dispute d',
      where: 'd.village_code LIKE $1 AND ($2::text IS NULL OR d.status = $2)',
      params: [`${regionPrefix(region)}%`, status],
      order: ['d.village_code', `to_char(d.opened_on, 'YYYY-MM-DD')`, 'd.id'],
      id: 'd.id',
      filters: { status },
    };
  },
};
