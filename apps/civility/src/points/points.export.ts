import { forbidden, regionPrefix, type ExportKind } from '@xiangzhi/kernel';
import { CivilityAccess } from '../shared/access';

/**
 * 文明积分表 every household of a region with a points account: balance (approved points minus
 * redemptions, as `Household.civility.balance`), points earned, deducted and redeemed; by village
 * and household id (the household number and address are the grids subgraph's: join on the id
 * with the households export). Residents, who see only their own household, are refused.
 */
export const pointsExport: ExportKind = {
  name: 'points',
  title: { zh: '文明积分表', en: 'Civility points' },
  columns: [
    { key: 'villageCode', zh: '村（社区）代码', sql: 'p.village_code' },
    { key: 'householdId', zh: '住户标识', sql: 'p.household_id' },
    { key: 'balance', zh: '积分余额', type: 'number', sql: 'p.balance' },
    { key: 'earned', zh: '累计加分', type: 'number', sql: 'p.earned' },
    { key: 'deducted', zh: '累计扣分', type: 'number', sql: 'p.deducted' },
    { key: 'redeemed', zh: '累计兑换', type: 'number', sql: 'p.redeemed' },
  ],
  async prepare(ctx, { region }) {
    if (CivilityAccess.of(ctx).isResident) throw forbidden('居民不能导出文明积分表', 'Residents may not export the civility points list');
    return { from: 'household_points p', where: 'p.village_code LIKE $1', params: [`${regionPrefix(region)}%`], order: ['p.village_code', 'p.household_id'], id: 'p.household_id' };
  },
};
