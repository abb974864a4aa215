import {
  DefaultAttendancePolicy,
  type AttendancePolicy,
  type DutyDay,
  type FindingFacts,
  type SanctionDecision,
  type LeaveApprover,
  type PostCategory,
} from '@xiangzhi/personnel-api';
import type { LongshanQihuaConfig } from './config';

/**
 * 坐班考勤 the county's duty rules: `workdayHours` a working day in a village, `communityWorkdayHours`
 * in a community, `restDayCoverage` people on duty each weekend day. Leave approval and sanctions
 * stay the national baseline's.
 */
export class LongshanQihuaAttendancePolicy implements AttendancePolicy {
  private readonly baseline = new DefaultAttendancePolicy();

  constructor(private readonly config: LongshanQihuaConfig) {}

  requiredHours(day: DutyDay): number {
    if (!day.workday) return 0;
    return day.villageKind === 'COMMUNITY' ? this.config.communityWorkdayHours : this.config.workdayHours;
  }

  restDayCoverage(day: DutyDay): number {
    return day.workday ? 0 : this.config.restDayCoverage;
  }

  leaveApprover(category: PostCategory): LeaveApprover {
    return this.baseline.leaveApprover(category);
  }

  sanctionFor(finding: FindingFacts): SanctionDecision {
    return this.baseline.sanctionFor(finding);
  }
}
