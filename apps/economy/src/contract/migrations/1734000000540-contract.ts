import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 资产资源发包合同 leases of a collective asset or resource: counterparty, term (whole months),
 * yearly amount and total in fen, the major matter that authorised it; the payment schedule
 * generated from the term (one row per instalment, what has been paid against it) and the payments.
 */
export class LeaseContracts1734000000540 implements MigrationInterface {
  name = 'LeaseContracts1734000000540';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE lease_contract (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      county_code text NOT NULL CHECK (county_code ~ '^\\d{12}$'),
      village_code text NOT NULL CHECK (village_code ~ '^\\d{12}$'),
      organization_id uuid NOT NULL REFERENCES collective_organization (id),
      asset_id uuid REFERENCES collective_asset (id),
      resource_id uuid REFERENCES collective_resource (id),
      counterparty text NOT NULL CHECK (length(counterparty) BETWEEN 1 AND 100),
      term_start date NOT NULL,
      term_end date NOT NULL CHECK (term_end > term_start),
      term_months int NOT NULL CHECK (term_months > 0),
      yearly_amount_fen bigint NOT NULL CHECK (yearly_amount_fen > 0),
      total_fen bigint NOT NULL CHECK (total_fen > 0),
      payment_frequency text NOT NULL CHECK (payment_frequency IN ('YEARLY', 'HALF_YEARLY', 'QUARTERLY', 'MONTHLY')),
      major_matter_id uuid REFERENCES major_matter (id),
      signed_on date NOT NULL,
      version int NOT NULL DEFAULT 1,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((asset_id IS NULL) <> (resource_id IS NULL))
    )`);
    await q.query(`CREATE INDEX lease_contract_village ON lease_contract (village_code text_pattern_ops, term_start, id)`);
    await q.query(`CREATE INDEX lease_contract_asset ON lease_contract (asset_id, term_start) WHERE asset_id IS NOT NULL`);
    await q.query(`CREATE INDEX lease_contract_resource ON lease_contract (resource_id, term_start) WHERE resource_id IS NOT NULL`);
    await q.query(`CREATE TABLE lease_instalment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      contract_id uuid NOT NULL REFERENCES lease_contract (id),
      village_code text NOT NULL CHECK (village_code ~ '^\\d{12}$'),
      seq int NOT NULL CHECK (seq > 0),
      due_on date NOT NULL,
      months int NOT NULL CHECK (months > 0),
      amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
      paid_fen bigint NOT NULL DEFAULT 0 CHECK (paid_fen >= 0 AND paid_fen <= amount_fen),
      UNIQUE (contract_id, seq)
    )`);
    await q.query(`CREATE INDEX lease_instalment_unpaid ON lease_instalment (village_code text_pattern_ops, due_on) WHERE paid_fen < amount_fen`);
    await q.query(`CREATE TABLE lease_payment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      contract_id uuid NOT NULL REFERENCES lease_contract (id),
      village_code text NOT NULL CHECK (village_code ~ '^\\d{12}$'),
      paid_on date NOT NULL,
      amount_fen bigint NOT NULL CHECK (amount_fen > 0),
      recorded_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX lease_payment_contract ON lease_payment (contract_id, paid_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE lease_payment`);
    await q.query(`DROP TABLE lease_instalment`);
    await q.query(`DROP TABLE lease_contract`);
  }
}
