/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON, checked field by field with expect() */
import 'reflect-metadata';
import { featuredVillages } from '@xiangzhi/demo';
import { composeIdNumber, DefaultGridSizingPolicy, gridSizingPolicyPoint } from '@xiangzhi/grids-api';
import { bindPolicy, createLogger, defineSubgraph, definePlugin, Role, signInternalToken, startSubgraph, type Actor, type RunningSubgraph, type SubgraphModule } from '@xiangzhi/kernel';
import { z } from 'zod';
import { seedGridsDemo, unevenDemoVillage } from '../seed';
import { territoryFeature } from './index';

const secret = 'territory-test-secret';
const schema = `grids_${process.pid}_${Date.now()}`;

/** The whole grids subgraph when the incident feature builds; the territory alone otherwise. */
function gridsModule(): SubgraphModule {
  try {
    return (require('../subgraph') as { gridsSubgraph: SubgraphModule }).gridsSubgraph;
  } catch {
    return defineSubgraph({ name: 'grids', title: { zh: '网格化治理', en: 'Grids' }, features: [territoryFeature], seed: seedGridsDemo });
  }
}

/** A county plugin raising the grid size to 80 households, to show `source`. */
const largeGrids = definePlugin({
  name: 'large-grids-test',
  version: '0.0.0',
  title: { zh: '大网格（测试）', en: 'Large grids (test)' },
  config: z.object({ householdsPerGrid: z.number().default(80) }),
  subgraphs: { grids: { policies: [bindPolicy(gridSizingPolicyPoint, (c: { householdsPerGrid: number }) => new DefaultGridSizingPolicy({ householdsPerGrid: c.householdsPerGrid }))] } },
});

type GqlError = { message: string; extensions: { code: string; [k: string]: unknown } };
type GqlResult<T = Record<string, unknown>> = { data?: T; errors?: GqlError[] };

let sg: RunningSubgraph;

async function gql<T = Record<string, any>>(actor: Actor, query: string, variables: Record<string, unknown> = {}): Promise<GqlResult<T>> {
  const res = await fetch(sg.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-xz-actor': signInternalToken(actor, secret) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GqlResult<T>;
}

async function ok<T = Record<string, any>>(actor: Actor, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await gql<T>(actor, query, variables);
  if (res.errors?.length) throw new Error(JSON.stringify(res.errors, null, 2));
  return res.data as T;
}

const featured = featuredVillages();
const [villageA, villageB] = featured;
const townshipOfA = `${villageA.code.slice(0, 9)}000`;
const countyOfA = `${villageA.code.slice(0, 6)}000000`;
const admin: Actor = { id: 'admin-1', roles: [Role.COUNTY_ADMIN], scope: countyOfA };
const cadreA: Actor = { id: 'cadre-a', roles: [Role.VILLAGE_CADRE], scope: villageA.code };
const workerA: Actor = { id: 'worker-a', roles: [Role.GRID_WORKER], scope: villageA.code };
const auditorA: Actor = { id: 'auditor-a', roles: [Role.AUDITOR], scope: villageA.code };
const cadreB: Actor = { id: 'cadre-b', roles: [Role.VILLAGE_CADRE], scope: villageB.code };
const longshanAdmin: Actor = { id: 'admin-ls', roles: [Role.COUNTY_ADMIN], scope: '433130000000' };

async function sql<T = Record<string, any>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await sg.db.dataSource.query(text, params)) as T[];
}

