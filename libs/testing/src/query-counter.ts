import type { RunningSubgraph } from '@xiangzhi/kernel';

export type { QueryCounter } from '@xiangzhi/kernel';

export interface CountedQueries<T> {
  result: T;
  /** SQL statements the subgraph ran (transaction control and `SET` not counted). */
  count: number;
  statements: string[];
}

/**
 * Counts the SQL statements one subgraph runs while `work` runs, to prove a list query does not
 * grow with the number of items (no N+1):
 *
 *   const { count } = await countQueries(platform.subgraphs.grids, () => platform.query(q, {}, admin));
 *   expect(count).toBe(3);
 */
export async function countQueries<T>(subgraph: RunningSubgraph, work: () => Promise<T>): Promise<CountedQueries<T>> {
  const stop = subgraph.db.queries.start();
  let count = 0;
  let result: T;
  try {
    result = await work();
  } finally {
    count = stop();
  }
  return { result, count, statements: [...subgraph.db.queries.statements] };
}
