import { subgraph as grids } from '@xiangzhi/grids';
import { Role, type Actor } from '@xiangzhi/kernel';
import { countQueries, startTestPlatform, type TestPlatform } from '@xiangzhi/testing';
import { notesSubgraph } from './support/notes-subgraph';

/**
 * The grids subgraph and a second subgraph extending Region, behind the real gateway, on demo data.
 * Everything goes over HTTP with client tokens, as a frontend would.
 */
const ISSUE_QUERY = '{ region(code: "433130000000") { name level children { code name level stats { households residents grids } } } }';

const countyAdmin: Actor = { id: 'e2e-county-admin', roles: [Role.COUNTY_ADMIN], scope: '433130000000' };
const villageCadre: Actor = { id: 'e2e-cadre', roles: [Role.VILLAGE_CADRE], scope: '433130101200' };

interface RegionNode {
  code: string;
  name: string;
  level: string;
  stats: { households: number; residents: number; grids: number };
}

describe('gateway + grids on demo data (end to end)', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ subgraphs: [grids, notesSubgraph], seed: true });
  });
  afterAll(() => platform?.stop());

  const count = async (table: string, prefix: string): Promise<number> => {
    const [row] = (await platform.subgraphs.grids.db.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE village_code LIKE $1`, [`${prefix}%`])) as { n: number }[];
    return row.n;
  };

  it('answers the county overview query with the seeded demo data', async () => {
    const res = await platform.query<{ region: { name: string; level: string; children: RegionNode[] } }>(ISSUE_QUERY, {}, countyAdmin);
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    const region = res.data!.region;
    expect(region).toMatchObject({ name: '龙山县', level: 'COUNTY' });
    expect(region.children).toHaveLength(21);
    expect(region.children.every((c) => c.level === 'TOWNSHIP' && c.code.startsWith('433130'))).toBe(true);
    const first = region.children.find((c) => c.code === '433130101000')!;
    expect(first.stats).toEqual({
      households: await count('household', '433130101'),
      residents: await count('resident', '433130101'),
      grids: await count('grid', '433130101'),
    });
    expect(first.stats.households).toBeGreaterThan(0);
  });

  it('costs the same number of SQL statements whatever the number of children', async () => {
    const county = await countQueries(platform.subgraphs.grids, () => platform.query(ISSUE_QUERY, {}, countyAdmin));
    const township = await countQueries(platform.subgraphs.grids, () => platform.query(ISSUE_QUERY.replace('433130000000', '433130101000'), {}, countyAdmin));
    expect((county.result.data as { region: { children: unknown[] } }).region.children.length).toBe(21);
    expect((township.result.data as { region: { children: unknown[] } }).region.children.length).toBeGreaterThan(1);
    expect(county.count).toBe(township.count);
  });

  it('answers a village cadre asking for another village as for a missing one: NOT_FOUND with a bilingual message', async () => {
    const own = await platform.query('{ region(code: "433130101200") { name } }', {}, villageCadre);
    expect(own.errors).toBeUndefined();
    const res = await platform.query('{ region(code: "433130101201") { name } }', {}, villageCadre);
    expect(res.data).toBeNull();
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const missing = await platform.query('{ region(code: "433130101299") { name } }', {}, villageCadre);
    expect(missing.errors?.[0].message.split('433130101299').join('<code>')).toBe(res.errors?.[0].message.split('433130101201').join('<code>'));
    expect(res.errors?.[0].message).toMatch(/^[^()]*[\u4e00-\u9fff][^()]* \(.*[A-Za-z].*\)$/);
    expect(res.errors?.[0].message).toContain('433130101201');
  });

  it('refuses requests without a valid token: UNAUTHENTICATED', async () => {
    const anonymous = await platform.query(ISSUE_QUERY);
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(anonymous.data).toBeUndefined();
    const forged = await platform.query(ISSUE_QUERY, {}, 'not-a-jwt');
    expect(forged.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  // last: it stops the notes subgraph
  it('returns partial data and an error while a subgraph is down, and keeps serving', async () => {
    const both = await platform.query('{ region(code: "433130000000") { name note } }', {}, countyAdmin);
    expect(both.data).toEqual({ region: { name: '龙山县', note: '备注 433130000000' } });

    await platform.subgraphs.notes.stop();
    const partial = await platform.query('{ region(code: "433130000000") { name note } }', {}, countyAdmin);
    expect(partial.status).toBe(200);
    expect(partial.data).toEqual({ region: { name: '龙山县', note: null } });
    expect(partial.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'notes' }) })]);
    expect(partial.errors?.[0].message).toBe('子图 notes 暂不可用 (subgraph notes is unavailable)');

    const after = await platform.query(ISSUE_QUERY, {}, countyAdmin);
    expect(after.errors).toBeUndefined();
    expect((after.data as { region: { name: string } }).region.name).toBe('龙山县');
  });
});
