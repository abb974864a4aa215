import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 事件 incidents (resident requests, grid patrol reports, hotline cases) and their full history.
 * Region-scoped by village code (text_pattern_ops for scope prefix matches).
 */
export class CreateIncidents1731000100000 implements MigrationInterface {
  name = 'CreateIncidents1731000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE incident (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      county_code text NOT NULL CHECK (county_code ~ '^\\d{12}$'),
      village_code text NOT NULL REFERENCES region (code) CHECK (village_code ~ '^\\d{12}$'),
      grid_id uuid REFERENCES grid (id),
      source text NOT NULL CHECK (source IN ('RESIDENT_REQUEST', 'GRID_PATROL', 'HOTLINE')),
      category text NOT NULL CHECK (length(category) > 0),
      title text NOT NULL CHECK (length(title) > 0),
      description text NOT NULL DEFAULT '',
      reporter_resident_id uuid REFERENCES resident (id),
      reported_by text NOT NULL,
      assignee_id text,
      assignee_name text,
      tier text NOT NULL DEFAULT 'VILLAGE' CHECK (tier IN ('VILLAGE', 'TOWNSHIP', 'COUNTY')),
      status text NOT NULL DEFAULT 'REPORTED'
        CHECK (status IN ('REPORTED', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'REJECTED', 'ESCALATED')),
      deadline timestamptz NOT NULL,
      rating int CHECK (rating BETWEEN 1 AND 5),
      feedback text,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'CLOSED') = (rating IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX incident_village_idx ON incident USING btree (village_code text_pattern_ops)`);
    await q.query(`CREATE INDEX incident_open_deadline_idx ON incident (deadline)
      WHERE status IN ('REPORTED', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'ESCALATED')`);
    await q.query(`CREATE INDEX incident_reporter_idx ON incident (reporter_resident_id)`);
    await q.query(`CREATE INDEX incident_created_idx ON incident (created_at, id)`);

    await q.query(`CREATE TABLE incident_history (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      incident_id uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
      seq int NOT NULL,
      action text NOT NULL,
      from_status text,
      to_status text NOT NULL,
      from_tier text,
      to_tier text NOT NULL,
      actor_id text NOT NULL,
      note text,
      policy_source text,
      at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (incident_id, seq)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE incident_history`);
    await q.query(`DROP TABLE incident`);
  }
}
