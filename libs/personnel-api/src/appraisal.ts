import { createExtensionPoint } from '@xiangzhi/kernel';
import { type Decision, decision, PostCategory, Rating, RATING_TITLES } from './common';

/** 考核维度 one weighted dimension of an appraisal. */
export interface AppraisalDimension {
  code: string;
  title: string;
  /** Weight (0–1); the weights of a post's dimensions sum to 1. */
  weight: number;
}

/** What a rating rests on. */
export interface RatingDecision extends Decision {
  rating: Rating;
}

/** A township's candidates for the annual ratings, best total first. */
export interface QuotaCandidate {
  cadreId: string;
  total: number;
  /** The rating from the thresholds, before quotas. */
  provisional: Rating;
  /** 任职起始日期 the cadre's start of service (`YYYY-MM-DD`), for the tie-break at a quota's cut-off. */
  serviceStart?: string;
}

/**
 * 名额边界同分 candidates sharing the total at a quota's cut-off (the last place inside the quota
 * and the first outside it have equal totals), in the order the tie-break put them; `admitted` are
 * those it kept inside the quota.
 */
export interface QuotaTie {
  /** Which quota: `EXCELLENT_QUOTA` (优秀 at most a share), `INCOMPETENT_FLOOR` (不称职 at least a share)… */
  quota: string;
  /** The total shared at the cut-off. */
  total: number;
  /** Places inside the quota left for the tied candidates. */
  places: number;
  tied: { cadreId: string; admitted: boolean }[];
}

/** How a policy decides equal totals at its quotas' cut-offs (the rule, bilingual) and the ties it decided. */
export interface QuotaTieReport {
  tieBreak: Decision;
  ties: QuotaTie[];
}

/**
 * 同分裁定 the baseline's tie-break at a quota's cut-off: of equal totals, the earlier start of
 * service (the longer service) goes first; the same start, the cadre identifier's order.
 */
export const LONGER_SERVICE_TIE_BREAK: Decision = decision(
  'TIE_LONGER_SERVICE',
  '名额边界总分相同时，任职时间早（任职年限长）者优先；任职时间也相同时按干部标识顺序',
  'equal totals at a quota’s cut-off: the earlier start of service (the longer service) goes first; with the same start, by cadre identifier',
);

/** Best total first; equal totals by `LONGER_SERVICE_TIE_BREAK`. */
export function byTotalThenService(a: QuotaCandidate, b: QuotaCandidate): number {
  return b.total - a.total || (a.serviceStart ?? '9999-12-31').localeCompare(b.serviceStart ?? '9999-12-31') || a.cadreId.localeCompare(b.cadreId);
}

/**
 * The tie at the cut-off of the first `quota` of `ordered` (already in the tie-break's order): null
 * when the last one inside and the first one outside differ in `valueOf` (or nobody is left out, or
 * nobody is admitted).
 */
export function tieAtCutoff<T>(ordered: readonly T[], quota: number, valueOf: (t: T) => number): { value: number; places: number; tied: T[]; admitted: T[] } | null {
  if (quota <= 0 || quota >= ordered.length) return null;
  const edge = valueOf(ordered[quota - 1]);
  if (valueOf(ordered[quota]) !== edge) return null;
  const tied = ordered.filter((t) => valueOf(t) === edge);
  const admitted = ordered.slice(0, quota).filter((t) => valueOf(t) === edge);
  return { value: edge, places: admitted.length, tied, admitted };
}

/** A `QuotaTie` of candidates from `tieAtCutoff`. */
export function quotaTie(quota: string, tie: NonNullable<ReturnType<typeof tieAtCutoff<QuotaCandidate>>>): QuotaTie {
  const admitted = new Set(tie.admitted.map((c) => c.cadreId));
  return { quota, total: tie.value, places: tie.places, tied: tie.tied.map((c) => ({ cadreId: c.cadreId, admitted: admitted.has(c.cadreId) })) };
}

/** 考核周期 the period an appraisal covers: monthly or quarterly post appraisal, or the annual one. */
export type AppraisalPeriod = 'MONTH' | 'QUARTER' | 'YEAR';

/** 考核 dimensions, weights, rating thresholds and quotas. */
export interface AppraisalPolicy {
  /**
   * Dimensions for an appraisal of a post of this category; `period` lets a county appraise the year
   * differently from the months (e.g. Suyu's 三位一体 annual evaluation). Undefined means any period.
   */
  dimensions(category: PostCategory, period?: AppraisalPeriod): AppraisalDimension[];
  /** Weighted total (0–100) from scores (0–100) by dimension code. */
  total(category: PostCategory, scores: Record<string, number>, period?: AppraisalPeriod): number;
  /** The annual rating a total earns before quotas. */
  ratingFor(total: number): RatingDecision;
  /**
   * Applies the township quotas to the year's provisional ratings (`finalizeAnnualRatings`):
   * returns the final rating of every candidate, in the order given.
   */
  applyQuotas(candidates: QuotaCandidate[]): RatingDecision[];
  /**
   * Optional: the tie-break rule at the quotas' cut-offs and the candidates tied there, for the same
   * candidates as `applyQuotas` (`finalizeAnnualRatings` answers both in its result).
   */
  quotaTies?(candidates: QuotaCandidate[]): QuotaTieReport;
}

