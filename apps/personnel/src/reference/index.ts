import { gridsReferenceFeature, referenceConsumerNames } from '@xiangzhi/grids-api';

/**
 * 引用 the projections of grids data personnel checks its references against (`region_ref`,
 * `resident_ref`), kept by the consumers `personnel-regions` and `personnel-residents` from grids
 * events (`@xiangzhi/grids-api` `gridsReferenceFeature`), and the checks every personnel write runs
 * on the region codes and resident ids it is given (`checkReferences`).
 */
export const referenceFeature = gridsReferenceFeature('personnel');

const names = referenceConsumerNames('personnel');
/** Consumer names (durable: their positions and processed ids are kept under these names). */
export const REGIONS_CONSUMER = names.regions;
export const RESIDENTS_CONSUMER = names.residents;
