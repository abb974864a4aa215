import { startGateway, operationCost, DEFAULT_COST } from '@xiangzhi/gateway';
import { subgraph as grids } from '@xiangzhi/grids';
import { ACTOR_HEADER, Role, signInternalToken, type Actor } from '@xiangzhi/kernel';
import type { RunningGateway } from '@xiangzhi/deployment';
import { countQueries, startTestPlatform, TEST_SECRETS, testFixtures, type TestPlatform } from '@xiangzhi/testing';
import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';

/**
 * Issue 15 §4: limits before work. Depth, aliases, tokens, fragment cycles, batching, body size and
 * cost are each refused with a stable code and a bilingual message naming the limit and the value,
 * before any subgraph runs a statement; CSRF prevention on the gateway and the subgraphs; no
 * introspection and no "Did you mean" in production; `__proto__` and `constructor` as aliases and
 * variable keys are harmless.
 */
const VILLAGE = '990101101201';
const admin: Actor = { id: 'limits-admin', roles: [Role.COUNTY_ADMIN], scope: '990101000000' };
const LIMITS = { maxDepth: 6, maxAliases: 4, maxTokens: 400, maxBodyBytes: 4096, cost: { maxCost: 500 } };

let platform: TestPlatform;
let production: RunningGateway;

type Answer = { status: number; data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
/** Posts through `url` (default the test gateway) and counts the SQL statements grids ran meanwhile. */
async function post(body: string, headers: Record<string, string> = {}, url = platform.url): Promise<{ answer: Answer; sql: number }> {
  const { result, count } = await countQueries(platform.subgraphs.grids, async () => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${platform.token(admin)}`, ...headers }, body });
    const text = await res.text();
    return { status: res.status, ...(JSON.parse(text) as Omit<Answer, 'status'>) };
  });
  return { answer: result, sql: count };
}
const gql = (query: string, variables: Record<string, unknown> = {}, url?: string) => post(JSON.stringify({ query, variables }), {}, url);

beforeAll(async () => {
  platform = await startTestPlatform({ subgraphs: [grids], limits: LIMITS });
  await testFixtures(platform).village({ code: VILLAGE, posts: false });
  production = await startGateway({
    supergraphSdl: platform.supergraphSdl,
    port: 0,
    jwtSecret: TEST_SECRETS.jwtSecret,
    internalSecret: TEST_SECRETS.internalSecret,
    production: true,
  });
});
afterAll(async () => {
  await production?.stop();
  await platform?.stop();
});

describe('refused before any subgraph works, with a stable code', () => {
  it('answers a query inside every limit', async () => {
    const { answer, sql } = await gql(`{ region(code: "${VILLAGE}") { name parent { name } } }`);
    expect(answer.errors).toBeUndefined();
    expect(sql).toBeGreaterThan(0);
  });

  it('depth: QUERY_TOO_DEEP', async () => {
    const { answer, sql } = await gql(`{ region(code: "${VILLAGE}") { parent { parent { parent { parent { parent { parent { name } } } } } } } }`);
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]).toMatchObject({ message: '查询嵌套过深：8 层，上限 6 层 (query depth 8 exceeds the limit of 6)', extensions: { code: 'QUERY_TOO_DEEP', depth: 8, maxDepth: 6 } });
    expect(sql).toBe(0);
  });

  it('aliases: TOO_MANY_ALIASES', async () => {
    const { answer, sql } = await gql(`{ ${[1, 2, 3, 4, 5].map((i) => `r${i}: region(code: "${VILLAGE}") { name }`).join(' ')} }`);
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]).toMatchObject({ message: '别名过多：5 个，上限 4 个 (5 aliases exceed the limit of 4)', extensions: { code: 'TOO_MANY_ALIASES', aliases: 5, maxAliases: 4 } });
    expect(sql).toBe(0);
  });

  it('tokens: TOO_MANY_TOKENS', async () => {
    const { answer, sql } = await gql(`{ region(code: "${VILLAGE}") { ${'name '.repeat(400)} } }`);
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]).toMatchObject({ message: '查询的词法单元超过上限 400 个 (the document has more than 400 tokens)', extensions: { code: 'TOO_MANY_TOKENS', maxTokens: 400 } });
    expect(sql).toBe(0);
  });

  it('fragment cycles: refused by validation', async () => {
    const { answer, sql } = await gql(`{ region(code: "${VILLAGE}") { ...A } } fragment A on Region { parent { ...B } } fragment B on Region { children { ...A } }`);
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]).toMatchObject({ message: 'Cannot spread fragment "A" within itself via "B".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(sql).toBe(0);
  });

  it('batching: a JSON array of operations is BATCHING_NOT_ALLOWED, at the gateway and at a subgraph', async () => {
    const batch = JSON.stringify([{ query: `{ region(code: "${VILLAGE}") { name } }` }, { query: `{ region(code: "${VILLAGE}") { code } }` }]);
    const { answer, sql } = await post(batch);
    expect(answer).toEqual({
      status: 400,
      errors: [{ message: '不接受批量请求：一次只能发送一个操作 (batched requests are not accepted: send one operation per request)', extensions: { code: 'BATCHING_NOT_ALLOWED', operations: 2 } }],
    });
    const direct = await post(batch, { [ACTOR_HEADER]: signInternalToken(admin, TEST_SECRETS.internalSecret) }, platform.subgraphs.grids.url);
    expect(direct.answer.errors?.[0].extensions?.code).toBe('BATCHING_NOT_ALLOWED');
    expect(sql + direct.sql).toBe(0);
  });

  it('request size: PAYLOAD_TOO_LARGE (413)', async () => {
    const { answer, sql } = await gql(`{ region(code: "${VILLAGE}") { name } }`, { pad: 'x'.repeat(5000) });
    expect(answer).toMatchObject({ status: 413, errors: [{ message: '请求体过大，上限 4096 字节 (request body larger than 4096 bytes)', extensions: { code: 'PAYLOAD_TOO_LARGE', maxBytes: 4096 } }] });
    expect(sql).toBe(0);
  });

  it('cost: QUERY_TOO_COMPLEX, counting lists × their page size (argument, variable or default)', async () => {
    // region 1 + children (1 + 20 × children (1 + 20 × (code 1 + name 1))) = 822
    const lists = await gql(`{ region(code: "${VILLAGE}") { children { children { code name } } } }`);
    expect(lists.answer.status).toBe(400);
    expect(lists.answer.errors?.[0]).toMatchObject({ message: '查询成本 822 超过上限 500 (query cost 822 exceeds the limit of 500)', extensions: { code: 'QUERY_TOO_COMPLEX', cost: 822, maxCost: 500 } });
    expect(lists.sql).toBe(0);
    // incidents 1 + first × nodes (1 + 1 × (id 1 + title 1 + village (1 + code 1 + name 1))) = 1 + first × 6
    const page = `query($first: Int!) { incidents(first: $first) { nodes { id title village { code name } } } }`;
    const big = await gql(page, { first: 100 });
    expect(big.answer.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX', cost: 601, maxCost: 500 } });
    expect(big.sql).toBe(0);
    const small = await gql(page, { first: 10 });
    expect(small.answer.errors).toBeUndefined();
  });
});

describe('cost model', () => {
  const schema = buildSchema(`
    type Query { area(code: ID!): Area, areas: [Area!]!, page(first: Int = 20): AreaConnection! }
    type Area { code: ID!, name: String!, children: [Area!]!, stats: Stats }
    type Stats { population: Int }
    type AreaConnection { nodes: [Area!]!, total: Int! }
  `);
  const cost = (query: string, variables: Record<string, unknown> = {}, weights: Record<string, number> = {}) => {
    const doc = parse(query);
    const fragments = new Map(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
    const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
    return operationCost(schema, op, fragments, variables, { ...DEFAULT_COST, weights });
  };

  it('weights Type.field from the configuration, multiplies lists and pages, follows fragments, skips introspection', () => {
    expect(cost('{ area(code: "1") { name } }')).toBe(2);
    expect(cost('{ area(code: "1") { name stats { population } } }', {}, { 'Area.stats': 50 })).toBe(53);
    expect(cost('{ areas { name } }')).toBe(1 + 20 * 1);
    expect(cost('{ page { nodes { name } total } }')).toBe(1 + 20 * (1 + 1 + 1));
    expect(cost('query($n: Int) { page(first: $n) { nodes { name } } }', { n: 3 })).toBe(1 + 3 * 2);
    expect(cost('{ area(code: "1") { ...F } } fragment F on Area { children { code } }')).toBe(1 + 1 + 20);
    expect(cost('{ __schema { types { name } } area(code: "1") { __typename code } }')).toBe(2);
  });
});

describe('production and CSRF', () => {
  it('introspection and "Did you mean" are on in development, off in production', async () => {
    const intro = '{ __schema { queryType { name } } }';
    expect((await gql(intro)).answer.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const refused = await gql(intro, {}, production.url);
    expect(refused.answer.status).toBe(400);
    expect(refused.answer.errors?.[0].message).toContain('introspection is not allowed');
    const typo = `{ regoin(code: "${VILLAGE}") { name } }`;
    expect((await gql(typo)).answer.errors?.[0].message).toBe('Cannot query field "regoin" on type "Query". Did you mean "region" or "regions"?');
    const hidden = await gql(typo, {}, production.url);
    expect(hidden.answer.errors?.[0].message).toBe('Cannot query field "regoin" on type "Query".');
    // the production gateway still answers real queries
    expect((await gql(`{ region(code: "${VILLAGE}") { code } }`, {}, production.url)).answer.data).toEqual({ region: { code: VILLAGE } });
  });

  it('refuses GET without a preflight header and text/plain POSTs before any resolver, at the gateway and at a subgraph', async () => {
    const query = encodeURIComponent(`{ region(code: "${VILLAGE}") { name } }`);
    const targets = [
      { url: platform.url, auth: { authorization: `Bearer ${platform.token(admin)}` } },
      { url: platform.subgraphs.grids.url, auth: {} as Record<string, string> },
    ];
    for (const { url, auth } of targets) {
      const sign = () => (url === platform.url ? auth : { [ACTOR_HEADER]: signInternalToken(admin, TEST_SECRETS.internalSecret) });
      const { result, count } = await countQueries(platform.subgraphs.grids, async () => {
        const get = await fetch(`${url}?query=${query}`, { headers: sign() });
        const plain = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain', ...sign() }, body: JSON.stringify({ query: decodeURIComponent(query) }) });
        const form = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...sign() }, body: `query=${query}` });
        return Promise.all([get, plain, form].map(async (r) => ({ status: r.status, text: await r.text() })));
      });
      for (const r of result) {
        expect(r.status).toBe(400);
        expect(r.text).toContain('This operation has been blocked as a potential Cross-Site Request Forgery');
      }
      expect(count).toBe(0);
      // a GET with the preflight header is an ordinary query
      const ok = await fetch(`${url}?query=${query}`, { headers: { 'apollo-require-preflight': 'true', ...sign() } });
      expect(ok.status).toBe(200);
    }
  });
});

describe('prototype pollution', () => {
  it('__proto__ and constructor as aliases and variable keys change nothing and answer sanely', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const aliases = await gql(`{ __proto__: region(code: "${VILLAGE}") { code polluted: name } constructor: region(code: "${VILLAGE}") { code } }`);
    const body = `{"query":"query($code: ID!) { region(code: $code) { code } }","variables":{"code":"${VILLAGE}","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}}`;
    const variables = await post(body);
    expect(variables.answer).toEqual({ status: 200, data: { region: { code: VILLAGE } } });
    expect(aliases.answer.status).toBe(200);
    expect(Object.getOwnPropertyNames(aliases.answer.data)).toEqual(['__proto__', 'constructor']);
    expect(JSON.stringify(aliases.answer.data)).toBe(`{"__proto__":{"code":"${VILLAGE}","polluted":"${(aliases.answer.data as Record<string, { polluted: string }>)['__proto__'].polluted}"},"constructor":{"code":"${VILLAGE}"}}`);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).code).toBeUndefined();
  });
});
