import type { Actor } from './actor';
import { isWithin, regionPrefix } from './region-code';
import { todayInChina } from './data-source';
import { badInput } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a UUID (ids that are not are NOT_FOUND, never a database error). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The SQLSTATE of a database error, however deep TypeORM wrapped it (undefined for any other error). */
export function sqlStateOf(error: unknown): string | undefined {
  let cur: unknown = error;
  for (let depth = 0; cur && typeof cur === 'object' && depth < 4; depth += 1) {
    const c = cur as { code?: unknown; driverError?: unknown };
    if (typeof c.code === 'string' && /^([0-9][0-9A-Z]|F0|HV|P0|XX)[0-9A-Z]{3}$/.test(c.code)) return c.code;
    cur = c.driverError;
  }
  return undefined;
}

/** Whether a database error (however deep TypeORM wrapped it) is PostgreSQL's unique violation (23505). */
export function isUniqueViolation(error: unknown): boolean {
  return sqlStateOf(error) === '23505';
}

/**
 * The region-code prefix a list or report under `regionCode` covers for an actor: the region's own
 * when it lies in the actor's scope, the scope's when the scope lies inside the region (a township
 * officer listing their county sees their township), null when the two do not meet.
 */
export function scopedPrefix(actor: Actor, regionCode: string): string | null {
  if (isWithin(regionCode, actor.scope)) return regionPrefix(regionCode);
  if (isWithin(actor.scope, regionCode)) return regionPrefix(actor.scope);
  return null;
}

/** BAD_USER_INPUT (rule `DATE_IN_FUTURE`) when `date` (`YYYY-MM-DD`) lies after today in China: the act must already have happened. */
export function requireNotFuture(date: string, field: string, what: { zh: string; en: string } = { zh: '日期', en: 'date' }): void {
  const today = todayInChina();
  if (date > today) {
    throw badInput(`${what.zh}不能晚于今天（${today}）：${field} = ${date}`, `The ${what.en} cannot be in the future (today is ${today}): ${field} = ${date}`, {
      field,
      rule: 'DATE_IN_FUTURE',
      value: date,
    });
  }
}
