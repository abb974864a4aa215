import { createExtensionPoint } from '@xiangzhi/kernel';

/** 分配项目 the parts a distribution splits the distributable surplus into (seed 003). */
export enum DistributionPart {
  /** 入股保底分红 guaranteed dividend on shares */
  GUARANTEED_DIVIDEND = 'GUARANTEED_DIVIDEND',
  /** 效益分红 profit dividend */
  PROFIT_DIVIDEND = 'PROFIT_DIVIDEND',
  /** 劳动务工收入 wages for members' work */
  WAGES = 'WAGES',
  /** 土地租金收入 land rent */
  LAND_RENT = 'LAND_RENT',
}

/** One part of a split: its weight against the other parts, and the members' basis it is shared by. */
export interface DistributionPartRule {
  part: DistributionPart;
  /** Relative weight (a positive integer; e.g. basis points). Parts share the surplus in proportion to their weights. */
  weight: number;
  /**
   * Which of a member's shares count for this part: share class codes (`POPULATION`, `LABOUR_YEARS`…),
   * or null for all of them. When no member holds any share of the classes named, the part is shared
   * by all shares instead (and the result says so).
   */
  shareClasses: readonly string[] | null;
}

/** What a distribution policy is asked about. */
export interface DistributionQuery {
  villageCode: string;
  year: number;
  /** The year's net surplus of the organisation from its ledger (income − expense), fen. */
  netSurplusFen: bigint;
  /** Share classes members hold at the end of the year, with total counts. */
  shareTotals: Readonly<Record<string, number>>;
}

/**
 * 收益分配 `economy.distribution`: how an organisation's year is distributed — what it keeps back
 * (公积公益金) and how the rest is split among guaranteed dividend, profit dividend, wages and land
 * rent, each shared among members by their shares. The platform does the arithmetic: the parts are
 * cut from the surplus, and every part among members, by largest remainder to the fen, so the
 * members' amounts always sum to the surplus exactly.
 */
export interface DistributionPolicy {
  /** 提留 the share of the year's net surplus kept back (公积公益金), in basis points (0–10000). */
  reserveBasisPoints(query: DistributionQuery): number;
  /** The parts and how each is shared; at least one with a positive weight. */
  parts(query: DistributionQuery): DistributionPartRule[];
}

export const distributionPolicyPoint = createExtensionPoint<DistributionPolicy>({
  id: 'economy.distribution',
  subgraph: 'economy',
  title: { zh: '收益分配方案', en: 'Distribution of the surplus' },
});

/**
 * National baseline: 10 % kept as 公积公益金; the rest 30 % guaranteed dividend and 40 % profit
 * dividend on all shares, 20 % wages by 劳龄股, 10 % land rent by 人口股.
 */
export const BASELINE_DISTRIBUTION = {
  reserveBasisPoints: 1000,
  parts: [
    { part: DistributionPart.GUARANTEED_DIVIDEND, weight: 3000, shareClasses: null },
    { part: DistributionPart.PROFIT_DIVIDEND, weight: 4000, shareClasses: null },
    { part: DistributionPart.WAGES, weight: 2000, shareClasses: ['LABOUR_YEARS'] },
    { part: DistributionPart.LAND_RENT, weight: 1000, shareClasses: ['POPULATION'] },
  ] as readonly DistributionPartRule[],
} as const;

export class DefaultDistributionPolicy implements DistributionPolicy {
  reserveBasisPoints(): number {
    return BASELINE_DISTRIBUTION.reserveBasisPoints;
  }

  parts(): DistributionPartRule[] {
    return BASELINE_DISTRIBUTION.parts.map((p) => ({ ...p }));
  }
}

/**
 * 最大余额法 splits `total` fen in proportion to `weights` (non-negative integers or bigints, not all
 * zero): every share gets its floor, and the fen left over go one each to the largest remainders
 * (ties to the earlier index). The result sums to `total` exactly.
 */
export function largestRemainder(total: bigint, weights: readonly (number | bigint)[]): bigint[] {
  const w = weights.map((x) => BigInt(x));
  if (w.some((x) => x < 0n)) throw new RangeError('largestRemainder: weights must not be negative');
  const sum = w.reduce((a, b) => a + b, 0n);
  if (sum === 0n) throw new RangeError('largestRemainder: the weights are all zero');
  if (total < 0n) return largestRemainder(-total, weights).map((x) => -x);
  const floors = w.map((x) => (total * x) / sum);
  const remainders = w.map((x, i) => ({ i, r: (total * x) % sum }));
  let left = total - floors.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    floors[i] += 1n;
    left -= 1n;
  }
  return floors;
}
