import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * 德治计数 `civility_region_counter`: per region prefix (village, township, county: the first 12, 9
 * and 6 digits of the row's code) and per year, the practice activities held, the volunteer minutes
 * served and the star households (one star or more) — what `Region.civility(year)` shows — kept by
 * statement-level triggers with transition tables on `practice_activity`, `volunteer_hours` and
 * `star_rating` in the transaction of the write, and filled from a full count. The SQL is written
 * here as it was when this migration was made (`civility-counter.ts` rebuilds): the functions below
 * are local to this file and produce, statement for statement, the text it ran
 * (tests/migrations/frozen-counters.spec.ts).
 */

const COLUMNS = ["activities", "minutes", "stars"] as const;

/** Adds the per-village, per-year deltas of `deltas` to the village, township and county rows. */
function upsert(deltas: string, indent: string): string {
  const sums = COLUMNS.map((c) => `sum(d.${c})`).join(", ");
  return `${indent}INSERT INTO civility_region_counter AS c (prefix, year, ${COLUMNS.join(", ")})
${indent}  SELECT p.prefix, d.year, ${sums} FROM (${deltas}) AS d
${indent}  CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
${indent}  GROUP BY p.prefix, d.year HAVING (${sums}) <> (${COLUMNS.map(() => "0").join(", ")}) ORDER BY p.prefix, d.year
${indent}  ON CONFLICT (prefix, year) DO UPDATE SET ${COLUMNS.map((c) => `${c} = c.${c} + excluded.${c}`).join(", ")};`;
}

type Sign = "" | "-";

/** One row per practice activity of `rows`: counted (sign '') or taken back (sign '-'). */
const activityRows = (rows: string, s: Sign) =>
  `SELECT region_code AS village_code, extract(year FROM held_on)::int AS year, ${s}1 AS activities, 0 AS minutes, 0 AS stars FROM ${rows}`;
/** The volunteer minutes of `rows`. */
const hoursRows = (rows: string, s: Sign) =>
  `SELECT village_code, extract(year FROM served_on)::int AS year, 0 AS activities, ${s}minutes AS minutes, 0 AS stars FROM ${rows}`;
/** One row per star household (one star or more) of `rows`. */
const starRows = (rows: string, s: Sign) =>
  `SELECT village_code, year, 0 AS activities, 0 AS minutes, ${s}1 AS stars FROM ${rows} WHERE stars >= 1`;

/** A trigger function adding the inserted rows, taking back the deleted ones, and both for an update. */
function triggerFunction(
  name: string,
  rowsOf: (rows: string, s: Sign) => string,
): string {
  return `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
${upsert(rowsOf("new_rows", ""), "    ")}
  ELSIF TG_OP = 'DELETE' THEN
${upsert(rowsOf("old_rows", "-"), "    ")}
  ELSE
${upsert(`${rowsOf("new_rows", "")} UNION ALL ${rowsOf("old_rows", "-")}`, "    ")}
  END IF;
  RETURN NULL;
END
$fn$`;
}

/** The counted tables and their trigger functions. */
const COUNTED: readonly (readonly [table: string, fn: string])[] = [
  ["practice_activity", "civility_region_counter_activity"],
  ["volunteer_hours", "civility_region_counter_hours"],
  ["star_rating", "civility_region_counter_stars"],
];

/** The three statement-level triggers of one counted table. */
function triggers(table: string, fn: string): string[] {
  return [
    `CREATE TRIGGER ${table}_counter_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
    `CREATE TRIGGER ${table}_counter_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
    `CREATE TRIGGER ${table}_counter_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
  ];
}

export class CivilityRegionCounters1774300000200 implements MigrationInterface {
  name = "CivilityRegionCounters1774300000200";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE civility_region_counter (
      prefix text NOT NULL CHECK (prefix ~ '^(\\d{6}|\\d{9}|\\d{12})$'),
      year int NOT NULL,
      activities bigint NOT NULL DEFAULT 0, minutes bigint NOT NULL DEFAULT 0, stars bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (prefix, year)
    )`);
    await q.query(
      triggerFunction("civility_region_counter_activity", activityRows),
    );
    await q.query(triggerFunction("civility_region_counter_hours", hoursRows));
    await q.query(triggerFunction("civility_region_counter_stars", starRows));
    for (const [table, fn] of COUNTED)
      for (const sql of triggers(table, fn)) await q.query(sql);
    await q.query(
      `\n${upsert([activityRows("practice_activity", ""), hoursRows("volunteer_hours", ""), starRows("star_rating", "")].join(" UNION ALL "), "      ")}`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      "practice_activity",
      "volunteer_hours",
      "star_rating",
    ]) {
      for (const op of ["insert", "update", "delete"])
        await q.query(`DROP TRIGGER ${table}_counter_${op} ON ${table}`);
    }
    for (const fn of ["activity", "hours", "stars"])
      await q.query(`DROP FUNCTION civility_region_counter_${fn}()`);
    await q.query("DROP TABLE civility_region_counter");
  }
}
