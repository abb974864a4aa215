import type { SubgraphFeature } from '@xiangzhi/kernel';
import { PartyMember, PartyOrganization, PartyPointEntry } from './party.entity';

/** 党组织 Party organisations (on grids), members, mobile members and the points ledger. */
export const partyFeature: SubgraphFeature = {
  entities: [PartyOrganization, PartyMember, PartyPointEntry],
};
