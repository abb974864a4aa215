/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON, checked field by field with expect() */
import { subgraph as grids } from '@xiangzhi/grids';
import { Role, signInternalToken, type Actor } from '@xiangzhi/kernel';
import { subgraph as legal } from '@xiangzhi/legal';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { graphqlClient, startTestPlatform, TEST_SECRETS, testFixtures, type TestPlatform } from '@xiangzhi/testing';

/**
 * Legal composed with grids and personnel in one process: the village's legal page joins legal's
 * fields with personnel's posts and cadres (the auxiliary police post is not copied), and neither
 * subgraph's Region carries the other's fields.
 */
const village = '990303101201';
const admin: Actor = { id: 'fed-admin', roles: [Role.COUNTY_ADMIN], scope: '990303000000' };

let platform: TestPlatform;
const { ok } = graphqlClient<Record<string, any>>(() => platform);

beforeAll(async () => {
  platform = await startTestPlatform({ subgraphs: [grids, personnel, legal] });
  await testFixtures(platform).village({ code: village, cadres: 2 });
}, 180_000);

afterAll(() => platform?.stop());

it('answers a village’s legal page with personnel’s posts and cadres in the same query', async () => {
  const data = await ok(admin, `query($c: ID!) { region(code: $c) { name ruleOfLaw(year: 2025) { disputes petitions lawsuits } legalAdvisors { villageCode } posts { title category holder { name } } cadres { name } } }`, { c: village });
  expect(data.region.ruleOfLaw).toEqual({ disputes: 0, petitions: 0, lawsuits: 0 });
  expect(data.region.legalAdvisors).toEqual([]);
  expect(data.region.posts.length).toBeGreaterThan(0);
  expect(data.region.cadres).toHaveLength(2);
});

it('keeps each subgraph’s Region fields its own', async () => {
  const sdl = async (name: string): Promise<string> => {
    const res = await fetch(platform.subgraphs[name].url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-xz-actor': signInternalToken(admin, TEST_SECRETS.internalSecret) }, body: JSON.stringify({ query: '{ _service { sdl } }' }) });
    return ((await res.json()) as { data: { _service: { sdl: string } } }).data._service.sdl;
  };
  /** The field names of `type Region` (descriptions left out). */
  const regionOf = (text: string): string[] => {
    const body = /type Region[^{]*\{([^}]*)\}/.exec(text.replace(/"""[\s\S]*?"""/g, ''))?.[1] ?? '';
    return [...body.matchAll(/^\s*([A-Za-z_]+)\s*[:(]/gm)].map((m) => m[1]);
  };
  const legalRegion = regionOf(await sdl('legal'));
  const personnelRegion = regionOf(await sdl('personnel'));
  expect(legalRegion).toContain('ruleOfLaw');
  expect(legalRegion).not.toContain('cadres');
  expect(personnelRegion).toContain('cadres');
  expect(personnelRegion).not.toContain('ruleOfLaw');
});
