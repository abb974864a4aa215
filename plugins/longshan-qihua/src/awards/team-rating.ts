/** A village's standing in the year: the average of its cadres' final annual appraisal totals. */
export interface VillageAverage {
  villageCode: string;
  /** Rounded to two decimals. */
  average: number;
  /** Cadres whose final annual appraisal counted. */
  cadres: number;
}

export interface RankedVillage extends VillageAverage {
  /** 1 = best. */
  rank: number;
  firstClass: boolean;
}

/**
 * 一类班子名额 how many of `rated` village teams are named 一类班子: `share` of them rounded down (seed:
 * 每年按10%的比例评选), but at least `minimum` when any village is rated, and never more than are rated.
 */
export function firstClassQuota(rated: number, share: number, minimum: number): number {
  if (rated <= 0) return 0;
  // a small epsilon keeps e.g. 0.29 × 100 (28.999…) at 29
  const byShare = Math.floor(rated * share + 1e-9);
  return Math.min(rated, Math.max(minimum, byShare));
}

/**
 * 评选一类班子 ranks the county's village teams by average, best first (equal averages in village-code
 * order, which also breaks a tie at the quota's edge), and names the first `firstClassQuota` of them.
 */
export function rankTeams(villages: VillageAverage[], share: number, minimum: number): { quota: number; ranked: RankedVillage[] } {
  const quota = firstClassQuota(villages.length, share, minimum);
  const sorted = [...villages].sort((a, b) => b.average - a.average || (a.villageCode < b.villageCode ? -1 : a.villageCode > b.villageCode ? 1 : 0));
  return { quota, ranked: sorted.map((v, i) => ({ ...v, rank: i + 1, firstClass: i < quota })) };
}