async function countRows(table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const [{ n }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
  return Number(n);
}

/** Runs `fn` and returns how many SQL statements it issued. */
async function statements(fn: () => Promise<unknown>): Promise<number> {
  const stop = sg.db.queries.start();
  await fn();
  return stop();
}

function codeOf(res: GqlResult): string | undefined {
  return res.errors?.[0]?.extensions.code;
}

beforeAll(async () => {
  sg = await startSubgraph(gridsModule(), {
    internalSecret: secret,
    databaseUrl: process.env.TEST_DATABASE_URL,
    schema,
    seed: true,
    runJobs: false,
    plugins: [largeGrids],
    countyParams: { '433130000000': { 'large-grids-test': {} } },
  });
}, 120000);

afterAll(async () => {
  if (!sg) return;
  if (process.env.TEST_DATABASE_URL) await sg.db.dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
  await sg.stop();
});


describe('region tree', () => {
  it('walks from a county up to its province and down to its townships and villages', async () => {
    const data = await ok(admin, `query($c: ID!) { region(code: $c) { code name level validFrom validTo current
      parent { code name level parent { code name level parent { code } } } children { code level parentCode } } }`, { c: countyOfA });
    expect(data.region).toMatchObject({ code: '321311000000', name: '宿豫区', level: 'COUNTY', validFrom: '2024-01-01', validTo: null, current: true });
    expect(data.region.parent).toEqual({ code: '321300000000', name: '宿迁市', level: 'CITY', parent: { code: '320000000000', name: '江苏省', level: 'PROVINCE', parent: null } });
    expect(data.region.children).toHaveLength(10);
    expect(data.region.children.every((c: { level: string; parentCode: string }) => c.level === 'TOWNSHIP' && c.parentCode === countyOfA)).toBe(true);
    const villages = await ok(admin, `query($p: ID!) { regions(parentCode: $p) { code level } }`, { p: townshipOfA });
    expect(villages.regions.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining([villageA.code, villageB.code]));
    expect(villages.regions.every((r: { level: string; code: string }) => r.level === 'VILLAGE' && r.code.startsWith(townshipOfA.slice(0, 9)))).toBe(true);
  });

  it('stores every demo region with the provinces and prefectures above the counties', async () => {
    expect(await countRows('region')).toBeGreaterThan(1280);
    const tops = await sql<{ code: string; level: string; parent_code: string | null }>(
      `SELECT code, level, parent_code FROM region WHERE level IN ('PROVINCE', 'CITY') ORDER BY code`,
    );
    expect(tops.map((r) => r.code)).toEqual([
      '320000000000', '321300000000', '360000000000', '360700000000', '430000000000', '433100000000', '510000000000', '511100000000', '513400000000', '520000000000', '520500000000',
    ]);
    expect(await countRows('region', `level <> 'PROVINCE' AND parent_code IS NULL`)).toBe(0);
  });

  it('lets a village cadre read their village and the regions above it, but not another village', async () => {
    const own = await ok(cadreA, `query($c: ID!) { region(code: $c) { name parent { code } } }`, { c: villageA.code });
    expect(own.region.parent.code).toBe(townshipOfA);
    const up = await ok(cadreA, `query($c: ID!) { region(code: $c) { code children { code } } }`, { c: townshipOfA });
    expect(up.region.children).toEqual([{ code: villageA.code }]);
    const other = await gql(cadreA, `query($c: ID!) { region(code: $c) { name } }`, { c: villageB.code });
    expect(codeOf(other)).toBe('NOT_FOUND');
    const list = await ok(cadreA, `query($p: ID!) { regions(parentCode: $p) { code } }`, { p: townshipOfA });
    expect(list.regions).toEqual([{ code: villageA.code }]);
    const missing = await gql(admin, `{ region(code: "321311999999") { name } }`);
    expect(codeOf(missing)).toBe('NOT_FOUND');
  });
});

describe('importRegions', () => {
  const township2 = '433130150000';
  const township10 = '433130151000';

  it('refuses a bad batch as a whole, listing every bad row, and writes nothing', async () => {
    const before = await countRows('region');
    const res = await gql(longshanAdmin, `mutation($i: ImportRegionsInput!) { importRegions(input: $i) { inserted } }`, {
      i: {
        regions: [
          { code: '433130190000', name: '好镇' },
          { code: '4331301902', name: '短码村' },
          { code: '433130191201', name: '错镇村', parentCode: '433130190000' },
          { code: '433130190202', name: '跨级村', parentCode: '433130000000' },
          { code: '433130190203', name: '好村' },
        ],
      },
    });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    const rows = res.errors![0].extensions.rows as { index: number; rule: string }[];
    expect(rows.map((r) => [r.index, r.rule])).toEqual([
      [1, 'CODE_MALFORMED'],
      [2, 'CODE_NOT_EXTENDING_PARENT'],
      [3, 'LEVEL_MISMATCH'],
    ]);
    expect(res.errors![0].message).toContain('433130191201');
    expect(await countRows('region')).toBe(before);
    expect(await countRows('region', `code LIKE '43313019%'`)).toBe(0);
  });

  it('refuses regions outside the caller’s county and callers who are not county administrators', async () => {
    const outside = await gql(admin, `mutation { importRegions(input: { regions: [{ code: "433130190000", name: "外县镇" }] }) { inserted } }`);
    expect(codeOf(outside)).toBe('FORBIDDEN');
    const cadre = await gql(cadreA, `mutation($c: String!) { importRegions(input: { regions: [{ code: $c, name: "改名" }] }) { inserted } }`, { c: villageA.code });
    expect(codeOf(cadre)).toBe('FORBIDDEN');
  });

  it('imports townships with their villages and reports counts; re-importing changes nothing, renaming updates', async () => {
    const regions = [
      { code: township2, name: '二村镇', parentCode: '433130000000' },
      ...[201, 202].map((n) => ({ code: `433130150${n}`, name: `二村镇${n}村`, parentCode: township2 })),
      { code: township10, name: '十村镇' },
      ...Array.from({ length: 10 }, (_, i) => ({ code: `433130151${201 + i}`, name: `十村镇${201 + i}村` })),
    ];
    const mutation = `mutation($i: ImportRegionsInput!) { importRegions(input: $i) { received inserted updated unchanged } }`;
    expect((await ok(longshanAdmin, mutation, { i: { regions, validFrom: '2025-01-01' } })).importRegions).toEqual({ received: 14, inserted: 14, updated: 0, unchanged: 0 });
    expect((await ok(longshanAdmin, mutation, { i: { regions } })).importRegions).toEqual({ received: 14, inserted: 0, updated: 0, unchanged: 14 });
    const renamed = regions.map((r) => (r.code === '433130150201' ? { ...r, name: '二村镇新村' } : r));
    expect((await ok(longshanAdmin, mutation, { i: { regions: renamed } })).importRegions).toEqual({ received: 14, inserted: 0, updated: 1, unchanged: 13 });
    const data = await ok(longshanAdmin, `{ region(code: "433130150201") { name level parent { code } validFrom } }`);
    expect(data.region).toEqual({ name: '二村镇新村', level: 'VILLAGE', parent: { code: township2 }, validFrom: '2025-01-01' });
  });

  it('retires a code (and the codes below it) instead of deleting it', async () => {
    await ok(longshanAdmin, `mutation { importRegions(input: { regions: [{ code: "433130152000", name: "撤并镇" }, { code: "433130152201", name: "撤并村" }], validFrom: "2024-01-01" }) { inserted } }`);
    const retired = await ok(longshanAdmin, `mutation { retireRegion(input: { code: "433130152000", validTo: "2025-01-01" }) { code validTo current } }`);
    expect(retired.retireRegion).toEqual({ code: '433130152000', validTo: '2025-01-01', current: false });
    const county = await ok(longshanAdmin, `{ region(code: "433130000000") { children { code } all: children(includeRetired: true) { code } } }`);
    expect(county.region.children.map((c: { code: string }) => c.code)).not.toContain('433130152000');
    expect(county.region.all.map((c: { code: string }) => c.code)).toContain('433130152000');
    expect(await countRows('region', `code = '433130152201' AND valid_to = '2025-01-01'`)).toBe(1);
  });

  it('answers region(code) { children { stats } } with the same number of statements for 2 or 10 children', async () => {
    // give the new villages some data: a grid with a household and a resident in one village of each township
    for (const village of ['433130150202', '433130151205']) {
      const grid = await ok(longshanAdmin, `mutation($v: ID!) { createGrid(input: { villageCode: $v, name: "一网格" }) { id code } }`, { v: village });
      expect(grid.createGrid.code).toBe(`${village}001`);
      const hh = await ok(longshanAdmin, `mutation($v: ID!, $g: ID!) { createHousehold(input: { villageCode: $v, number: "0001", gridId: $g }) { id } }`, {
        v: village,
        g: grid.createGrid.id,
      });
      await ok(longshanAdmin, `mutation($h: ID!, $id: String!) { registerResident(input: { householdId: $h, name: "测试", idNumber: $id, relationToHead: HEAD }) { id } }`, {
        h: hh.createHousehold.id,
        id: composeIdNumber('433130', village.endsWith('202') ? '1970-03-03' : '1971-04-04', 11),
      });
    }
    const query = `query($c: ID!) { region(code: $c) { children { code stats { households residents grids } } } }`;
    let two: any;
    let ten: any;
    const n2 = await statements(async () => (two = await ok(longshanAdmin, query, { c: township2 })));
    const n10 = await statements(async () => (ten = await ok(longshanAdmin, query, { c: township10 })));
    expect(two.region.children).toHaveLength(2);
    expect(ten.region.children).toHaveLength(10);
    expect(n10).toBe(n2);
    expect(n2).toBeLessThanOrEqual(3);
    expect(two.region.children.find((c: { code: string }) => c.code === '433130150202').stats).toEqual({ households: 1, residents: 1, grids: 1 });
    expect(ten.region.children.find((c: { code: string }) => c.code === '433130151205').stats).toEqual({ households: 1, residents: 1, grids: 1 });
    const county = await ok(longshanAdmin, `{ region(code: "433130000000") { stats { households residents grids } } }`);
    expect(county.region.stats.households).toBe(await countRows('household', `village_code LIKE '433130%'`));
    expect(county.region.stats.residents).toBe(await countRows('resident', `village_code LIKE '433130%'`));
  });
});

describe('households, residents and pagination', () => {
  it('pages through a village’s households with first/after and a stable totalCount', async () => {
    const total = await countRows('household', 'village_code = $1', [villageA.code]);
    expect(total).toBeGreaterThan(120);
    const query = `query($v: ID!, $after: String) { households(regionCode: $v, first: 60, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id number } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: any = (await ok(cadreA, query, { v: villageA.code, after })).households;
      expect(page.totalCount).toBe(total);
      seen.push(...page.nodes.map((n: { number: string }) => n.number));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(total / 60));
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect([...seen].sort()).toEqual(seen);
  });

  it('lists households with members and grid in the same number of statements for 5 or 50 households', async () => {
    const query = `query($v: ID!, $n: Int!) { households(regionCode: $v, first: $n) { nodes { number members { name } grid { name } head { name } } } }`;
    let small: any;
    let large: any;
    const n5 = await statements(async () => (small = await ok(cadreA, query, { v: villageA.code, n: 5 })));
    const n50 = await statements(async () => (large = await ok(cadreA, query, { v: villageA.code, n: 50 })));
    expect(small.households.nodes).toHaveLength(5);
    expect(large.households.nodes).toHaveLength(50);
    expect(large.households.nodes.every((h: { members: unknown[]; grid: { name: string } }) => h.members.length > 0 && h.grid.name)).toBe(true);
    expect(n50).toBe(n5);
    expect(n5).toBeLessThanOrEqual(5);
  });

  it('lists a grid’s households through a batched connection', async () => {
    const query = `query($v: ID!) { grids(villageCode: $v) { code leader { name } members { name households { number } } households(first: 3) { totalCount nodes { number } pageInfo { hasNextPage } } } }`;
    let data: any;
    const n = await statements(async () => (data = await ok(cadreA, query, { v: villageA.code })));
    expect(data.grids).toHaveLength(3);
    for (const g of data.grids) {
      expect(g.households.nodes).toHaveLength(3);
      expect(g.households.pageInfo.hasNextPage).toBe(true);
      expect(g.households.totalCount).toBeGreaterThanOrEqual(48);
      expect(g.leader.name).toBeTruthy();
      expect(g.members).toHaveLength(5);
      expect(g.members.reduce((sum: number, m: { households: unknown[] }) => sum + m.households.length, 0)).toBe(g.households.totalCount);
    }
    expect(n).toBeLessThanOrEqual(6);
  });

  it('searches residents by name within the caller’s scope, with pagination', async () => {
    const [target] = await sql<{ id: string; name: string }>(`SELECT id, name FROM resident WHERE village_code = $1 ORDER BY id LIMIT 1`, [villageA.code]);
    const query = `query($q: String!, $after: String) { searchResidents(name: $q, first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id name villageCode } } }`;
    const found = await ok(cadreA, query, { q: target.name });
    const expected = await countRows('resident', `village_code = $1 AND name LIKE $2`, [villageA.code, `%${target.name}%`]);
    expect(found.searchResidents.totalCount).toBe(expected);
    let ids: string[] = found.searchResidents.nodes.map((n: { id: string }) => n.id);
    let page = found.searchResidents;
    while (page.pageInfo.hasNextPage) {
      page = (await ok(cadreA, query, { q: target.name, after: page.pageInfo.endCursor })).searchResidents;
      ids = [...ids, ...page.nodes.map((n: { id: string }) => n.id)];
    }
    expect(ids).toContain(target.id);
    expect(ids).toHaveLength(expected);
    const elsewhere = await ok(cadreB, `query($q: String!) { searchResidents(name: $q, first: 100) { nodes { id villageCode } } }`, { q: target.name });
    expect(elsewhere.searchResidents.nodes.map((n: { id: string }) => n.id)).not.toContain(target.id);
    expect(elsewhere.searchResidents.nodes.every((n: { villageCode: string }) => n.villageCode === villageB.code)).toBe(true);
    const surname = await ok(cadreA, `query($q: String!) { searchResidents(name: $q, first: 5) { totalCount nodes { name } } }`, { q: target.name.slice(0, 1) });
    expect(surname.searchResidents.nodes.every((n: { name: string }) => n.name.includes(target.name.slice(0, 1)))).toBe(true);
  });
});

describe('scope', () => {
  it('answers NOT_FOUND (as for a missing id) for a household or resident of another village and filters lists', async () => {
    const [hB] = await sql<{ id: string }>(`SELECT id FROM household WHERE village_code = $1 LIMIT 1`, [villageB.code]);
    const [rB] = await sql<{ id: string }>(`SELECT id FROM resident WHERE village_code = $1 LIMIT 1`, [villageB.code]);
    expect(codeOf(await gql(cadreA, `query($id: ID!) { household(id: $id) { number } }`, { id: hB.id }))).toBe('NOT_FOUND');
    expect(codeOf(await gql(cadreA, `query($id: ID!) { resident(id: $id) { name } }`, { id: rB.id }))).toBe('NOT_FOUND');
    const listB = await ok(cadreA, `query($v: ID!) { households(regionCode: $v) { totalCount } }`, { v: villageB.code });
    expect(listB.households.totalCount).toBe(0);
    const all = await ok(cadreA, `{ households { totalCount } residents { totalCount } }`);
    expect(all.households.totalCount).toBe(await countRows('household', 'village_code = $1', [villageA.code]));
    expect(all.residents.totalCount).toBe(await countRows('resident', 'village_code = $1', [villageA.code]));
    const township = await ok(cadreA, `query($t: ID!) { region(code: $t) { stats { households } } }`, { t: townshipOfA });
    expect(township.region.stats.households).toBe(all.households.totalCount);
  });

  it('shows a resident only their own household and its members', async () => {
    const [me] = await sql<{ id: string; household_id: string }>(
      `SELECT r.id, r.household_id FROM resident r WHERE r.village_code = $1 AND r.relation_to_head = 'HEAD' ORDER BY r.id LIMIT 1`,
      [villageA.code],
    );
    const [neighbour] = await sql<{ id: string; household_id: string }>(`SELECT id, household_id FROM resident WHERE village_code = $1 AND household_id <> $2 LIMIT 1`, [
      villageA.code,
      me.household_id,
    ]);
    const resident: Actor = { id: 'resident-1', roles: [Role.RESIDENT], scope: villageA.code, residentId: me.id };
    const mine = await ok(resident, `{ myHousehold { id members { id idNumber } grid { name } } households { totalCount nodes { id } } residents { totalCount } }`);
    expect(mine.myHousehold.id).toBe(me.household_id);
    expect(mine.households).toEqual({ totalCount: 1, nodes: [{ id: me.household_id }] });
    expect(mine.residents.totalCount).toBe(mine.myHousehold.members.length);
    expect(mine.myHousehold.members.every((m: { idNumber: string }) => m.idNumber.includes('********'))).toBe(true);
    expect(mine.myHousehold.grid.name).toBeTruthy();
    expect(codeOf(await gql(resident, `query($id: ID!) { household(id: $id) { number } }`, { id: neighbour.household_id }))).toBe('NOT_FOUND');
    expect(codeOf(await gql(resident, `query($id: ID!) { resident(id: $id) { name } }`, { id: neighbour.id }))).toBe('NOT_FOUND');
    const stats = await ok(resident, `query($v: ID!) { region(code: $v) { stats { households } } }`, { v: villageA.code });
    expect(stats.region.stats.households).toBe(1);
    expect(codeOf(await gql(resident, `query($v: ID!) { validateGrids(villageCode: $v) { ok } }`, { v: villageA.code }))).toBe('FORBIDDEN');
  });

  it('keeps auditors read-only and writers inside their scope', async () => {
    const audit = await gql(auditorA, `mutation($v: ID!) { createHousehold(input: { villageCode: $v, number: "A-1" }) { id } }`, { v: villageA.code });
    expect(codeOf(audit)).toBe('FORBIDDEN');
    const outside = await gql(cadreA, `mutation($v: ID!) { createHousehold(input: { villageCode: $v, number: "A-1" }) { id } }`, { v: villageB.code });
    expect(codeOf(outside)).toBe('FORBIDDEN');
    expect(await countRows('household', `number = 'A-1'`)).toBe(0);
    const read = await ok(auditorA, `query($v: ID!) { households(regionCode: $v, first: 1) { totalCount } }`, { v: villageA.code });
    expect(read.households.totalCount).toBeGreaterThan(0);
  });
});

describe('personal data', () => {
  const query = `query($v: ID!) { residents(regionCode: $v, first: 20) { nodes { id idNumber phone birthDate } } }`;

  it('masks ID and phone numbers except for cadres in scope, whose every read is audited in one batch', async () => {
    const stored = new Map(
      (await sql<{ id: string; id_number: string; phone: string | null }>(`SELECT id, id_number, phone FROM resident WHERE village_code = $1`, [villageA.code])).map((r) => [r.id, r]),
    );
    const auditBefore = await countRows('audit_log', `action = 'readPersonalData'`);
    for (const actor of [workerA, auditorA]) {
      const masked = await ok(actor, query, { v: villageA.code });
      for (const r of masked.residents.nodes) {
        const s = stored.get(r.id)!;
        expect(r.idNumber).toBe(`${s.id_number.slice(0, 6)}********${s.id_number.slice(14)}`);
        expect(r.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
        // the birth date would fill in the masked digits, so it is withheld too
        expect(r.birthDate).toBeNull();
        if (s.phone) expect(r.phone).toBe(`${s.phone.slice(0, 3)}****${s.phone.slice(7)}`);
      }
    }
    expect(await countRows('audit_log', `action = 'readPersonalData'`)).toBe(auditBefore);
    const stop = sg.db.queries.start();
    const full = await ok(cadreA, query, { v: villageA.code });
    stop();
    const auditInserts = sg.db.queries.statements.filter((q) => /INSERT INTO "?[a-z0-9_]*"?\.?"?audit_log"?/i.test(q));
    expect(auditInserts).toHaveLength(1);
    for (const r of full.residents.nodes) {
      const s = stored.get(r.id)!;
      expect(r.idNumber).toBe(s.id_number);
      expect(r.phone).toBe(s.phone);
      expect(r.birthDate).toBe(`${s.id_number.slice(6, 10)}-${s.id_number.slice(10, 12)}-${s.id_number.slice(12, 14)}`);
    }
    expect(await countRows('audit_log', `action = 'readPersonalData'`)).toBe(auditBefore + 20);
    const rows = await sql<{ actor_id: string; target_type: string; region_code: string; payload: { fields: string[] } }>(
      `SELECT actor_id, target_type, region_code, payload FROM audit_log WHERE action = 'readPersonalData' ORDER BY id DESC LIMIT 1`,
    );
    expect(rows[0]).toMatchObject({ actor_id: 'cadre-a', target_type: 'Resident', region_code: villageA.code });
    expect(rows[0].payload.fields).toEqual(expect.arrayContaining(['idNumber']));
    const county = await ok(admin, query, { v: villageA.code });
    expect(county.residents.nodes[0].idNumber).toBe(stored.get(county.residents.nodes[0].id)!.id_number);
  });

  it('registers a resident with a valid ID number, refuses duplicates (CONFLICT) and wrong check digits (BAD_USER_INPUT) writing nothing', async () => {
    const village = featured[5];
    const cadre: Actor = { id: 'cadre-r', roles: [Role.VILLAGE_CADRE], scope: village.code };
    const hh = await ok(cadre, `mutation($v: ID!) { createHousehold(input: { villageCode: $v, number: "9001", address: "测试路1号" }) { id } }`, { v: village.code });
    const idNumber = composeIdNumber('433130', '1988-08-08', 427);
    const register = `mutation($i: RegisterResidentInput!) { registerResident(input: $i) { id name gender birthDate idNumber phone relationToHead household { number head { name } } } }`;
    const input = { householdId: hh.createHousehold.id, name: '田新民', idNumber, phone: '13912345678', relationToHead: 'HEAD' };
    const created = await ok(cadre, register, { i: input });
    expect(created.registerResident).toMatchObject({ name: '田新民', gender: 'MALE', birthDate: '1988-08-08', idNumber, phone: '13912345678', relationToHead: 'HEAD' });
    expect(created.registerResident.household).toEqual({ number: '9001', head: { name: '田新民' } });
    const residentsBefore = await countRows('resident');
    const auditBefore = await countRows('audit_log', `action = 'registerResident'`);
    const duplicate = await gql(cadre, register, { i: { ...input, name: '田重复', relationToHead: 'CHILD' } });
    expect(codeOf(duplicate)).toBe('CONFLICT');
    // and the database itself keeps a number once, through the unique index of its keyed hash (the only index of the number)
    const copy = `INSERT INTO resident (household_id, village_code, county_code, name, gender, birth_date, id_number, id_number_hash, relation_to_head)
      SELECT household_id, village_code, county_code, '田复制', gender, birth_date, id_number, id_number_hash, 'CHILD' FROM resident WHERE id_number = $1`;
    await expect(sql(copy, [idNumber])).rejects.toThrow(/resident_id_number_hash_key/);
    const wrong = `${idNumber.slice(0, 17)}${idNumber[17] === '1' ? '2' : '1'}`;
    const bad = await gql(cadre, register, { i: { ...input, idNumber: wrong, name: '田错号', relationToHead: 'CHILD' } });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions.rule).toBe('ID_CHECK_DIGIT');
    const future = composeIdNumber('433130', '2099-01-01', 12);
    expect((await gql(cadre, register, { i: { ...input, idNumber: future, relationToHead: 'CHILD' } })).errors![0].extensions.rule).toBe('ID_BIRTH_DATE');
    const secondHead = await gql(cadre, register, { i: { ...input, idNumber: composeIdNumber('433130', '1990-01-01', 428), name: '田二', relationToHead: 'HEAD' } });
    expect(codeOf(secondHead)).toBe('CONFLICT');
    expect(await countRows('resident')).toBe(residentsBefore);
    expect(await countRows('audit_log', `action = 'registerResident'`)).toBe(auditBefore);
  });
});

describe('grids, zones and grid workers', () => {
  const village = featured[4];
  const cadre: Actor = { id: 'cadre-g', roles: [Role.VILLAGE_CADRE], scope: village.code };

  it('creates a zone, a grid extending the village code, a leader and a member, and links households', async () => {
    const zone = await ok(cadre, `mutation($v: ID!) { createZone(input: { villageCode: $v, name: "第三片区" }) { id name village { code } } }`, { v: village.code });
    expect(zone.createZone.village.code).toBe(village.code);
    const grid = await ok(cadre, `mutation($v: ID!, $z: ID!) { createGrid(input: { villageCode: $v, name: "新网格", zoneId: $z }) { id code version zone { name } } }`, {
      v: village.code,
      z: zone.createZone.id,
    });
    expect(grid.createGrid.code).toBe(`${village.code}004`);
    expect(grid.createGrid.zone.name).toBe('第三片区');
    const gridId = grid.createGrid.id;
    const households: string[] = [];
    for (const n of ['8001', '8002', '8003']) {
      households.push((await ok(cadre, `mutation($v: ID!, $g: ID!, $n: String!) { createHousehold(input: { villageCode: $v, number: $n, gridId: $g }) { id } }`, { v: village.code, g: gridId, n })).createHousehold.id);
    }
    const head = await ok(cadre, `mutation($h: ID!, $id: String!) { registerResident(input: { householdId: $h, name: "向网长", idNumber: $id, phone: "13712345678", relationToHead: HEAD }) { id } }`, {
      h: households[0],
      id: composeIdNumber('433130', '1975-05-05', 301),
    });
    const leader = await ok(cadre, `mutation($g: ID!, $r: ID!) { createGridWorker(input: { gridId: $g, role: GRID_LEADER, residentId: $r }) { id name phone role resident { name } } }`, {
      g: gridId,
      r: head.registerResident.id,
    });
    expect(leader.createGridWorker).toMatchObject({ name: '向网长', phone: '13712345678', role: 'GRID_LEADER', resident: { name: '向网长' } });
    const second = await gql(cadre, `mutation($g: ID!) { createGridWorker(input: { gridId: $g, role: GRID_LEADER, name: "二号" }) { id } }`, { g: gridId });
    expect(codeOf(second)).toBe('CONFLICT');
    const member = await ok(cadre, `mutation($g: ID!) { createGridWorker(input: { gridId: $g, role: GRID_MEMBER, name: "彭网格", phone: "15012345678" }) { id } }`, { g: gridId });
    const linked = await ok(cadre, `mutation($w: ID!, $h: [ID!]!) { assignHouseholdsToMember(input: { workerId: $w, householdIds: $h }) { name households { number } } }`, {
      w: member.createGridWorker.id,
      h: households.slice(0, 2),
    });
    expect(linked.assignHouseholdsToMember.households.map((h: { number: string }) => h.number)).toEqual(['8001', '8002']);
    const [foreign] = await sql<{ id: string }>(`SELECT id FROM household WHERE village_code = $1 AND grid_id <> $2 LIMIT 1`, [village.code, gridId]);
    const refused = await gql(cadre, `mutation($w: ID!, $h: [ID!]!) { assignHouseholdsToMember(input: { workerId: $w, householdIds: $h }) { name } }`, {
      w: member.createGridWorker.id,
      h: [households[2], foreign.id],
    });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(await countRows('household', 'member_id = $1', [member.createGridWorker.id])).toBe(2);
    const moved = await ok(cadre, `mutation($g: ID!, $h: [ID!]!) { assignHouseholdsToGrid(input: { gridId: $g, householdIds: $h }) { households { totalCount } } }`, { g: gridId, h: [foreign.id] });
    expect(moved.assignHouseholdsToGrid.households.totalCount).toBe(4);
    const view = await ok(workerA.scope === village.code ? workerA : { ...workerA, scope: village.code }, `query($id: ID!) { grid(id: $id) { leader { name phone } members { name phone households { number } } village { code } } }`, { id: gridId });
    expect(view.grid.leader).toEqual({ name: '向网长', phone: '137****5678' });
    expect(view.grid.members[0]).toMatchObject({ name: '彭网格', phone: '150****5678' });
    const stale = await gql(cadre, `mutation($id: ID!) { updateGrid(input: { id: $id, version: 0, name: "旧版本" }) { name } }`, { id: gridId });
    expect(codeOf(stale)).toBe('CONFLICT');
    const renamed = await ok(cadre, `mutation($id: ID!, $v: Int!) { updateGrid(input: { id: $id, version: $v, name: "改名网格" }) { name version } }`, { id: gridId, v: grid.createGrid.version });
    expect(renamed.updateGrid).toEqual({ name: '改名网格', version: grid.createGrid.version + 1 });
    const report = await ok(cadre, `query($v: ID!) { validateGrids(villageCode: $v) { source findings { rule grid { name } } } }`, { v: village.code });
    expect(report.validateGrids.findings).toEqual(expect.arrayContaining([{ rule: 'GRID_TOO_SMALL', grid: { name: '改名网格' } }]));
  });
});

describe('validateGrids', () => {
  it('reports the deliberately uneven demo village against the national baseline', async () => {
    const uneven = unevenDemoVillage();
    const data = await ok(admin, `query($v: ID!) { validateGrids(villageCode: $v) { villageCode source ok gridsChecked membersChecked
      targets { householdsPerGrid householdsPerMember tolerance } findings { rule message messageZh messageEn actual expectedMin expectedMax grid { code } worker { name } } } }`, { v: uneven.code });
    const report = data.validateGrids;
    expect(report).toMatchObject({ villageCode: uneven.code, source: 'baseline', ok: false, gridsChecked: 3, targets: { householdsPerGrid: 50, householdsPerMember: 10, tolerance: 0.2 } });
    const rules = report.findings.map((f: { rule: string; grid: { code: string } }) => `${f.grid.code.slice(12)}:${f.rule}`);
    expect(rules).toEqual(expect.arrayContaining(['001:GRID_TOO_LARGE', '001:MEMBER_OVERLOADED', '003:GRID_TOO_SMALL', '003:GRID_WITHOUT_LEADER', '003:MEMBER_UNDERLOADED']));
    const large = report.findings.find((f: { rule: string }) => f.rule === 'GRID_TOO_LARGE');
    expect(large).toMatchObject({ actual: 82, expectedMin: 40, expectedMax: 60 });
    expect(large.message).toBe(`${large.messageZh} (${large.messageEn})`);
    expect(report.findings.find((f: { rule: string }) => f.rule === 'MEMBER_OVERLOADED').worker.name).toBeTruthy();
  });

  it('finds nothing in an evenly divided demo village', async () => {
    const data = await ok(cadreB, `query($v: ID!) { validateGrids(villageCode: $v) { ok source gridsChecked membersChecked findings { rule } } }`, { v: villageB.code });
    expect(data.validateGrids).toEqual({ ok: true, source: 'baseline', gridsChecked: 3, membersChecked: 15, findings: [] });
  });

  it('uses the policy of the plugin the county enables, and says so', async () => {
    const village = featured[3];
    const data = await ok(longshanAdmin, `query($v: ID!) { validateGrids(villageCode: $v) { source targets { householdsPerGrid } findings { rule } } }`, { v: village.code });
    expect(data.validateGrids.source).toBe('large-grids-test');
    expect(data.validateGrids.targets.householdsPerGrid).toBe(80);
    expect(data.validateGrids.findings.filter((f: { rule: string }) => f.rule === 'GRID_TOO_SMALL')).toHaveLength(3);
  });

  it('refuses a village outside the caller’s scope as it refuses a missing one (NOT_FOUND)', async () => {
    expect(codeOf(await gql(cadreA, `query($v: ID!) { validateGrids(villageCode: $v) { ok } }`, { v: villageB.code }))).toBe('NOT_FOUND');
  });
});

describe('federation references', () => {
  it('resolves Region, Grid, Household and Resident references in batches, out-of-scope ones as null', async () => {
    const [hA] = await sql<{ id: string; grid_id: string }>(`SELECT id, grid_id FROM household WHERE village_code = $1 ORDER BY id LIMIT 1`, [villageA.code]);
    const [hB] = await sql<{ id: string }>(`SELECT id FROM household WHERE village_code = $1 ORDER BY id LIMIT 1`, [villageB.code]);
    const residents = await sql<{ id: string }>(`SELECT id FROM resident WHERE village_code = $1 ORDER BY id LIMIT 3`, [villageA.code]);
    const representations = [
      { __typename: 'Region', code: villageA.code },
      { __typename: 'Region', code: villageB.code },
      { __typename: 'Grid', id: hA.grid_id },
      { __typename: 'Household', id: hA.id },
      { __typename: 'Household', id: hB.id },
      ...residents.map((r) => ({ __typename: 'Resident', id: r.id })),
    ];
    let data: any;
    const n = await statements(async () => (data = await ok(cadreA, `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Region { code name } ... on Grid { gridCode: code } ... on Household { number } ... on Resident { name household { id } } } }`, { r: representations })));
    expect(data._entities[0].code).toBe(villageA.code);
    expect(data._entities[1]).toBeNull();
    expect(data._entities[2].gridCode).toMatch(/^\d{15}$/);
    expect(data._entities[3].number).toBeTruthy();
    expect(data._entities[4]).toBeNull();
    expect(data._entities.slice(5).every((r: { name: string }) => r.name)).toBe(true);
    expect(n).toBeLessThanOrEqual(6);
    expect(sg.sdl).toContain('type Region @key(fields: "code")');
    expect(sg.sdl).toContain('type Resident @key(fields: "id")');
  });
});

describe('demo seed', () => {
  it('runs again without duplicating anything', async () => {
    const tables = ['region', 'zone', 'grid', 'grid_worker', 'household', 'resident'];
    const before = await Promise.all(tables.map((t) => countRows(t)));
    const links = await countRows('household', 'member_id IS NOT NULL');
    const started = Date.now();
    await seedGridsDemo({ dataSource: sg.db.dataSource, logger: createLogger('grids-seed-test') });
    expect(Date.now() - started).toBeLessThan(20000);
    expect(await Promise.all(tables.map((t) => countRows(t)))).toEqual(before);
    expect(await countRows('household', 'member_id IS NOT NULL')).toBe(links);
    const ids = await sql<{ id_number: string }>(`SELECT id_number FROM resident WHERE village_code = $1 ORDER BY id_number LIMIT 3`, [villageA.code]);
    expect(ids.every((r) => r.id_number.startsWith('321311'))).toBe(true);
  });
});

describe('bounded lists', () => {
  // a malformed tree under a county of its own: valid division codes leave at most 999 regions below
  // one region, so only rows written around the import can reach the bound
  const county = '439999000000';
  const countyAdmin: Actor = { id: 'admin-bound', roles: [Role.COUNTY_ADMIN], scope: county };
  const village = '439999000001';
  const overBound = 2001;

  function refusal(res: GqlResult, field: string, instead: string): void {
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    const error = res.errors?.[0] as GqlError;
    expect(error.extensions).toMatchObject({ field, max: 2000, instead });
    expect(error.message).toContain(`${field} 最多列出 2000 项`);
    expect(error.message).toContain(`${field} lists at most 2000 items`);
    expect(error.message).toContain(instead);
  }

  beforeAll(async () => {
    await sql(`INSERT INTO region (code, name, level, parent_code, county_code) VALUES ($1, '界限县', 'COUNTY', '430000000000', $1)`, [county]);
    await sql(
      `INSERT INTO region (code, name, level, parent_code, county_code)
       SELECT '439999' || lpad(i::text, 6, '0'), '界限村' || i, 'VILLAGE', $1, $1 FROM generate_series(1, ${overBound}) AS i`,
      [county],
    );
  });

  it('refuses Region.children and regions(parentCode) beyond 2000 with BAD_USER_INPUT naming the field, the bound and the alternative; at 2000 answers them all', async () => {
    const small = `query($c: ID!) { region(code: $c) { code children { code } } }`;
    const n2 = await statements(() => ok(admin, small, { c: townshipOfA }));
    let over: GqlResult = {};
    const nOver = await statements(async () => (over = await gql(countyAdmin, small, { c: county })));
    refusal(over, 'Region.children', 'Region.children of each lower region');
    expect(nOver).toBe(n2);
    refusal(await gql(countyAdmin, `query($p: ID!) { regions(parentCode: $p) { code } }`, { p: county }), 'regions', 'regions(parentCode) of each lower region');
    await sql(`DELETE FROM region WHERE code = $1`, [`439999${String(overBound).padStart(6, '0')}`]);
    const full = await ok(countyAdmin, `query($c: ID!) { region(code: $c) { children { code } } regions(parentCode: $c) { code } }`, { c: county });
    expect(full.region.children).toHaveLength(2000);
    expect(full.regions).toHaveLength(2000);
    expect(full.region.children[0].code).toBe(village);
  });

  it('refuses GridWorker.households beyond 2000 and names the paginated households(gridId, first, after), which pages through them', async () => {
    const [grid] = await sql<{ id: string }>(`INSERT INTO grid (code, village_code, county_code, name) VALUES ($1, $2, $3, '界限网格') RETURNING id`, [`${village}001`, village, county]);
    const [worker] = await sql<{ id: string }>(
      `INSERT INTO grid_worker (grid_id, village_code, county_code, role, name) VALUES ($1, $2, $3, 'GRID_MEMBER', '界限网格员') RETURNING id`,
      [grid.id, village, county],
    );
    await sql(
      `INSERT INTO household (village_code, county_code, grid_id, number, member_id)
       SELECT $1, $2, $3, lpad(i::text, 5, '0'), $4 FROM generate_series(1, ${overBound}) AS i`,
      [village, county, grid.id, worker.id],
    );
    const query = `query($id: ID!) { grid(id: $id) { members { name households { number } } } }`;
    const [normal] = await sql<{ id: string }>(`SELECT g.id FROM grid g JOIN grid_worker w ON w.grid_id = g.id AND w.role = 'GRID_MEMBER' WHERE g.village_code = $1 LIMIT 1`, [villageA.code]);
    const nNormal = await statements(() => ok(cadreA, query, { id: normal.id }));
    let over: GqlResult = {};
    const nOver = await statements(async () => (over = await gql(countyAdmin, query, { id: grid.id })));
    refusal(over, 'GridWorker.households', 'households(gridId, first, after)');
    expect(nOver).toBe(nNormal);
    const paged = await ok(countyAdmin, `query($g: ID!) { households(gridId: $g, first: 100) { totalCount pageInfo { hasNextPage } } }`, { g: grid.id });
    expect(paged.households).toEqual({ totalCount: overBound, pageInfo: { hasNextPage: true } });
    await sql(`DELETE FROM household WHERE village_code = $1 AND number = $2`, [village, String(overBound).padStart(5, '0')]);
    const full = await ok(countyAdmin, query, { id: grid.id });
    expect(full.grid.members[0].households).toHaveLength(2000);
  });

  it('keeps a village’s grids under 1000: a grid code is the village code plus 3 digits', async () => {
    await expect(sql(`INSERT INTO grid (code, village_code, county_code, name) VALUES ($1, $2, $3, '第1000个')`, [`${village}1000`, village, county])).rejects.toThrow();
    await expect(sql(`INSERT INTO grid (code, village_code, county_code, name) VALUES ($1, $2, $3, '别村的')`, ['439999000002001', village, county])).rejects.toThrow();
  });
});
