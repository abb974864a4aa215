import { createExtensionPoint } from '@xiangzhi/kernel';

/** 三务公开类别 what is disclosed: Party affairs, village affairs, finances. */
export type DisclosureKindName = 'PARTY' | 'VILLAGE' | 'FINANCE';

/** How often a kind is due: every month (period `YYYY-MM`) or every quarter (period `YYYY-Qn`). */
export type DisclosureFrequency = 'MONTHLY' | 'QUARTERLY';

/** 公开要求 one kind of disclosure the county requires: how often, and by which day of the month after the period. */
export interface DisclosureRequirement {
  kind: DisclosureKindName;
  frequency: DisclosureFrequency;
  /**
   * 截止日 the day of the month following the period by which it must be published (1–28). When
   * that day is not a working day in the county (weekend or statutory holiday; the county's own days
   * count, adjusted working days 调休上班 are working days), the deadline moves to the next working day.
   */
  dueDay: number;
  /** What must be disclosed (shown to village staff), bilingual. */
  zh: string;
  en: string;
}

/**
 * 三务公开规则 the `economy.disclosure` extension point: what a village must disclose, how often and
 * by which day, and how many working days a village has to answer a resident's objection.
 */
export interface DisclosurePolicy {
  requirements(): DisclosureRequirement[];
  /** 异议答复时限 working days (county calendar) from the day an objection is raised to the last day of its answer. */
  objectionAnswerWorkdays(): number;
}

export const disclosurePolicyPoint = createExtensionPoint<DisclosurePolicy>({
  id: 'economy.disclosure',
  subgraph: 'economy',
  title: { zh: '三务公开规则', en: 'Disclosure schedule (三务公开)' },
});

/**
 * The national baseline: finances monthly by the 10th of the next month; village affairs and Party
 * affairs quarterly by the 10th of the month after the quarter; objections answered within 10
 * working days. The monthly finance schedule is the common rule of the 村务公开 provisions; the
 * quarterly day (10th) and the 10 working days for an answer are baseline choices a county may change.
 */
export const BASELINE_DISCLOSURE = { dueDay: 10, objectionAnswerWorkdays: 10 } as const;

export class DefaultDisclosurePolicy implements DisclosurePolicy {
  requirements(): DisclosureRequirement[] {
    return [
      { kind: 'FINANCE', frequency: 'MONTHLY', dueDay: BASELINE_DISCLOSURE.dueDay, zh: '财务收支、债权债务、集体资产资源', en: 'income and spending, claims and debts, collective assets and resources' },
      { kind: 'VILLAGE', frequency: 'QUARTERLY', dueDay: BASELINE_DISCLOSURE.dueDay, zh: '村级重大事项、惠民政策落实、工程项目', en: 'major matters, benefits paid out, works' },
      { kind: 'PARTY', frequency: 'QUARTERLY', dueDay: BASELINE_DISCLOSURE.dueDay, zh: '党组织建设、党员发展、党费收缴', en: 'Party organisation, new members, Party dues' },
    ];
  }

  objectionAnswerWorkdays(): number {
    return BASELINE_DISCLOSURE.objectionAnswerWorkdays;
  }
}

/** The periods (`YYYY-MM` or `YYYY-Qn`) of a frequency whose last day lies in `[from, to]`, each with its first and last day. */
export function periodsEndingBetween(frequency: DisclosureFrequency, from: string, to: string): { period: string; first: string; last: string }[] {
  const out: { period: string; first: string; last: string }[] = [];
  const startYear = Number(from.slice(0, 4)) - 1;
  const endYear = Number(to.slice(0, 4));
  for (let y = startYear; y <= endYear; y += 1) {
    const spans = frequency === 'MONTHLY' ? Array.from({ length: 12 }, (_, i) => ({ period: `${y}-${String(i + 1).padStart(2, '0')}`, m0: i, m1: i })) : [1, 2, 3, 4].map((q) => ({ period: `${y}-Q${q}`, m0: (q - 1) * 3, m1: q * 3 - 1 }));
    for (const s of spans) {
      const first = `${y}-${String(s.m0 + 1).padStart(2, '0')}-01`;
      const last = new Date(Date.UTC(y, s.m1 + 1, 0)).toISOString().slice(0, 10);
      if (last >= from && last <= to) out.push({ period: s.period, first, last });
    }
  }
  return out;
}

/** The first and last day of a period `YYYY-MM` or `YYYY-Qn`; null when malformed. */
export function periodSpan(period: string): { first: string; last: string; frequency: DisclosureFrequency } | null {
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (month) {
    const [y, m] = [Number(month[1]), Number(month[2])];
    return { first: `${period}-01`, last: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10), frequency: 'MONTHLY' };
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    const [y, q] = [Number(quarter[1]), Number(quarter[2])];
    return { first: `${y}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`, last: new Date(Date.UTC(y, q * 3, 0)).toISOString().slice(0, 10), frequency: 'QUARTERLY' };
  }
  return null;
}
