import { featuredVillages } from '@xiangzhi/demo';
import { COUNT_LIMIT, openRequestDatabase, Role, type Actor } from '@xiangzhi/kernel';
import { countQueries, graphqlClient, startTestPlatform, type TestPlatform } from '@xiangzhi/testing';
import type { DataSource } from 'typeorm';
import { subgraph as grids } from '../../index';
import { nameTokens } from './name-tokens';

/**
 * 按姓名查找居民: `searchResidents(name:)` looks the name's characters and character pairs up in the
 * GIN index of `name_tokens` (never a scan of the county's residents), finds partial Chinese names of
 * one or two characters, and counts the matches only when the query asks for `totalCount` — at most
 * COUNT_LIMIT + 1 of them.
 */
const village = featuredVillages().find((v) => v.code.startsWith('433130'))!;
const county = `${village.code.slice(0, 6)}000000`;
const admin: Actor = { id: 'name-search-admin', roles: [Role.COUNTY_ADMIN], scope: county };
const otherCadre: Actor = { id: 'name-search-other', roles: [Role.VILLAGE_CADRE], scope: '433130999200' };

/** On PostgreSQL the platform runs its requests behind the county wall, as deployments do (`XZ_DB_APP_ROLE`); PGlite has no wall. */
const onPostgres = !!process.env.TEST_DATABASE_URL;
const APP_ROLE = 'xz_app';

type Answer = { searchResidents: { totalCount?: number; totalCountExact?: boolean; nodes: { name: string }[]; pageInfo?: { hasNextPage: boolean } } };

