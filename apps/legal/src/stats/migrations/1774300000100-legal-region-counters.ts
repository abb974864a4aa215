import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 法治计数 `legal_region_counter`: per village, township and county prefix and per year, the disputes
 * opened (of which mediated and at risk of turning criminal), the escalations and the petitions
 * received — what `Region.ruleOfLaw(year)` shows — kept by statement-level triggers with transition
 * tables on `dispute`, `dispute_escalation` and `petition` in the transaction of the write (a
 * dispute moving to another village takes its escalations along), and filled from a full count.
 * The SQL is written here as it was when this migration was made (`legal-counter.ts` rebuilds).
 */
export class LegalRegionCounters1774300000100 implements MigrationInterface {
  name = 'LegalRegionCounters1774300000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE legal_region_counter (
      prefix text NOT NULL CHECK (prefix ~ '^(\\d{6}|\\d{9}|\\d{12})$'),
      year int NOT NULL,
      disputes bigint NOT NULL DEFAULT 0, mediated bigint NOT NULL DEFAULT 0, crime_risk bigint NOT NULL DEFAULT 0, escalations bigint NOT NULL DEFAULT 0, petitions bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (prefix, year)
    )`);
    await q.query(`CREATE FUNCTION legal_region_counter_dispute() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO legal_region_counter AS c (prefix, year, disputes, mediated, crime_risk, escalations, petitions)
      SELECT p.prefix, d.year, sum(d.disputes), sum(d.mediated), sum(d.crime_risk), sum(d.escalations), sum(d.petitions) FROM (SELECT village_code, extract(year FROM opened_on)::int AS year, 1 AS disputes, (outcome IS NOT DISTINCT FROM 'MEDIATED')::int AS mediated, crime_risk::int AS crime_risk, 0 AS escalations, 0 AS petitions FROM new_rows) AS d
      CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
      GROUP BY p.prefix, d.year HAVING (sum(d.disputes), sum(d.mediated), sum(d.crime_risk), sum(d.escalations), sum(d.petitions)) <> (0, 0, 0, 0, 0) ORDER BY p.prefix, d.year
      ON CONFLICT (prefix, year) DO UPDATE SET disputes = c.disputes + excluded.disputes, mediated = c.mediated + excluded.mediated, crime_risk = c.crime_risk + excluded.crime_risk, escalations = c.escalations + excluded.escalations, petitions = c.petitions + excluded.petitions;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO legal_region_counter AS c (prefix, year, disputes, mediated, crime_risk, escalations, petitions)
      SELECT p.prefix, d.year, sum(d.disputes), sum(d.mediated), sum(d.crime_risk), sum(d.escalations), sum(d.petitions) FROM (SELECT village_code, extract(year FROM opened_on)::int AS year, -1 AS disputes, -(outcome IS NOT DISTINCT FROM 'MEDIATED')::int AS mediated, -crime_risk::int AS crime_risk, 0 AS escalations, 0 AS petitions FROM old_rows) AS d
      CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
      GROUP BY p.prefix, d.year HAVING (sum(d.disputes), sum(d.mediated), sum(d.crime_risk), sum(d.escalations), sum(d.petitions)) <> (0, 0, 0, 0, 0) ORDER BY p.prefix, d.year
      ON CONFLICT (prefix, year) DO UPDATE SET disputes = c.disputes + excluded.disputes, mediated = c.mediated + excluded.mediated, crime_risk = c.crime_risk + excluded.crime_risk, escalations = c.escalations + excluded.escalations, petitions = c.petitions + excluded.petitions;
  ELSE
    INSERT INTO legal_region_counter AS c (prefix, year, disputes, mediated, crime_risk, escalations, petitions)
      SELECT p.prefix, d.year, sum(d.disputes), sum(d.mediated), sum(d.crime_risk), sum(d.escalations), sum(d.petitions) FROM (SELECT village_code, extract(year FROM opened_on)::int AS year, 1 AS disputes, (outcome IS NOT DISTINCT FROM 'MEDIATED')::int AS mediated, crime_risk::int AS crime_risk, 0 AS escalations, 0 AS petitions FROM new_rows UNION ALL SELECT village_code, extract(year FROM opened_on)::int AS year, -1 AS disputes, -(outcome IS NOT DISTINCT FROM 'MEDIATED')::int AS mediated, -crime_risk::int AS crime_risk, 0 AS escalations, 0 AS petitions FROM old_rows UNION ALL SELECT n.village_code, extract(year FROM e.escalated_on)::int, 0, 0, 0, 1, 0 FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN dispute_escalation e ON e.dispute_id = n.id WHERE o.village_code <> n.village_code UNION ALL SELECT o.village_code, extract(year FROM e.escalated_on)::int, 0, 0, 0, -1, 0 FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN dispute_escalation e ON e.dispute_id = n.id WHERE o.village_code <> n.village_code) AS d
      CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
      GROUP BY p.prefix, d.year HAVING (sum(d.disputes), sum(d.mediated), sum(d.crime_risk), sum(d.escalations), sum(d.petitions)) <> (0, 0, 0, 0, 0) ORDER BY p.prefix, d.year
      ON CONFLICT (prefix, year) DO UPDATE SET disputes = c.disputes + excluded.disputes, mediated = c.mediated + excluded.mediated, crime_risk = c.crime_risk + excluded.crime_risk, escalations = c.escalations + excluded.escalations, petitions = c.petitions + excluded.petitions;
  END IF;
  RETURN NULL;
