import { countyWallMigration, countyWallSqlV1, importCheckpointMigration, type SubgraphFeature } from '@xiangzhi/kernel';
import { PersonnelImportResolver } from './import.resolver';
import { CadreIdNumberHash1774200000000 } from './migrations/1774200000000-cadre-id-number-hash';
import { cadreImporter, partyMemberImporter } from './register-import';

/** The county wall on `import_checkpoint` (a checkpoint belongs to its county), SQL frozen by the kernel's V1 walls. */
const PersonnelImportCheckpointWall1774200000002 = countyWallMigration('PersonnelImportCheckpointWall1774200000002', countyWallSqlV1([{ table: 'import_checkpoint', column: 'county_code' }]));

/**
 * 批量导入 the personnel registers a county loads once: cadres and Party members from the county's
 * CSV or XLSX files (`xz import cadres|party-members`, checkpoints in `import_checkpoint`) or, for
 * small CSV files, `importCadres` / `importPartyMembers`.
 */
export const importFeature: SubgraphFeature = {
  migrations: [CadreIdNumberHash1774200000000, importCheckpointMigration(1774200000001), PersonnelImportCheckpointWall1774200000002],
  resolvers: [PersonnelImportResolver],
  importers: [cadreImporter, partyMemberImporter],
};

export { cadreImporter, partyMemberImporter, type CadreImportRecord, type PartyMemberImportRecord } from './register-import';
