import { badInput, isRegionCode, levelOf, RegionLevel } from '@xiangzhi/kernel';

export { requireNotFuture } from '@xiangzhi/kernel';

/** BAD_USER_INPUT unless `code` is a village-level division code (12 digits, last three not 000). */
export function requireVillageCode(code: string, field = 'villageCode'): void {
  if (!isRegionCode(code) || levelOf(code) !== RegionLevel.VILLAGE) {
    throw badInput(`须为村（社区）级区划代码：${field} = ${code}`, `A village-level division code is required: ${field} = ${code}`, { field, rule: 'VILLAGE_CODE', value: code });
  }
}

/** The county of a village code. */
export function countyOfVillage(code: string): string {
  return `${code.slice(0, 6)}000000`;
}

/** The township of a village code. */
export function townshipOfVillage(code: string): string {
  return `${code.slice(0, 9)}000`;
}

/**
 * BAD_USER_INPUT when the date `value` of `field` (YYYY-MM-DD) is before `earliest`, naming the earliest
 * date, the field, the rule and the value: `message` is the lead of the sentence in each language, e.g.
 * `{ zh: '答复日期早于提出日期', en: 'The answer predates the objection' }` gives
 * `答复日期早于提出日期（2026-03-02）：input.answeredOn = 2026-03-01`.
 */
export function requireNotBefore(value: string, earliest: string, field: string, rule: string, message: { zh: string; en: string }): void {
  if (value < earliest) {
    throw badInput(`${message.zh}（${earliest}）：${field} = ${value}`, `${message.en} (${earliest}): ${field} = ${value}`, { field, rule, value });
  }
}
