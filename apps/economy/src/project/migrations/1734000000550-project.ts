import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 薄弱村项目库 projects for weak villages (funding source and amount in fen, status moving one step
 * at a time, income produced) and 1+N+1 alliances (one strong village leading, N weak villages, one
 * enterprise; a village holds one role in an alliance).
 */
export class WeakVillageProjects1734000000550 implements MigrationInterface {
  name = 'WeakVillageProjects1734000000550';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE village_alliance (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      county_code text NOT NULL CHECK (county_code ~ '^\\d{12}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      lead_village_code text NOT NULL CHECK (lead_village_code ~ '^\\d{12}$'),
      enterprise_name text NOT NULL CHECK (length(enterprise_name) BETWEEN 1 AND 100),
      founded_on date NOT NULL,
      version int NOT NULL DEFAULT 1,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX village_alliance_county ON village_alliance (county_code, name, id)`);
    await q.query(`CREATE TABLE village_alliance_member (
      alliance_id uuid NOT NULL REFERENCES village_alliance (id),
      village_code text NOT NULL CHECK (village_code ~ '^\\d{12}$'),
      role text NOT NULL CHECK (role IN ('LEAD', 'MEMBER')),
      PRIMARY KEY (alliance_id, village_code)
    )`);
    await q.query(`CREATE INDEX village_alliance_member_village ON village_alliance_member (village_code text_pattern_ops)`);
    await q.query(`CREATE TABLE weak_village_project (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      county_code text NOT NULL CHECK (county_code ~ '^\\d{12}$'),
      village_code text NOT NULL CHECK (village_code ~ '^\\d{12}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      funding_source text NOT NULL CHECK (funding_source IN ('CENTRAL', 'PROVINCIAL', 'COUNTY', 'STATE_ENTERPRISE', 'PAIRING_UNIT', 'COLLECTIVE', 'SOCIAL')),
      funding_fen bigint NOT NULL CHECK (funding_fen > 0),
      status text NOT NULL CHECK (status IN ('PROPOSED', 'APPROVED', 'IN_PROGRESS', 'COMPLETED', 'EVALUATED')),
      income_fen bigint NOT NULL DEFAULT 0 CHECK (income_fen >= 0),
      alliance_id uuid REFERENCES village_alliance (id),
      major_matter_id uuid REFERENCES major_matter (id),
      proposed_on date NOT NULL,
      status_on date NOT NULL,
      version int NOT NULL DEFAULT 1,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX weak_village_project_village ON weak_village_project (village_code text_pattern_ops, proposed_on, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE weak_village_project`);
    await q.query(`DROP TABLE village_alliance_member`);
    await q.query(`DROP TABLE village_alliance`);
  }
}
