import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pay records say how many days of their month the cadre held a post of the village (`days_held`
 * of `days_in_month`): a payroll pays who held which post in that month, base and rank pay pro rata
 * for a partial month. Records computed before this migration have neither (null). Each stored
 * component (the `components` jsonb) may now carry its `data` and keeps its true source in `policy`.
 */
export class PayRecordTenure1733040000000 implements MigrationInterface {
  name = 'PayRecordTenure1733040000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE pay_record ADD COLUMN days_held int CHECK (days_held BETWEEN 0 AND 31)`);
    await q.query(`ALTER TABLE pay_record ADD COLUMN days_in_month int CHECK (days_in_month BETWEEN 28 AND 31)`);
    await q.query(`ALTER TABLE pay_record ADD CONSTRAINT pay_record_days_within_month_check CHECK (days_held IS NULL OR days_held <= days_in_month)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE pay_record DROP CONSTRAINT pay_record_days_within_month_check`);
    await q.query(`ALTER TABLE pay_record DROP COLUMN days_in_month`);
    await q.query(`ALTER TABLE pay_record DROP COLUMN days_held`);
  }
}
