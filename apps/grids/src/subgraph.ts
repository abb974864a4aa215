import { defineSubgraph } from '@xiangzhi/kernel';
import { incidentFeature } from './incident';
import { territoryFeature } from './territory';
import { seedGridsDemo } from './seed';

/** 网格化治理 the grids subgraph: regions, grids, households, residents, grid workers, incidents. */
export const gridsSubgraph = defineSubgraph({
  name: 'grids',
  title: { zh: '网格化治理', en: 'Grids' },
  features: [territoryFeature, incidentFeature],
  seed: seedGridsDemo,
});
