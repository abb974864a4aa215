import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Role, type Actor } from '@xiangzhi/kernel';
import { bootPlatform, type RunningPlatform } from '@xiangzhi/platform';

/**
 * The `npm start` runner on a temporary PGlite data folder: data written through the gateway is
 * still there after a restart, and re-seeding on the second boot neither duplicates nor undoes anything.
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xz-platform-'));
const configPath = path.join(tmp, 'deployment.yaml');
fs.writeFileSync(
  configPath,
  [
    'subgraphs:',
    '  grids:',
    "    package: '@xiangzhi/grids'",
    '  economy:',
    "    package: '@xiangzhi/not-built-yet'",
    '    optional: true',
    'counties:',
    "  '433130':",
    '    name: 龙山县',
    '',
  ].join('\n'),
);

const admin: Actor = { id: 'restart-admin', roles: [Role.COUNTY_ADMIN], scope: '433130000000' };
const STATS = '{ region(code: "433130101000") { stats { households residents grids } } }';

async function gql(platform: RunningPlatform, query: string, variables: Record<string, unknown> = {}) {
  const token = platform.tokens.find((t) => t.actor.roles.includes(Role.COUNTY_ADMIN))!.token;
  const res = await fetch(platform.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
}

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('platform runner (npm start) on a PGlite data folder', () => {
  let platform: RunningPlatform | undefined;
  afterAll(() => platform?.stop());

  it('keeps data between runs and re-seeds idempotently', async () => {
    const env = { JEST_WORKER_ID: '1' };
    platform = await bootPlatform({ configPath, dataRoot: tmp, port: 0, env });
    expect(platform.skipped).toEqual([{ name: 'economy', package: '@xiangzhi/not-built-yet', reason: expect.stringContaining('package not found') }]);
    expect(platform.storage).toEqual([{ subgraph: 'grids', kind: 'pglite', location: path.join(tmp, 'grids') }]);
    expect(platform.tokens.map((t) => t.actor.scope)).toEqual(['433130000000', '433130101200', '430000000000']);
    expect(platform.tokens[0].actor).toMatchObject({ roles: [admin.roles[0]], scope: admin.scope });

    const before = await gql(platform, STATS);
    expect(before.errors).toBeUndefined();
    const imported = await gql(platform, 'mutation($input: ImportRegionsInput!) { importRegions(input: $input) { inserted } }', {
      input: { regions: [{ code: '433130101399', name: '重启测试村' }] },
    });
    expect(imported).toEqual({ data: { importRegions: { inserted: 1 } } });
    await platform.stop();
    platform = undefined;

    platform = await bootPlatform({ configPath, dataRoot: tmp, port: 0, env });
    const after = await gql(platform, '{ region(code: "433130101399") { name level } }');
    expect(after).toEqual({ data: { region: { name: '重启测试村', level: 'VILLAGE' } } });
    expect(await gql(platform, STATS)).toEqual(before);
  }, 300_000);
});
