import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 江西135试点 the grid-worker appraisal table (grids database). The worker is referenced by id only
 * (no foreign key into the grids core tables, which the plugin never writes). One appraisal per
 * worker and year; region codes indexed for prefix scope filters.
 */
export class JiangxiGridWorkerAppraisal1767225600000 implements MigrationInterface {
  name = 'JiangxiGridWorkerAppraisal1767225600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE jiangxi_grid_worker_appraisal (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      county_code text NOT NULL CHECK (county_code ~ '^\\d{12}$'),
      village_code text NOT NULL CHECK (village_code ~ '^\\d{12}$'),
      grid_id uuid NOT NULL,
      grid_worker_id uuid NOT NULL,
      worker_name text NOT NULL CHECK (length(worker_name) > 0),
      worker_role text NOT NULL,
      year int NOT NULL CHECK (year BETWEEN 2000 AND 2200),
      score numeric(5, 2) NOT NULL CHECK (score >= 0 AND score <= 100),
      tier text NOT NULL CHECK (tier IN ('EXCELLENT', 'COMPETENT', 'BASIC', 'INCOMPETENT')),
      allowance numeric(10, 2) NOT NULL CHECK (allowance >= 0),
      award numeric(10, 2) NOT NULL DEFAULT 0 CHECK (award >= 0),
      needs_adjustment boolean NOT NULL,
      decision jsonb NOT NULL,
      appraised_by text NOT NULL,
      appraised_at timestamptz NOT NULL DEFAULT now(),
      version int NOT NULL DEFAULT 1,
      UNIQUE (grid_worker_id, year),
      CHECK ((tier = 'INCOMPETENT') = needs_adjustment)
    )`);
    await q.query(`CREATE INDEX jiangxi_gwa_village_idx ON jiangxi_grid_worker_appraisal (village_code text_pattern_ops)`);
    await q.query(`CREATE INDEX jiangxi_gwa_grid_year_idx ON jiangxi_grid_worker_appraisal (grid_id, year)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE jiangxi_grid_worker_appraisal`);
  }
}
