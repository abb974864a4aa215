import type { Logger } from '@xiangzhi/kernel';
import { requirePackage } from './load';

/** The gateway package; loaded at run time by name (libraries never import apps). */
export const GATEWAY_PACKAGE = '@xiangzhi/gateway';

export interface GatewayLimits {
  /** Deepest selection nesting a query may have (default 12; introspection fields do not count). */
  maxDepth?: number;
  /** Largest accepted request body in bytes (default 1 MiB); larger requests get HTTP 413. */
  maxBodyBytes?: number;
  /** Most aliased fields a document may have (default 30; TOO_MANY_ALIASES). */
  maxAliases?: number;
  /** Most lexical tokens a document may have (default 5000; TOO_MANY_TOKENS). */
  maxTokens?: number;
  /**
   * The cost limit (QUERY_TOO_COMPLEX): each field costs its weight (`Type.field` in `weights`,
   * default 1), a field with a `first`/`limit` argument multiplies its selection's cost by it, a
   * list without one by `defaultListSize`. Defaults: maxCost 50000, defaultListSize 20.
   */
  cost?: { maxCost?: number; defaultListSize?: number; weights?: Record<string, number> };
}

/** What `startGateway` of `@xiangzhi/gateway` takes. */
export interface StartGatewayOptions {
  /** The composed supergraph (static; no introspection of running subgraphs). */
  supergraphSdl: string;
  /** Subgraph name → URL, overriding the URLs composed into the supergraph. */
  subgraphUrls?: Record<string, string>;
  port: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Verifies client tokens (`Authorization: Bearer`). */
  jwtSecret: string;
  /** During a rotation, the client token secret being replaced: tokens signed with it are still accepted. */
  previousJwtSecret?: string;
  /** Signs the actor forwarded to subgraphs (`x-xz-actor`). */
  internalSecret: string;
  logger?: Logger;
  limits?: GatewayLimits;
  /**
   * Production hardening: no introspection, no "Did you mean" suggestions in errors. Default:
   * `NODE_ENV === 'production'`.
   */
  production?: boolean;
  /**
   * Trusted documents manifest (Apollo persisted query manifest or client-preset persisted
   * documents, JSON): when set, only its operations run, anything else is answered
   * PERSISTED_QUERY_NOT_FOUND, and automatic persisted queries register nothing.
   */
  trustedDocuments?: string;
  /** Outside production: the token the GraphiQL page at GET /graphql puts in its header editor. */
  explorerToken?: string;
}

export interface RunningGateway {
  /** `http://host:port/graphql` */
  url: string;
  port: number;
  /** Subgraph name → the URL the gateway calls. */
  subgraphUrls: Record<string, string>;
  stop: () => Promise<void>;
}

export type StartGateway = (options: StartGatewayOptions) => Promise<RunningGateway>;

/** Loads `startGateway` from the gateway package at run time. */
export function loadGateway(): StartGateway {
  const exported = requirePackage(GATEWAY_PACKAGE) as { startGateway?: unknown };
  if (typeof exported.startGateway !== 'function') throw new Error(`${GATEWAY_PACKAGE} does not export startGateway`);
  return exported.startGateway as StartGateway;
}
