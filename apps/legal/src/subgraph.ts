import { defineSubgraph, type SubgraphFeature } from '@xiangzhi/kernel';
import { countyWallFeature } from './county-wall';
import { baseFeature } from './base';
import { advisorFeature } from './advisor';
import { aidFeature } from './aid';
import { disputeFeature } from './dispute';
import { petitionFeature } from './petition/petition';
import { requestFeature } from './request/request';
import { statsFeature } from './stats/stats';
import { seedLegalDemo } from './seed';
import { LegalGrid, LegalHousehold, LegalRegion, LegalResident } from './shared/stubs';

/** Types plugins may add fields to (`@Resolver(() => extensibleType('legal', 'Region'))`). */
const extensionFeature: SubgraphFeature = {
  extensibleTypes: { Region: LegalRegion, Resident: LegalResident, Household: LegalHousehold, Grid: LegalGrid },
};

/** 法治 the legal subgraph: legal advisors, legal-service requests, legal aid, disputes and their tiers, petitions, safe-village designations. */
export const legalSubgraph = defineSubgraph({
  name: 'legal',
  title: { zh: '法治', en: 'Rule of law' },
  features: [baseFeature, advisorFeature, aidFeature, requestFeature, disputeFeature, petitionFeature, statsFeature, extensionFeature, countyWallFeature],
  seed: seedLegalDemo,
});
