import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { applyMigrations, createDataSource, pgliteTemplateFile } from './data-source';

class CreateGadget1700000000300 implements MigrationInterface {
  name = 'CreateGadget1700000000300';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE gadget (id int PRIMARY KEY, name text NOT NULL)`);
    await q.query(`INSERT INTO gadget VALUES (1, 'from the migration')`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE gadget');
  }
}

class CreateGadgetChanged1700000000300 implements MigrationInterface {
  name = 'CreateGadget1700000000300';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE gadget (id int PRIMARY KEY, name text NOT NULL, colour text)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE gadget');
  }
}

describe('PGlite migration templates (XZ_PGLITE_TEMPLATES)', () => {
  const saved = process.env.XZ_PGLITE_TEMPLATES;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xz-template-spec-'));
  beforeAll(() => {
    process.env.XZ_PGLITE_TEMPLATES = dir;
  });
  afterAll(() => {
    process.env.XZ_PGLITE_TEMPLATES = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('migrates the first database and dumps it; the next starts from the dump with every migration applied and no data of the first', async () => {
    const file = pgliteTemplateFile('gadgets', [CreateGadget1700000000300])!;
    expect(fs.existsSync(file)).toBe(false);
    const first = createDataSource({ name: 'gadgets', entities: [], migrations: [CreateGadget1700000000300] });
    expect(await applyMigrations(first)).toEqual(['CreateGadget1700000000300']);
    expect(fs.existsSync(file)).toBe(true);
    await first.dataSource.query(`INSERT INTO gadget VALUES (2, 'written by a test')`);
    await first.dataSource.destroy();

    const second = createDataSource({ name: 'gadgets', entities: [], migrations: [CreateGadget1700000000300] });
    expect(await applyMigrations(second)).toEqual([]);
    expect(await second.dataSource.query('SELECT id, name FROM gadget ORDER BY id')).toEqual([{ id: 1, name: 'from the migration' }]);
    await second.dataSource.destroy();
  });

  it('never loads the template of a migration whose code changed', async () => {
    expect(pgliteTemplateFile('gadgets', [CreateGadgetChanged1700000000300])).not.toBe(pgliteTemplateFile('gadgets', [CreateGadget1700000000300]));
    const changed = createDataSource({ name: 'gadgets', entities: [], migrations: [CreateGadgetChanged1700000000300] });
    expect(await applyMigrations(changed)).toEqual(['CreateGadget1700000000300']);
    const columns = (await changed.dataSource.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'gadget' ORDER BY ordinal_position`)) as { column_name: string }[];
    expect(columns.map((c) => c.column_name)).toEqual(['id', 'name', 'colour']);
    await changed.dataSource.destroy();
  });

  it('caches nothing without the variable', () => {
    process.env.XZ_PGLITE_TEMPLATES = '';
    expect(pgliteTemplateFile('gadgets', [CreateGadget1700000000300])).toBeUndefined();
    process.env.XZ_PGLITE_TEMPLATES = dir;
  });
});
