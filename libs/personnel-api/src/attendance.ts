import { createExtensionPoint } from '@xiangzhi/kernel';
import { type Decision, decision, LeaveApprover, PostCategory } from './common';

/** A day of the duty calendar. */
export interface DutyDay {
  /** `YYYY-MM-DD` */
  date: string;
  /**
   * 工作日 a working day of the county's work calendar: Monday–Friday that is not a public holiday, or
   * a weekend day worked in its place (调休上班); public holidays and the county's own holidays are not.
   */
  workday: boolean;
  /** 节假日 the public (or county) holiday the day belongs to; null on an ordinary day. */
  holiday?: { zh: string; en: string } | null;
  /** 社区 or 行政村 */
  villageKind: 'COMMUNITY' | 'VILLAGE';
}

/** 处理措施 one measure of a sanction. */
export enum SanctionMeasure {
  /** 提醒谈话 reminder talk */
  REMINDER_TALK = 'REMINDER_TALK',
  /** 诫勉谈话 admonishment talk */
  ADMONISHMENT_TALK = 'ADMONISHMENT_TALK',
  /** 通报批评 public criticism */
  CRITICISM = 'CRITICISM',
  /** 扣减绩效报酬 deduction of performance pay */
  DEDUCT_PERFORMANCE_PAY = 'DEDUCT_PERFORMANCE_PAY',
  /** 调整岗位、免职 removal from the post */
  REMOVAL_FROM_POST = 'REMOVAL_FROM_POST',
}

/** Which performance pay a deduction takes from. */
export enum DeductionPeriod {
  /** 当月 the month of the finding */
  MONTH = 'MONTH',
  /** 当季度 the quarter of the finding */
  QUARTER = 'QUARTER',
}

/** 处理决定 what a policy decided for an inspection finding. */
export interface SanctionDecision extends Decision {
  measures: SanctionMeasure[];
  /** Share (0–1) of performance pay deducted; 0 when none. */
  deductionShare: number;
  /** The period the deduction applies to; null when no deduction. */
  deductionPeriod: DeductionPeriod | null;
  /** 是否属于纪律处分 whether it counts as a disciplinary sanction (honours look at it). */
  disciplinary: boolean;
}

/** An unreported absence found by inspection (督查发现的擅自离岗). */
export interface FindingFacts {
  /** `YYYY-MM-DD` */
  date: string;
  /**
   * Which finding of the cadre's calendar year this is **by date** (1 = the earliest): the findings
   * dated on or before it in the same year, this one included. A back-dated finding is refused once a
   * later-dated one of the year has been sanctioned, so the count never changes after a decision.
   */
  occurrenceInYear: number;
  postCategory: PostCategory;
}

/** 坐班与请销假 duty, leave and absence rules. */
export interface AttendancePolicy {
  /** Hours on duty required on a day from each cadre (0 when none). */
  requiredHours(day: DutyDay): number;
  /** People required on duty on a rest day (weekend or public holiday, `!day.workday`) for the whole village; 0 when none. */
  restDayCoverage(day: DutyDay): number;
  /** Who approves leave for a post of this category. */
  leaveApprover(category: PostCategory): LeaveApprover;
  /** The sanction for an unreported absence found by inspection. */
  sanctionFor(finding: FindingFacts): SanctionDecision;
}

export const attendancePolicyPoint = createExtensionPoint<AttendancePolicy>({
  id: 'personnel.attendance',
  subgraph: 'personnel',
  title: { zh: '坐班考勤', en: 'Attendance' },
});

export const BASELINE_ATTENDANCE = {
  /** Half a working day on duty at the service centre. */
  workdayHours: 4,
  restDayCoverage: 0,
} as const;

/**
 * National baseline: half a working day (4 hours) on duty at the service centre, no rest-day
 * coverage required; a secretary's or director's leave is approved by the township, others' by the
 * secretary; unreported absence: 1st reminder talk, 2nd admonishment talk, 3rd and later public
 * criticism with half that month's performance pay deducted.
 */
export class DefaultAttendancePolicy implements AttendancePolicy {
  requiredHours(day: DutyDay): number {
    return day.workday ? BASELINE_ATTENDANCE.workdayHours : 0;
  }

  restDayCoverage(day: DutyDay): number {
    return day.workday ? 0 : BASELINE_ATTENDANCE.restDayCoverage;
  }

  leaveApprover(category: PostCategory): LeaveApprover {
    return category === PostCategory.PARTY_SECRETARY || category === PostCategory.COMMITTEE_DIRECTOR ? LeaveApprover.TOWNSHIP : LeaveApprover.VILLAGE_SECRETARY;
  }

  sanctionFor(f: FindingFacts): SanctionDecision {
    if (f.occurrenceInYear <= 1) {
      return { ...decision('ABSENCE_FIRST', '年内第1次擅自离岗：提醒谈话', '1st unreported absence this year: reminder talk'), measures: [SanctionMeasure.REMINDER_TALK], deductionShare: 0, deductionPeriod: null, disciplinary: false };
    }
    if (f.occurrenceInYear === 2) {
      return { ...decision('ABSENCE_SECOND', '年内第2次擅自离岗：诫勉谈话', '2nd unreported absence this year: admonishment talk'), measures: [SanctionMeasure.ADMONISHMENT_TALK], deductionShare: 0, deductionPeriod: null, disciplinary: false };
    }
    return {
      ...decision('ABSENCE_REPEATED', `年内第${f.occurrenceInYear}次擅自离岗：通报批评，扣减当月绩效报酬50%`, `unreported absence no. ${f.occurrenceInYear} this year: public criticism, 50% of the month's performance pay deducted`),
      measures: [SanctionMeasure.CRITICISM, SanctionMeasure.DEDUCT_PERFORMANCE_PAY],
      deductionShare: 0.5,
      deductionPeriod: DeductionPeriod.MONTH,
      disciplinary: false,
    };
  }
}
