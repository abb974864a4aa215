import { Role, type Actor } from '@xiangzhi/kernel';
import { countQueries, graphqlClient, startTestPlatform, type TestPlatform } from '@xiangzhi/testing';
import type { DataSource } from 'typeorm';
import { subgraph as personnel } from '../index';
import { insertCadre } from '../testing/fixtures';
import { nameInitials, nameSearchTerms } from './name-search';

/**
 * 干部按姓名查找: `cadres(regionCode, name)` finds a cadre by any part of the name or of its pinyin
 * initials, through the gateway, with one indexed containment test (GIN on `name_terms`) — never a
 * LIKE scan of the table.
 */
const county = '433130000000';
const villageA = '433130101201';
const villageB = '433130101202';
const admin: Actor = { id: 'search-admin', roles: [Role.COUNTY_ADMIN], scope: county };
const cadreOfB: Actor = { id: 'search-cadre-b', roles: [Role.VILLAGE_CADRE], scope: villageB };

const CADRES = 'query($r: String!, $n: String) { cadres(regionCode: $r, name: $n) { totalCount nodes { name nameInitials } } }';

describe('pinyin initials', () => {
  it('reads names, surnames first', () => {
    expect(nameInitials('张三丰')).toBe('zsf');
    expect(nameInitials('单雄信')).toBe('sxx'); // 单 as a surname is Shàn
    expect(nameInitials('阿依古丽·买买提')).toBe('aygl' + 'mmt');
    expect(nameSearchTerms('张三丰')).toEqual(expect.arrayContaining(['张', '三丰', '张三丰', 'z', 'sf', 'zsf']));
  });
});

describe('cadres by name (gateway)', () => {
  let platform: TestPlatform;
  let ds: DataSource;
  const { ok, gql, codeOf } = graphqlClient<{ cadres: { totalCount: number; nodes: { name: string; nameInitials: string }[] } }>(() => platform);

  beforeAll(async () => {
    platform = await startTestPlatform({ subgraphs: [personnel] });
    ds = platform.subgraphs.personnel.db.dataSource;
    for (const [villageCode, name] of [
      [villageA, '张三丰'],
      [villageA, '张三'],
      [villageA, '李四'],
      [villageA, '单雄信'],
      [villageB, '张丰年'],
    ] as const) {
      await insertCadre(ds, { villageCode, name });
    }
  }, 240_000);
  afterAll(() => platform?.stop());

  const names = async (name: string, as: Actor = admin, region = county): Promise<string[]> =>
    (await ok(as, CADRES, { r: region, n: name })).cadres.nodes.map((c) => c.name).sort();

  it('finds by any part of the name', async () => {
    expect(await names('张三丰')).toEqual(['张三丰']);
    expect(await names('三丰')).toEqual(['张三丰']);
    expect(await names('张')).toEqual(['张三', '张三丰', '张丰年']);
    expect(await names('丰')).toEqual(['张三丰', '张丰年']);
    expect(await names('王')).toEqual([]);
  });

  it('finds by pinyin initials, whole or in part, in any case', async () => {
    expect(await names('zsf')).toEqual(['张三丰']);
    expect(await names('ZSF')).toEqual(['张三丰']);
    expect(await names('zs')).toEqual(['张三', '张三丰']);
    expect(await names('sxx')).toEqual(['单雄信']);
    expect(await names('zsx')).toEqual([]);
    const data = await ok(admin, CADRES, { r: villageA, n: 'zsf' });
    expect(data.cadres).toEqual({ totalCount: 1, nodes: [{ name: '张三丰', nameInitials: 'zsf' }] });
  });

  it('stays inside the caller’s scope and the region asked', async () => {
    expect(await names('张', cadreOfB, villageB)).toEqual(['张丰年']);
    expect(await names('张', admin, villageA)).toEqual(['张三', '张三丰']);
  });

  it('refuses an empty or over-long search text, naming the argument', async () => {
    const res = await gql(admin, CADRES, { r: county, n: '' });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toContain('name 长度须为 1–10 个字符');
    expect(codeOf(await gql(admin, CADRES, { r: county, n: 'abcdefghijk' }))).toBe('BAD_USER_INPUT');
  });

  it('searches with one indexed containment test, never a LIKE scan on the name', async () => {
    const { statements } = await countQueries(platform.subgraphs.personnel, () => ok(admin, CADRES, { r: county, n: 'zsf' }));
    const select = statements.find((s) => s.includes('name_terms'));
    expect(select).toMatch(/"?c"?\."?name_terms"? @> ARRAY\[\$\d+\]::text\[\]/);
    expect(statements.join('\n')).not.toMatch(/name"? (I?LIKE)/i);
    // the planner can answer it from the GIN index (sequential scans off: tables this small are read whole)
    const plan = await ds.transaction(async (m) => {
      await m.query('SET LOCAL enable_seqscan = off');
      const rows = (await m.query(`EXPLAIN SELECT id FROM cadre WHERE name_terms @> ARRAY['zsf']::text[]`)) as { 'QUERY PLAN': string }[];
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('cadre_name_terms_idx');
  });
});
