// The gateway's explorer: GraphiQL bundled at build time (no CDN), served by the gateway at GET /graphql
// in development. The gateway writes the endpoint and the prefilled headers into #xz-explorer.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';

interface ExplorerConfig {
  endpoint: string;
  headers: string;
}

const raw = document.getElementById('xz-explorer')?.textContent;
const config: ExplorerConfig = raw ? (JSON.parse(raw) as ExplorerConfig) : { endpoint: '/graphql', headers: '{}' };
const fetcher = createGraphiQLFetcher({ url: config.endpoint });
const root = document.getElementById('root');
if (root) createRoot(root).render(<GraphiQL fetcher={fetcher} initialHeaders={config.headers} defaultHeaders={config.headers} shouldPersistHeaders={false} />);
