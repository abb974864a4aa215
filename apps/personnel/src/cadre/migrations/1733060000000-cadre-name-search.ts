import type { MigrationInterface, QueryRunner } from 'typeorm';
import { nameInitials, nameSearchTerms } from '../name-search';

/**
 * Cadres are found by name and by pinyin initials without a scan: `name_initials` (张三丰 → zsf, with a
 * prefix index) and `name_terms` (every part of the name and of its initials, under a GIN index; see
 * `name-search.ts`). Both are filled on every write by the entity; this migration fills them for the
 * cadres already recorded.
 */
export class CadreNameSearch1733060000000 implements MigrationInterface {
  name = 'CadreNameSearch1733060000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cadre ADD COLUMN name_initials text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE cadre ADD COLUMN name_terms text[] NOT NULL DEFAULT '{}'`);
    const rows = (await q.query(`SELECT id, name FROM cadre`)) as { id: string; name: string }[];
    for (const row of rows) {
      await q.query(`UPDATE cadre SET name_initials = $2, name_terms = $3 WHERE id = $1`, [row.id, nameInitials(row.name), nameSearchTerms(row.name)]);
    }
    await q.query(`CREATE INDEX cadre_name_terms_idx ON cadre USING gin (name_terms)`);
    await q.query(`CREATE INDEX cadre_name_initials_idx ON cadre (name_initials text_pattern_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cadre_name_initials_idx`);
    await q.query(`DROP INDEX cadre_name_terms_idx`);
    await q.query(`ALTER TABLE cadre DROP COLUMN name_terms`);
    await q.query(`ALTER TABLE cadre DROP COLUMN name_initials`);
  }
}
