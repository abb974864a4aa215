import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { supergraphSubgraphs, type RunningGateway, type StartGateway, type StartGatewayOptions } from '@xiangzhi/deployment';
import { createLogger, formatError, ProcessMetrics, sendJson, serveHttp, unauthenticated, verifyUserToken, XzError, ErrorCode } from '@xiangzhi/kernel';
import type { GraphQLFormattedError } from 'graphql';
import { ActorForwardingDataSource, gatewayContext, type GatewayContext } from './actor-data-source';
import { depthLimitRule } from './depth-limit';
import { TimedDataSource } from './fetch-metrics';

export const DEFAULT_MAX_DEPTH = 12;
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const HEALTH_TIMEOUT_MS = 2000;
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** UNAUTHENTICATED with HTTP 401. */
function notAuthenticated(reason: string): XzError {
  const { messageZh, messageEn } = unauthenticated().extensions;
  return new XzError(ErrorCode.UNAUTHENTICATED, { zh: String(messageZh), en: String(messageEn) }, { reason, http: { status: 401 } });
}

/** The bearer token of a request, or null. */
export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

/** The kernel's error formatting, minus any stack trace a subgraph attached (clients never see code paths). */
function gatewayFormatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const result = formatError(formatted, error);
  if (!result.extensions || !('stacktrace' in result.extensions)) return result;
  const { stacktrace: _stacktrace, ...extensions } = result.extensions;
  return { ...result, extensions };
}

/** Echoes the request id in the response (`x-request-id`) so a client can quote it. */
const requestIdPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (contextValue?.requestId) response.http.headers.set('x-request-id', contextValue.requestId);
      },
    };
  },
};

/** The `/healthz` URL next to a subgraph's GraphQL URL. */
export function healthUrlOf(graphqlUrl: string): string {
  return new URL('/healthz', graphqlUrl).toString();
}

async function probe(url: string): Promise<string> {
  try {
    const res = await fetch(healthUrlOf(url), { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
    return res.ok ? 'up' : `down (HTTP ${res.status})`;
  } catch (error) {
    return `down (${(error as Error).name === 'TimeoutError' ? 'timeout' : 'unreachable'})`;
  }
}

/**
 * Starts the federated gateway: `@apollo/gateway` over a static supergraph inside Apollo Server,
 * served by the kernel's HTTP server at `/graphql`, with `/healthz` (the process is alive) and
 * `/readyz` (the supergraph is loaded and every subgraph's `/healthz` answers).
 *
 * Every operation needs `Authorization: Bearer <jwt>` (kernel `verifyUserToken`); a missing or
 * invalid token answers UNAUTHENTICATED with HTTP 401. The actor is forwarded to subgraphs as
 * `x-xz-actor` (signed with the internal secret) together with `x-request-id`. Operations nested
 * deeper than `limits.maxDepth` and bodies larger than `limits.maxBodyBytes` are refused.
 */
export const startGateway: StartGateway = async (options: StartGatewayOptions): Promise<RunningGateway> => {
  const logger = options.logger ?? createLogger('gateway');
  const composed = supergraphSubgraphs(options.supergraphSdl);
  const unknown = Object.keys(options.subgraphUrls ?? {}).filter((name) => !(name in composed));
  if (unknown.length > 0) throw new Error(`subgraphUrls names subgraphs the supergraph does not have: ${unknown.join(', ')}`);
  const subgraphUrls = { ...composed, ...options.subgraphUrls };
  const maxDepth = options.limits?.maxDepth ?? DEFAULT_MAX_DEPTH;
  const maxBodyBytes = options.limits?.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  // @apollo/gateway otherwise probes cloud metadata endpoints and sends usage metrics to Apollo;
  // a deployment opts in explicitly with APOLLO_TELEMETRY_DISABLED=false
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  const metrics = new ProcessMetrics('gateway');
  const fetches = metrics.histogram('xz_subgraph_fetch_duration_seconds', 'Gateway fetches to subgraphs in seconds, by subgraph and outcome (ok, error, unavailable)', ['subgraph', 'outcome']);
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger: {
      debug: (message: unknown) => logger.debug(String(message)),
      info: (message: unknown) => logger.info(String(message)),
      warn: (message: unknown) => logger.warn(String(message)),
      error: (message: unknown) => logger.error(String(message)),
    },
    buildService: ({ name, url }) => new TimedDataSource(new ActorForwardingDataSource({ url: subgraphUrls[name] ?? url, subgraph: name }), name, fetches),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: gatewayFormatError,
    validationRules: [depthLimitRule(maxDepth)],
    introspection: true,
    includeStacktraceInErrorResponses: false,
    plugins: [requestIdPlugin, metrics.apolloPlugin<GatewayContext>()],
    // whoever started the gateway stops it (main.ts and the platform handle SIGINT/SIGTERM)
    stopOnTerminationSignals: false,
  });
  let loaded = false;
  await apollo.start();
  loaded = true;

  const context = async (req: IncomingMessage): Promise<GatewayContext> => {
    const headerId = req.headers['x-request-id'];
    const requestId = typeof headerId === 'string' && REQUEST_ID.test(headerId) ? headerId : randomUUID();
    const token = bearerToken(req);
    if (!token) throw notAuthenticated('missing bearer token');
    let actor;
    try {
      actor = verifyUserToken(token, options.jwtSecret);
    } catch {
      throw notAuthenticated('invalid or expired token');
    }
    return gatewayContext(actor, requestId, options.internalSecret);
  };

  let http;
  try {
    http = await serveHttp(apollo, {
      port: options.port,
      host: options.host,
      context,
      maxBodyBytes,
      routes: {
        '/healthz': (_req, res) => sendJson(res, 200, { status: 'ok', service: 'gateway' }),
        '/metrics': metrics.route(),
        '/readyz': async (_req, res) => {
          if (!loaded) {
            sendJson(res, 503, { status: 'loading' });
            return;
          }
          const names = Object.keys(subgraphUrls);
          const states = await Promise.all(names.map((n) => probe(subgraphUrls[n])));
          const subgraphs = Object.fromEntries(names.map((n, i) => [n, states[i]]));
          const ready = states.every((s) => s === 'up');
          sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', subgraphs });
        },
      },
    });
  } catch (error) {
    await apollo.stop();
    throw error;
  }
  logger.info({ url: http.url, subgraphs: subgraphUrls, maxDepth, maxBodyBytes }, 'gateway ready');
  let stopping: Promise<void> | null = null;
  return {
    url: http.url,
    port: http.port,
    subgraphUrls,
    stop: () => {
      stopping ??= (async () => {
        loaded = false;
        await http.close();
        await apollo.stop();
      })();
      return stopping;
    },
  };
};
