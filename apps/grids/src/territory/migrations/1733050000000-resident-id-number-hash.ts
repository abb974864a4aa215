import type { MigrationInterface, QueryRunner } from 'typeorm';
import { idNumberHash } from '../resident/id-number-hash';

/**
 * Residents are found by ID number through a keyed hash (`id_number_hash`, HMAC-SHA256 with
 * `XZ_ID_HASH_SECRET`, unique index), never by a plaintext comparison. Every write fills it (the
 * entity, the demo seed); this migration fills it for the residents already recorded, with the key of
 * the process that migrates — the same environment the subgraph serves with. A changed key needs the
 * column recomputed (`UPDATE … SET id_number_hash = …` from a script using `idNumberHash`).
 */
export class ResidentIdNumberHash1733050000000 implements MigrationInterface {
  name = 'ResidentIdNumberHash1733050000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE resident ADD COLUMN id_number_hash text`);
    const rows = (await q.query(`SELECT id, id_number FROM resident`)) as { id: string; id_number: string }[];
    for (const row of rows) await q.query(`UPDATE resident SET id_number_hash = $2 WHERE id = $1`, [row.id, idNumberHash(row.id_number)]);
    await q.query(`ALTER TABLE resident ALTER COLUMN id_number_hash SET NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX resident_id_number_hash_key ON resident (id_number_hash)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX resident_id_number_hash_key`);
    await q.query(`ALTER TABLE resident DROP COLUMN id_number_hash`);
  }
}
