import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { createDataSource, verifyUserToken } from '@xiangzhi/kernel';
import { runCli } from './cli';
import { composeSupergraph, CompositionError, subgraphSdl, supergraphSubgraphs } from './compose';
import { DEVELOPMENT_SECRETS } from './secrets';
import { subgraph as things } from './__fixtures__/things-subgraph';
import { subgraph as gadgets } from './__fixtures__/gadgets-subgraph';

const fixtures = path.join(__dirname, '__fixtures__');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xz-cli-'));

function writeConfig(name: string, text: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text.replaceAll('FIXTURES', fixtures));
  return file;
}

async function xz(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { JEST_WORKER_ID: '1', ...env } });
  return { code, stdout, stderr };
}

const thingsConfig = writeConfig(
  'things.yaml',
  "subgraphs:\n  things:\n    package: 'FIXTURES/things-subgraph'\n    url: http://things.internal:4101/graphql\ncounties:\n  '433130':\n    name: 龙山县\n",
);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// a stock gateway, without its telemetry (cloud metadata probes, metrics sent to Apollo)
process.env.APOLLO_TELEMETRY_DISABLED = 'true';

describe('composition', () => {
  it('composes subgraph SDL built without a database into a supergraph a stock gateway loads', async () => {
    const sdl = await subgraphSdl(things);
    expect(sdl).toContain('type Thing @key(fields: "id")');
    const supergraph = composeSupergraph([{ name: 'things', url: 'http://things:4101/graphql', sdl }]);
    expect(supergraphSubgraphs(supergraph)).toEqual({ things: 'http://things:4101/graphql' });
    const gateway = new ApolloGateway({ supergraphSdl: supergraph });
    const { schema } = await gateway.load();
    expect(Object.keys(schema.getQueryType()?.getFields() ?? {}).sort()).toEqual(['gadget', 'things']);
    await gateway.stop();
  });

  it('reports composition errors readably, with their code', async () => {
    let error: unknown;
    try {
      composeSupergraph([
        { name: 'things', url: 'http://a/graphql', sdl: await subgraphSdl(things) },
        { name: 'gadgets', url: 'http://b/graphql', sdl: await subgraphSdl(gadgets) },
      ]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CompositionError);
    expect((error as CompositionError).errors).toEqual([expect.stringMatching(/^\[INVALID_FIELD_SHARING\] Non-shareable field "Gadget\.name" is resolved from multiple subgraphs/)]);
  });
});

describe('xz CLI', () => {
  it('compose writes the supergraph with the configured URLs', async () => {
    const out = path.join(tmp, 'out', 'supergraph.graphql');
    const res = await xz(['compose', '--config', thingsConfig, '--out', out]);
    expect(res.code).toBe(0);
    expect(res.stderr).toContain('things → http://things.internal:4101/graphql');
    expect(supergraphSubgraphs(fs.readFileSync(out, 'utf8'))).toEqual({ things: 'http://things.internal:4101/graphql' });
    const toStdout = await xz(['compose', '--config', thingsConfig]);
    expect(toStdout.stdout).toBe(fs.readFileSync(out, 'utf8').replace(/\n?$/, '\n'));
  });

  it('check passes a good deployment and explains a composition failure', async () => {
    const ok = await xz(['check', '--config', thingsConfig]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('部署配置检查通过 (deployment OK)');
    const clash = writeConfig(
      'clash.yaml',
      "subgraphs:\n  things:\n    package: 'FIXTURES/things-subgraph'\n  gadgets:\n    package: 'FIXTURES/gadgets-subgraph'\n",
    );
    const bad = await xz(['check', '--config', clash]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/✗ composition: \[INVALID_FIELD_SHARING\] Non-shareable field "Gadget\.name"/);
  });

  it('check names bad plugin parameters by county, plugin and key', async () => {
    const config = writeConfig(
      'params.yaml',
      "subgraphs:\n  things:\n    package: 'FIXTURES/things-subgraph'\nplugins:\n  thing-labels:\n    package: 'FIXTURES/thing-plugin'\ncounties:\n  '433130':\n    name: 龙山县\n    plugins:\n      thing-labels:\n        dutyHours: six\n",
    );
    const res = await xz(['check', '--config', config]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('✗ counties.433130.plugins.thing-labels.dutyHours: expected number, received string');
  });

  it('token issues a development JWT the gateway secret verifies, and refuses bad options', async () => {
    const res = await xz(['token', '--role', 'COUNTY_ADMIN', '--scope', '433130000000']);
    expect(res.code).toBe(0);
    expect(verifyUserToken(res.stdout.trim(), DEVELOPMENT_SECRETS.jwtSecret)).toMatchObject({
      id: 'dev-county_admin-433130000000',
      roles: ['COUNTY_ADMIN'],
      scope: '433130000000',
    });
    const resident = await xz(['token', '--role', 'resident', '--scope', '433130101200', '--id', 'r1', '--resident-id', 'abc'], { XZ_JWT_SECRET: 'j', XZ_INTERNAL_SECRET: 'i' });
    expect(verifyUserToken(resident.stdout.trim(), 'j')).toMatchObject({ id: 'r1', roles: ['RESIDENT'], residentId: 'abc' });
    const bad = await xz(['token', '--role', 'MAYOR', '--scope', '4331']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('令牌参数无效 (invalid token options)');
    expect(bad.stderr).toMatch(/--role: .*COUNTY_ADMIN/);
    expect(bad.stderr).toContain('--scope: scope must be a 12-digit division code');
    const production = await xz(['token', '--role', 'COUNTY_ADMIN', '--scope', '433130000000'], { NODE_ENV: 'production' });
    expect(production.code).toBe(1);
    expect(production.stderr).toContain('XZ_JWT_SECRET');
  });

  it('stats rebuild recomputes each subgraph\'s counters from a full count, step by step', async () => {
    const dataDir = path.join(tmp, 'stats');
    await xz(['seed', '--config', thingsConfig, '--data-dir', dataDir]);
    const rebuilt = await xz(['stats', 'rebuild', '--config', thingsConfig, '--data-dir', dataDir]);
    expect(rebuilt).toMatchObject({ code: 0, stderr: 'things thing_count: thing 1/1 (0 ms)\n' });
    expect(rebuilt.stdout).toMatch(/^things: thing_count rebuilt from a full count in \d+ ms\n$/);
    const db = createDataSource({ name: 'things', entities: [], migrations: [], dataDir: path.join(dataDir, 'things') });
    await db.dataSource.initialize();
    try {
      expect(await db.dataSource.query('SELECT n FROM thing_count')).toEqual([{ n: 1 }]);
    } finally {
      await db.dataSource.destroy();
    }
    const unknown = await xz(['stats', 'rebuild', '--config', thingsConfig, '--subgraph', 'nope', '--data-dir', dataDir]);
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringContaining('--subgraph: 部署中没有子图 (not in the deployment): nope') });
  });

  it('migrate and seed work on the PGlite data folder and are idempotent', async () => {
    const dataDir = path.join(tmp, 'data');
    const first = await xz(['migrate', '--config', thingsConfig, '--data-dir', dataDir]);
    expect(first.stderr).toBe("");
    expect(first).toMatchObject({ code: 0, stdout: `things: 5 migration(s) applied (PGlite ${path.join(dataDir, 'things')})\n` });
    const again = await xz(['seed', '--config', thingsConfig, '--data-dir', dataDir]);
    expect(again.stdout).toBe(`things: 0 migration(s) applied, demo data loaded (PGlite ${path.join(dataDir, 'things')})\n`);
    await xz(['seed', '--config', thingsConfig, '--data-dir', dataDir]);
    const db = createDataSource({ name: 'things', entities: [], migrations: [], dataDir: path.join(dataDir, 'things') });
    await db.dataSource.initialize();
    try {
      expect(await db.dataSource.query('SELECT id FROM thing')).toEqual([{ id: 'seeded' }]);
    } finally {
      await db.dataSource.destroy();
    }
    const unknown = await xz(['migrate', '--config', thingsConfig, '--subgraph', 'nope', '--data-dir', dataDir]);
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringContaining('--subgraph: 部署中没有子图 (not in the deployment): nope') });
  });
});
