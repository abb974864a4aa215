import { importCheckpointMigration, type SubgraphFeature } from '@xiangzhi/kernel';
import { EconomyImportResolver } from './import.resolver';
import { EconomyImportCheckpointWall1774200000102 } from './migrations/1774200000102-import-checkpoint-wall';
import { memberImporter } from './member-import';

/**
 * 批量导入 the economy registers a county loads once: members of collective organisations from the
 * county's CSV or XLSX files (`xz import collective-members`, checkpoints in `import_checkpoint`) or,
 * for small CSV files, `importCollectiveMembers`.
 */
export const importFeature: SubgraphFeature = {
  migrations: [importCheckpointMigration(1774200000101), EconomyImportCheckpointWall1774200000102],
  resolvers: [EconomyImportResolver],
  importers: [memberImporter],
};

export { memberImporter, type MemberImportRecord } from './member-import';
