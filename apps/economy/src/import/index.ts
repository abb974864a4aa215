import { countyWallMigration, countyWallSqlV1, importCheckpointMigration, type SubgraphFeature } from '@xiangzhi/kernel';
import { EconomyImportResolver } from './import.resolver';
import { memberImporter } from './member-import';

/** The county wall on `import_checkpoint` (a checkpoint belongs to its county), SQL frozen by the kernel's V1 walls. */
const EconomyImportCheckpointWall1774200000102 = countyWallMigration('EconomyImportCheckpointWall1774200000102', countyWallSqlV1([{ table: 'import_checkpoint', column: 'county_code' }]));

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
