import { createExtensionPoint } from '@xiangzhi/kernel';

/** 处置层级 the tier handling an incident: village 初诊 → township 会诊 → county 联诊. */
export enum EscalationTier {
  /** 村级调解室“初诊” village mediation room */
  VILLAGE = 'VILLAGE',
  /** 乡镇调解中心“会诊” township mediation centre */
  TOWNSHIP = 'TOWNSHIP',
  /** 县三源治理中心“联诊” county joint-diagnosis centre */
  COUNTY = 'COUNTY',
}

/** The tiers from the lowest to the highest. */
export const ESCALATION_TIERS: readonly EscalationTier[] = [EscalationTier.VILLAGE, EscalationTier.TOWNSHIP, EscalationTier.COUNTY];

/**
 * 事件类别 incident categories (after the event classes of GB/T 31000-2015 social-order governance
 * base data). Stable codes, so a county policy can give a category its own deadlines.
 */
export enum IncidentCategory {
  /** 矛盾纠纷 disputes between neighbours, families, over land boundaries… */
  DISPUTE = 'DISPUTE',
  /** 社会治安 public order */
  PUBLIC_SECURITY = 'PUBLIC_SECURITY',
  /** 安全隐患 safety hazards (fire, flood, dangerous buildings, roads) */
  SAFETY_HAZARD = 'SAFETY_HAZARD',
  /** 环境卫生 sanitation and environment */
  ENVIRONMENT = 'ENVIRONMENT',
  /** 基础设施 roads, water, power, street lights */
  INFRASTRUCTURE = 'INFRASTRUCTURE',
  /** 民生服务 social security, health, assistance, certificates */
  LIVELIHOOD = 'LIVELIHOOD',
  /** 土地山林 land, forest and contracted land */
  LAND = 'LAND',
  /** 其他 anything else */
  OTHER = 'OTHER',
}

/** What a policy sees of an open incident when asked whether it is overdue. */
export interface EscalationSubject {
  tier: EscalationTier;
  category: IncidentCategory;
  /** The deadline set (by this policy's `deadlineFor`) when the incident reached its tier. */
  deadline: Date;
}

/**
 * 事件升级规则 how long each tier has to handle an incident and where an unresolved incident goes
 * next. Implementations must be pure: the grids subgraph stores the deadline `deadlineFor` gives
 * when an incident reaches a tier, and its `escalate-overdue` job asks `isOverdue` about open
 * incidents whose stored deadline has passed (so a county may add grace, never an earlier deadline).
 */
export interface EscalationPolicy {
  /** Deadline for an incident of `category` entering `tier` at `from`. */
  deadlineFor(tier: EscalationTier, category: IncidentCategory, from: Date): Date;
  /** The tier above `tier`, or null at the top (no further escalation). */
  nextTier(tier: EscalationTier): EscalationTier | null;
  /** Whether an open incident is overdue at `now`. */
  isOverdue(incident: EscalationSubject, now: Date): boolean;
}

/** 事件升级规则 extension point: bind an implementation in a plugin's `policies`. */
export const escalationPolicyPoint = createExtensionPoint<EscalationPolicy>({
  id: 'grids.escalation',
  subgraph: 'grids',
  title: { zh: '事件升级规则', en: 'Incident escalation policy' },
});

/** Calendar days each tier has, from the moment the incident reaches it. */
export type TierDays = Readonly<Record<EscalationTier, number>>;

/** Baseline handling time per tier: village 3 days, township 7 days, county 15 days. */
export const BASELINE_TIER_DAYS: TierDays = Object.freeze({
  [EscalationTier.VILLAGE]: 3,
  [EscalationTier.TOWNSHIP]: 7,
  [EscalationTier.COUNTY]: 15,
});

const DAY_MS = 24 * 3600 * 1000;

function checkDays(days: Partial<Record<EscalationTier, number>>, what: string): void {
  for (const [tier, n] of Object.entries(days)) {
    if (n === undefined) continue;
    if (!(Number.isFinite(n) && n > 0)) throw new Error(`${what}: days for ${tier} must be a positive number, got ${n}`);
  }
}

/**
 * National baseline: village 初诊 → township 会诊 → county 联诊, with `days` calendar days at each
 * tier (default 3, 7 and 15) counted from the moment the incident reaches the tier; a category may
 * have its own days (`categoryDays`, e.g. disputes faster at the village). An open incident is
 * overdue once its deadline has passed.
 */
export class DefaultEscalationPolicy implements EscalationPolicy {
  readonly days: TierDays;
  readonly categoryDays: Readonly<Partial<Record<IncidentCategory, Partial<Record<EscalationTier, number>>>>>;

  constructor(
    days: Partial<Record<EscalationTier, number>> = {},
    categoryDays: Partial<Record<IncidentCategory, Partial<Record<EscalationTier, number>>>> = {},
  ) {
    checkDays(days, 'escalation policy');
    for (const [category, overrides] of Object.entries(categoryDays)) checkDays(overrides ?? {}, `escalation policy (${category})`);
    this.days = Object.freeze({ ...BASELINE_TIER_DAYS, ...days });
    this.categoryDays = Object.freeze({ ...categoryDays });
  }

  /** Days `tier` has for `category`: the category's own number, else the tier's. */
  daysFor(tier: EscalationTier, category: IncidentCategory): number {
    return this.categoryDays[category]?.[tier] ?? this.days[tier];
  }

  deadlineFor(tier: EscalationTier, category: IncidentCategory, from: Date): Date {
    return new Date(from.getTime() + this.daysFor(tier, category) * DAY_MS);
  }

  nextTier(tier: EscalationTier): EscalationTier | null {
    const i = ESCALATION_TIERS.indexOf(tier);
    return i < 0 ? null : (ESCALATION_TIERS[i + 1] ?? null);
  }

  isOverdue(incident: EscalationSubject, now: Date): boolean {
    return now.getTime() > incident.deadline.getTime();
  }
}
