import { tieAtCutoff } from '@xiangzhi/personnel-api';

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
 * 同分裁定 how equal averages are ordered, which decides a tie at the quota's edge. The seed sets no
 * rule; assumption: the average of more rated cadres first (it rests on more appraisals), then the
 * village code's order.
 */
export const TEAM_TIE_BREAK = {
  rule: 'LONGSHAN_TEAM_TIE_MORE_CADRES',
  zh: '平均分相同时，参评干部人数多者在前；人数也相同时按村（社区）区划代码顺序',
  en: 'equal averages: the team with more rated cadres first; with as many, by village division code',
} as const;

/** Villages sharing the average at the quota's edge, in the tie-break's order, and the places left for them. */
export interface TeamTie {
  average: number;
  places: number;
  tied: RankedVillage[];
}

/**
 * 评选一类班子 ranks the county's village teams by average, best first (equal averages by
 * `TEAM_TIE_BREAK`), names the first `firstClassQuota` of them, and reports the villages tied at the
 * quota's edge (null when the last named and the first not named differ).
 */
export function rankTeams(villages: VillageAverage[], share: number, minimum: number): { quota: number; ranked: RankedVillage[]; tie: TeamTie | null } {
  const quota = firstClassQuota(villages.length, share, minimum);
  const sorted = [...villages].sort((a, b) => b.average - a.average || b.cadres - a.cadres || (a.villageCode < b.villageCode ? -1 : a.villageCode > b.villageCode ? 1 : 0));
  const ranked = sorted.map((v, i) => ({ ...v, rank: i + 1, firstClass: i < quota }));
  const tie = tieAtCutoff(ranked, quota, (v) => v.average);
  return { quota, ranked, tie: tie ? { average: tie.value, places: tie.places, tied: tie.tied } : null };
}
