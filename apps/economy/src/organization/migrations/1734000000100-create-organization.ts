import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 村集体经济组织 collective economic organisations: one credit code each, listed by village code
 * prefix (region lists and roll-ups), sub-organisations by parent.
 */
export class CreateCollectiveOrganization1734000000100 implements MigrationInterface {
  name = 'CreateCollectiveOrganization1734000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE collective_organization (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      county_code text NOT NULL CHECK (county_code ~ '^[0-9]{6}000000$'),
      village_code text NOT NULL CHECK (village_code ~ '^[0-9]{12}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      credit_code text NOT NULL CHECK (credit_code ~ '^[0-9A-HJ-NP-RTUWXY]{2}[0-9]{6}[0-9A-HJ-NP-RTUWXY]{10}$'),
      founded_on date NOT NULL,
      development_model text NOT NULL CHECK (development_model IN ('LAND', 'ASSET', 'RESOURCE', 'CAPITAL', 'SERVICE')),
      status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'MERGED', 'DISSOLVED')),
      parent_id uuid REFERENCES collective_organization (id),
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (parent_id IS NULL OR parent_id <> id)
    )`);
    await q.query(`CREATE UNIQUE INDEX collective_organization_credit_code_key ON collective_organization (credit_code)`);
    await q.query(`CREATE INDEX collective_organization_village_idx ON collective_organization (village_code text_pattern_ops, name, id)`);
    await q.query(`CREATE INDEX collective_organization_parent_idx ON collective_organization (parent_id) WHERE parent_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE collective_organization`);
  }
}
