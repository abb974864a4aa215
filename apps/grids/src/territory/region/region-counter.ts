import type { CounterRebuild } from '@xiangzhi/kernel';
import type { EntityManager, QueryRunner } from 'typeorm';

/**
 * 区划计数 region counters: households, residents and grids per region prefix, kept by the database
 * itself so that `Region.stats` never recounts a county.
 *
 * `region_counter.prefix` is the significant prefix of a region code — the 12-digit village code,
 * its 9-digit township prefix and its 6-digit county prefix — so a row holds exactly what
 * `village_code LIKE 'prefix%'` counts. Statement-level triggers with transition tables on
 * `household`, `resident` and `grid` (INSERT, UPDATE, DELETE) add one aggregated delta per statement
 * and per prefix, in the transaction of the write: a set-based import (COPY, multi-row INSERT) keeps
 * them as well as a single-row mutation, and a rollback takes them back. Residents count whatever
 * their status (as the live count always did): only a move between villages changes a counter.
 */
export const COUNTED_TABLES = { household: 'households', resident: 'residents', grid: 'grids' } as const;

export type CountedTable = keyof typeof COUNTED_TABLES;
export type CounterColumn = (typeof COUNTED_TABLES)[CountedTable];

/**
 * `INSERT … ON CONFLICT` adding per-village deltas (`deltas`: a query of `village_code, n`) to the
 * village, township and county rows of `column`, in prefix order (two writers lock rows in the same
 * order, so they cannot deadlock on the counters).
 */
export function counterUpsert(column: CounterColumn, deltas: string): string {
  return `INSERT INTO region_counter AS c (prefix, ${column})
    SELECT p.prefix, sum(d.n) FROM (${deltas}) AS d
    CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
    GROUP BY p.prefix HAVING sum(d.n) <> 0 ORDER BY p.prefix
    ON CONFLICT (prefix) DO UPDATE SET ${column} = c.${column} + excluded.${column}`;
}

/** The trigger function of one counted table: INSERT adds, DELETE subtracts, UPDATE moves between villages. */
export function counterTriggerFunction(table: CountedTable): string {
  const column = COUNTED_TABLES[table];
  return `CREATE OR REPLACE FUNCTION region_counter_${table}() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    ${counterUpsert(column, 'SELECT village_code, count(*) AS n FROM new_rows GROUP BY village_code')};
  ELSIF TG_OP = 'DELETE' THEN
    ${counterUpsert(column, 'SELECT village_code, -count(*) AS n FROM old_rows GROUP BY village_code')};
  ELSE
    ${counterUpsert(
      column,
      'SELECT village_code, sum(m.n) AS n FROM (SELECT village_code, 1 AS n FROM new_rows UNION ALL SELECT village_code, -1 FROM old_rows) AS m GROUP BY village_code',
    )};
  END IF;
  RETURN NULL;
END
$fn$`;
}

/** The three statement-level triggers of one counted table (a trigger with transition tables has one event). */
export function counterTriggers(table: CountedTable): string[] {
  const fn = `region_counter_${table}()`;
  return [
    `CREATE TRIGGER ${table}_counter_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}`,
    `CREATE TRIGGER ${table}_counter_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}`,
    `CREATE TRIGGER ${table}_counter_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}`,
  ];
}

/** Progress of a rebuild: the step done (a counted table) and how many of the steps are done. */
export type RebuildProgress = Parameters<CounterRebuild['rebuild']>[1];

type Runner = Pick<EntityManager | QueryRunner, 'query'>;

/**
 * Recomputes every counter from a full count, in the caller's transaction: the counted tables are
 * locked against writes (SHARE mode; reads go on) for its duration, so the counters match the rows
 * exactly when it commits. Used by the migration that creates the counters and by `xz stats rebuild`.
 */
export async function rebuildRegionCounters(runner: Runner, progress?: RebuildProgress): Promise<void> {
  const tables = Object.keys(COUNTED_TABLES) as CountedTable[];
  await runner.query(`LOCK TABLE ${tables.join(', ')} IN SHARE MODE`);
  await runner.query('DELETE FROM region_counter');
  for (const [i, table] of tables.entries()) {
    const started = Date.now();
    await runner.query(counterUpsert(COUNTED_TABLES[table], `SELECT village_code, count(*) AS n FROM ${table} GROUP BY village_code`));
    progress?.({ label: table, done: i + 1, total: tables.length, ms: Date.now() - started });
  }
}

/** `xz stats rebuild --subgraph grids`: the region counters from a full count. */
export const regionCounterRebuild: CounterRebuild = { name: 'region_counter', rebuild: (manager, progress) => rebuildRegionCounters(manager, progress) };

export interface RegionCounts {
  households: number;
  residents: number;
  grids: number;
}

/** Counter lengths: county, township, village prefixes. */
const COUNTER_PREFIX_LENGTHS = new Set([6, 9, 12]);

/**
 * Reads the counts under each prefix in ONE statement: exact counter rows for county, township and
 * village prefixes; the county rows under a shorter (city, province) prefix, summed here.
 */
export async function readRegionCounters(runner: Runner, prefixes: string[]): Promise<Map<string, RegionCounts>> {
  const distinct = [...new Set(prefixes)];
  const exact = distinct.filter((p) => COUNTER_PREFIX_LENGTHS.has(p.length));
  const wider = distinct.filter((p) => !COUNTER_PREFIX_LENGTHS.has(p.length));
  const result = new Map<string, RegionCounts>(distinct.map((p) => [p, { households: 0, residents: 0, grids: 0 }]));
  if (distinct.length === 0) return result;
  const params: string[] = [...exact, ...wider.map((p) => `${p}%`)];
  const conditions: string[] = [];
  if (exact.length > 0) conditions.push(`prefix IN (${exact.map((_, i) => `$${i + 1}`).join(', ')})`);
  if (wider.length > 0) conditions.push(`(length(prefix) = 6 AND (${wider.map((_, i) => `prefix LIKE $${exact.length + i + 1}`).join(' OR ')}))`);
  const rows: { prefix: string; households: string; residents: string; grids: string }[] = await runner.query(
    `SELECT prefix, households, residents, grids FROM region_counter WHERE ${conditions.join(' OR ')}`,
    params,
  );
  for (const row of rows) {
    const owners = COUNTER_PREFIX_LENGTHS.has(row.prefix.length) && result.has(row.prefix) ? [row.prefix] : [];
    if (row.prefix.length === 6) owners.push(...wider.filter((p) => row.prefix.startsWith(p)));
    for (const counts of owners.map((o) => result.get(o)).filter((c): c is RegionCounts => c !== undefined)) {
      counts.households += Number(row.households);
      counts.residents += Number(row.residents);
      counts.grids += Number(row.grids);
    }
  }
  return result;
}
