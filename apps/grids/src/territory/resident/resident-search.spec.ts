import { composeIdNumber } from '@xiangzhi/grids-api';
import { featuredVillages } from '@xiangzhi/demo';
import { Role, type Actor } from '@xiangzhi/kernel';
import { codeOf, countQueries, graphqlClient, startTestPlatform, type TestPlatform } from '@xiangzhi/testing';
import type { DataSource } from 'typeorm';
import { subgraph as grids } from '../../index';
import { DEVELOPMENT_ID_HASH_SECRET, idHashSecret, idNumberHash } from './id-number-hash';

/**
 * 按身份证号码查找居民: `searchResidents(idNumber:)` is an exact lookup on a keyed hash of the number
 * (HMAC-SHA256, `XZ_ID_HASH_SECRET`) under a unique index — never a comparison or scan of plaintext
 * numbers; the hash is filled on every write (registerResident, the demo seed).
 */
const village = featuredVillages().find((v) => v.code.startsWith('433130'))!;
const county = `${village.code.slice(0, 6)}000000`;
const admin: Actor = { id: 'id-search-admin', roles: [Role.COUNTY_ADMIN], scope: county };
const cadre: Actor = { id: 'id-search-cadre', roles: [Role.VILLAGE_CADRE], scope: village.code };
const worker: Actor = { id: 'id-search-worker', roles: [Role.GRID_WORKER], scope: village.code };
const otherCadre: Actor = { id: 'id-search-other', roles: [Role.VILLAGE_CADRE], scope: '433130999200' };

const SEARCH = 'query($n: String) { searchResidents(idNumber: $n) { totalCount nodes { id name villageCode } } }';

describe('the ID number key', () => {
  it('is the development key only outside production', () => {
    expect(idHashSecret({})).toBe(DEVELOPMENT_ID_HASH_SECRET);
    expect(() => idHashSecret({ NODE_ENV: 'production' })).toThrow(/XZ_ID_HASH_SECRET/);
    expect(idHashSecret({ NODE_ENV: 'production', XZ_ID_HASH_SECRET: 'a-county-key-of-32-characters!!!' })).toBe('a-county-key-of-32-characters!!!');
    expect(() => idHashSecret({ XZ_ID_HASH_SECRET: 'short' })).toThrow(/at least 16/);
    expect(idNumberHash('43313019880808427x', 'k'.repeat(16))).toBe(idNumberHash(' 43313019880808427X', 'k'.repeat(16)));
    expect(idNumberHash('43313019880808427X', 'k'.repeat(16))).not.toBe(idNumberHash('43313019880808427X', 'j'.repeat(16)));
  });
});

describe('searchResidents by ID number (gateway, demo data)', () => {
  let platform: TestPlatform;
  let ds: DataSource;
  const { ok, gql } = graphqlClient<{ searchResidents: { totalCount: number; nodes: { id: string; name: string; villageCode: string }[] } }>(() => platform);
  let seeded: { id: string; name: string; id_number: string };

  beforeAll(async () => {
    platform = await startTestPlatform({ subgraphs: [grids], seed: true });
    ds = platform.subgraphs.grids.db.dataSource;
    [seeded] = (await ds.query('SELECT id, name, id_number FROM resident WHERE village_code = $1 ORDER BY id LIMIT 1', [village.code])) as typeof seeded[];
  }, 240_000);
  afterAll(() => platform?.stop());

  it('finds a seeded resident by the full number, in any case and spacing', async () => {
    const found = await ok(admin, SEARCH, { n: seeded.id_number });
    expect(found.searchResidents).toEqual({ totalCount: 1, nodes: [{ id: seeded.id, name: seeded.name, villageCode: village.code }] });
    const spaced = `${seeded.id_number.slice(0, 6)} ${seeded.id_number.slice(6).toLowerCase()}`;
    expect((await ok(cadre, SEARCH, { n: spaced })).searchResidents.nodes.map((n) => n.id)).toEqual([seeded.id]);
  });

  it('finds a resident registered through the graph (the hash is written with the record)', async () => {
    const writes = graphqlClient<{ createHousehold: { id: string } }>(() => platform);
    const hh = await writes.ok(cadre, 'mutation($v: ID!) { createHousehold(input: { villageCode: $v, number: "ID-1" }) { id } }', { v: village.code });
    const idNumber = composeIdNumber('433130', '1988-08-08', 731);
    const input = { householdId: hh.createHousehold.id, name: '检索测试', idNumber, relationToHead: 'HEAD' };
    await writes.ok(cadre, 'mutation($i: RegisterResidentInput!) { registerResident(input: $i) { id } }', { i: input });
    expect((await ok(admin, SEARCH, { n: idNumber })).searchResidents.nodes.map((n) => n.name)).toEqual(['检索测试']);
    const [row] = (await ds.query('SELECT id_number_hash FROM resident WHERE id_number = $1', [idNumber])) as { id_number_hash: string }[];
    expect(row.id_number_hash).toBe(idNumberHash(idNumber));
  });

  it('a part of a number finds nothing; out of scope finds nothing; grid workers may not look numbers up', async () => {
    expect((await ok(admin, SEARCH, { n: seeded.id_number.slice(0, 17) })).searchResidents).toEqual({ totalCount: 0, nodes: [] });
    expect((await ok(admin, SEARCH, { n: seeded.id_number.slice(6, 14) })).searchResidents.totalCount).toBe(0);
    expect((await ok(otherCadre, SEARCH, { n: seeded.id_number })).searchResidents.totalCount).toBe(0);
    expect(codeOf(await gql(worker, SEARCH, { n: seeded.id_number }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(admin, '{ searchResidents { totalCount } }'))).toBe('BAD_USER_INPUT');
  });

  it('looks the hash up on its unique index: no plaintext number in the SQL, no scan', async () => {
    const { statements } = await countQueries(platform.subgraphs.grids, () => ok(admin, SEARCH, { n: seeded.id_number }));
    const sql = statements.join('\n');
    expect(sql).toMatch(/"?r"?\."?id_number_hash"? = \$\d+/);
    expect(sql).not.toMatch(/"?r"?\."?id_number"? (=|LIKE)/);
    const plan = await ds.transaction(async (m) => {
      await m.query('SET LOCAL enable_seqscan = off');
      const rows = (await m.query('EXPLAIN SELECT id FROM resident WHERE id_number_hash = $1', [idNumberHash(seeded.id_number)])) as { 'QUERY PLAN': string }[];
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('resident_id_number_hash_key');
  });
});
