import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { SubgraphConsumers } from './consumers-runtime';
import type { Logger } from './logger';
import { activeTraceId } from './telemetry';

/** Seconds; from 5 ms (a cached read) to 10 s (a county roll-up under load). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const MAX_OPERATION_NAME = 64;
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/**
 * The Prometheus metrics of one process role (the gateway, or one subgraph), each in its own
 * registry, so the subgraphs the embedded platform runs in one process keep theirs apart:
 *
 * - `xz_graphql_requests_total{operation,outcome}`: operations by name (`anonymous` without one) and
 *   outcome (`ok`, or the `extensions.code` of the first error, e.g. `FORBIDDEN`);
 * - `xz_graphql_request_duration_seconds{operation}`: their latency;
 * - the Node.js process metrics of prom-client (`xz_process_cpu_seconds_total`, heap, event loop lag…).
 *
 * `gauge`/`histogram` add a role's own metrics (the subgraph's database and events, the gateway's
 * subgraph fetches).
 */
export class ProcessMetrics {
  readonly registry = new Registry();
  readonly requests: Counter<'operation' | 'outcome'>;
  readonly requestDuration: Histogram<'operation'>;
  /**
   * Where `apolloPlugin` writes one access log line per operation (`request`, at info): `requestId`,
   * `actor` and `roles`, `operation`, `ms`, `codes` (the errors' `extensions.code`, distinct), and
   * `traceId` when tracing is on. None when unset.
   */
  accessLog?: Logger;

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry, prefix: 'xz_' });
    this.requests = new Counter({
      name: 'xz_graphql_requests_total',
      help: 'GraphQL operations by operation name and outcome (ok or the first error code)',
      labelNames: ['operation', 'outcome'],
      registers: [this.registry],
    });
    this.requestDuration = new Histogram({
      name: 'xz_graphql_request_duration_seconds',
      help: 'GraphQL operation latency in seconds, by operation name',
      labelNames: ['operation'],
      buckets: LATENCY_BUCKETS,
      registers: [this.registry],
    });
  }

  /** A latency histogram in this registry (seconds, the platform's buckets). */
  histogram<L extends string>(name: string, help: string, labelNames: readonly L[]): Histogram<L> {
    return new Histogram({ name, help, labelNames, buckets: LATENCY_BUCKETS, registers: [this.registry] });
  }

  /** A gauge whose values `collect` sets at each scrape (a failing collect is logged, the rest still answer). */
  gauge<L extends string>(name: string, help: string, labelNames: readonly L[], collect: (gauge: Gauge<L>) => Promise<void>, logger?: Logger): Gauge<L> {
    return new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        try {
          await collect(this);
        } catch (error) {
          logger?.warn({ err: error, metric: name }, 'metric not collected');
        }
      },
    });
  }

  /** The Apollo Server plugin counting and timing every operation. */
  apolloPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
    const { requests, requestDuration } = this;
    const accessLog = () => this.accessLog;
    return {
      async requestDidStart() {
        const started = process.hrtime.bigint();
        return {
          async willSendResponse({ request, operationName, response, errors, contextValue, document }) {
            // a document that failed validation still names its operation
            const named = document?.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)?.name?.value;
            const operation = operationLabel(operationName ?? request.operationName ?? named);
            const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
            const first = errors?.[0] ?? body?.errors?.[0];
            const code = first?.extensions?.code;
            requests.inc({ operation, outcome: first ? (typeof code === 'string' ? code : 'ERROR') : 'ok' });
            const seconds = Number(process.hrtime.bigint() - started) / 1e9;
            requestDuration.observe({ operation }, seconds);
            const log = accessLog();
            if (log) {
              const codes = [...new Set([...(body?.errors ?? errors ?? [])].map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'ERROR')))];
              const ctx = contextValue as { requestId?: unknown; actor?: { id?: unknown; roles?: unknown } } | undefined;
              log.info(
                { requestId: ctx?.requestId, actor: ctx?.actor?.id, roles: ctx?.actor?.roles, operation, ms: Math.round(seconds * 1e4) / 10, codes, traceId: activeTraceId() },
                'request',
              );
            }
          },
        };
      },
    };
  }

  /** The `GET /metrics` route (Prometheus text format). */
  route(): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
    return async (_req, res) => {
      const body = await this.registry.metrics();
      res.writeHead(200, { 'content-type': this.registry.contentType });
      res.end(body);
    };
  }
}

