import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Projections of grids data a subgraph checks its references against: `region_ref` (codes, levels,
 * parents, names, valid-from/to, retired) and `resident_ref` (id, village, household, status), filled
 * by its consumers `<subgraph>-regions` and `<subgraph>-residents` from grids events. Every subgraph
 * that keeps them runs this migration in its own database.
 */
export class ReferenceProjections1733020000000 implements MigrationInterface {
  name = 'ReferenceProjections1733020000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE region_ref (
      code text PRIMARY KEY CHECK (code ~ '^\\d{12}$'),
      name text NOT NULL,
      level text NOT NULL CHECK (level IN ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
      parent_code text CHECK (parent_code ~ '^\\d{12}$'),
      valid_from date NOT NULL,
      valid_to date,
      retired boolean NOT NULL DEFAULT false,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX region_ref_parent_idx ON region_ref (parent_code)`);
    await q.query(`CREATE TABLE resident_ref (
      id uuid PRIMARY KEY,
      village_code text NOT NULL CHECK (village_code ~ '^\\d{12}$'),
      household_id uuid,
      status text NOT NULL CHECK (status IN ('LIVING', 'DECEASED', 'MOVED_OUT')),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX resident_ref_village_idx ON resident_ref (village_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE resident_ref`);
    await q.query(`DROP TABLE region_ref`);
  }
}

/** Households are found through their residents (`resident_ref.household_id`): index it. */
export class ResidentRefHousehold1733020000001 implements MigrationInterface {
  name = 'ResidentRefHousehold1733020000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS resident_ref_household_idx ON resident_ref (household_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS resident_ref_household_idx`);
  }
}
