import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 收益分配 distribution runs, one per organisation and year, with the split the policy made (jsonb),
 * the voucher that booked it, and every member's amount of every part (integer fen).
 */
export class CreateDistribution1734000000400 implements MigrationInterface {
  name = 'CreateDistribution1734000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE economy_distribution (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES collective_organization (id),
      village_code text NOT NULL,
      year int NOT NULL,
      net_surplus_fen bigint NOT NULL,
      reserve_fen bigint NOT NULL CHECK (reserve_fen >= 0),
      surplus_fen bigint NOT NULL CHECK (surplus_fen > 0),
      parts jsonb NOT NULL,
      rounding text NOT NULL,
      policy_source text NOT NULL,
      member_count int NOT NULL CHECK (member_count > 0),
      voucher_id uuid NOT NULL REFERENCES ledger_voucher (id),
      major_matter_id uuid,
      run_on date NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, year)
    )`);
    await q.query(`CREATE INDEX economy_distribution_village_idx ON economy_distribution (village_code text_pattern_ops, year)`);
    await q.query(`CREATE TABLE economy_distribution_line (
      distribution_id uuid NOT NULL REFERENCES economy_distribution (id),
      member_id uuid NOT NULL REFERENCES economy_member (id),
      part text NOT NULL CHECK (part IN ('GUARANTEED_DIVIDEND', 'PROFIT_DIVIDEND', 'WAGES', 'LAND_RENT')),
      shares int NOT NULL CHECK (shares >= 0),
      amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
      PRIMARY KEY (distribution_id, member_id, part)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE economy_distribution_line`);
    await q.query(`DROP TABLE economy_distribution`);
  }
}
