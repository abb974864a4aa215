import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 村集体经济经营性收入投影 the plugin's projection, in the personnel database, of each collective
 * organisation's operating income per month, fed by the economy subgraph's `economy.income.recorded`
 * events (the month's total after each voucher, integer fen). Only villages of enabling counties are kept.
 */
export class LongshanCollectiveIncome1769000000000 implements MigrationInterface {
  name = 'LongshanCollectiveIncome1769000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE longshan_collective_income (
      organization_id uuid NOT NULL,
      village_code text NOT NULL CHECK (village_code ~ '^\\d{12}$'),
      year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      month int NOT NULL CHECK (month BETWEEN 1 AND 12),
      month_total_fen bigint NOT NULL,
      last_voucher_id uuid NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (organization_id, year, month)
    )`);
    await q.query(`CREATE INDEX longshan_collective_income_village_idx ON longshan_collective_income (village_code, year, month)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE longshan_collective_income`);
  }
}
