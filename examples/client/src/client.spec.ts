// @ci-once: the typed client and its codegen do not depend on the database; CI runs this spec on PGlite only
import { subgraph as grids } from '@xiangzhi/grids';
import { Role, type Actor } from '@xiangzhi/kernel';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { startTestPlatform, type TestPlatform } from '@xiangzhi/testing';
import { createClient, GatewayRequestError, type Client } from './client';
import { CountyOverview, LastHouseholds, VillageTeam } from './operations';

// The example client's typed operations against a platform started here (gateway + grids + personnel, demo data).
const county = '433130000000';
const village = '433130101200';
const countyAdmin: Actor = { id: 'example-county-admin', roles: [Role.COUNTY_ADMIN], scope: county };
const villageCadre: Actor = { id: 'example-village-cadre', roles: [Role.VILLAGE_CADRE], scope: village };

let platform: TestPlatform;
let client: Client;

beforeAll(async () => {
  platform = await startTestPlatform({ subgraphs: [grids, personnel], seed: true });
  client = createClient({ url: platform.url, token: platform.token(countyAdmin) });
}, 300000);

afterAll(() => platform?.stop());

describe('examples/client', () => {
  it('runs the README’s first query, typed: the county and its townships with statistics', async () => {
    const data = await client.request(CountyOverview, { code: county });
    expect(data.region.level).toBe('COUNTY');
    expect(data.region.children.length).toBeGreaterThan(0);
    expect(data.region.children.every((c) => c.level === 'TOWNSHIP' && c.code.startsWith('433130'))).toBe(true);
    const households = data.region.children.reduce((sum, c) => sum + c.stats.households, 0);
    const [{ n }] = (await platform.subgraphs.grids.db.dataSource.query(`SELECT count(*)::int AS n FROM household WHERE village_code LIKE '433130%'`)) as { n: number }[];
    expect(households).toBe(Number(n));
  });

  it('runs the README’s two-subgraph query: a village’s cadres and posts beside its grids and their Party branches', async () => {
    const data = await client.request(VillageTeam, { code: village });
    expect(data.region.cadres.length).toBeGreaterThan(0);
    expect(data.region.cadres.some((c) => c.posts.length > 0 && c.posts.every((p) => p.title.length > 0))).toBe(true);
    expect(data.region.grids.length).toBeGreaterThan(0);
    expect(data.region.grids.some((g) => g.partyBranch !== null && g.partyBranch.name.length > 0)).toBe(true);
  });

  it('pages a village’s households backward from the end of the list', async () => {
    const cadre = createClient({ url: platform.url, token: platform.token(villageCadre) });
    const last = await cadre.request(LastHouseholds, { code: village, last: 3 });
    expect(last.households.nodes).toHaveLength(3);
    expect(last.households.pageInfo.hasPreviousPage).toBe(true);
    const before = await cadre.request(LastHouseholds, { code: village, last: 2, before: last.households.pageInfo.startCursor });
    expect(before.households.nodes).toHaveLength(2);
    expect([...before.households.nodes, ...last.households.nodes].map((h) => h.number)).toEqual(
      [...before.households.nodes, ...last.households.nodes].map((h) => h.number).sort(),
    );
  });

  it('throws the gateway’s errors with their codes', async () => {
    const [other] = (await platform.subgraphs.grids.db.dataSource.query(
      `SELECT code FROM region WHERE level = 'VILLAGE' AND code LIKE '433130%' AND code <> $1 ORDER BY code LIMIT 1`,
      [village],
    )) as { code: string }[];
    const outsider = createClient({ url: platform.url, token: platform.token(villageCadre) });
    const refused = await outsider.request(VillageTeam, { code: other.code }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GatewayRequestError);
    // a region outside the caller's scope is answered as absent
    expect((refused as GatewayRequestError).errors[0].extensions?.code).toBe('NOT_FOUND');
    const anonymous = createClient({ url: platform.url, token: 'not-a-token' });
    const unauthenticated = await anonymous.request(CountyOverview, { code: county }).catch((e: unknown) => e);
    expect((unauthenticated as GatewayRequestError).errors[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
