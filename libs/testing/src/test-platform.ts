import pg from 'pg';
import { startStack, type GatewayLimits } from '@xiangzhi/deployment';
import {
  createLogger,
  InProcessEventBus,
  NatsEventBus,
  signUserToken,
  type Actor,
  type CalendarOverrides,
  type CountyPluginParams,
  type EventBus,
  type Logger,
  type PluginDefinition,
  type RunningSubgraph,
  type SubgraphModule,
} from '@xiangzhi/kernel';
import { confirmSeedSnapshot, hasSeedSnapshot, saveSeedSnapshot, seedSnapshotDir, seedSnapshotWanted, withTemplatesFrom } from './seed-snapshot';

/** Secrets of every test platform (tests sign their own tokens with `token(actor)`). */
export const TEST_SECRETS = Object.freeze({ jwtSecret: 'xiangzhi-test-jwt-secret', internalSecret: 'xiangzhi-test-internal-secret' });

export interface TestPlatformOptions {
  /** The subgraph modules to boot (e.g. `import { subgraph } from '@xiangzhi/grids'`). */
  subgraphs: SubgraphModule[];
  /** Installed plugins (their schema, migrations and policies join the subgraphs they extend). */
  plugins?: PluginDefinition[];
  /** County code (6 or 12 digits) → plugin name → parameters: which county enables which plugin. */
  countyParams?: Record<string, CountyPluginParams>;
  /** County (6 digits) → its own holidays and working days on top of the national calendar. */
  calendar?: CalendarOverrides;
  /**
   * Load the subgraphs' (and enabled plugins') demo data. Default false. On in-memory PGlite with the
   * in-process bus, the seeded databases are dumped once per key (subgraphs, plugins, parameters, date,
   * workspace sources; see `seedSnapshotDir`) and later platforms of that key load them instead of seeding.
   */
  seed?: boolean;
  /**
   * PostgreSQL to run on (a fresh schema per subgraph, dropped by `stop()`); default
   * `$TEST_DATABASE_URL`; embedded PGlite in memory when unset or `''` (which forces PGlite).
   */
  databaseUrl?: string;
  /**
   * NATS server for the event bus (e.g. `nats://127.0.0.1:4222`): events go to a fresh JetStream
   * stream of this platform (subjects `<fresh prefix>.<event name>`), deleted by `stop()`. Default: an
   * in-process bus.
   */
  natsUrl?: string;
  /** Gateway limits (depth, body size). */
  limits?: GatewayLimits;
  logger?: Logger;
}

/** A GraphQL answer as the client sees it, with the HTTP status. */
export interface GraphQLResult<TData = Record<string, unknown>> {
  status: number;
  data?: TData | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> & { code?: string } }[];
}

export interface TestPlatform {
  /** The gateway's GraphQL endpoint (real HTTP). */
  url: string;
  /** The running subgraphs by name: `db.dataSource`, `db.queries` (SQL counter), `runJob`, `stop()`. */
  subgraphs: Record<string, RunningSubgraph>;
  supergraphSdl: string;
  /** The event bus the subgraphs' outbox relays publish on (`runJob('outbox-relay:<table>')`); subscribe here. */
  events: EventBus;
  /**
   * Relays every subgraph's outbox and drains every consumer: resolves when what was written so far
   * has reached the projections (use it instead of sleeping after a write another subgraph consumes).
   */
  drainEvents: () => Promise<void>;
  /** A client token (`Authorization: Bearer`) for an actor. */
  token: (actor: Actor) => string;
  /**
   * Posts a query to the gateway. `as` is an actor (a token is signed for it), a raw token string,
   * or null for an anonymous request.
   */
  query: <TData = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, as?: Actor | string | null) => Promise<GraphQLResult<TData>>;
  /** Stops the gateway and the subgraphs, closes the bus; drops the PostgreSQL schemas and the NATS stream. */
  stop: () => Promise<void>;
}

let counter = 0;

