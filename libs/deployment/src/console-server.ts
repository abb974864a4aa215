import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Logger } from '@xiangzhi/kernel';

/** The path the console's pages are served under. */
export const CONSOLE_BASE = '/console/';

/** Headers a browser request may carry through to the gateway (identity comes only from the bearer token). */
const FORWARDED_HEADERS = ['authorization', 'content-type', 'accept', 'accept-language', 'x-request-id', 'apollo-require-preflight', 'x-apollo-operation-name'];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface ConsoleServerOptions {
  /** The console's built files (`apps/console/dist`, holding `index.html`). */
  dir: string;
  /** The gateway's GraphQL endpoint that `/graphql` of this origin forwards to. */
  gatewayUrl: string;
  /** Port (0 picks a free one). */
  port: number;
  /** Interface (default 127.0.0.1). */
  host?: string;
  logger?: Logger;
}

export interface RunningConsole {
  /** `http://host:port/console/` */
  url: string;
  port: number;
  close: () => Promise<void>;
}

/** Where `npm run build` writes the console (`apps/console/dist`), seen from a built package of this repository. */
export function defaultConsoleDir(fromDir: string = __dirname): string {
  return path.resolve(fromDir, '../../../apps/console/dist');
}

/** Whether a console build is there to serve. */
export function consoleBuilt(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'index.html'));
}

function sendStatic(res: ServerResponse, dir: string, pathname: string): void {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(CONSOLE_BASE.length));
  } catch {
    relative = '';
  }
  const file = path.resolve(dir, relative);
  // assets by their hashed names; every other path is a page of the single-page app
  const inside = file.startsWith(path.resolve(dir) + path.sep);
  const target = inside && fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(dir, 'index.html');
  const type = TYPES[path.extname(target)] ?? 'application/octet-stream';
  const immutable = target.includes(`${path.sep}assets${path.sep}`);
  res.writeHead(200, { 'content-type': type, 'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache', 'x-content-type-options': 'nosniff' });
  fs.createReadStream(target).pipe(res);
}

function forward(req: IncomingMessage, res: ServerResponse, gatewayUrl: string, logger?: Logger, path?: string): void {
  const target = new URL(path ?? gatewayUrl, gatewayUrl);
  const incoming = new URL(req.url ?? '/', 'http://console.local');
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const upstream = http.request(
    { hostname: target.hostname, port: target.port, path: `${target.pathname}${incoming.search}`, method: req.method, headers },
    (answer) => {
      const disposition = answer.headers['content-disposition'];
      res.writeHead(answer.statusCode ?? 502, { 'content-type': answer.headers['content-type'] ?? 'application/json', ...(disposition ? { 'content-disposition': disposition } : {}) });
      answer.pipe(res);
    },
  );
  upstream.on('error', (err) => {
    logger?.warn({ err }, 'console: the gateway did not answer');
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ errors: [{ message: '网关无响应 (the gateway did not answer)', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }] }));
  });
  req.pipe(upstream);
}

/**
 * Serves the county console: its built pages under `/console/` (any other path below it answers
 * the app's `index.html`), `/` redirects there, and `/graphql` and `GET /exports/…` are forwarded to the gateway, so the
 * browser calls the graph on the console's own origin (no CORS). Only the headers the console sends
 * are forwarded; the gateway checks the token as for any client.
 */
export async function serveConsole(options: ConsoleServerOptions): Promise<RunningConsole> {
  if (!consoleBuilt(options.dir)) throw new Error(`控制台未构建 (the console is not built: no index.html in ${options.dir}; run npm run build)`);
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://console.local');
    if (pathname === '/graphql') return forward(req, res, options.gatewayUrl, options.logger);
    // downloads (README, "Exports"), streamed through as the gateway sends them
    if (pathname.startsWith('/exports/') && req.method === 'GET') return forward(req, res, options.gatewayUrl, options.logger, pathname);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (pathname === '/' || pathname === '/console') {
      res.writeHead(302, { location: CONSOLE_BASE }).end();
      return;
    }
    if (pathname.startsWith(CONSOLE_BASE)) return sendStatic(res, options.dir, pathname);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('未找到 (not found)');
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}${CONSOLE_BASE}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
