import type { SubgraphFeature } from '@xiangzhi/kernel';
import { RegionVillageRulesResolver, VillageRulesResolver } from './rules.resolver';

/** 村规民约与积分细则 village rules (versions, adoption, filing) and the points catalogue. */
export const rulesFeature: SubgraphFeature = {
  resolvers: [VillageRulesResolver, RegionVillageRulesResolver],
};