describe('searchResidents by name (gateway, demo data)', () => {
  let platform: TestPlatform;
  let ds: DataSource;
  const { ok } = graphqlClient<Answer>(() => platform);
  let serial = 0;

  /** Residents written straight into the table (set-based, as an import does): the generated column fills itself. */
  async function addResidents(names: string[]): Promise<void> {
    const [household] = (await ds.query('SELECT id FROM household WHERE village_code = $1 ORDER BY id LIMIT 1', [village.code])) as { id: string }[];
    const first = serial;
    serial += names.length;
    await ds.query(
      `INSERT INTO resident (household_id, village_code, county_code, name, gender, birth_date, id_number, id_number_hash, relation_to_head)
       SELECT $1, $2, $3, n.name, 'FEMALE', '1990-01-01', (90000000000000000 + $4 + n.i)::text || 'X', 'name-search-' || ($4 + n.i), 'OTHER'
       FROM unnest(string_to_array($5, '|')) WITH ORDINALITY AS n (name, i)`,
      [household.id, village.code, county, first, names.join('|')],
    );
  }

  const search = async (name: string, fields = 'totalCount totalCountExact nodes { name }', first = 100) =>
    (await ok(admin, `query($n: String, $f: Int) { searchResidents(name: $n, first: $f) { ${fields} } }`, { n: name, f: first })).searchResidents;

  beforeAll(async () => {
    const saved = process.env.XZ_DB_APP_ROLE;
    if (onPostgres) process.env.XZ_DB_APP_ROLE = APP_ROLE;
    try {
      platform = await startTestPlatform({ subgraphs: [grids], seed: true });
    } finally {
      if (saved === undefined) delete process.env.XZ_DB_APP_ROLE;
      else process.env.XZ_DB_APP_ROLE = saved;
    }
    ds = platform.subgraphs.grids.db.dataSource;
    await addResidents(['欧阳娜娜', '欧阳修', '张三丰', '司马相如', 'Ayixiamu Tuerxun']);
  }, 240_000);
  afterAll(() => platform?.stop());

  it('splits a name into its characters and pairs of characters', () => {
    expect(nameTokens('张三丰')).toEqual(['张三', '三丰']);
    expect(nameTokens('娜')).toEqual(['娜']);
    expect(nameTokens('AyI')).toEqual(['ay', 'yi']);
    expect(nameTokens('娜娜娜')).toEqual(['娜娜']);
  });

  it('finds full and partial Chinese names (a surname, one character, a given name) and Latin names in any case, as a substring match does', async () => {
    for (const text of ['欧阳', '娜', '三丰', '张三丰', '司马相如', '相', 'ayixiamu', 'TUERXUN', '王']) {
      const found = await search(text);
      const expected = ((await ds.query(`SELECT name FROM resident WHERE village_code LIKE '433130%' AND lower(name) LIKE $1 ORDER BY name, id`, [
        `%${text.toLowerCase()}%`,
      ])) as { name: string }[]).map((r) => r.name);
      expect([text, found.nodes.map((n) => n.name)]).toEqual([text, expected.slice(0, 100)]);
      expect([text, found.totalCount, found.totalCountExact]).toEqual([text, expected.length, true]);
    }
    expect((await search('欧阳')).nodes.map((n) => n.name)).toEqual(['欧阳修', '欧阳娜娜']);
    expect((await search('阳娜娜')).nodes.map((n) => n.name)).toEqual(['欧阳娜娜']);
    expect((await search('娜欧')).nodes).toEqual([]);
    expect((await ok(otherCadre, `{ searchResidents(name: "欧阳") { nodes { name } } }`)).searchResidents.nodes).toEqual([]);
  });

  it('answers a village cadre and a narrower regionCode as the substring match within that prefix does, page after page, and a region beside the scope with nothing', async () => {
    const cadre: Actor = { id: 'name-search-cadre', roles: [Role.VILLAGE_CADRE], scope: village.code };
    const expected = async (prefix: string, text: string) =>
      ((await ds.query(`SELECT name FROM resident WHERE village_code LIKE $1 AND lower(name) LIKE $2 ORDER BY name, id`, [`${prefix}%`, `%${text}%`])) as { name: string }[]).map((r) => r.name);
    const pages = async (actor: Actor, text: string, regionCode: string | null) => {
      const names: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: { searchResidents: { nodes: { name: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await ok(
          actor,
          `query($n: String, $r: ID, $a: String) { searchResidents(name: $n, regionCode: $r, first: 2, after: $a) { nodes { name } pageInfo { hasNextPage endCursor } } }`,
          { n: text, r: regionCode, a: after },
        );
        names.push(...page.searchResidents.nodes.map((n) => n.name));
        if (!page.searchResidents.pageInfo.hasNextPage) return names;
        after = page.searchResidents.pageInfo.endCursor;
      }
    };
    for (const text of ['王', '欧阳', '无此人']) {
      expect([text, await pages(cadre, text, null)]).toEqual([text, await expected(village.code, text)]);
      expect([text, await pages(admin, text, village.code.slice(0, 9) + '000')]).toEqual([text, await expected(village.code.slice(0, 9), text)]);
      // a regionCode wider than the cadre's scope stays within the scope
      expect([text, await pages(cadre, text, county)]).toEqual([text, await expected(village.code, text)]);
      // and a regionCode beside it finds nothing (not the cadre's own village)
      expect([text, await pages(cadre, text, otherCadre.scope)]).toEqual([text, []]);
    }
  });

  it('counts only when totalCount is asked for, and reads the name index, not the whole table', async () => {
    const without = await countQueries(platform.subgraphs.grids, () => search('欧阳', 'nodes { name } pageInfo { hasNextPage }'));
    const withCount = await countQueries(platform.subgraphs.grids, () => search('欧阳'));
    expect(withCount.count).toBe(without.count + 1);
    expect(without.statements.join('\n')).not.toMatch(/count\(/i);
    expect(withCount.statements.filter((s) => /count\(/i.test(s))).toHaveLength(1);
    expect(without.statements.join('\n')).toMatch(/resident_name_rows\(ARRAY\[/);
    const plan = await ds.transaction(async (m) => {
      await m.query('SET LOCAL enable_seqscan = off');
      const rows = (await m.query(`EXPLAIN SELECT id FROM resident WHERE name_tokens @> ARRAY['欧阳']::text[] AND lower(name) LIKE '%欧阳%'`)) as { 'QUERY PLAN': string }[];
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('resident_name_tokens_idx');
  });

  (onPostgres ? it : it.skip)('behind the county wall reads the name index through resident_name_rows (a TID scan, never the whole table) and only the caller county’s rows', async () => {
    const sql = `SELECT r.name FROM resident r WHERE r.ctid = ANY ((SELECT resident_name_rows(ARRAY['欧阳']::text[], '%欧阳%', $1))::tid[]) AND lower(r.name) LIKE '%欧阳%' ORDER BY r.name, r.id`;
    const asRequest = async (scope: string, prefix: string) => {
      const request = openRequestDatabase(ds, { role: APP_ROLE, scope });
      try {
        const rows = (await request.dataSource.query(sql, [prefix])) as { name: string }[];
        const plan = ((await request.dataSource.query(`EXPLAIN ${sql}`, [prefix])) as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n');
        const direct = (await request.dataSource.query(`SELECT cardinality(resident_name_rows(ARRAY['欧阳']::text[], '%欧阳%', '')) AS n`)) as { n: number }[];
        return { names: rows.map((r) => r.name), plan, direct: Number(direct[0].n) };
      } finally {
        await request.settle();
      }
    };
    const own = await asRequest(county.slice(0, 6), county.slice(0, 6));
    expect(own.names).toEqual(['欧阳修', '欧阳娜娜']);
    expect(own.direct).toBe(2);
    expect(own.plan).toContain('Tid Scan on resident');
    expect(own.plan).not.toMatch(/Seq Scan on resident/);
    // another county's request finds none of them, neither through the query nor by calling the function itself
    const other = await asRequest('520502', county.slice(0, 6));
    expect(other).toMatchObject({ names: [], direct: 0 });
  });

  it(`stops counting above ${COUNT_LIMIT} matches and says so`, async () => {
    await addResidents(Array.from({ length: COUNT_LIMIT + 5 }, (_, i) => `龘靐${i}`));
    const many = await search('龘靐', 'totalCount totalCountExact nodes { name } pageInfo { hasNextPage }', 3);
    expect(many).toMatchObject({ totalCount: COUNT_LIMIT + 1, totalCountExact: false, pageInfo: { hasNextPage: true } });
    expect(many.nodes).toHaveLength(3);
  }, 120_000);
});
