import 'reflect-metadata';
import pg from 'pg';
import { connect } from 'nats';
import { definePlugin, InProcessEventBus, mutate, NatsEventBus, Role, type Actor, type BusEvent, type RequestContext, type SubgraphModule } from '@xiangzhi/kernel';
import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { z } from 'zod';
import { countQueries, graphqlClient, natsUnreachable, rowCounter, startTestPlatform, TEST_NATS_URL, waitFor, type TestPlatform } from './index';

@ObjectType('Memo', { description: '备忘 / memo' })
class Memo {
  @Field(() => ID, { description: 'id' })
  id!: string;

  @Field(() => String, { description: '正文 / text' })
  text!: string;
}

class CreateMemo1700000000301 implements MigrationInterface {
  name = 'CreateMemo1700000000301';
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE memo (id text PRIMARY KEY, text text NOT NULL)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE memo');
  }
}

@Resolver()
class MemoResolver {
  @Query(() => [Memo], { description: '全部 / all memos' })
  async memos(@Ctx() ctx: RequestContext): Promise<Memo[]> {
    return (await ctx.dataSource.query('SELECT id, text FROM memo ORDER BY id')) as Memo[];
  }

  @Mutation(() => Memo, { description: '新增 / add a memo' })
  addMemo(@Arg('id', () => ID) id: string, @Arg('text', () => String) text: string, @Ctx() ctx: RequestContext): Promise<Memo> {
    return mutate(ctx, { action: 'addMemo', targetType: 'Memo', targetId: (m) => m.id }, async (manager) => {
      await manager.query('INSERT INTO memo (id, text) VALUES ($1, $2)', [id, text]);
      return Object.assign(new Memo(), { id, text });
    });
  }
}

const memos: SubgraphModule = {
  name: 'memos',
  title: { zh: '备忘', en: 'Memos' },
  entities: [],
  migrations: [CreateMemo1700000000301],
  resolvers: [MemoResolver],
  seed: async ({ dataSource }) => {
    await dataSource.query("INSERT INTO memo (id, text) VALUES ('m0', '演示') ON CONFLICT DO NOTHING");
  },
};

/** A plugin adding a field whose answer depends on the county's parameters. */
@Resolver()
class QuotaResolver {
  @Query(() => Int, { description: '配额 / quota for a county' })
  memoQuota(@Arg('regionCode', () => String) regionCode: string, @Ctx() ctx: RequestContext): number {
    return ctx.policies.configOf<{ quota: number }>('memo-quota', regionCode).quota;
  }
}

const quotaPlugin = definePlugin({
  name: 'memo-quota',
  version: '0.0.1',
  title: { zh: '配额', en: 'Quota' },
  config: z.object({ quota: z.number().int().default(3) }),
  subgraphs: { memos: { resolvers: [QuotaResolver] } },
});

const admin: Actor = { id: 'admin', roles: [Role.COUNTY_ADMIN], scope: '433130000000' };

