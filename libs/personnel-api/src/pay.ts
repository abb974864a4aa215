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

/** A value of a pay component's structured data. */
export type PayDataValue = string | number | boolean;

/** 数据 the figures behind a pay component (e.g. `{ growthRate: 0.12, postClass: 'SECRETARY' }`). */
export type PayData = Readonly<Record<string, PayDataValue>>;

/**
 * One component of a month's pay: amount (yuan; negative for deductions), the rule behind it, the
 * figures it was computed from (`data`, stored with the pay record and answered as
 * `PayComponent.data`) and which policy or item source produced it (`source`).
 */
export interface PayComponent extends Decision {
  kind: PayComponentKind;
  amount: number;
  /** Structured figures behind the amount; stored with the pay record. */
  data?: PayData;
  /**
   * 来源 who produced the component: a plugin name or `baseline`. Leave it out for your own
   * components (the platform stamps the name of the policy that applies); a component made by a
   * delegated policy (`next`, the baseline) keeps that policy's name; a pay item keeps its source's.
   */
  source?: string;
}

/** A sanction's deduction that applies to the month being paid. */
export interface PayDeduction {
  /** Share (0–1) of performance pay. */
  share: number;
  period: DeductionPeriod;
  /** What it comes from, e.g. `2024-03-12 督查发现擅自离岗（第1次）`. */
  reason: string;
}

/** 村（社区）the village a payroll is for. */
export interface PayVillage {
  /** 12-digit division code. */
  code: string;
  /** 社区 (residents' committee, village part 001–199) or 行政村 (villagers' committee, 200–399). */
  kind: 'COMMUNITY' | 'VILLAGE';
}

/** A post a cadre held during the month, with the days held. */
export interface PayPost {
  code: string;
  title: string;
  category: PostCategory;
  fullTime: boolean;
  /** First and last day (`YYYY-MM-DD`) the post was held within the month; absent in hand-built inputs (read: the whole month). */
  from?: string;
  to?: string;
}

/**
 * 在岗天数 the days of the month the cadre held any post of the village: a holding counts from its
 * start date up to the day before its end date (免职日期, the first day no longer held).
 */
export interface PayTenure {
  daysHeld: number;
  daysInMonth: number;
}

/** Everything a pay policy may use for one cadre and one month. */
export interface PayInput {
  month: Month;
  /** The village of the payroll (absent only in inputs built by hand for a unit test). */
  village?: PayVillage;
  cadre: { id: string; fullTime: boolean; serviceStart: string };
  /**
   * Posts the cadre held during the month — who held which post in that month (`post_assignment`
   * start and end dates), not who holds it today.
   */
  posts: PayPost[];
  /** Days held in the month (absent in hand-built inputs: the whole month). */
  tenure?: PayTenure;
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
 * carries the figures behind it (e.g. the pay class of a recorded grade): it reaches the policy and
 * is stored with the pay record when the item becomes a component. `source` is stamped by the
 * platform with the name of the plugin whose item source gave it.
 */
export interface PayItem extends PayComponent {
  /** Stamped by the platform with the name of the plugin whose item source gave the item (unless it names its own). */
  source?: string;
}

/** A pay item as a component: everything kept (data and source included). */
export function itemComponent(item: PayItem): PayComponent {
  return { ...item };
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
 * never one per cadre. Cadres without items may be missing from the map. Every enabled plugin's
 * source is asked (in the deployment's order) and their items are combined, each keeping its source.
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

/** A cadre a payroll pays, as `prepare` sees them. */
export interface PayrollCadre {
  id: string;
  name: string;
  fullTime: boolean;
  serviceStart: string;
  posts: PayPost[];
  tenure: PayTenure;
}

/** What a policy's per-payroll `prepare` step is given: one village, one month, every cadre paid. */
export interface PayrollQuery {
  /** The payroll's transaction: read your own tables through it. */
  manager: EntityManager;
  village: PayVillage;
  month: Month;
  cadres: PayrollCadre[];
}

/**
 * 报酬 how a county composes a cadre's pay. `F` is what `prepare` gathers once per payroll (village
 * facts such as collective-economy growth or residents' trust, read in a few batched statements)
 * and hands to `components` and `validate` for every cadre.
 *
 * A plugin's policy is built with `next` (`bindPolicy(payPolicyPoint, (config, next) => …)`): the
 * policy that would otherwise apply in the county (another enabled plugin's, else the baseline). To
 * wrap it, call its `prepare` (when it has one), `components` and `validate` with its own facts;
 * the components it makes keep its name as their source.
 */
export interface PayPolicy<F = unknown> {
  /** Optional: gathers the payroll's facts before any cadre is paid (asynchronous, inside the payroll's transaction). */
  prepare?(payroll: PayrollQuery): Promise<F>;
  /** The month's pay components, each with its rule (may be asynchronous). */
  components(input: PayInput, facts: F): PayComponent[] | Promise<PayComponent[]>;
  /** Refusals for a computed month (e.g. an annualised amount outside the county's band); empty when fine. */
  validate(input: PayInput, components: PayComponent[], facts: F): RuleViolation[];
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
 * shares of the performance pay (performance items included). Its own components name `baseline`
 * as their source, also when a plugin's policy delegates to it.
 */
export class DefaultPayPolicy implements PayPolicy<unknown> {
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
    const items = input.items.map(itemComponent);
    const deductions = deductionComponents(input, performanceOf([...out, ...items]));
    const baseline = (cs: PayComponent[]) => cs.map((c) => ({ ...c, source: 'baseline' }));
    return [...baseline(out), ...items, ...baseline(deductions)];
  }

  validate(): RuleViolation[] {
    return [];
  }
}
