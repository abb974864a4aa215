import type { ExportKind } from './exports/export-kind';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLSchema, parse } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import type { RequestContext } from './context';
import type { MigrationClass } from './data-source';
import type { BilingualText } from './errors';
import type { ClassType, PolicyBinding, SeedContext } from './plugin';
import type { DataSource, EntityManager } from 'typeorm';
import type { EventBus } from './events';
import type { Logger } from './logger';
import type { EventConsumer } from './consumers';
import type { BulkImporter } from './bulk-import';
import { validateArguments } from './validation';

/** Federation directives every subgraph may use. */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@override"])';

/**
 * How an entity is fetched by key for `_entities`. `load` receives every key the gateway asked for
 * in one batch (through a per-request DataLoader) and returns results in key order.
 */
export interface ReferenceResolver<K = unknown, V = unknown> {
  key: (reference: Record<string, unknown>) => K;
  load: (keys: readonly K[], ctx: RequestContext) => Promise<(V | null)[]>;
}

export function referenceResolver<K, V>(def: ReferenceResolver<K, V>): ReferenceResolver {
  return def as ReferenceResolver;
}

/** What a scheduled job gets on each run. */
export interface SubgraphJobDeps {
  dataSource: DataSource;
  logger: Logger;
  policies: import('./policy-registry').PolicyRegistry;
  /** The event bus of the process (outbox relays publish on it). */
  events: EventBus;
  now: Date;
}

/** A scheduled job a subgraph runs while it serves (e.g. escalating overdue incidents). */
export interface SubgraphJob {
  name: string;
  intervalMs: number;
  run: (deps: SubgraphJobDeps) => Promise<unknown>;
  /** The outbox table this job relays, when it is an outbox relay (`outboxRelayJob` sets it). */
  outbox?: string;
}

/** The outbox tables a module publishes from: its `outboxes` and the tables of its outbox relay jobs. */
export function outboxTablesOf(module: Pick<SubgraphModule, 'outboxes' | 'jobs'>): string[] {
  const tables = [...(module.outboxes ?? []), ...(module.jobs ?? []).flatMap((j) => (j.outbox ? [j.outbox] : []))];
  return [...new Set(tables)];
}

/** Everything the kernel needs to boot a subgraph; each `apps/<subgraph>` exports one. */
export interface SubgraphModule {
  name: string;
  title: BilingualText;
  entities: ClassType[];
  migrations: MigrationClass[];
  resolvers: ClassType[];
  orphanedTypes?: ClassType[];
  references?: Record<string, ReferenceResolver>;
  /**
   * Object types plugins may add fields to, by GraphQL type name (`Cadre`, `Region`…); plugins reach
   * them with `extensibleType(subgraph, name)` (see `extensible-types.ts`).
   */
  extensibleTypes?: Record<string, ClassType>;
  /** Baseline (national) implementations of the subgraph's extension points. */
  defaults?: PolicyBinding[];
  jobs?: SubgraphJob[];
  /** Durable consumers of other subgraphs' events (projections); see `consumers.ts`. */
  consumers?: EventConsumer[];
  /**
   * The transactional outbox tables this subgraph publishes its events from (besides those of its
   * `outboxRelayJob` jobs, which count too). In embedded mode the in-process bus reads consumers'
   * events from them, so a consumer resumes from its position after a restart.
   */
  outboxes?: string[];
  /** Lists staff can download as CSV or XLSX (`GET /exports/<name>.<csv|xlsx>` through the gateway); see `exports/export-kind.ts`. */
  exports?: ExportKind[];
  /** Registers that can be bulk-imported from a file (`xz import <kind>`); see `bulk-import.ts`. */
  importers?: BulkImporter[];
  /** Counters the database keeps with every write (e.g. households per region), which `xz stats rebuild` recomputes. */
  counters?: CounterRebuild[];
  /** Demo data; must be idempotent. */
  seed?: (ctx: Omit<SeedContext<never>, 'counties'>) => Promise<void>;
}

/**
 * 计数重算 how to recompute a set of counters from a full count (`xz stats rebuild`): `rebuild` runs in
 * one transaction, locks what it counts against writes and reports each step it finishes.
 */
export interface CounterRebuild {
  /** Name shown in progress lines, e.g. `region_counter`. */
  name: string;
  rebuild: (manager: EntityManager, progress: (step: { label: string; done: number; total: number; ms: number }) => void) => Promise<void>;
}

