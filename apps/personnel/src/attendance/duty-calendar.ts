import type { DutyDay } from '@xiangzhi/personnel-api';
import { villageKindOf } from '../shared/village-kind';

const DAY_MS = 86_400_000;

function utc(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** The `YYYY-MM-DD` date `days` days after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  return new Date(utc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to` (0 when equal, negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/** Every date from `from` to `to`, both included. */
export function datesOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * 工作日 a working day: Monday to Friday. The platform has no holiday calendar yet, so public
 * holidays count as working days and the weekend days worked in their place (调休) as rest days.
 */
export function isWorkday(date: string): boolean {
  const weekday = new Date(utc(date)).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

/** The duty calendar's view of a day in a village, as the attendance policy receives it. */
export function dutyDay(date: string, villageCode: string): DutyDay {
  return { date, workday: isWorkday(date), villageKind: villageKindOf(villageCode) ?? 'VILLAGE' };
}
