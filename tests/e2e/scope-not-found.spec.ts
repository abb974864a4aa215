import { featuredVillages } from '@xiangzhi/demo';
import { subgraph as grids } from '@xiangzhi/grids';
import { Role, type Actor } from '@xiangzhi/kernel';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { startTestPlatform, type GraphQLResult, type TestPlatform } from '@xiangzhi/testing';
import { insertCadre, insertPost } from '../../apps/personnel/src/testing/fixtures';

/**
 * Out-of-scope and missing records answer the same way: a village cadre of village A asking by id
 * for village B's cadre, post, household or resident — or writing to B's cadre — gets exactly the
 * NOT_FOUND a random id gets, and nothing in the error tells that the record exists, or where.
 */
const longshan = featuredVillages().filter((v) => v.code.startsWith('433130'));
const [villageA, villageB] = longshan;
const countyAdmin: Actor = { id: 'scope-admin', roles: [Role.COUNTY_ADMIN], scope: '433130000000' };
const cadreOfA: Actor = { id: 'scope-cadre-a', roles: [Role.VILLAGE_CADRE], scope: villageA.code };
const RANDOM_ID = '3f2a6c1e-8d4b-4e7a-9c0f-1b2d3e4f5a6b';

describe('out of scope is not found (through the gateway, demo data)', () => {
  let platform: TestPlatform;
  let ids: { cadre: string; post: string; household: string; resident: string };

  beforeAll(async () => {
    platform = await startTestPlatform({ subgraphs: [grids, personnel], seed: true });
    // a cadre and a post of village B, written directly (the personnel records do not depend on the demo data)
    const ds = platform.subgraphs.personnel.db.dataSource;
    const cadre = await insertCadre(ds, { villageCode: villageB.code, name: '范围外' });
    const post = await insertPost(ds, { villageCode: villageB.code, code: 'scope-test' });
    const res = await platform.query<{ households: { nodes: { id: string; members: { id: string }[] }[] } }>(
      'query($v: ID!) { households(regionCode: $v, first: 100) { nodes { id members { id } } } }',
      { v: villageB.code },
      countyAdmin,
    );
    expect(res.errors).toBeUndefined();
    const household = res.data!.households.nodes.find((h) => h.members.length > 0)!;
    ids = { cadre: cadre.id, post: post.id, household: household.id, resident: household.members[0].id };
  }, 240_000);
  afterAll(() => platform?.stop());

  /** The error with the id asked for replaced by `<id>`: what is left must not differ between the two cases. */
  const shape = (res: GraphQLResult, id: string) => {
    expect(res.errors).toHaveLength(1);
    return JSON.parse(JSON.stringify(res.errors![0]).split(id).join('<id>')) as unknown;
  };

  it.each([
    ['cadre', 'query($id: ID!) { cadre(id: $id) { name } }', '干部不存在：<id> (Cadre not found: <id>)'],
    ['post', 'query($id: ID!) { post(id: $id) { title } }', '岗位不存在：<id> (Post not found: <id>)'],
    ['household', 'query($id: ID!) { household(id: $id) { number } }', '住户不存在：<id> (Household not found: <id>)'],
    ['resident', 'query($id: ID!) { resident(id: $id) { name } }', '居民不存在：<id> (Resident not found: <id>)'],
  ] as const)("village B's %s, asked by id by a cadre of village A, answers exactly as a random id", async (kind, query, message) => {
    const id = ids[kind];
    const outOfScope = await platform.query(query, { id }, cadreOfA);
    const missing = await platform.query(query, { id: RANDOM_ID }, cadreOfA);
    expect(shape(outOfScope, id)).toEqual(shape(missing, RANDOM_ID));
    expect(outOfScope.errors![0]).toMatchObject({ message: message.split('<id>').join(id), extensions: { code: 'NOT_FOUND' } });
    expect(JSON.stringify(outOfScope)).not.toContain(villageB.code);
    expect(outOfScope.data).toBeNull();
  });

  it("a write naming village B's cadre answers as for a random id, and writes nothing", async () => {
    const mutation = 'mutation($i: RecordDutyCheckInInput!) { recordDutyCheckIn(input: $i) { id } }';
    const input = (cadreId: string) => ({ i: { cadreId, date: '2025-03-03', hours: 2 } });
    const outOfScope = await platform.query(mutation, input(ids.cadre), cadreOfA);
    const missing = await platform.query(mutation, input(RANDOM_ID), cadreOfA);
    expect(shape(outOfScope, ids.cadre)).toEqual(shape(missing, RANDOM_ID));
    expect(outOfScope.errors![0].extensions?.code).toBe('NOT_FOUND');
    const [{ n }] = (await platform.subgraphs.personnel.db.dataSource.query('SELECT count(*)::int AS n FROM duty_check_in WHERE cadre_id = $1', [ids.cadre])) as { n: number }[];
    expect(n).toBe(0);
  });

  it('a write into a region outside the scope is FORBIDDEN without naming that region', async () => {
    const res = await platform.query(
      'mutation($v: ID!) { createHousehold(input: { villageCode: $v, number: "S-1" }) { id } }',
      { v: villageB.code },
      cadreOfA,
    );
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.errors?.[0].message).toContain(villageA.code); // the caller's own scope
    expect(JSON.stringify(res.errors)).not.toContain(villageB.code);
  });
});
