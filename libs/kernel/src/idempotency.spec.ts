import 'reflect-metadata';
import { Query, Resolver } from 'type-graphql';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Role, type Actor } from './actor';
import { startSubgraph, type RunningSubgraph } from './boot';
import { createRequestContext, type RequestContext } from './context';
import { XzError } from './errors';
import { IDEMPOTENCY_KEY_PATTERN, inputFingerprint, mutateOnce } from './idempotency';
import { InProcessEventBus } from './events';
import { createLogger } from './logger';
import { outboxFeature } from './outbox';
import { PolicyRegistry } from './policy-registry';
import type { SubgraphModule } from './subgraph';

class CreateWidget1700000000100 implements MigrationInterface {
  name = 'CreateWidget1700000000100';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE widget (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE widget');
  }
}

@Resolver()
class PingResolver {
  @Query(() => String, { description: '探活 / ping' })
  ping(): string {
    return 'pong';
  }
}

const outbox = outboxFeature({ table: 'widget_event', migrationTimestamp: 1700000000200 });
const widgetModule: SubgraphModule = {
  name: 'idempotencytest',
  title: { zh: '幂等测试', en: 'Idempotency test' },
  entities: outbox.entities,
  migrations: [CreateWidget1700000000100, ...outbox.migrations],
  resolvers: [PingResolver],
  jobs: outbox.jobs,
  outboxes: outbox.outboxes,
};

const databaseUrl = process.env.TEST_DATABASE_URL || undefined;
const schema = `idem_${process.pid}_${Date.now() % 1_000_000}`;
const logger = createLogger('idempotency-spec');

interface Widget {
  id: string;
  name: string;
}

describe('idempotency keys (mutateOnce) and outboxFeature', () => {
  let sg: RunningSubgraph;
  const actor = (id: string): Actor => ({ id, roles: [Role.COUNTY_ADMIN], scope: '433130000000' });
  const ctxOf = (a: Actor): RequestContext => createRequestContext({ actor: a, policies: new PolicyRegistry('idempotencytest', [], [], {}), dataSource: sg.db.dataSource, logger });
  const count = async (): Promise<number> => Number(((await sg.db.dataSource.query('SELECT count(*)::int AS n FROM widget')) as { n: number }[])[0].n);

  const create = (ctx: RequestContext, input: { name: string; idempotencyKey?: string | null }): Promise<Widget> =>
    mutateOnce<Widget>(
      ctx,
      {
        operation: 'createWidget',
        key: input.idempotencyKey,
        input,
        idOf: (w) => w.id,
        replay: async (id) => ((await ctx.dataSource.query('SELECT id, name FROM widget WHERE id = $1', [id])) as Widget[])[0],
      },
      { action: 'widget.create', targetType: 'Widget', targetId: (w) => w.id },
      async (manager) => ((await manager.query('INSERT INTO widget (name) VALUES ($1) RETURNING id, name', [input.name])) as Widget[])[0],
    );

  beforeAll(async () => {
    sg = await startSubgraph(widgetModule, { internalSecret: 'secret', databaseUrl, schema, runJobs: false, events: new InProcessEventBus({ logger }) });
  });
  afterAll(async () => {
    if (databaseUrl) await sg.db.dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
    await sg.stop();
  });
  beforeEach(async () => {
    await sg.db.dataSource.query('DELETE FROM widget');
    await sg.db.dataSource.query('DELETE FROM kernel_idempotency_key');
  });

  it('creates once for a retried key and returns the first result; without a key every call creates', async () => {
    const ctx = ctxOf(actor('u1'));
    const first = await create(ctx, { name: 'a', idempotencyKey: 'retry-key-0001' });
    const again = await create(ctx, { name: 'a', idempotencyKey: 'retry-key-0001' });
    expect(again).toEqual(first);
    expect(await count()).toBe(1);
    await create(ctx, { name: 'a' });
    await create(ctx, { name: 'a' });
    expect(await count()).toBe(3);
  });

  it('creates once when duplicates arrive at the same time', async () => {
    const ctx = ctxOf(actor('u1'));
    const results = await Promise.all(Array.from({ length: 6 }, () => create(ctxOf(ctx.actor), { name: 'b', idempotencyKey: 'concurrent-key-01' })));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await count()).toBe(1);
    const audits = (await sg.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'widget.create' AND target_id = $1`, [results[0].id])) as { n: number }[];
    expect(Number(audits[0].n)).toBe(1);
  });

  it('refuses the same key with another input (CONFLICT, IDEMPOTENCY_KEY_REUSED) and a malformed key, writing nothing', async () => {
    const ctx = ctxOf(actor('u1'));
    await create(ctx, { name: 'c', idempotencyKey: 'reused-key-0001' });
    const reused = await create(ctx, { name: 'other', idempotencyKey: 'reused-key-0001' }).catch((e: unknown) => e);
    expect(reused).toBeInstanceOf(XzError);
    expect((reused as XzError).extensions).toMatchObject({ code: 'CONFLICT', rule: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' });
    const malformed = await create(ctx, { name: 'c', idempotencyKey: 'short' }).catch((e: unknown) => e);
    expect((malformed as XzError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'IDEMPOTENCY_KEY_FORMAT', value: 'short' });
    expect(await count()).toBe(1);
  });

  it('keeps keys per actor: another actor with the same key creates its own record', async () => {
    await create(ctxOf(actor('u1')), { name: 'd', idempotencyKey: 'shared-key-0001' });
    await create(ctxOf(actor('u2')), { name: 'd', idempotencyKey: 'shared-key-0001' });
    expect(await count()).toBe(2);
  });

  it('fingerprints inputs by content, not key order, and ignores the key itself', () => {
    expect(inputFingerprint({ a: 1, b: [{ y: 2, x: 1 }], idempotencyKey: 'k1' })).toBe(inputFingerprint({ b: [{ x: 1, y: 2 }], a: 1, idempotencyKey: 'k2' }));
    expect(inputFingerprint({ a: 1 })).not.toBe(inputFingerprint({ a: 2 }));
    expect(inputFingerprint({ amountFen: 123n })).not.toBe(inputFingerprint({ amountFen: 124n }));
    expect(inputFingerprint({ amountFen: 123n })).not.toBe(inputFingerprint({ amountFen: '123' }));
    expect(IDEMPOTENCY_KEY_PATTERN.test('550e8400-e29b-41d4-a716-446655440000')).toBe(true);
    expect(IDEMPOTENCY_KEY_PATTERN.test('has space in it')).toBe(false);
  });

  it('outboxFeature creates its table with the relay index and relays through its job', async () => {
    await sg.db.dataSource.query(`INSERT INTO widget_event (name, payload) VALUES ('widget.created', '{"n":1}')`);
    expect(outbox.migrations[0].name).toBe('WidgetEventOutbox1700000000200');
    expect(await sg.runJob(outbox.jobs[0].name)).toBe(1);
    const left = (await sg.db.dataSource.query('SELECT count(*)::int AS n FROM widget_event WHERE published_at IS NULL')) as { n: number }[];
    expect(Number(left[0].n)).toBe(0);
  });
});
