import { DefaultListPolicy, type BlackRow, type HouseholdMonthFacts, type ListPolicy, type PointsPolicy, type PointsRuleFacts, type PointsRuleSpec, type RedBlackListDecision } from '@xiangzhi/civility-api';
import type { ConfigProblem } from '@xiangzhi/kernel';
import type { JiangxiCivilityConfig } from '../config';

/**
 * 农户文明积分 the pilot's additions to the county catalogue (520文明集市 volunteering, 喜事新办, 丧事简办,
 * and deductions for 大操大办, 涉黄涉赌涉毒, 封建迷信); every other rule keeps the cap it was defined with.
 */
export class JiangxiPointsPolicy implements PointsPolicy {
  constructor(private readonly config: JiangxiCivilityConfig) {}

  catalogueAdditions(): PointsRuleSpec[] {
    return this.config.additions.map((a) => ({ ...a }));
  }

  monthlyCap(rule: PointsRuleFacts): number | null {
    return rule.monthlyCap;
  }
}

/**
 * 乡风文明红黑榜 the baseline's red list (top `redListSize` households by the month's points) and black
 * list (a single deduction of `blackListDeduction` or more), plus every household with any deduction
 * under one of the pilot's 不良风气 rules (`blackListRules`) that month, with that rule.
 */
export class JiangxiListPolicy implements ListPolicy {
  private readonly baseline: DefaultListPolicy;
  private readonly badCustoms: ReadonlySet<string>;

  constructor(config: JiangxiCivilityConfig) {
    this.baseline = new DefaultListPolicy({ redSize: config.redListSize, blackDeduction: config.blackListDeduction });
    this.badCustoms = new Set(config.blackListRules);
  }

  compile(input: { villageCode: string; month: string; households: HouseholdMonthFacts[] }): RedBlackListDecision {
    const base = this.baseline.compile(input);
    const listed = new Set(base.black.map((b) => b.householdId));
    const extra: BlackRow[] = [];
    for (const h of input.households) {
      if (listed.has(h.householdId)) continue;
      const bad = h.deductions
        .filter((d) => this.badCustoms.has(d.ruleCode) && d.total < 0)
        .sort((a, b) => a.total - b.total || (a.ruleCode < b.ruleCode ? -1 : 1))[0];
      if (bad) extra.push({ householdId: h.householdId, ruleCode: bad.ruleCode, points: bad.total });
    }
    const black = [...base.black, ...extra].sort((a, b) => (a.householdId < b.householdId ? -1 : a.householdId > b.householdId ? 1 : 0));
    return { red: base.red, black };
  }
}

/** Parameters that contradict each other: a rule whose cap is below its own points, a black-list rule that earns points. */
export function civilityProblems(config: JiangxiCivilityConfig): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  config.additions.forEach((a, i) => {
    if (a.monthlyCap !== null && a.monthlyCap < Math.abs(a.points)) {
      out.push({
        key: `civility.additions.${i}.monthlyCap`,
        message: `细则${a.code}每次${a.points}分，每月上限${a.monthlyCap}分，一次也记不了 (rule ${a.code} gives ${a.points} points an entry but its monthly cap is ${a.monthlyCap}: no entry could ever be recorded)`,
      });
    }
  });
  config.blackListRules.forEach((code, i) => {
    const rule = config.additions.find((a) => a.code === code);
    if (rule && rule.points > 0) {
      out.push({
        key: `civility.blackListRules.${i}`,
        message: `黑榜细则${code}是加分细则（${rule.points}分），不会产生扣分 (black-list rule ${code} earns ${rule.points} points: it never deducts)`,
      });
    }
  });
  return out;
}
