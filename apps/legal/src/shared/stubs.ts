import { gridsEntityStubs } from '@xiangzhi/grids-api';

/**
 * The grids entities legal extends with its own fields (`Region.legalAdvisors`, `Resident.disputes`…):
 * legal's own classes (see `gridsEntityStubs` in `@xiangzhi/grids-api`: a class shared between
 * subgraphs would carry one subgraph's fields into another's schema in one process).
 */
const stubs = gridsEntityStubs();

export const LegalRegion = stubs.RegionRef;
export type LegalRegion = InstanceType<typeof LegalRegion>;
export const LegalResident = stubs.ResidentRef;
export type LegalResident = InstanceType<typeof LegalResident>;
export const LegalHousehold = stubs.HouseholdRef;
export type LegalHousehold = InstanceType<typeof LegalHousehold>;
export const LegalGrid = stubs.GridRef;
export type LegalGrid = InstanceType<typeof LegalGrid>;
/** `__resolveReference` for the stubs: the key is all legal needs; its field resolvers batch the rest. */
export const legalStubReferences = stubs.references;
