import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 区划计数 `region_counter`: households, residents and grids per village, township and county prefix,
 * kept by statement-level triggers with transition tables on the counted tables (see
 * `region-counter.ts`), and filled from a full count of what is already recorded. The SQL is
 * written out here as it was when this migration was made, so that a later change to
 * `region-counter.ts` cannot change what this migration runs.
 */

/** The trigger functions and triggers of `household`, `resident` and `grid`, in that order. */
const COUNTER_TRIGGERS = [
  // household
  `CREATE OR REPLACE FUNCTION region_counter_household() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO region_counter AS c (prefix, households)
    SELECT p.prefix, sum(d.n) FROM (SELECT village_code, count(*) AS n FROM new_rows GROUP BY village_code) AS d
    CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
    GROUP BY p.prefix HAVING sum(d.n) <> 0 ORDER BY p.prefix
    ON CONFLICT (prefix) DO UPDATE SET households = c.households + excluded.households;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO region_counter AS c (prefix, households)
    SELECT p.prefix, sum(d.n) FROM (SELECT village_code, -count(*) AS n FROM old_rows GROUP BY village_code) AS d
    CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
    GROUP BY p.prefix HAVING sum(d.n) <> 0 ORDER BY p.prefix
    ON CONFLICT (prefix) DO UPDATE SET households = c.households + excluded.households;
  ELSE
    INSERT INTO region_counter AS c (prefix, households)
    SELECT p.prefix, sum(d.n) FROM (SELECT village_code, sum(m.n) AS n FROM (SELECT village_code, 1 AS n FROM new_rows UNION ALL SELECT village_code, -1 FROM old_rows) AS m GROUP BY village_code) AS d
    CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
    GROUP BY p.prefix HAVING sum(d.n) <> 0 ORDER BY p.prefix
    ON CONFLICT (prefix) DO UPDATE SET households = c.households + excluded.households;
  END IF;
  RETURN NULL;
END
$fn$`,
  `CREATE TRIGGER household_counter_insert AFTER INSERT ON household REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION region_counter_household()`,
  `CREATE TRIGGER household_counter_update AFTER UPDATE ON household REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION region_counter_household()`,
  `CREATE TRIGGER household_counter_delete AFTER DELETE ON household REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION region_counter_household()`,
  // resident
  `CREATE OR REPLACE FUNCTION region_counter_resident() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO region_counter AS c (prefix, residents)
    SELECT p.prefix, sum(d.n) FROM (SELECT village_code, count(*) AS n FROM new_rows GROUP BY village_code) AS d
    CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
    GROUP BY p.prefix HAVING sum(d.n) <> 0 ORDER BY p.prefix
    ON CONFLICT (prefix) DO UPDATE SET residents = c.residents + excluded.residents;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO region_counter AS c (prefix, residents)
    SELECT p.prefix, sum(d.n) FROM (SELECT village_code, -count(*) AS n FROM old_rows GROUP BY village_code) AS d
    CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
    GROUP BY p.prefix HAVING sum(d.n) <> 0 ORDER BY p.prefix
    ON CONFLICT (prefix) DO UPDATE SET residents = c.residents + excluded.residents;
  ELSE
    INSERT INTO region_counter AS c (prefix, residents)
    SELECT p.prefix, sum(d.n) FROM (SELECT village_code, sum(m.n) AS n FROM (SELECT village_code, 1 AS n FROM new_rows UNION ALL SELECT village_code, -1 FROM old_rows) AS m GROUP BY village_code) AS d
    CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
    GROUP BY p.prefix HAVING sum(d.n) <> 0 ORDER BY p.prefix
    ON CONFLICT (prefix) DO UPDATE SET residents = c.residents + excluded.residents;
  END IF;
  RETURN NULL;
END
$fn$`,
  `CREATE TRIGGER resident_counter_insert AFTER INSERT ON resident REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION region_counter_resident()`,
  `CREATE TRIGGER resident_counter_update AFTER UPDATE ON resident REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION region_counter_resident()`,
  `CREATE TRIGGER resident_counter_delete AFTER DELETE ON resident REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION region_counter_resident()`,
  // grid
  `CREATE OR REPLACE FUNCTION region_counter_grid() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO region_counter AS c (prefix, grids)
    SELECT p.prefix, sum(d.n) FROM (SELECT village_code, count(*) AS n FROM new_rows GROUP BY village_code) AS d
    CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
    GROUP BY p.prefix HAVING sum(d.n) <> 0 ORDER BY p.prefix
    ON CONFLICT (prefix) DO UPDATE SET grids = c.grids + excluded.grids;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO region_counter AS c (prefix, grids)
    SELECT p.prefix, sum(d.n) FROM (SELECT village_code, -count(*) AS n FROM old_rows GROUP BY village_code) AS d
    CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
    GROUP BY p.prefix HAVING sum(d.n) <> 0 ORDER BY p.prefix
    ON CONFLICT (prefix) DO UPDATE SET grids = c.grids + excluded.grids;
  ELSE
    INSERT INTO region_counter AS c (prefix, grids)
    SELECT p.prefix, sum(d.n) FROM (SELECT village_code, sum(m.n) AS n FROM (SELECT village_code, 1 AS n FROM new_rows UNION ALL SELECT village_code, -1 FROM old_rows) AS m GROUP BY village_code) AS d
    CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
    GROUP BY p.prefix HAVING sum(d.n) <> 0 ORDER BY p.prefix
    ON CONFLICT (prefix) DO UPDATE SET grids = c.grids + excluded.grids;
  END IF;
  RETURN NULL;
END
$fn$`,
  `CREATE TRIGGER grid_counter_insert AFTER INSERT ON grid REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION region_counter_grid()`,
  `CREATE TRIGGER grid_counter_update AFTER UPDATE ON grid REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION region_counter_grid()`,
  `CREATE TRIGGER grid_counter_delete AFTER DELETE ON grid REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION region_counter_grid()`,
];

