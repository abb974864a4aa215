import type { MigrationInterface, QueryRunner } from 'typeorm';
import { countyWallMigration, countyWallSqlV1 } from './county-wall';
import { applyMigrations, createDataSource, pgliteTemplateFile } from './data-source';

class CreateParcels1700000000400 implements MigrationInterface {
  name = 'CreateParcels1700000000400';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE parcel (id int PRIMARY KEY, county_code text NOT NULL)`);
    await q.query(`CREATE TABLE parcel_note (id int PRIMARY KEY, parcel_ref int NOT NULL REFERENCES parcel (id))`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE parcel_note, parcel');
  }
}

const walls = [
  { table: 'parcel', column: 'county_code' },
  { table: 'parcel_note', parent: 'parcel', key: 'parcel_ref' },
] as const;

describe('countyWallSqlV1 (frozen)', () => {
  it('is exactly this text, forever: a changed wall is a new version', () => {
    const scoped = `starts_with("county_code", nullif(current_setting('xz.scope', true), ''))`;
    const parent = `EXISTS (SELECT 1 FROM "parcel" p WHERE p."id" = "parcel_note"."parcel_ref")`;
    expect(countyWallSqlV1(walls)).toEqual({
      up: [
        'ALTER TABLE "parcel" ENABLE ROW LEVEL SECURITY',
        'ALTER TABLE "parcel" FORCE ROW LEVEL SECURITY',
        'CREATE POLICY xz_owner_all ON "parcel" TO CURRENT_USER USING (true) WITH CHECK (true)',
        `CREATE POLICY xz_county_wall ON "parcel" USING (${scoped}) WITH CHECK (${scoped})`,
        'ALTER TABLE "parcel_note" ENABLE ROW LEVEL SECURITY',
        'ALTER TABLE "parcel_note" FORCE ROW LEVEL SECURITY',
        'CREATE POLICY xz_owner_all ON "parcel_note" TO CURRENT_USER USING (true) WITH CHECK (true)',
        `CREATE POLICY xz_county_wall ON "parcel_note" USING (${parent}) WITH CHECK (${parent})`,
      ],
      down: [
        'DROP POLICY xz_county_wall ON "parcel_note"',
        'DROP POLICY xz_owner_all ON "parcel_note"',
        'ALTER TABLE "parcel_note" NO FORCE ROW LEVEL SECURITY',
        'ALTER TABLE "parcel_note" DISABLE ROW LEVEL SECURITY',
        'DROP POLICY xz_county_wall ON "parcel"',
        'DROP POLICY xz_owner_all ON "parcel"',
        'ALTER TABLE "parcel" NO FORCE ROW LEVEL SECURITY',
        'ALTER TABLE "parcel" DISABLE ROW LEVEL SECURITY',
      ],
    });
  });

  it('refuses a name that is not a plain SQL identifier', () => {
    expect(() => countyWallSqlV1([{ table: 'parcel; DROP TABLE x', column: 'county_code' }])).toThrow(/not a plain SQL identifier/);
    expect(() => countyWallSqlV1([{ table: 'parcel', column: 'County' }])).toThrow(/not a plain SQL identifier/);
  });
});

describe('countyWallMigration', () => {
  const ParcelsCountyWall1700000000401 = countyWallMigration('ParcelsCountyWall1700000000401', countyWallSqlV1(walls));

  it('makes a migration class named by its recorded name (timestamp at the end) that carries its SQL', () => {
    expect(ParcelsCountyWall1700000000401.name).toBe('ParcelsCountyWall1700000000401');
    expect(new ParcelsCountyWall1700000000401().name).toBe('ParcelsCountyWall1700000000401');
    const { up, down } = countyWallSqlV1(walls);
    expect(ParcelsCountyWall1700000000401.statements).toEqual([...up, ...down]);
    expect(() => countyWallMigration('ParcelsCountyWall', countyWallSqlV1(walls))).toThrow(/13-digit timestamp/);
  });

  it('walls the tables on a real database, and its down takes exactly those walls down', async () => {
    // PostgreSQL when TEST_DATABASE_URL is set (a fresh schema), else in-memory PGlite migrated from scratch (no template)
    const saved = process.env.XZ_PGLITE_TEMPLATES;
    process.env.XZ_PGLITE_TEMPLATES = '';
    const schema = `county_wall_spec_${process.pid}_${Date.now()}`;
    const db = createDataSource({ name: schema, databaseUrl: process.env.TEST_DATABASE_URL || undefined, entities: [], migrations: [CreateParcels1700000000400, ParcelsCountyWall1700000000401] });
    if (saved === undefined) delete process.env.XZ_PGLITE_TEMPLATES;
    else process.env.XZ_PGLITE_TEMPLATES = saved;
    try {
      expect(await applyMigrations(db)).toEqual(['CreateParcels1700000000400', 'ParcelsCountyWall1700000000401']);
      const state = () =>
        db.dataSource.query(
          `SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
                  array(SELECT p.polname::text FROM pg_policy p WHERE p.polrelid = c.oid ORDER BY 1) AS policies
             FROM pg_class c WHERE c.relnamespace = $1::regnamespace AND c.relname LIKE 'parcel%' AND c.relkind = 'r' ORDER BY 1`,
          [schema],
        );
      const walled = { enabled: true, forced: true, policies: ['xz_county_wall', 'xz_owner_all'] };
      expect(await state()).toEqual([{ table: 'parcel', ...walled }, { table: 'parcel_note', ...walled }]);
      await db.dataSource.undoLastMigration();
      const open = { enabled: false, forced: false, policies: [] };
      expect(await state()).toEqual([{ table: 'parcel', ...open }, { table: 'parcel_note', ...open }]);
    } finally {
      await db.dataSource.query(`DROP SCHEMA "${schema}" CASCADE`).catch(() => undefined);
      await db.dataSource.destroy();
    }
  });

  it('gives two factory-built migrations (and one whose SQL changed) different PGlite templates', () => {
    const saved = process.env.XZ_PGLITE_TEMPLATES;
    process.env.XZ_PGLITE_TEMPLATES = '/templates';
    try {
      const other = countyWallMigration('OtherCountyWall1700000000402', countyWallSqlV1(walls));
      const changed = countyWallMigration('ParcelsCountyWall1700000000401', countyWallSqlV1(walls.slice(0, 1)));
      const files = [ParcelsCountyWall1700000000401, other, changed].map((m) => pgliteTemplateFile('gadgets', [CreateParcels1700000000400, m]));
      expect(new Set(files).size).toBe(3);
      expect(pgliteTemplateFile('gadgets', [CreateParcels1700000000400, ParcelsCountyWall1700000000401])).toBe(files[0]);
    } finally {
      if (saved === undefined) delete process.env.XZ_PGLITE_TEMPLATES;
      else process.env.XZ_PGLITE_TEMPLATES = saved;
    }
  });
});
