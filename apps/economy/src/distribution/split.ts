import { largestRemainder, type DistributionPart, type DistributionPartRule } from '@xiangzhi/economy-api';

/** A member with their share counts by class at the end of the year. */
export interface MemberShares {
  memberId: string;
  shares: Readonly<Record<string, number>>;
}

export interface SplitPart {
  part: DistributionPart;
  weight: number;
  amountFen: bigint;
  shareClasses: string[] | null;
  fallback: boolean;
  totalShares: number;
}

export interface SplitLine {
  memberId: string;
  part: DistributionPart;
  shares: number;
  amountFen: bigint;
}

/** What the rounding is, stated in every result. */
export const ROUNDING =
  'LARGEST_REMAINDER: 各项按权重、各成员按股数取整到分，余下的分依次给余数最大者 / parts by weight and members by shares, each floored to the fen, the fen left over one each to the largest remainders';

function sharesFor(member: MemberShares, classes: readonly string[] | null): number {
  return Object.entries(member.shares).reduce((sum, [cls, n]) => (classes === null || classes.includes(cls) ? sum + n : sum), 0);
}

/**
 * 分配计算 splits `surplusFen` into the parts by weight, then every part among the members by the
 * shares of the part's classes (all shares when nobody holds those classes), both times by largest
 * remainder: the parts sum to the surplus, and each part's member amounts to the part, to the fen.
 * Throws a RangeError when no part has a weight or no member holds a share (callers check first).
 */
export function splitSurplus(surplusFen: bigint, rules: readonly DistributionPartRule[], members: readonly MemberShares[]): { parts: SplitPart[]; lines: SplitLine[] } {
  const active = rules.filter((r) => r.weight > 0);
  const amounts = largestRemainder(
    surplusFen,
    active.map((r) => r.weight),
  );
  const parts: SplitPart[] = [];
  const lines: SplitLine[] = [];
  for (const [i, rule] of active.entries()) {
    let classes = rule.shareClasses ? [...rule.shareClasses] : null;
    let weights = members.map((m) => sharesFor(m, classes));
    let fallback = false;
    if (weights.every((w) => w === 0)) {
      classes = null;
      fallback = rule.shareClasses !== null;
      weights = members.map((m) => sharesFor(m, null));
    }
    const total = weights.reduce((s, w) => s + w, 0);
    parts.push({ part: rule.part, weight: rule.weight, amountFen: amounts[i], shareClasses: rule.shareClasses ? [...rule.shareClasses] : null, fallback, totalShares: total });
    const perMember = largestRemainder(amounts[i], weights);
    for (const [j, m] of members.entries()) {
      if (weights[j] > 0 || perMember[j] !== 0n) lines.push({ memberId: m.memberId, part: rule.part, shares: weights[j], amountFen: perMember[j] });
    }
  }
  return { parts, lines };
}
