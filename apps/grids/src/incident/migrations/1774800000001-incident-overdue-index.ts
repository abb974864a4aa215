import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The open incidents past their deadline ("due" of `Region.incidentHandling`) counted by an
 * index-only scan: the open incidents by deadline with their village code and report time in the
 * index, instead of the index by village and deadline of `1774800000000` (which the planner left
 * for the deadline index and a visit of every overdue row).
 */
export class IncidentOverdueIndex1774800000001 implements MigrationInterface {
  name = 'IncidentOverdueIndex1774800000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX incident_open_village_deadline_idx');
    await q.query(`CREATE INDEX incident_open_overdue_idx ON incident (deadline) INCLUDE (village_code, created_at)
      WHERE status IN ('REPORTED', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'ESCALATED')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX incident_open_overdue_idx');
    await q.query(`CREATE INDEX incident_open_village_deadline_idx ON incident (village_code text_pattern_ops, deadline) INCLUDE (created_at)
      WHERE status IN ('REPORTED', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'ESCALATED')`);
  }
}
