import { badInput, isRegionCode, levelOf, RegionLevel, todayInChina } from '@xiangzhi/kernel';

export { requireNotFuture } from '@xiangzhi/kernel';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** BAD_USER_INPUT (rule `VILLAGE_REQUIRED`) unless `code` is a village-level division code. */
export function requireVillageCode(code: string, field = 'villageCode'): void {
  if (!isRegionCode(code) || levelOf(code) !== RegionLevel.VILLAGE) {
    throw badInput(`须为村（社区）级区划代码：${field} = ${code}`, `A village-level division code is required: ${field} = ${code}`, { field, rule: 'VILLAGE_REQUIRED', value: code });
  }
}

/** BAD_USER_INPUT (rule `REGION_CODE`) unless `code` is a 12-digit division code. */
export function requireRegionCode(code: string, field = 'regionCode'): void {
  if (!isRegionCode(code)) {
    throw badInput(`区划代码须为12位数字：${field} = ${code}`, `A division code must be 12 digits: ${field} = ${code}`, { field, rule: 'REGION_CODE', value: code });
  }
}

/** BAD_USER_INPUT (rule `MONTH_FORMAT`) unless `month` is `YYYY-MM`. */
export function requireMonth(month: string, field = 'month'): void {
  if (!MONTH.test(month)) throw badInput(`月份格式须为YYYY-MM：${field} = ${month}`, `A month must be YYYY-MM: ${field} = ${month}`, { field, rule: 'MONTH_FORMAT', value: month });
}

/** BAD_USER_INPUT (rule `MONTH_IN_FUTURE`) when the month lies after the current month in China. */
export function requireMonthNotFuture(month: string, field = 'month'): void {
  requireMonth(month, field);
  const current = todayInChina().slice(0, 7);
  if (month > current) {
    throw badInput(`月份不能晚于本月（${current}）：${field} = ${month}`, `The month cannot be after the current month (${current}): ${field} = ${month}`, { field, rule: 'MONTH_IN_FUTURE', value: month });
  }
}

/** BAD_USER_INPUT (rule `YEAR_NOT_FINISHED`) unless the year ended before today in China. */
export function requireYearFinished(year: number, field = 'year'): void {
  const current = Number(todayInChina().slice(0, 4));
  if (!Number.isInteger(year) || year >= current || year < 2000) {
    throw badInput(`只能评定已结束的年度（今年是${current}年）：${field} = ${year}`, `Only a finished year can be rated (this is ${current}): ${field} = ${year}`, { field, rule: 'YEAR_NOT_FINISHED', value: year });
  }
}

/** The 12-digit county code of a region code. */
export function countyCodeOf(code: string): string {
  return `${code.slice(0, 6)}000000`;
}

/** `YYYY-MM-DD` plus `days`. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The level a practice station at a region must have: 县中心, 乡镇所, 村站. */
export function stationLevelFor(code: string): 'CENTRE' | 'INSTITUTE' | 'STATION' | null {
  switch (levelOf(code)) {
    case RegionLevel.COUNTY:
      return 'CENTRE';
    case RegionLevel.TOWNSHIP:
      return 'INSTITUTE';
    case RegionLevel.VILLAGE:
      return 'STATION';
    default:
      return null;
  }
}
