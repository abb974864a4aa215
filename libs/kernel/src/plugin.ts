import type { ExportKind } from './exports/export-kind';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { MigrationClass } from './data-source';
import type { BilingualText } from './errors';
import type { Logger } from './logger';
import type { ReferenceResolver, SubgraphJob } from './subgraph';
import type { EventConsumer } from './consumers';

/* eslint-disable @typescript-eslint/no-unsafe-function-type -- type-graphql and TypeORM take class constructors */
export type ClassType = Function;

/**
 * An extension point a subgraph publishes in its `*-api` lib, e.g. `GridSizingPolicy`.
 * `T` is the interface implementations must satisfy.
 */
export interface ExtensionPoint<T> {
  readonly id: string;
  readonly subgraph: string;
  readonly title: BilingualText;
  /** Phantom field carrying the interface type. */
  readonly __type?: T;
}

export function createExtensionPoint<T>(def: { id: string; subgraph: string; title: BilingualText }): ExtensionPoint<T> {
  return Object.freeze({ ...def });
}

/**
 * The implementation that would apply in the county without this binding: the next enabled plugin
 * (in the deployment's order) implementing the same point, else the national baseline. Built on
 * first call; `source` names it (a plugin name or `baseline`).
 */
export interface NextPolicy<T> {
  (): T;
  readonly source: string;
}

/** An implementation of an extension point, built from a county's validated parameters. */
export interface PolicyBinding<C = unknown> {
  readonly point: ExtensionPoint<unknown>;
  readonly create: (config: C, next: NextPolicy<unknown>) => unknown;
}

/**
 * Binds an implementation to an extension point; `create` receives the county's plugin config and
 * `next`, the implementation next in line (another enabled plugin's, else the baseline), so that a
 * policy can wrap the one that would otherwise apply instead of only the baseline.
 */
export function bindPolicy<T, C = unknown>(point: ExtensionPoint<T>, create: (config: C, next: NextPolicy<T>) => T): PolicyBinding<C> {
  return { point: point as ExtensionPoint<unknown>, create: create as (config: C, next: NextPolicy<unknown>) => unknown };
}

/**
 * A problem a plugin finds in one county's (schema-valid) parameters, e.g. a base pay whose
 * annualised amount lies outside the county's own band. `key` is the dotted path inside the plugin's
 * parameters (`pay.secretary.baseMonthly`), empty for the parameters as a whole; `message` is
 * bilingual, 中文 first.
 */
export interface ConfigProblem {
  key: string;
  message: string;
}

export interface SeedContext<C> {
  dataSource: DataSource;
  logger: Logger;
  /** Counties that enable this plugin, with their parameters. */
  counties: { countyCode: string; config: C }[];
}

/** What a plugin adds to one subgraph. */
export interface SubgraphContribution<C = unknown> {
  /** TypeORM entities of the plugin's own tables (prefix their names with the plugin's). */
  entities?: ClassType[];
  /** type-graphql resolver classes: new queries, mutations, and field resolvers on existing types. */
  resolvers?: ClassType[];
  /** Types reached only through federation or interfaces. */
  orphanedTypes?: ClassType[];
  /** Committed migrations for the plugin's own tables. */
  migrations?: MigrationClass[];
  /** Implementations of the subgraph's extension points, applied only in enabling counties. */
  policies?: PolicyBinding<C>[];
  /** `__resolveReference` for entity types the plugin owns. */
  references?: Record<string, ReferenceResolver>;
  /** Durable consumers of other subgraphs' events, run in this subgraph (see `consumers.ts`). */
  consumers?: EventConsumer[];
  /**
   * Scheduled jobs run in this subgraph, e.g. the relay of the plugin's own outbox: a plugin that
   * publishes events spreads `outboxFeature({ table: '<plugin>_event', … })` into its contribution
   * (entities, migrations, jobs, outboxes).
   */
  jobs?: SubgraphJob[];
  /** Lists the plugin adds to the subgraph's downloads (`GET /exports/<name>.<csv|xlsx>`; names unique in the deployment). */
  exports?: ExportKind[];
  /** The plugin's outbox tables in this subgraph (see `outboxFeature`). */
  outboxes?: string[];
  /** Demo data, run by `xz seed` and the embedded platform (must be idempotent). */
  seed?: (ctx: SeedContext<C>) => Promise<void>;
}

