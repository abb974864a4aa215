import { InProcessEventBus, outboxFeature, type EventBus } from '@xiangzhi/kernel';
import type { DataSource } from 'typeorm';

/** What the helper needs of a test platform (`startPluginTestPlatform`'s answer). */
export interface PlatformWithBus {
  subgraphs: Record<string, { db: { dataSource: DataSource } }>;
  events: EventBus;
}

/**
 * An outbox table of another subgraph (`economy_event`, `civility_event`, `legal_event`…), created
 * with the kernel's own outbox migration in the grids test database and registered with the
 * platform's in-process bus exactly as that subgraph's start registers its outbox: events written to
 * it with `recordOutboxEvents` reach the plugin's consumers through the real consumer runtime
 * (`drainEvents`: positions, processed ids, ordering). Used because economy, civility and legal do not
 * yet compose with personnel in one test process (their `Region` fields on the shared `RegionRef`
 * stub are picked up by every subgraph's schema there). Returns the database to write events with.
 */
export async function publisherOutbox(platform: PlatformWithBus, table: string, subgraph: string): Promise<DataSource> {
  const dataSource = platform.subgraphs.grids.db.dataSource;
  const [migration] = outboxFeature({ table, migrationTimestamp: 1768000000009 }).migrations;
  const runner = dataSource.createQueryRunner();
  try {
    await new migration().up(runner);
  } finally {
    await runner.release();
  }
  if (!(platform.events instanceof InProcessEventBus)) throw new Error('publisherOutbox needs the in-process bus');
  platform.events.registerOutbox({ table, subgraph, dataSource });
  return dataSource;
}
