import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 未办结事件计数 `incident_counter`: open incidents (REPORTED, ACCEPTED, DISPATCHED, IN_PROGRESS,
 * ESCALATED) per village, township and county prefix, kept by statement-level triggers with
 * transition tables on `incident` (a report adds, a transition out of the open statuses or a
 * deletion subtracts, a move between villages moves), and filled from a full count. The SQL is
 * written here as it was when this migration was made (see `incident-counter.ts` for the live one).
 */
export class IncidentCounters1774300000000 implements MigrationInterface {
  name = 'IncidentCounters1774300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE incident_counter (
      prefix text PRIMARY KEY CHECK (prefix ~ '^(\\d{6}|\\d{9}|\\d{12})$'),
      open_incidents bigint NOT NULL DEFAULT 0
    )`);
    await q.query(`CREATE INDEX incident_counter_prefix_idx ON incident_counter USING btree (prefix text_pattern_ops)`);
    await q.query(`CREATE FUNCTION incident_counter_open() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO incident_counter AS c (prefix, open_incidents)
      SELECT p.prefix, sum(d.n) FROM (SELECT village_code, count(*) AS n FROM new_rows WHERE status IN ('REPORTED', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'ESCALATED') GROUP BY village_code) AS d
      CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
      GROUP BY p.prefix HAVING sum(d.n) <> 0 ORDER BY p.prefix
      ON CONFLICT (prefix) DO UPDATE SET open_incidents = c.open_incidents + excluded.open_incidents;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO incident_counter AS c (prefix, open_incidents)
      SELECT p.prefix, sum(d.n) FROM (SELECT village_code, -count(*) AS n FROM old_rows WHERE status IN ('REPORTED', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'ESCALATED') GROUP BY village_code) AS d
      CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
      GROUP BY p.prefix HAVING sum(d.n) <> 0 ORDER BY p.prefix
      ON CONFLICT (prefix) DO UPDATE SET open_incidents = c.open_incidents + excluded.open_incidents;
  ELSE
    INSERT INTO incident_counter AS c (prefix, open_incidents)
      SELECT p.prefix, sum(d.n) FROM (SELECT village_code, sum(m.n) AS n FROM (SELECT village_code, 1 AS n FROM new_rows WHERE status IN ('REPORTED', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'ESCALATED') UNION ALL SELECT village_code, -1 FROM old_rows WHERE status IN ('REPORTED', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'ESCALATED')) AS m GROUP BY village_code) AS d
      CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
      GROUP BY p.prefix HAVING sum(d.n) <> 0 ORDER BY p.prefix
      ON CONFLICT (prefix) DO UPDATE SET open_incidents = c.open_incidents + excluded.open_incidents;
  END IF;
  RETURN NULL;
END
$fn$`);
    await q.query(`CREATE TRIGGER incident_counter_insert AFTER INSERT ON incident REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_counter_open()`);
    await q.query(`CREATE TRIGGER incident_counter_update AFTER UPDATE ON incident REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_counter_open()`);
    await q.query(`CREATE TRIGGER incident_counter_delete AFTER DELETE ON incident REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_counter_open()`);
    await q.query(`INSERT INTO incident_counter (prefix, open_incidents)
      SELECT p.prefix, sum(d.n) FROM (
        SELECT village_code, count(*) AS n FROM incident WHERE status IN ('REPORTED', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'ESCALATED') GROUP BY village_code
      ) AS d
      CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
      GROUP BY p.prefix ORDER BY p.prefix`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER incident_counter_${op} ON incident`);
    await q.query('DROP FUNCTION incident_counter_open()');
    await q.query('DROP TABLE incident_counter');
  }
}