describe('startTestPlatform', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ subgraphs: [memos], plugins: [quotaPlugin], countyParams: { '433130': { 'memo-quota': { quota: 5 } } }, seed: true });
  });
  afterAll(() => platform?.stop());

  it('serves the subgraphs through the gateway with a token for any actor', async () => {
    const added = await platform.query('mutation { addMemo(id: "m1", text: "你好") { id text } }', {}, admin);
    expect(added).toEqual({ status: 200, data: { addMemo: { id: 'm1', text: '你好' } } });
    const res = await platform.query<{ memos: Memo[] }>('{ memos { id text } }', {}, platform.token(admin));
    expect(res.data?.memos).toEqual([
      { id: 'm0', text: '演示' },
      { id: 'm1', text: '你好' },
    ]);
    const anonymous = await platform.query('{ memos { id } }');
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('installs plugins and enables them per county', async () => {
    const res = await platform.query('{ longshan: memoQuota(regionCode: "433130101200") }', {}, admin);
    expect(res.data).toEqual({ longshan: 5 });
    const other = await platform.query('{ memoQuota(regionCode: "321311000000") }', {}, admin);
    expect(other.errors?.[0].extensions?.code).toBe('PLUGIN_NOT_ENABLED');
  });

  it('counts the SQL statements a subgraph runs', async () => {
    const { result, count, statements } = await countQueries(platform.subgraphs.memos, () => platform.query('{ memos { id } }', {}, admin));
    expect(result.data).toEqual({ memos: [{ id: 'm0' }, { id: 'm1' }] });
    expect(count).toBe(1);
    expect(statements[0]).toContain('FROM memo');
  });

  it('gives every subgraph one in-process event bus by default, exposed as `events`', async () => {
    expect(platform.events).toBeInstanceOf(InProcessEventBus);
    expect(platform.subgraphs.memos.events).toBe(platform.events);
    const received: BusEvent[] = [];
    const sub = await platform.events.subscribe('memos.*', async (e) => void received.push(e));
    await platform.subgraphs.memos.events.publish('memos.added', { id: 'm1' }, { id: 'memo_event:1' });
    expect(received).toEqual([{ subject: 'memos.added', id: 'memo_event:1', payload: { id: 'm1' } }]);
    await sub.unsubscribe();
  });

  it('gives specs a GraphQL client that takes the caller first, and row counts over a DataSource', async () => {
    const { gql, ok, codeOf } = graphqlClient(() => platform);
    const count = rowCounter(() => platform.subgraphs.memos.db.dataSource);
    const before = await count('memo');
    const added = await ok<{ addMemo: Memo }>(admin, 'mutation($id: ID!) { addMemo(id: $id, text: "再见") { id text } }', { id: 'm2' });
    expect(added).toEqual({ addMemo: { id: 'm2', text: '再见' } });
    expect(await count('memo')).toBe(before + 1);
    expect(await count('memo', 'text = $1', ['再见'])).toBe(1);
    const anonymous = await gql(null, '{ memos { id } }');
    expect([anonymous.status, codeOf(anonymous)]).toEqual([401, 'UNAUTHENTICATED']);
    expect(codeOf(await gql(admin, '{ memos { id } }'))).toBeUndefined();
    await expect(ok(null, '{ memos { id } }')).rejects.toThrow('"code": "UNAUTHENTICATED"');
  });

  it('waits for a condition, and names what it waited for when it times out', async () => {
    let ready = false;
    setTimeout(() => (ready = true), 50);
    await waitFor('the flag', () => ready);
    expect(ready).toBe(true);
    await expect(waitFor('nothing', () => false, 60)).rejects.toThrow('timed out waiting for nothing');
  });

  const natsDown = natsUnreachable(TEST_NATS_URL);
  (natsDown ? it.skip : it)('with natsUrl, publishes on a fresh JetStream stream that stop() deletes', async () => {
    const onNats = await startTestPlatform({ subgraphs: [memos], natsUrl: TEST_NATS_URL });
    const bus = onNats.events as NatsEventBus;
    expect(bus).toBeInstanceOf(NatsEventBus);
    expect(onNats.subgraphs.memos.events).toBe(bus);
    expect(bus.stream).toMatch(/^XZ_TEST_\d+_\d+_\d+$/);
    const received: BusEvent[] = [];
    await bus.subscribe('memos.>', async (e) => void received.push(e));
    await bus.publish('memos.added', { id: 'm9' }, { id: 'memo_event:9' });
    await waitFor('the memo event', () => received.length > 0, 4000);
    expect(received).toEqual([{ subject: 'memos.added', id: 'memo_event:9', payload: { id: 'm9' } }]);
    await onNats.stop();
    const nc = await connect({ servers: TEST_NATS_URL });
    try {
      const jsm = await nc.jetstreamManager();
      await expect(jsm.streams.info(bus.stream)).rejects.toThrow('stream not found');
    } finally {
      await nc.close();
    }
  });

  (process.env.TEST_DATABASE_URL ? it : it.skip)('runs in a fresh PostgreSQL schema per subgraph, dropped by stop()', async () => {
    const schema = platform.subgraphs.memos.db.schema;
    expect(schema).toMatch(/^memos_\d+_\d+_\d+$/);
    const second = await startTestPlatform({ subgraphs: [memos] });
    const other = second.subgraphs.memos.db.schema;
    expect(other).not.toBe(schema);
    expect((await second.query('{ memos { id } }', {}, admin)).data).toEqual({ memos: [] });
    await second.stop();
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    const { rows } = await client.query('SELECT schema_name FROM information_schema.schemata WHERE schema_name = ANY($1)', [[schema, other]]);
    await client.end();
    expect(rows).toEqual([{ schema_name: schema }]);
  });
});
