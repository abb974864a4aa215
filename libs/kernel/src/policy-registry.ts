import type { z } from 'zod';
import { type CalendarOverrides, WorkCalendar } from './calendar';
import { pluginNotEnabled } from './errors';
import type { ExtensionPoint, NextPolicy, PluginDefinition, PolicyBinding } from './plugin';
import { countyOf } from './region-code';

/** Parameters a county gives each plugin it enables (already read from the deployment config). */
export type CountyPluginParams = Record<string, Record<string, unknown>>;

/** A problem with the deployment's plugin parameters, naming county, plugin and key. */
export class PluginConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`插件参数无效 (invalid plugin parameters):\n  - ${problems.join('\n  - ')}`);
    this.name = 'PluginConfigError';
  }
}

/** The baseline is last in line: nothing comes after it. */
const NO_NEXT = Object.assign(
  () => {
    throw new Error('the baseline policy has no next policy');
  },
  { source: 'none' },
) as NextPolicy<unknown>;

interface EnabledPlugin {
  plugin: PluginDefinition;
  config: unknown;
}

/**
 * Resolves extension-point implementations per request county: a county's first enabled plugin
 * (in the deployment's order) wins, otherwise the subgraph's default (the national baseline). Each
 * implementation gets `next`, the one after it in line, to wrap or delegate to. Instances are built
 * once per county.
 */
export class PolicyRegistry {
  private readonly defaults = new Map<string, unknown>();
  /** county (6 digits) → enabled plugins in the order the deployment lists them */
  private readonly counties = new Map<string, EnabledPlugin[]>();
  private readonly cache = new Map<string, { policy: unknown; source: string }>();
  private readonly chains = new Map<string, { policy: unknown; source: string }[]>();
  /** county (6 digits) → the code as the deployment wrote it, for problem paths */
  private readonly countyLabels = new Map<string, string>();
  /** 工作日历 the national holidays with each county's own days (deployment config `counties.<code>.calendar`). */
  readonly calendar: WorkCalendar;

