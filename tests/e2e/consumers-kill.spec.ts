import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { NatsEventBus, natsUnreachable, startSubgraph, TEST_NATS_URL, type RunningSubgraph } from '@xiangzhi/kernel';
import { subgraph as producerSubgraph } from '../../libs/deployment/src/__fixtures__/events-producer-subgraph';

/**
 * Issue 10: a consumer killed with SIGKILL in the middle of a batch and restarted loses nothing and
 * applies nothing twice — on the production path: PostgreSQL and NATS JetStream, the producer's
 * outbox relayed to a stream, the consumer in a process of its own (tests/e2e/support/consumer-child.ts)
 * whose handler is slow, killed while it is applying, then started again on the same schema and stream.
 * It always runs on PostgreSQL (`TEST_DATABASE_URL`, else the local one); it skips when PostgreSQL
 * or NATS is unreachable, unless `XZ_REQUIRE_NATS=true`.
 */
const root = path.resolve(__dirname, '../..');
const databaseUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const M = 300;
const AGGREGATES = ['A', 'B', 'C', 'D', 'E'];
const CONSUMER = 'kill-projection';

const PG_PROBE = `
const pg = require('pg');
const client = new pg.Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
client.connect().then(() => client.query('SELECT 1')).then(() => client.end(), (error) => { process.stderr.write(error.message); process.exit(1); });
`;

/** Why PostgreSQL cannot be reached (null when it answers); throws instead with `XZ_REQUIRE_NATS=true` (CI). */
function postgresUnreachable(): string | null {
  const probe = spawnSync(process.execPath, ['-e', PG_PROBE, databaseUrl], { cwd: root, encoding: 'utf8', timeout: 10_000 });
  if (probe.status === 0) return null;
  const reason = `PostgreSQL at ${databaseUrl} is unreachable: ${probe.stderr || probe.error?.message || 'no answer'}`;
  if (process.env.XZ_REQUIRE_NATS === 'true') throw new Error(reason);
  return reason;
}

const unreachable = natsUnreachable(TEST_NATS_URL) ?? postgresUnreachable();
if (unreachable) console.warn(`consumer kill -9 test skipped: ${unreachable}`);
const describeKill = unreachable ? describe.skip : describe;

interface Child {
  process: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<NodeJS.Signals | number | null>;
}

const tag = `${process.pid}_${Date.now() % 100_000}`;
const stream = `XZ_KILL_SPEC_${tag}`;
const prefix = `xzk${tag}`;
const producerSchema = `evproducer_kill_${tag}`;
const consumerSchema = `killconsumer_${tag}`;

