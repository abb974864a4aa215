import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * 法治计数 `legal_region_counter`: per village, township and county prefix and per year, the disputes
 * opened (of which mediated and at risk of turning criminal), the escalations and the petitions
 * received — what `Region.ruleOfLaw(year)` shows — kept by statement-level triggers with transition
 * tables on `dispute`, `dispute_escalation` and `petition` in the transaction of the write (a
 * dispute moving to another village takes its escalations along), and filled from a full count.
 * The SQL is written here as it was when this migration was made (`legal-counter.ts` rebuilds): the
 * functions below are local to this file and produce, statement for statement, the text it ran
 * (tests/migrations/frozen-counters.spec.ts).
 */

const COLUMNS = [
  "disputes",
  "mediated",
  "crime_risk",
  "escalations",
  "petitions",
] as const;

/** Adds the per-village, per-year deltas of `deltas` to the village, township and county rows. */
function upsert(deltas: string, indent: string): string {
  const sums = COLUMNS.map((c) => `sum(d.${c})`).join(", ");
  return `${indent}INSERT INTO legal_region_counter AS c (prefix, year, ${COLUMNS.join(", ")})
${indent}  SELECT p.prefix, d.year, ${sums} FROM (${deltas}) AS d
${indent}  CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
${indent}  GROUP BY p.prefix, d.year HAVING (${sums}) <> (${COLUMNS.map(() => "0").join(", ")}) ORDER BY p.prefix, d.year
${indent}  ON CONFLICT (prefix, year) DO UPDATE SET ${COLUMNS.map((c) => `${c} = c.${c} + excluded.${c}`).join(", ")};`;
}

type Sign = "" | "-";

/** One row per dispute of `rows`: counted (sign '') or taken back (sign '-'). */
const disputeRows = (rows: string, s: Sign) =>
  `SELECT village_code, extract(year FROM opened_on)::int AS year, ${s}1 AS disputes, ${s}(outcome IS NOT DISTINCT FROM 'MEDIATED')::int AS mediated, ${s}crime_risk::int AS crime_risk, 0 AS escalations, 0 AS petitions FROM ${rows}`;
/** One row per escalation of `rows`, in its dispute's village. */
const escalationRows = (rows: string, s: Sign) =>
  `SELECT d.village_code, extract(year FROM e.escalated_on)::int AS year, 0 AS disputes, 0 AS mediated, 0 AS crime_risk, ${s}1 AS escalations, 0 AS petitions FROM ${rows} AS e JOIN dispute d ON d.id = e.dispute_id`;
/** One row per petition of `rows`. */
const petitionRows = (rows: string, s: Sign) =>
  `SELECT village_code, extract(year FROM received_on)::int AS year, 0 AS disputes, 0 AS mediated, 0 AS crime_risk, 0 AS escalations, ${s}1 AS petitions FROM ${rows}`;
/** A dispute moved to another village takes its escalations along (sign '' for the new village). */
const movedEscalations = (village: "n" | "o", s: Sign) =>
  `SELECT ${village}.village_code, extract(year FROM e.escalated_on)::int, 0, 0, 0, ${s}1, 0 FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN dispute_escalation e ON e.dispute_id = n.id WHERE o.village_code <> n.village_code`;

/** A trigger function adding the inserted rows, taking back the deleted ones, and both for an update (plus `moved` on update). */
function triggerFunction(
  name: string,
  rowsOf: (rows: string, s: Sign) => string,
  moved: string[] = [],
): string {
  return `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
${upsert(rowsOf("new_rows", ""), "    ")}
  ELSIF TG_OP = 'DELETE' THEN
${upsert(rowsOf("old_rows", "-"), "    ")}
  ELSE
${upsert([rowsOf("new_rows", ""), rowsOf("old_rows", "-"), ...moved].join(" UNION ALL "), "    ")}
  END IF;
  RETURN NULL;
END
$fn$`;
}

/** The counted tables and their trigger functions. */
const COUNTED: readonly (readonly [table: string, fn: string])[] = [
  ["dispute", "legal_region_counter_dispute"],
  ["dispute_escalation", "legal_region_counter_escalation"],
  ["petition", "legal_region_counter_petition"],
];

/** The three statement-level triggers of one counted table. */
function triggers(table: string, fn: string): string[] {
  return [
    `CREATE TRIGGER ${table}_counter_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
    `CREATE TRIGGER ${table}_counter_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
    `CREATE TRIGGER ${table}_counter_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
  ];
}

export class LegalRegionCounters1774300000100 implements MigrationInterface {
  name = "LegalRegionCounters1774300000100";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE legal_region_counter (
      prefix text NOT NULL CHECK (prefix ~ '^(\\d{6}|\\d{9}|\\d{12})$'),
      year int NOT NULL,
      disputes bigint NOT NULL DEFAULT 0, mediated bigint NOT NULL DEFAULT 0, crime_risk bigint NOT NULL DEFAULT 0, escalations bigint NOT NULL DEFAULT 0, petitions bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (prefix, year)
    )`);
    await q.query(
      triggerFunction("legal_region_counter_dispute", disputeRows, [
        movedEscalations("n", ""),
        movedEscalations("o", "-"),
      ]),
    );
    await q.query(
      triggerFunction("legal_region_counter_escalation", escalationRows),
    );
    await q.query(
      triggerFunction("legal_region_counter_petition", petitionRows),
    );
    for (const [table, fn] of COUNTED)
      for (const sql of triggers(table, fn)) await q.query(sql);
    await q.query(
      `\n${upsert([disputeRows("dispute", ""), escalationRows("dispute_escalation", ""), petitionRows("petition", "")].join(" UNION ALL "), "      ")}`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["dispute", "dispute_escalation", "petition"]) {
      for (const op of ["insert", "update", "delete"])
        await q.query(`DROP TRIGGER ${table}_counter_${op} ON ${table}`);
    }
    for (const fn of ["dispute", "escalation", "petition"])
      await q.query(`DROP FUNCTION legal_region_counter_${fn}()`);
    await q.query("DROP TABLE legal_region_counter");
  }
}
