import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connect } from 'nats';
import { createDataSource, createEventBus, NatsEventBus, natsUnreachable, TEST_NATS_URL } from '@xiangzhi/kernel';
import { parseDeploymentConfig } from './config';
import { runCli } from './cli';
import { poisoned } from './__fixtures__/events-consumer-subgraph';

const fixtures = path.join(__dirname, '__fixtures__');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xz-cli-events-'));
const databaseUrl = process.env.TEST_DATABASE_URL || undefined;
const env: NodeJS.ProcessEnv = databaseUrl ? { DATABASE_URL: databaseUrl } : { XZ_DATA_DIR: path.join(tmp, 'data') };

const config = path.join(tmp, 'events.yaml');
fs.writeFileSync(
  config,
  [
    'subgraphs:',
    `  evproducer: { package: '${fixtures}/events-producer-subgraph', url: http://evproducer:4101/graphql }`,
    `  evconsumer: { package: '${fixtures}/events-consumer-subgraph', url: http://evconsumer:4102/graphql }`,
    '',
  ].join('\n'),
);

async function xz(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...args, '--config', config], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { JEST_WORKER_ID: '1', ...env } });
  return { code, stdout, stderr };
}

async function dropSchemas(): Promise<void> {
  if (!databaseUrl) return;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('DROP SCHEMA IF EXISTS evproducer CASCADE; DROP SCHEMA IF EXISTS evconsumer CASCADE');
  await client.end();
}

/** Reads the consumer subgraph's database the way the CLI finds it. */
async function consumerDb<T>(sql: string): Promise<T[]> {
  const db = createDataSource({
    name: 'evconsumer',
    entities: [],
    migrations: [],
    databaseUrl,
    dataDir: databaseUrl ? undefined : path.join(tmp, 'data', 'evconsumer'),
  });
  await db.dataSource.initialize();
  try {
    return (await db.dataSource.query(sql)) as T[];
  } finally {
    await db.dataSource.destroy();
  }
}

beforeAll(dropSchemas);
afterAll(async () => {
  await dropSchemas();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('xz seed and xz events', () => {
  it('seeds in the deployment’s order with the events consumed in between; lists, replays and rebuilds a consumer', async () => {
    poisoned.add('A2');
    const seeded = await xz(['seed']);
    expect(seeded.stderr).not.toContain('xz:');
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(/^evproducer: 5 migration\(s\) applied, demo data loaded/);
    expect(seeded.stdout).toContain('\nevconsumer: 5 migration(s) applied, demo data loaded');
    // the consumer was seeded after the producer's events were relayed and consumed (A2 dead, A3 held behind it)
    expect(await consumerDb<{ applied: number }>('SELECT applied FROM ev_seed_saw')).toEqual([{ applied: 2 }]);

    const dead = await xz(['events', 'dead']);
    expect(dead.code).toBe(0);
    const lines = dead.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^evconsumer\t#\d+\tev-projection\tev_event:\d+\tev\.a\.changed\taggregate A\t2 attempt\(s\): poisoned A2\t\d{4}-/);
    expect(lines[1]).toMatch(/^evconsumer\t#\d+\tev-projection\tev_event:\d+\tev\.a\.changed\taggregate A\theld behind ev_event:\d+\t/);
    const firstId = /#(\d+)/.exec(lines[0])?.[1] as string;

    // still broken: the replay fails again and says so
    const again = await xz(['events', 'replay', '--all']);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('evconsumer: 0 applied, 1 failed again');
    expect(again.stderr).toContain('failed again and stay dead');

    poisoned.clear();
    const replayed = await xz(['events', 'replay', '--subgraph', 'evconsumer', '--id', firstId]);
    expect(replayed.code).toBe(0);
    expect(replayed.stdout).toContain('evconsumer: 2 applied, 0 failed again');
    expect((await consumerDb<{ key: string }>('SELECT key FROM ev_applied ORDER BY seq')).map((r) => r.key)).toEqual(['A1', 'B1', 'A2', 'A3']);
    expect((await xz(['events', 'dead'])).stderr).toContain('no dead letters');

    const rebuilt = await xz(['events', 'rebuild', '--subgraph', 'evconsumer', '--consumer', 'ev-projection']);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toContain('consumer ev-projection reset');
    expect(await consumerDb('SELECT key FROM ev_applied')).toEqual([]);
    expect(await consumerDb(`SELECT * FROM kernel_event_processed WHERE consumer = 'ev-projection'`)).toEqual([]);
    // the next start consumes everything again from the producer's outbox
    expect((await xz(['seed', '--subgraph', 'evconsumer'])).code).toBe(0);
    expect((await consumerDb<{ key: string }>('SELECT key FROM ev_applied ORDER BY seq')).map((r) => r.key)).toEqual(['A1', 'A2', 'B1', 'A3']);
    expect(await consumerDb<{ n: number }>(`SELECT count(*)::int AS n FROM kernel_event_processed WHERE consumer = 'ev-projection'`)).toEqual([{ n: 4 }]);
  }, 360_000);

  it('refuses unclear replays and unknown consumers, readably', async () => {
    const none = await xz(['events', 'replay']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('say which dead letters: --id <#…> or --all');
    const bad = await xz(['events', 'replay', '--id', 'x1']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--id');
    const unknown = await xz(['events', 'dead', '--consumer', 'nobody']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no such consumer');
    const missing = await xz(['events', 'rebuild', '--subgraph', 'evconsumer', '--consumer', 'nobody']);
    expect(missing.code).toBe(1);
  });
});

describe('the deployment’s events section', () => {
  const base = { subgraphs: { things: { package: '@xiangzhi/things' } } };

  it('states its defaults and reads durations', () => {
    expect(parseDeploymentConfig(base).events).toEqual({ stream: 'XIANGZHI', prefix: 'xz', maxAge: 30 * 86_400_000 });
    expect(parseDeploymentConfig({ ...base, events: { maxAge: '7d', maxMessages: 1000 } }).events).toEqual({
      stream: 'XIANGZHI',
      prefix: 'xz',
      maxAge: 7 * 86_400_000,
      maxMessages: 1000,
    });
    expect(() => parseDeploymentConfig({ ...base, events: { maxAge: 'a week' } })).toThrow('events.maxAge: expected a duration such as 30d');
    expect(() => parseDeploymentConfig({ ...base, events: { retention: 1 } })).toThrow('events.retention: unknown key');
  });

  (natsUnreachable(TEST_NATS_URL) ? it.skip : it)('is applied to the stream the deployment creates on NATS', async () => {
    const { events } = parseDeploymentConfig({ ...base, events: { stream: `XZ_RETENTION_${process.pid}`, prefix: `xzr${process.pid}`, maxAge: '12h', maxMessages: 500 } });
    const bus = await createEventBus({ natsUrl: TEST_NATS_URL, stream: events.stream, prefix: events.prefix, maxAgeMs: events.maxAge, maxMessages: events.maxMessages });
    const nc = await connect({ servers: TEST_NATS_URL });
    try {
      const info = await (await nc.jetstreamManager()).streams.info(events.stream);
      expect(info.config.max_age).toBe(12 * 3600 * 1e9);
      expect(info.config.max_msgs).toBe(500);
    } finally {
      await nc.close();
      await (bus as NatsEventBus).deleteStream();
      await bus.close();
    }
  });
});
