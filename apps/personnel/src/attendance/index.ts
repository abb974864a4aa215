import type { SubgraphFeature } from '@xiangzhi/kernel';
import { DutyCheckIn, InspectionFinding, LeaveRequest, Sanction } from './attendance.entity';

/** 考勤 duty check-ins, leave (请销假), inspection findings and the sanctions the policy decides, duty coverage. */
export const attendanceFeature: SubgraphFeature = {
  entities: [DutyCheckIn, LeaveRequest, InspectionFinding, Sanction],
};
