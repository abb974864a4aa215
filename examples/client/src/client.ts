import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/** One GraphQL error as the gateway answers it: a bilingual message and a stable `extensions.code`. */
export interface GatewayError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/** Raised when the gateway answers with errors (or without data); `errors` as answered. */
export class GatewayRequestError extends Error {
  constructor(
    readonly status: number,
    readonly errors: GatewayError[],
  ) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('\n') || `HTTP ${status}`);
    this.name = 'GatewayRequestError';
  }
}

export interface ClientOptions {
  /** The gateway's GraphQL endpoint, e.g. `http://localhost:4000/graphql`. */
  url: string;
  /** A client token (`npm run xz -- token …`), sent as `Authorization: Bearer`. */
  token: string;
  /** `zh` (default) or `en`: which language the error messages lead with. */
  language?: 'zh' | 'en';
}

/** A typed client of the gateway: the result and variables types come from the generated document. */
export interface Client {
  request<TResult, TVariables extends Record<string, unknown>>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables): Promise<TResult>;
}

/** A client on plain `fetch`: POSTs the printed document with its variables and returns `data`, or throws `GatewayRequestError`. */
export function createClient(options: ClientOptions): Client {
  return {
    async request<TResult, TVariables extends Record<string, unknown>>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables): Promise<TResult> {
      const res = await fetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}`, 'accept-language': options.language ?? 'zh' },
        body: JSON.stringify({ query: print(document), variables }),
      });
      const body = (await res.json()) as { data?: TResult | null; errors?: GatewayError[] };
      if (body.errors?.length || body.data === undefined || body.data === null) throw new GatewayRequestError(res.status, body.errors ?? []);
      return body.data;
    },
  };
}