/** An operation name as a label: names only (a client cannot fill the registry with arbitrary text). */
function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  return OPERATION_NAME.test(name) ? name.slice(0, MAX_OPERATION_NAME) : 'invalid';
}

interface PoolLike {
  totalCount?: unknown;
  idleCount?: unknown;
  waitingCount?: unknown;
}

/**
 * A subgraph's own metrics on top of the request metrics:
 *
 * - `xz_db_pool_connections{state}`: the PostgreSQL pool's `total`, `idle` and `waiting` (clients
 *   waiting for a connection); the embedded PGlite is one connection and reports none;
 * - `xz_consumer_lag_events{consumer}`: events a consumer running in this process has not applied
 *   yet (in process: outbox rows after its position; on NATS: pending on its durable);
 * - `xz_consumer_dead_letters{consumer}` and `xz_consumer_held_events{consumer}`: its dead letters
 *   and the later events of their aggregates held behind them (`xz events dead` lists them);
 * - `xz_outbox_backlog_events{outbox}`: rows of each outbox table not yet published.
 */
export function subgraphMetrics(
  name: string,
  deps: { dataSource: DataSource; consumers: () => SubgraphConsumers | undefined; outboxes: readonly string[]; logger?: Logger },
): ProcessMetrics {
  const metrics = new ProcessMetrics(name);
  const { dataSource, logger } = deps;
  metrics.accessLog = logger;
  metrics.gauge('xz_db_pool_connections', 'Database pool connections by state (total, idle, waiting)', ['state'], async (g) => {
    const pool = (dataSource.driver as unknown as { master?: PoolLike }).master;
    for (const [state, value] of [['total', pool?.totalCount], ['idle', pool?.idleCount], ['waiting', pool?.waitingCount]] as const) {
      if (typeof value === 'number') g.set({ state }, value);
    }
  }, logger);
  metrics.gauge('xz_consumer_lag_events', 'Events after a consumer’s position not applied yet (consumers running in this process)', ['consumer'], async (g) => {
    const lag = (await deps.consumers()?.lag()) ?? {};
    for (const [consumer, value] of Object.entries(lag)) g.set({ consumer }, value);
  }, logger);
  const deadRows = async (): Promise<{ consumer: string; dead: number; held: number }[]> => {
    if (!dataSource.isInitialized) return [];
    const rows = (await dataSource.query(
      `SELECT consumer, count(*) FILTER (WHERE held_behind IS NULL) AS dead, count(*) FILTER (WHERE held_behind IS NOT NULL) AS held
       FROM kernel_event_dead GROUP BY consumer`,
    )) as { consumer: string; dead: string | number; held: string | number }[];
    return rows.map((r) => ({ consumer: r.consumer, dead: Number(r.dead), held: Number(r.held) }));
  };
  metrics.gauge('xz_consumer_dead_letters', 'Dead letters by consumer', ['consumer'], async (g) => {
    for (const r of await deadRows()) g.set({ consumer: r.consumer }, r.dead);
  }, logger);
  metrics.gauge('xz_consumer_held_events', 'Events held behind a dead letter of their aggregate, by consumer', ['consumer'], async (g) => {
    for (const r of await deadRows()) g.set({ consumer: r.consumer }, r.held);
  }, logger);
  metrics.gauge('xz_outbox_backlog_events', 'Outbox rows not yet published, by outbox table', ['outbox'], async (g) => {
    if (!dataSource.isInitialized) return;
    for (const outbox of deps.outboxes) {
      const [row] = (await dataSource.query(`SELECT count(*) AS n FROM "${outbox}" WHERE published_at IS NULL`)) as { n: string | number }[];
      g.set({ outbox }, Number(row.n));
    }
  }, logger);
  return metrics;
}
