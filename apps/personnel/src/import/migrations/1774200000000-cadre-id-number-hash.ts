import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cadres imported from a county's register keep the keyed hash of their ID number (never the number
 * itself): unique, so a cadre is registered once (`xz import cadres` refuses a number already there).
 */
export class CadreIdNumberHash1774200000000 implements MigrationInterface {
  name = 'CadreIdNumberHash1774200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cadre ADD COLUMN id_number_hash text`);
    await q.query(`CREATE UNIQUE INDEX cadre_id_number_hash_key ON cadre (id_number_hash) WHERE id_number_hash IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cadre_id_number_hash_key`);
    await q.query(`ALTER TABLE cadre DROP COLUMN id_number_hash`);
  }
}
