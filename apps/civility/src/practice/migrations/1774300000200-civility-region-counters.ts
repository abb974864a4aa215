import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 德治计数 `civility_region_counter`: per region prefix (village, township, county: the first 12, 9
 * and 6 digits of the row's code) and per year, the practice activities held, the volunteer minutes
 * served and the star households (one star or more) — what `Region.civility(year)` shows — kept by
 * statement-level triggers with transition tables on `practice_activity`, `volunteer_hours` and
 * `star_rating` in the transaction of the write, and filled from a full count. The SQL is written
 * here as it was when this migration was made (`civility-counter.ts` rebuilds).
 */
export class CivilityRegionCounters1774300000200 implements MigrationInterface {
  name = 'CivilityRegionCounters1774300000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE civility_region_counter (
      prefix text NOT NULL CHECK (prefix ~ '^(\\d{6}|\\d{9}|\\d{12})$'),
      year int NOT NULL,
      activities bigint NOT NULL DEFAULT 0, minutes bigint NOT NULL DEFAULT 0, stars bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (prefix, year)
    )`);
    await q.query(`CREATE FUNCTION civility_region_counter_activity() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO civility_region_counter AS c (prefix, year, activities, minutes, stars)
      SELECT p.prefix, d.year, sum(d.activities), sum(d.minutes), sum(d.stars) FROM (SELECT region_code AS village_code, extract(year FROM held_on)::int AS year, 1 AS activities, 0 AS minutes, 0 AS stars FROM new_rows) AS d
      CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
      GROUP BY p.prefix, d.year HAVING (sum(d.activities), sum(d.minutes), sum(d.stars)) <> (0, 0, 0) ORDER BY p.prefix, d.year
      ON CONFLICT (prefix, year) DO UPDATE SET activities = c.activities + excluded.activities, minutes = c.minutes + excluded.minutes, stars = c.stars + excluded.stars;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO civility_region_counter AS c (prefix, year, activities, minutes, stars)
      SELECT p.prefix, d.year, sum(d.activities), sum(d.minutes), sum(d.stars) FROM (SELECT region_code AS village_code, extract(year FROM held_on)::int AS year, -1 AS activities, 0 AS minutes, 0 AS stars FROM old_rows) AS d
      CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
      GROUP BY p.prefix, d.year HAVING (sum(d.activities), sum(d.minutes), sum(d.stars)) <> (0, 0, 0) ORDER BY p.prefix, d.year
      ON CONFLICT (prefix, year) DO UPDATE SET activities = c.activities + excluded.activities, minutes = c.minutes + excluded.minutes, stars = c.stars + excluded.stars;
  ELSE
    INSERT INTO civility_region_counter AS c (prefix, year, activities, minutes, stars)
      SELECT p.prefix, d.year, sum(d.activities), sum(d.minutes), sum(d.stars) FROM (SELECT region_code AS village_code, extract(year FROM held_on)::int AS year, 1 AS activities, 0 AS minutes, 0 AS stars FROM new_rows UNION ALL SELECT region_code AS village_code, extract(year FROM held_on)::int AS year, -1 AS activities, 0 AS minutes, 0 AS stars FROM old_rows) AS d
      CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
      GROUP BY p.prefix, d.year HAVING (sum(d.activities), sum(d.minutes), sum(d.stars)) <> (0, 0, 0) ORDER BY p.prefix, d.year
      ON CONFLICT (prefix, year) DO UPDATE SET activities = c.activities + excluded.activities, minutes = c.minutes + excluded.minutes, stars = c.stars + excluded.stars;
  END IF;
  RETURN NULL;
END
$fn$`);
    await q.query(`CREATE FUNCTION civility_region_counter_hours() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO civility_region_counter AS c (prefix, year, activities, minutes, stars)
      SELECT p.prefix, d.year, sum(d.activities), sum(d.minutes), sum(d.stars) FROM (SELECT village_code, extract(year FROM served_on)::int AS year, 0 AS activities, minutes AS minutes, 0 AS stars FROM new_rows) AS d
      CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
      GROUP BY p.prefix, d.year HAVING (sum(d.activities), sum(d.minutes), sum(d.stars)) <> (0, 0, 0) ORDER BY p.prefix, d.year
      ON CONFLICT (prefix, year) DO UPDATE SET activities = c.activities + excluded.activities, minutes = c.minutes + excluded.minutes, stars = c.stars + excluded.stars;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO civility_region_counter AS c (prefix, year, activities, minutes, stars)
      SELECT p.prefix, d.year, sum(d.activities), sum(d.minutes), sum(d.stars) FROM (SELECT village_code, extract(year FROM served_on)::int AS year, 0 AS activities, -minutes AS minutes, 0 AS stars FROM old_rows) AS d
      CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
      GROUP BY p.prefix, d.year HAVING (sum(d.activities), sum(d.minutes), sum(d.stars)) <> (0, 0, 0) ORDER BY p.prefix, d.year
      ON CONFLICT (prefix, year) DO UPDATE SET activities = c.activities + excluded.activities, minutes = c.minutes + excluded.minutes, stars = c.stars + excluded.stars;
  ELSE
    INSERT INTO civility_region_counter AS c (prefix, year, activities, minutes, stars)
      SELECT p.prefix, d.year, sum(d.activities), sum(d.minutes), sum(d.stars) FROM (SELECT village_code, extract(year FROM served_on)::int AS year, 0 AS activities, minutes AS minutes, 0 AS stars FROM new_rows UNION ALL SELECT village_code, extract(year FROM served_on)::int AS year, 0 AS activities, -minutes AS minutes, 0 AS stars FROM old_rows) AS d
      CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
      GROUP BY p.prefix, d.year HAVING (sum(d.activities), sum(d.minutes), sum(d.stars)) <> (0, 0, 0) ORDER BY p.prefix, d.year
      ON CONFLICT (prefix, year) DO UPDATE SET activities = c.activities + excluded.activities, minutes = c.minutes + excluded.minutes, stars = c.stars + excluded.stars;
  END IF;
  RETURN NULL;
END
$fn$`);
    await q.query(`CREATE FUNCTION civility_region_counter_stars() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO civility_region_counter AS c (prefix, year, activities, minutes, stars)
      SELECT p.prefix, d.year, sum(d.activities), sum(d.minutes), sum(d.stars) FROM (SELECT village_code, year, 0 AS activities, 0 AS minutes, 1 AS stars FROM new_rows WHERE stars >= 1) AS d
      CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
      GROUP BY p.prefix, d.year HAVING (sum(d.activities), sum(d.minutes), sum(d.stars)) <> (0, 0, 0) ORDER BY p.prefix, d.year
      ON CONFLICT (prefix, year) DO UPDATE SET activities = c.activities + excluded.activities, minutes = c.minutes + excluded.minutes, stars = c.stars + excluded.stars;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO civility_region_counter AS c (prefix, year, activities, minutes, stars)
      SELECT p.prefix, d.year, sum(d.activities), sum(d.minutes), sum(d.stars) FROM (SELECT village_code, year, 0 AS activities, 0 AS minutes, -1 AS stars FROM old_rows WHERE stars >= 1) AS d
      CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
      GROUP BY p.prefix, d.year HAVING (sum(d.activities), sum(d.minutes), sum(d.stars)) <> (0, 0, 0) ORDER BY p.prefix, d.year
      ON CONFLICT (prefix, year) DO UPDATE SET activities = c.activities + excluded.activities, minutes = c.minutes + excluded.minutes, stars = c.stars + excluded.stars;
  ELSE
    INSERT INTO civility_region_counter AS c (prefix, year, activities, minutes, stars)
      SELECT p.prefix, d.year, sum(d.activities), sum(d.minutes), sum(d.stars) FROM (SELECT village_code, year, 0 AS activities, 0 AS minutes, 1 AS stars FROM new_rows WHERE stars >= 1 UNION ALL SELECT village_code, year, 0 AS activities, 0 AS minutes, -1 AS stars FROM old_rows WHERE stars >= 1) AS d
      CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
      GROUP BY p.prefix, d.year HAVING (sum(d.activities), sum(d.minutes), sum(d.stars)) <> (0, 0, 0) ORDER BY p.prefix, d.year
      ON CONFLICT (prefix, year) DO UPDATE SET activities = c.activities + excluded.activities, minutes = c.minutes + excluded.minutes, stars = c.stars + excluded.stars;
  END IF;
  RETURN NULL;
END
$fn$`);
    await q.query(`CREATE TRIGGER practice_activity_counter_insert AFTER INSERT ON practice_activity REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION civility_region_counter_activity()`);
    await q.query(`CREATE TRIGGER practice_activity_counter_update AFTER UPDATE ON practice_activity REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION civility_region_counter_activity()`);
    await q.query(`CREATE TRIGGER practice_activity_counter_delete AFTER DELETE ON practice_activity REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION civility_region_counter_activity()`);
    await q.query(`CREATE TRIGGER volunteer_hours_counter_insert AFTER INSERT ON volunteer_hours REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION civility_region_counter_hours()`);
    await q.query(`CREATE TRIGGER volunteer_hours_counter_update AFTER UPDATE ON volunteer_hours REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION civility_region_counter_hours()`);
    await q.query(`CREATE TRIGGER volunteer_hours_counter_delete AFTER DELETE ON volunteer_hours REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION civility_region_counter_hours()`);
    await q.query(`CREATE TRIGGER star_rating_counter_insert AFTER INSERT ON star_rating REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION civility_region_counter_stars()`);
    await q.query(`CREATE TRIGGER star_rating_counter_update AFTER UPDATE ON star_rating REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION civility_region_counter_stars()`);
    await q.query(`CREATE TRIGGER star_rating_counter_delete AFTER DELETE ON star_rating REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION civility_region_counter_stars()`);
    await q.query(`
      INSERT INTO civility_region_counter AS c (prefix, year, activities, minutes, stars)
        SELECT p.prefix, d.year, sum(d.activities), sum(d.minutes), sum(d.stars) FROM (SELECT region_code AS village_code, extract(year FROM held_on)::int AS year, 1 AS activities, 0 AS minutes, 0 AS stars FROM practice_activity UNION ALL SELECT village_code, extract(year FROM served_on)::int AS year, 0 AS activities, minutes AS minutes, 0 AS stars FROM volunteer_hours UNION ALL SELECT village_code, year, 0 AS activities, 0 AS minutes, 1 AS stars FROM star_rating WHERE stars >= 1) AS d
        CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
        GROUP BY p.prefix, d.year HAVING (sum(d.activities), sum(d.minutes), sum(d.stars)) <> (0, 0, 0) ORDER BY p.prefix, d.year
        ON CONFLICT (prefix, year) DO UPDATE SET activities = c.activities + excluded.activities, minutes = c.minutes + excluded.minutes, stars = c.stars + excluded.stars;`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['practice_activity', 'volunteer_hours', 'star_rating']) {
      for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER ${table}_counter_${op} ON ${table}`);
    }
    for (const fn of ['activity', 'hours', 'stars']) await q.query(`DROP FUNCTION civility_region_counter_${fn}()`);
    await q.query('DROP TABLE civility_region_counter');
  }
}
