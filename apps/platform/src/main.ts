/**
 * `npm start` (= `npm run build && node apps/platform/dist/main.js`): the whole platform in one process.
 *
 * Environment: `XZ_DEPLOYMENT` (deployment file, default deploy/xiangzhi.yaml), `PORT` (gateway port,
 * default 4000), `HOST` (default 127.0.0.1), `XZ_DATA_DIR` (PGlite data folders, default .data),
 * `DATABASE_URL` / `DATABASE_URL_<SUBGRAPH>` (PostgreSQL instead of PGlite), `XZ_JWT_SECRET` and
 * `XZ_INTERNAL_SECRET` (development defaults when unset, refused with NODE_ENV=production),
 * `XZ_SEED=false` (skip the demo data), `LOG_LEVEL` (default info), `LOG_FORMAT=json` (JSON log lines).
 */
import { createReadableLogger } from '@xiangzhi/deployment';
import { banner, bootPlatform } from './platform';

async function main(): Promise<void> {
  const logger = createReadableLogger('platform', { write: (text) => void process.stderr.write(text), withTime: true });
  const started = Date.now();
  const platform = await bootPlatform({ logger, seed: process.env.XZ_SEED !== 'false' });
  logger.info({ ms: Date.now() - started }, 'platform ready');
  process.stdout.write(banner(platform));
  let signals = 0;
  const shutdown = (signal: string) => {
    signals += 1;
    if (signals === 2) logger.warn('still closing the databases; press Ctrl+C again to exit without waiting (data may be lost)');
    if (signals >= 3) process.exit(1);
    if (signals > 1) return;
    logger.info({ signal }, 'shutting down (closing databases)');
    platform.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
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
