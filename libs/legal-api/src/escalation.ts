import { createExtensionPoint, type WorkCalendar } from '@xiangzhi/kernel';

/** 化解层级 the tier handling a dispute: village 初诊 → township 会诊 → county 联诊 (三源共治). */
export enum DisputeTier {
  /** 村矛调室“初诊” village mediation room */
  VILLAGE = 'VILLAGE',
  /** 镇矛调中心“会诊” township mediation centre */
  TOWNSHIP = 'TOWNSHIP',
  /** 县“三源”治理中心“联诊” county three-sources centre */
  COUNTY = 'COUNTY',
}

/** The tiers from the lowest to the highest. */
export const DISPUTE_TIERS: readonly DisputeTier[] = [DisputeTier.VILLAGE, DisputeTier.TOWNSHIP, DisputeTier.COUNTY];

/** 纠纷类别 dispute categories (stable codes; a county policy may give a category its own deadlines). */
export enum DisputeCategory {
  /** 土地山林 land, forest, contracted land, boundaries */
  LAND = 'LAND',
  /** 婚姻家庭 marriage, family, support of elders, inheritance */
  FAMILY = 'FAMILY',
  /** 邻里 neighbours */
  NEIGHBOUR = 'NEIGHBOUR',
  /** 劳动 labour and wages */
  LABOUR = 'LABOUR',
  /** 损害赔偿 damages (injury, property) */
  DAMAGES = 'DAMAGES',
  /** 合同债务 contracts and debts */
  CONTRACT = 'CONTRACT',
  /** 征地拆迁 land requisition and demolition */
  REQUISITION = 'REQUISITION',
  /** 其他 anything else */
  OTHER = 'OTHER',
}

/** How a tier's days are counted. */
export enum DayCount {
  /** 自然日 calendar days */
  CALENDAR_DAYS = 'CALENDAR_DAYS',
  /** 工作日 working days of the county's work calendar (holidays and 调休 included) */
  WORKING_DAYS = 'WORKING_DAYS',
}

/** What a policy sees of an open dispute when asked whether it is overdue. */
export interface DisputeEscalationSubject {
  tier: DisputeTier;
  category: DisputeCategory;
  /** The last day (`YYYY-MM-DD`, inclusive) the tier has, set by `deadlineFor` when the dispute reached it. */
  deadline: string;
}

/**
 * 纠纷分级化解期限 how long each tier has to settle a dispute and where an unsettled one goes next.
 * Implementations must be pure. The legal subgraph stores the deadline `deadlineFor` gives when a
 * dispute reaches a tier; its `escalate-overdue-disputes` job asks `isOverdue` about open disputes
 * whose stored deadline has passed, and moves them to `nextTier`.
 */
export interface DisputeEscalationPolicy {
  /** How `days` are counted (stated so that users read the deadline right). */
  readonly dayCount: DayCount;
  /** Days `tier` has for `category`. */
  daysFor(tier: DisputeTier, category: DisputeCategory): number;
  /**
   * The last day (`YYYY-MM-DD`, inclusive) of a dispute of `category` reaching `tier` on `from`
   * (`YYYY-MM-DD`), in the county of `regionCode` (its work calendar).
   */
  deadlineFor(tier: DisputeTier, category: DisputeCategory, from: string, calendar: WorkCalendar, regionCode: string): string;
  /** The tier above `tier`, or null at the top (no further escalation). */
  nextTier(tier: DisputeTier): DisputeTier | null;
  /** Whether an open dispute is overdue on `today` (`YYYY-MM-DD`). */
  isOverdue(dispute: DisputeEscalationSubject, today: string): boolean;
}

/** 纠纷分级化解期限 extension point (`legal.escalation`). */
export const disputeEscalationPolicyPoint = createExtensionPoint<DisputeEscalationPolicy>({
  id: 'legal.escalation',
  subgraph: 'legal',
  title: { zh: '纠纷分级化解期限', en: 'Dispute escalation policy' },
});

/** Days each tier has. */
export type DisputeTierDays = Readonly<Record<DisputeTier, number>>;

/**
 * Baseline: village 初诊 7 working days, township 会诊 15 working days, county 联诊 30 working days
 * (people's mediation settles most village disputes within a week; the 人民调解 practice of one
 * month for a mediation is the county tier's bound).
 */
export const BASELINE_DISPUTE_TIER_DAYS: DisputeTierDays = Object.freeze({
  [DisputeTier.VILLAGE]: 7,
  [DisputeTier.TOWNSHIP]: 15,
  [DisputeTier.COUNTY]: 30,
});

function addCalendarDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * National baseline: 初诊 → 会诊 → 联诊 with `days` per tier (default 7, 15, 30) counted in
 * `dayCount` (default WORKING_DAYS on the county's work calendar) from the day after the dispute
 * reaches the tier; the deadline is that last day, inclusive. A category may have its own days
 * (`categoryDays`). An open dispute is overdue from the day after its deadline.
 */
export class DefaultDisputeEscalationPolicy implements DisputeEscalationPolicy {
  readonly days: DisputeTierDays;

  constructor(
    days: Partial<Record<DisputeTier, number>> = {},
    readonly dayCount: DayCount = DayCount.WORKING_DAYS,
    readonly categoryDays: Readonly<Partial<Record<DisputeCategory, Partial<Record<DisputeTier, number>>>>> = {},
  ) {
    for (const [tier, n] of [...Object.entries(days), ...Object.values(categoryDays).flatMap((d) => Object.entries(d ?? {}))]) {
      if (n !== undefined && !(Number.isInteger(n) && n > 0)) throw new Error(`dispute escalation policy: days for ${tier} must be a positive integer, got ${n}`);
    }
    this.days = Object.freeze({ ...BASELINE_DISPUTE_TIER_DAYS, ...days });
  }

  daysFor(tier: DisputeTier, category: DisputeCategory): number {
    return this.categoryDays[category]?.[tier] ?? this.days[tier];
  }

  deadlineFor(tier: DisputeTier, category: DisputeCategory, from: string, calendar: WorkCalendar, regionCode: string): string {
    const n = this.daysFor(tier, category);
    return this.dayCount === DayCount.WORKING_DAYS ? calendar.addWorkdays(from, n, regionCode) : addCalendarDays(from, n);
  }

  nextTier(tier: DisputeTier): DisputeTier | null {
    const i = DISPUTE_TIERS.indexOf(tier);
    return i < 0 ? null : (DISPUTE_TIERS[i + 1] ?? null);
  }

  isOverdue(dispute: DisputeEscalationSubject, today: string): boolean {
    return today > dispute.deadline;
  }
}
