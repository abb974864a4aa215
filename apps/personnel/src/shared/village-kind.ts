/** 村（社区）类别 what kind of village a division code names. */
export type VillageKind = 'COMMUNITY' | 'VILLAGE';

/**
 * 社区 or 行政村 from the village part (last three digits) of a division code: 001–199 residents'
 * committees (communities), 200–399 villagers' committees; null for anything else.
 */
export function villageKindOf(villageCode: string): VillageKind | null {
  const part = Number(villageCode.slice(9));
  if (part >= 1 && part <= 199) return 'COMMUNITY';
  if (part >= 200 && part <= 399) return 'VILLAGE';
  return null;
}
