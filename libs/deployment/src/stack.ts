import {
  createEventBus,
  startSubgraph,
  type CalendarOverrides,
  type CountyPluginParams,
  type EventBus,
  type Logger,
  type PluginDefinition,
  type RunningSubgraph,
  type SubgraphModule,
} from '@xiangzhi/kernel';
import { composeSupergraph } from './compose';
import { loadGateway, type GatewayLimits, type RunningGateway } from './gateway-contract';

/** One subgraph to boot in-process, with where its data lives. */
export interface StackSubgraph {
  module: SubgraphModule;
  /** Port on 127.0.0.1 (default: a random free port). */
  port?: number;
  /** PostgreSQL connection string; without it the embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite data folder (omit for an in-memory database). */
  dataDir?: string;
  /** PostgreSQL schema for its tables (default: the subgraph name). */
  schema?: string;
}

export interface StartStackOptions {
  subgraphs: StackSubgraph[];
  plugins?: PluginDefinition[];
  countyParams?: Record<string, CountyPluginParams>;
  /** County → its own holidays and working days on top of the national calendar. */
  calendar?: CalendarOverrides;
  jwtSecret: string;
  internalSecret: string;
  /** Load each subgraph's (and enabled plugin's) idempotent demo data after migrating. */
  seed?: boolean;
  /** Run the subgraphs' scheduled jobs (default true). */
  runJobs?: boolean;
  /**
   * The event bus every subgraph of the stack shares; the caller owns it. Without it the stack
   * creates one (NATS JetStream at `natsUrl`, else in process) and closes it on stop.
   */
  events?: EventBus;
  /** NATS server of the bus the stack creates (`$NATS_URL` in `npm start`); omit for the in-process bus. */
  natsUrl?: string;
  /** Stream, subject prefix and retention of the NATS bus the stack creates (the deployment's `events`). */
  eventStream?: { stream?: string; prefix?: string; maxAgeMs?: number; maxMessages?: number };
  /** `production`: no introspection, no "Did you mean" (default NODE_ENV=production). */
  gateway: { port: number; host?: string; limits?: GatewayLimits; production?: boolean; trustedDocuments?: string; explorerToken?: string };
  logger: Logger;
}

/** Subgraphs and the gateway running in this process. */
export interface RunningStack {
  /** The gateway's GraphQL endpoint. */
  url: string;
  gateway: RunningGateway;
  subgraphs: Record<string, RunningSubgraph>;
  supergraphSdl: string;
  /** The event bus the subgraphs share (subscribe to their events here). */
  events: EventBus;
  /** Stops the gateway, then every subgraph (closing their databases cleanly), then the bus it created. */
  stop: () => Promise<void>;
}

function once(sg: RunningSubgraph): RunningSubgraph {
  let stopping: Promise<void> | null = null;
  const stop = sg.stop;
  return Object.assign(sg, { stop: () => (stopping ??= stop()) });
}

async function stopAll(subgraphs: RunningSubgraph[], logger: Logger): Promise<void> {
  const results = await Promise.allSettled(subgraphs.map((s) => s.stop()));
  results.forEach((r, i) => {
    if (r.status === 'rejected') logger.error({ err: r.reason, subgraph: subgraphs[i].name }, 'subgraph did not stop cleanly');
  });
}

/**
 * Seeds running subgraphs one after the other, in the given (deployment) order: after each, every
 * outbox is relayed and every consumer drained, so a subgraph seeded later finds the earlier ones'
 * events in its projections (personnel's demo data needs grids' regions).
 */
export async function seedInOrder(subgraphs: RunningSubgraph[], logger: Logger, only?: string[]): Promise<void> {
  for (const sg of subgraphs) {
    if (only && !only.includes(sg.name)) continue;
    await sg.seed();
    for (const other of subgraphs) await other.relayOutboxes();
    await Promise.all(subgraphs.map((other) => other.consumers.drain()));
    logger.debug({ subgraph: sg.name }, 'seeded; events relayed and consumed');
  }
}

/**
 * Boots every subgraph (migrations, then the demo data in order, its own HTTP port on 127.0.0.1), composes the
 * supergraph from the SDL they serve and their actual URLs, and starts the gateway over it.
 * If anything fails, whatever already started is stopped again.
 */
export async function startStack(options: StartStackOptions): Promise<RunningStack> {
  const { logger } = options;
  const names = options.subgraphs.map((s) => s.module.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw new Error(`subgraph ${duplicate} is listed twice`);
  const startGateway = loadGateway();
  const ownEvents = options.events
    ? null
    : await createEventBus({ natsUrl: options.natsUrl, ...options.eventStream, logger: logger.child({ component: 'events' }) });
  const events = options.events ?? (ownEvents as EventBus);
  const closeEvents = async () => {
    await ownEvents?.close().catch((err: unknown) => logger.error({ err }, 'event bus did not close cleanly'));
  };
  const settled = await Promise.allSettled(
    options.subgraphs.map((s) =>
      startSubgraph(s.module, {
        internalSecret: options.internalSecret,
        plugins: options.plugins,
        countyParams: options.countyParams,
        calendar: options.calendar,
        databaseUrl: s.databaseUrl,
        dataDir: s.dataDir,
        schema: s.schema,
        port: s.port ?? 0,
        host: '127.0.0.1',
        // seeded below, one subgraph after the other
        seed: false,
        runJobs: options.runJobs,
        events,
        // the stack's owner handles signals and stops everything in order
        stopOnTerminationSignals: false,
        logger: logger.child({ component: s.module.name }),
      }),
    ),
  );
  // stop() may be called by a test on one subgraph and again by the stack: make it idempotent
  const running = settled.flatMap((r) => (r.status === 'fulfilled' ? [once(r.value)] : []));
  const failed = settled.flatMap((r, i) => (r.status === 'rejected' ? [{ name: names[i], error: r.reason as unknown }] : []));
  if (failed.length > 0) {
    await stopAll(running, logger);
    await closeEvents();
    const first = failed[0];
    const error = first.error instanceof Error ? first.error : new Error(String(first.error));
    error.message = `subgraph ${first.name} failed to start: ${error.message}`;
    throw error;
  }
  try {
    if (options.seed) await seedInOrder(running, logger);
    const supergraphSdl = composeSupergraph(running.map((s) => ({ name: s.name, url: s.url, sdl: s.sdl })));
    const gateway = await startGateway({
      supergraphSdl,
      port: options.gateway.port,
      host: options.gateway.host,
      jwtSecret: options.jwtSecret,
      internalSecret: options.internalSecret,
      logger: logger.child({ component: 'gateway' }),
      limits: options.gateway.limits,
      production: options.gateway.production,
      trustedDocuments: options.gateway.trustedDocuments,
      explorerToken: options.gateway.explorerToken,
    });
    let stopped: Promise<void> | null = null;
    return {
      url: gateway.url,
      gateway,
      subgraphs: Object.fromEntries(running.map((s) => [s.name, s])),
      supergraphSdl,
      events,
      stop: () => {
        stopped ??= (async () => {
          await gateway.stop().catch((err: unknown) => logger.error({ err }, 'gateway did not stop cleanly'));
          await stopAll(running, logger);
          await closeEvents();
        })();
        return stopped;
      },
    };
  } catch (error) {
    await stopAll(running, logger);
    await closeEvents();
    throw error;
  }
}
