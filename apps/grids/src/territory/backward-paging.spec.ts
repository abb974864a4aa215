/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON, checked field by field with expect() */
import 'reflect-metadata';
import { featuredVillages } from '@xiangzhi/demo';
import { MAX_PAGE_SIZE, Role, signInternalToken, startSubgraph, type Actor, type RunningSubgraph } from '@xiangzhi/kernel';
import { gridsSubgraph } from '../subgraph';

const secret = 'backward-paging-secret';
const schema = `grids_back_${process.pid}_${Date.now()}`;
const [village] = featuredVillages();
const cadre: Actor = { id: 'cadre-back', roles: [Role.VILLAGE_CADRE], scope: village.code };

let sg: RunningSubgraph;

type GqlResult = { data?: Record<string, any>; errors?: { message: string; extensions: Record<string, any> }[] };

async function gql(query: string, variables: Record<string, unknown> = {}): Promise<GqlResult> {
  const res = await fetch(sg.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-xz-actor': signInternalToken(cadre, secret) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GqlResult;
}

async function ok(query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const res = await gql(query, variables);
  if (res.errors?.length) throw new Error(JSON.stringify(res.errors, null, 2));
  return res.data as Record<string, any>;
}

async function statements(fn: () => Promise<unknown>): Promise<number> {
  const stop = sg.db.queries.start();
  await fn();
  return stop();
}

const HOUSEHOLDS = `query($v: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  households(regionCode: $v, first: $first, after: $after, last: $last, before: $before) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { number } } } }`;

/** Every household number of the village in list order, read forward. */
async function forwardNumbers(): Promise<string[]> {
  const numbers: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: any = (await ok(HOUSEHOLDS, { v: village.code, first: MAX_PAGE_SIZE, after })).households;
    numbers.push(...page.edges.map((e: any) => e.node.number));
    if (!page.pageInfo.hasNextPage) return numbers;
    after = page.pageInfo.endCursor;
  }
}

beforeAll(async () => {
  sg = await startSubgraph(gridsSubgraph, { internalSecret: secret, databaseUrl: process.env.TEST_DATABASE_URL, schema, seed: true, runJobs: false });
}, 120000);

afterAll(async () => {
  if (!sg) return;
  if (process.env.TEST_DATABASE_URL) await sg.db.dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
  await sg.stop();
});

describe('backward paging (last/before)', () => {
  it('gives the last page of a list, in list order, with its page info', async () => {
    const all = await forwardNumbers();
    expect(all.length).toBeGreaterThan(120);
    const page: any = (await ok(HOUSEHOLDS, { v: village.code, last: 7 })).households;
    expect(page.edges.map((e: any) => e.node.number)).toEqual(all.slice(-7));
    expect(page.totalCount).toBe(all.length);
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true, startCursor: page.edges[0].cursor, endCursor: page.edges[6].cursor });
  });

  it('walks a whole list backward with before, meeting the forward order exactly, and stops on the first page', async () => {
    const all = await forwardNumbers();
    const seen: string[] = [];
    let before: string | null = null;
    let pages = 0;
    for (;;) {
      const page: any = (await ok(HOUSEHOLDS, { v: village.code, last: 40, before })).households;
      seen.unshift(...page.edges.map((e: any) => e.node.number));
      pages += 1;
      expect(page.pageInfo.hasNextPage).toBe(before !== null);
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(seen).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 40));
  });

  it('gives the items just before a cursor taken from a forward page (before alone pages by first)', async () => {
    const forward: any = (await ok(HOUSEHOLDS, { v: village.code, first: 10 })).households;
    const numbers = forward.edges.map((e: any) => e.node.number);
    const back: any = (await ok(HOUSEHOLDS, { v: village.code, last: 3, before: forward.edges[6].cursor })).households;
    expect(back.edges.map((e: any) => e.node.number)).toEqual(numbers.slice(3, 6));
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    const byFirst: any = (await ok(HOUSEHOLDS, { v: village.code, first: 4, before: forward.edges[6].cursor })).households;
    expect(byFirst.edges.map((e: any) => e.node.number)).toEqual(numbers.slice(2, 6));
    const start: any = (await ok(HOUSEHOLDS, { v: village.code, last: 5, before: forward.edges[2].cursor })).households;
    expect(start.edges.map((e: any) => e.node.number)).toEqual(numbers.slice(0, 2));
    expect(start.pageInfo.hasPreviousPage).toBe(false);
    // forward pages say whether they started after a cursor
    const second: any = (await ok(HOUSEHOLDS, { v: village.code, first: 2, after: forward.pageInfo.endCursor })).households;
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    expect(forward.pageInfo.hasPreviousPage).toBe(false);
  });

  it('runs the same statements whatever the page size, for households and residents', async () => {
    const small = await statements(() => ok(HOUSEHOLDS, { v: village.code, last: 5 }));
    const large = await statements(() => ok(HOUSEHOLDS, { v: village.code, last: MAX_PAGE_SIZE }));
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(3);
    const residents = `query($v: ID!, $n: Int!) { residents(regionCode: $v, last: $n) { nodes { name } pageInfo { hasPreviousPage } } }`;
    let answer: Record<string, any> = {};
    const r5 = await statements(async () => (answer = await ok(residents, { v: village.code, n: 5 })));
    const r100 = await statements(() => ok(residents, { v: village.code, n: 100 }));
    expect(answer.residents.nodes).toHaveLength(5);
    expect(answer.residents.pageInfo.hasPreviousPage).toBe(true);
    expect(r100).toBe(r5);
    expect(r5).toBeLessThanOrEqual(2);
  });

  it('refuses a page size out of bounds, after with before/last and a bad before cursor, naming the argument, before the list is read', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ last: 0 }, 'last'],
      [{ last: MAX_PAGE_SIZE + 1 }, 'last'],
      [{ last: 3, after: 'WyIwMDAxIl0' }, 'after'],
      [{ before: 'not-a-cursor' }, 'before'],
    ];
    for (const [args, field] of cases) {
      let res: GqlResult = {};
      const n = await statements(async () => (res = await gql(HOUSEHOLDS, { v: village.code, ...args })));
      expect(res.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(res.errors?.[0]?.extensions)).toContain(field);
      expect(res.errors?.[0]?.message).toMatch(/^[^A-Za-z]*输入校验失败/);
      // at most the caller's scope lookup: neither the page nor its count is read
      if (field !== 'last') expect(n).toBeLessThanOrEqual(1);
    }
  });
});