  constructor(
    private readonly subgraph: string,
    defaults: PolicyBinding[],
    readonly installed: PluginDefinition[],
    countyParams: Record<string, CountyPluginParams>,
    calendarOverrides: CalendarOverrides = {},
  ) {
    this.calendar = new WorkCalendar(calendarOverrides);
    for (const binding of defaults) this.defaults.set(binding.point.id, binding.create(undefined, NO_NEXT));
    const problems: string[] = [];
    const byName = new Map(installed.map((p) => [p.name, p]));
    for (const [countyCode, plugins] of Object.entries(countyParams)) {
      const enabled: EnabledPlugin[] = [];
      for (const [name, params] of Object.entries(plugins)) {
        const plugin = byName.get(name);
        if (!plugin) {
          problems.push(`counties.${countyCode}.plugins.${name}: 插件未安装 (plugin is not installed)`);
          continue;
        }
        const parsed = (plugin.config as z.ZodType).safeParse(params ?? {});
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            const at = [`counties.${countyCode}.plugins.${name}`, ...issue.path.map(String)].join('.');
            if (issue.code === 'unrecognized_keys') {
              for (const key of issue.keys) problems.push(`${at}.${key}: 未知的参数 (unknown parameter)`);
            } else {
              problems.push(`${at}: ${issue.message}`);
            }
          }
          continue;
        }
        enabled.push({ plugin, config: parsed.data });
      }
      this.counties.set(countyCode.slice(0, 6), enabled);
      this.countyLabels.set(countyCode.slice(0, 6), countyCode);
    }
    if (problems.length > 0) throw new PluginConfigError(problems);
  }

  private county(regionCode: string): string | null {
    const county = countyOf(regionCode);
    return county ? county.slice(0, 6) : null;
  }

  /**
   * The line of implementations of `point` in a county: every enabled plugin binding it, in the
   * deployment's order, then the baseline. Each is built once, with `next` giving the one after it.
   */
  private chain(point: ExtensionPoint<unknown>, county: string | null): { policy: unknown; source: string }[] {
    const cacheKey = `${point.id}@${county ?? '-'}`;
    const hit = this.chains.get(cacheKey);
    if (hit) return hit;
    const bound: { binding: PolicyBinding; config: unknown; source: string }[] = [];
    for (const { plugin, config } of county ? (this.counties.get(county) ?? []) : []) {
      const binding = plugin.subgraphs[this.subgraph]?.policies?.find((b) => b.point.id === point.id);
      if (binding) bound.push({ binding: binding as PolicyBinding, config, source: plugin.name });
    }
    const built: ({ policy: unknown; source: string } | undefined)[] = [];
    const at = (i: number): { policy: unknown; source: string } => {
      const done = built[i];
      if (done) return done;
      let entry: { policy: unknown; source: string };
      if (i < bound.length) {
        const next = Object.assign(() => at(i + 1).policy, { source: i + 1 < bound.length ? bound[i + 1].source : 'baseline' }) as NextPolicy<unknown>;
        entry = { policy: bound[i].binding.create(bound[i].config, next), source: bound[i].source };
      } else {
        if (!this.defaults.has(point.id)) throw new Error(`no default policy registered for ${point.id}`);
        entry = { policy: this.defaults.get(point.id), source: 'baseline' };
      }
      built[i] = entry;
      return entry;
    };
    const line = [...bound.map((_, i) => at(i)), ...(this.defaults.has(point.id) || bound.length === 0 ? [at(bound.length)] : [])];
    this.chains.set(cacheKey, line);
    return line;
  }

  /**
   * 已启用插件 the plugins the county of `regionCode` enables, in the deployment's order, each with
   * its parameters as validated (defaults filled in); empty for a county on the national baseline.
   */
  enabledPlugins(regionCode: string): { plugin: PluginDefinition; config: unknown }[] {
    const county = this.county(regionCode);
    return county ? (this.counties.get(county) ?? []).map(({ plugin, config }) => ({ plugin, config })) : [];
  }

  /** The implementation of `point` that applies to `regionCode`, and which plugin (or `baseline`) it came from. */
  resolve<T>(point: ExtensionPoint<T>, regionCode: string): { policy: T; source: string } {
    const county = this.county(regionCode);
    const cacheKey = `${point.id}@${county ?? '-'}`;
    const hit = this.cache.get(cacheKey);
    if (hit) return hit as { policy: T; source: string };
    const [found] = this.chain(point as ExtensionPoint<unknown>, county);
    this.cache.set(cacheKey, found);
    return found as { policy: T; source: string };
  }

  /**
   * Every enabled plugin's implementation of `point` in the county of `regionCode`, in the
   * deployment's order, each with its plugin name; the baseline alone when no plugin binds it. For
   * points whose contributions add up (e.g. pay item sources) rather than replace one another.
   */
  resolveAll<T>(point: ExtensionPoint<T>, regionCode: string): { policy: T; source: string }[] {
    const line = this.chain(point as ExtensionPoint<unknown>, this.county(regionCode));
    const plugins = line.filter((e) => e.source !== 'baseline');
    return (plugins.length > 0 ? plugins : line) as { policy: T; source: string }[];
  }

  /**
   * Each county's plugin parameters checked for consistency by the plugins themselves
   * (`checkConsistency`), one line per problem: `counties.<code>.plugins.<name>.<key>: <message>`.
   */
  consistencyProblems(): string[] {
    const out: string[] = [];
    for (const [county, enabled] of this.counties) {
      const label = this.countyLabels.get(county) ?? county;
      for (const { plugin, config } of enabled) {
        for (const problem of plugin.checkConsistency?.(config) ?? []) {
          const at = [`counties.${label}.plugins.${plugin.name}`, ...(problem.key ? [problem.key] : [])].join('.');
          out.push(`${at}: ${problem.message}`);
        }
      }
    }
    return out;
  }

  /** Shorthand for `resolve(point, regionCode).policy`. */
  get<T>(point: ExtensionPoint<T>, regionCode: string): T {
    return this.resolve(point, regionCode).policy;
  }

  isEnabled(pluginName: string, regionCode: string): boolean {
    const county = this.county(regionCode);
    return !!county && (this.counties.get(county) ?? []).some((e) => e.plugin.name === pluginName);
  }

  /** The county's validated parameters for a plugin; PLUGIN_NOT_ENABLED if the county has not enabled it. */
  configOf<C>(pluginName: string, regionCode: string): C {
    const county = this.county(regionCode);
    const enabled = county ? (this.counties.get(county) ?? []).find((e) => e.plugin.name === pluginName) : undefined;
    if (!enabled) throw pluginNotEnabled(pluginName, county ?? regionCode);
    return enabled.config as C;
  }

  /** Counties (6-digit prefixes) that enable a plugin, with their parameters. */
  countiesEnabling(pluginName: string): { countyCode: string; config: unknown }[] {
    const out: { countyCode: string; config: unknown }[] = [];
    for (const [county, enabled] of this.counties) {
      const e = enabled.find((x) => x.plugin.name === pluginName);
      if (e) out.push({ countyCode: `${county}000000`, config: e.config });
    }
    return out;
  }
}
