import { createExtensionPoint } from '@xiangzhi/kernel';

/** One household's month: its net approved points and, per deducting rule, the total and the largest single deduction. */
export interface HouseholdMonthFacts {
  householdId: string;
  /** Net approved points of the month (earned minus deducted). */
  points: number;
  deductions: { ruleCode: string; total: number; largest: number }[];
}

/** A red-list row: the household, its points and its rank (1 = first). */
export interface RedRow {
  householdId: string;
  points: number;
  rank: number;
}

/** A black-list row: the household, the rule that put it there and the points that rule deducted in the month (negative). */
export interface BlackRow {
  householdId: string;
  ruleCode: string;
  points: number;
}

export interface RedBlackListDecision {
  red: RedRow[];
  black: BlackRow[];
}

/** 红黑榜 extension point `civility.list`: who is on a village's red and black list for a month. */
export interface ListPolicy {
  compile(input: { villageCode: string; month: string; households: HouseholdMonthFacts[] }): RedBlackListDecision;
}

export const listPolicyPoint = createExtensionPoint<ListPolicy>({
  id: 'civility.list',
  subgraph: 'civility',
  title: { zh: '红黑榜', en: 'Red and black lists' },
});

export const BASELINE_LIST = {
  /** Households on the red list: the top ten by the month's points. */
  redSize: 10,
  /** A single deduction of this many points or more (absolute) puts a household on the black list. */
  blackDeduction: 10,
} as const;

/**
 * National baseline: the red list is the top ten households by the month's net points (more than
 * zero; ties by household id, so the list is stable); the black list is every household with a single
 * deduction of 10 points or more in the month, with the rule of its largest deduction.
 */
export class DefaultListPolicy implements ListPolicy {
  constructor(private readonly params: { redSize: number; blackDeduction: number } = BASELINE_LIST) {}

  compile(input: { villageCode: string; month: string; households: HouseholdMonthFacts[] }): RedBlackListDecision {
    const red = input.households
      .filter((h) => h.points > 0)
      .sort((a, b) => b.points - a.points || (a.householdId < b.householdId ? -1 : 1))
      .slice(0, this.params.redSize)
      .map((h, i) => ({ householdId: h.householdId, points: h.points, rank: i + 1 }));
    const black: BlackRow[] = [];
    for (const h of [...input.households].sort((a, b) => (a.householdId < b.householdId ? -1 : 1))) {
      const worst = [...h.deductions].sort((a, b) => a.largest - b.largest || (a.ruleCode < b.ruleCode ? -1 : 1))[0];
      if (worst && -worst.largest >= this.params.blackDeduction) black.push({ householdId: h.householdId, ruleCode: worst.ruleCode, points: worst.total });
    }
    return { red, black };
  }
}
