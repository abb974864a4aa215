import type { SubgraphFeature } from '@xiangzhi/kernel';
import { Distribution, DistributionLine } from './distribution.entity';
import { DistributionResolver } from './distribution.resolver';
import { CreateDistribution1734000000400 } from './migrations/1734000000400-create-distribution';

/**
 * 收益分配 a year's distribution: the surplus split by the county's `economy.distribution` policy,
 * largest remainder to the fen, every member's amounts, the voucher, once per organisation and year,
 * an adopted major matter above the county's threshold.
 */
export const distributionFeature: SubgraphFeature = {
  entities: [Distribution, DistributionLine],
  migrations: [CreateDistribution1734000000400],
  resolvers: [DistributionResolver],
};

export { Distribution } from './distribution.entity';
export { DISTRIBUTION_ACCOUNTS, membersAtYearEnd, netSurplus } from './distribution.service';
export { ROUNDING, splitSurplus, type MemberShares } from './split';
