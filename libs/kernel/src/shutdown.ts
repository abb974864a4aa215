import type { Logger } from './logger';

/**
 * Stops a long-running process cleanly on SIGINT/SIGTERM: the first signal runs `stop` (closing
 * servers and databases) and exits 0 (1 if stopping failed); a second signal warns that it is still
 * closing; a third exits at once.
 */
export function stopOnSignals(stop: () => Promise<void>, logger: Logger, what = 'servers and databases'): void {
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals === 2) logger.warn(`still closing ${what}; send the signal again to exit without waiting (data may be lost)`);
    if (signals >= 3) process.exit(1);
    if (signals > 1) return;
    logger.info({ signal }, `shutting down (closing ${what})`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
