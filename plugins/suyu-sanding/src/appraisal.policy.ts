import {
  byTotalThenService,
  decision,
  quotaTie,
  Rating,
  RATING_TITLES,
  type AppraisalDimension,
  type AppraisalPeriod,
  type AppraisalPolicy,
  type PostCategory,
  type QuotaCandidate,
  type QuotaTie,
  type QuotaTieReport,
  type RatingDecision,
  tieAtCutoff,
} from '@xiangzhi/personnel-api';
import type { SuyuSandingConfig } from './config';

/** 同分裁定 Suyu's tie-break at its quotas' cut-offs (the seed sets none; assumption: the longer service first). */
export const SUYU_TIE_BREAK = decision(
  'SUYU_TIE_LONGER_SERVICE',
  '优秀比例、不称职比例边界总分相同时，任职时间早（任职年限长）者优先进入优秀名额、最后列入不称职；任职时间也相同时按干部标识顺序',
  'equal totals at the excellent quota’s or the incompetent floor’s cut-off: the longer service (earlier start) goes first into the excellent places and last into the incompetent ones; with the same start, by cadre identifier',
);

/** 三位一体 the codes of the three parts of the annual evaluation. */
export const ANNUAL_DIMENSIONS = [
  { code: 'districtAppraisal', title: '区级综合考核' },
  { code: 'townshipEvaluation', title: '乡镇党委工作评价' },
  { code: 'residentSatisfaction', title: '群众满意度测评' },
] as const;

const pct = (share: number) => Math.round(share * 1000) / 10;

/**
 * 考核评价 Suyu's appraisal:
 * - monthly and quarterly post appraisal against the township's targets (`appraisal.postDimensions`);
 * - the annual "三位一体" evaluation: district comprehensive appraisal, township Party committee
 *   evaluation and resident satisfaction survey, weighted by `appraisal.annualWeights`;
 * - ratings 优秀 / 称职 / 基本称职 / 不称职 by `appraisal.thresholds`;
 * - quotas as for public institutions: 优秀 at most `excellentQuota` of a township's rated cadres
 *   (rounded down, best totals first, the rest fall to 称职); optionally at least `incompetentFloor`
 *   of them (the lowest totals, rounded down) rated 不称职;
 * - equal totals at either cut-off (`SUYU_TIE_BREAK`): the longer service (earlier start) goes first
 *   into the 优秀 places and last into the 不称职 ones; the same start, by cadre identifier. The
 *   ties are reported with the tied candidates (`quotaTies`).
 */
export class SuyuAppraisalPolicy implements AppraisalPolicy {
  constructor(private readonly config: SuyuSandingConfig) {}

  dimensions(_category: PostCategory, period?: AppraisalPeriod): AppraisalDimension[] {
    if (period === 'YEAR') {
      const w = this.config.appraisal.annualWeights;
      return ANNUAL_DIMENSIONS.map((d) => ({ code: d.code, title: d.title, weight: w[d.code] }));
    }
    return this.config.appraisal.postDimensions.map((d) => ({ ...d }));
  }

  total(category: PostCategory, scores: Record<string, number>, period?: AppraisalPeriod): number {
    const sum = this.dimensions(category, period).reduce((acc, d) => acc + d.weight * (scores[d.code] ?? 0), 0);
    return Math.round(sum * 100) / 100;
  }

  ratingFor(total: number): RatingDecision {
    const t = this.config.appraisal.thresholds;
    const rating = total >= t.excellent ? Rating.EXCELLENT : total >= t.competent ? Rating.COMPETENT : total >= t.basic ? Rating.BASIC : Rating.INCOMPETENT;
    const title = RATING_TITLES[rating];
    return {
      rating,
      ...decision(
        'SUYU_RATING_THRESHOLD',
        `三位一体综合评价总分${total}：${title.zh}（优秀≥${t.excellent}，称职≥${t.competent}，基本称职≥${t.basic}）`,
        `three-part evaluation total ${total}: ${title.en} (excellent ≥ ${t.excellent}, competent ≥ ${t.competent}, basically competent ≥ ${t.basic})`,
      ),
    };
  }

  applyQuotas(candidates: QuotaCandidate[]): RatingDecision[] {
    const { excellentQuota, incompetentFloor } = this.config.appraisal;
    const { best, quota, floor } = this.cutOffs(candidates);
    const excellent = new Set(
      best
        .filter((c) => c.provisional === Rating.EXCELLENT)
        .slice(0, quota)
        .map((c) => c.cadreId),
    );
    const forced = new Set(
      best
        .slice(candidates.length - floor)
        .filter((c) => c.provisional !== Rating.INCOMPETENT && !excellent.has(c.cadreId))
        .map((c) => c.cadreId),
    );
    return candidates.map((c) => {
      if (forced.has(c.cadreId)) {
        return {
          rating: Rating.INCOMPETENT,
          ...decision(
            'SUYU_INCOMPETENT_FLOOR',
            `总分${c.total}，列本乡镇末位${floor}名（不称职比例${pct(incompetentFloor ?? 0)}%），定为不称职`,
            `total ${c.total} is among the township's lowest ${floor} (incompetent share ${pct(incompetentFloor ?? 0)}%): rated incompetent`,
          ),
        };
      }
      if (c.provisional !== Rating.EXCELLENT) return this.ratingFor(c.total);
      if (excellent.has(c.cadreId)) {
        return {
          rating: Rating.EXCELLENT,
          ...decision(
            'SUYU_EXCELLENT_WITHIN_QUOTA',
            `总分${c.total}，在优秀比例（${pct(excellentQuota)}%，${quota}名）内`,
            `total ${c.total}, within the excellent quota (${pct(excellentQuota)}%, ${quota})`,
          ),
        };
      }
      return {
        rating: Rating.COMPETENT,
        ...decision(
          'SUYU_EXCELLENT_QUOTA_EXCEEDED',
          `总分${c.total}达到优秀，但超出优秀比例（${pct(excellentQuota)}%，${quota}名），定为称职`,
          `total ${c.total} reached excellent but the quota (${pct(excellentQuota)}%, ${quota}) is full: rated competent`,
        ),
      };
    });
  }

  quotaTies(candidates: QuotaCandidate[]): QuotaTieReport {
    const { best, quota, floor } = this.cutOffs(candidates);
    const ties: QuotaTie[] = [];
    const atQuota = tieAtCutoff(
      best.filter((c) => c.provisional === Rating.EXCELLENT),
      quota,
      (c) => c.total,
    );
    if (atQuota) ties.push(quotaTie('EXCELLENT_QUOTA', atQuota));
    const atFloor = tieAtCutoff([...best].reverse(), floor, (c) => c.total);
    if (atFloor) ties.push(quotaTie('INCOMPETENT_FLOOR', atFloor));
    return { tieBreak: SUYU_TIE_BREAK, ties };
  }

  /** The candidates best first (equal totals by `SUYU_TIE_BREAK`), the 优秀 places and the 不称职 floor. */
  private cutOffs(candidates: QuotaCandidate[]): { best: QuotaCandidate[]; quota: number; floor: number } {
    const { excellentQuota, incompetentFloor } = this.config.appraisal;
    return {
      best: [...candidates].sort(byTotalThenService),
      quota: Math.floor(candidates.length * excellentQuota),
      floor: incompetentFloor === null ? 0 : Math.floor(candidates.length * incompetentFloor),
    };
  }
}
