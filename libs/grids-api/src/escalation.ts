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

const TIER_ORDER: readonly EscalationTier[] = [EscalationTier.VILLAGE, EscalationTier.TOWNSHIP, EscalationTier.COUNTY];

/** How long each tier has to resolve an incident, and where an unresolved incident goes next. */
export interface EscalationPolicy {
  /** Deadline for an incident entering `tier` at `from` (category lets a county set shorter ones). */
  deadlineFor(tier: EscalationTier, category: string, from: Date): Date;
  /** The tier above, or null at the top. */
  nextTier(tier: EscalationTier): EscalationTier | null;
  /** Whether an open incident at `deadline` is overdue at `now`. */
  isOverdue(deadline: Date, now: Date): boolean;
}

/** The extension point for incident escalation (deadlines per tier). */
export const escalationPolicyPoint = createExtensionPoint<EscalationPolicy>({
  id: 'grids.escalation',
  subgraph: 'grids',
  title: { zh: '事件升级规则', en: 'Incident escalation policy' },
});

const DAY_MS = 24 * 3600 * 1000;

/**
 * National baseline: village 3 days, township 7 days, county 15 days (calendar days from the
 * moment the incident reaches the tier); village → township → county.
 */
export class DefaultEscalationPolicy implements EscalationPolicy {
  constructor(
    private readonly days: Readonly<Record<EscalationTier, number>> = {
      [EscalationTier.VILLAGE]: 3,
      [EscalationTier.TOWNSHIP]: 7,
      [EscalationTier.COUNTY]: 15,
    },
  ) {}

  deadlineFor(tier: EscalationTier, _category: string, from: Date): Date {
    return new Date(from.getTime() + this.days[tier] * DAY_MS);
  }

  nextTier(tier: EscalationTier): EscalationTier | null {
    return TIER_ORDER[TIER_ORDER.indexOf(tier) + 1] ?? null;
  }

  isOverdue(deadline: Date, now: Date): boolean {
    return now.getTime() > deadline.getTime();
  }
}
