import type { CounterRebuild } from '@xiangzhi/kernel';
import type { EntityManager } from 'typeorm';
import { OPEN_STATUSES } from './incident-state';

/**
 * 未办结事件计数 open-incident counters: one `incident_counter` row per village (12 digits), township
 * (9) and county (6) prefix, kept by statement-level triggers with transition tables on `incident`
 * in the transaction of the write (migration `1774300000000-incident-counters`): a report adds, a
 * transition out of the open statuses (resolved, closed, rejected) or a deletion subtracts, a move
 * between villages (a merger) moves, a rollback takes it back. `RegionStats.openIncidents` reads
 * them instead of counting the incidents under a county.
 */
type Runner = Pick<EntityManager, 'query'>;

/** Counter lengths: county, township, village prefixes. */
const PREFIX_LENGTHS = new Set([6, 9, 12]);

/**
 * Open incidents under each prefix in ONE statement (primary-key lookups): exact rows for county,
 * township and village prefixes; the county rows under a shorter (city, province) prefix, summed.
 */
export async function readOpenIncidentCounters(runner: Runner, prefixes: string[]): Promise<Map<string, number>> {
  const distinct = [...new Set(prefixes)];
  const result = new Map<string, number>(distinct.map((p) => [p, 0]));
  if (distinct.length === 0) return result;
  const exact = distinct.filter((p) => PREFIX_LENGTHS.has(p.length));
  const wider = distinct.filter((p) => !PREFIX_LENGTHS.has(p.length));
  const rows = (await runner.query(
    `SELECT prefix, open_incidents FROM incident_counter WHERE prefix = ANY($1::text[]) OR (length(prefix) = 6 AND prefix LIKE ANY($2::text[]))`,
    [exact, wider.map((p) => `${p}%`)],
  )) as { prefix: string; open_incidents: string | number }[];
  for (const row of rows) {
    const n = Number(row.open_incidents);
    if (result.has(row.prefix) && PREFIX_LENGTHS.has(row.prefix.length)) result.set(row.prefix, (result.get(row.prefix) ?? 0) + n);
    if (row.prefix.length === 6) for (const p of wider) if (row.prefix.startsWith(p)) result.set(p, (result.get(p) ?? 0) + n);
  }
  return result;
}

/**
 * Recomputes the counters from a full count of the open incidents, in the caller's transaction
 * (`incident` locked against writes meanwhile, reads go on). `xz stats rebuild --subgraph grids`.
 */
export async function rebuildIncidentCounters(runner: Runner, progress?: Parameters<CounterRebuild['rebuild']>[1]): Promise<void> {
  const started = Date.now();
  await runner.query('LOCK TABLE incident IN SHARE MODE');
  await runner.query('DELETE FROM incident_counter');
  await runner.query(
    `INSERT INTO incident_counter (prefix, open_incidents)
     SELECT p.prefix, sum(d.n) FROM (SELECT village_code, count(*) AS n FROM incident WHERE status = ANY($1::text[]) GROUP BY village_code) AS d
     CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
     GROUP BY p.prefix ORDER BY p.prefix`,
    [[...OPEN_STATUSES]],
  );
  progress?.({ label: 'incident (open)', done: 1, total: 1, ms: Date.now() - started });
}

/** `xz stats rebuild --subgraph grids`: the open-incident counters from a full count. */
export const incidentCounterRebuild: CounterRebuild = { name: 'incident_counter', rebuild: (manager, progress) => rebuildIncidentCounters(manager, progress) };
