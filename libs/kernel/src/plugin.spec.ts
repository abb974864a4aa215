import { z } from 'zod';
import { createExtensionPoint, bindPolicy, definePlugin, pluginIncompatibility, PLUGIN_API_VERSION, satisfiesRange } from './plugin';
import { PluginConfigError, PolicyRegistry } from './policy-registry';

interface Greeter {
  greet(): string;
}
const greeterPoint = createExtensionPoint<Greeter>({ id: 'test.greeter', subgraph: 'test', title: { zh: '问候', en: 'Greeter' } });

const plugin = definePlugin({
  name: 'hello-county',
  version: '1.0.0',
  compatibility: '^1.0.0',
  title: { zh: '问候', en: 'Hello' },
  config: z.strictObject({ word: z.string().min(1).default('你好'), times: z.number().int().min(1).max(3).default(1) }),
  subgraphs: { test: { policies: [bindPolicy(greeterPoint, (c: { word: string; times: number }) => ({ greet: () => c.word.repeat(c.times) }))] } },
});
const baseline = [bindPolicy(greeterPoint, () => ({ greet: () => 'hello' }))];

describe('plugin API version ranges', () => {
  it.each([
    ['1.0.0', '^1.0.0', true],
    ['1.4.2', '^1.2.0', true],
    ['1.1.0', '^1.2.0', false],
    ['2.0.0', '^1.0.0', false],
    ['1.3.9', '1.x', true],
    ['1.3.9', '1.3.x', true],
    ['1.4.0', '1.3.x', false],
    ['1.0.0', '1.0.0', true],
    ['1.0.1', '1.0.0', false],
    ['3.2.1', '*', true],
    ['1.0.0', 'latest', false],
  ])('%s in %s → %s', (version, range, ok) => {
    expect(satisfiesRange(version, range)).toBe(ok);
  });

  it('names the plugin, its range and the platform version when they do not meet', () => {
    expect(pluginIncompatibility({ name: 'old-county', compatibility: '^0.9.0' })).toBe(
      `插件 old-county 要求插件接口 ^0.9.0，平台提供 ${PLUGIN_API_VERSION} (plugin old-county requires plugin API ^0.9.0; this platform provides ${PLUGIN_API_VERSION})`,
    );
    expect(pluginIncompatibility(plugin)).toBeNull();
    expect(pluginIncompatibility({ name: 'any' })).toBeNull();
  });

  it('refuses a plugin whose version is not semver', () => {
    expect(() => definePlugin({ ...plugin, version: 'v1' })).toThrow(/semver/);
  });
});

describe('PolicyRegistry: installed vs enabled', () => {
  const registry = new PolicyRegistry('test', baseline, [plugin], { '433130': { 'hello-county': { times: 2 } }, '321311000000': {} });

  it('applies the plugin in the county enabling it, with its parameters and defaults', () => {
    expect(registry.resolve(greeterPoint, '433130101200')).toMatchObject({ source: 'hello-county' });
    expect(registry.get(greeterPoint, '433130101200').greet()).toBe('你好你好');
    expect(registry.configOf<{ word: string; times: number }>('hello-county', '433130000000')).toEqual({ word: '你好', times: 2 });
  });

  it('gives other counties the baseline and PLUGIN_NOT_ENABLED for the plugin’s parameters', () => {
    expect(registry.resolve(greeterPoint, '321311101200')).toMatchObject({ source: 'baseline' });
    expect(registry.get(greeterPoint, '321311101200').greet()).toBe('hello');
    expect(registry.isEnabled('hello-county', '321311101200')).toBe(false);
    expect(() => registry.configOf('hello-county', '321311101200')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'PLUGIN_NOT_ENABLED', plugin: 'hello-county', countyCode: '321311' }) }));
  });

  it('refuses bad parameters at start-up, naming the county, the plugin and the key, every problem at once', () => {
    let error: unknown;
    try {
      new PolicyRegistry('test', baseline, [plugin], { '433130': { 'hello-county': { times: 7, word: '' } }, '520502': { 'not-installed': {} } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PluginConfigError);
    const problems = (error as PluginConfigError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^counties\.433130\.plugins\.hello-county\.times: /),
        expect.stringMatching(/^counties\.433130\.plugins\.hello-county\.word: /),
        expect.stringMatching(/^counties\.520502\.plugins\.not-installed: .*not installed/),
      ]),
    );
    expect(problems).toHaveLength(3);
  });
});
