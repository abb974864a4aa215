import type { SubgraphFeature } from '@xiangzhi/kernel';
import { regionsConsumer, residentsConsumer } from './consumers';
import { ReferenceProjections1733020000000 } from './migrations/1733020000000-reference-projections';
import { RegionProjection, ResidentProjection } from './reference.entity';

/**
 * 引用 the projections of grids data personnel checks its references against (`region_ref`,
 * `resident_ref`), kept by the consumers `personnel-regions` and `personnel-residents` from grids
 * events (`@xiangzhi/grids-api` `GridsEvents`), and the checks every personnel write runs on the
 * region codes and resident ids it is given.
 */
export const referenceFeature: SubgraphFeature = {
  entities: [RegionProjection, ResidentProjection],
  migrations: [ReferenceProjections1733020000000],
  consumers: [regionsConsumer, residentsConsumer],
};

export { RegionProjection, ResidentProjection } from './reference.entity';
export { applyRegionEvent, applyResidentEvent, regionsConsumer, residentsConsumer, REGIONS_CONSUMER, RESIDENTS_CONSUMER, resetRegionProjection, resetResidentProjection } from './consumers';
export { checkReferences, checkRegions, regionReferenceProblems, residentReferenceProblems, type ReferenceProblem, type RegionReferenceCheck, type ResidentReferenceCheck, type ValidOn } from './checks';