/** Drops test schemas over a connection of its own (a subgraph a test stopped has closed its own). */
async function dropSchemas(databaseUrl: string, schemas: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** A fresh lowercase schema name for a subgraph in this test process. */
export function freshSchemaName(subgraph: string): string {
  counter += 1;
  return `${subgraph}_${process.pid}_${counter}_${Date.now() % 1_000_000}`.toLowerCase();
}

/**
 * Boots subgraphs and the gateway in this process: each subgraph on its own in-memory PGlite (or,
 * with a database URL, in a fresh PostgreSQL schema) on a random port of 127.0.0.1, the supergraph
 * composed from what they serve, the gateway on a random port. Everything goes over real HTTP.
 */
export async function startTestPlatform(options: TestPlatformOptions): Promise<TestPlatform> {
  const databaseUrl = (options.databaseUrl ?? process.env.TEST_DATABASE_URL) || undefined;
  const logger = options.logger ?? createLogger('test-platform');
  const schemas = new Map(options.subgraphs.map((m) => [m.name, databaseUrl ? freshSchemaName(m.name) : undefined]));
  const nats = options.natsUrl
    ? await NatsEventBus.connect({
        url: options.natsUrl,
        stream: freshSchemaName('xz_test').toUpperCase(),
        prefix: freshSchemaName('xztest'),
        logger: logger.child({ component: 'events' }),
      })
    : null;
  const events: EventBus = nats ?? new InProcessEventBus({ logger: logger.child({ component: 'events' }) });
  const closeEvents = async () => {
    if (nats) await nats.deleteStream().catch((err: unknown) => logger.warn({ err, stream: nats.stream }, 'could not delete the test stream'));
    await events.close();
  };
  // seeded snapshots: in-memory PGlite and the in-process bus only (PostgreSQL and NATS platforms always seed)
  const snapshot = options.seed && !databaseUrl && !nats ? seedSnapshotDir(options) : undefined;
  const fromSnapshot = snapshot && hasSeedSnapshot(snapshot) ? snapshot : undefined;
  const boot = <T>(create: () => T): T => (fromSnapshot ? withTemplatesFrom(fromSnapshot, create) : create());
  const stack = await boot(() => startStack({
    subgraphs: options.subgraphs.map((module) => ({ module, databaseUrl, schema: schemas.get(module.name) })),
    plugins: options.plugins,
    countyParams: options.countyParams,
    calendar: options.calendar,
    jwtSecret: TEST_SECRETS.jwtSecret,
    internalSecret: TEST_SECRETS.internalSecret,
    seed: fromSnapshot ? false : (options.seed ?? false),
    runJobs: false,
    events,
    gateway: { port: 0, limits: options.limits },
    logger,
  })).catch(async (error: unknown) => {
    await closeEvents();
    throw error;
  });
  const running = Object.values(stack.subgraphs);
  if (fromSnapshot) {
    await confirmSeedSnapshot(fromSnapshot, running).catch(async (error: unknown) => {
      await stack.stop();
      await closeEvents();
      throw error;
    });
  } else if (snapshot && seedSnapshotWanted(snapshot)) {
    await saveSeedSnapshot(snapshot, running).catch((err: unknown) => logger.warn({ err, snapshot }, 'could not save the seeded snapshot'));
  }
  const token = (actor: Actor) => signUserToken(actor, { secret: TEST_SECRETS.jwtSecret });
  const query = async <TData>(gql: string, variables: Record<string, unknown> = {}, as: Actor | string | null = null): Promise<GraphQLResult<TData>> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (as) headers.authorization = `Bearer ${typeof as === 'string' ? as : token(as)}`;
    const res = await fetch(stack.url, { method: 'POST', headers, body: JSON.stringify({ query: gql, variables }) });
    const text = await res.text();
    let body: Omit<GraphQLResult<TData>, 'status'>;
    try {
      body = JSON.parse(text) as Omit<GraphQLResult<TData>, 'status'>;
    } catch {
      body = { errors: [{ message: text }] };
    }
    return { status: res.status, ...body };
  };
  let stopping: Promise<void> | null = null;
  return {
    url: stack.url,
    subgraphs: stack.subgraphs,
    supergraphSdl: stack.supergraphSdl,
    events,
    drainEvents: async () => {
      const running = Object.values(stack.subgraphs);
      for (const sg of running) await sg.relayOutboxes();
      await Promise.all(running.map((sg) => sg.consumers.drain()));
    },
    token,
    query,
    stop: () => {
      stopping ??= (async () => {
        await stack.gateway.stop();
        await stack.stop();
        await closeEvents();
        if (databaseUrl) await dropSchemas(databaseUrl, Object.values(stack.subgraphs).map((sg) => sg.db.schema));
      })();
      return stopping;
    },
  };
}
