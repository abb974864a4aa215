import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 村建制调整 the village-merger log of economy: one row per saga (the merged village's organisation,
 * whether the merger created it, the reply) and each source collective's previous parent and status.
 */
export class EconomyMergerLog1770200000000 implements MigrationInterface {
  name = 'EconomyMergerLog1770200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE economy_merger_log (
      saga_id uuid PRIMARY KEY,
      organization_id uuid NOT NULL,
      created_organization boolean NOT NULL,
      state text NOT NULL CHECK (state IN ('APPLIED', 'COMPENSATED')),
      reply jsonb NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(),
      compensated_at timestamptz
    )`);
    await q.query(`CREATE TABLE economy_merger_move (
      saga_id uuid NOT NULL REFERENCES economy_merger_log (saga_id),
      organization_id uuid NOT NULL REFERENCES collective_organization (id),
      old_parent_id uuid,
      old_status text NOT NULL,
      PRIMARY KEY (saga_id, organization_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE economy_merger_move`);
    await q.query(`DROP TABLE economy_merger_log`);
  }
}
