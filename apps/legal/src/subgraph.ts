import { defineSubgraph, type SubgraphFeature } from '@xiangzhi/kernel';
import { RegionRef, ResidentRef, HouseholdRef, GridRef } from '@xiangzhi/grids-api';
import { baseFeature } from './base';
import { advisorFeature } from './advisor';
import { aidFeature } from './aid';
import { disputeFeature } from './dispute';
import { petitionFeature } from './petition/petition';
import { requestFeature } from './request/request';
import { statsFeature } from './stats/stats';
import { seedLegalDemo } from './seed';

/** Types plugins may add fields to (`@Resolver(() => extensibleType('legal', 'Region'))`). */
const extensionFeature: SubgraphFeature = {
  extensibleTypes: { Region: RegionRef, Resident: ResidentRef, Household: HouseholdRef, Grid: GridRef },
};

/** 法治 the legal subgraph: legal advisors, legal-service requests, legal aid, disputes and their tiers, petitions, safe-village designations. */
export const legalSubgraph = defineSubgraph({
  name: 'legal',
  title: { zh: '法治', en: 'Rule of law' },
  features: [baseFeature, advisorFeature, aidFeature, requestFeature, disputeFeature, petitionFeature, statsFeature, extensionFeature],
  seed: seedLegalDemo,
});
