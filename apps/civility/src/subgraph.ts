import { defineSubgraph, type SubgraphFeature } from '@xiangzhi/kernel';
import { countyWallFeature } from './county-wall';
import { RegionRef, ResidentRef, HouseholdRef, GridRef } from './shared/grids-stubs';
import { baseFeature } from './base';
import { pointsFeature } from './points';
import { practiceFeature } from './practice';
import { roleModelFeature } from './role-model';
import { rulesFeature } from './rules';
import { seedCivilityDemo } from './seed';

/** Types plugins may add fields to (`@Resolver(() => extensibleType('civility', 'Region'))`). */
const extensionFeature: SubgraphFeature = {
  extensibleTypes: { Region: RegionRef, Resident: ResidentRef, Household: HouseholdRef, Grid: GridRef },
};

/** 德治·文明实践 the civility subgraph: village rules, household civility points, red and black lists, redemption, practice stations, volunteers, role models, star households. */
export const civilitySubgraph = defineSubgraph({
  name: 'civility',
  title: { zh: '德治·文明实践', en: 'Civility' },
  features: [baseFeature, rulesFeature, pointsFeature, practiceFeature, roleModelFeature, extensionFeature, countyWallFeature],
  seed: seedCivilityDemo,
});
