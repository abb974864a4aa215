import type { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS = 'total, closed, settled, closed_on_time, rated, rating_sum';
const UPSERT_SET =
  'total = c.total + excluded.total, closed = c.closed + excluded.closed, settled = c.settled + excluded.settled, ' +
  'closed_on_time = c.closed_on_time + excluded.closed_on_time, rated = c.rated + excluded.rated, rating_sum = c.rating_sum + excluded.rating_sum';

/** One incident's contribution (sign `s`) from `source`: its village, China-time year of report and counted facts. */
const rows = (source: string, s: string): string =>
  `SELECT village_code, extract(year FROM (created_at AT TIME ZONE 'UTC') + interval '8 hours')::int AS year, ${s} AS total,
          ${s} * (status = 'CLOSED')::int AS closed, ${s} * (status IN ('CLOSED', 'RESOLVED'))::int AS settled,
          ${s} * (status = 'CLOSED' AND resolved_at IS NOT NULL AND resolved_at <= deadline)::int AS closed_on_time,
          ${s} * (status = 'CLOSED' AND rating IS NOT NULL)::int AS rated, ${s} * CASE WHEN status = 'CLOSED' THEN coalesce(rating, 0) ELSE 0 END AS rating_sum
     FROM ${source}`;

const upsert = (facts: string): string => `INSERT INTO incident_handling_counter AS c (prefix, year, ${COLUMNS})
      SELECT p.prefix, d.year, sum(d.total), sum(d.closed), sum(d.settled), sum(d.closed_on_time), sum(d.rated), sum(d.rating_sum) FROM (${facts}) AS d
      CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
      GROUP BY p.prefix, d.year HAVING (sum(d.total), sum(d.closed), sum(d.settled), sum(d.closed_on_time), sum(d.rated), sum(d.rating_sum)) <> (0, 0, 0, 0, 0, 0) ORDER BY p.prefix, d.year
      ON CONFLICT (prefix, year) DO UPDATE SET ${UPSERT_SET}`;

/**
 * 事件办理计数 `incident_handling_counter`: per village, township and county prefix and per year of
 * report (China time), the incidents reported, closed, settled (resolved or closed), closed having
 * been resolved no later than their deadline, rated, and the sum of their ratings — the figures of
 * `Region.incidentHandling` that do not depend on the current time — kept by statement-level
 * triggers with transition tables on `incident` in the transaction of the write. The moment an
 * incident was resolved is kept on the incident (`resolved_at`: the earliest RESOLVED entry of its
 * history, maintained by a statement-level trigger on `incident_history`), so a counter never reads
 * the history of a row being deleted. The open incidents past their deadline "now" are counted per
 * request from a partial index on the open ones (village code, deadline).
 * The SQL is written here as it was when this migration was made (`incident-handling-counter.ts` rebuilds).
 */
export class IncidentHandlingCounters1774800000000 implements MigrationInterface {
  name = 'IncidentHandlingCounters1774800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE incident ADD COLUMN resolved_at timestamptz`);
    await q.query(`UPDATE incident i SET resolved_at = h.at
      FROM (SELECT incident_id, min(at) AS at FROM incident_history WHERE to_status = 'RESOLVED' GROUP BY incident_id) AS h WHERE h.incident_id = i.id`);
    await q.query(`CREATE FUNCTION incident_resolved_at() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF EXISTS (SELECT 1 FROM new_rows WHERE to_status = 'RESOLVED') THEN
      UPDATE incident i SET resolved_at = r.at
        FROM (SELECT incident_id, min(at) AS at FROM new_rows WHERE to_status = 'RESOLVED' GROUP BY incident_id) AS r
       WHERE i.id = r.incident_id AND (i.resolved_at IS NULL OR i.resolved_at > r.at);
    END IF;
  ELSIF TG_OP = 'DELETE' THEN
    IF EXISTS (SELECT 1 FROM old_rows WHERE to_status = 'RESOLVED') THEN
      UPDATE incident i SET resolved_at = (SELECT min(h.at) FROM incident_history h WHERE h.incident_id = i.id AND h.to_status = 'RESOLVED')
       WHERE i.id IN (SELECT incident_id FROM old_rows WHERE to_status = 'RESOLVED')
         AND i.resolved_at IS DISTINCT FROM (SELECT min(h.at) FROM incident_history h WHERE h.incident_id = i.id AND h.to_status = 'RESOLVED');
    END IF;
  ELSE
    IF EXISTS (SELECT 1 FROM old_rows WHERE to_status = 'RESOLVED') OR EXISTS (SELECT 1 FROM new_rows WHERE to_status = 'RESOLVED') THEN
      UPDATE incident i SET resolved_at = (SELECT min(h.at) FROM incident_history h WHERE h.incident_id = i.id AND h.to_status = 'RESOLVED')
       WHERE i.id IN (SELECT incident_id FROM old_rows WHERE to_status = 'RESOLVED' UNION SELECT incident_id FROM new_rows WHERE to_status = 'RESOLVED')
         AND i.resolved_at IS DISTINCT FROM (SELECT min(h.at) FROM incident_history h WHERE h.incident_id = i.id AND h.to_status = 'RESOLVED');
    END IF;
  END IF;
  RETURN NULL;
END
$fn$`);
    await q.query(`CREATE TRIGGER incident_history_resolved_insert AFTER INSERT ON incident_history REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_resolved_at()`);
    await q.query(`CREATE TRIGGER incident_history_resolved_update AFTER UPDATE ON incident_history REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_resolved_at()`);
    await q.query(`CREATE TRIGGER incident_history_resolved_delete AFTER DELETE ON incident_history REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_resolved_at()`);

    await q.query(`CREATE TABLE incident_handling_counter (
      prefix text NOT NULL CHECK (prefix ~ '^(\\d{6}|\\d{9}|\\d{12})$'),
      year int NOT NULL,
      total bigint NOT NULL DEFAULT 0, closed bigint NOT NULL DEFAULT 0, settled bigint NOT NULL DEFAULT 0,
      closed_on_time bigint NOT NULL DEFAULT 0, rated bigint NOT NULL DEFAULT 0, rating_sum bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (prefix, year)
    )`);
    await q.query(`CREATE FUNCTION incident_handling_counter_incident() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    ${upsert(rows('new_rows', '1'))};
  ELSIF TG_OP = 'DELETE' THEN
    ${upsert(rows('old_rows', '-1'))};
  ELSE
    ${upsert(`${rows('new_rows', '1')} UNION ALL ${rows('old_rows', '-1')}`)};
  END IF;
  RETURN NULL;
END
$fn$`);
    await q.query(`CREATE TRIGGER incident_handling_counter_insert AFTER INSERT ON incident REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_handling_counter_incident()`);
    await q.query(`CREATE TRIGGER incident_handling_counter_update AFTER UPDATE ON incident REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_handling_counter_incident()`);
    await q.query(`CREATE TRIGGER incident_handling_counter_delete AFTER DELETE ON incident REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_handling_counter_incident()`);
    await q.query(`${upsert(rows('incident', '1'))}`);
    await q.query(`CREATE INDEX incident_open_village_deadline_idx ON incident (village_code text_pattern_ops, deadline) INCLUDE (created_at)
      WHERE status IN ('REPORTED', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'ESCALATED')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX incident_open_village_deadline_idx');
    for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER incident_handling_counter_${op} ON incident`);
    await q.query('DROP FUNCTION incident_handling_counter_incident()');
    await q.query('DROP TABLE incident_handling_counter');
    for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER incident_history_resolved_${op} ON incident_history`);
    await q.query('DROP FUNCTION incident_resolved_at()');
    await q.query('ALTER TABLE incident DROP COLUMN resolved_at');
  }
}
