import { badInput } from './errors';

/** 行政层级 administrative level of a 12-digit statistical division code. */
export enum RegionLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
  VILLAGE = 'VILLAGE',
}

const CODE_PATTERN = /^\d{12}$/;

/** Significant prefix length for each level (province 2, city 4, county 6, township 9, village 12). */
export const PREFIX_LENGTH: Record<RegionLevel, number> = {
  [RegionLevel.PROVINCE]: 2,
  [RegionLevel.CITY]: 4,
  [RegionLevel.COUNTY]: 6,
  [RegionLevel.TOWNSHIP]: 9,
  [RegionLevel.VILLAGE]: 12,
};

export function isRegionCode(code: string): boolean {
  return CODE_PATTERN.test(code) && code.slice(0, 2) !== '00';
}

/** Throws BAD_USER_INPUT unless `code` is a well-formed 12-digit division code. */
export function assertRegionCode(code: string, field = 'code'): void {
  if (!isRegionCode(code)) {
    throw badInput(
      `区划代码必须是12位数字：${code}`,
      `A division code must be 12 digits: ${code}`,
      { field },
    );
  }
}

/** The level a code denotes, read from which trailing groups are zero. */
export function levelOf(code: string): RegionLevel {
  assertRegionCode(code);
  if (code.slice(9) !== '000') return RegionLevel.VILLAGE;
  if (code.slice(6, 9) !== '000') return RegionLevel.TOWNSHIP;
  if (code.slice(4, 6) !== '00') return RegionLevel.COUNTY;
  if (code.slice(2, 4) !== '00') return RegionLevel.CITY;
  return RegionLevel.PROVINCE;
}

/** The significant prefix of a code: every region inside it starts with this prefix. */
export function regionPrefix(code: string): string {
  return code.slice(0, PREFIX_LENGTH[levelOf(code)]);
}

/** True when `code` lies inside (or is) the region `scopeCode`. */
export function isWithin(code: string, scopeCode: string): boolean {
  return code.startsWith(regionPrefix(scopeCode));
}

/** The 12-digit code of the county that contains `code`, or null above county level. */
export function countyOf(code: string): string | null {
  const level = levelOf(code);
  if (level === RegionLevel.PROVINCE || level === RegionLevel.CITY) return null;
  return `${code.slice(0, 6)}000000`;
}

/** The parent code one level up (village → township → county → city → province). */
export function parentCodeOf(code: string): string | null {
  const level = levelOf(code);
  switch (level) {
    case RegionLevel.VILLAGE:
      return `${code.slice(0, 9)}000`;
    case RegionLevel.TOWNSHIP:
      return `${code.slice(0, 6)}000000`;
    case RegionLevel.COUNTY:
      return `${code.slice(0, 4)}00000000`;
    case RegionLevel.CITY:
      return `${code.slice(0, 2)}0000000000`;
    default:
      return null;
  }
}

/** The level directly below `level`, or null for villages. */
export function childLevelOf(level: RegionLevel): RegionLevel | null {
  const order = [RegionLevel.PROVINCE, RegionLevel.CITY, RegionLevel.COUNTY, RegionLevel.TOWNSHIP, RegionLevel.VILLAGE];
  return order[order.indexOf(level) + 1] ?? null;
}
