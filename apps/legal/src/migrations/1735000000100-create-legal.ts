import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The legal tables: advisors and their village assignments and service records, legal-service
 * requests, legal-aid applications, disputes with parties, mediation sessions and escalation steps,
 * petitions, lawsuit counts per village and year, and designations per village, year and kind.
 * Money is integer fen (`bigint`); codes are 12-digit division codes.
 */
export class CreateLegal1735000000100 implements MigrationInterface {
  name = 'CreateLegal1735000000100';

  async up(q: QueryRunner): Promise<void> {
    const code = (col: string): string => `${col} text NOT NULL CHECK (${col} ~ '^\\d{12}$')`;
    await q.query(`CREATE TABLE legal_advisor (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      ${code('county_code')},
      name text NOT NULL,
      law_firm text NOT NULL,
      certificate_no text NOT NULL UNIQUE CHECK (certificate_no ~ '^\\d{17}$'),
      max_villages int NOT NULL DEFAULT 5 CHECK (max_villages > 0),
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX legal_advisor_county_idx ON legal_advisor (county_code)`);
    await q.query(`CREATE TABLE legal_advisor_assignment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      advisor_id uuid NOT NULL REFERENCES legal_advisor (id),
      ${code('village_code')},
      start_date date NOT NULL,
      end_date date,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (end_date IS NULL OR end_date >= start_date)
    )`);
    await q.query(`CREATE INDEX legal_advisor_assignment_village_idx ON legal_advisor_assignment (village_code text_pattern_ops)`);
    await q.query(`CREATE INDEX legal_advisor_assignment_advisor_idx ON legal_advisor_assignment (advisor_id)`);
    await q.query(`CREATE TABLE legal_service_record (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      advisor_id uuid NOT NULL REFERENCES legal_advisor (id),
      ${code('village_code')},
      service_date date NOT NULL,
      kind text NOT NULL,
      minutes int NOT NULL CHECK (minutes > 0),
      consultations int NOT NULL DEFAULT 0 CHECK (consultations >= 0),
      note text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX legal_service_record_advisor_idx ON legal_service_record (advisor_id, service_date)`);
    await q.query(`CREATE TABLE legal_service_request (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      ${code('village_code')},
      resident_id uuid NOT NULL,
      category text NOT NULL,
      text text NOT NULL,
      status text NOT NULL DEFAULT 'OPEN',
      requested_on date NOT NULL,
      deadline date NOT NULL,
      answer text,
      answered_on date,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX legal_service_request_village_idx ON legal_service_request (village_code text_pattern_ops, requested_on)`);
    await q.query(`CREATE TABLE legal_aid_application (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      ${code('village_code')},
      applicant_resident_id uuid NOT NULL,
      matter text NOT NULL,
      kind text NOT NULL,
      catalogue_code text,
      basis text NOT NULL,
      monthly_income_per_head_fen bigint CHECK (monthly_income_per_head_fen >= 0),
      assessment jsonb NOT NULL,
      policy_source text NOT NULL,
      status text NOT NULL DEFAULT 'PENDING',
      decision_reasons jsonb,
      decided_by text,
      decided_on date,
      applied_on date NOT NULL,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX legal_aid_application_village_idx ON legal_aid_application (village_code text_pattern_ops)`);
    await q.query(`CREATE INDEX legal_aid_application_applicant_idx ON legal_aid_application (applicant_resident_id)`);
    await q.query(`CREATE TABLE dispute (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      ${code('village_code')},
      category text NOT NULL,
      summary text NOT NULL,
      amount_fen bigint CHECK (amount_fen >= 0),
      risk_level text NOT NULL,
      crime_risk boolean NOT NULL DEFAULT false,
      tier text NOT NULL CHECK (tier IN ('VILLAGE', 'TOWNSHIP', 'COUNTY')),
      deadline date NOT NULL,
      status text NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
      outcome text CHECK (outcome IN ('MEDIATED', 'WITHDRAWN', 'REFERRED_TO_COURT', 'REFERRED_TO_ARBITRATION')),
      opened_on date NOT NULL,
      closed_on date,
      incident_id uuid UNIQUE,
      policy_source text NOT NULL,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'CLOSED') = (outcome IS NOT NULL AND closed_on IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX dispute_village_idx ON dispute (village_code text_pattern_ops, opened_on)`);
    await q.query(`CREATE INDEX dispute_overdue_idx ON dispute (deadline, id) WHERE status = 'OPEN'`);
    await q.query(`CREATE TABLE dispute_party (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dispute_id uuid NOT NULL REFERENCES dispute (id),
      resident_id uuid,
      name text NOT NULL,
      role text NOT NULL,
      position int NOT NULL
    )`);
    await q.query(`CREATE INDEX dispute_party_dispute_idx ON dispute_party (dispute_id)`);
    await q.query(`CREATE INDEX dispute_party_resident_idx ON dispute_party (resident_id) WHERE resident_id IS NOT NULL`);
    await q.query(`CREATE TABLE dispute_mediation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dispute_id uuid NOT NULL REFERENCES dispute (id),
      tier text NOT NULL,
      mediator text NOT NULL,
      held_on date NOT NULL,
      result text NOT NULL CHECK (result IN ('AGREEMENT', 'PARTIAL', 'NO_AGREEMENT')),
      agreement text,
      note text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((result = 'AGREEMENT') = (agreement IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX dispute_mediation_dispute_idx ON dispute_mediation (dispute_id)`);
    await q.query(`CREATE TABLE dispute_escalation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dispute_id uuid NOT NULL REFERENCES dispute (id),
      from_tier text NOT NULL,
      to_tier text NOT NULL,
      escalated_on date NOT NULL,
      deadline date NOT NULL,
      automatic boolean NOT NULL,
      reason text NOT NULL,
      actor_id text NOT NULL,
      policy_source text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (dispute_id, from_tier)
    )`);
    await q.query(`CREATE TABLE petition (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      ${code('village_code')},
      petitioner_resident_id uuid,
      petitioner_name text NOT NULL,
      level text NOT NULL CHECK (level IN ('VILLAGE', 'TOWNSHIP', 'COUNTY', 'ABOVE')),
      summary text NOT NULL,
      received_on date NOT NULL,
      deadline date NOT NULL,
      dispute_id uuid REFERENCES dispute (id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX petition_village_idx ON petition (village_code text_pattern_ops, received_on)`);
    await q.query(`CREATE TABLE lawsuit_count (
      ${code('village_code')},
      year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      lawsuits int NOT NULL CHECK (lawsuits >= 0),
      recorded_by text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (village_code, year)
    )`);
    await q.query(`CREATE INDEX lawsuit_count_year_idx ON lawsuit_count (year, village_code text_pattern_ops)`);
    await q.query(`CREATE TABLE safe_village_designation (
      ${code('village_code')},
      year int NOT NULL,
      kind text NOT NULL,
      designated boolean NOT NULL,
      reasons_for jsonb NOT NULL,
      reasons_against jsonb NOT NULL,
      policy_source text NOT NULL,
      decided_on date NOT NULL,
      PRIMARY KEY (year, kind, village_code)
    )`);
    await q.query(`CREATE INDEX safe_village_designation_village_idx ON safe_village_designation (village_code text_pattern_ops, year)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'safe_village_designation',
      'lawsuit_count',
      'petition',
      'dispute_escalation',
      'dispute_mediation',
      'dispute_party',
      'dispute',
      'legal_aid_application',
      'legal_service_request',
      'legal_service_record',
      'legal_advisor_assignment',
      'legal_advisor',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
