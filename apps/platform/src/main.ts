/**
 * `npm start` (= `npm run build && node apps/platform/dist/main.js`): the whole platform in one process.
 *
 * Environment: `XZ_DEPLOYMENT` (deployment file, default deploy/xiangzhi.yaml), `PORT` (gateway port,
 * default 4000), `HOST` (default 127.0.0.1), `XZ_DATA_DIR` (PGlite data folders, default .data),
 * `DATABASE_URL` / `DATABASE_URL_<SUBGRAPH>` (PostgreSQL instead of PGlite), `XZ_JWT_SECRET` and
 * `XZ_INTERNAL_SECRET` (development defaults when unset, refused with NODE_ENV=production),
 * `XZ_SEED=false` (skip the demo data), `LOG_LEVEL` (default info), `LOG_FORMAT=json` (JSON log lines),
 * `OTEL_TRACES_EXPORTER=otlp` / `OTEL_EXPORTER_OTLP_ENDPOINT` (OpenTelemetry traces; off by default).
 */
import { createReadableLogger } from '@xiangzhi/deployment';
import { startTracing, stopOnSignals } from '@xiangzhi/kernel';
import { banner, bootPlatform } from './platform';

async function main(): Promise<void> {
  const logger = createReadableLogger('platform', { write: (text) => void process.stderr.write(text), withTime: true });
  const tracing = startTracing({ serviceName: 'xiangzhi' });
  const started = Date.now();
  const platform = await bootPlatform({ logger, seed: process.env.XZ_SEED !== 'false' });
  logger.info({ ms: Date.now() - started }, 'platform ready');
  process.stdout.write(banner(platform));
  stopOnSignals(
    async () => {
      await platform.stop();
      await tracing?.shutdown();
    },
    logger,
    'the databases',
  );
}

main().catch((error: unknown) => {
  const err = error as NodeJS.ErrnoException & { port?: number };
  const message =
    err?.code === 'EADDRINUSE'
      ? `端口 ${err.port ?? ''} 已被占用 (port ${err.port ?? ''} is already in use: stop the other process or set PORT=…)`
      : error instanceof Error
        ? error.message
        : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
