import type { IncomingMessage } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { acceptedSecrets, ACTOR_HEADER, ReplayGuard, tokenRefused, verifyInternalToken } from './actor';
import { subgraphCacheOptions } from './bounded-cache';
import { createRequestContext, type RequestContext } from './context';
import { countyWallScope, grantAppRole, openRequestDatabase, type RequestDatabase } from './county-wall';
import type { CalendarOverrides } from './calendar';
import { createDataSource, openDataSource, type XzDataSource, type MigrationClass } from './data-source';
import { formatError } from './format-error';
import { sendJson, serveHttp, type RunningHttpServer } from './http';
import { InProcessEventBus, type EventBus } from './events';
import { createLogger, type Logger } from './logger';
import { pluginIncompatibility, type ClassType, type PluginDefinition, type PolicyBinding } from './plugin';
import { PolicyRegistry, type CountyPluginParams } from './policy-registry';
import { buildFederatedSchema, outboxTablesOf, type ReferenceResolver, type SubgraphJob, type SubgraphModule } from './subgraph';
import { AuditEntry, KernelAuditChain1700000000003, KernelAuditLog1700000000000 } from './audit';
import type { EventConsumer } from './consumers';
import { startConsumers, type SubgraphConsumers } from './consumers-runtime';
import { KernelEventConsumers1700000000001 } from './consumers-tables';
import { KernelIdempotencyKeys1700000000002 } from './idempotency';
import { registerExtensibleTypes } from './extensible-types';
import { exportRoutes, type ExportKind } from './exports/export-kind';
import { subgraphMetrics, type ProcessMetrics } from './metrics';

/** A subgraph module merged with the contributions of the installed plugins. */
export interface AssembledSubgraph {
  module: SubgraphModule;
  plugins: PluginDefinition[];
  entities: ClassType[];
  migrations: MigrationClass[];
  resolvers: ClassType[];
  orphanedTypes: ClassType[];
  references: Record<string, ReferenceResolver>;
  defaults: PolicyBinding[];
  /** The module's consumers and those of the plugins' parts. */
  consumers: EventConsumer[];
  /** The module's scheduled jobs and those of the plugins' parts (outbox relays among them). */
  jobs: SubgraphJob[];
  /** The outbox tables of the module and of the plugins' parts. */
  outboxes: string[];
  /** The module's export kinds and those of the plugins' parts. */
  exports: ExportKind[];
}

function migrationTimestamp(m: MigrationClass): number {
  const match = /(\d{13})$/.exec(m.name);
  return match ? Number(match[1]) : 0;
}

/** Merges a subgraph with what each installed plugin contributes to it (entities, resolvers, migrations). */
export function assembleSubgraph(module: SubgraphModule, plugins: PluginDefinition[]): AssembledSubgraph {
  registerExtensibleTypes(module.name, module.extensibleTypes ?? {});
  const incompatible = plugins.map((p) => pluginIncompatibility(p)).filter((x): x is string => x !== null);
  if (incompatible.length > 0) throw new Error(incompatible.join('\n'));
  const contributions = plugins.map((p) => p.subgraphs[module.name]).filter((c) => c !== undefined);
  const migrations = [KernelAuditLog1700000000000, KernelEventConsumers1700000000001, KernelIdempotencyKeys1700000000002, KernelAuditChain1700000000003, ...module.migrations, ...contributions.flatMap((c) => c.migrations ?? [])];
  const seen = new Set<string>();
  for (const m of migrations) {
    if (seen.has(m.name)) throw new Error(`duplicate migration name ${m.name} in subgraph ${module.name}`);
    seen.add(m.name);
  }
  migrations.sort((a, b) => migrationTimestamp(a) - migrationTimestamp(b));
  const references = { ...(module.references ?? {}) };
  for (const c of contributions) {
    for (const [type, ref] of Object.entries(c.references ?? {})) {
      if (references[type]) throw new Error(`entity ${type} has two reference resolvers in subgraph ${module.name}`);
      references[type] = ref;
    }
  }
  const jobs = [...(module.jobs ?? []), ...contributions.flatMap((c) => c.jobs ?? [])];
  const jobNames = new Set<string>();
  for (const j of jobs) {
    if (jobNames.has(j.name)) throw new Error(`duplicate job name ${j.name} in subgraph ${module.name}`);
    jobNames.add(j.name);
  }
  return {
    module,
    plugins,
    entities: [AuditEntry, ...module.entities, ...contributions.flatMap((c) => c.entities ?? [])],
    migrations,
    resolvers: [...module.resolvers, ...contributions.flatMap((c) => c.resolvers ?? [])],
    orphanedTypes: [...(module.orphanedTypes ?? []), ...contributions.flatMap((c) => c.orphanedTypes ?? [])],
    references,
    defaults: module.defaults ?? [],
    consumers: [...(module.consumers ?? []), ...contributions.flatMap((c) => c.consumers ?? [])],
    jobs,
    exports: [...(module.exports ?? []), ...contributions.flatMap((c) => c.exports ?? [])],
    outboxes: outboxTablesOf({ outboxes: [...(module.outboxes ?? []), ...contributions.flatMap((c) => c.outboxes ?? [])], jobs }),
  };
}

