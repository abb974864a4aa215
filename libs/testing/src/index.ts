/**
 * @xiangzhi/testing — the test kit for subgraphs, plugins and end-to-end tests.
 *
 * `startTestPlatform` boots real subgraphs and the real gateway in the test process and talks to
 * them over HTTP, on embedded PGlite (in memory) or, when `TEST_DATABASE_URL` is set, on PostgreSQL
 * in a fresh schema per subgraph that `stop()` drops. No mocks: the same migrations, schema, query
 * plans and authentication as production.
 *
 * ```ts
 * import { subgraph as grids } from '@xiangzhi/grids';
 * import { Role } from '@xiangzhi/kernel';
 * import { countQueries, startTestPlatform, type TestPlatform } from '@xiangzhi/testing';
 * import myPlugin from '../src';                       // a plugin: default export of definePlugin({...})
 *
 * let platform: TestPlatform;
 * beforeAll(async () => {
 *   platform = await startTestPlatform({
 *     subgraphs: [grids],
 *     plugins: [myPlugin],                               // installed: schema + migrations + policies
 *     countyParams: { '433130': { 'my-plugin': { dutyHours: 6 } } },  // enabled for 龙山县 only
 *     seed: true,                                        // demo data of the subgraphs and the plugin
 *   });
 * });
 * afterAll(() => platform.stop());
 *
 * it('answers through the gateway', async () => {
 *   const admin = { id: 'a1', roles: [Role.COUNTY_ADMIN], scope: '433130000000' };
 *   const res = await platform.query('{ region(code: "433130000000") { name } }', {}, admin);
 *   expect(res.errors).toBeUndefined();
 *   const { count } = await countQueries(platform.subgraphs.grids, () => platform.query(listQuery, {}, admin));
 *   expect(count).toBe(2);                             // does not grow with the number of rows
 * });
 * ```
 *
 * - `query(gql, variables, as)` returns `{ status, data, errors }`; `as` is an actor (a token is
 *   signed for it), a raw token, or null (anonymous → UNAUTHENTICATED, HTTP 401).
 * - `subgraphs.<name>` is the kernel's RunningSubgraph: `db.dataSource` for direct SQL checks,
 *   `db.queries` (statement counter), `policies`, `runJob(name, now)` (jobs do not run on timers in
 *   tests), `stop()` (e.g. to test a subgraph being down).
 * - `events` is the event bus the subgraphs' outbox relays publish on: subscribe to it, then run
 *   the relay (`subgraphs.<name>.runJob('outbox-relay:<table>')`). In process by default; with
 *   `natsUrl` on NATS JetStream, in a fresh stream that `stop()` deletes.
 * - `graphqlClient(() => platform)` gives `gql(actor, query, vars)`, `ok(…)` (the data, or throws
 *   with the errors) and `codeOf(res)`; `rowCounter(() => dataSource)` gives `count(table, where?, params?)`
 *   for direct checks of what was written; `waitFor(what, condition)` and `pause(ms)` for the event bus.
 * - `testFixtures(platform).village({ cadres: 2 })` (`p.fixtures` on the plugin kit) builds a village
 *   through GraphQL: its territory imported into grids, the post template applied and cadres appointed.
 * - `checkIdempotentCreate(platform, actor, { mutation, input, other, select, count })` sends a create
 *   with a key twice, at once, and reused with another input, and throws unless one record was written per key.
 * - PGlite boots in about 3 s per subgraph: start one platform per test file (`beforeAll`).
 */
export { startTestPlatform, freshSchemaName, TEST_SECRETS, type TestPlatform, type TestPlatformOptions, type GraphQLResult } from './test-platform';
export { natsUnreachable, TEST_NATS_URL } from '@xiangzhi/kernel';
export { countQueries, type CountedQueries, type QueryCounter } from './query-counter';
export { codeOf, graphqlClient, rowCounter, type Caller, type Deferred, type GraphQLClient, type RowCounter, type SqlRunner } from './client';
export { pause, waitFor } from './wait';
export { runRandomWrites, seededRandom, type RandomWrite, type RandomWritesOptions } from './random-writes';
export {
  testFixtures,
  FIXTURE_REGIONS_VALID_FROM,
  type CadreFixtureInput,
  type FixtureCadre,
  type FixturePost,
  type TestFixtures,
  type VillageFixture,
  type VillageFixtureOptions,
} from './fixtures';
export {
  actors,
  countyCodes,
  nonNullPluginFields,
  startPluginTestPlatform,
  CONTROL_COUNTY,
  TEST_COUNTY,
  type CountyCodes,
  type PluginTestOptions,
  type PluginTestPlatform,
} from './plugin-kit';
export { checkIdempotentCreate, type IdempotentCreate, type IdempotentCreateReport } from './idempotency';
export { importTestFile, refusedRows, registerFiles, spreadsheetCell, writeXlsx } from './xlsx';
