import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { supergraphSubgraphs, type RunningGateway, type StartGateway, type StartGatewayOptions } from '@xiangzhi/deployment';
import { acceptedSecrets, createLogger, formatError, ProcessMetrics, sendJson, serveHttp, signInternalToken, tokenRefused, verifyUserToken } from '@xiangzhi/kernel';
import { GraphQLError, Kind, type FragmentDefinitionNode, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';
import { ActorForwardingDataSource, gatewayContext, type GatewayContext } from './actor-data-source';
import { gatewayCaches } from './caches';
import { depthLimitRule } from './depth-limit';
import { aliasLimitRule, DEFAULT_COST, DEFAULT_MAX_ALIASES, DEFAULT_MAX_TOKENS, operationCost, tooComplex, tooManyTokens, type CostOptions } from './limits';
import { TimedDataSource } from './fetch-metrics';
import { explorerRoutes } from './explorer';
import { exportProxyRoute } from './exports';
import { acceptLanguagePlugin } from './language';
import { loadTrustedDocuments, NO_PERSISTED_QUERIES, trustedDocumentsPlugin } from './trusted-documents';

export const DEFAULT_MAX_DEPTH = 12;
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const HEALTH_TIMEOUT_MS = 2000;
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The bearer token of a request, or null. */
export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

/**
 * The gateway's own limit errors keep their stable code: Apollo Server reports a validation rule's
 * error as GRAPHQL_VALIDATION_FAILED and graphql's token limit as GRAPHQL_PARSE_FAILED.
 */
function limitError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code === 'GRAPHQL_PARSE_FAILED') {
    const tokens = tooManyTokens(formatted.message);
    return tokens ? { message: tokens.message, extensions: tokens.extensions } : formatted;
  }
  const original = (error as { originalError?: unknown })?.originalError;
  if (code === 'GRAPHQL_VALIDATION_FAILED' && original instanceof GraphQLError && typeof original.extensions.code === 'string') {
    return { ...formatted, extensions: { ...formatted.extensions, ...original.extensions } };
  }
  return formatted;
}

/** The kernel's error formatting, minus any stack trace a subgraph attached (clients never see code paths). */
function gatewayFormatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const result = formatError(limitError(formatted, error), error);
  if (!result.extensions || !('stacktrace' in result.extensions)) return result;
  const { stacktrace: _stacktrace, ...extensions } = result.extensions;
  return { ...result, extensions };
}

/** PERSISTED_QUERY_NOT_FOUND in both languages: an operation outside the trusted documents, or an unregistered automatic persisted query. */
function persistedQueryMessage(formatted: GraphQLFormattedError, trusted: boolean): GraphQLFormattedError {
  if (formatted.extensions?.code !== 'PERSISTED_QUERY_NOT_FOUND') return formatted;
  const message = trusted
    ? '此操作不在可信文档清单中 (the operation is not in the trusted documents manifest)'
    : '持久化查询未找到，请连同查询文本重发 (persisted query not found: send it again with its query text)';
  return { ...formatted, message };
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

/** Refuses an operation whose cost (see `operationCost`) exceeds the limit, before it is planned or any subgraph is called. */
function costLimitPlugin(cost: CostOptions): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
          const value = operationCost(schema, operation as OperationDefinitionNode, fragments, request.variables ?? {}, cost);
          if (value > cost.maxCost) throw tooComplex(value, cost.maxCost);
        },
      };
    },
  };
}

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
 * `x-xz-actor` (signed with the internal secret, a fresh single-use token per subgraph call)
 * together with `x-request-id`; identity headers a client sent are never forwarded.
 *
 * Limits, each refused with a stable code before any subgraph is called: nesting deeper than
 * `limits.maxDepth` (QUERY_TOO_DEEP), more aliases than `maxAliases` (TOO_MANY_ALIASES), more
 * tokens than `maxTokens` (TOO_MANY_TOKENS), a cost above `cost.maxCost` (QUERY_TOO_COMPLEX),
 * fragment cycles (graphql's validation), a body larger than `maxBodyBytes` (PAYLOAD_TOO_LARGE,
 * HTTP 413), a JSON array of operations (BATCHING_NOT_ALLOWED). CSRF prevention is on. With
 * `production` (default `NODE_ENV=production`) introspection and "Did you mean" suggestions are off.
 */
