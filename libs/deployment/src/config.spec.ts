import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { definePlugin, PolicyRegistry } from '@xiangzhi/kernel';
import { z } from 'zod';
import { DeploymentConfigError, loadDeploymentConfig, parseDeploymentConfig, type DeploymentConfig } from './config';
import { DeploymentLoadError, resolveDeployment, validatePluginParams } from './load';
import { resolveSecrets, DEVELOPMENT_SECRETS, SecretsError } from './secrets';

function problemsOf(raw: unknown): string[] {
  try {
    parseDeploymentConfig(raw, 'test.yaml');
  } catch (error) {
    if (error instanceof DeploymentConfigError) return error.problems;
    throw error;
  }
  return [];
}

const minimal = { subgraphs: { grids: { package: '@xiangzhi/grids' } } };

describe('deployment config', () => {
  it('fills defaults for a minimal config', () => {
    const config = parseDeploymentConfig(minimal);
    expect(config.gateway).toEqual({ port: 4000, maxDepth: 12, maxBodyBytes: 1048576, maxAliases: 30, maxTokens: 5000, cost: { maxCost: 50000, defaultListSize: 20, weights: {} } });
    expect(config.plugins).toEqual({});
    expect(config.counties).toEqual({});
    expect(config.subgraphs.grids.optional).toBe(false);
  });

  it('names every bad key path', () => {
    const problems = problemsOf({
      subgraphs: { grids: { package: '@xiangzhi/grids', port: '4001', replicas: 3 } },
      counties: {
        '43313': { name: '龙山县' },
        '433130': { name: '龙山县', plugins: { 'suyu-sanding': {} } },
        '520502': { plugins: {} },
      },
      gateway: { port: 99999 },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'subgraphs.grids.port: expected number, received string',
        'subgraphs.grids.replicas: unknown key / 未知的键',
        expect.stringMatching(/^counties\.43313: invalid key, expected a county code/),
        'counties.520502.name: expected string, missing',
        'gateway.port: Too big: expected number to be <=65535',
      ]),
    );
  });

  it('refuses a county enabling a plugin that is not installed, and the same county twice', () => {
    const problems = problemsOf({
      ...minimal,
      counties: { '433130': { name: '龙山县', plugins: { 'longshan-qihua': {} } }, '433130000000': { name: '龙山县' } },
    });
    expect(problems).toEqual([
      'counties.433130.plugins.longshan-qihua: plugin "longshan-qihua" is not installed (add it under plugins:) / 插件未安装',
      'counties.433130000000: the same county as counties.433130',
    ]);
  });

  it('requires at least one subgraph and refuses port clashes', () => {
    expect(problemsOf({ subgraphs: {} })).toEqual(['subgraphs: at least one subgraph is required']);
    expect(problemsOf({ subgraphs: { grids: { package: '@xiangzhi/grids', port: 4000 } } })).toEqual(['subgraphs.grids.port: port 4000 is already used by gateway']);
  });

  it('reads YAML and reports syntax errors with the file name', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xz-config-'));
    const good = path.join(dir, 'good.yaml');
    fs.writeFileSync(good, "subgraphs:\n  grids:\n    package: '@xiangzhi/grids'\ncounties:\n  '433130':\n    name: 龙山县\n    plugins: {}\n");
    expect(loadDeploymentConfig(good).config.counties['433130'].name).toBe('龙山县');
    const bad = path.join(dir, 'bad.yaml');
    fs.writeFileSync(bad, 'subgraphs: [\n');
    expect(() => loadDeploymentConfig(bad)).toThrow(/bad\.yaml[\s\S]*not valid YAML/);
    expect(() => loadDeploymentConfig(path.join(dir, 'missing.yaml'))).toThrow(/cannot read the file/);
  });
});

/**
 * The default deployment, checked by its shape rather than by its list: a county IT team that
 * installs or enables a plugin as docs/plugins.md says keeps this test green, and a config that
 * would not start (a package that does not load, a plugin enabled but not installed, a bad
 * parameter, a county without a name) turns it red.
 */
