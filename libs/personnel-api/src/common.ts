/**
 * Words every personnel extension point shares: education levels, post categories, ratings,
 * departure types, and the `Decision` every policy returns so that a cadre or an auditor can see
 * which policy and which rule produced a sanction, a pay component, a rating, a rank change or an
 * honour.
 */
import { badInput } from '@xiangzhi/kernel';

/** 学历 education level, lowest first. */
export enum EducationLevel {
  /** 小学及以下 primary school or less */
  PRIMARY = 'PRIMARY',
  /** 初中 junior high school */
  JUNIOR_HIGH = 'JUNIOR_HIGH',
  /** 高中、中专 senior high school or secondary vocational school */
  HIGH_SCHOOL = 'HIGH_SCHOOL',
  /** 大专 college (three-year tertiary) */
  COLLEGE = 'COLLEGE',
  /** 本科 bachelor's degree */
  BACHELOR = 'BACHELOR',
  /** 研究生 postgraduate */
  POSTGRADUATE = 'POSTGRADUATE',
}

export const EDUCATION_ORDER: readonly EducationLevel[] = [
  EducationLevel.PRIMARY,
  EducationLevel.JUNIOR_HIGH,
  EducationLevel.HIGH_SCHOOL,
  EducationLevel.COLLEGE,
  EducationLevel.BACHELOR,
  EducationLevel.POSTGRADUATE,
];

export const EDUCATION_TITLES: Record<EducationLevel, { zh: string; en: string }> = {
  PRIMARY: { zh: '小学及以下', en: 'primary school or less' },
  JUNIOR_HIGH: { zh: '初中', en: 'junior high school' },
  HIGH_SCHOOL: { zh: '高中（中专）', en: 'senior high school' },
  COLLEGE: { zh: '大专', en: 'college' },
  BACHELOR: { zh: '本科', en: "bachelor's degree" },
  POSTGRADUATE: { zh: '研究生', en: 'postgraduate' },
};

/** Whether `level` is `minimum` or higher. */
export function educationAtLeast(level: EducationLevel, minimum: EducationLevel): boolean {
  return EDUCATION_ORDER.indexOf(level) >= EDUCATION_ORDER.indexOf(minimum);
}

/** 大专及以上 college education or higher (what `cadreStats.collegeShare` counts). */
export function isCollegeOrHigher(level: EducationLevel): boolean {
  return educationAtLeast(level, EducationLevel.COLLEGE);
}

/**
 * 岗位类别 what kind of post a post is; county templates map their posts onto these, and policies
 * decide by category (e.g. a secretary's leave is approved at township level).
 */
export enum PostCategory {
  /** 村（社区）党组织书记 Party secretary */
  PARTY_SECRETARY = 'PARTY_SECRETARY',
  /** 党组织副书记、委员 other Party committee post */
  PARTY_COMMITTEE = 'PARTY_COMMITTEE',
  /** 村（居）民委员会主任 villagers'/residents' committee director */
  COMMITTEE_DIRECTOR = 'COMMITTEE_DIRECTOR',
  /** 村（居）民委员会委员 committee member */
  COMMITTEE_MEMBER = 'COMMITTEE_MEMBER',
  /** 村务监督委员会主任 village affairs supervision committee chair */
  SUPERVISION = 'SUPERVISION',
  /** 专职岗位（全职化秘书、专岗、站长）full-time staff post (secretary, specialist, station head) */
  FULL_TIME_STAFF = 'FULL_TIME_STAFF',
  /** 辅警 auxiliary police / public-security officer */
  AUXILIARY_POLICE = 'AUXILIARY_POLICE',
}

/** 谁审批请假 who approves a post holder's leave. */
export enum LeaveApprover {
  /** 乡镇（街道）审批 the township approves (e.g. for a secretary) */
  TOWNSHIP = 'TOWNSHIP',
  /** 村党组织书记审批 the village Party secretary approves */
  VILLAGE_SECRETARY = 'VILLAGE_SECRETARY',
}

/** 年度考核等次 annual rating, as for public institutions (事业单位). */
export enum Rating {
  /** 优秀 excellent (quota-limited) */
  EXCELLENT = 'EXCELLENT',
  /** 称职 competent */
  COMPETENT = 'COMPETENT',
  /** 基本称职 basically competent */
  BASIC = 'BASIC',
  /** 不称职 incompetent */
  INCOMPETENT = 'INCOMPETENT',
}

export const RATING_TITLES: Record<Rating, { zh: string; en: string }> = {
  EXCELLENT: { zh: '优秀', en: 'excellent' },
  COMPETENT: { zh: '称职', en: 'competent' },
  BASIC: { zh: '基本称职', en: 'basically competent' },
  INCOMPETENT: { zh: '不称职', en: 'incompetent' },
};

/** 离任类型 how a cadre leaves. */
export enum DepartureType {
  /** 正常离任（届满、到龄、因病等）normal departure (term ended, age, health) */
  NORMAL = 'NORMAL',
  /** 辞职 resignation */
  RESIGNED = 'RESIGNED',
  /** 免职、罢免、责令辞职 removal or dismissal */
  DISMISSED = 'DISMISSED',
  /** 刚性退出（触发退出情形）hard exit (a disqualifying situation) */
  HARD_EXIT = 'HARD_EXIT',
  /** 在职去世 death in service */
  DECEASED = 'DECEASED',
}

/**
 * One decision of a policy: which rule produced it and why, in both languages. `policy` is filled in
 * by the platform (the plugin name or `baseline`); policies return the rest.
 */
export interface Decision {
  /** Stable rule code, e.g. `ABSENCE_FIRST`, `BASE_PAY_TABLE`. */
  rule: string;
  zh: string;
  en: string;
}

/** Shorthand for a `Decision`. */
export function decision(rule: string, zh: string, en: string): Decision {
  return { rule, zh, en };
}

/** Whole years between a `YYYY-MM-DD` date and another (age on a date, years of service). */
export function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  let years = ty - fy;
  if (tm < fm || (tm === fm && td < fd)) years -= 1;
  return years;
}

/** Rounds an amount of yuan to fen (two decimals). */
export function roundYuan(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/** `YYYY-MM` pay or appraisal month. */
export type Month = string;

/** A well-formed `YYYY-MM` month. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** BAD_USER_INPUT unless `month` is `YYYY-MM`. */
export function requireMonth(month: string, field = 'month'): void {
  if (!MONTH_PATTERN.test(month)) throw badInput(`月份格式应为 YYYY-MM：${month}`, `The month must be YYYY-MM: ${month}`, { field });
}

/** The quarter (1–4) a `YYYY-MM` month falls in. */
export function quarterOf(month: Month): number {
  return Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1;
}

/** The months of the quarter a `YYYY-MM` month falls in. */
export function monthsOfQuarter(month: Month): Month[] {
  const year = month.slice(0, 4);
  const first = (quarterOf(month) - 1) * 3 + 1;
  return [first, first + 1, first + 2].map((m) => `${year}-${String(m).padStart(2, '0')}`);
}
