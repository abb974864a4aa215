import type { z } from 'zod';
import { type CalendarOverrides, WorkCalendar } from './calendar';
import { pluginNotEnabled } from './errors';
import type { ExtensionPoint, PluginDefinition, PolicyBinding } from './plugin';
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

interface EnabledPlugin {
  plugin: PluginDefinition;
  config: unknown;
}

/**
 * Resolves extension-point implementations per request county: a county's enabled plugin wins,
 * otherwise the subgraph's default (the national baseline). Instances are built once per county.
 */
export class PolicyRegistry {
  private readonly defaults = new Map<string, unknown>();
  /** county (6 digits) → enabled plugins in the order the deployment lists them */
  private readonly counties = new Map<string, EnabledPlugin[]>();
  private readonly cache = new Map<string, { policy: unknown; source: string }>();
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
    for (const binding of defaults) this.defaults.set(binding.point.id, binding.create(undefined));
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
    }
    if (problems.length > 0) throw new PluginConfigError(problems);
  }

  private county(regionCode: string): string | null {
    const county = countyOf(regionCode);
    return county ? county.slice(0, 6) : null;
  }

  /** The implementation of `point` that applies to `regionCode`, and which plugin (or `baseline`) it came from. */
  resolve<T>(point: ExtensionPoint<T>, regionCode: string): { policy: T; source: string } {
    const county = this.county(regionCode);
    const cacheKey = `${point.id}@${county ?? '-'}`;
    const hit = this.cache.get(cacheKey);
    if (hit) return hit as { policy: T; source: string };
    let found: { policy: unknown; source: string } | null = null;
    for (const { plugin, config } of county ? (this.counties.get(county) ?? []) : []) {
      const binding = plugin.subgraphs[this.subgraph]?.policies?.find((b) => b.point.id === point.id);
      if (binding) {
        found = { policy: binding.create(config), source: plugin.name };
        break;
      }
    }
    if (!found) {
      if (!this.defaults.has(point.id)) throw new Error(`no default policy registered for ${point.id}`);
      found = { policy: this.defaults.get(point.id), source: 'baseline' };
    }
    this.cache.set(cacheKey, found);
    return found as { policy: T; source: string };
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
