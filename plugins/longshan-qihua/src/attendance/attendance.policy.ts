import {
  DeductionPeriod,
  LeaveApprover,
  PostCategory,
  SanctionMeasure,
  type AttendancePolicy,
  type DutyDay,
  type FindingFacts,
  type SanctionDecision,
} from '@xiangzhi/personnel-api';
import type { LongshanQihuaConfig } from '../config';

const percent = (share: number) => Math.round(share * 100);

/**
 * 脱产化工作 Longshan's duty rules (seed):
 * - 坐班值守: on a working day every full-time cadre is on duty at the service centre at least 6 hours
 *   in a village, 7 in a community; on weekends and holidays at least one person each day;
 * - 外出报备: a secretary's absence needs the township head's consent (乡镇主要负责人), everyone else's
 *   the village secretary's;
 * - 严格执纪处置: an unreported absence found by inspection, counted per calendar year — 1st: 30% of
 *   that month's performance pay; 2nd: the whole month's performance pay and an admonishment talk
 *   (诫勉谈话); 3rd (and any later one): the whole quarter's performance pay and removal from post (免去
 *   职务). None counts as a disciplinary sanction by default (they are organisational measures; see
 *   `attendance.thirdAbsenceDisciplinary`).
 */
export class LongshanAttendancePolicy implements AttendancePolicy {
  private readonly a: LongshanQihuaConfig['attendance'];

  constructor(config: LongshanQihuaConfig) {
    this.a = config.attendance;
  }

  requiredHours(day: DutyDay): number {
    if (!day.workday) return 0;
    return day.villageKind === 'COMMUNITY' ? this.a.communityWorkdayHours : this.a.villageWorkdayHours;
  }

  restDayCoverage(day: DutyDay): number {
    return day.workday ? 0 : this.a.restDayCoverage;
  }

  leaveApprover(category: PostCategory): LeaveApprover {
    return category === PostCategory.PARTY_SECRETARY ? LeaveApprover.TOWNSHIP : LeaveApprover.VILLAGE_SECRETARY;
  }

  sanctionFor(f: FindingFacts): SanctionDecision {
    const a = this.a;
    if (f.occurrenceInYear <= 1) {
      return {
        rule: 'LONGSHAN_ABSENCE_FIRST',
        zh: `年内第1次被督查发现未履行报备手续、擅离职守：扣除当月绩效${percent(a.firstAbsenceShare)}%`,
        en: `1st unreported absence found by inspection this year: ${percent(a.firstAbsenceShare)}% of the month's performance pay deducted`,
        measures: [SanctionMeasure.DEDUCT_PERFORMANCE_PAY],
        deductionShare: a.firstAbsenceShare,
        deductionPeriod: DeductionPeriod.MONTH,
        disciplinary: false,
      };
    }
    if (f.occurrenceInYear === 2) {
      return {
        rule: 'LONGSHAN_ABSENCE_SECOND',
        zh: `年内累计第2次被督查发现擅离职守：扣除当月绩效${percent(a.secondAbsenceShare)}%，诫勉谈话`,
        en: `2nd unreported absence found by inspection this year: ${percent(a.secondAbsenceShare)}% of the month's performance pay deducted, admonishment talk`,
        measures: [SanctionMeasure.DEDUCT_PERFORMANCE_PAY, SanctionMeasure.ADMONISHMENT_TALK],
        deductionShare: a.secondAbsenceShare,
        deductionPeriod: DeductionPeriod.MONTH,
        disciplinary: false,
      };
    }
    return {
      rule: 'LONGSHAN_ABSENCE_THIRD',
      zh: `年内累计第${f.occurrenceInYear}次被督查发现擅离职守：扣除当季绩效${percent(a.thirdAbsenceShare)}%，免去职务`,
      en: `unreported absence no. ${f.occurrenceInYear} found by inspection this year: ${percent(a.thirdAbsenceShare)}% of the quarter's performance pay deducted, removal from post`,
      measures: [SanctionMeasure.DEDUCT_PERFORMANCE_PAY, SanctionMeasure.REMOVAL_FROM_POST],
      deductionShare: a.thirdAbsenceShare,
      deductionPeriod: DeductionPeriod.QUARTER,
      disciplinary: a.thirdAbsenceDisciplinary,
    };
  }
}
