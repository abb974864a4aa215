import fs from 'node:fs';
import path from 'node:path';
import type { RouteHandler } from '@xiangzhi/kernel';

/** Where the build puts the bundled GraphiQL (`apps/gateway/graphiql`, built by vite into the gateway's dist). */
export const EXPLORER_DIR = path.resolve(__dirname, '../dist/graphiql');
const ASSET_PREFIX = '/graphiql/';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** JSON inside a `<script>` element: `<` escaped so no value can close it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export interface ExplorerOptions {
  /** The built bundle (default `EXPLORER_DIR`). */
  dir?: string;
  /** The GraphQL endpoint the page queries (default `/graphql`). */
  endpoint?: string;
  /** A development token for the header editor (`Authorization: Bearer …`). */
  token?: string;
}

/**
 * 离线 GraphiQL the explorer's routes, from the gateway's own bundle (no CDN): `GET /graphql` with
 * `Accept: text/html` and no `query` parameter answers the page (other GETs go on to GraphQL), and
 * every file of the bundle is served under `/graphiql/`. The header editor starts with the
 * development token. Null when the bundle is not built.
 */
export function explorerRoutes(options: ExplorerOptions = {}): Record<string, RouteHandler> | null {
  const dir = options.dir ?? EXPLORER_DIR;
  const indexFile = path.join(dir, 'index.html');
  if (!fs.existsSync(indexFile)) return null;
  const headers = options.token ? JSON.stringify({ Authorization: `Bearer ${options.token}` }, null, 2) : '{}';
  const config = `<script id="xz-explorer" type="application/json">${scriptJson({ endpoint: options.endpoint ?? '/graphql', headers })}</script>`;
  const page = fs.readFileSync(indexFile, 'utf8').replace('</head>', `${config}\n  </head>`);
  const routes: Record<string, RouteHandler> = {
    '/graphql': (req, res) => {
      const accept = req.headers.accept ?? '';
      if (!accept.includes('text/html') || new URL(req.url ?? '/', 'http://localhost').searchParams.has('query')) return false;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(page);
      return true;
    },
  };
  for (const file of filesUnder(dir)) {
    const rel = path.relative(dir, file).split(path.sep).join('/');
    if (rel === 'index.html') continue;
    const body = fs.readFileSync(file);
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    routes[`${ASSET_PREFIX}${rel}`] = (_req, res) => {
      res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'public, max-age=31536000, immutable' });
      res.end(body);
    };
  }
  return routes;
}
