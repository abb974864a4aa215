import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 村建制调整 the village-merger log of grids: one row per saga (what was applied and the reply) and
 * the previous state of every row the merger moved (kind, key, previous village code and previous
 * code, number, name or valid-to), so that compensation restores exactly what was there.
 */
export class VillageMergerLog1770100000000 implements MigrationInterface {
  name = 'VillageMergerLog1770100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE village_merger_log (
      saga_id uuid PRIMARY KEY,
      target_code text NOT NULL CHECK (target_code ~ '^\\d{12}$'),
      created_target boolean NOT NULL,
      effective_date date NOT NULL,
      state text NOT NULL CHECK (state IN ('APPLIED', 'COMPENSATED')),
      reply jsonb NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(),
      compensated_at timestamptz
    )`);
    await q.query(`CREATE TABLE village_merger_move (
      saga_id uuid NOT NULL REFERENCES village_merger_log (saga_id),
      kind text NOT NULL CHECK (kind IN ('REGION', 'ZONE', 'GRID', 'HOUSEHOLD', 'RESIDENT', 'GRID_WORKER')),
      row_key text NOT NULL,
      old_village_code text,
      old_value text,
      PRIMARY KEY (saga_id, kind, row_key)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE village_merger_move`);
    await q.query(`DROP TABLE village_merger_log`);
  }
}
