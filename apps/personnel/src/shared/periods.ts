/** Periods of personnel records (months, quarters, years) as ranges of `YYYY-MM-DD` days, both ends included. */

/** The days of a month (`YYYY-MM`) as a period. */
export function monthPeriod(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The days of a year as a period. */
export function yearPeriod(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The days of a period `YYYY-MM`, `YYYY-Qn` or `YYYY` (an appraisal period, a payroll month). */
export function periodDays(period: string): { from: string; to: string } {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    const first = (Number(quarter[2]) - 1) * 3 + 1;
    return { from: monthPeriod(`${quarter[1]}-${String(first).padStart(2, '0')}`).from, to: monthPeriod(`${quarter[1]}-${String(first + 2).padStart(2, '0')}`).to };
  }
  if (/^\d{4}-\d{2}$/.test(period)) return monthPeriod(period);
  return yearPeriod(Number(period.slice(0, 4)));
}
