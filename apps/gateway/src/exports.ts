import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import { ACTOR_HEADER, parseExportPath, sendExportError, unknownExport, type Actor, type RouteHandler, type XzError } from '@xiangzhi/kernel';

/** How long the gateway keeps the map of export kinds to subgraphs before asking the subgraphs again. */
const KIND_MAP_TTL_MS = 60_000;
const LIST_TIMEOUT_MS = 5_000;

/** Response headers of a subgraph's export passed on to the client. */
const PASSED_HEADERS = ['content-type', 'content-disposition', 'cache-control', 'x-content-type-options'];

export interface ExportProxyOptions {
  /** Subgraph name → its GraphQL URL (the export routes sit beside it). */
  subgraphUrls: Record<string, string>;
  /** Authenticates the caller from the request (throws UNAUTHENTICATED). */
  authenticate: (req: IncomingMessage) => Actor;
  /** A fresh single-use internal token for one subgraph call. */
  internalToken: (actor: Actor) => string;
  requestId: (req: IncomingMessage) => string;
}

function get(url: string, headers: Record<string, string>): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = (url.startsWith('https:') ? https : http).get(url, { headers }, resolve);
    request.on('error', reject);
  });
}

/**
 * 导出代理 `GET /exports/<kind>.<csv|xlsx>?region=…` on the gateway: authenticates the caller's JWT
 * (401 without a valid one), finds the subgraph serving the kind (each subgraph lists its kinds at
 * `GET /exports`; the map is kept KIND_MAP_TTL_MS and refreshed on an unknown name) and passes the
 * request on with a freshly signed internal token, piping the subgraph's answer to the client as it
 * comes (no buffering; a slow client slows the subgraph's reads down). Refusals (403 out of scope,
 * 400 bad parameters) come back with the subgraph's status and GraphQL-style error body.
 */
export function exportProxyRoute(options: ExportProxyOptions): RouteHandler {
  let kinds: { map: Map<string, string>; at: number } | null = null;

  const loadKinds = async (actor: Actor): Promise<Map<string, string>> => {
    const map = new Map<string, string>();
    await Promise.all(
      Object.entries(options.subgraphUrls).map(async ([name, url]) => {
        try {
          const res = await fetch(new URL('/exports', url), { headers: { [ACTOR_HEADER]: options.internalToken(actor) }, signal: AbortSignal.timeout(LIST_TIMEOUT_MS) });
          if (!res.ok) return;
          const body = (await res.json()) as { exports?: { name: string }[] };
          for (const kind of body.exports ?? []) map.set(kind.name, name);
        } catch {
          // a subgraph that is down serves no exports now; the next refresh asks again
        }
      }),
    );
    kinds = { map, at: Date.now() };
    return map;
  };

  const subgraphOf = async (kind: string, actor: Actor): Promise<string | undefined> => {
    const fresh = kinds && Date.now() - kinds.at < KIND_MAP_TTL_MS ? kinds.map : null;
    return fresh?.get(kind) ?? (await loadKinds(actor)).get(kind);
  };

  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = parseExportPath(url.pathname);
    let actor: Actor;
    try {
      actor = options.authenticate(req);
      if (!path) throw unknownExport(url.pathname.slice('/exports/'.length));
    } catch (error) {
      sendExportError(res, error as XzError);
      return;
    }
    const subgraph = await subgraphOf(path.name, actor);
    if (!subgraph) {
      sendExportError(res, unknownExport(path.name));
      return;
    }
    const target = new URL(`/exports/${path.name}.${path.format}${url.search}`, options.subgraphUrls[subgraph]);
    const headers: Record<string, string> = { [ACTOR_HEADER]: options.internalToken(actor), 'x-request-id': options.requestId(req) };
    const language = req.headers['accept-language'];
    if (typeof language === 'string') headers['accept-language'] = language;
    let upstream: IncomingMessage;
    try {
      upstream = await get(target.toString(), headers);
    } catch {
      res.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ errors: [{ message: `子图 ${subgraph} 暂不可用 (subgraph ${subgraph} is unavailable)`, extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: subgraph } }] }));
      return;
    }
    const passed: Record<string, string> = { 'x-request-id': headers['x-request-id'] };
    for (const name of PASSED_HEADERS) {
      const value = upstream.headers[name];
      if (typeof value === 'string') passed[name] = value;
    }
    res.writeHead(upstream.statusCode ?? 502, passed);
    // a subgraph that cuts the connection (its audit failed) cuts the client's too: no complete-looking file
    upstream.on('aborted', () => res.destroy());
    upstream.on('error', () => res.destroy());
    res.on('close', () => {
      if (!upstream.complete) upstream.destroy();
    });
    upstream.pipe(res);
  };
}
