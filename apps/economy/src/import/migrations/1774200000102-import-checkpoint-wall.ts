import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The county wall (row-level security, see the kernel's `county-wall.ts`) on `import_checkpoint`: a checkpoint belongs to its county. */
export class EconomyImportCheckpointWall1774200000102 implements MigrationInterface {
  name = 'EconomyImportCheckpointWall1774200000102';

  async up(q: QueryRunner): Promise<void> {
    const rule = `starts_with("county_code", nullif(current_setting('xz.scope', true), ''))`;
    await q.query(`ALTER TABLE "import_checkpoint" ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE "import_checkpoint" FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY xz_owner_all ON "import_checkpoint" TO CURRENT_USER USING (true) WITH CHECK (true)`);
    await q.query(`CREATE POLICY xz_county_wall ON "import_checkpoint" USING (${rule}) WITH CHECK (${rule})`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY xz_county_wall ON "import_checkpoint"`);
    await q.query(`DROP POLICY xz_owner_all ON "import_checkpoint"`);
    await q.query(`ALTER TABLE "import_checkpoint" NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE "import_checkpoint" DISABLE ROW LEVEL SECURITY`);
  }
}