END
$fn$`);
    await q.query(`CREATE FUNCTION legal_region_counter_escalation() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO legal_region_counter AS c (prefix, year, disputes, mediated, crime_risk, escalations, petitions)
      SELECT p.prefix, d.year, sum(d.disputes), sum(d.mediated), sum(d.crime_risk), sum(d.escalations), sum(d.petitions) FROM (SELECT d.village_code, extract(year FROM e.escalated_on)::int AS year, 0 AS disputes, 0 AS mediated, 0 AS crime_risk, 1 AS escalations, 0 AS petitions FROM new_rows AS e JOIN dispute d ON d.id = e.dispute_id) AS d
      CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
      GROUP BY p.prefix, d.year HAVING (sum(d.disputes), sum(d.mediated), sum(d.crime_risk), sum(d.escalations), sum(d.petitions)) <> (0, 0, 0, 0, 0) ORDER BY p.prefix, d.year
      ON CONFLICT (prefix, year) DO UPDATE SET disputes = c.disputes + excluded.disputes, mediated = c.mediated + excluded.mediated, crime_risk = c.crime_risk + excluded.crime_risk, escalations = c.escalations + excluded.escalations, petitions = c.petitions + excluded.petitions;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO legal_region_counter AS c (prefix, year, disputes, mediated, crime_risk, escalations, petitions)
      SELECT p.prefix, d.year, sum(d.disputes), sum(d.mediated), sum(d.crime_risk), sum(d.escalations), sum(d.petitions) FROM (SELECT d.village_code, extract(year FROM e.escalated_on)::int AS year, 0 AS disputes, 0 AS mediated, 0 AS crime_risk, -1 AS escalations, 0 AS petitions FROM old_rows AS e JOIN dispute d ON d.id = e.dispute_id) AS d
      CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
      GROUP BY p.prefix, d.year HAVING (sum(d.disputes), sum(d.mediated), sum(d.crime_risk), sum(d.escalations), sum(d.petitions)) <> (0, 0, 0, 0, 0) ORDER BY p.prefix, d.year
      ON CONFLICT (prefix, year) DO UPDATE SET disputes = c.disputes + excluded.disputes, mediated = c.mediated + excluded.mediated, crime_risk = c.crime_risk + excluded.crime_risk, escalations = c.escalations + excluded.escalations, petitions = c.petitions + excluded.petitions;
  ELSE
    INSERT INTO legal_region_counter AS c (prefix, year, disputes, mediated, crime_risk, escalations, petitions)
      SELECT p.prefix, d.year, sum(d.disputes), sum(d.mediated), sum(d.crime_risk), sum(d.escalations), sum(d.petitions) FROM (SELECT d.village_code, extract(year FROM e.escalated_on)::int AS year, 0 AS disputes, 0 AS mediated, 0 AS crime_risk, 1 AS escalations, 0 AS petitions FROM new_rows AS e JOIN dispute d ON d.id = e.dispute_id UNION ALL SELECT d.village_code, extract(year FROM e.escalated_on)::int AS year, 0 AS disputes, 0 AS mediated, 0 AS crime_risk, -1 AS escalations, 0 AS petitions FROM old_rows AS e JOIN dispute d ON d.id = e.dispute_id) AS d
      CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
      GROUP BY p.prefix, d.year HAVING (sum(d.disputes), sum(d.mediated), sum(d.crime_risk), sum(d.escalations), sum(d.petitions)) <> (0, 0, 0, 0, 0) ORDER BY p.prefix, d.year
      ON CONFLICT (prefix, year) DO UPDATE SET disputes = c.disputes + excluded.disputes, mediated = c.mediated + excluded.mediated, crime_risk = c.crime_risk + excluded.crime_risk, escalations = c.escalations + excluded.escalations, petitions = c.petitions + excluded.petitions;
  END IF;
  RETURN NULL;
