/**
 * 区划前缀计数 prefix counters: a subgraph's counter table holds one row per village (12 digits),
 * township (9) and county (6) prefix — optionally per year — so that a region's figure is one
 * primary-key lookup instead of a count of every row under the county. The table is kept by the
 * subgraph (statement-level triggers written in its migrations, or its write path) in the write's
 * transaction; these helpers read it and fill it from a full count (`xz stats rebuild`).
 */
import type { EntityManager } from 'typeorm';

/** The prefix lengths a counter table keeps: county, township, village. */
export const COUNTER_PREFIX_LENGTHS: readonly number[] = [6, 9, 12];

/** A counter table: its name, its counted columns and whether its rows are per year (`year int`). */
export interface PrefixCounterTable<C extends string> {
  table: string;
  columns: readonly C[];
  perYear?: boolean;
}

type Runner = Pick<EntityManager, 'query'>;

/**
 * The counters under each prefix (of a region scope: 2, 4, 6, 9 or 12 digits) in ONE statement:
 * exact rows for county, township and village prefixes; the county rows under a shorter (city,
 * province) prefix, summed here. `year` selects the year's rows of a per-year table.
 */
export async function readPrefixCounters<C extends string>(
  runner: Runner,
  counter: PrefixCounterTable<C>,
  prefixes: readonly string[],
  year?: number,
): Promise<Map<string, Record<C, number>>> {
  const distinct = [...new Set(prefixes)];
  const zero = (): Record<C, number> => Object.fromEntries(counter.columns.map((c) => [c, 0])) as Record<C, number>;
  const result = new Map<string, Record<C, number>>(distinct.map((p) => [p, zero()]));
  if (distinct.length === 0) return result;
  const exact = distinct.filter((p) => COUNTER_PREFIX_LENGTHS.includes(p.length));
  const wider = distinct.filter((p) => !COUNTER_PREFIX_LENGTHS.includes(p.length));
  const params: unknown[] = [exact, wider.map((p) => `${p}%`)];
  if (counter.perYear) params.push(year ?? 0);
  const rows = (await runner.query(
    `SELECT prefix, ${counter.columns.join(', ')} FROM ${counter.table}
      WHERE (prefix = ANY($1::text[]) OR (length(prefix) = 6 AND prefix LIKE ANY($2::text[])))${counter.perYear ? ' AND year = $3' : ''}`,
    params,
  )) as ({ prefix: string } & Record<C, string | number>)[];
  for (const row of rows) {
    const owners = COUNTER_PREFIX_LENGTHS.includes(row.prefix.length) && result.has(row.prefix) ? [row.prefix] : [];
    if (row.prefix.length === 6) owners.push(...wider.filter((p) => row.prefix.startsWith(p)));
    for (const owner of owners) {
      const counts = result.get(owner);
      if (counts) for (const c of counter.columns) counts[c] += Number(row[c]);
    }
  }
  return result;
}

/**
 * Fills a counter table from full counts, in the caller's transaction: locks `lock` against writes
 * (SHARE mode; reads go on), empties the table, then adds each step's per-village figures (`sql`: a
 * query of `village_code`, `year` for a per-year table, and some of the columns) rolled up to the
 * township and county prefixes, reporting each step.
 */
export async function rebuildPrefixCounters<C extends string>(
  runner: Runner,
  counter: PrefixCounterTable<C>,
  lock: readonly string[],
  steps: readonly { label: string; sql: string; columns: readonly C[]; params?: unknown[] }[],
  progress?: (step: { label: string; done: number; total: number; ms: number }) => void,
): Promise<void> {
  await runner.query(`LOCK TABLE ${lock.join(', ')} IN SHARE MODE`);
  await runner.query(`DELETE FROM ${counter.table}`);
  const key = counter.perYear ? ['prefix', 'year'] : ['prefix'];
  for (const [i, step] of steps.entries()) {
    const started = Date.now();
    await runner.query(
      `INSERT INTO ${counter.table} AS c (${[...key, ...step.columns].join(', ')})
       SELECT p.prefix${counter.perYear ? ', d.year' : ''}, ${step.columns.map((col) => `sum(d.${col})`).join(', ')} FROM (${step.sql}) AS d
       CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
       GROUP BY ${counter.perYear ? 'p.prefix, d.year' : 'p.prefix'} ORDER BY ${counter.perYear ? 'p.prefix, d.year' : 'p.prefix'}
       ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${step.columns.map((col) => `${col} = c.${col} + excluded.${col}`).join(', ')}`,
      step.params ?? [],
    );
    progress?.({ label: step.label, done: i + 1, total: steps.length, ms: Date.now() - started });
  }
}
