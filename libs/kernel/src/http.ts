import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { traceServerRequest } from './telemetry';

/** A GET route; one that answers `false` has not handled the request, which goes on to GraphQL. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | boolean | Promise<void | boolean>;

export interface HttpServeOptions<TContext extends BaseContext> {
  port: number;
  host?: string;
  /** GraphQL endpoint path (default `/graphql`). */
  path?: string;
  context: (req: IncomingMessage) => Promise<TContext>;
  /** Extra GET routes such as `/healthz`; a key ending in `/*` (`/exports/*`) serves every path directly under it that has no route of its own. */
  routes?: Record<string, RouteHandler>;
  /** Largest accepted request body in bytes (default 2 MiB); larger requests get HTTP 413. */
  maxBodyBytes?: number;
  /**
   * Runs once the operation has finished and before its answer is written (e.g. commits the
   * request's transaction); when it throws, the client gets HTTP 500 with the error's message and
   * `code` instead of the answer.
   */
  settle?: (context: TContext) => Promise<void>;
  /** Who serves (`gateway`, a subgraph's name): the `xz.service` of its request spans. */
  service?: string;
}

export interface RunningHttpServer {
  server: Server;
  port: number;
  url: string;
  close: () => Promise<void>;
}

const MAX_BODY_BYTES = 2 * 1024 * 1024;

class BodyTooLargeError extends Error {}

/**
 * Reads the request body up to `limit` bytes. A larger body is drained (up to 8× the limit, so the
 * client can read the answer) and rejected with BodyTooLargeError; beyond that the socket is closed.
 */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit * 8) {
        reject(new BodyTooLargeError());
        req.destroy();
        return;
      }
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => (size > limit ? reject(new BodyTooLargeError()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function sendTooLarge(res: ServerResponse, limit: number): void {
  res.setHeader('connection', 'close');
  sendJson(res, 413, {
    errors: [{ message: `请求体过大，上限 ${limit} 字节 (request body larger than ${limit} bytes)`, extensions: { code: 'PAYLOAD_TOO_LARGE', maxBytes: limit } }],
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/**
 * Serves an Apollo Server over plain node:http (no framework), with a few extra routes. Bodies over
 * `maxBodyBytes` get 413 (PAYLOAD_TOO_LARGE); a JSON array of operations gets 400 (BATCHING_NOT_ALLOWED).
 */
export async function serveHttp<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  options: HttpServeOptions<TContext>,
): Promise<RunningHttpServer> {
  const gqlPath = options.path ?? '/graphql';
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const route = options.routes?.[url.pathname] ?? options.routes?.[`${url.pathname.slice(0, url.pathname.lastIndexOf('/'))}/*`];
      if (route && req.method === 'GET' && (await route(req, res)) !== false) return;
      if (url.pathname !== gqlPath) {
        sendJson(res, 404, { error: 'not found' });
        return;
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      let raw = '';
      if (req.method === 'POST') {
        try {
          raw = await readBody(req, maxBody);
        } catch (error) {
          if (!(error instanceof BodyTooLargeError)) throw error;
          if (!res.headersSent && !res.destroyed) sendTooLarge(res, maxBody);
          return;
        }
      }
      let body: unknown = undefined;
      // only JSON is parsed; anything else goes to Apollo Server as text, whose CSRF prevention refuses it
      if (raw && !/^application\/(graphql-response\+)?json\b/i.test(req.headers['content-type'] ?? '')) {
        body = raw;
      } else if (raw) {
        try {
          body = JSON.parse(raw);
        } catch {
          sendJson(res, 400, { errors: [{ message: '请求体不是有效的 JSON (request body is not valid JSON)', extensions: { code: 'BAD_REQUEST' } }] });
          return;
        }
      }
      if (Array.isArray(body)) {
        sendJson(res, 400, {
          errors: [{ message: '不接受批量请求：一次只能发送一个操作 (batched requests are not accepted: send one operation per request)', extensions: { code: 'BATCHING_NOT_ALLOWED', operations: body.length } }],
        });
        return;
      }
      let contextValue: TContext | undefined;
      let result: Awaited<ReturnType<typeof apollo.executeHTTPGraphQLRequest>>;
      try {
        result = await traceServerRequest(req, options.service ?? gqlPath, () =>
          apollo.executeHTTPGraphQLRequest({
            httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
            context: async () => (contextValue = await options.context(req)),
          }),
        );
      } catch (error) {
        // the operation failed outside GraphQL: give back what it held, keep the original error
        if (contextValue !== undefined) await options.settle?.(contextValue).catch(() => undefined);
        throw error;
      }
      if (contextValue !== undefined && options.settle) {
        try {
          await options.settle(contextValue);
        } catch (error) {
          const code = (error as { code?: unknown }).code;
          sendJson(res, 500, { errors: [{ message: (error as Error).message, extensions: { code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR' } }] });
          return;
        }
      }
      for (const [key, value] of result.headers) res.setHeader(key, value);
      res.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') {
        res.end(result.body.string);
      } else {
        for await (const chunk of result.body.asyncIterator) res.write(chunk);
        res.end();
      }
    })().catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: String(error) }] });
      else res.end();
    });
  });
  // Keep idle connections longer than clients (the gateway's subgraph fetches, test clients) reuse
  // them, so a client never reuses a socket the server is closing at that moment (ECONNRESET).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    // e.g. EADDRINUSE: fail the caller instead of crashing the process
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://${options.host ?? '127.0.0.1'}:${port}${gqlPath}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
