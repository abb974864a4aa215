import { IdempotentInput, PageArgs } from '@xiangzhi/kernel';
import { IsBoolean, IsEnum, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { LeaveStatus } from './attendance.entity';

const CODE = /^\d{12}$/;
const CODE_MESSAGE = '$property must be a 12-digit division code';

@InputType('RecordDutyCheckInInput', { description: '登记坐班 / Record hours on duty at the village service centre' })
export class RecordDutyCheckInInput extends IdempotentInput {
  @Field(() => ID, { description: '干部（须在职）/ Cadre (must be serving)' })
  @IsUUID()
  cadreId!: string;

  @Field(() => GraphQLLocalDate, { description: '坐班日期（不晚于今天）/ Date on duty (not in the future)' })
  @IsString()
  date!: string;

  @Field(() => Float, { description: '在岗小时数（0–24，最多两位小数；同一干部同日合计不超过24）/ Hours on duty (0–24, two decimals at most; at most 24 a day per cadre)' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(24)
  hours!: number;

  @Field(() => String, { nullable: true, description: '备注 / Note' })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  note?: string | null;
}

@InputType('RequestLeaveInput', { description: '请假（审批层级由考勤政策按所任岗位决定）/ Request leave (the attendance policy decides who approves, from the posts held)' })
export class RequestLeaveInput extends IdempotentInput {
  @Field(() => ID, { description: '请假干部（须在职）/ Cadre taking leave (must be serving)' })
  @IsUUID()
  cadreId!: string;

  @Field(() => GraphQLLocalDate, { description: '开始日期 / From' })
  @IsString()
  fromDate!: string;

  @Field(() => GraphQLLocalDate, { description: '结束日期（含，不早于开始日期）/ To (inclusive, not before From)' })
  @IsString()
  toDate!: string;

  @Field(() => String, { description: '事由（1–500字）/ Reason (1–500 characters)' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

@InputType('ApproveLeaveInput', { description: '审批请假 / Approve or reject a leave request' })
export class ApproveLeaveInput {
  @Field(() => ID, { description: '请假申请 / Leave request' })
  @IsUUID()
  leaveRequestId!: string;

  @Field(() => Boolean, { description: '是否批准（否为不予批准）/ Approve (false rejects)' })
  @IsBoolean()
  approve!: boolean;

  @Field(() => String, { nullable: true, description: '审批意见 / Decision note' })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  note?: string | null;

  @Field(() => Int, { description: '读取时的版本号（已被他人修改则冲突）/ Version read (CONFLICT when someone changed it since)' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}

@InputType('ReportBackInput', { description: '销假 / Report back from leave' })
export class ReportBackInput {
  @Field(() => ID, { description: '已批准的请假 / Approved leave request' })
  @IsUUID()
  leaveRequestId!: string;

  @Field(() => GraphQLLocalDate, { description: '销假日期（不早于请假开始日期，不晚于今天）/ Date reported back (not before the leave began, not in the future)' })
  @IsString()
  date!: string;

  @Field(() => Int, { description: '读取时的版本号（已被他人修改则冲突）/ Version read (CONFLICT when someone changed it since)' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}

@InputType('RecordInspectionFindingInput', { description: '登记督查发现的擅自离岗（乡镇、县督查）/ Record an unreported absence found by inspection (township or county)' })
export class RecordInspectionFindingInput extends IdempotentInput {
  @Field(() => ID, { description: '离岗干部 / Cadre found absent' })
  @IsUUID()
  cadreId!: string;

  @Field(() => GraphQLLocalDate, { description: '发现日期（不晚于今天）/ Date found (not in the future)' })
  @IsString()
  date!: string;

  @Field(() => String, { nullable: true, description: '情况说明 / Note' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string | null;
}

@ArgsType()
export class LeaveRequestsArgs extends PageArgs {
  @Field(() => String, { description: '区划代码（乡镇的请假台账，或县、村）/ Division code (a township’s leave ledger, or a county or village)' })
  @Matches(CODE, { message: CODE_MESSAGE })
  regionCode!: string;

  @Field(() => LeaveStatus, { nullable: true, description: '按状态筛选 / Filter by status' })
  @IsOptional()
  @IsEnum(LeaveStatus)
  status?: LeaveStatus | null;
}
