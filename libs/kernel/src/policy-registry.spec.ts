import { z } from 'zod';
import { bindPolicy, createExtensionPoint, definePlugin } from './plugin';
import { PolicyRegistry } from './policy-registry';

interface Greeter {
  greet(): string;
}
const greeterPoint = createExtensionPoint<Greeter>({ id: 'test.greeter', subgraph: 'test', title: { zh: '问候', en: 'Greeter' } });
const baseline = [bindPolicy(greeterPoint, () => ({ greet: () => 'hello' }))];

/** Wraps whatever would otherwise greet: `<word>(<next's greeting>)`. */
const wrapper = (name: string) =>
  definePlugin({
    name,
    version: '1.0.0',
    title: { zh: name, en: name },
    config: z.strictObject({ word: z.string().default(name) }),
    subgraphs: { test: { policies: [bindPolicy(greeterPoint, (c: { word: string }, next) => ({ greet: () => `${c.word}(${next.source}:${next().greet()})` }))] } },
  });

const banded = definePlugin({
  name: 'banded',
  version: '1.0.0',
  title: { zh: '区间', en: 'Band' },
  config: z.strictObject({ base: z.number().default(3000), max: z.number().default(4000) }),
  subgraphs: {},
  checkConsistency: (c) => (c.base > c.max ? [{ key: 'base', message: `基本${c.base}高于上限${c.max} (base ${c.base} is above the maximum ${c.max})` }] : []),
});

describe('PolicyRegistry: the line of implementations', () => {
  const outer = wrapper('outer');
  const inner = wrapper('inner');
  const registry = new PolicyRegistry('test', baseline, [outer, inner, banded], {
    '433130': { outer: {}, inner: {} },
    '321311': { inner: { word: 'only' } },
    '360722': {},
  });

  it('gives each policy the one next in line: the next enabled plugin, then the baseline', () => {
    expect(registry.resolve(greeterPoint, '433130101200')).toMatchObject({ source: 'outer' });
    expect(registry.get(greeterPoint, '433130101200').greet()).toBe('outer(inner:inner(baseline:hello))');
    expect(registry.get(greeterPoint, '321311101200').greet()).toBe('only(baseline:hello)');
    expect(registry.resolve(greeterPoint, '360722101200')).toMatchObject({ source: 'baseline' });
    // built once per county
    expect(registry.get(greeterPoint, '433130101201')).toBe(registry.get(greeterPoint, '433130101200'));
  });

  it('resolveAll lists every enabled plugin’s implementation in order, or the baseline alone', () => {
    expect(registry.resolveAll(greeterPoint, '433130101200').map((e) => e.source)).toEqual(['outer', 'inner']);
    expect(registry.resolveAll(greeterPoint, '360722101200').map((e) => e.source)).toEqual(['baseline']);
  });

  it('runs each enabled plugin’s consistency check, naming county, plugin and key', () => {
    const checked = new PolicyRegistry('test', baseline, [banded], { '433130': { banded: { base: 5000 } }, '321311000000': { banded: {} } });
    expect(checked.consistencyProblems()).toEqual(['counties.433130.plugins.banded.base: 基本5000高于上限4000 (base 5000 is above the maximum 4000)']);
    expect(registry.consistencyProblems()).toEqual([]);
  });
});
