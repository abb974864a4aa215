import 'reflect-metadata';
import pg from 'pg';
import { composeSupergraph } from '@xiangzhi/deployment';
import {
  byKey,
  forbidden,
  referenceResolver,
  Role,
  signUserToken,
  startSubgraph,
  type Actor,
  type RequestContext,
  type RunningSubgraph,
  type SubgraphModule,
} from '@xiangzhi/kernel';
import { Arg, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { startGateway } from './gateway';
import type { RunningGateway } from '@xiangzhi/deployment';
import { depthLimitRule, selectionDepth } from './depth-limit';
import { buildSchema, parse, validate, Kind, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';

/* alpha owns Area (key: code); beta adds Area.note. Both run on real databases behind the gateway. */

@ObjectType('Area', { description: '区域 / area' })
@Directive('@key(fields: "code")')
class Area {
  @Field(() => ID, { description: '代码 / code' })
  code!: string;

  @Field(() => String, { description: '名称 / name' })
  name!: string;

  @Field(() => Area, { nullable: true, description: '自身（测深度）/ itself, for depth tests' })
  self?: Area;
}

@ObjectType('Caller', { description: '调用者 / caller' })
class Caller {
  @Field(() => String, { description: 'id' })
  id!: string;

  @Field(() => [String], { description: 'roles' })
  roles!: string[];

  @Field(() => String, { description: 'scope' })
  scope!: string;

  @Field(() => String, { description: 'request id' })
  requestId!: string;
}

class CreateArea1700000000201 implements MigrationInterface {
  name = 'CreateArea1700000000201';
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE area (code text PRIMARY KEY, name text NOT NULL)');
    await q.query("INSERT INTO area (code, name) VALUES ('433130000000', '龙山县'), ('433130101200', '第一村')");
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE area');
  }
}

async function loadAreas(codes: readonly string[], ctx: RequestContext): Promise<(Area | null)[]> {
  const rows = (await ctx.dataSource.query('SELECT code, name FROM area WHERE code = ANY($1)', [[...codes]])) as Area[];
  return byKey(codes, rows.map((r) => Object.assign(new Area(), r)), (a) => a.code);
}

@Resolver(() => Area)
class AreaResolver {
  @Query(() => Area, { nullable: true, description: '区域 / area' })
  async area(@Arg('code', () => ID) code: string, @Ctx() ctx: RequestContext): Promise<Area | null> {
    if (!code.startsWith(ctx.actor.scope.replace(/0+$/, ''))) throw forbidden('无权访问', 'Out of scope', { regionCode: code });
    return (await loadAreas([code], ctx))[0];
  }

  @Query(() => Caller, { description: '调用者 / who the subgraph thinks is calling' })
  whoami(@Ctx() ctx: RequestContext): Caller {
    return Object.assign(new Caller(), { ...ctx.actor, requestId: ctx.requestId });
  }

  @FieldResolver(() => Area, { nullable: true })
  self(@Root() area: Area): Area {
    return area;
  }
}

const alpha: SubgraphModule = {
  name: 'alpha',
  title: { zh: '甲', en: 'Alpha' },
  entities: [],
  migrations: [CreateArea1700000000201],
  resolvers: [AreaResolver],
  references: { Area: referenceResolver<string, Area>({ key: (ref) => String(ref.code), load: loadAreas }) },
};

@ObjectType('Area', { description: '区域 / area' })
@Directive('@key(fields: "code")')
class AreaRef {
  @Field(() => ID, { description: '代码 / code' })
  code!: string;
}

@Resolver(() => AreaRef)
class AreaNoteResolver {
  @FieldResolver(() => String, { nullable: true, description: '备注 / note' })
  note(@Root() area: AreaRef): string {
    return `note for ${area.code}`;
  }
}

const beta: SubgraphModule = {
  name: 'beta',
  title: { zh: '乙', en: 'Beta' },
  entities: [],
  migrations: [],
  resolvers: [AreaNoteResolver],
  orphanedTypes: [AreaRef],
  references: {
    Area: referenceResolver<string, AreaRef>({ key: (ref) => String(ref.code), load: async (codes) => codes.map((code) => Object.assign(new AreaRef(), { code })) }),
  },
};

const jwtSecret = 'gw-test-jwt';
const internalSecret = 'gw-test-internal';
const admin: Actor = { id: 'admin-1', roles: [Role.COUNTY_ADMIN], scope: '433130000000' };
const schemaSuffix = `${process.pid}_${Date.now() % 100000}`;

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

describe('gateway (two subgraphs over real HTTP)', () => {
  let a: RunningSubgraph;
  let b: RunningSubgraph;
  let gateway: RunningGateway;
  const bearer = (actor: Actor = admin) => ({ authorization: `Bearer ${signUserToken(actor, { secret: jwtSecret })}` });
  const gql = (query: string, headers: Record<string, string> = bearer()) => post(gateway.url, { query }, headers);

  beforeAll(async () => {
    const databaseUrl = process.env.TEST_DATABASE_URL;
    [a, b] = await Promise.all([
      startSubgraph(alpha, { internalSecret, databaseUrl, schema: `alpha_${schemaSuffix}`, runJobs: false }),
      startSubgraph(beta, { internalSecret, databaseUrl, schema: `beta_${schemaSuffix}`, runJobs: false }),
    ]);
    const supergraphSdl = composeSupergraph([a, b].map((s) => ({ name: s.name, url: 'http://127.0.0.1:1/unused', sdl: s.sdl })));
    gateway = await startGateway({
      supergraphSdl,
      subgraphUrls: { alpha: a.url, beta: b.url },
      port: 0,
      jwtSecret,
      internalSecret,
      limits: { maxDepth: 4, maxBodyBytes: 4096 },
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await a?.stop();
    await b?.stop().catch(() => undefined); // already stopped by the last test
    if (process.env.TEST_DATABASE_URL) {
      const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await client.connect();
      for (const sg of [a, b]) await client.query(`DROP SCHEMA IF EXISTS "${sg.db.schema}" CASCADE`);
      await client.end();
    }
  });

  it('joins both subgraphs and forwards the actor and request id', async () => {
    const res = await post(gateway.url, { query: '{ area(code: "433130101200") { name note } whoami { id roles scope requestId } }' }, { ...bearer(), 'x-request-id': 'req-42' });
    expect(res.body).toEqual({
      data: {
        area: { name: '第一村', note: 'note for 433130101200' },
        whoami: { id: 'admin-1', roles: ['COUNTY_ADMIN'], scope: '433130000000', requestId: 'req-42' },
      },
    });
    expect(res.headers.get('x-request-id')).toBe('req-42');
  });

  it('refuses a missing, malformed or forged token with UNAUTHENTICATED (401)', async () => {
    const variants: Record<string, string>[] = [{}, { authorization: 'Basic abc' }, { authorization: `Bearer ${signUserToken(admin, { secret: 'other' })}` }];
    for (const headers of variants) {
      const res = await gql('{ whoami { id } }', headers);
      expect(res.status).toBe(401);
      expect(res.body.errors?.[0]).toMatchObject({ message: '未登录或令牌无效 (Not authenticated or the token is invalid)', extensions: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('passes subgraph errors through with their code and bilingual message', async () => {
    const res = await gql('{ area(code: "520502000000") { name } }');
    expect(res.body.data).toEqual({ area: null });
    expect(res.body.errors?.[0]).toMatchObject({ message: '无权访问 (Out of scope)', extensions: { code: 'FORBIDDEN' } });
  });

  it('passes on the error of a subgraph that refuses the forwarded actor (wrong internal secret)', async () => {
    const impostor = await startGateway({ supergraphSdl: composeSupergraph([{ name: 'alpha', url: a.url, sdl: a.sdl }]), port: 0, jwtSecret, internalSecret: 'not-the-secret' });
    try {
      const res = await post(impostor.url, { query: '{ whoami { id } }' }, bearer());
      expect(res.body.data ?? null).toBeNull();
      expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED', serviceName: 'alpha' } });
      expect(res.body.errors?.[0].message).toContain('(Not authenticated or the token is invalid)');
    } finally {
      await impostor.stop();
    }
  });

  it('refuses queries deeper than the limit and bodies larger than the limit', async () => {
    const ok = await gql('{ area(code: "433130000000") { self { self { name } } } }');
    expect(ok.body.errors).toBeUndefined();
    const deep = await gql('{ area(code: "433130000000") { self { self { self { name } } } } }');
    expect(deep.status).toBe(400);
    expect(deep.body.errors?.[0].message).toBe('查询嵌套过深：5 层，上限 4 层 (query depth 5 exceeds the limit of 4)');
    const big = await post(gateway.url, { query: '{ whoami { id } }', variables: { pad: 'x'.repeat(5000) } }, bearer());
    expect(big.status).toBe(413);
    expect(big.body.errors?.[0].extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await gql('{ whoami { id } }')).body.data).toEqual({ whoami: { id: 'admin-1' } });
  });

  it('answers /healthz and /readyz, then partial data with an error while a subgraph is down', async () => {
    const base = gateway.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', subgraphs: { alpha: 'up', beta: 'up' } });

    await b.stop();
    const notReady = await fetch(`${base}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ status: 'not ready', subgraphs: { alpha: 'up', beta: 'down (unreachable)' } });

    const partial = await gql('{ area(code: "433130101200") { name note } }');
    expect(partial.status).toBe(200);
    expect(partial.body.data).toEqual({ area: { name: '第一村', note: null } });
    expect(partial.body.errors).toEqual([
      expect.objectContaining({ message: '子图 beta 暂不可用 (subgraph beta is unavailable)', extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'beta' }) }),
    ]);
    expect(JSON.stringify(partial.body)).not.toContain(b.url);
    expect((await gql('{ whoami { id } }')).body).toEqual({ data: { whoami: { id: 'admin-1' } } });
  });
});

describe('query depth', () => {
  const schema = buildSchema('type Query { a: A } type A { b: A, c: Int }');
  const depth = (q: string) => {
    const doc = parse(q);
    const fragments = new Map(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
    const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    return selectionDepth(op.selectionSet, fragments);
  };

  it('counts nested fields through fragments, not introspection', () => {
    expect(depth('{ a { c } }')).toBe(2);
    expect(depth('{ a { ...F } } fragment F on A { b { b { c } } }')).toBe(4);
    expect(depth('{ a { ... on A { b { c } } } }')).toBe(3);
    expect(depth('{ __schema { types { fields { type { ofType { ofType { name } } } } } } a { c } }')).toBe(2);
  });

  it('reports the operation as a validation error', () => {
    expect(validate(schema, parse('{ a { b { b { c } } } }'), [depthLimitRule(3)]).map((e) => e.extensions.code)).toEqual(['QUERY_TOO_DEEP']);
    expect(validate(schema, parse('{ a { b { c } } }'), [depthLimitRule(3)])).toEqual([]);
  });
});
