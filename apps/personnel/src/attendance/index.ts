import type { SubgraphFeature } from '@xiangzhi/kernel';
import { DutyCheckIn, InspectionFinding, LeaveRequest, Sanction } from './attendance.entity';
import {
  AttendanceResolver,
  CadreAttendanceResolver,
  DutyShortfallResolver,
  InspectionFindingResolver,
  LeaveRequestResolver,
  SanctionResolver,
} from './attendance.resolver';
import { CountyPluginsResolver } from './county-plugins.resolver';
import { WorkCalendarResolver } from './work-calendar.resolver';

/** 考勤 duty check-ins, leave (请销假), inspection findings and the sanctions the policy decides, duty coverage. */
export const attendanceFeature: SubgraphFeature = {
  entities: [DutyCheckIn, LeaveRequest, InspectionFinding, Sanction],
  resolvers: [AttendanceResolver, LeaveRequestResolver, SanctionResolver, InspectionFindingResolver, DutyShortfallResolver, CadreAttendanceResolver, WorkCalendarResolver, CountyPluginsResolver],
};

export { DutyCheckIn, InspectionFinding, LeaveRequest, LeaveStatus, Sanction } from './attendance.entity';
