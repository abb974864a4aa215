import { importCheckpointMigration, type SubgraphFeature } from '@xiangzhi/kernel';
import { PersonnelImportResolver } from './import.resolver';
import { CadreIdNumberHash1774200000000 } from './migrations/1774200000000-cadre-id-number-hash';
import { PersonnelImportCheckpointWall1774200000002 } from './migrations/1774200000002-import-checkpoint-wall';
import { cadreImporter, partyMemberImporter } from './register-import';

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
