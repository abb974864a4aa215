import type { MigrationInterface, QueryRunner } from 'typeorm';

const CATEGORIES = ['DISPUTE', 'PUBLIC_SECURITY', 'SAFETY_HAZARD', 'ENVIRONMENT', 'INFRASTRUCTURE', 'LIVELIHOOD', 'LAND', 'OTHER'];
const CATEGORY_LIST = CATEGORIES.map((c) => `'${c}'`).join(', ');

/**
 * Incidents, second step: category codes (free text becomes OTHER, the text kept at the head of the
 * description), the assignee's kind (grid worker or cadre), and on every history row its county
 * and village code (region-scoped like every row), the actor's name, and the deadline and assignee the step set.
 */
export class IncidentCategoriesAssignees1731000100001 implements MigrationInterface {
  name = 'IncidentCategoriesAssignees1731000100001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE incident SET description = '[' || category || '] ' || description, category = 'OTHER' WHERE category NOT IN (${CATEGORY_LIST})`);
    await q.query(`ALTER TABLE incident ADD CONSTRAINT incident_category_code_check CHECK (category IN (${CATEGORY_LIST}))`);

    await q.query(`ALTER TABLE incident ADD COLUMN assignee_kind text CHECK (assignee_kind IN ('GRID_WORKER', 'CADRE'))`);
    await q.query(`UPDATE incident SET assignee_kind = 'CADRE' WHERE assignee_name IS NOT NULL`);
    await q.query(`ALTER TABLE incident ADD CONSTRAINT incident_assignee_check CHECK ((assignee_name IS NULL) = (assignee_kind IS NULL))`);
    await q.query(`CREATE INDEX incident_county_idx ON incident (county_code)`);

    await q.query(`ALTER TABLE incident_history
      ADD COLUMN county_code text CHECK (county_code ~ '^\\d{12}$'),
      ADD COLUMN village_code text CHECK (village_code ~ '^\\d{12}$'),
      ADD COLUMN actor_name text,
      ADD COLUMN deadline timestamptz,
      ADD COLUMN assignee_id text,
      ADD COLUMN assignee_name text,
      ADD COLUMN assignee_kind text CHECK (assignee_kind IN ('GRID_WORKER', 'CADRE'))`);
    await q.query(`UPDATE incident_history h SET county_code = i.county_code, village_code = i.village_code FROM incident i WHERE i.id = h.incident_id`);
    await q.query(`ALTER TABLE incident_history ALTER COLUMN county_code SET NOT NULL, ALTER COLUMN village_code SET NOT NULL`);
    await q.query(`CREATE INDEX incident_history_village_idx ON incident_history USING btree (village_code text_pattern_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX incident_history_village_idx`);
    await q.query(`ALTER TABLE incident_history
      DROP COLUMN assignee_kind, DROP COLUMN assignee_name, DROP COLUMN assignee_id,
      DROP COLUMN deadline, DROP COLUMN actor_name, DROP COLUMN village_code, DROP COLUMN county_code`);
    await q.query(`DROP INDEX incident_county_idx`);
    await q.query(`ALTER TABLE incident DROP CONSTRAINT incident_assignee_check`);
    await q.query(`ALTER TABLE incident DROP COLUMN assignee_kind`);
    await q.query(`ALTER TABLE incident DROP CONSTRAINT incident_category_code_check`);
  }
}
