import type { SubgraphFeature } from '@xiangzhi/kernel';
import { pointsExport } from './points.export';
import { HouseholdCivilityFieldsResolver, HouseholdCivilityResolver, PointsResolver, RegionPointsResolver } from './points.resolver';

/** 农户文明积分 the household points ledger, the civilisation market, the red and black lists and star households. */
export const pointsFeature: SubgraphFeature = {
  exports: [pointsExport],
  resolvers: [PointsResolver, HouseholdCivilityResolver, HouseholdCivilityFieldsResolver, RegionPointsResolver],
};