export interface StartSubgraphOptions {
  plugins?: PluginDefinition[];
  countyParams?: Record<string, CountyPluginParams>;
  /** County (6 digits) → its own holidays and working days on top of the national calendar. */
  calendar?: CalendarOverrides;
  databaseUrl?: string;
  dataDir?: string;
  schema?: string;
  port?: number;
  host?: string;
  /** Secret shared with the gateway for the forwarded actor token. */
  internalSecret: string;
  /** During a rotation, the internal secret being replaced: actor tokens signed with it are still accepted. */
  previousInternalSecret?: string;
  logger?: Logger;
  /** Load demo data after migrating. */
  seed?: boolean;
  /** Run the module's scheduled jobs (default true). */
  runJobs?: boolean;
  /**
   * The event bus the subgraph's jobs (outbox relays) publish on. The caller owns it. Default: an
   * in-process bus of the subgraph's own, closed by `stop()`.
   */
  events?: EventBus;
  /**
   * Let Apollo Server stop itself and re-raise SIGINT/SIGTERM (its default outside tests). Pass
   * false when the caller owns shutdown (the embedded platform stops every subgraph and closes the
   * databases itself).
   */
  stopOnTerminationSignals?: boolean;
  /**
   * Production hardening: no introspection and no "Did you mean" suggestions in errors. Default:
   * `NODE_ENV === 'production'`.
   */
  production?: boolean;
  /**
   * 县域隔离墙 on PostgreSQL: the database role requests run as (`SET LOCAL ROLE`, neither owner nor
   * BYPASSRLS; created NOLOGIN if missing and granted the schema's tables at boot). Each request then
   * runs in one transaction carrying the caller's county in `xz.scope`, and the tables' row-level
   * security keeps it inside (see `county-wall.ts`). Default: `XZ_DB_APP_ROLE`; unset, requests run
   * as the owner (no wall). Ignored on PGlite (one superuser connection).
   */
  databaseAppRole?: string;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  sdl: string;
  db: XzDataSource;
  policies: PolicyRegistry;
  http: RunningHttpServer;
  /** Its Prometheus metrics, served at `GET /metrics` (see `subgraphMetrics`). */
  metrics: ProcessMetrics;
  /** The event bus its jobs publish on. */
  events: EventBus;
  /**
   * Runs a scheduled job once now (tests and `xz` use it). Runs of one job never overlap: a call
   * while it runs waits for that run to finish first.
   */
  runJob: (name: string, now?: Date) => Promise<unknown>;
  /** Runs every outbox relay job of the subgraph once; resolves to the number of events published. */
  relayOutboxes: () => Promise<number>;
  /** Its event consumers (the module's and the plugins'): drain, dead letters, replay, rebuild. */
  consumers: SubgraphConsumers;
  /** Loads the module's and the enabled plugins' idempotent demo data (the stack seeds in order). */
  seed: () => Promise<void>;
  /** Stops serving, then the consumers (an event being handled is rolled back), the jobs, the database. */
  stop: () => Promise<void>;
}