describe('the default deployment (deploy/xiangzhi.yaml) by shape', () => {
  const file = path.resolve(__dirname, '../../../deploy/xiangzhi.yaml');

  /** Every problem of a deployment's shape; the empty list when it would start. */
  function shapeProblems(config: DeploymentConfig): string[] {
    const problems: string[] = [];
    let resolved: ReturnType<typeof resolveDeployment> | null = null;
    try {
      resolved = resolveDeployment(config, { baseDir: path.dirname(file) });
    } catch (error) {
      if (error instanceof DeploymentLoadError) return error.problems;
      throw error;
    }
    if (resolved.skipped.length > 0) problems.push(...resolved.skipped.map((s) => `subgraphs.${s.name}: skipped (${s.reason})`));
    // each plugin's own consistency check of each county's parameters, as xz check runs it
    problems.push(...new PolicyRegistry('deployment', [], resolved.plugins, resolved.countyParams).consistencyProblems());
    // every installed plugin loads, under its own name, compatible with this plugin API
    const loaded = new Set(resolved.plugins.map((p) => p.name));
    for (const name of Object.keys(config.plugins)) if (!loaded.has(name)) problems.push(`plugins.${name}: not loaded`);
    // every county has a name, and every plugin it enables is installed and loaded
    for (const [code, county] of Object.entries(config.counties)) {
      if (!/^\d{6}$/.test(code.slice(0, 6)) || county.name.trim() === '') problems.push(`counties.${code}: needs a code and a name`);
      for (const name of Object.keys(county.plugins)) {
        if (!loaded.has(name)) problems.push(`counties.${code}.plugins.${name}: not installed`);
      }
    }
    return problems;
  }

  const loadDefault = () => loadDeploymentConfig(file).config;

  it('runs grids and personnel, and every installed plugin and every county’s parameters are valid', () => {
    const config = loadDefault();
    expect(Object.keys(config.subgraphs)).toEqual(expect.arrayContaining(['grids', 'personnel']));
    expect(Object.keys(config.counties).length).toBeGreaterThan(0);
    expect(shapeProblems(config)).toEqual([]);
  });

  it('stays valid when a county enables an installed plugin, as docs/plugins.md says', () => {
    const config = loadDefault();
    const [pluginName] = Object.keys(config.plugins);
    expect(pluginName).toBeDefined();
    // a county that does not enable it yet (or a new one)
    const code = Object.keys(config.counties).find((c) => !(pluginName in config.counties[c].plugins)) ?? '990101';
    config.counties[code] ??= { name: '测试县', plugins: {} };
    const enabled = parseDeploymentConfig({
      ...config,
      counties: { ...config.counties, [code]: { ...config.counties[code], plugins: { ...config.counties[code].plugins, [pluginName]: {} } } },
    });
    expect(shapeProblems(enabled)).toEqual([]);
  });

  it('stays valid when a plugin is installed and enabled in a new county', () => {
    const config = loadDefault();
    const extended = parseDeploymentConfig({
      ...config,
      plugins: { ...config.plugins, 'thing-labels': { package: '../libs/deployment/src/__fixtures__/thing-plugin' } },
      counties: { ...config.counties, '990101': { name: '测试县', plugins: { 'thing-labels': {} } } },
    });
    expect(shapeProblems(extended)).toEqual([]);
  });

  it('turns red on a bad parameter of an enabled plugin, naming county, plugin and key', () => {
    const config = loadDefault();
    const [code, county] = Object.entries(config.counties).find(([, c]) => Object.keys(c.plugins).length > 0) ?? [];
    expect(code).toBeDefined();
    if (!code || !county) return;
    const [pluginName] = Object.keys(county.plugins);
    const broken = parseDeploymentConfig({
      ...config,
      counties: { ...config.counties, [code]: { ...county, plugins: { ...county.plugins, [pluginName]: { noSuchKey: 1 } } } },
    });
    expect(shapeProblems(broken)).toEqual([expect.stringContaining(`counties.${code}.plugins.${pluginName}.noSuchKey`)]);
  });

  it('turns red on parameters the plugin finds inconsistent (as xz check does): a base pay outside the county’s own band', () => {
    const config = loadDefault();
    const [code, county] = Object.entries(config.counties).find(([, c]) => 'longshan-qihua' in c.plugins) ?? [];
    if (!code || !county) return; // the default deployment does not enable it: nothing to break
    const broken = parseDeploymentConfig({
      ...config,
      counties: { ...config.counties, [code]: { ...county, plugins: { ...county.plugins, 'longshan-qihua': { pay: { secretary: { baseMonthly: 9000 } } } } } },
    });
    expect(shapeProblems(broken)).toEqual([expect.stringMatching(new RegExp(`^counties\\.${code}\\.plugins\\.longshan-qihua\\.pay\\.secretary`))]);
  });

  it('turns red on a plugin package that does not load', () => {
    const config = loadDefault();
    const broken = parseDeploymentConfig({ ...config, plugins: { ...config.plugins, 'acme-duty': { package: '@xiangzhi/no-such-plugin' } } });
    expect(shapeProblems(broken)).toEqual([expect.stringMatching(/^plugins\.acme-duty\.package: @xiangzhi\/no-such-plugin: .*package not found/)]);
  });
});

const longshan = definePlugin({
  name: 'longshan-qihua',
  version: '0.0.1',
  title: { zh: '龙山七化', en: 'Longshan' },
  config: z.object({ dutyHours: z.number().min(6).default(6), communityDutyHours: z.number().default(7) }),
  subgraphs: {},
});

describe('plugin parameters (kernel PolicyRegistry)', () => {
  it('names the county, plugin and key of a bad parameter', () => {
    expect(validatePluginParams([longshan], { '433130': { 'longshan-qihua': { dutyHours: 'six' } } })).toEqual([
      'counties.433130.plugins.longshan-qihua.dutyHours: expected number, received string',
    ]);
    expect(validatePluginParams([longshan], { '433130': { 'longshan-qihua': { dutyHours: 5 } } })).toEqual([
      'counties.433130.plugins.longshan-qihua.dutyHours: Too small: expected number to be >=6',
    ]);
    expect(validatePluginParams([longshan], { '433130': { 'longshan-qihua': {} } })).toEqual([]);
  });
});

