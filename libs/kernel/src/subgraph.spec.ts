import 'reflect-metadata';
import { Column, Entity, In, PrimaryColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { Arg, Ctx, Directive, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { signInternalToken, Role, type Actor } from './actor';
import { mutate } from './audit';
import { startSubgraph, type RunningSubgraph } from './boot';
import type { RequestContext } from './context';
import { todayInChina } from './data-source';
import { badInput } from './errors';
import { byKey } from './loaders';
import { referenceResolver, type SubgraphModule } from './subgraph';

@Entity({ name: 'thing' })
@ObjectType('Thing', { description: '测试实体 / test entity' })
@Directive('@key(fields: "id")')
class Thing {
  @PrimaryColumn({ type: 'text' })
  @Field(() => ID)
  id!: string;

  @Column({ type: 'text' })
  @Field()
  label!: string;
}

class CreateThing1700000000001 implements MigrationInterface {
  name = 'CreateThing1700000000001';
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE thing (id text PRIMARY KEY, label text NOT NULL)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE thing');
  }
}

@Resolver(() => Thing)
class ThingResolver {
  @Query(() => [Thing])
  things(@Ctx() ctx: RequestContext): Promise<Thing[]> {
    return ctx.dataSource.getRepository(Thing).find({ order: { id: 'ASC' } });
  }

  @Mutation(() => Thing)
  createThing(@Arg('id') id: string, @Arg('label') label: string, @Ctx() ctx: RequestContext): Promise<Thing> {
    return mutate(ctx, { action: 'createThing', targetType: 'Thing', targetId: (t) => t.id }, async (m) => {
      const thing = await m.save(Thing, { id, label });
      if (label === 'boom') throw badInput('标签无效', 'Invalid label', { field: 'label' });
      return thing;
    });
  }
}

const thingModule: SubgraphModule = {
  name: 'kerneltest',
  title: { zh: '内核测试', en: 'Kernel test' },
  entities: [Thing],
  migrations: [CreateThing1700000000001],
  resolvers: [ThingResolver],
  references: {
    Thing: referenceResolver<string, Thing>({
      key: (ref) => String(ref.id),
      load: async (ids, ctx) => byKey(ids, await ctx.dataSource.getRepository(Thing).findBy({ id: In([...ids]) }), (t) => t.id),
    }),
  },
};

const secret = 'test-secret';
const actor: Actor = { id: 'u1', roles: [Role.COUNTY_ADMIN], scope: '433130000000' };

async function gql(sg: RunningSubgraph, query: string, variables: Record<string, unknown> = {}, token = signInternalToken(actor, secret)) {
  const res = await fetch(sg.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-xz-actor': token },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string; extensions: { code: string } }[] };
}

describe('subgraph builder (federation contract on a real database)', () => {
  let sg: RunningSubgraph;
  beforeAll(async () => {
    sg = await startSubgraph(thingModule, { internalSecret: secret, databaseUrl: process.env.TEST_DATABASE_URL, schema: `kt_${process.pid}` });
  });
  afterAll(async () => {
    if (process.env.TEST_DATABASE_URL) await sg.db.dataSource.query(`DROP SCHEMA "kt_${process.pid}" CASCADE`);
    await sg.stop();
  });

  it('prints @key into the SDL and serves _service', async () => {
    expect(sg.sdl).toContain('type Thing @key(fields: "id")');
    const res = await gql(sg, '{ _service { sdl } }');
    expect(String((res.data?._service as { sdl: string }).sdl)).toContain('@key(fields: "id")');
  });

  it('writes a mutation with its audit record, and rolls both back on failure', async () => {
    const ok = await gql(sg, 'mutation { createThing(id: "a", label: "first") { id label } }');
    expect(ok.data?.createThing).toEqual({ id: 'a', label: 'first' });
    const bad = await gql(sg, 'mutation { createThing(id: "b", label: "boom") { id } }');
    expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toBe('标签无效 (Invalid label)');
    const rows = await sg.db.dataSource.query('SELECT id FROM thing ORDER BY id');
    expect(rows).toEqual([{ id: 'a' }]);
    const audit = await sg.db.dataSource.query('SELECT action, target_id, actor_id FROM audit_log');
    expect(audit).toEqual([{ action: 'createThing', target_id: 'a', actor_id: 'u1' }]);
  });

  it('resolves many references with one SQL statement', async () => {
    await gql(sg, 'mutation { x: createThing(id: "c", label: "c") { id } y: createThing(id: "d", label: "d") { id } }');
    const stop = sg.db.queries.start();
    const res = await gql(sg, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Thing { id label } } }', {
      r: [{ __typename: 'Thing', id: 'a' }, { __typename: 'Thing', id: 'c' }, { __typename: 'Thing', id: 'd' }, { __typename: 'Thing', id: 'zz' }],
    });
    expect(stop()).toBe(1);
    expect(res.data?._entities).toEqual([{ id: 'a', label: 'first' }, { id: 'c', label: 'c' }, { id: 'd', label: 'd' }, null]);
  });

  it('refuses a request without a valid forwarded actor', async () => {
    const res = await gql(sg, '{ things { id } }', {}, 'not-a-token');
    expect(res.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('database refusals as user errors', () => {
  let sg: RunningSubgraph;
  beforeAll(async () => {
    sg = await startSubgraph(thingModule, { internalSecret: secret, databaseUrl: process.env.TEST_DATABASE_URL, schema: `kt2_${process.pid}` });
    await sg.db.dataSource.query(`ALTER TABLE thing ADD CONSTRAINT thing_label_check CHECK (length(trim(label)) > 0)`);
  });
  afterAll(async () => {
    if (process.env.TEST_DATABASE_URL) await sg.db.dataSource.query(`DROP SCHEMA "kt2_${process.pid}" CASCADE`);
    await sg.stop();
  });

  it('answers a CHECK violation with BAD_USER_INPUT and writes nothing', async () => {
    const blank = await gql(sg, 'mutation { createThing(id: "x", label: "   ") { id } }');
    expect(blank.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(blank.errors?.[0].message).toBe('输入的值不符合要求 (An input value is not acceptable)');
    expect(await sg.db.dataSource.query('SELECT id FROM thing')).toEqual([]);
    expect(await sg.db.dataSource.query('SELECT id FROM audit_log')).toEqual([]);
  });
});

describe('the China clock', () => {
  it('turns a UTC instant into the China date (UTC+8)', () => {
    expect(todayInChina(new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
    expect(todayInChina(new Date('2026-11-23T16:00:00Z'))).toBe('2026-11-24');
  });

  it('runs database sessions in China Standard Time, so CURRENT_DATE agrees with todayInChina()', async () => {
    const sg = await startSubgraph(thingModule, { internalSecret: secret, databaseUrl: process.env.TEST_DATABASE_URL, schema: `kt3_${process.pid}` });
    try {
      const [row] = (await sg.db.dataSource.query(`SELECT current_setting('TimeZone') AS tz, CURRENT_DATE::text AS today, now() AS now`)) as { tz: string; today: string; now: Date }[];
      expect(row.tz).toBe('Asia/Shanghai');
      expect(row.today).toBe(todayInChina(new Date(row.now)));
    } finally {
      if (process.env.TEST_DATABASE_URL) await sg.db.dataSource.query(`DROP SCHEMA "kt3_${process.pid}" CASCADE`);
      await sg.stop();
    }
  });
});