/**
 * 插件接口版本 the version of the plugin contract this kernel implements (this file, the extension
 * points of the `*-api` libs, the published table contracts). A minor version adds, a major one
 * breaks; plugins state the range they were built for in `compatibility`.
 */
export const PLUGIN_API_VERSION = '1.0.0';

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?$/;

/**
 * Whether `range` admits `version`: `*`, an exact `1.2.3`, `^1.2.3` (same major, not older) or
 * `1.x` / `1.2.x`. Returns false for a range it does not understand.
 */
export function satisfiesRange(version: string, range: string): boolean {
  const v = SEMVER.exec(version);
  if (!v) return false;
  const [major, minor, patch] = [Number(v[1]), Number(v[2]), Number(v[3])];
  const r = range.trim();
  if (r === '*' || r === 'x') return true;
  const caret = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(r);
  if (caret) {
    const [M, m, p] = [Number(caret[1]), Number(caret[2]), Number(caret[3])];
    return major === M && (minor > m || (minor === m && patch >= p));
  }
  const wild = /^(\d+)\.(x|\d+)(?:\.x)?$/.exec(r);
  if (wild) return major === Number(wild[1]) && (wild[2] === 'x' || minor === Number(wild[2]));
  const exact = SEMVER.exec(r);
  return exact !== null && major === Number(exact[1]) && minor === Number(exact[2]) && patch === Number(exact[3]);
}

/** Null when the plugin may run on this kernel; otherwise why not (bilingual). */
export function pluginIncompatibility(plugin: Pick<PluginDefinition, 'name' | 'compatibility'>, apiVersion = PLUGIN_API_VERSION): string | null {
  const range = plugin.compatibility ?? '*';
  if (satisfiesRange(apiVersion, range)) return null;
  return `插件 ${plugin.name} 要求插件接口 ${range}，平台提供 ${apiVersion} (plugin ${plugin.name} requires plugin API ${range}; this platform provides ${apiVersion})`;
}

export interface PluginDefinition<S extends z.ZodType = z.ZodType> {
  /** Unique name, kebab-case, e.g. `longshan-qihua`. */
  name: string;
  /** The plugin's own version (semver). */
  version: string;
  /**
   * The plugin API versions it works with, e.g. `^1.0.0` (see `PLUGIN_API_VERSION`); checked when a
   * deployment loads it and when a subgraph boots with it. Default `*`.
   */
  compatibility?: string;
  title: BilingualText;
  description?: BilingualText;
  /** Per-county parameters; defaults come from the plugin's source document. */
  config: S;
  /** Contributions keyed by subgraph name (`grids`, `personnel`, …). */
  subgraphs: Partial<Record<string, SubgraphContribution<z.output<S>>>>;
  /**
   * Consistency of one county's parameters beyond what the schema checks one field at a time (e.g.
   * amounts that make every payroll fail). `xz check` runs it for every county enabling the plugin
   * and reports `counties.<code>.plugins.<name>.<key>: <message>`; empty when consistent.
   */
  checkConsistency?: (config: z.output<S>) => ConfigProblem[];
}

/** Declares a plugin. A plugin package default-exports the result. */
export function definePlugin<S extends z.ZodType>(definition: PluginDefinition<S>): PluginDefinition<S> {
  if (!/^[a-z][a-z0-9-]*$/.test(definition.name)) {
    throw new Error(`plugin name must be kebab-case: ${definition.name}`);
  }
  if (!SEMVER.test(definition.version)) throw new Error(`plugin ${definition.name}: version must be semver (1.2.3): ${definition.version}`);
  return definition;
}
