/**
 * 辖区 territory: what the grids subgraph publishes to plugins about regions, grids, households
 * and residents. Plugins reference these entities by key only (`{ __typename: 'Resident', id }`),
 * never join the grids tables, and use the pure helpers below for ID numbers and masking.
 */
export * from './id-number';
export * from './masking';
export * from './grid-sizing';

/** 区划 reference to a region by its 12-digit division code. */
export interface RegionReference {
  __typename: 'Region';
  code: string;
}

/** 网格 reference to a grid. */
export interface GridReference {
  __typename: 'Grid';
  id: string;
}

/** 住户 reference to a household. */
export interface HouseholdReference {
  __typename: 'Household';
  id: string;
}

/** 居民 reference to a resident. */
export interface ResidentReference {
  __typename: 'Resident';
  id: string;
}

/** 网格员 reference to a grid worker (leader or member). */
export interface GridWorkerReference {
  __typename: 'GridWorker';
  id: string;
}

export type TerritoryReference = RegionReference | GridReference | HouseholdReference | ResidentReference | GridWorkerReference;

export const regionRef = (code: string): RegionReference => ({ __typename: 'Region', code });
export const gridRef = (id: string): GridReference => ({ __typename: 'Grid', id });
export const householdRef = (id: string): HouseholdReference => ({ __typename: 'Household', id });
export const residentRef = (id: string): ResidentReference => ({ __typename: 'Resident', id });
export const gridWorkerRef = (id: string): GridWorkerReference => ({ __typename: 'GridWorker', id });

/**
 * The grids tables a plugin may read (read-only SQL) when it contributes to the grids subgraph,
 * whose database its own tables share; and the key columns a plugin in another subgraph stores
 * (`resident_id uuid`) while it lets the federated graph resolve the entity — a plugin in another
 * subgraph never reads these tables. Columns listed are a published contract. Writes go through the
 * subgraph's GraphQL operations.
 */
export const TERRITORY_TABLES = {
  region: { table: 'region', key: 'code', keyType: 'text', referenceColumn: 'region_code', typename: 'Region', columns: ['code', 'name', 'level', 'parent_code', 'county_code', 'valid_from', 'valid_to'] },
  zone: { table: 'zone', key: 'id', keyType: 'uuid', referenceColumn: 'zone_id', typename: 'Zone', columns: ['id', 'village_code', 'county_code', 'name'] },
  grid: { table: 'grid', key: 'id', keyType: 'uuid', referenceColumn: 'grid_id', typename: 'Grid', columns: ['id', 'code', 'village_code', 'county_code', 'name', 'zone_id'] },
  household: { table: 'household', key: 'id', keyType: 'uuid', referenceColumn: 'household_id', typename: 'Household', columns: ['id', 'village_code', 'county_code', 'grid_id', 'member_id'] },
  resident: { table: 'resident', key: 'id', keyType: 'uuid', referenceColumn: 'resident_id', typename: 'Resident', columns: ['id', 'household_id', 'village_code', 'county_code'] },
  gridWorker: { table: 'grid_worker', key: 'id', keyType: 'uuid', referenceColumn: 'grid_worker_id', typename: 'GridWorker', columns: ['id', 'grid_id', 'village_code', 'county_code', 'name', 'role'] },
  incident: { table: 'incident', key: 'id', keyType: 'uuid', referenceColumn: 'incident_id', typename: 'Incident', columns: ['id', 'county_code', 'village_code', 'grid_id', 'status', 'deadline', 'rating', 'created_at', 'updated_at'] },
} as const;

/** Columns every region-scoped grids row carries (12-digit codes; scope checks are prefix matches). */
export const TERRITORY_SCOPE_COLUMNS = {
  countyCode: 'county_code',
  villageCode: 'village_code',
} as const;

/** Grid codes extend the village code with a 3-digit sequence (as CJ/T 349 builds community grid codes). */
export const GRID_CODE_LENGTH = 15;

/** 网格代码 the code of grid number `sequence` (1–999) of a village. */
export function gridCodeOf(villageCode: string, sequence: number): string {
  if (!/^\d{12}$/.test(villageCode)) throw new Error(`village code must be 12 digits: ${villageCode}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999) throw new Error(`grid sequence must be 1–999: ${sequence}`);
  return `${villageCode}${String(sequence).padStart(3, '0')}`;
}
