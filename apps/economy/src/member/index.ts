import type { SubgraphFeature } from '@xiangzhi/kernel';
import { CollectiveMember, MemberExit, ShareClass, ShareHoldingRow } from './member.entity';
import { CollectiveMemberResolver, MemberResidentResolver } from './member.resolver';
import { CreateMembers1734000000300 } from './migrations/1734000000300-create-members';

/**
 * 成员与股权 members (residents of the village, checked against grids' projection) and their shares,
 * as dated rows never changed in place: the member list and shares reproducible at any date;
 * `Resident.memberships`.
 */
export const memberFeature: SubgraphFeature = {
  entities: [ShareClass, CollectiveMember, MemberExit, ShareHoldingRow],
  migrations: [CreateMembers1734000000300],
  resolvers: [CollectiveMemberResolver, MemberResidentResolver],
};

export { CollectiveMember, ShareClass, ShareHolding } from './member.entity';
export { holdingsOn } from './member.loaders';
