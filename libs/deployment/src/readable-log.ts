import pino from 'pino';
import type { Logger } from '@xiangzhi/kernel';

const LEVEL_NAMES: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
const HIDDEN_FIELDS = new Set(['level', 'time', 'pid', 'hostname', 'msg']);

/** One readable line for a pino JSON record: `12:00:01 warn  optional subgraph skipped  subgraph=personnel …`. */
export function readableLogLine(json: string, withTime = false, loggerName?: string): string {
  try {
    const record = JSON.parse(json) as Record<string, unknown>;
    const fields = Object.entries(record)
      .filter(([k, v]) => !HIDDEN_FIELDS.has(k) && !(k === 'name' && v === loggerName))
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
    const time = withTime && typeof record.time === 'number' ? `${new Date(record.time).toTimeString().slice(0, 8)} ` : '';
    const level = (LEVEL_NAMES[Number(record.level)] ?? 'log').padEnd(5);
    return `${time}${level} ${String(record.msg ?? '').replace(/\s*\n\s*/g, ' ')}${fields.length ? `  ${fields.join(' ')}` : ''}\n`;
  } catch {
    return `${json}\n`;
  }
}

/**
 * A pino logger writing one readable line per record (for people at a terminal: `xz`, `npm start`).
 * `LOG_FORMAT=json` keeps pino's JSON lines (for log collectors); `LOG_LEVEL` sets the level.
 */
export function createReadableLogger(
  name: string,
  options: { level?: string; write: (text: string) => void; withTime?: boolean; env?: NodeJS.ProcessEnv },
): Logger {
  const env = options.env ?? process.env;
  const level = options.level ?? env.LOG_LEVEL ?? (env.JEST_WORKER_ID ? 'silent' : 'info');
  const json = env.LOG_FORMAT === 'json';
  return pino({ name, level }, { write: (line: string) => options.write(json ? line : readableLogLine(line.trimEnd(), options.withTime, name)) });
}
