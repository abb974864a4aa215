import { extensibleType, type ClassType } from '@xiangzhi/kernel';

/**
 * 可扩展类型 the grids types a plugin may add fields to, and the shape its field resolvers receive as
 * `@Root()`. Use them lazily inside type-graphql decorators: `@Resolver(() => gridsType('Region'))`.
 */
export interface GridsExtensibleTypes {
  Region: RegionShape;
  Zone: { id: string; villageCode: string; countyCode: string; name: string };
  Grid: GridShape;
  Household: { id: string; villageCode: string; countyCode: string; gridId: string | null };
  Resident: { id: string; householdId: string; villageCode: string; countyCode: string; name: string };
  Incident: { id: string; countyCode: string; villageCode: string; gridId: string | null; status: string; deadline: Date };
}

/** The class of a grids type to pass to `@Resolver(() => …)`; call it inside the thunk. */
export function gridsType(name: keyof GridsExtensibleTypes): ClassType {
  return extensibleType('grids', name);
}

/** 行政区划 what a field resolver on `Region` receives. */
export interface RegionShape {
  code: string;
  name: string;
  level: 'PROVINCE' | 'CITY' | 'COUNTY' | 'TOWNSHIP' | 'VILLAGE';
  parentCode: string | null;
  countyCode: string | null;
}

/** 网格 what a field resolver on `Grid` receives. */
export interface GridShape {
  id: string;
  code: string;
  villageCode: string;
  countyCode: string;
  name: string;
  zoneId: string | null;
}
