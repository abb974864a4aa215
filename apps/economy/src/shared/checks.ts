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
