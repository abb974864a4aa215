/**
 * 党纪政务处分 disciplinary sanctions recorded on a cadre: Party discipline (《中国共产党纪律处分条例》)
 * and government sanctions (《中华人民共和国公职人员政务处分法》), with their statutory periods of
 * effect (影响期). Honour and eligibility rules read them: a sanction during service withholds a
 * departure honour, and a sanction still in effect is a disqualifying situation (`PARTY_DISCIPLINE`).
 */

/** 处分类别 */
export enum DisciplinaryCategory {
  /** 党纪处分 */
  PARTY = 'PARTY',
  /** 政务处分 */
  GOVERNMENT = 'GOVERNMENT',
}

/** 处分种类 the kinds of sanction. */
export enum DisciplinaryKind {
  /** 党纪：警告 */
  PARTY_WARNING = 'PARTY_WARNING',
  /** 党纪：严重警告 */
  PARTY_SERIOUS_WARNING = 'PARTY_SERIOUS_WARNING',
  /** 党纪：撤销党内职务 */
  PARTY_POST_REVOKED = 'PARTY_POST_REVOKED',
  /** 党纪：留党察看（察看期一年或二年，由决定写明） */
  PARTY_PROBATION = 'PARTY_PROBATION',
  /** 党纪：开除党籍 */
  PARTY_EXPULSION = 'PARTY_EXPULSION',
  /** 政务：警告 */
  GOVERNMENT_WARNING = 'GOVERNMENT_WARNING',
  /** 政务：记过 */
  GOVERNMENT_DEMERIT = 'GOVERNMENT_DEMERIT',
  /** 政务：记大过 */
  GOVERNMENT_MAJOR_DEMERIT = 'GOVERNMENT_MAJOR_DEMERIT',
  /** 政务：降级 */
  GOVERNMENT_DEMOTION = 'GOVERNMENT_DEMOTION',
  /** 政务：撤职 */
  GOVERNMENT_DISMISSAL_FROM_POST = 'GOVERNMENT_DISMISSAL_FROM_POST',
  /** 政务：开除 */
  GOVERNMENT_EXPULSION = 'GOVERNMENT_EXPULSION',
}

export interface DisciplinaryKindInfo {
  category: DisciplinaryCategory;
  zh: string;
  en: string;
  /**
   * Statutory period of effect in months; `null` for 开除党籍 and 开除 (no end: the person is out of
   * the Party or public office); for 留党察看 the months after the probation period (see `effectMonths`).
   */
  months: number | null;
  /** Where the period comes from. */
  basis: string;
}

const RULES = '《中国共产党纪律处分条例》';
const LAW = '《公职人员政务处分法》第八条';

/**
 * The statutory periods:
 * - 党纪: 警告 — 一年内不得在党内提升职务 (12 months); 严重警告 — 一年半内 (18); 撤销党内职务 — 二年内不得担任与
 *   其原任职务相当或者高于其原任职务的职务 (24); 留党察看 — the probation period of the decision (一年或二年)
 *   and 恢复党员权利后二年内 the same restriction (probation + 24); 开除党籍 — no end.
 * - 政务 (政务处分法 第八条): 警告 6 months, 记过 12, 记大过 18, 降级 and 撤职 24; 开除 — no end.
 */
export const DISCIPLINARY_KINDS: Readonly<Record<DisciplinaryKind, DisciplinaryKindInfo>> = {
  [DisciplinaryKind.PARTY_WARNING]: { category: DisciplinaryCategory.PARTY, zh: '警告', en: 'warning', months: 12, basis: `${RULES}：受到警告处分一年内不得在党内提升职务` },
  [DisciplinaryKind.PARTY_SERIOUS_WARNING]: { category: DisciplinaryCategory.PARTY, zh: '严重警告', en: 'serious warning', months: 18, basis: `${RULES}：受到严重警告处分一年半内不得在党内提升职务` },
  [DisciplinaryKind.PARTY_POST_REVOKED]: { category: DisciplinaryCategory.PARTY, zh: '撤销党内职务', en: 'removal from Party posts', months: 24, basis: `${RULES}：二年内不得担任与其原任职务相当或者高于其原任职务的职务` },
  [DisciplinaryKind.PARTY_PROBATION]: { category: DisciplinaryCategory.PARTY, zh: '留党察看', en: 'probation within the Party', months: 24, basis: `${RULES}：察看期一年或二年，恢复党员权利后二年内不得担任与其原任职务相当或者高于其原任职务的职务` },
  [DisciplinaryKind.PARTY_EXPULSION]: { category: DisciplinaryCategory.PARTY, zh: '开除党籍', en: 'expulsion from the Party', months: null, basis: `${RULES}：开除党籍` },
  [DisciplinaryKind.GOVERNMENT_WARNING]: { category: DisciplinaryCategory.GOVERNMENT, zh: '警告', en: 'warning', months: 6, basis: `${LAW}：警告，六个月` },
  [DisciplinaryKind.GOVERNMENT_DEMERIT]: { category: DisciplinaryCategory.GOVERNMENT, zh: '记过', en: 'demerit', months: 12, basis: `${LAW}：记过，十二个月` },
  [DisciplinaryKind.GOVERNMENT_MAJOR_DEMERIT]: { category: DisciplinaryCategory.GOVERNMENT, zh: '记大过', en: 'major demerit', months: 18, basis: `${LAW}：记大过，十八个月` },
  [DisciplinaryKind.GOVERNMENT_DEMOTION]: { category: DisciplinaryCategory.GOVERNMENT, zh: '降级', en: 'demotion', months: 24, basis: `${LAW}：降级，二十四个月` },
  [DisciplinaryKind.GOVERNMENT_DISMISSAL_FROM_POST]: { category: DisciplinaryCategory.GOVERNMENT, zh: '撤职', en: 'dismissal from the post', months: 24, basis: `${LAW}：撤职，二十四个月` },
  [DisciplinaryKind.GOVERNMENT_EXPULSION]: { category: DisciplinaryCategory.GOVERNMENT, zh: '开除', en: 'expulsion from public office', months: null, basis: '《公职人员政务处分法》：开除' },
};

/** The category's name: 党纪处分 / 政务处分. */
export const DISCIPLINARY_CATEGORY_TITLES: Readonly<Record<DisciplinaryCategory, { zh: string; en: string }>> = {
  [DisciplinaryCategory.PARTY]: { zh: '党纪处分', en: 'Party disciplinary sanction' },
  [DisciplinaryCategory.GOVERNMENT]: { zh: '政务处分', en: 'government sanction' },
};

/**
 * 影响期 the statutory period of effect in months (null: no end). 留党察看 needs the probation period
 * of the decision (1 or 2 years) and lasts it plus two years; the other kinds take none.
 */
export function effectMonths(kind: DisciplinaryKind, probationYears: number | null = null): number | null {
  const info = DISCIPLINARY_KINDS[kind];
  if (kind === DisciplinaryKind.PARTY_PROBATION) return (probationYears ?? 0) * 12 + (info.months ?? 0);
  return info.months;
}

/** The first day (`YYYY-MM-DD`) a sanction decided on `decidedOn` is no longer in effect after `months`; null when it has no end. */
export function effectEndsOn(decidedOn: string, months: number | null): string | null {
  if (months === null) return null;
  const [y, m, d] = decidedOn.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

/** Whether a sanction decided on `decidedOn`, ending on `endsOn` (exclusive; null: never), is in effect on `date`. */
export function inEffectOn(decidedOn: string, endsOn: string | null, date: string): boolean {
  return decidedOn <= date && (endsOn === null || date < endsOn);
}
