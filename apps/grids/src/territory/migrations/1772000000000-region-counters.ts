import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 区划计数 `region_counter`: households, residents and grids per village, township and county prefix,
 * kept by statement-level triggers with transition tables on the counted tables (see
 * `region-counter.ts`), and filled from a full count of what is already recorded. The SQL is
 * written here as it was when this migration was made (the same text `region-counter.ts` produced
 * then), so that a later change to `region-counter.ts` cannot change what this migration runs.
 */

const COUNTED_TABLES = [
  ['household', 'households'],
  ['resident', 'residents'],
  ['grid', 'grids'],
] as const;

/** The upsert adding per-village deltas to the village, township and county rows (text fixed as when this migration was made). */
function upsert(column: string, deltas: string): string {
  return `INSERT INTO region_counter AS c (prefix, ${column})
    SELECT p.prefix, sum(d.n) FROM (${deltas}) AS d
    CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
    GROUP BY p.prefix HAVING sum(d.n) <> 0 ORDER BY p.prefix
    ON CONFLICT (prefix) DO UPDATE SET ${column} = c.${column} + excluded.${column}`;
}

/** The trigger function and the three statement-level triggers of one counted table. */
function triggers(table: string, column: string): string[] {
  const fn = `region_counter_${table}()`;
  return [
    `CREATE OR REPLACE FUNCTION region_counter_${table}() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    ${upsert(column, 'SELECT village_code, count(*) AS n FROM new_rows GROUP BY village_code')};
  ELSIF TG_OP = 'DELETE' THEN
    ${upsert(column, 'SELECT village_code, -count(*) AS n FROM old_rows GROUP BY village_code')};
  ELSE
    ${upsert(column, 'SELECT village_code, sum(m.n) AS n FROM (SELECT village_code, 1 AS n FROM new_rows UNION ALL SELECT village_code, -1 FROM old_rows) AS m GROUP BY village_code')};
  END IF;
  RETURN NULL;
END
$fn$`,
    `CREATE TRIGGER ${table}_counter_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}`,
    `CREATE TRIGGER ${table}_counter_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}`,
    `CREATE TRIGGER ${table}_counter_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}`,
  ];
}

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
    for (const [table, column] of COUNTED_TABLES) for (const sql of triggers(table, column)) await q.query(sql);
    // the counters from a full count (the counted tables locked against writes meanwhile)
    await q.query('LOCK TABLE household, resident, grid IN SHARE MODE');
    await q.query('DELETE FROM region_counter');
    for (const [table, column] of COUNTED_TABLES) await q.query(upsert(column, `SELECT village_code, count(*) AS n FROM ${table} GROUP BY village_code`));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table] of COUNTED_TABLES) {
      for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER ${table}_counter_${op} ON ${table}`);
      await q.query(`DROP FUNCTION region_counter_${table}()`);
    }
    await q.query('DROP TABLE region_counter');
  }
}
