import type { SubgraphFeature } from '@xiangzhi/kernel';
import { IncomeRegionResolver } from './income.resolver';

/**
 * 经营性收入汇总 `Region.collectiveEconomy(year)`: operating income rolled up village → township →
 * county in one grouped statement, villages below the county's weak-village line counted.
 */
export const incomeFeature: SubgraphFeature = {
  resolvers: [IncomeRegionResolver],
};

export { rollUp } from './income.service';
export { CollectiveEconomy, CollectiveEconomyArea } from './income.types';
