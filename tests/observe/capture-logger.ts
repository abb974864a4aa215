import pino from 'pino';
import type { Logger } from '@xiangzhi/kernel';

/** One pino record as JSON. */
export type LogLine = Record<string, unknown> & { msg?: string; level?: number };

/** A pino logger at info whose records land in `lines` (parsed), for specs that read the logs. */
export function captureLogger(level = 'info'): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = pino({ level }, { write: (text: string) => void lines.push(JSON.parse(text) as LogLine) });
  return { logger, lines };
}
