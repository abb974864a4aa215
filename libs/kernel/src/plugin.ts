import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { MigrationClass } from './data-source';
import type { BilingualText } from './errors';
import type { Logger } from './logger';
import type { ReferenceResolver } from './subgraph';

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

/** An implementation of an extension point, built from a county's validated parameters. */
export interface PolicyBinding<C = unknown> {
  readonly point: ExtensionPoint<unknown>;
  readonly create: (config: C) => unknown;
}

/** Binds an implementation to an extension point; `create` receives the county's plugin config. */
export function bindPolicy<T, C = unknown>(point: ExtensionPoint<T>, create: (config: C) => T): PolicyBinding<C> {
  return { point: point as ExtensionPoint<unknown>, create };
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
  /** Demo data, run by `xz seed` and the embedded platform (must be idempotent). */
  seed?: (ctx: SeedContext<C>) => Promise<void>;
}

export interface PluginDefinition<S extends z.ZodType = z.ZodType> {
  /** Unique name, kebab-case, e.g. `longshan-qihua`. */
  name: string;
  version: string;
  title: BilingualText;
  description?: BilingualText;
  /** Per-county parameters; defaults come from the plugin's source document. */
  config: S;
  /** Contributions keyed by subgraph name (`grids`, `personnel`, …). */
  subgraphs: Partial<Record<string, SubgraphContribution<z.output<S>>>>;
}

/** Declares a plugin. A plugin package default-exports the result. */
export function definePlugin<S extends z.ZodType>(definition: PluginDefinition<S>): PluginDefinition<S> {
  if (!/^[a-z][a-z0-9-]*$/.test(definition.name)) {
    throw new Error(`plugin name must be kebab-case: ${definition.name}`);
  }
  return definition;
}
