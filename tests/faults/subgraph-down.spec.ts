import qixingguan from '@xiangzhi/qixingguan-fanben';
import { subgraph as grids } from '@xiangzhi/grids';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { Role, type Actor } from '@xiangzhi/kernel';
import { startTestPlatform, testFixtures, type TestPlatform } from '@xiangzhi/testing';

/**
 * Issue 15 §6 "one subgraph down": with personnel stopped, the gateway still answers grids' part of a
 * query and reports the missing part as an error with a stable code (SUBGRAPH_UNAVAILABLE) on that
 * field, without the subgraph's address; readiness says which subgraph is down.
 */
const VILLAGE = '520502101201';
const admin: Actor = { id: 'faults-admin', roles: [Role.COUNTY_ADMIN], scope: '520502000000' };
const QUERY = `{ region(code: "${VILLAGE}") { code name level exemplarTier(year: 2025) } }`;
let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({ subgraphs: [grids, personnel], plugins: [qixingguan], countyParams: { '520502': { 'qixingguan-fanben': {} } } });
  await testFixtures(platform).village({ code: VILLAGE, posts: false });
});
afterAll(() => platform?.stop());

it('answers the other subgraphs’ data with SUBGRAPH_UNAVAILABLE on the part a stopped subgraph owns', async () => {
  const up = await platform.query<{ region: Record<string, unknown> }>(QUERY, {}, admin);
  expect(up.errors).toBeUndefined();
  expect(up.data?.region).toMatchObject({ code: VILLAGE, level: 'VILLAGE' });
  const name = up.data?.region.name;

  const personnelUrl = platform.subgraphs.personnel.url;
  await platform.subgraphs.personnel.stop();
  const base = platform.url.replace(/\/graphql$/, '');
  const ready = await fetch(`${base}/readyz`);
  expect(ready.status).toBe(503);
  expect(await ready.json()).toEqual({ status: 'not ready', subgraphs: { grids: 'up', personnel: 'down (unreachable)' } });

  const down = await platform.query<{ region: Record<string, unknown> }>(QUERY, {}, admin);
  expect(down.status).toBe(200);
  // the missing part is null; the error names the subgraph (@apollo/gateway gives an entity fetch's error no path)
  expect(down.data).toEqual({ region: { code: VILLAGE, name, level: 'VILLAGE', exemplarTier: null } });
  expect(down.errors).toEqual([
    expect.objectContaining({
      message: '子图 personnel 暂不可用 (subgraph personnel is unavailable)',
      extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'personnel' }),
    }),
  ]);
  expect(JSON.stringify(down)).not.toContain(new URL(personnelUrl).host);
  // a query that only needs grids is unaffected
  expect((await platform.query(`{ region(code: "${VILLAGE}") { name } }`, {}, admin)).errors).toBeUndefined();
});
