import { readPrefixCounters, rebuildPrefixCounters, type CounterRebuild, type PrefixCounterTable } from '@xiangzhi/kernel';
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
export const INCIDENT_COUNTER: PrefixCounterTable<'open_incidents'> = { table: 'incident_counter', columns: ['open_incidents'] };

type Runner = Pick<EntityManager, 'query'>;

/** Open incidents under each prefix in ONE statement (kernel `readPrefixCounters`). */
export async function readOpenIncidentCounters(runner: Runner, prefixes: string[]): Promise<Map<string, number>> {
  const counters = await readPrefixCounters(runner, INCIDENT_COUNTER, prefixes);
  return new Map([...counters].map(([prefix, c]) => [prefix, c.open_incidents]));
}

/**
 * Recomputes the counters from a full count of the open incidents, in the caller's transaction
 * (`incident` locked against writes meanwhile, reads go on). `xz stats rebuild --subgraph grids`.
 */
export function rebuildIncidentCounters(runner: Runner, progress?: Parameters<CounterRebuild['rebuild']>[1]): Promise<void> {
  return rebuildPrefixCounters(
    runner,
    INCIDENT_COUNTER,
    ['incident'],
    [
      {
        label: 'incident (open)',
        columns: ['open_incidents'],
        sql: 'SELECT village_code, count(*) AS open_incidents FROM incident WHERE status = ANY($1::text[]) GROUP BY village_code',
        params: [[...OPEN_STATUSES]],
      },
    ],
    progress,
  );
}

/** `xz stats rebuild --subgraph grids`: the open-incident counters from a full count. */
export const incidentCounterRebuild: CounterRebuild = { name: 'incident_counter', rebuild: (manager, progress) => rebuildIncidentCounters(manager, progress) };
