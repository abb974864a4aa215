import type { MigrationInterface, QueryRunner } from 'typeorm';

const SUMS = 'sum(d.disputes), sum(d.mediated), sum(d.crime_risk), sum(d.escalations), sum(d.petitions)';
const SET =
  'disputes = c.disputes + excluded.disputes, mediated = c.mediated + excluded.mediated, crime_risk = c.crime_risk + excluded.crime_risk, ' +
  'escalations = c.escalations + excluded.escalations, petitions = c.petitions + excluded.petitions';

/** The per-village, per-month facts `facts` added to the village, township and county rows. */
const upsert = (facts: string): string => `INSERT INTO legal_month_counter AS c (prefix, month, disputes, mediated, crime_risk, escalations, petitions)
      SELECT p.prefix, d.month, ${SUMS} FROM (${facts}) AS d
      CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
      GROUP BY p.prefix, d.month HAVING (${SUMS}) <> (0, 0, 0, 0, 0) ORDER BY p.prefix, d.month
      ON CONFLICT (prefix, month) DO UPDATE SET ${SET}`;

const disputes = (source: string, s: string): string =>
  `SELECT village_code, date_trunc('month', opened_on)::date AS month, ${s} AS disputes, ${s} * (outcome IS NOT DISTINCT FROM 'MEDIATED')::int AS mediated, ${s} * crime_risk::int AS crime_risk, 0 AS escalations, 0 AS petitions FROM ${source}`;
const escalations = (source: string, s: string): string =>
  `SELECT d.village_code, date_trunc('month', e.escalated_on)::date AS month, 0 AS disputes, 0 AS mediated, 0 AS crime_risk, ${s} AS escalations, 0 AS petitions FROM ${source} AS e JOIN dispute d ON d.id = e.dispute_id`;
const petitions = (source: string, s: string): string =>
  `SELECT village_code, date_trunc('month', received_on)::date AS month, 0 AS disputes, 0 AS mediated, 0 AS crime_risk, 0 AS escalations, ${s} AS petitions FROM ${source}`;
/** A dispute moving between villages takes its escalations along. */
const moved = (s: string, village: 'n' | 'o'): string =>
  `SELECT ${village}.village_code, date_trunc('month', e.escalated_on)::date, 0, 0, 0, ${s}, 0 FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN dispute_escalation e ON e.dispute_id = n.id WHERE o.village_code <> n.village_code`;

const fn = (name: string, insert: string, del: string, update: string): string => `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    ${upsert(insert)};
  ELSIF TG_OP = 'DELETE' THEN
    ${upsert(del)};
  ELSE
    ${upsert(update)};
  END IF;
  RETURN NULL;
END
$fn$`;

/**
 * 法治月计数 `legal_month_counter`: per village, township and county prefix and per calendar month,
 * the disputes opened (of which mediated and at risk of turning criminal), the escalations and the
 * petitions received — so that `ruleOfLawStats(regionCode, from, to)` over any dates reads the
 * whole months of the period here and counts only its two partial months from the rows (new
 * indexes by date) — kept by statement-level triggers with transition tables on `dispute`,
 * `dispute_escalation` and `petition` in the transaction of the write, and filled from a full count.
 * The SQL is written here as it was when this migration was made (`legal-counter.ts` rebuilds).
 */
export class LegalMonthCounters1774800000100 implements MigrationInterface {
  name = 'LegalMonthCounters1774800000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE legal_month_counter (
      prefix text NOT NULL CHECK (prefix ~ '^(\\d{6}|\\d{9}|\\d{12})$'),
      month date NOT NULL CHECK (extract(day FROM month) = 1),
      disputes bigint NOT NULL DEFAULT 0, mediated bigint NOT NULL DEFAULT 0, crime_risk bigint NOT NULL DEFAULT 0, escalations bigint NOT NULL DEFAULT 0, petitions bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (prefix, month)
    )`);
    await q.query(
      fn(
        'legal_month_counter_dispute',
        disputes('new_rows', '1'),
        disputes('old_rows', '-1'),
        `${disputes('new_rows', '1')} UNION ALL ${disputes('old_rows', '-1')} UNION ALL ${moved('1', 'n')} UNION ALL ${moved('-1', 'o')}`,
      ),
    );
    await q.query(fn('legal_month_counter_escalation', escalations('new_rows', '1'), escalations('old_rows', '-1'), `${escalations('new_rows', '1')} UNION ALL ${escalations('old_rows', '-1')}`));
    await q.query(fn('legal_month_counter_petition', petitions('new_rows', '1'), petitions('old_rows', '-1'), `${petitions('new_rows', '1')} UNION ALL ${petitions('old_rows', '-1')}`));
    for (const [table, name] of [['dispute', 'dispute'], ['dispute_escalation', 'escalation'], ['petition', 'petition']]) {
      await q.query(`CREATE TRIGGER ${table}_month_counter_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION legal_month_counter_${name}()`);
      await q.query(`CREATE TRIGGER ${table}_month_counter_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION legal_month_counter_${name}()`);
      await q.query(`CREATE TRIGGER ${table}_month_counter_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION legal_month_counter_${name}()`);
    }
    await q.query(upsert(`${disputes('dispute', '1')} UNION ALL ${escalations('dispute_escalation', '1')} UNION ALL ${petitions('petition', '1')}`));
    // the partial months of a period, counted from the rows by date
    await q.query('CREATE INDEX dispute_opened_on_idx ON dispute (opened_on, village_code)');
    await q.query('CREATE INDEX dispute_escalation_escalated_on_idx ON dispute_escalation (escalated_on, dispute_id)');
    await q.query('CREATE INDEX petition_received_on_idx ON petition (received_on, village_code)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of ['dispute_opened_on_idx', 'dispute_escalation_escalated_on_idx', 'petition_received_on_idx']) await q.query(`DROP INDEX ${index}`);
    for (const table of ['dispute', 'dispute_escalation', 'petition']) {
      for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER ${table}_month_counter_${op} ON ${table}`);
    }
    for (const name of ['dispute', 'escalation', 'petition']) await q.query(`DROP FUNCTION legal_month_counter_${name}()`);
    await q.query('DROP TABLE legal_month_counter');
  }
}
