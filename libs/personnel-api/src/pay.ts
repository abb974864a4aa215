import { createExtensionPoint, type RuleViolation } from '@xiangzhi/kernel';
import type { EntityManager } from 'typeorm';
import { type Decision, type Month, PostCategory, Rating, roundYuan } from './common';
import type { DeductionPeriod } from './attendance';

/** 报酬构成 kinds of pay component. */
export enum PayComponentKind {
  /** 基本报酬 base pay */
  BASE = 'BASE',
  /** 绩效（考核）报酬 performance / appraisal pay */
  PERFORMANCE = 'PERFORMANCE',
  /** 专项工作报酬 special-work pay */
  SPECIAL_WORK = 'SPECIAL_WORK',
  /** 发展报酬（集体经济增收奖励等）development pay */
  DEVELOPMENT = 'DEVELOPMENT',
  /** 职级报酬 rank pay */
  RANK = 'RANK',
  /** 奖励 award */
  AWARD = 'AWARD',
  /** 扣减 deduction (negative amount) */
  DEDUCTION = 'DEDUCTION',
}

/** One component of a month's pay: amount (yuan; negative for deductions) and the rule behind it. */
export interface PayComponent extends Decision {
  kind: PayComponentKind;
  amount: number;
}

/** A sanction's deduction that applies to the month being paid. */
export interface PayDeduction {
  /** Share (0–1) of performance pay. */
  share: number;
  period: DeductionPeriod;
  /** What it comes from, e.g. `2024-03-12 督查发现擅自离岗（第1次）`. */
  reason: string;
}

/** Everything a pay policy may use for one cadre and one month. */
export interface PayInput {
  month: Month;
  cadre: { id: string; fullTime: boolean; serviceStart: string };
  /** Posts the cadre held during the month. */
  posts: { code: string; title: string; category: PostCategory; fullTime: boolean }[];
  /** The month's post appraisal total (0–100), or the quarter's when appraised quarterly; null when none. */
  appraisalTotal: number | null;
  /** Which period `appraisalTotal` is of: `MONTH`, `QUARTER`, or null when there is none. */
  appraisalPeriod: 'MONTH' | 'QUARTER' | null;
  /**
   * The appraisal total of the quarter the month falls in, whatever `appraisalTotal` holds (a county
   * paying appraisal pay by the quarter reads this); null when the quarter has none.
   */
  quarterAppraisalTotal: number | null;
  /** Last completed year's final annual rating. */
  lastAnnualRating: Rating | null;
  /** Current rank and its monthly rank pay (from the county's rank policy); null when unranked. */
  rank: { level: number; title: string; monthlyPay: number } | null;
  deductions: PayDeduction[];
  /**
   * Pay items the county's plugin recorded for this cadre and month (special-work pay, development
   * pay, dispatched-task results, awards…), read by the county's `PayItemSource`; empty in the baseline.
   */
  items: PayItem[];
}

/**
 * 报酬事项 one amount a plugin recorded for a cadre and month, with its rule, e.g. special-work pay
 * (`SPECIAL_WORK`), a 一类班子 award (`AWARD`), a dispatched task's result (`PERFORMANCE`). `data`
 * carries what the county's pay policy needs to know about it (e.g. the pay class of a recorded
 * grade); it reaches the policy but is not stored with the pay record.
 */
export interface PayItem extends PayComponent {
  data?: Readonly<Record<string, string | number | boolean>>;
}

/** What a pay item source is asked for: one village, one month, every cadre paid. */
export interface PayItemQuery {
  /** The payroll's transaction: read your own tables through it. */
  manager: EntityManager;
  villageCode: string;
  month: Month;
  cadreIds: string[];
}

/**
 * 报酬事项来源 where a county's pay items come from (usually the plugin's own tables). Called once
 * per `computePayroll`, inside its transaction, for all cadres at once: one or a few batched reads,
 * never one per cadre. Cadres without items may be missing from the map.
 */
export interface PayItemSource {
  itemsFor(query: PayItemQuery): Promise<Map<string, PayItem[]>>;
}

export const payItemSourcePoint = createExtensionPoint<PayItemSource>({
  id: 'personnel.payItems',
  subgraph: 'personnel',
  title: { zh: '报酬事项来源', en: 'Pay item source' },
});

/** National baseline: the platform records no pay items of its own. */
export class NoPayItemSource implements PayItemSource {
  async itemsFor(): Promise<Map<string, PayItem[]>> {
    return new Map();
  }
}

