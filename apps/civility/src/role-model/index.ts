import type { SubgraphFeature } from '@xiangzhi/kernel';
import { RegionRoleModelResolver, RoleModelResolver } from './role-model.resolver';

/** 典型选树 role models: nomination, public notice with objections, selection. */
export const roleModelFeature: SubgraphFeature = {
  resolvers: [RoleModelResolver, RegionRoleModelResolver],
};
