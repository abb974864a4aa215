import path from 'node:path';
import { PluginConfigError, pluginIncompatibility, PolicyRegistry, type CalendarOverrides, type CountyPluginParams, type Logger, type PluginDefinition, type SubgraphModule } from '@xiangzhi/kernel';
import type { DeploymentConfig } from './config';

/** A package named by the deployment could not be loaded or does not export what it should. */
export class PackageLoadError extends Error {
  constructor(
    readonly packageName: string,
    readonly reason: string,
    readonly notFound: boolean,
  ) {
    super(`${packageName}: ${reason}`);
    this.name = 'PackageLoadError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * `require`s a package by name at run time (subgraphs and plugins are never imported statically by
 * libraries). A name starting with `./` or `../` is a path relative to `baseDir` (the config file's folder).
 */
export function requirePackage(pkg: string, baseDir = process.cwd()): unknown {
  const target = pkg.startsWith('./') || pkg.startsWith('../') ? path.resolve(baseDir, pkg) : pkg;
  const isMissing = (err: NodeJS.ErrnoException) =>
    err.code === 'MODULE_NOT_FOUND' && (err.message.includes(`'${target}'`) || err.message.includes(`"${target}"`) || err.message.includes(`${target}/`));
  try {
    return require(target);
  } catch (error) {
    let err = error as NodeJS.ErrnoException;
    if (isMissing(err) && target === pkg) {
      // not next to this library: try the config file's folder and the working directory
      try {
        return require(require.resolve(pkg, { paths: [baseDir, process.cwd()] }));
      } catch (second) {
        err = second as NodeJS.ErrnoException;
      }
    }
    const missing = isMissing(err);
    throw new PackageLoadError(
      pkg,
      missing
        ? `包未找到，是否已安装并构建？(package not found: is it installed and built? run npm run build)`
        : `加载失败 (failed to load): ${err.message.split('\n')[0]}`,
      missing,
    );
  }
}

function isSubgraphModule(value: unknown): value is SubgraphModule {
  return (
    isRecord(value) &&
    typeof value.name === 'string' &&
    Array.isArray(value.entities) &&
    Array.isArray(value.migrations) &&
    Array.isArray(value.resolvers)
  );
}

/** Loads a subgraph package: it must export `subgraph: SubgraphModule`. */
export function loadSubgraphModule(pkg: string, baseDir?: string): SubgraphModule {
  const exported = requirePackage(pkg, baseDir);
  const module = isRecord(exported) ? exported.subgraph : undefined;
  if (!isSubgraphModule(module)) {
    throw new PackageLoadError(pkg, '未导出 subgraph (does not export `subgraph: SubgraphModule`)', false);
  }
  return module;
}

function isPluginDefinition(value: unknown): value is PluginDefinition {
  return (
    isRecord(value) &&
    typeof value.name === 'string' &&
    typeof value.version === 'string' &&
    isRecord(value.config) &&
    typeof (value.config as { safeParse?: unknown }).safeParse === 'function' &&
    isRecord(value.subgraphs)
  );
}

/** Loads a plugin package: it must default-export a `PluginDefinition` (`definePlugin({...})`). */
export function loadPlugin(pkg: string, baseDir?: string): PluginDefinition {
  const exported = requirePackage(pkg, baseDir);
  const plugin = isRecord(exported) && 'default' in exported ? exported.default : exported;
  if (!isPluginDefinition(plugin)) {
    throw new PackageLoadError(pkg, '未默认导出插件定义 (does not default-export definePlugin({...}))', false);
  }
  return plugin;
}

export interface ResolvedSubgraph {
  name: string;
  package: string;
  module: SubgraphModule;
  url?: string;
  port?: number;
}

export interface SkippedSubgraph {
  name: string;
  package: string;
  reason: string;
}

/** A deployment config with its packages loaded. */
export interface ResolvedDeployment {
  config: DeploymentConfig;
  subgraphs: ResolvedSubgraph[];
  /** Subgraphs marked `optional: true` whose package could not be loaded. */
  skipped: SkippedSubgraph[];
  plugins: PluginDefinition[];
  /** County code (as written in the config) → plugin name → parameters, for the PolicyRegistry. */
  countyParams: Record<string, CountyPluginParams>;
  /** County code → its own holidays and working days (`counties.<code>.calendar`). */
  calendar: CalendarOverrides;
}

/** Loading the deployment's packages failed; every problem is listed. */
export class DeploymentLoadError extends Error {
  constructor(readonly problems: string[]) {
    super(`部署无法加载 (the deployment cannot be loaded):\n  - ${problems.join('\n  - ')}`);
    this.name = 'DeploymentLoadError';
  }
}

/** The counties' own calendar days in the shape the kernel's WorkCalendar takes. */
export function calendarOverridesOf(config: DeploymentConfig): CalendarOverrides {
  return Object.fromEntries(Object.entries(config.counties).flatMap(([code, county]) => (county.calendar ? [[code.slice(0, 6), county.calendar]] : [])));
}

/** County plugin parameters in the shape the kernel's PolicyRegistry takes. */
export function countyParamsOf(config: DeploymentConfig): Record<string, CountyPluginParams> {
  return Object.fromEntries(Object.entries(config.counties).map(([code, county]) => [code, county.plugins]));
}

/**
 * Validates every county's plugin parameters with the plugins' own zod schemas, through the
 * kernel's PolicyRegistry. Returns one readable line per problem (`counties.433130.plugins.x.key: …`).
 */
export function validatePluginParams(plugins: PluginDefinition[], countyParams: Record<string, CountyPluginParams>): string[] {
  try {
    new PolicyRegistry('deployment', [], plugins, countyParams);
    return [];
  } catch (error) {
    if (error instanceof PluginConfigError) {
      return error.problems.map((p) => p.replace(/\.: /, ': ').replace(/: Invalid input: /, ': '));
    }
    throw error;
  }
}

/**
 * Loads the subgraph and plugin packages a config names (`require` by package name), checks that
 * each is what its key says, and validates the county plugin parameters. A subgraph marked
 * `optional: true` whose package cannot be loaded is skipped (and reported); anything else fails
 * with DeploymentLoadError listing every problem.
 */
export function resolveDeployment(config: DeploymentConfig, options: { baseDir?: string; logger?: Logger } = {}): ResolvedDeployment {
  const problems: string[] = [];
  const subgraphs: ResolvedSubgraph[] = [];
  const skipped: SkippedSubgraph[] = [];
  for (const [name, entry] of Object.entries(config.subgraphs)) {
    try {
      const module = loadSubgraphModule(entry.package, options.baseDir);
      if (module.name !== name) {
        problems.push(`subgraphs.${name}.package: ${entry.package} 提供的是子图 "${module.name}" (provides subgraph "${module.name}", not "${name}")`);
        continue;
      }
      subgraphs.push({ name, package: entry.package, module, url: entry.url, port: entry.port });
    } catch (error) {
      const reason = error instanceof PackageLoadError ? error.reason : String(error);
      if (entry.optional) {
        skipped.push({ name, package: entry.package, reason });
        options.logger?.warn({ subgraph: name, package: entry.package, reason }, 'optional subgraph skipped');
      } else {
        problems.push(`subgraphs.${name}.package: ${entry.package}: ${reason}`);
      }
    }
  }
  if (subgraphs.length === 0 && problems.length === 0) problems.push('subgraphs: 没有可加载的子图 (no subgraph could be loaded)');
  const plugins: PluginDefinition[] = [];
  for (const [name, entry] of Object.entries(config.plugins)) {
    try {
      const plugin = loadPlugin(entry.package, options.baseDir);
      if (plugin.name !== name) {
        problems.push(`plugins.${name}.package: ${entry.package} 是插件 "${plugin.name}" (is plugin "${plugin.name}", not "${name}")`);
        continue;
      }
      const incompatible = pluginIncompatibility(plugin);
      if (incompatible) {
        problems.push(`plugins.${name}: ${incompatible}`);
        continue;
      }
      plugins.push(plugin);
      const deployed = new Set(subgraphs.map((s) => s.name));
      for (const target of Object.keys(plugin.subgraphs)) {
        if (!deployed.has(target)) options.logger?.warn({ plugin: name, subgraph: target }, 'plugin extends a subgraph this deployment does not run; that part is ignored');
      }
    } catch (error) {
      problems.push(`plugins.${name}.package: ${entry.package}: ${error instanceof PackageLoadError ? error.reason : String(error)}`);
    }
  }
  const countyParams = countyParamsOf(config);
  const loadedNames = new Set(plugins.map((p) => p.name));
  // plugins that failed to load are already reported; validate the parameters of the others
  const checkable = Object.fromEntries(
    Object.entries(countyParams).map(([code, params]) => [code, Object.fromEntries(Object.entries(params).filter(([n]) => loadedNames.has(n)))]),
  );
  problems.push(...validatePluginParams(plugins, checkable));
  if (problems.length > 0) throw new DeploymentLoadError(problems);
  return { config, subgraphs, skipped, plugins, countyParams, calendar: calendarOverridesOf(config) };
}
