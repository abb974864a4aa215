import { paginate, type ConnectionShape, type RequestContext } from '@xiangzhi/kernel';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Cadre } from '../cadre/cadre.entity';
import { PersonnelAccess } from '../shared/access';
import { emptyConnection } from '../shared/connection';
import { PolicyDecision } from '../shared/decision';
import { cadreOf } from '../shared/loaders';
import { DutyCheckIn, InspectionFinding, LeaveRequest, LeaveRequestConnection, Sanction } from './attendance.entity';
import { ApproveLeaveInput, LeaveRequestsArgs, RecordDutyCheckInInput, RecordInspectionFindingInput, ReportBackInput, RequestLeaveInput } from './attendance.inputs';
import { findingsByCadreLoader, leaveRequestsByCadreLoader, sanctionLoader, sanctionsByCadreLoader } from './attendance.loaders';
import { approveLeave, recordDutyCheckIn, recordInspectionFinding, reportBack, requestLeave } from './attendance.service';
import { DutyCoverageReport, DutyShortfall, InspectionFindingResult } from './attendance.types';
import { dutyCoverage } from './duty-coverage.service';

/** 考勤 duty check-ins, leave (请销假), inspection findings with their sanctions, duty coverage. */
@Resolver()
export class AttendanceResolver {
  @Mutation(() => DutyCheckIn, {
    description: '登记坐班（村级及以上；干部须在职，日期不晚于今天，同一干部同日合计不超过24小时）/ Record hours on duty (village writers; a serving cadre, not a future date, at most 24 hours a day)',
  })
  recordDutyCheckIn(@Arg('input', () => RecordDutyCheckInInput, { description: '输入 / Input' }) input: RecordDutyCheckInInput, @Ctx() ctx: RequestContext): Promise<DutyCheckIn> {
    return recordDutyCheckIn(ctx, input);
  }

  @Mutation(() => LeaveRequest, {
    description:
      '请假：审批层级由区县考勤政策按所任岗位决定（如书记由乡镇审批）；与已申请或已批准的请假重叠则拒绝 / ' +
      'Request leave: the county attendance policy decides the approval level from the posts held (e.g. the township for a secretary); overlapping requested or approved leave is refused',
  })
  requestLeave(@Arg('input', () => RequestLeaveInput, { description: '输入 / Input' }) input: RequestLeaveInput, @Ctx() ctx: RequestContext): Promise<LeaveRequest> {
    return requestLeave(ctx, input);
  }

  @Mutation(() => LeaveRequest, {
    description:
      '审批请假（仅“已申请”）：乡镇审批的由乡镇干部或县级管理员审批，书记审批的也可由本村党组织书记审批；不能审批本人的请假 / ' +
      'Approve or reject a requested leave: township-level leave by a township officer or county administrator, secretary-level leave also by the village’s Party secretary; never one’s own',
  })
  approveLeave(@Arg('input', () => ApproveLeaveInput, { description: '输入 / Input' }) input: ApproveLeaveInput, @Ctx() ctx: RequestContext): Promise<LeaveRequest> {
    return approveLeave(ctx, input);
  }

  @Mutation(() => LeaveRequest, { description: '销假（仅“已批准”的请假，日期不早于请假开始日期）/ Report back from approved leave (on or after the day it began)' })
  reportBack(@Arg('input', () => ReportBackInput, { description: '输入 / Input' }) input: ReportBackInput, @Ctx() ctx: RequestContext): Promise<LeaveRequest> {
    return reportBack(ctx, input);
  }

  @Mutation(() => InspectionFindingResult, {
    description:
      '登记督查发现的擅自离岗（乡镇、县）：按区县考勤政策和当年第几次作出处理决定；请假期间的不算擅自离岗 / ' +
      'Record an unreported absence found by inspection (township or county): the county attendance policy decides the sanction by the occurrence within the year; days on approved leave are refused',
  })
  recordInspectionFinding(@Arg('input', () => RecordInspectionFindingInput, { description: '输入 / Input' }) input: RecordInspectionFindingInput, @Ctx() ctx: RequestContext): Promise<InspectionFindingResult> {
    return recordInspectionFinding(ctx, input);
  }

  @Query(() => DutyCoverageReport, {
    description:
      '村（社区）坐班值班情况：全职岗位干部每个工作日的坐班时长、休息日值班人数，对照区县考勤政策（最长366天）/ ' +
      'Duty coverage of a village: full-time post holders’ hours on working days and cadres on duty on rest days, against the county attendance policy (at most 366 days)',
  })
  dutyCoverage(
    @Arg('villageCode', () => String, { description: '村（社区）区划代码 / Village division code' }) villageCode: string,
    @Arg('from', () => GraphQLLocalDate, { description: '开始日期 / From' }) from: string,
    @Arg('to', () => GraphQLLocalDate, { description: '结束日期（含）/ To (inclusive)' }) to: string,
    @Ctx() ctx: RequestContext,
  ): Promise<DutyCoverageReport> {
    return dutyCoverage(ctx, villageCode, from, to);
  }

