import { badInput, isRegionCode, levelOf, RegionLevel, todayInChina } from '@xiangzhi/kernel';
import { periodDays } from './periods';

/** BAD_USER_INPUT unless `code` is a village-level division code (12 digits, last three not 000). */
export function requireVillageCode(code: string, field = 'villageCode'): void {
  if (!isRegionCode(code) || levelOf(code) !== RegionLevel.VILLAGE) {
    throw badInput(`须为村（社区）级区划代码：${code}`, `A village-level division code is required: ${code}`, { field });
  }
}

/** The kernel's future-date check, used by every personnel act that must already have happened. */
export { requireNotFuture } from '@xiangzhi/kernel';

/** BAD_USER_INPUT (rule `MONTH_IN_FUTURE`) when the month `YYYY-MM` is after the current month in China (a payroll is for a month that has begun). */
export function requireMonthNotFuture(month: string, field = 'month'): void {
  const current = todayInChina().slice(0, 7);
  if (month > current) {
    throw badInput(`月份不能晚于本月（${current}）：${field} = ${month}`, `The month cannot be after the current month (${current}): ${field} = ${month}`, {
      field,
      rule: 'MONTH_IN_FUTURE',
      value: month,
    });
  }
}

/** BAD_USER_INPUT (rule `PERIOD_NOT_ENDED`) unless the period (`YYYY`, `YYYY-Qn`, `YYYY-MM`) ended before today in China. */
export function requirePeriodEnded(period: string, field = 'period'): void {
  const today = todayInChina();
  const last = periodDays(period).to;
  if (last >= today) {
    throw badInput(`考核期间尚未结束（至${last}，今天是${today}）：${field} = ${period}`, `The period has not ended yet (it runs to ${last}; today is ${today}): ${field} = ${period}`, {
      field,
      rule: 'PERIOD_NOT_ENDED',
      value: period,
    });
  }
}
