/* A tiny consumer subgraph for the `xz events` tests: a projection of the producer's events. */
import 'reflect-metadata';
import { Query, Resolver } from 'type-graphql';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { defineConsumer, type SubgraphModule } from '@xiangzhi/kernel';

export class CreateEvApplied1700000000112 implements MigrationInterface {
  name = 'CreateEvApplied1700000000112';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE ev_applied (key text PRIMARY KEY, seq bigint GENERATED ALWAYS AS IDENTITY)`);
    await q.query(`CREATE TABLE ev_seed_saw (id integer PRIMARY KEY, applied integer NOT NULL)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE ev_seed_saw');
    await q.query('DROP TABLE ev_applied');
  }
}

@Resolver()
export class EvConsumerResolver {
  @Query(() => String, { description: '探活 / ping' })
  evConsumerPing(): string {
    return 'pong';
  }
}

/** Keys whose handling fails (set by the tests). */
export const poisoned = new Set<string>();

export const evProjection = defineConsumer({
  name: 'ev-projection',
  subjects: ['ev.>'],
  aggregateOf: (e) => String(e.payload.agg),
  maxAttempts: 2,
  retryDelayMs: 10,
  handle: async (event, { manager }) => {
    const key = String(event.payload.key);
    if (poisoned.has(key)) throw new Error(`poisoned ${key}`);
    await manager.query(`INSERT INTO ev_applied (key) VALUES ($1)`, [key]);
  },
  reset: async (manager) => {
    await manager.query('DELETE FROM ev_applied');
  },
});

export const subgraph: SubgraphModule = {
  name: 'evconsumer',
  title: { zh: '事件消费者', en: 'Event consumer' },
  entities: [],
  migrations: [CreateEvApplied1700000000112],
  resolvers: [EvConsumerResolver],
  consumers: [evProjection],
  // records how much of the producer's seeded events it found already applied when it was seeded
  seed: async ({ dataSource }) => {
    await dataSource.query(
      `INSERT INTO ev_seed_saw (id, applied) SELECT 1, count(*) FROM ev_applied ON CONFLICT (id) DO UPDATE SET applied = EXCLUDED.applied`,
    );
  },
};
