import { defineSubgraph, type SubgraphFeature } from '@xiangzhi/kernel';
import { countyWallFeature } from './county-wall';
import { eventsFeature } from './events';
import { Incident, incidentFeature } from './incident';
import { mergerFeature } from './merger';
import { Grid, Household, Region, Resident, territoryFeature, Zone } from './territory';
import { seedGridsDemo } from './seed';

/**
 * Types plugins may add fields to (`@Resolver(() => gridsType('Region'))`); the shapes they see are
 * published in `@xiangzhi/grids-api`.
 */
const extensionFeature: SubgraphFeature = {
  extensibleTypes: { Region, Zone, Grid, Household, Resident, Incident },
};

/** 网格化治理 the grids subgraph: regions, grids, households, residents, grid workers, incidents. */
export const gridsSubgraph = defineSubgraph({
  name: 'grids',
  title: { zh: '网格化治理', en: 'Grids' },
  features: [territoryFeature, incidentFeature, eventsFeature, mergerFeature, extensionFeature, countyWallFeature],
  seed: seedGridsDemo,
});
