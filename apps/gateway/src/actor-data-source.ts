import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ACTOR_HEADER, injectTraceContext, signInternalToken, type Actor } from '@xiangzhi/kernel';
import { GraphQLError } from 'graphql';
import { subgraphFetcher } from './subgraph-fetcher';

/** What the gateway knows about a request: the authenticated actor and the request id. */
export interface GatewayContext {
  actor: Actor;
  requestId: string;
  /** A fresh `x-xz-actor` value: the subgraphs accept each internal token once, so one is signed per subgraph call. */
  internalToken: () => string;
}

export function gatewayContext(actor: Actor, requestId: string, internalSecret: string): GatewayContext {
  return { actor, requestId, internalToken: () => signInternalToken(actor, internalSecret) };
}

/** Identity headers only the gateway sets: whatever a client sent under these names never reaches a subgraph. */
export function isIdentityHeader(name: string): boolean {
  const n = name.toLowerCase();
  return n === ACTOR_HEADER || n.startsWith('x-actor') || n.startsWith('x-xz-') || n === 'authorization' || n === 'cookie';
}

/**
 * Calls one subgraph for the gateway, forwarding the actor as a short-lived, single-use internal
 * token (`x-xz-actor`, signed per call with the internal secret the subgraphs verify) and the
 * request id (and the W3C `traceparent` when tracing is on). The subgraph request starts from empty headers (nothing a client sent is copied);
 * identity headers are dropped once more before the gateway's own are set. A
 * subgraph that cannot be reached becomes a SUBGRAPH_UNAVAILABLE error in the response (the other
 * subgraphs' data still comes back); its address is never shown to the client.
 */
export class ActorForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** Subgraph name, for errors. */
  readonly subgraph: string;

  constructor(options: { url: string; subgraph: string }) {
    super({ url: options.url, fetcher: subgraphFetcher() });
    this.subgraph = options.subgraph;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers) return;
    for (const [name] of [...headers]) if (isIdentityHeader(name)) headers.delete(name);
    if (context?.internalToken) headers.set(ACTOR_HEADER, context.internalToken());
    if (context?.requestId) headers.set('x-request-id', context.requestId);
    // W3C traceparent of the active `gateway.fetch` span when tracing is on
    injectTraceContext((name, value) => headers.set(name, value));
  }

  override didEncounterError(error: Error, _request: unknown, response?: { status: number }): void {
    if (error instanceof GraphQLError && response) {
      // the subgraph answered with a non-2xx status: pass its own first error on when it sent one
      const body = (error.extensions.response as { body?: unknown } | undefined)?.body as { errors?: { message?: unknown; extensions?: Record<string, unknown> }[] } | undefined;
      const first = Array.isArray(body?.errors) ? body.errors[0] : undefined;
      if (first && typeof first.message === 'string') {
        throw new GraphQLError(first.message, { extensions: { ...first.extensions, serviceName: this.subgraph } });
      }
      const status = response.status;
      throw new GraphQLError(`子图 ${this.subgraph} 返回错误 ${status} (subgraph ${this.subgraph} answered HTTP ${status})`, {
        extensions: { code: 'SUBGRAPH_ERROR', serviceName: this.subgraph, status },
      });
    }
    throw new GraphQLError(`子图 ${this.subgraph} 暂不可用 (subgraph ${this.subgraph} is unavailable)`, {
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.subgraph },
      originalError: error,
    });
  }
}
