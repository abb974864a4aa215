import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 村建制调整 the village-merger log of personnel (one row per saga, with its reply), every change the
 * merger made with the previous state (posts created, assignments created or ended, post holders,
 * cadres' village, status and departure), and the departure subsidies (离任补助, fen) it recorded.
 */
export class PersonnelMergerLog1770300000000 implements MigrationInterface {
  name = 'PersonnelMergerLog1770300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE personnel_merger_log (
      saga_id uuid PRIMARY KEY,
      target_code text NOT NULL CHECK (target_code ~ '^\\d{12}$'),
      state text NOT NULL CHECK (state IN ('APPLIED', 'COMPENSATED')),
      reply jsonb NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(),
      compensated_at timestamptz
    )`);
    await q.query(`CREATE TABLE personnel_merger_change (
      saga_id uuid NOT NULL REFERENCES personnel_merger_log (saga_id),
      kind text NOT NULL CHECK (kind IN ('POST_CREATED', 'ASSIGNMENT_CREATED', 'ASSIGNMENT_ENDED', 'POST_HOLDER', 'CADRE')),
      row_id uuid NOT NULL,
      old jsonb,
      PRIMARY KEY (saga_id, kind, row_id)
    )`);
    await q.query(`CREATE TABLE cadre_departure_subsidy (
      cadre_id uuid NOT NULL REFERENCES cadre (id),
      saga_id uuid NOT NULL,
      county_code text NOT NULL CHECK (county_code ~ '^\\d{12}$'),
      village_code text NOT NULL CHECK (village_code ~ '^\\d{12}$'),
      amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
      decided_on date NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (cadre_id, saga_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE cadre_departure_subsidy`);
    await q.query(`DROP TABLE personnel_merger_change`);
    await q.query(`DROP TABLE personnel_merger_log`);
  }
}
