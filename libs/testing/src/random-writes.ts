import type { DataSource, EntityManager } from 'typeorm';

/** A small deterministic generator (mulberry32) in [0, 1), so a failing sequence can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One random write: runs its statements with `m` (a transaction's manager or the autocommit one). */
export type RandomWrite = (m: EntityManager) => Promise<unknown>;

export interface RandomWritesOptions {
  /** Transactions to run. */
  rounds: number;
  /** Share of the transactions rolled back on purpose after their writes (0.25 by default). */
  rollBackShare?: number;
  /** Most writes in one transaction (6 by default). */
  maxBatch?: number;
  /** Every this many rounds one write also runs outside any explicit transaction (10 by default). */
  autocommitEvery?: number;
}

/**
 * Runs `rounds` transactions of 1 to `maxBatch` writes picked with `next` from `writes`, rolling a
 * share of them back after their writes, and now and then one write in autocommit: the workload a
 * counter kept by triggers must survive (compare it with a full recount afterwards).
 */
export async function runRandomWrites(
  dataSource: DataSource,
  next: () => number,
  writes: readonly RandomWrite[],
  options: RandomWritesOptions,
): Promise<{ transactions: number; rolledBack: number; writes: number }> {
  const pick = (): RandomWrite => writes[Math.floor(next() * writes.length)];
  const { rounds, rollBackShare = 0.25, maxBatch = 6, autocommitEvery = 10 } = options;
  let rolledBack = 0;
  let count = 0;
  for (let round = 0; round < rounds; round += 1) {
    const rollBack = next() < rollBackShare;
    const batch = Array.from({ length: 1 + Math.floor(next() * maxBatch) }, pick);
    count += batch.length;
    try {
      await dataSource.transaction(async (m) => {
        for (const write of batch) await write(m);
        if (rollBack) throw new Error('rolled back on purpose');
      });
    } catch (error) {
      if (!rollBack) throw error;
      rolledBack += 1;
    }
    if (round % autocommitEvery === 0) {
      await pick()(dataSource.manager);
      count += 1;
    }
  }
  return { transactions: rounds, rolledBack, writes: count };
}