export const appraisalPolicyPoint = createExtensionPoint<AppraisalPolicy>({
  id: 'personnel.appraisal',
  subgraph: 'personnel',
  title: { zh: '考核评价', en: 'Appraisal' },
});

export const BASELINE_APPRAISAL = {
  /** 德能勤绩廉 morality, ability, diligence, results, integrity */
  dimensions: [
    { code: 'morality', title: '德', weight: 0.2 },
    { code: 'ability', title: '能', weight: 0.2 },
    { code: 'diligence', title: '勤', weight: 0.2 },
    { code: 'results', title: '绩', weight: 0.3 },
    { code: 'integrity', title: '廉', weight: 0.1 },
  ] as AppraisalDimension[],
  thresholds: { excellent: 90, competent: 70, basic: 60 },
  /** 优秀 at most this share of a township's rated cadres (as public institutions: 20%). */
  excellentQuota: 0.2,
} as const;

/**
 * National baseline: 德能勤绩廉 weighted 20/20/20/30/10; ≥ 90 优秀, ≥ 70 称职, ≥ 60 基本称职, below 60
 * 不称职; 优秀 limited to 20% of a township's rated cadres (rounded down, best totals first, equal
 * totals at the cut-off by `LONGER_SERVICE_TIE_BREAK`; the rest fall to 称职).
 */
export class DefaultAppraisalPolicy implements AppraisalPolicy {
  dimensions(): AppraisalDimension[] {
    return BASELINE_APPRAISAL.dimensions.map((d) => ({ ...d }));
  }

  total(category: PostCategory, scores: Record<string, number>): number {
    const sum = this.dimensions().reduce((acc, d) => acc + d.weight * (scores[d.code] ?? 0), 0);
    return Math.round(sum * 100) / 100;
  }

  ratingFor(total: number): RatingDecision {
    const t = BASELINE_APPRAISAL.thresholds;
    const rating = total >= t.excellent ? Rating.EXCELLENT : total >= t.competent ? Rating.COMPETENT : total >= t.basic ? Rating.BASIC : Rating.INCOMPETENT;
    const title = RATING_TITLES[rating];
    return { rating, ...decision('RATING_THRESHOLD', `总分${total}：${title.zh}（阈值 ${t.excellent}/${t.competent}/${t.basic}）`, `total ${total}: ${title.en} (thresholds ${t.excellent}/${t.competent}/${t.basic})`) };
  }

  applyQuotas(candidates: QuotaCandidate[]): RatingDecision[] {
    const share = BASELINE_APPRAISAL.excellentQuota;
    const quota = Math.floor(candidates.length * share);
    const excellent = this.excellentInOrder(candidates)
      .slice(0, quota)
      .map((c) => c.cadreId);
    const kept = new Set(excellent);
    return candidates.map((c) => {
      if (c.provisional !== Rating.EXCELLENT) return this.ratingFor(c.total);
      if (kept.has(c.cadreId)) {
        return { rating: Rating.EXCELLENT, ...decision('EXCELLENT_WITHIN_QUOTA', `总分${c.total}，在优秀名额（${quota}名，${share * 100}%）内`, `total ${c.total}, within the excellent quota (${quota}, ${share * 100}%)`) };
      }
      return { rating: Rating.COMPETENT, ...decision('EXCELLENT_QUOTA_EXCEEDED', `总分${c.total}达到优秀，但超出优秀名额（${quota}名，${share * 100}%），定为称职`, `total ${c.total} reached excellent but the quota (${quota}, ${share * 100}%) is full: rated competent`) };
    });
  }

  quotaTies(candidates: QuotaCandidate[]): QuotaTieReport {
    const quota = Math.floor(candidates.length * BASELINE_APPRAISAL.excellentQuota);
    const tie = tieAtCutoff(this.excellentInOrder(candidates), quota, (c) => c.total);
    return { tieBreak: LONGER_SERVICE_TIE_BREAK, ties: tie ? [quotaTie('EXCELLENT_QUOTA', tie)] : [] };
  }

  /** The candidates rated 优秀 by the thresholds, in the quota's order. */
  private excellentInOrder(candidates: QuotaCandidate[]): QuotaCandidate[] {
    return candidates.filter((c) => c.provisional === Rating.EXCELLENT).sort(byTotalThenService);
  }
}