/** Boots one subgraph: data source + migrations, schema, Apollo Server on its own HTTP port, jobs. */
export async function startSubgraph(module: SubgraphModule, options: StartSubgraphOptions): Promise<RunningSubgraph> {
  const logger = options.logger ?? createLogger(module.name);
  const assembled = assembleSubgraph(module, options.plugins ?? []);
  const policies = new PolicyRegistry(module.name, assembled.defaults, assembled.plugins, options.countyParams ?? {}, options.calendar ?? {});
  const db = createDataSource({
    name: module.name,
    entities: assembled.entities,
    migrations: assembled.migrations,
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir,
    schema: options.schema,
    logger,
  });
  const dataSource = await openDataSource(db, logger);
  const appRole = db.location.kind === 'postgres' ? (options.databaseAppRole ?? process.env.XZ_DB_APP_ROLE) || undefined : undefined;
  const requestDatabases = new WeakMap<RequestContext, RequestDatabase>();
  // if anything after opening the database fails, close what was opened before rethrowing
  let apolloStarted: ApolloServer<RequestContext> | null = null;
  const live: { consumers?: SubgraphConsumers } = {};
  const metrics = subgraphMetrics(module.name, { dataSource, consumers: () => live.consumers, outboxes: assembled.outboxes, logger });
  const serve = async () => {
    if (options.seed) await seedSubgraph(assembled, db, policies, logger);
    if (appRole) await grantAppRole(dataSource, db.schema, appRole);
    const { schema, sdl } = await buildFederatedSchema(assembled);
    const production = options.production ?? process.env.NODE_ENV === 'production';
    const apollo = new ApolloServer<RequestContext>({
      schema,
      formatError,
      introspection: !production,
      hideSchemaDetailsFromClientErrors: production,
      // GET without a preflight header and text/plain or form POSTs are refused before any resolver
      csrfPrevention: true,
      plugins: [ApolloServerPluginInlineTraceDisabled(), metrics.apolloPlugin<RequestContext>()],
      ...subgraphCacheOptions(),
      stopOnTerminationSignals: options.stopOnTerminationSignals,
    });
    await apollo.start();
    apolloStarted = apollo;
    // every request, `_service` and `_entities` included, needs a fresh internal token from the gateway
    const replays = new ReplayGuard();
    const context = async (req: IncomingMessage): Promise<RequestContext> => {
      const header = req.headers[ACTOR_HEADER];
      if (typeof header !== 'string' || header === '') throw tokenRefused('TOKEN_MISSING');
      const actor = verifyInternalToken(header, acceptedSecrets(options.internalSecret, options.previousInternalSecret), replays);
      const requestId = typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : undefined;
      if (!appRole) return createRequestContext({ actor, policies, dataSource, logger, requestId });
      const database = openRequestDatabase(dataSource, { role: appRole, scope: countyWallScope(actor) });
      const ctx = createRequestContext({ actor, policies, dataSource: database.dataSource, logger, requestId });
      requestDatabases.set(ctx, database);
      return ctx;
    };
    const httpServer = await serveHttp(apollo, {
      port: options.port ?? 0,
      host: options.host,
      context,
      service: module.name,
      settle: async (ctx) => requestDatabases.get(ctx)?.settle(),
      routes: {
        ...exportRoutes(assembled.exports, {
          context,
          settle: async (ctx) => requestDatabases.get(ctx)?.settle(),
          verify: (req) => {
            const header = req.headers[ACTOR_HEADER];
            if (typeof header !== 'string' || header === '') throw tokenRefused('TOKEN_MISSING');
            verifyInternalToken(header, acceptedSecrets(options.internalSecret, options.previousInternalSecret), replays);
          },
        }),
        '/healthz': (_req, res) => sendJson(res, 200, { status: 'ok', subgraph: module.name }),
        '/metrics': metrics.route(),
        '/readyz': async (_req, res) => {
          try {
            await dataSource.query('SELECT 1');
            sendJson(res, 200, { status: 'ready', subgraph: module.name });
          } catch (error) {
            sendJson(res, 503, { status: 'not ready', error: String(error) });
          }
        },
      },
    });
    return { sdl, apollo, httpServer };
  };
  let served: Awaited<ReturnType<typeof serve>>;
  try {
    served = await serve();
  } catch (error) {
    await (apolloStarted as ApolloServer<RequestContext> | null)?.stop().catch(() => undefined);
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
  const { sdl, apollo, httpServer } = served;
  const jobs = assembled.jobs;
  const ownEvents = options.events ? null : new InProcessEventBus({ logger });
  const events = options.events ?? (ownEvents as EventBus);
  /** The latest run of each job; the next run of a job starts after it. */
  const lastRun = new Map<string, Promise<unknown>>();
  const runJob = (name: string, now?: Date): Promise<unknown> => {
    const job = jobs.find((j) => j.name === name);
    if (!job) return Promise.reject(new Error(`no job ${name} in subgraph ${module.name}`));
    const previous = lastRun.get(name) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => job.run({ dataSource, logger, policies, events, now: now ?? new Date() }));
    lastRun.set(name, run);
    const forget = () => {
      if (lastRun.get(name) === run) lastRun.delete(name);
    };
    run.then(forget, forget);
    return run;
  };
  const timers = options.runJobs === false
    ? []
    : jobs.map((job) => {
        const timer = setInterval(() => {
          if (lastRun.has(job.name)) return; // still running: skip this tick
          runJob(job.name).catch((error: unknown) => logger.error({ err: error, job: job.name }, 'job failed'));
        }, job.intervalMs);
        timer.unref();
        return timer;
      });
  // embedded mode: this subgraph's outboxes become a source for the consumers of the process
  const unregister = events instanceof InProcessEventBus
    ? assembled.outboxes.map((table) => events.registerOutbox({ table, subgraph: module.name, dataSource }))
    : [];
  let consumers: SubgraphConsumers;
  try {
    consumers = await startConsumers(assembled.consumers, events, { dataSource, logger, policies, schema: db.schema });
    live.consumers = consumers;
  } catch (error) {
    unregister.forEach((u) => u());
    await httpServer.close().catch(() => undefined);
    await apollo.stop().catch(() => undefined);
    await dataSource.destroy().catch(() => undefined);
    await ownEvents?.close();
    throw error;
  }
  const relayJobs = jobs.filter((j) => j.outbox !== undefined);
  logger.info({ url: httpServer.url, plugins: assembled.plugins.map((p) => p.name), consumers: consumers.names }, 'subgraph ready');
  return {
    name: module.name,
    url: httpServer.url,
    sdl,
    db,
    policies,
    http: httpServer,
    metrics,
    events,
    runJob,
    relayOutboxes: async () => {
      let published = 0;
      for (const job of relayJobs) published += Number(await runJob(job.name));
      return published;
    },
    consumers,
    seed: () => seedSubgraph(assembled, db, policies, logger),
    stop: async () => {
      for (const t of timers) clearInterval(t);
      await httpServer.close();
      await apollo.stop();
      await consumers.stop();
      unregister.forEach((u) => u());
      // let running jobs finish before their database closes
      await Promise.allSettled([...lastRun.values()]);
      if (dataSource.isInitialized) await dataSource.destroy();
      await ownEvents?.close();
    },
  };
}

/**
 * Runs the module's demo seed, then each installed plugin's seed for the counties enabling it, then
 * `ANALYZE` (the embedded PGlite has no autovacuum to gather the planner's statistics after a bulk
 * load; without them it plans the demo's thousands of rows as if each table held one).
 */
export async function seedSubgraph(assembled: AssembledSubgraph, db: XzDataSource, policies: PolicyRegistry, logger: Logger): Promise<void> {
  if (assembled.module.seed) {
    logger.info({ subgraph: assembled.module.name }, 'seeding demo data');
    await assembled.module.seed({ dataSource: db.dataSource, logger });
  }
  for (const plugin of assembled.plugins) {
    const seed = plugin.subgraphs[assembled.module.name]?.seed;
    if (!seed) continue;
    logger.info({ plugin: plugin.name }, 'seeding plugin demo data');
    await seed({ dataSource: db.dataSource, logger, counties: policies.countiesEnabling(plugin.name) as { countyCode: string; config: never }[] });
  }
  await db.dataSource.query('ANALYZE');
}
