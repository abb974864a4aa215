import { createExtensionPoint } from '@xiangzhi/kernel';

/**
 * 积分细则 one rule of a points catalogue: a code, what it rewards or deducts, the points (+ earn,
 * − deduct), whether evidence is required, the monthly cap per household (in points, absolute) and the
 * article of the village rules it is derived from.
 */
export interface PointsRuleSpec {
  code: string;
  description: string;
  /** Signed: positive earns, negative deducts. Never zero. */
  points: number;
  evidenceRequired: boolean;
  /** Most points (absolute) one household may get from this rule in one month; null: no cap. */
  monthlyCap: number | null;
  /** The article of the village rules the rule comes from (e.g. `第五条`). */
  articleRef: string | null;
}

/** What a points policy sees of a rule when it decides the cap. */
export interface PointsRuleFacts extends PointsRuleSpec {
  countyCode: string;
  /** The village that added the rule; null for the county catalogue. */
  villageCode: string | null;
}

/**
 * 积分规则 extension point `civility.points`: what a county adds to the points catalogue (e.g. Jiangxi's
 * 520 文明集市 volunteer rules) and the monthly cap per household of a rule.
 */
export interface PointsPolicy {
  /** Rules the county's model adds to its catalogue (listed with the catalogue; created on first use). */
  catalogueAdditions(countyCode: string): PointsRuleSpec[];
  /** The monthly cap per household (absolute points) of a rule; null for none. */
  monthlyCap(rule: PointsRuleFacts): number | null;
}

export const pointsPolicyPoint = createExtensionPoint<PointsPolicy>({
  id: 'civility.points',
  subgraph: 'civility',
  title: { zh: '文明积分细则（目录补充、月度上限）', en: 'Civility points catalogue additions and caps' },
});

/** National baseline: no additions; the cap is the one the rule was defined with. */
export class DefaultPointsPolicy implements PointsPolicy {
  catalogueAdditions(): PointsRuleSpec[] {
    return [];
  }

  monthlyCap(rule: PointsRuleFacts): number | null {
    return rule.monthlyCap;
  }
}
