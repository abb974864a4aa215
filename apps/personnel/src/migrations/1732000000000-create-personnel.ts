import type { MigrationInterface, QueryRunner } from 'typeorm';

const CODE = `~ '^\\d{12}$'`;

/** Scope columns every region-scoped personnel row carries, with prefix indexes. */
function scoped(regionColumn = 'village_code'): string {
  return `county_code text NOT NULL CHECK (county_code ${CODE}),
      ${regionColumn} text NOT NULL CHECK (${regionColumn} ${CODE})`;
}

/**
 * 干部队伍 the personnel tables: cadres, posts and their holders' history, duty check-ins, leave,
 * inspection findings and sanctions, appraisals, rank history, pay records, training, the talent pool,
 * Party organisations and members with their points ledger, and the event outbox. Every computed
 * decision is stored with the policy and rule that produced it (`jsonb` decision columns).
 */
export class CreatePersonnel1732000000000 implements MigrationInterface {
  name = 'CreatePersonnel1732000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE talent (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      ${scoped()},
      resident_id uuid,
      name text NOT NULL CHECK (length(name) > 0),
      gender text NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
      birth_date date NOT NULL,
      education_level text NOT NULL,
      kind text NOT NULL,
      note text,
      status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'APPOINTED', 'REMOVED')),
      cadre_id uuid,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX talent_village_idx ON talent (village_code text_pattern_ops)`);

    await q.query(`CREATE TABLE cadre (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      ${scoped()},
      resident_id uuid,
      name text NOT NULL CHECK (length(name) > 0),
      gender text NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
      birth_date date NOT NULL,
      education_level text NOT NULL CHECK (education_level IN ('PRIMARY', 'JUNIOR_HIGH', 'HIGH_SCHOOL', 'COLLEGE', 'BACHELOR', 'POSTGRADUATE')),
      party_member boolean NOT NULL,
      party_join_date date,
      status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED', 'LEFT')),
      full_time boolean NOT NULL DEFAULT false,
      service_start date NOT NULL,
      close_relatives jsonb NOT NULL DEFAULT '[]',
      rank_level int,
      talent_id uuid REFERENCES talent (id),
      departure_type text,
      departure_date date,
      departure_reason text,
      honor jsonb,
      honor_payment numeric(12, 2),
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (party_member = (party_join_date IS NOT NULL)),
      CHECK ((status = 'LEFT') = (departure_date IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX cadre_village_idx ON cadre (village_code text_pattern_ops)`);
    // One serving cadre record per person: a resident is appointed once and may hold several posts.
    await q.query(`CREATE UNIQUE INDEX cadre_resident_serving_idx ON cadre (resident_id) WHERE resident_id IS NOT NULL AND status <> 'LEFT'`);

    await q.query(`CREATE TABLE post (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      ${scoped()},
      code text NOT NULL CHECK (length(code) > 0),
      title text NOT NULL CHECK (length(title) > 0),
      category text NOT NULL,
      responsibilities jsonb NOT NULL DEFAULT '[]',
      targets jsonb NOT NULL DEFAULT '[]',
      full_time boolean NOT NULL DEFAULT false,
      leave_approver text NOT NULL CHECK (leave_approver IN ('TOWNSHIP', 'VILLAGE_SECRETARY')),
      template jsonb NOT NULL,
      holder_id uuid REFERENCES cadre (id),
      active boolean NOT NULL DEFAULT true,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (village_code, code)
    )`);
    await q.query(`CREATE INDEX post_village_idx ON post (village_code text_pattern_ops)`);
    await q.query(`CREATE INDEX post_holder_idx ON post (holder_id)`);

    await q.query(`CREATE TABLE post_assignment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      ${scoped()},
      post_id uuid NOT NULL REFERENCES post (id),
      cadre_id uuid NOT NULL REFERENCES cadre (id),
      start_date date NOT NULL,
      end_date date,
      end_reason text,
      vetting jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (end_date IS NULL OR end_date >= start_date)
    )`);
    // A post has at most one holder at a time: a concurrent second appointment fails here (CONFLICT).
    await q.query(`CREATE UNIQUE INDEX post_assignment_open_idx ON post_assignment (post_id) WHERE end_date IS NULL`);
    await q.query(`CREATE INDEX post_assignment_cadre_idx ON post_assignment (cadre_id)`);

    await q.query(`CREATE TABLE duty_check_in (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      ${scoped()},
      cadre_id uuid NOT NULL REFERENCES cadre (id),
      duty_date date NOT NULL,
      hours numeric(4, 2) NOT NULL CHECK (hours > 0 AND hours <= 24),
      note text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX duty_check_in_village_date_idx ON duty_check_in (village_code, duty_date)`);
    await q.query(`CREATE INDEX duty_check_in_cadre_idx ON duty_check_in (cadre_id, duty_date)`);

    await q.query(`CREATE TABLE leave_request (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      ${scoped()},
      cadre_id uuid NOT NULL REFERENCES cadre (id),
      from_date date NOT NULL,
      to_date date NOT NULL,
      reason text NOT NULL CHECK (length(reason) > 0),
      status text NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'REPORTED_BACK')),
      approver_level text NOT NULL CHECK (approver_level IN ('TOWNSHIP', 'VILLAGE_SECRETARY')),
      approver_decision jsonb NOT NULL,
      decided_by text,
      decided_at timestamptz,
      decision_note text,
      reported_back_on date,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (to_date >= from_date)
    )`);
    await q.query(`CREATE INDEX leave_request_village_idx ON leave_request (village_code text_pattern_ops)`);
    await q.query(`CREATE INDEX leave_request_cadre_idx ON leave_request (cadre_id, from_date)`);

    await q.query(`CREATE TABLE sanction (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      ${scoped()},
      cadre_id uuid NOT NULL REFERENCES cadre (id),
      finding_id uuid,
      decided_on date NOT NULL,
      measures jsonb NOT NULL,
      deduction_share numeric(5, 4) NOT NULL DEFAULT 0 CHECK (deduction_share >= 0 AND deduction_share <= 1),
      deduction_period text CHECK (deduction_period IN ('MONTH', 'QUARTER')),
      deduction_month text CHECK (deduction_month ~ '^\\d{4}-\\d{2}$'),
      disciplinary boolean NOT NULL DEFAULT false,
      decision jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX sanction_cadre_idx ON sanction (cadre_id, decided_on)`);
    await q.query(`CREATE INDEX sanction_village_idx ON sanction (village_code text_pattern_ops)`);

    await q.query(`CREATE TABLE inspection_finding (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      ${scoped()},
      cadre_id uuid NOT NULL REFERENCES cadre (id),
      found_on date NOT NULL,
      occurrence_in_year int NOT NULL CHECK (occurrence_in_year >= 1),
      note text,
      inspector text NOT NULL,
      sanction_id uuid REFERENCES sanction (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (cadre_id, found_on)
    )`);
    // The n-th finding of a cadre in a year is unique: two concurrent findings cannot both be "the first".
    await q.query(`CREATE UNIQUE INDEX inspection_finding_occurrence_idx ON inspection_finding (cadre_id, (extract(year FROM found_on)), occurrence_in_year)`);

    await q.query(`CREATE TABLE appraisal (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      ${scoped()},
      township_code text NOT NULL CHECK (township_code ${CODE}),
      cadre_id uuid NOT NULL REFERENCES cadre (id),
      period_type text NOT NULL CHECK (period_type IN ('MONTH', 'QUARTER', 'YEAR')),
      period text NOT NULL CHECK (period ~ '^\\d{4}(-\\d{2}|-Q[1-4])?$'),
      scores jsonb NOT NULL,
      total numeric(5, 2) NOT NULL CHECK (total >= 0 AND total <= 100),
      provisional_rating text,
      rating_decision jsonb,
      final_rating text,
      final_decision jsonb,
      policy text NOT NULL,
      appraiser text NOT NULL,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (cadre_id, period_type, period)
    )`);
    await q.query(`CREATE INDEX appraisal_township_idx ON appraisal (township_code, period_type, period)`);
    await q.query(`CREATE INDEX appraisal_village_idx ON appraisal (village_code text_pattern_ops)`);

    await q.query(`CREATE TABLE rank_change (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      ${scoped()},
      cadre_id uuid NOT NULL REFERENCES cadre (id),
      year int NOT NULL,
      from_level int,
      to_level int NOT NULL,
      decision jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (cadre_id, year)
    )`);
    await q.query(`CREATE INDEX rank_change_village_idx ON rank_change (village_code text_pattern_ops)`);

    await q.query(`CREATE TABLE pay_record (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      ${scoped()},
      cadre_id uuid NOT NULL REFERENCES cadre (id),
      month text NOT NULL CHECK (month ~ '^\\d{4}-(0[1-9]|1[0-2])$'),
      components jsonb NOT NULL,
      total numeric(12, 2) NOT NULL,
      policy text NOT NULL,
      version int NOT NULL DEFAULT 1,
      computed_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (cadre_id, month)
    )`);
    await q.query(`CREATE INDEX pay_record_village_month_idx ON pay_record (village_code, month)`);

    await q.query(`CREATE TABLE training_record (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      ${scoped()},
      cadre_id uuid NOT NULL REFERENCES cadre (id),
      title text NOT NULL CHECK (length(title) > 0),
      organizer text NOT NULL,
      start_date date NOT NULL,
      days numeric(5, 1) NOT NULL CHECK (days > 0),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX training_record_cadre_idx ON training_record (cadre_id, start_date)`);

    await q.query(`CREATE TABLE party_organization (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      ${scoped('region_code')},
      name text NOT NULL CHECK (length(name) > 0),
      kind text NOT NULL CHECK (kind IN ('COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'GROUP')),
      parent_id uuid REFERENCES party_organization (id),
      grid_id uuid,
      secretary_cadre_id uuid REFERENCES cadre (id),
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (region_code, name)
    )`);
    await q.query(`CREATE INDEX party_organization_region_idx ON party_organization (region_code text_pattern_ops)`);
    // 支部建在网格上: one organisation per grid.
    await q.query(`CREATE UNIQUE INDEX party_organization_grid_idx ON party_organization (grid_id) WHERE grid_id IS NOT NULL`);
    await q.query(`CREATE INDEX party_organization_parent_idx ON party_organization (parent_id)`);

    await q.query(`CREATE TABLE party_member (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      ${scoped('region_code')},
      organization_id uuid NOT NULL REFERENCES party_organization (id),
      resident_id uuid,
      name text NOT NULL CHECK (length(name) > 0),
      joined_on date NOT NULL,
      status text NOT NULL CHECK (status IN ('FULL', 'PROBATIONARY')),
      mobile boolean NOT NULL DEFAULT false,
      current_location text,
      duty text,
      points int NOT NULL DEFAULT 0,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX party_member_org_idx ON party_member (organization_id)`);
    await q.query(`CREATE INDEX party_member_region_idx ON party_member (region_code text_pattern_ops)`);
    await q.query(`CREATE UNIQUE INDEX party_member_resident_idx ON party_member (resident_id) WHERE resident_id IS NOT NULL`);

    await q.query(`CREATE TABLE party_point_entry (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      county_code text NOT NULL CHECK (county_code ${CODE}),
      member_id uuid NOT NULL REFERENCES party_member (id),
      entry_date date NOT NULL,
      points int NOT NULL CHECK (points <> 0),
      reason text NOT NULL CHECK (length(reason) > 0),
      recorded_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX party_point_entry_member_idx ON party_point_entry (member_id, entry_date)`);

    await q.query(`CREATE TABLE personnel_event (
      id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      name text NOT NULL,
      payload jsonb NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz
    )`);
    await q.query(`CREATE INDEX personnel_event_unpublished_idx ON personnel_event (id) WHERE published_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['personnel_event', 'party_point_entry', 'party_member', 'party_organization', 'training_record', 'pay_record', 'rank_change', 'appraisal', 'inspection_finding', 'sanction', 'leave_request', 'duty_check_in', 'post_assignment', 'post', 'cadre', 'talent']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
