import { defineSubgraph, type SubgraphFeature } from '@xiangzhi/kernel';
import { countyWallFeature } from './county-wall';
import { RegionRef, ResidentRef, HouseholdRef, GridRef } from './shared/grids-stubs';
import { baseFeature } from './base';
import { organizationFeature } from './organization';
import { ledgerFeature } from './ledger';
import { memberFeature } from './member';
import { incomeFeature } from './income';
import { distributionFeature } from './distribution';
import { majorMatterFeature } from './major-matter';
import { disclosureFeature } from './disclosure';
import { registerFeature } from './register';
import { contractFeature } from './contract';
import { projectFeature } from './project';
import { mergerFeature } from './merger';
import { importFeature } from './import';
import { seedEconomyDemo } from './seed';

/** Types plugins may add fields to (`@Resolver(() => extensibleType('economy', 'Region'))`). */
const extensionFeature: SubgraphFeature = {
  extensibleTypes: { Region: RegionRef, Resident: ResidentRef, Household: HouseholdRef, Grid: GridRef },
};

/** 集体经济 the economy subgraph: collective economic organisations, members and shares, the 三资 ledger, operating income, projects, distribution, 三务公开, 四议两公开. */
export const economySubgraph = defineSubgraph({
  name: 'economy',
  title: { zh: '集体经济', en: 'Collective economy' },
  features: [baseFeature, organizationFeature, ledgerFeature, memberFeature, incomeFeature, distributionFeature, majorMatterFeature, disclosureFeature, registerFeature, contractFeature, projectFeature, mergerFeature, importFeature, extensionFeature, countyWallFeature],
  seed: seedEconomyDemo,
});
