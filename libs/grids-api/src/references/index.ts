import type { SubgraphFeature } from '@xiangzhi/kernel';
import { referenceConsumers } from './consumers';
import { ReferenceProjections1733020000000, ResidentRefHousehold1733020000001 } from './migration';
import { RegionProjection, ResidentProjection } from './projection.entity';

/**
 * 引用 what a subgraph needs to check the grids references its writes name: the projections
 * `region_ref` and `resident_ref` in its own database (migrations included), kept by its consumers
 * `<subgraph>-regions` and `<subgraph>-residents` from grids events. Add it to the subgraph's
 * features; its writes then call `checkReferences` before writing.
 *
 * @example
 * export const economySubgraph = defineSubgraph({ name: 'economy', features: [gridsReferenceFeature('economy'), …] });
 */
export function gridsReferenceFeature(subgraph: string): SubgraphFeature {
  return {
    entities: [RegionProjection, ResidentProjection],
    migrations: [ReferenceProjections1733020000000, ResidentRefHousehold1733020000001],
    consumers: referenceConsumers(subgraph),
  };
}

export { RegionProjection, ResidentProjection } from './projection.entity';
export { ReferenceProjections1733020000000, ResidentRefHousehold1733020000001 } from './migration';
export { applyRegionEvent, applyResidentEvent, referenceConsumerNames, referenceConsumers, resetRegionProjection, resetResidentProjection } from './consumers';
export {
  checkReferences,
  checkRegions,
  householdReferenceProblems,
  householdVillages,
  regionReferenceProblems,
  regionReferenceResults,
  residentReferenceProblems,
  residentReferenceResults,
  type HouseholdReferenceCheck,
  type ReferenceProblem,
  type RegionReferenceCheck,
  type ResidentReferenceCheck,
  type SqlRunner,
  type ValidOn,
} from './checks';
export { importReferenceProblems, type ImportResidentRef, type ImportVillageRef } from './import-checks';
export { gridsEntityStubs, type GridsEntityStubs } from './stubs';