END
$fn$`);
    await q.query(`CREATE FUNCTION legal_region_counter_petition() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO legal_region_counter AS c (prefix, year, disputes, mediated, crime_risk, escalations, petitions)
      SELECT p.prefix, d.year, sum(d.disputes), sum(d.mediated), sum(d.crime_risk), sum(d.escalations), sum(d.petitions) FROM (SELECT village_code, extract(year FROM received_on)::int AS year, 0 AS disputes, 0 AS mediated, 0 AS crime_risk, 0 AS escalations, 1 AS petitions FROM new_rows) AS d
      CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
      GROUP BY p.prefix, d.year HAVING (sum(d.disputes), sum(d.mediated), sum(d.crime_risk), sum(d.escalations), sum(d.petitions)) <> (0, 0, 0, 0, 0) ORDER BY p.prefix, d.year
      ON CONFLICT (prefix, year) DO UPDATE SET disputes = c.disputes + excluded.disputes, mediated = c.mediated + excluded.mediated, crime_risk = c.crime_risk + excluded.crime_risk, escalations = c.escalations + excluded.escalations, petitions = c.petitions + excluded.petitions;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO legal_region_counter AS c (prefix, year, disputes, mediated, crime_risk, escalations, petitions)
      SELECT p.prefix, d.year, sum(d.disputes), sum(d.mediated), sum(d.crime_risk), sum(d.escalations), sum(d.petitions) FROM (SELECT village_code, extract(year FROM received_on)::int AS year, 0 AS disputes, 0 AS mediated, 0 AS crime_risk, 0 AS escalations, -1 AS petitions FROM old_rows) AS d
      CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
      GROUP BY p.prefix, d.year HAVING (sum(d.disputes), sum(d.mediated), sum(d.crime_risk), sum(d.escalations), sum(d.petitions)) <> (0, 0, 0, 0, 0) ORDER BY p.prefix, d.year
      ON CONFLICT (prefix, year) DO UPDATE SET disputes = c.disputes + excluded.disputes, mediated = c.mediated + excluded.mediated, crime_risk = c.crime_risk + excluded.crime_risk, escalations = c.escalations + excluded.escalations, petitions = c.petitions + excluded.petitions;
  ELSE
    INSERT INTO legal_region_counter AS c (prefix, year, disputes, mediated, crime_risk, escalations, petitions)
      SELECT p.prefix, d.year, sum(d.disputes), sum(d.mediated), sum(d.crime_risk), sum(d.escalations), sum(d.petitions) FROM (SELECT village_code, extract(year FROM received_on)::int AS year, 0 AS disputes, 0 AS mediated, 0 AS crime_risk, 0 AS escalations, 1 AS petitions FROM new_rows UNION ALL SELECT village_code, extract(year FROM received_on)::int AS year, 0 AS disputes, 0 AS mediated, 0 AS crime_risk, 0 AS escalations, -1 AS petitions FROM old_rows) AS d
      CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
      GROUP BY p.prefix, d.year HAVING (sum(d.disputes), sum(d.mediated), sum(d.crime_risk), sum(d.escalations), sum(d.petitions)) <> (0, 0, 0, 0, 0) ORDER BY p.prefix, d.year
      ON CONFLICT (prefix, year) DO UPDATE SET disputes = c.disputes + excluded.disputes, mediated = c.mediated + excluded.mediated, crime_risk = c.crime_risk + excluded.crime_risk, escalations = c.escalations + excluded.escalations, petitions = c.petitions + excluded.petitions;
  END IF;
  RETURN NULL;
