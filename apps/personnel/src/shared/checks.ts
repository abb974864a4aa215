import { badInput, isRegionCode, levelOf, RegionLevel, todayInChina } from '@xiangzhi/kernel';

/** BAD_USER_INPUT unless `code` is a village-level division code (12 digits, last three not 000). */
export function requireVillageCode(code: string, field = 'villageCode'): void {
  if (!isRegionCode(code) || levelOf(code) !== RegionLevel.VILLAGE) {
    throw badInput(`须为村（社区）级区划代码：${code}`, `A village-level division code is required: ${code}`, { field });
  }
}

/** BAD_USER_INPUT when `date` (`YYYY-MM-DD`) lies after today in China. */
export function requireNotFuture(date: string, field: string, what: { zh: string; en: string } = { zh: '日期', en: 'date' }): void {
  const today = todayInChina();
  if (date > today) throw badInput(`${what.zh}不能晚于今天（${today}）：${date}`, `The ${what.en} cannot be in the future (today is ${today}): ${date}`, { field });
}
