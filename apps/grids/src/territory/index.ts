import { bindPolicy, importCheckpointMigration, type SubgraphFeature } from '@xiangzhi/kernel';
import { DefaultGridSizingPolicy, gridSizingPolicyPoint } from '@xiangzhi/grids-api';
import { GridValidationResolver } from './grid/grid-validation.resolver';
import { GridWorkerResolver, GridResolver, ZoneResolver } from './grid/grid.resolver';
import { GridWorker } from './grid/grid-worker.entity';
import { Grid } from './grid/grid.entity';
import { Zone } from './grid/zone.entity';
import { householdsExport, residentsExport } from './export/territory-exports';
import { HouseholdResolver } from './household/household.resolver';
import { householdImporter, RegisterImportResolver, residentImporter } from './import';
import { Household } from './household/household.entity';
import { CreateTerritory1731000000000 } from './migrations/1731000000000-create-territory';
import { ResidentIdNumberHash1733050000000 } from './migrations/1733050000000-resident-id-number-hash';
import { RegionCounters1772000000000 } from './migrations/1772000000000-region-counters';
import { ResidentNameTokens1772000000001 } from './migrations/1772000000001-resident-name-tokens';
import { ResidentNameTokensPlpgsql1774100000000 } from './migrations/1774100000000-resident-name-tokens-plpgsql';
import { ResidentNameRows1774900000000 } from './migrations/1774900000000-resident-name-rows';
import { ResidentRedundantIndexes1775000000000 } from './migrations/1775000000000-resident-redundant-indexes';
import { regionCounterRebuild } from './region/region-counter';
import { RegionStatsResolver } from './region/region-stats.resolver';
import { RegionResolver } from './region/region.resolver';
import { Region } from './region/region.entity';
import { ResidentResolver } from './resident/resident.resolver';
import { Resident } from './resident/resident.entity';
import { territoryReferences } from './references';

/**
 * 辖区 the territory feature of the grids subgraph: regions (division codes), zones, grids,
 * grid workers, households and residents, with scope rules, masking of personal data and the
 * grid sizing policy (national baseline by default). Households and residents are bulk-imported
 * from a county's files (`xz import households|residents`, checkpoints in `import_checkpoint`) or,
 * for small files, with `importHouseholds` / `importResidents`.
 */
export const territoryFeature: SubgraphFeature = {
  entities: [Region, Zone, Grid, GridWorker, Household, Resident],
  migrations: [CreateTerritory1731000000000, ResidentIdNumberHash1733050000000, RegionCounters1772000000000, ResidentNameTokens1772000000001, importCheckpointMigration(1771000500000), ResidentNameTokensPlpgsql1774100000000, ResidentNameRows1774900000000, ResidentRedundantIndexes1775000000000],
  resolvers: [RegionResolver, RegionStatsResolver, ZoneResolver, GridResolver, GridWorkerResolver, GridValidationResolver, HouseholdResolver, ResidentResolver, RegisterImportResolver],
  importers: [householdImporter, residentImporter],
  counters: [regionCounterRebuild],
  exports: [householdsExport, residentsExport],
  references: territoryReferences,
  defaults: [bindPolicy(gridSizingPolicyPoint, () => new DefaultGridSizingPolicy())],
};

export { Region, RegionStats } from './region/region.entity';
export { Zone } from './grid/zone.entity';
export { Grid } from './grid/grid.entity';
export { GridWorker, GridWorkerRole } from './grid/grid-worker.entity';
export { Household } from './household/household.entity';
export { Resident, ResidentGender, RelationToHead } from './resident/resident.entity';
export { TerritoryAccess, outOfScope, isUuid } from './shared/access';
export { readableRegion } from './region/region.resolver';
export { readableGrid } from './grid/grid.resolver';
export { readableHousehold } from './household/household.resolver';
export { readableResident } from './resident/resident.resolver';
export { regionLoader, gridLoader, householdLoader, residentLoader, workerLoader } from './shared/loaders';
export { regionCountsLoader } from './region/region-stats.resolver';
export { upsertRegions } from './region/region.service';
export { checkRegionImport, type RegionRecord } from './region/region-import';
export { personalField } from './shared/personal-data';
export { householdImporter, residentImporter, IMPORT_MUTATION_MAX_ROWS } from './import';
