import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 月度积分计数 a household's net approved points per month, kept with each approval (so leaderboards
 * and yearly ratings read one row per household and month instead of recounting the ledger), filled
 * from the ledger for what was approved before.
 */
export class HouseholdMonthPoints1736000000200 implements MigrationInterface {
  name = 'HouseholdMonthPoints1736000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE household_month_points (
      household_id uuid NOT NULL,
      month text NOT NULL,
      county_code text NOT NULL,
      village_code text NOT NULL,
      points int NOT NULL DEFAULT 0,
      PRIMARY KEY (household_id, month)
    )`);
    await q.query(`CREATE INDEX household_month_points_month ON household_month_points (month, village_code text_pattern_ops)`);
    await q.query(`INSERT INTO household_month_points (household_id, month, county_code, village_code, points)
      SELECT household_id, month, min(county_code), min(village_code), sum(points) FROM points_entry WHERE status = 'APPROVED' GROUP BY household_id, month`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE household_month_points`);
  }
}
