/*
 * A consumer subgraph in a process of its own, for the kill -9 test (tests/e2e/consumers-kill.spec.ts):
 * it projects the `ev.*` events of the events producer fixture into `kill_applied`, slowly (each
 * event sleeps in its transaction), on PostgreSQL and NATS JetStream.
 *
 *   XZ_CHILD_DATABASE_URL, XZ_CHILD_SCHEMA, XZ_CHILD_NATS_URL, XZ_CHILD_STREAM, XZ_CHILD_PREFIX
 *   node tests/e2e/support/ts-child.cjs tests/e2e/support/consumer-child.ts
 *
 * Prints `consumer ready` once its consumers have started; runs until it is signalled (or killed).
 */
import 'reflect-metadata';
import { Query, Resolver } from 'type-graphql';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { defineConsumer, NatsEventBus, startSubgraph, type SubgraphModule } from '@xiangzhi/kernel';

export class CreateKillApplied1700000000121 implements MigrationInterface {
  name = 'CreateKillApplied1700000000121';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE kill_applied (
      key text PRIMARY KEY,
      aggregate text NOT NULL,
      n integer NOT NULL,
      times integer NOT NULL DEFAULT 1,
      seq bigint GENERATED ALWAYS AS IDENTITY
    )`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE kill_applied');
  }
}

@Resolver()
export class KillConsumerResolver {
  @Query(() => String, { description: '探活 / ping' })
  killConsumerPing(): string {
    return 'pong';
  }
}

export const killProjection = defineConsumer({
  name: 'kill-projection',
  subjects: ['ev.>'],
  aggregateOf: (e) => String(e.payload.agg),
  handle: async (event, { manager }) => {
    const { key, agg, n } = event.payload as { key: string; agg: string; n: number };
    // a second application would show as times = 2 (the processed ids must prevent it)
    await manager.query(
      `INSERT INTO kill_applied (key, aggregate, n) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET times = kill_applied.times + 1`,
      [key, agg, n],
    );
    // slow enough that the parent can kill the process while a batch is being applied
    await manager.query('SELECT pg_sleep(0.01)');
  },
});

export const killConsumerSubgraph: SubgraphModule = {
  name: 'killconsumer',
  title: { zh: '强杀测试消费者', en: 'Kill test consumer' },
  entities: [],
  migrations: [CreateKillApplied1700000000121],
  resolvers: [KillConsumerResolver],
  consumers: [killProjection],
};

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function main(): Promise<void> {
  const bus = await NatsEventBus.connect({
    url: required('XZ_CHILD_NATS_URL'),
    stream: required('XZ_CHILD_STREAM'),
    prefix: required('XZ_CHILD_PREFIX'),
    name: `kill-consumer-${process.pid}`,
  });
  const running = await startSubgraph(killConsumerSubgraph, {
    databaseUrl: required('XZ_CHILD_DATABASE_URL'),
    schema: required('XZ_CHILD_SCHEMA'),
    internalSecret: 'consumer-kill-spec',
    runJobs: false,
    events: bus,
    port: 0,
    host: '127.0.0.1',
    stopOnTerminationSignals: false,
  });
  process.stdout.write(`consumer ready ${running.url}\n`);
  const shutdown = () => {
    void running
      .stop()
      .then(() => bus.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`consumer child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
