import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured logger; `LOG_LEVEL` sets the level (default info; silent under test). */
export function createLogger(name: string): Logger {
  const level = process.env.LOG_LEVEL ?? (process.env.JEST_WORKER_ID ? 'silent' : 'info');
  return pino({ name, level });
}