function startChild(): Child {
  const child = spawn(process.execPath, [path.join(root, 'tests/e2e/support/ts-child.cjs'), 'tests/e2e/support/consumer-child.ts'], {
    cwd: root,
    env: {
      ...process.env,
      XZ_CHILD_DATABASE_URL: databaseUrl,
      XZ_CHILD_SCHEMA: consumerSchema,
      XZ_CHILD_NATS_URL: TEST_NATS_URL,
      XZ_CHILD_STREAM: stream,
      XZ_CHILD_PREFIX: prefix,
      LOG_LEVEL: 'warn',
    },
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  return { process: child, output: () => out, exited };
}

/** Polls `probe` until `done` holds (bounded); returns the last value. */
async function until<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, child: Child, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (child.process.exitCode !== null || child.process.signalCode !== null) throw new Error(`the consumer process exited while waiting for ${what}: ${child.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(value)}): ${child.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describeKill('a consumer killed with SIGKILL mid-batch and restarted (PostgreSQL + NATS JetStream)', () => {
  let db: pg.Client | null = null;
  let bus: NatsEventBus | null = null;
  let producer: RunningSubgraph | null = null;
  const children: Child[] = [];

  beforeAll(async () => {
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    bus = await NatsEventBus.connect({ url: TEST_NATS_URL, stream, prefix });
    producer = await startSubgraph(producerSubgraph, { databaseUrl, schema: producerSchema, internalSecret: 'consumer-kill-spec', runJobs: false, events: bus });
  });

  afterAll(async () => {
    for (const child of children) {
      if (child.process.exitCode === null && child.process.signalCode === null) {
        child.process.kill('SIGKILL');
        await child.exited;
      }
    }
    await producer?.stop();
    if (bus) {
      await bus.deleteStream().catch(() => undefined);
      await bus.close();
    }
    if (db) {
      await db.query(`DROP SCHEMA IF EXISTS "${producerSchema}" CASCADE; DROP SCHEMA IF EXISTS "${consumerSchema}" CASCADE`);
      await db.end();
    }
  });

  it('loses nothing and applies nothing twice: every event once, in publish order per aggregate, no dead letters', async () => {
    if (!db || !producer) throw new Error('not set up');
    const client = db;

    // M events of several aggregates, interleaved, recorded in the producer's outbox and relayed to the stream
    const keys = Array.from({ length: M }, (_, i) => `${AGGREGATES[i % AGGREGATES.length]}${Math.floor(i / AGGREGATES.length) + 1}`);
    await producer.db.dataSource.transaction(async (manager) => {
      for (const key of keys) {
        await manager.query(`INSERT INTO ev_event (key, name, payload) VALUES ($1, $2, $3)`, [
          key,
          `ev.${key.slice(0, 1).toLowerCase()}.changed`,
          JSON.stringify({ key, agg: key.slice(0, 1), n: Number(key.slice(1)) }),
        ]);
      }
    });
    let relayed = 0;
    for (let n = await producer.relayOutboxes(); n > 0; n = await producer.relayOutboxes()) relayed += n;
    expect(relayed).toBe(M);

    const count = async (sql: string): Promise<number> => {
      const rows = (await client.query<{ n: number }>(sql).catch(() => ({ rows: [{ n: 0 }] }))).rows;
      return rows[0].n;
    };
    const applied = () => count(`SELECT count(*)::int AS n FROM "${consumerSchema}".kill_applied`);

    // the first consumer process applies some of them, and is killed while it is applying the rest
    const first = startChild();
    children.push(first);
    // some events committed, and one in the middle of its transaction (its handler sleeping), then kill -9
    const midBatch = async () => ({
      applied: await applied(),
      sleeping: await count(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND query = 'SELECT pg_sleep(0.01)' AND pid <> pg_backend_pid()`,
      ),
    });
    const { applied: before } = await until('the first events applied and one being applied', midBatch, (s) => s.applied >= 20 && s.sleeping > 0, first);
    first.process.kill('SIGKILL');
    expect(before).toBeLessThan(M);
    expect(await first.exited).toBe('SIGKILL');
    const atKill = await applied();
    expect(atKill).toBeGreaterThanOrEqual(before);
    expect(atKill).toBeLessThan(M);

    // a new process on the same schema and stream catches up
    const second = startChild();
    children.push(second);
    await until('every event applied', applied, (n) => n >= M, second);
    await until(
      'every event processed',
      () => count(`SELECT count(*)::int AS n FROM "${consumerSchema}".kernel_event_processed WHERE consumer = '${CONSUMER}'`),
      (n) => n >= M,
      second,
    );
    // stop it cleanly, so that nothing more can arrive while the rows are checked
    second.process.kill('SIGTERM');
    await second.exited;

    const { rows } = await client.query<{ key: string; aggregate: string; n: number; times: number }>(
      `SELECT key, aggregate, n, times FROM "${consumerSchema}".kill_applied ORDER BY seq`,
    );
    expect(rows).toHaveLength(M);
    expect(new Set(rows.map((r) => r.key))).toEqual(new Set(keys));
    expect(rows.filter((r) => r.times !== 1)).toEqual([]);
    for (const aggregate of AGGREGATES) {
      const ns = rows.filter((r) => r.aggregate === aggregate).map((r) => r.n);
      expect(ns).toEqual(Array.from({ length: M / AGGREGATES.length }, (_, i) => i + 1));
    }
    expect(await count(`SELECT count(*)::int AS n FROM "${consumerSchema}".kernel_event_processed WHERE consumer = '${CONSUMER}'`)).toBe(M);
    expect(await count(`SELECT count(DISTINCT event_id)::int AS n FROM "${consumerSchema}".kernel_event_processed WHERE consumer = '${CONSUMER}'`)).toBe(M);
    expect(await count(`SELECT count(*)::int AS n FROM "${consumerSchema}".kernel_event_dead`)).toBe(0);
  }, 180_000);
});