/** 报酬 how a county composes a cadre's pay. */
export interface PayPolicy {
  /** The month's pay components, each with its rule. */
  components(input: PayInput): PayComponent[];
  /** Refusals for a computed month (e.g. an annualised amount outside the county's band); empty when fine. */
  validate(input: PayInput, components: PayComponent[]): RuleViolation[];
}

export const payPolicyPoint = createExtensionPoint<PayPolicy>({
  id: 'personnel.pay',
  subgraph: 'personnel',
  title: { zh: '报酬核算', en: 'Pay' },
});

export const BASELINE_PAY = {
  /** Monthly base pay by post category, yuan. A cadre holding several posts gets the highest. */
  baseByCategory: {
    PARTY_SECRETARY: 3000,
    COMMITTEE_DIRECTOR: 2800,
    FULL_TIME_STAFF: 2500,
    AUXILIARY_POLICE: 2500,
    PARTY_COMMITTEE: 2000,
    COMMITTEE_MEMBER: 2000,
    SUPERVISION: 1500,
  } as Record<PostCategory, number>,
  /** Performance pay at a total of 100; scaled by the month's appraisal total. */
  performanceAtFullScore: 1000,
} as const;

/** Sum of the performance components, which deductions are shares of. */
export function performanceOf(components: PayComponent[]): number {
  return components.filter((c) => c.kind === PayComponentKind.PERFORMANCE).reduce((s, c) => s + c.amount, 0);
}

/**
 * Deduction components for `input.deductions`, each a share of `performance`; together they never
 * exceed it. Shared by the baseline and by plugins that deduct the same way.
 */
export function deductionComponents(input: PayInput, performance: number): PayComponent[] {
  const out: PayComponent[] = [];
  let left = performance;
  for (const d of input.deductions) {
    const amount = roundYuan(Math.min(left, performance * d.share));
    left -= amount;
    out.push({
      kind: PayComponentKind.DEDUCTION,
      // a deduction of nothing is 0, not -0 (which would print as "-0")
      amount: amount === 0 ? 0 : -amount,
      rule: 'SANCTION_DEDUCTION',
      zh: `${d.reason}：扣减${d.period === 'QUARTER' ? '当季度' : '当月'}绩效报酬${Math.round(d.share * 100)}%`,
      en: `${d.reason}: ${Math.round(d.share * 100)}% of the ${d.period === 'QUARTER' ? "quarter's" : "month's"} performance pay deducted`,
    });
  }
  return out;
}

/**
 * National baseline: base pay by the highest post held (secretary 3,000 a month …), performance pay
 * 1,000 × the month's appraisal total ÷ 100 (none without an appraisal), rank pay from the rank
 * policy, the county's pay items of the month (none in the baseline), and sanction deductions as
 * shares of the performance pay (performance items included).
 */
export class DefaultPayPolicy implements PayPolicy {
  components(input: PayInput): PayComponent[] {
    const out: PayComponent[] = [];
    const table = BASELINE_PAY.baseByCategory;
    const best = [...input.posts].sort((a, b) => table[b.category] - table[a.category])[0];
    if (best) {
      out.push({ kind: PayComponentKind.BASE, amount: table[best.category], rule: 'BASE_BY_POST', zh: `基本报酬：按所任最高岗位${best.title}`, en: `base pay for the highest post held: ${best.title}` });
    }
    const full = BASELINE_PAY.performanceAtFullScore;
    if (input.appraisalTotal === null) {
      out.push({ kind: PayComponentKind.PERFORMANCE, amount: 0, rule: 'PERFORMANCE_NOT_APPRAISED', zh: '本期未考核，无绩效报酬', en: 'not appraised this period: no performance pay' });
    } else {
      out.push({ kind: PayComponentKind.PERFORMANCE, amount: roundYuan((full * input.appraisalTotal) / 100), rule: 'PERFORMANCE_BY_SCORE', zh: `绩效报酬：${full}元×考核得分${input.appraisalTotal}÷100`, en: `performance pay: ${full} × appraisal total ${input.appraisalTotal} ÷ 100` });
    }
    if (input.rank && input.rank.monthlyPay > 0) {
      out.push({ kind: PayComponentKind.RANK, amount: input.rank.monthlyPay, rule: 'RANK_PAY', zh: `职级报酬：${input.rank.title}`, en: `rank pay: level ${input.rank.level}` });
    }
    out.push(...input.items.map(({ kind, amount, rule, zh, en }) => ({ kind, amount, rule, zh, en })));
    out.push(...deductionComponents(input, performanceOf(out)));
    return out;
  }

  validate(): RuleViolation[] {
    return [];
  }
}
