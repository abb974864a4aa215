import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 月度科目汇总 the debits and credits of every account in every closed month, written when the month
 * is closed (a closed month never changes again): trial balances and balance sheets read these rows
 * for the closed months and the postings only after the last closed month.
 */
export class LedgerMonthTotals1734000000210 implements MigrationInterface {
  name = 'LedgerMonthTotals1734000000210';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE ledger_month_total (
      organization_id uuid NOT NULL REFERENCES collective_organization (id),
      month_start date NOT NULL CHECK (extract(day FROM month_start) = 1),
      account_code text NOT NULL,
      debit_fen bigint NOT NULL CHECK (debit_fen >= 0),
      credit_fen bigint NOT NULL CHECK (credit_fen >= 0),
      PRIMARY KEY (organization_id, month_start, account_code)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ledger_month_total`);
  }
}