  @Query(() => LeaveRequestConnection, {
    description: '请假台账（乡镇等区域内，按开始日期排列；只列出辖区内的）/ Leave ledger of a region (e.g. a township), by start date; only what lies inside your scope',
  })
  async leaveRequests(@Args(() => LeaveRequestsArgs) args: LeaveRequestsArgs, @Ctx() ctx: RequestContext): Promise<ConnectionShape<LeaveRequest>> {
    const prefix = PersonnelAccess.of(ctx).listPrefix(args.regionCode);
    if (prefix === null) return emptyConnection();
    const qb = ctx.dataSource.getRepository(LeaveRequest).createQueryBuilder('l').where('l.village_code LIKE :prefix', { prefix: `${prefix}%` });
    if (args.status) qb.andWhere('l.status = :status', { status: args.status });
    return paginate(qb, args, [
      { column: 'l.from_date', value: (l) => l.fromDate },
      { column: 'l.id', value: (l) => l.id },
    ]);
  }
}

@Resolver(() => LeaveRequest)
export class LeaveRequestResolver {
  @FieldResolver(() => Cadre, { description: '请假干部 / Cadre on leave' })
  cadre(@Root() leave: LeaveRequest, @Ctx() ctx: RequestContext): Promise<Cadre> {
    return cadreOf(ctx, leave.cadreId);
  }

  @FieldResolver(() => PolicyDecision, { description: '审批层级的决定依据（政策、规则、所任岗位）/ Why this approval level (policy, rule, the post held)' })
  approverDecision(@Root() leave: LeaveRequest): PolicyDecision {
    return PolicyDecision.of(leave.approverDecision);
  }

  @FieldResolver(() => String, { nullable: true, description: '事由（个人信息：仅县、乡镇、村干部可见）/ Reason (personal data: county, township and village cadres only)' })
  reason(@Root() leave: LeaveRequest, @Ctx() ctx: RequestContext): string | null {
    return PersonnelAccess.of(ctx).seesPersonalData ? leave.reason : null;
  }

  @FieldResolver(() => String, { nullable: true, description: '审批意见（个人信息：仅县、乡镇、村干部可见）/ Decision note (personal data: county, township and village cadres only)' })
  decisionNote(@Root() leave: LeaveRequest, @Ctx() ctx: RequestContext): string | null {
    return PersonnelAccess.of(ctx).seesPersonalData ? leave.decisionNote : null;
  }
}

@Resolver(() => Sanction)
export class SanctionResolver {
  @FieldResolver(() => PolicyDecision, { description: '处理决定的依据（政策、规则）/ Which policy and rule decided the sanction' })
  decision(@Root() sanction: Sanction): PolicyDecision {
    return PolicyDecision.of(sanction.decision);
  }

  @FieldResolver(() => Cadre, { description: '受处理干部 / Cadre sanctioned' })
  cadre(@Root() sanction: Sanction, @Ctx() ctx: RequestContext): Promise<Cadre> {
    return cadreOf(ctx, sanction.cadreId);
  }
}

@Resolver(() => InspectionFinding)
export class InspectionFindingResolver {
  @FieldResolver(() => Sanction, { nullable: true, description: '处理决定 / Sanction decided for it' })
  sanction(@Root() finding: InspectionFinding, @Ctx() ctx: RequestContext): Promise<Sanction | null> {
    return finding.sanctionId ? sanctionLoader(ctx).load(finding.sanctionId) : Promise.resolve(null);
  }

  @FieldResolver(() => Cadre, { description: '离岗干部 / Cadre found absent' })
  cadre(@Root() finding: InspectionFinding, @Ctx() ctx: RequestContext): Promise<Cadre> {
    return cadreOf(ctx, finding.cadreId);
  }
}

@Resolver(() => DutyShortfall)
export class DutyShortfallResolver {
  @FieldResolver(() => Cadre, { description: '干部 / Cadre' })
  cadre(@Root() shortfall: DutyShortfall, @Ctx() ctx: RequestContext): Promise<Cadre> {
    return cadreOf(ctx, shortfall.cadreId);
  }
}

/** Attendance fields of a cadre. */
@Resolver(() => Cadre)
export class CadreAttendanceResolver {
  @FieldResolver(() => [LeaveRequest], { description: '请假记录（按开始日期）/ Leave requests, by start date' })
  leaveRequests(@Root() cadre: Cadre, @Ctx() ctx: RequestContext): Promise<LeaveRequest[]> {
    return leaveRequestsByCadreLoader(ctx).load(cadre.id);
  }

  @FieldResolver(() => [Sanction], { description: '处理决定（按决定日期）/ Sanctions, by date decided' })
  sanctions(@Root() cadre: Cadre, @Ctx() ctx: RequestContext): Promise<Sanction[]> {
    return sanctionsByCadreLoader(ctx).load(cadre.id);
  }

  @FieldResolver(() => [InspectionFinding], { description: '督查发现的擅自离岗（按日期）/ Unreported absences found by inspection, by date' })
  inspectionFindings(@Root() cadre: Cadre, @Ctx() ctx: RequestContext): Promise<InspectionFinding[]> {
    return findingsByCadreLoader(ctx).load(cadre.id);
  }
}
