import type { WorkCalendar } from '@xiangzhi/kernel';
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
 * The duty calendar's view of a day in a village, as the attendance policy receives it: a working day
 * or a rest day by the county's work calendar (public holidays and 调休 included; the county's own
 * days from the deployment config on top). Refused for a year the calendar has no data for.
 */
export function dutyDay(calendar: WorkCalendar, date: string, villageCode: string, field = 'date'): DutyDay {
  const day = calendar.day(date, villageCode, field);
  return { date, workday: day.workday, holiday: day.holiday, villageKind: villageKindOf(villageCode) ?? 'VILLAGE' };
}
