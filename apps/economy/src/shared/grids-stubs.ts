import { gridsEntityStubs } from '@xiangzhi/grids-api';

/**
 * The grids entities economy extends with its own fields: its own classes (see `gridsEntityStubs` in
 * `@xiangzhi/grids-api`), keyed like grids' (`Region` by code; `Resident`, `Household`, `Grid` by id).
 */
const stubs = gridsEntityStubs();

export const RegionRef = stubs.RegionRef;
export type RegionRef = InstanceType<typeof RegionRef>;
export const ResidentRef = stubs.ResidentRef;
export type ResidentRef = InstanceType<typeof ResidentRef>;
export const HouseholdRef = stubs.HouseholdRef;
export type HouseholdRef = InstanceType<typeof HouseholdRef>;
export const GridRef = stubs.GridRef;
export type GridRef = InstanceType<typeof GridRef>;
/** `__resolveReference` of the four stubs. */
export const gridsEntityReferences = stubs.references;
