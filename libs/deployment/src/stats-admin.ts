import type { CounterRebuild } from '@xiangzhi/kernel';
import { openSubgraph, type EventsAdminTarget } from './events-admin';

/** The counter sets a subgraph keeps (`counters` of its module). */
export function counterSetsOf(target: Pick<EventsAdminTarget, 'module'>): CounterRebuild[] {
  return target.module.counters ?? [];
}

/**
 * `xz stats rebuild`: recomputes every counter set of a subgraph from a full count, all of them in one
 * transaction (what they count is locked against writes until it commits), reporting each step.
 */
export async function rebuildCountersOf(
  target: EventsAdminTarget,
  progress: (line: { set: string; label: string; done: number; total: number; ms: number }) => void,
): Promise<string[]> {
  const sets = counterSetsOf(target);
  if (sets.length === 0) return [];
  await openSubgraph(target).run(({ dataSource }) =>
    dataSource.transaction(async (manager) => {
      for (const set of sets) await set.rebuild(manager, (step) => progress({ set: set.name, ...step }));
    }),
  );
  return sets.map((s) => s.name);
}