describe('loading packages by name', () => {
  const fixtures = __dirname;

  it('skips an optional subgraph that cannot be loaded and fails on a required one', () => {
    const config = parseDeploymentConfig({
      subgraphs: {
        things: { package: './__fixtures__/things-subgraph' },
        economy: { package: '@xiangzhi/no-such-subgraph', optional: true },
      },
    });
    const resolved = resolveDeployment(config, { baseDir: fixtures });
    expect(resolved.subgraphs.map((s) => s.name)).toEqual(['things']);
    expect(resolved.skipped).toEqual([{ name: 'economy', package: '@xiangzhi/no-such-subgraph', reason: expect.stringContaining('package not found') }]);

    const required = parseDeploymentConfig({ subgraphs: { things: { package: './__fixtures__/things-subgraph' }, economy: { package: '@xiangzhi/no-such-subgraph' } } });
    expect(() => resolveDeployment(required, { baseDir: fixtures })).toThrow(DeploymentLoadError);
    expect(() => resolveDeployment(required, { baseDir: fixtures })).toThrow(/subgraphs\.economy\.package: @xiangzhi\/no-such-subgraph: .*package not found/);
  });

  it('refuses a package that is not what its key says', () => {
    const config = parseDeploymentConfig({
      subgraphs: { personnel: { package: './__fixtures__/things-subgraph' } },
      plugins: { 'x-plugin': { package: '@xiangzhi/kernel' } },
    });
    let problems: string[] = [];
    try {
      resolveDeployment(config, { baseDir: fixtures });
    } catch (error) {
      problems = (error as DeploymentLoadError).problems;
    }
    expect(problems).toEqual([
      'subgraphs.personnel.package: ./__fixtures__/things-subgraph 提供的是子图 "things" (provides subgraph "things", not "personnel")',
      'plugins.x-plugin.package: @xiangzhi/kernel: 未默认导出插件定义 (does not default-export definePlugin({...}))',
    ]);
  });

  it('loads plugins and validates their county parameters', () => {
    const config = parseDeploymentConfig({
      subgraphs: { things: { package: './__fixtures__/things-subgraph' } },
      plugins: { 'thing-labels': { package: './__fixtures__/thing-plugin' } },
      counties: { '433130': { name: '龙山县', plugins: { 'thing-labels': { dutyHours: 'six' } } }, '321311': { name: '宿豫区', plugins: { 'thing-labels': null } } },
    });
    expect(() => resolveDeployment(config, { baseDir: fixtures })).toThrow(/counties\.433130\.plugins\.thing-labels\.dutyHours: expected number, received string/);
    const ok = parseDeploymentConfig({ ...config, counties: { '321311': { name: '宿豫区', plugins: { 'thing-labels': null } } } });
    const resolved = resolveDeployment(ok, { baseDir: fixtures });
    expect(resolved.plugins.map((p) => p.name)).toEqual(['thing-labels']);
    expect(resolved.countyParams).toEqual({ '321311': { 'thing-labels': {} } });
  });
});

describe('secrets', () => {
  it('uses the development defaults only in embedded mode outside production', () => {
    expect(resolveSecrets({ embedded: true, env: {} })).toEqual({ ...DEVELOPMENT_SECRETS, source: 'development' });
    expect(() => resolveSecrets({ embedded: false, env: {} })).toThrow(/XZ_JWT_SECRET: 未设置 \(not set\)/);
    expect(() => resolveSecrets({ embedded: true, env: { NODE_ENV: 'production' } })).toThrow(/development defaults are refused in production/);
  });

  it('takes both secrets from the environment, and checks them in production', () => {
    const strong = { XZ_JWT_SECRET: 'j'.repeat(40), XZ_INTERNAL_SECRET: 'i'.repeat(40) };
    expect(resolveSecrets({ embedded: false, env: strong })).toEqual({ jwtSecret: strong.XZ_JWT_SECRET, internalSecret: strong.XZ_INTERNAL_SECRET, source: 'env' });
    expect(() => resolveSecrets({ embedded: true, env: { XZ_JWT_SECRET: 'only-one' } })).toThrow(/XZ_INTERNAL_SECRET: 未设置/);
    expect(() => resolveSecrets({ embedded: false, env: { NODE_ENV: 'production', XZ_JWT_SECRET: 'short', XZ_INTERNAL_SECRET: 'i'.repeat(40) } })).toThrow(SecretsError);
    expect(() =>
      resolveSecrets({ embedded: false, env: { NODE_ENV: 'production', XZ_JWT_SECRET: DEVELOPMENT_SECRETS.jwtSecret, XZ_INTERNAL_SECRET: 'i'.repeat(40) } }),
    ).toThrow(/development secret is refused in production/);
    expect(resolveSecrets({ embedded: false, env: { NODE_ENV: 'production', ...strong } }).source).toBe('env');
  });
});
