import { badInput, type RequestContext, type WorkCalendar } from '@xiangzhi/kernel';
import type { AttendancePolicy } from '@xiangzhi/personnel-api';
import { PersonnelAccess } from '../shared/access';
import { requireVillageCode } from '../shared/checks';
import { LeaveStatus } from './attendance.entity';
import { attendancePolicyFor } from './attendance.service';
import { DutyCoverageReport, DutyShortfall, UncoveredDay } from './attendance.types';
import { datesOf, daysBetween, dutyDay } from './duty-calendar';

/** The longest period one report covers. */
export const MAX_COVERAGE_DAYS = 366;

/** Hours a cadre checked in on a day (all check-ins summed). */
export interface DayHours {
  cadreId: string;
  date: string;
  hours: number;
}

/** Approved leave as far as duty is concerned: the days from `from` to `to` (both included). */
export interface LeaveSpan {
  cadreId: string;
  from: string;
  to: string;
}

/** A cadre holding a full-time post of the village, since the day their current holding began. */
export interface DutyHolder {
  cadreId: string;
  /** `YYYY-MM-DD`; null when the holding's start is unknown (counted from the first day). */
  since: string | null;
}

export interface CoverageFacts {
  villageCode: string;
  from: string;
  to: string;
  policy: AttendancePolicy;
  /** The work calendar (national holidays, 调休, the county's own days). */
  calendar: WorkCalendar;
  holders: DutyHolder[];
  checkIns: DayHours[];
  leaves: LeaveSpan[];
}

/**
 * 坐班情况 compares the duty recorded in a village with its county's attendance policy, day by day:
 * - every holder of a full-time post (from the start of their holding) owes `requiredHours(day)`;
 *   a day below it is a shortfall unless the cadre is on approved leave that day;
 * - every rest day (weekend or public holiday by the work calendar) needs `restDayCoverage(day)`
 *   distinct cadres checked in; fewer is an uncovered day.
 */
export function computeDutyCoverage(f: CoverageFacts): { shortfalls: DutyShortfall[]; uncoveredRestDays: UncoveredDay[] } {
  const hours = new Map<string, number>();
  const onDuty = new Map<string, Set<string>>();
  for (const c of f.checkIns) {
    const key = `${c.cadreId}|${c.date}`;
    hours.set(key, (hours.get(key) ?? 0) + c.hours);
    if (c.hours > 0) {
      const cadres = onDuty.get(c.date) ?? new Set<string>();
      cadres.add(c.cadreId);
      onDuty.set(c.date, cadres);
    }
  }
  const leavesOf = new Map<string, LeaveSpan[]>();
  for (const l of f.leaves) leavesOf.set(l.cadreId, [...(leavesOf.get(l.cadreId) ?? []), l]);
  const onLeave = (cadreId: string, date: string) => (leavesOf.get(cadreId) ?? []).some((l) => l.from <= date && date <= l.to);

  const shortfalls: DutyShortfall[] = [];
  const uncoveredRestDays: UncoveredDay[] = [];
  for (const date of datesOf(f.from, f.to)) {
    const day = dutyDay(f.calendar, date, f.villageCode);
    const required = f.policy.requiredHours(day);
    if (required > 0) {
      for (const holder of f.holders) {
        if (holder.since !== null && date < holder.since) continue;
        const worked = Math.round((hours.get(`${holder.cadreId}|${date}`) ?? 0) * 100) / 100;
        if (worked < required && !onLeave(holder.cadreId, date)) {
          shortfalls.push(Object.assign(new DutyShortfall(), { date, cadreId: holder.cadreId, requiredHours: required, hours: worked }));
        }
      }
    }
    if (!day.workday) {
      const needed = f.policy.restDayCoverage(day);
      const present = onDuty.get(date)?.size ?? 0;
      if (needed > present) uncoveredRestDays.push(Object.assign(new UncoveredDay(), { date, required: needed, onDuty: present }));
    }
  }
  return { shortfalls, uncoveredRestDays };
}

/**
 * 坐班情况 a village's duty coverage from `from` to `to` under its county's attendance policy. Reads
 * the check-ins, the approved leave and the full-time post holders once each, whatever the length of
 * the period (at most 366 days).
 */
export async function dutyCoverage(ctx: RequestContext, villageCode: string, from: string, to: string): Promise<DutyCoverageReport> {
  requireVillageCode(villageCode);
  if (from > to) throw badInput(`开始日期（${from}）不能晚于结束日期（${to}）`, `From (${from}) cannot be after To (${to})`, { field: 'from' });
  if (daysBetween(from, to) + 1 > MAX_COVERAGE_DAYS) {
    throw badInput(`统计期间不能超过${MAX_COVERAGE_DAYS}天`, `The period cannot exceed ${MAX_COVERAGE_DAYS} days`, { field: 'to' });
  }
  PersonnelAccess.of(ctx).requireVisible(villageCode);
  const calendar = ctx.policies.calendar;
  // both ends must lie in years the work calendar knows (no silent Monday–Friday fallback)
  calendar.year(Number(from.slice(0, 4)), 'from');
  calendar.year(Number(to.slice(0, 4)), 'to');
  const { policy, source } = attendancePolicyFor(ctx, villageCode);
  const ds = ctx.dataSource;
  const checkIns = (await ds.query(
    `SELECT cadre_id AS "cadreId", to_char(duty_date, 'YYYY-MM-DD') AS date, sum(hours)::float8 AS hours
       FROM duty_check_in WHERE village_code = $1 AND duty_date BETWEEN $2 AND $3
      GROUP BY cadre_id, duty_date`,
    [villageCode, from, to],
  )) as DayHours[];
  const leaves = (await ds.query(
    `SELECT cadre_id AS "cadreId", to_char(from_date, 'YYYY-MM-DD') AS "from",
            to_char(CASE WHEN status = $4 THEN LEAST(to_date, reported_back_on) ELSE to_date END, 'YYYY-MM-DD') AS "to"
       FROM leave_request
      WHERE village_code = $1 AND status IN ($4, $5) AND from_date <= $3 AND to_date >= $2`,
    [villageCode, from, to, LeaveStatus.REPORTED_BACK, LeaveStatus.APPROVED],
  )) as LeaveSpan[];
  const holders = (await ds.query(
    `SELECT p.holder_id AS "cadreId", to_char(min(pa.start_date), 'YYYY-MM-DD') AS since, min(c.name) AS name
       FROM post p
       JOIN cadre c ON c.id = p.holder_id AND c.status = 'ACTIVE'
       LEFT JOIN post_assignment pa ON pa.post_id = p.id AND pa.cadre_id = p.holder_id AND pa.end_date IS NULL
      WHERE p.village_code = $1 AND p.full_time AND p.active
      GROUP BY p.holder_id`,
    [villageCode],
  )) as (DutyHolder & { name: string })[];
  // by name then id, in code-point order (the same on every database collation)
  holders.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.cadreId < b.cadreId ? -1 : a.cadreId > b.cadreId ? 1 : 0));
  const { shortfalls, uncoveredRestDays } = computeDutyCoverage({
    villageCode,
    from,
    to,
    policy,
    calendar,
    holders,
    checkIns: checkIns.map((c) => ({ ...c, hours: Number(c.hours) })),
    leaves,
  });
  return Object.assign(new DutyCoverageReport(), { villageCode, from, to, policy: source, daysBelowRequired: shortfalls.length, shortfalls, uncoveredRestDays });
}
