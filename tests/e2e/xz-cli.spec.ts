import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { runCli, supergraphSubgraphs } from '@xiangzhi/deployment';
import type { GraphQLObjectType } from 'graphql';

/** The `xz` CLI on the repository's own deployment files (run through its exported function). */
const root = path.resolve(__dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xz-e2e-'));

async function xz(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { JEST_WORKER_ID: '1' } });
  return { code, stdout, stderr };
}

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// a stock gateway, without its telemetry (cloud metadata probes, metrics sent to Apollo)
process.env.APOLLO_TELEMETRY_DISABLED = 'true';

describe('xz on deploy/', () => {
  it('compose writes a supergraph that a stock @apollo/gateway loads', async () => {
    const out = path.join(tmp, 'supergraph.graphql');
    const res = await xz(['compose', '--config', path.join(root, 'deploy/xiangzhi.yaml'), '--out', out]);
    expect(res).toMatchObject({ code: 0 });
    const supergraphSdl = fs.readFileSync(out, 'utf8');
    expect(supergraphSubgraphs(supergraphSdl)).toMatchObject({ grids: 'http://localhost:4001/graphql' });
    const gateway = new ApolloGateway({ supergraphSdl });
    const { schema } = await gateway.load();
    const query = schema.getQueryType()!.getFields();
    expect(query.region.type.toString()).toBe('Region!');
    const region = schema.getType('Region') as GraphQLObjectType;
    expect(Object.keys(region.getFields())).toEqual(expect.arrayContaining(['code', 'name', 'level', 'children', 'stats']));
    // the installed county plugins' fields are in the graph, on both subgraphs' types
    expect(Object.keys(region.getFields())).toEqual(expect.arrayContaining(['suyuZoningReport', 'suyuCadreProfile', 'jiangxiHeadGooseIndex', 'incidentHandling']));
    expect(Object.keys((schema.getType('Cadre') as GraphQLObjectType).getFields())).toEqual(expect.arrayContaining(['suyuExitFlags']));
    expect(Object.keys(schema.getMutationType()!.getFields())).toEqual(expect.arrayContaining(['dispatchLongshanTask', 'rateLongshanTeams', 'flagSuyuExitSituation', 'appraiseJiangxiGridWorker']));
    await gateway.stop();
  });

  it('check refuses bad county plugin parameters, naming the county, the plugin and the key', async () => {
    const config = path.join(tmp, 'bad-params.yaml');
    fs.writeFileSync(
      config,
      fs
        .readFileSync(path.join(root, 'deploy/xiangzhi.yaml'), 'utf8')
        .replace('longshan-qihua: {}', 'longshan-qihua: { attendance: { villageWorkdayHours: -1 }, overtime: true }')
        .replace('jiangxi-135: {}', "jiangxi-135: { collegeTarget: { targetShare: '70%' } }"),
    );
    const res = await xz(['check', '--config', config]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/counties\.433130\.plugins\.longshan-qihua\.attendance\.villageWorkdayHours: /);
    expect(res.stderr).toMatch(/counties\.433130\.plugins\.longshan-qihua\.overtime: /);
    expect(res.stderr).toMatch(/counties\.360722\.plugins\.jiangxi-135\.collegeTarget\.targetShare: /);
  });

  it('check passes the default deployment', async () => {
    const res = await xz(['check', '--config', path.join(root, 'deploy/xiangzhi.yaml')]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('超图组合成功 (supergraph composes): grids');
  });

  it('check exits non-zero on the broken example, naming every bad key', async () => {
    const res = await xz(['check', '--config', path.join(root, 'deploy/examples/broken.yaml')]);
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain('部署配置有 6 个问题 (6 problem(s) in the deployment):');
    for (const line of [
      '✗ subgraphs.grids.port: expected number, received string',
      '✗ subgraphs.grids.replicas: unknown key / 未知的键',
      '✗ counties.43313: invalid key, expected a county code: 6 digits (433130) or 12 digits ending in 000000 (433130000000)',
      '✗ counties.520502.name: expected string, missing',
      '✗ gateway.port: Too big: expected number to be <=65535',
      '✗ counties.433130.plugins.suyu-sanding: plugin "suyu-sanding" is not installed (add it under plugins:) / 插件未安装',
    ]) {
      expect(res.stderr).toContain(line);
    }
  });
});
