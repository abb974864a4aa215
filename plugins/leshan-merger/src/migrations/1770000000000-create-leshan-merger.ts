import type { MigrationInterface, QueryRunner } from 'typeorm';

const CODE = `~ '^\\d{12}$'`;

/**
 * 村建制调整 the plugin's tables in the economy database: merger plans with their source villages
 * (registered population, area, the confirmed 清产核资 figures), risk items, candidates of the new team
 * and their four-level reviews, each source cadre's diversion with the one-on-one talk, the saga's
 * steps; the village profiles the statistics read; the projection of serving cadres (personnel events).
 */
export class CreateLeshanMerger1770000000000 implements MigrationInterface {
  name = 'CreateLeshanMerger1770000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE lsm_plan (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      county_code text NOT NULL CHECK (county_code ${CODE}),
      target_code text NOT NULL CHECK (target_code ${CODE}),
      target_name text NOT NULL CHECK (length(target_name) BETWEEN 1 AND 100),
      creates_target boolean NOT NULL,
      effective_date date NOT NULL,
      status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'APPROVED', 'EXECUTING', 'EXECUTED', 'COMPENSATING', 'COMPENSATED')),
      risk_level text NOT NULL CHECK (risk_level IN ('LOW', 'MEDIUM', 'HIGH')),
      new_organization_name text,
      new_organization_credit_code text,
      saga_id uuid UNIQUE,
      failed_step text,
      failure_rule text,
      failure_value text,
      failure_reason text,
      created_by text NOT NULL,
      approved_by text,
      approved_at timestamptz,
      executed_by text,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX lsm_plan_county_idx ON lsm_plan (county_code, created_at)`);
    await q.query(`CREATE TABLE lsm_plan_source (
      plan_id uuid NOT NULL REFERENCES lsm_plan (id),
      village_code text NOT NULL CHECK (village_code ${CODE}),
      registered_population int NOT NULL CHECK (registered_population >= 0),
      area_hectares int NOT NULL CHECK (area_hectares > 0),
      organization_id uuid,
      assets_fen bigint,
      liabilities_fen bigint,
      resources_fen bigint,
      confirmed_by text,
      confirmed_at timestamptz,
      PRIMARY KEY (plan_id, village_code)
    )`);
    await q.query(`CREATE TABLE lsm_risk (
      plan_id uuid NOT NULL REFERENCES lsm_plan (id),
      seq int NOT NULL,
      description text NOT NULL,
      level text NOT NULL CHECK (level IN ('LOW', 'MEDIUM', 'HIGH')),
      mitigation text NOT NULL,
      PRIMARY KEY (plan_id, seq)
    )`);
    await q.query(`CREATE TABLE lsm_candidate (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      plan_id uuid NOT NULL REFERENCES lsm_plan (id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
      post_code text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX lsm_candidate_plan_idx ON lsm_candidate (plan_id)`);
    await q.query(`CREATE TABLE lsm_candidate_review (
      candidate_id uuid NOT NULL REFERENCES lsm_candidate (id),
      level text NOT NULL CHECK (level IN ('VILLAGE', 'TOWNSHIP', 'DEPARTMENT_JOINT', 'COUNTY_LEADING_GROUP')),
      seq int NOT NULL CHECK (seq BETWEEN 1 AND 4),
      passed boolean NOT NULL,
      reviewer text NOT NULL,
      reviewed_on date NOT NULL,
      note text,
      PRIMARY KEY (candidate_id, level),
      UNIQUE (candidate_id, seq)
    )`);
    await q.query(`CREATE TABLE lsm_diversion (
      plan_id uuid NOT NULL REFERENCES lsm_plan (id),
      cadre_id uuid NOT NULL,
      village_code text NOT NULL CHECK (village_code ${CODE}),
      decision text NOT NULL CHECK (decision IN ('KEPT', 'MOVED', 'LEAVING')),
      post_code text,
      subsidy_fen bigint CHECK (subsidy_fen >= 0),
      talked_on date NOT NULL,
      talked_by text NOT NULL,
      talk_summary text NOT NULL,
      decided_by text NOT NULL,
      PRIMARY KEY (plan_id, cadre_id),
      CHECK ((decision = 'KEPT') = (post_code IS NOT NULL)),
      CHECK ((decision = 'LEAVING') = (subsidy_fen IS NOT NULL))
    )`);
    await q.query(`CREATE TABLE lsm_step (
      plan_id uuid NOT NULL REFERENCES lsm_plan (id),
      step text NOT NULL CHECK (step IN ('GRIDS', 'ECONOMY', 'PERSONNEL')),
      seq int NOT NULL,
      state text NOT NULL CHECK (state IN ('PENDING', 'SENT', 'APPLIED', 'FAILED', 'COMPENSATING', 'COMPENSATED')),
      sent_at timestamptz,
      applied_at timestamptz,
      failed_at timestamptz,
      compensating_at timestamptz,
      compensated_at timestamptz,
      reason text,
      PRIMARY KEY (plan_id, step)
    )`);
    await q.query(`CREATE TABLE lsm_village_profile (
      village_code text PRIMARY KEY CHECK (village_code ${CODE}),
      registered_population int NOT NULL CHECK (registered_population >= 0),
      area_hectares int NOT NULL CHECK (area_hectares > 0),
      plan_id uuid REFERENCES lsm_plan (id),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE lsm_cadre (
      cadre_id uuid PRIMARY KEY,
      village_code text NOT NULL CHECK (village_code ${CODE}),
      serving boolean NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX lsm_cadre_village_idx ON lsm_cadre (village_code) WHERE serving`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['lsm_cadre', 'lsm_village_profile', 'lsm_step', 'lsm_diversion', 'lsm_candidate_review', 'lsm_candidate', 'lsm_risk', 'lsm_plan_source', 'lsm_plan']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
