import { createExtensionPoint } from '@xiangzhi/kernel';

/** What a household's star rating rests on. */
export interface StarRatingFacts {
  householdId: string;
  year: number;
  /** Net approved points of the year. */
  points: number;
  /** Months (`YYYY-MM`) of the year the household was on its village's black list. */
  blackListMonths: string[];
}

export interface StarRatingDecision {
  /** 0–5 stars. */
  stars: number;
  rule: string;
  zh: string;
  en: string;
}

/** 星级文明户 extension point `civility.starRating`: how many stars a household earns for a year. */
export interface StarRatingPolicy {
  rate(facts: StarRatingFacts): StarRatingDecision;
}

export const starRatingPolicyPoint = createExtensionPoint<StarRatingPolicy>({
  id: 'civility.starRating',
  subgraph: 'civility',
  title: { zh: '星级文明户评定', en: 'Star household rating' },
});

/**
 * Baseline thresholds of the year's net points: 100 → five stars, 80 → four, 60 → three, 40 → two,
 * 20 → one, below 20 none. A month on the black list that year caps the rating at one star.
 */
export const BASELINE_STAR_THRESHOLDS: readonly { stars: number; points: number }[] = [
  { stars: 5, points: 100 },
  { stars: 4, points: 80 },
  { stars: 3, points: 60 },
  { stars: 2, points: 40 },
  { stars: 1, points: 20 },
];

export class DefaultStarRatingPolicy implements StarRatingPolicy {
  constructor(private readonly thresholds: readonly { stars: number; points: number }[] = BASELINE_STAR_THRESHOLDS) {}

  rate(f: StarRatingFacts): StarRatingDecision {
    const earned = this.thresholds.find((t) => f.points >= t.points)?.stars ?? 0;
    if (f.blackListMonths.length > 0 && earned > 1) {
      return {
        stars: 1,
        rule: 'STAR_CAPPED_BLACK_LIST',
        zh: `全年积分${f.points}分可评${earned}星，但${f.blackListMonths.join('、')}上过黑榜，最多一星`,
        en: `${f.points} points for the year earn ${earned} stars, but the household was on the black list in ${f.blackListMonths.join(', ')}: one star at most`,
      };
    }
    return { stars: earned, rule: 'STAR_THRESHOLD', zh: `全年积分${f.points}分：${earned}星`, en: `${f.points} points for the year: ${earned} stars` };
  }
}
