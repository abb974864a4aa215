import { XzError } from '../errors';
import { STATUTORY_HOLIDAYS } from './statutory';
import { WorkCalendar } from './work-calendar';

/** Every day off and every weekend day worked of each year's notice, written out day by day. */
const EXPECTED: Record<number, { off: string[]; worked: string[] }> = {
  2024: {
    off: [
      '01-01',
      '02-10', '02-11', '02-12', '02-13', '02-14', '02-15', '02-16', '02-17',
      '04-04', '04-05', '04-06',
      '05-01', '05-02', '05-03', '05-04', '05-05',
      '06-10',
      '09-15', '09-16', '09-17',
      '10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07',
    ],
    worked: ['02-04', '02-18', '04-07', '04-28', '05-11', '09-14', '09-29', '10-12'],
  },
  2025: {
    off: [
      '01-01',
      '01-28', '01-29', '01-30', '01-31', '02-01', '02-02', '02-03', '02-04',
      '04-04', '04-05', '04-06',
      '05-01', '05-02', '05-03', '05-04', '05-05',
      '05-31', '06-01', '06-02',
      '10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07', '10-08',
    ],
    worked: ['01-26', '02-08', '04-27', '09-28', '10-11'],
  },
  2026: {
    off: [
      '01-01', '01-02', '01-03',
      '02-15', '02-16', '02-17', '02-18', '02-19', '02-20', '02-21', '02-22', '02-23',
      '04-04', '04-05', '04-06',
      '05-01', '05-02', '05-03', '05-04', '05-05',
      '06-19', '06-20', '06-21',
      '09-25', '09-26', '09-27',
      '10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07',
    ],
    worked: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
  },
  // provisional: the 13 statutory days only, until the notice on 2027 is entered
  2027: {
    off: ['01-01', '02-05', '02-06', '02-07', '02-08', '04-05', '05-01', '05-02', '06-09', '09-15', '10-01', '10-02', '10-03'],
    worked: [],
  },
};

const calendar = new WorkCalendar();

function everyDay(year: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t <= Date.UTC(year, 11, 31); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

describe('WorkCalendar: the statutory data', () => {
  it.each([2024, 2025, 2026, 2027])('%i: every day off and every weekend day worked is as the notice says, every other day is Monday–Friday', (year) => {
    const off = new Set(EXPECTED[year].off.map((d) => `${year}-${d}`));
    const worked = new Set(EXPECTED[year].worked.map((d) => `${year}-${d}`));
    for (const date of everyDay(year)) {
      const day = calendar.day(date);
      const expected = off.has(date) ? false : worked.has(date) ? true : !isWeekend(date);
      expect({ date, workday: day.workday }).toEqual({ date, workday: expected });
      expect({ date, holiday: day.holiday !== null }).toEqual({ date, holiday: off.has(date) });
      expect({ date, adjusted: day.adjustedWorkday }).toEqual({ date, adjusted: worked.has(date) });
    }
  });

  it('every weekend day worked is a Saturday or Sunday, and every break is within its year', () => {
    for (const y of STATUTORY_HOLIDAYS) {
      for (const b of y.breaks) {
        expect(b.from.slice(0, 4)).toBe(String(y.year));
        expect(b.to >= b.from).toBe(true);
        for (const w of b.workdays) expect({ w, weekend: isWeekend(w) }).toEqual({ w, weekend: true });
      }
    }
  });

  it('2025 onward has the 13 statutory days of the amended regulations: the weekdays off equal 13 plus the weekend days worked, less the statutory days falling on a weekend without make-up', () => {
    // 2025 and 2026: every statutory day on a weekend was made up, so the weekdays off are 13 + days worked
    for (const year of [2025, 2026]) {
      const weekdaysOff = EXPECTED[year].off.filter((d) => !isWeekend(`${year}-${d}`)).length;
      expect({ year, weekdaysOff }).toEqual({ year, weekdaysOff: 13 + EXPECTED[year].worked.length });
    }
    expect(EXPECTED[2027].off).toHaveLength(13);
  });

  it('2026-10-01 is National Day, not a working day; 2026-10-10 (Saturday) is worked; 2026-09-25 is the Mid-Autumn Festival', () => {
    expect(calendar.day('2026-10-01')).toMatchObject({ workday: false, holiday: { zh: '国庆节', en: 'National Day' } });
    expect(calendar.day('2026-10-10')).toMatchObject({ workday: true, holiday: null, adjustedWorkday: true });
    expect(calendar.day('2026-09-25')).toMatchObject({ workday: false, holiday: { zh: '中秋节' } });
    expect(calendar.day('2026-10-09')).toMatchObject({ workday: true, adjustedWorkday: false });
    expect(calendar.year(2027).provisional).toBe(true);
    expect(calendar.year(2026).provisional).toBe(false);
  });

  it('refuses a year without data with a bilingual BAD_USER_INPUT naming the year, instead of falling back to Monday–Friday', () => {
    let error: unknown;
    try {
      calendar.day('2023-10-02');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(XzError);
    const e = error as XzError;
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'CALENDAR_YEAR_UNKNOWN', value: 2023, field: 'date' });
    expect(e.message).toMatch(/^工作日历没有2023年的节假日数据.*The work calendar has no holiday data for 2023/s);
    expect(() => calendar.daysOf(2028)).toThrow(/2028/);
    expect(calendar.knownYears()).toEqual([2024, 2025, 2026, 2027]);
  });

  it("a county's own days override the national ones for that county only", () => {
    const own = new WorkCalendar({
      '433130': { holidays: [{ date: '2026-04-20', zh: '土家族舍巴日', en: 'Tujia Sheba Day' }], workdays: [{ date: '2026-10-07' }] },
    });
    expect(own.day('2026-04-20', '433130101200')).toMatchObject({ workday: false, holiday: { zh: '土家族舍巴日' }, countyOverride: true });
    expect(own.day('2026-04-20', '321311001200')).toMatchObject({ workday: true, holiday: null, countyOverride: false });
    expect(own.isWorkday('2026-10-07', '433130000000')).toBe(true);
    expect(own.isWorkday('2026-10-07', '321311000000')).toBe(false);
    expect(own.isWorkday('2026-10-07')).toBe(false);
  });

  it('counts deadlines in working days across a holiday break and a weekend day worked', () => {
    // 2026-09-30 (Wed) + 1 working day: 10-01..10-07 off, 10-08 (Thu)
    expect(calendar.addWorkdays('2026-09-30', 1)).toBe('2026-10-08');
    // 2026-10-09 (Fri) + 1: 10-10 (Saturday worked)
    expect(calendar.addWorkdays('2026-10-09', 1)).toBe('2026-10-10');
  });
});
