/**
 * Production entry point of the gateway:
 *
 *   SUPERGRAPH=supergraph.graphql PORT=4000 XZ_JWT_SECRET=… XZ_INTERNAL_SECRET=… node apps/gateway/dist/main.js
 *
 * - `SUPERGRAPH`: the composed supergraph file (`npm run xz -- compose --out supergraph.graphql`), default `supergraph.graphql`
 * - `PORT` (default 4000), `HOST` (default 0.0.0.0)
 * - `XZ_JWT_SECRET`, `XZ_INTERNAL_SECRET`: required (no development defaults outside the embedded platform)
 * - `XZ_JWT_SECRET_PREVIOUS`: during a rotation, client tokens signed with it are still accepted
 * - `XZ_SUBGRAPH_URL_<NAME>` (e.g. `XZ_SUBGRAPH_URL_GRIDS`): overrides the URL composed into the supergraph
 * - `XZ_MAX_DEPTH` (default 12), `XZ_MAX_BODY_BYTES` (default 1048576), `XZ_MAX_ALIASES` (default 30),
 *   `XZ_MAX_TOKENS` (default 5000), `XZ_MAX_COST` (default 50000; every field costs 1, lists × their
 *   `first`/`limit` or 20); with `NODE_ENV=production` no introspection and no "Did you mean"
 * - `APOLLO_TELEMETRY_DISABLED`: @apollo/gateway's own telemetry stays off unless this is set to `false`
 * - `XZ_TRUSTED_DOCUMENTS`: the trusted documents manifest; only its operations run (PERSISTED_QUERY_NOT_FOUND otherwise)
 * - `OTEL_TRACES_EXPORTER=otlp`, `OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_SERVICE_NAME`: OpenTelemetry traces (off by default)
 */
import fs from 'node:fs';
import path from 'node:path';
import { resolveSecrets, supergraphSubgraphs } from '@xiangzhi/deployment';
import { createLogger, startTracing, stopOnSignals } from '@xiangzhi/kernel';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_DEPTH, startGateway } from './gateway';
import { DEFAULT_COST, DEFAULT_MAX_ALIASES, DEFAULT_MAX_TOKENS } from './limits';

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return value;
}

async function main(): Promise<void> {
  const logger = createLogger('gateway');
  const tracing = startTracing({ serviceName: 'gateway' });
  const file = path.resolve(process.env.SUPERGRAPH ?? 'supergraph.graphql');
  if (!fs.existsSync(file)) {
    throw new Error(`超图文件不存在 (supergraph file not found): ${file}; run: npm run xz -- compose --out ${path.relative(process.cwd(), file)}`);
  }
  const supergraphSdl = fs.readFileSync(file, 'utf8');
  const secrets = resolveSecrets({ embedded: false });
  const subgraphUrls: Record<string, string> = {};
  for (const name of Object.keys(supergraphSubgraphs(supergraphSdl))) {
    const override = process.env[`XZ_SUBGRAPH_URL_${name.toUpperCase()}`];
    if (override) subgraphUrls[name] = override;
  }
  const gateway = await startGateway({
    supergraphSdl,
    subgraphUrls,
    port: intFromEnv('PORT', 4000),
    host: process.env.HOST ?? '0.0.0.0',
    jwtSecret: secrets.jwtSecret,
    previousJwtSecret: secrets.previousJwtSecret,
    internalSecret: secrets.internalSecret,
    logger,
    limits: {
      maxDepth: intFromEnv('XZ_MAX_DEPTH', DEFAULT_MAX_DEPTH),
      maxBodyBytes: intFromEnv('XZ_MAX_BODY_BYTES', DEFAULT_MAX_BODY_BYTES),
      maxAliases: intFromEnv('XZ_MAX_ALIASES', DEFAULT_MAX_ALIASES),
      maxTokens: intFromEnv('XZ_MAX_TOKENS', DEFAULT_MAX_TOKENS),
      cost: { maxCost: intFromEnv('XZ_MAX_COST', DEFAULT_COST.maxCost) },
    },
    // trusted documents manifest (production): only its operations run
    trustedDocuments: process.env.XZ_TRUSTED_DOCUMENTS || undefined,
  });
  stopOnSignals(
    async () => {
      await gateway.stop();
      await tracing?.shutdown();
    },
    logger,
    'the gateway',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