export const startGateway: StartGateway = async (options: StartGatewayOptions): Promise<RunningGateway> => {
  const logger = options.logger ?? createLogger('gateway');
  const composed = supergraphSubgraphs(options.supergraphSdl);
  const unknown = Object.keys(options.subgraphUrls ?? {}).filter((name) => !(name in composed));
  if (unknown.length > 0) throw new Error(`subgraphUrls names subgraphs the supergraph does not have: ${unknown.join(', ')}`);
  const subgraphUrls = { ...composed, ...options.subgraphUrls };
  const maxDepth = options.limits?.maxDepth ?? DEFAULT_MAX_DEPTH;
  const maxBodyBytes = options.limits?.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxAliases = options.limits?.maxAliases ?? DEFAULT_MAX_ALIASES;
  const maxTokens = options.limits?.maxTokens ?? DEFAULT_MAX_TOKENS;
  const cost: CostOptions = { ...DEFAULT_COST, ...options.limits?.cost, weights: { ...options.limits?.cost?.weights } };
  const production = options.production ?? process.env.NODE_ENV === 'production';
  const trusted = options.trustedDocuments ? loadTrustedDocuments(options.trustedDocuments) : null;

  // @apollo/gateway otherwise probes cloud metadata endpoints and sends usage metrics to Apollo;
  // a deployment opts in explicitly with APOLLO_TELEMETRY_DISABLED=false
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  const metrics = new ProcessMetrics('gateway');
  metrics.accessLog = logger;
  const fetches = metrics.histogram('xz_subgraph_fetch_duration_seconds', 'Gateway fetches to subgraphs in seconds, by subgraph and outcome (ok, error, unavailable)', ['subgraph', 'outcome']);
  const caches = gatewayCaches();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger: {
      debug: (message: unknown) => logger.debug(String(message)),
      info: (message: unknown) => logger.info(String(message)),
      warn: (message: unknown) => logger.warn(String(message)),
      error: (message: unknown) => logger.error(String(message)),
    },
    // query plans: at most DOCUMENT_CACHE_ENTRIES, least recently used evicted (README, "Bounded caches")
    queryPlannerConfig: { cache: caches.queryPlans },
    buildService: ({ name, url }) => new TimedDataSource(new ActorForwardingDataSource({ url: subgraphUrls[name] ?? url, subgraph: name }), name, fetches),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: (formatted, error) => persistedQueryMessage(gatewayFormatError(formatted, error), trusted !== null),
    validationRules: [depthLimitRule(maxDepth), aliasLimitRule(maxAliases)],
    parseOptions: { maxTokens },
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginLandingPageDisabled(), ...(trusted ? [trustedDocumentsPlugin<GatewayContext>(trusted)] : []), requestIdPlugin, costLimitPlugin(cost), metrics.apolloPlugin<GatewayContext>(), acceptLanguagePlugin<GatewayContext>()],
    // parsed and validated documents and automatic persisted queries: at most DOCUMENT_CACHE_ENTRIES each
    ...caches.server,
    // trusted documents: the manifest is the only source of documents, clients register none
    ...(trusted ? { persistedQueries: NO_PERSISTED_QUERIES } : {}),
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
    if (!token) throw tokenRefused('TOKEN_MISSING');
    return gatewayContext(verifyUserToken(token, acceptedSecrets(options.jwtSecret, options.previousJwtSecret)), requestId, options.internalSecret);
  };

  // GraphiQL from the gateway's own bundle at GET /graphql, outside production only (no CDN; Apollo's landing page is off)
  const explorer = production ? null : explorerRoutes({ token: options.explorerToken });
  if (!production && !explorer) logger.warn('GraphiQL is not built (npm run build): GET /graphql serves no explorer');
  let http;
  try {
    http = await serveHttp(apollo, {
      port: options.port,
      host: options.host,
      context,
      maxBodyBytes,
      service: 'gateway',
      routes: {
        ...explorer,
        // CSV and XLSX downloads, streamed from the subgraph owning each kind (README, "Exports")
        '/exports/*': exportProxyRoute({
          subgraphUrls,
          authenticate: (req) => {
            const token = bearerToken(req);
            if (!token) throw tokenRefused('TOKEN_MISSING');
            return verifyUserToken(token, acceptedSecrets(options.jwtSecret, options.previousJwtSecret));
          },
          internalToken: (actor) => signInternalToken(actor, options.internalSecret),
          requestId: (req) => {
            const headerId = req.headers['x-request-id'];
            return typeof headerId === 'string' && REQUEST_ID.test(headerId) ? headerId : randomUUID();
          },
        }),
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
  logger.info({ url: http.url, subgraphs: subgraphUrls, maxDepth, maxBodyBytes, maxAliases, maxTokens, maxCost: cost.maxCost, production, trustedDocuments: trusted?.size }, 'gateway ready');
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