export interface SchemaParts {
  resolvers: ClassType[];
  orphanedTypes?: ClassType[];
  references?: Record<string, ReferenceResolver>;
}

/** Builds the type-graphql schema and prints it as federation SDL (keeps `@key` and friends). */
export async function buildTypeGraphQLSchema(parts: SchemaParts): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: parts.resolvers as unknown as NonEmptyArray<ClassType & (new () => unknown)>,
    orphanedTypes: parts.orphanedTypes as (ClassType & (new () => unknown))[] | undefined,
    validate: { forbidUnknownValues: false },
    // Names each failed field with its path, the rule and the value given (see validation.ts).
    validateFn: validateArguments,
    skipCheck: true,
  });
}

export function printSubgraphSdl(schema: GraphQLSchema): string {
  return `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`;
}

/**
 * Fields the gateway sent along with a reference because a field of this subgraph `@requires` them
 * (e.g. another subgraph's `Region.incidentHandling`): copied onto a per-reference copy of the loaded
 * object (same class, so field resolvers keep working), never onto the cached one.
 */
function withRequiredFields(loaded: unknown, reference: Record<string, unknown>): unknown {
  if (loaded === null || typeof loaded !== 'object') return loaded;
  const extra = Object.entries(reference).filter(([k]) => k !== '__typename' && !(k in loaded));
  if (extra.length === 0) return loaded;
  return Object.assign(Object.create(Object.getPrototypeOf(loaded) as object) as object, loaded, Object.fromEntries(extra));
}

/** type-graphql schema → Federation 2 subgraph schema with batched `__resolveReference`. */
export async function buildFederatedSchema(parts: SchemaParts): Promise<{ schema: GraphQLSchema; sdl: string }> {
  const tgSchema = await buildTypeGraphQLSchema(parts);
  const sdl = printSubgraphSdl(tgSchema);
  const resolvers = createResolversMap(tgSchema) as Record<string, object>;
  for (const [typeName, ref] of Object.entries(parts.references ?? {})) {
    const existing = (resolvers[typeName] ?? {}) as Record<string, unknown>;
    resolvers[typeName] = {
      ...existing,
      __resolveReference: async (reference: Record<string, unknown>, ctx: RequestContext) => {
        const loaded = await ctx.loaders.get<unknown, unknown>(`__ref:${typeName}`, (keys) => ref.load(keys, ctx)).load(ref.key(reference));
        return withRequiredFields(loaded, reference);
      },
    };
  }
  const schema = buildSubgraphSchema([{ typeDefs: parse(sdl), // the resolver map's per-type shape is checked by graphql at build time
    resolvers: resolvers as never }]);
  return { schema, sdl };
}

/** One feature folder of a subgraph (`region/`, `incident/`…): what it adds to the module. */
export type SubgraphFeature = Partial<Omit<SubgraphModule, 'name' | 'title' | 'seed'>>;

/** Builds a subgraph module from its feature folders, so `src/index.ts` only wires. */
export function defineSubgraph(def: {
  name: string;
  title: BilingualText;
  features: SubgraphFeature[];
  seed?: SubgraphModule['seed'];
}): SubgraphModule {
  const f = def.features;
  return {
    name: def.name,
    title: def.title,
    entities: f.flatMap((x) => x.entities ?? []),
    migrations: f.flatMap((x) => x.migrations ?? []),
    resolvers: f.flatMap((x) => x.resolvers ?? []),
    orphanedTypes: f.flatMap((x) => x.orphanedTypes ?? []),
    references: Object.assign({}, ...f.map((x) => x.references ?? {})) as Record<string, ReferenceResolver>,
    extensibleTypes: Object.assign({}, ...f.map((x) => x.extensibleTypes ?? {})) as Record<string, ClassType>,
    defaults: f.flatMap((x) => x.defaults ?? []),
    jobs: f.flatMap((x) => x.jobs ?? []),
    consumers: f.flatMap((x) => x.consumers ?? []),
    outboxes: f.flatMap((x) => x.outboxes ?? []),
    importers: f.flatMap((x) => x.importers ?? []),
    counters: f.flatMap((x) => x.counters ?? []),
    exports: f.flatMap((x) => x.exports ?? []),
    seed: def.seed,
  };
}