/** The counters from a full count (the counted tables locked against writes meanwhile). */
const COUNTER_REBUILD = [
  'LOCK TABLE household, resident, grid IN SHARE MODE',
  'DELETE FROM region_counter',
  `INSERT INTO region_counter AS c (prefix, households)
    SELECT p.prefix, sum(d.n) FROM (SELECT village_code, count(*) AS n FROM household GROUP BY village_code) AS d
    CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
    GROUP BY p.prefix HAVING sum(d.n) <> 0 ORDER BY p.prefix
    ON CONFLICT (prefix) DO UPDATE SET households = c.households + excluded.households`,
  `INSERT INTO region_counter AS c (prefix, residents)
    SELECT p.prefix, sum(d.n) FROM (SELECT village_code, count(*) AS n FROM resident GROUP BY village_code) AS d
    CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
    GROUP BY p.prefix HAVING sum(d.n) <> 0 ORDER BY p.prefix
    ON CONFLICT (prefix) DO UPDATE SET residents = c.residents + excluded.residents`,
  `INSERT INTO region_counter AS c (prefix, grids)
    SELECT p.prefix, sum(d.n) FROM (SELECT village_code, count(*) AS n FROM grid GROUP BY village_code) AS d
    CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
    GROUP BY p.prefix HAVING sum(d.n) <> 0 ORDER BY p.prefix
    ON CONFLICT (prefix) DO UPDATE SET grids = c.grids + excluded.grids`,
];

const COUNTED_TABLES = ['household', 'resident', 'grid'] as const;

export class RegionCounters1772000000000 implements MigrationInterface {
  name = 'RegionCounters1772000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE region_counter (
      prefix text PRIMARY KEY CHECK (prefix ~ '^(\\d{6}|\\d{9}|\\d{12})$'),
      households bigint NOT NULL DEFAULT 0,
      residents bigint NOT NULL DEFAULT 0,
      grids bigint NOT NULL DEFAULT 0
    )`);
    await q.query(`CREATE INDEX region_counter_prefix_idx ON region_counter USING btree (prefix text_pattern_ops)`);
    for (const sql of COUNTER_TRIGGERS) await q.query(sql);
    for (const sql of COUNTER_REBUILD) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of COUNTED_TABLES) {
      for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER ${table}_counter_${op} ON ${table}`);
      await q.query(`DROP FUNCTION region_counter_${table}()`);
    }
    await q.query('DROP TABLE region_counter');
  }
}
