import { MONEY_INDICATORS, type ComparisonName, type IndicatorName, type QixingguanConfig, type StandardConfig, type TierName } from '../config';

/** A village's figures of a year, by indicator; null: no figure (nothing recorded or published). Money in fen, others as integers. */
export type VillageFigures = Record<IndicatorName, bigint | null>;

/** One standard as it was (or was not) assessed. */
export interface AssessedStandard {
  code: string;
  goal: StandardConfig['goal'];
  zh: string;
  en: string;
  indicator: IndicatorName;
  comparison: ComparisonName;
  /** The tier's threshold in the indicator's unit (fen for money). */
  threshold: bigint;
  value: bigint | null;
  /** Order of assessment (1 = the short board); null when it was not assessed. */
  order: number | null;
  /** Whether it passed; null when it was not assessed. */
  passed: boolean | null;
}

export interface ShortBoardResult {
  rated: boolean;
  /** The standard whose failure stopped the assessment (the short board), when not rated. */
  stoppedBy: string | null;
  standards: AssessedStandard[];
}

/** The threshold of a standard for a tier, in the unit figures are kept in (yuan → fen for money). */
export function thresholdOf(s: StandardConfig, tier: TierName): bigint {
  const t = BigInt(s.thresholds[tier]);
  return MONEY_INDICATORS.includes(s.indicator) ? t * 100n : t;
}

function passes(value: bigint, threshold: bigint, comparison: ComparisonName): boolean {
  if (comparison === 'MIN') return value >= threshold;
  if (comparison === 'ABOVE') return value > threshold;
  return value <= threshold;
}

/**
 * How much room a figure leaves above its threshold, as a fraction of the threshold (negative: short
 * of it): the smaller, the shorter the board. A missing figure is the shortest of all.
 */
export function margin(value: bigint | null, threshold: bigint, comparison: ComparisonName): number {
  if (value === null) return Number.NEGATIVE_INFINITY;
  const scale = Number(threshold === 0n ? 1n : threshold);
  const diff = comparison === 'MAX' ? Number(threshold - value) : Number(value - threshold);
  // ABOVE: meeting the threshold exactly is not enough; rank it just below a met MIN
  return diff / scale - (comparison === 'ABOVE' && diff === 0 ? 1e-9 : 0);
}

/**
 * 短板优先考核 seed 003: “从村（社区）目前最短板的项目指标开始考核，如该项指标达不到要求，其他项目不再进行考核，
 * 并视为该村（社区）还未达到‘范本村（社区）’创建标准”. The standards are ordered from the shortest
 * board (least room above the tier's threshold; a missing figure first; ties in the county's order)
 * and assessed in that order; the first that fails stops the assessment and the village is not rated.
 */
export function assessShortBoardFirst(config: QixingguanConfig, tier: TierName, figures: VillageFigures): ShortBoardResult {
  const items = config.standards.map((s, index) => {
    const threshold = thresholdOf(s, tier);
    const value = figures[s.indicator];
    return { s, index, threshold, value, margin: margin(value, threshold, s.comparison) };
  });
  const order = [...items].sort((a, b) => a.margin - b.margin || a.index - b.index);
  const outcome = new Map<number, { order: number; passed: boolean }>();
  let stoppedBy: string | null = null;
  for (const [i, item] of order.entries()) {
    const passed = item.value !== null && passes(item.value, item.threshold, item.s.comparison);
    outcome.set(item.index, { order: i + 1, passed });
    if (!passed) {
      stoppedBy = item.s.code;
      break;
    }
  }
  return {
    rated: stoppedBy === null,
    stoppedBy,
    standards: order.map((item) => ({
      code: item.s.code,
      goal: item.s.goal,
      zh: item.s.zh,
      en: item.s.en,
      indicator: item.s.indicator,
      comparison: item.s.comparison,
      threshold: item.threshold,
      value: item.value,
      order: outcome.get(item.index)?.order ?? null,
      passed: outcome.get(item.index)?.passed ?? null,
    })),
  };
}
