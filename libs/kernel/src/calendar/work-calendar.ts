import { badInput } from '../errors';
import { HOLIDAY_TITLES, STATUTORY_HOLIDAYS, type StatutoryYear } from './statutory';

/** A county's own days in the deployment config (`counties.<code>.calendar`). */
export interface CountyCalendarOverride {
  /** Extra days off, e.g. a county's ethnic holiday. */
  holidays?: { date: string; zh: string; en: string }[];
  /** Extra working days (e.g. a weekend day worked under a county arrangement, or a make-up day not yet in the data). */
  workdays?: { date: string; zh?: string; en?: string }[];
}

/** County (6 digits) → its own days. */
export type CalendarOverrides = Record<string, CountyCalendarOverride>;

/** What the calendar says about one day in one county. */
export interface CalendarDay {
  /** `YYYY-MM-DD` */
  date: string;
  /** 工作日: Monday–Friday that is not a holiday, or a weekend day worked (调休上班). */
  workday: boolean;
  /** 节假日 the holiday the day belongs to, or null. */
  holiday: { zh: string; en: string } | null;
  /** 调休上班 a Saturday or Sunday worked in place of a holiday day. */
  adjustedWorkday: boolean;
  /** Whether the county's own days (deployment config) decided it. */
  countyOverride: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

function addDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

interface Entry {
  holiday: { zh: string; en: string } | null;
  workday: boolean;
}

/**
 * 工作日历 the national holidays and adjusted working days (statutory data per year, see
 * `STATUTORY_HOLIDAYS`) with each county's own days on top. A date in a year without data is refused
 * (BAD_USER_INPUT, rule `CALENDAR_YEAR_UNKNOWN`): the platform never silently falls back to Monday–Friday.
 */
export class WorkCalendar {
  private readonly national = new Map<string, Entry>();
  private readonly years = new Map<number, StatutoryYear>();
  private readonly counties = new Map<string, Map<string, Entry>>();

  constructor(overrides: CalendarOverrides = {}, data: readonly StatutoryYear[] = STATUTORY_HOLIDAYS) {
    for (const y of data) {
      this.years.set(y.year, y);
      for (const b of y.breaks) {
        for (let d = b.from; d <= b.to; d = addDay(d)) this.national.set(d, { holiday: HOLIDAY_TITLES[b.name], workday: false });
        for (const w of b.workdays) this.national.set(w, { holiday: null, workday: true });
      }
    }
    for (const [county, own] of Object.entries(overrides)) {
      const days = new Map<string, Entry>();
      for (const h of own.holidays ?? []) days.set(h.date, { holiday: { zh: h.zh, en: h.en }, workday: false });
      for (const w of own.workdays ?? []) days.set(w.date, { holiday: null, workday: true });
      this.counties.set(county.slice(0, 6), days);
    }
  }

  /** Years with data (ascending). */
  knownYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  /** The statutory data of a year; BAD_USER_INPUT (`CALENDAR_YEAR_UNKNOWN`) when the platform has none. */
  year(year: number, field = 'year'): StatutoryYear {
    const found = this.years.get(year);
    if (!found) {
      const known = this.knownYears().join('、');
      throw badInput(
        `工作日历没有${year}年的节假日数据（已有：${known}），无法判断工作日`,
        `The work calendar has no holiday data for ${year} (known: ${this.knownYears().join(', ')}); working days cannot be decided`,
        { field, rule: 'CALENDAR_YEAR_UNKNOWN', value: year },
      );
    }
    return found;
  }

  /**
   * The day `date` in the county of `regionCode` (any code of the county; null: national days only).
   * A county's own days win over the national ones.
   */
  day(date: string, regionCode: string | null = null, field = 'date'): CalendarDay {
    if (!DATE.test(date)) throw badInput(`日期格式应为 YYYY-MM-DD：${date}`, `A date must be YYYY-MM-DD: ${date}`, { field, value: date });
    this.year(Number(date.slice(0, 4)), field);
    const own = regionCode ? this.counties.get(regionCode.slice(0, 6))?.get(date) : undefined;
    const entry = own ?? this.national.get(date);
    const weekend = weekday(date) === 0 || weekday(date) === 6;
    if (!entry) return { date, workday: !weekend, holiday: null, adjustedWorkday: false, countyOverride: false };
    return { date, workday: entry.workday, holiday: entry.holiday, adjustedWorkday: entry.workday && weekend, countyOverride: own !== undefined };
  }

  /** Whether `date` is a working day in the county of `regionCode`. */
  isWorkday(date: string, regionCode: string | null = null): boolean {
    return this.day(date, regionCode).workday;
  }

  /** Every day of a year in a county (refused for a year without data). */
  daysOf(year: number, regionCode: string | null = null): CalendarDay[] {
    this.year(year);
    const out: CalendarDay[] = [];
    for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDay(d)) out.push(this.day(d, regionCode));
    return out;
  }

  /** The `n`-th working day after `date` (n ≥ 1), for deadlines counted in working days. */
  addWorkdays(date: string, n: number, regionCode: string | null = null): string {
    let d = date;
    for (let left = n; left > 0; ) {
      d = addDay(d);
      if (this.isWorkday(d, regionCode)) left -= 1;
    }
    return d;
  }
}

/** The calendar with national data only (no county days). */
export const NATIONAL_CALENDAR = new WorkCalendar();