END
$fn$`);
    await q.query(`CREATE TRIGGER dispute_counter_insert AFTER INSERT ON dispute REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION legal_region_counter_dispute()`);
    await q.query(`CREATE TRIGGER dispute_counter_update AFTER UPDATE ON dispute REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION legal_region_counter_dispute()`);
    await q.query(`CREATE TRIGGER dispute_counter_delete AFTER DELETE ON dispute REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION legal_region_counter_dispute()`);
    await q.query(`CREATE TRIGGER dispute_escalation_counter_insert AFTER INSERT ON dispute_escalation REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION legal_region_counter_escalation()`);
    await q.query(`CREATE TRIGGER dispute_escalation_counter_update AFTER UPDATE ON dispute_escalation REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION legal_region_counter_escalation()`);
    await q.query(`CREATE TRIGGER dispute_escalation_counter_delete AFTER DELETE ON dispute_escalation REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION legal_region_counter_escalation()`);
    await q.query(`CREATE TRIGGER petition_counter_insert AFTER INSERT ON petition REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION legal_region_counter_petition()`);
    await q.query(`CREATE TRIGGER petition_counter_update AFTER UPDATE ON petition REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION legal_region_counter_petition()`);
    await q.query(`CREATE TRIGGER petition_counter_delete AFTER DELETE ON petition REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION legal_region_counter_petition()`);
    await q.query(`
      INSERT INTO legal_region_counter AS c (prefix, year, disputes, mediated, crime_risk, escalations, petitions)
        SELECT p.prefix, d.year, sum(d.disputes), sum(d.mediated), sum(d.crime_risk), sum(d.escalations), sum(d.petitions) FROM (SELECT village_code, extract(year FROM opened_on)::int AS year, 1 AS disputes, (outcome IS NOT DISTINCT FROM 'MEDIATED')::int AS mediated, crime_risk::int AS crime_risk, 0 AS escalations, 0 AS petitions FROM dispute UNION ALL SELECT d.village_code, extract(year FROM e.escalated_on)::int AS year, 0 AS disputes, 0 AS mediated, 0 AS crime_risk, 1 AS escalations, 0 AS petitions FROM dispute_escalation AS e JOIN dispute d ON d.id = e.dispute_id UNION ALL SELECT village_code, extract(year FROM received_on)::int AS year, 0 AS disputes, 0 AS mediated, 0 AS crime_risk, 0 AS escalations, 1 AS petitions FROM petition) AS d
        CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
        GROUP BY p.prefix, d.year HAVING (sum(d.disputes), sum(d.mediated), sum(d.crime_risk), sum(d.escalations), sum(d.petitions)) <> (0, 0, 0, 0, 0) ORDER BY p.prefix, d.year
        ON CONFLICT (prefix, year) DO UPDATE SET disputes = c.disputes + excluded.disputes, mediated = c.mediated + excluded.mediated, crime_risk = c.crime_risk + excluded.crime_risk, escalations = c.escalations + excluded.escalations, petitions = c.petitions + excluded.petitions;`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['dispute', 'dispute_escalation', 'petition']) {
      for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER ${table}_counter_${op} ON ${table}`);
    }
    for (const fn of ['dispute', 'escalation', 'petition']) await q.query(`DROP FUNCTION legal_region_counter_${fn}()`);
    await q.query('DROP TABLE legal_region_counter');
  }
}
