import { rebuildPrefixCounters, type CounterRebuild, type PrefixCounterTable } from '@xiangzhi/kernel';
import type { EntityManager } from 'typeorm';

/**
 * 事件办理计数 incident-handling counters: one `incident_handling_counter` row per village (12
 * digits), township (9) and county (6) prefix and per year of report (China time) — incidents
 * reported, closed, settled (resolved or closed), closed after a resolution no later than the
 * deadline, rated, and the ratings' sum — kept by statement-level triggers with transition tables on
 * `incident` in the transaction of the write (migration `1774800000000-incident-handling-counters`;
 * `incident.resolved_at`, the earliest RESOLVED entry of the history, is kept by a trigger on
 * `incident_history`). `Region.incidentHandling` reads them; only "due" depends on the current time,
 * and its open part (open incidents past their deadline) is counted by an index-only scan of the open
 * incidents by deadline (migration `1774800000001-incident-overdue-index`).
 */
export const INCIDENT_HANDLING_COUNTER: PrefixCounterTable<'total' | 'closed' | 'settled' | 'closed_on_time' | 'rated' | 'rating_sum'> = {
  table: 'incident_handling_counter',
  columns: ['total', 'closed', 'settled', 'closed_on_time', 'rated', 'rating_sum'],
  perYear: true,
};

type Runner = Pick<EntityManager, 'query'>;

/**
 * Recomputes `incident.resolved_at` from the history and the counters from a full count, in the
 * caller's transaction (`incident` and `incident_history` locked against writes meanwhile).
 */
export async function rebuildIncidentHandlingCounters(runner: Runner, progress?: Parameters<CounterRebuild['rebuild']>[1]): Promise<void> {
  const started = Date.now();
  await runner.query('LOCK TABLE incident, incident_history IN SHARE MODE');
  await runner.query(
    `UPDATE incident i SET resolved_at = h.at
       FROM (SELECT i2.id, (SELECT min(at) FROM incident_history h2 WHERE h2.incident_id = i2.id AND h2.to_status = 'RESOLVED') AS at FROM incident i2) AS h
      WHERE h.id = i.id AND i.resolved_at IS DISTINCT FROM h.at`,
  );
  progress?.({ label: 'incident.resolved_at', done: 1, total: 2, ms: Date.now() - started });
  await rebuildPrefixCounters(
    runner,
    INCIDENT_HANDLING_COUNTER,
    ['incident', 'incident_history'],
    [
      {
        label: 'incident (handling)',
        columns: INCIDENT_HANDLING_COUNTER.columns,
        sql: `SELECT village_code, extract(year FROM (created_at AT TIME ZONE 'UTC') + interval '8 hours')::int AS year, count(*) AS total,
                     count(*) FILTER (WHERE status = 'CLOSED') AS closed, count(*) FILTER (WHERE status IN ('CLOSED', 'RESOLVED')) AS settled,
                     count(*) FILTER (WHERE status = 'CLOSED' AND EXISTS (
                       SELECT 1 FROM incident_history h WHERE h.incident_id = i.id AND h.to_status = 'RESOLVED' AND h.at <= i.deadline)) AS closed_on_time,
                     count(rating) FILTER (WHERE status = 'CLOSED') AS rated, coalesce(sum(rating) FILTER (WHERE status = 'CLOSED'), 0) AS rating_sum
                FROM incident i GROUP BY 1, 2`,
      },
    ],
    (p) => progress?.({ ...p, done: 2, total: 2 }),
  );
}

/** `xz stats rebuild --subgraph grids`: the incident-handling counters from a full count. */
export const incidentHandlingCounterRebuild: CounterRebuild = { name: 'incident_handling_counter', rebuild: (manager, progress) => rebuildIncidentHandlingCounters(manager, progress) };
