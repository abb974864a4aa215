import type { SubgraphFeature } from '@xiangzhi/kernel';
import { PartyMember, PartyOrganization, PartyPointEntry } from './party.entity';
import {
  PartyGridResolver,
  PartyMemberResolver,
  PartyOrganizationResolver,
  PartyPointEntryResolver,
  PartyRegionResolver,
  PartyResidentResolver,
  partyReferences,
} from './party.resolver';

/**
 * 党组织 Party organisations of villages and townships (村/社区党委 → 网格党支部 → 片区党小组,
 * "支部建在网格上": one organisation per grid), their members with 设岗定责 duties, mobile members
 * (流动党员) kept with their origin organisation, and the members' points ledger (党员积分).
 * Extends `Grid.partyBranch`, `Resident.partyMember` and `Region.partyOrganizations`.
 */
export const partyFeature: SubgraphFeature = {
  entities: [PartyOrganization, PartyMember, PartyPointEntry],
  resolvers: [PartyOrganizationResolver, PartyMemberResolver, PartyPointEntryResolver, PartyGridResolver, PartyResidentResolver, PartyRegionResolver],
  references: partyReferences,
};

export { PartyMember, PartyMemberConnection, PartyMemberStatus, PartyOrganization, PartyOrganizationKind, PartyPointEntry } from './party.entity';
export { GRID_KINDS, KIND_RANK, readableMember, readableOrganization } from './party.service';
export { memberCountLoader, memberLoader, organizationByGridLoader, organizationLoader } from './party.loaders';
