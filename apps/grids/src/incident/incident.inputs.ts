import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { IncidentSource } from './incident.entity';
import { IncidentStatus } from './incident-state';
import { EscalationTier } from '@xiangzhi/grids-api';
import { PageArgs } from '@xiangzhi/kernel';

const CODE = /^\d{12}$/;

@InputType({ description: '上报事件 / Report an incident' })
export class ReportIncidentInput {
  @Field(() => String, { description: '村（社区）代码 / Village code' })
  @Matches(CODE, { message: 'villageCode must be a 12-digit division code' })
  villageCode!: string;

  @Field(() => ID, { nullable: true, description: '所在网格 / Grid' })
  @IsOptional()
  @IsUUID()
  gridId?: string | null;

  @Field(() => IncidentSource, { nullable: true, description: '来源（居民上报固定为群众点单）/ Source (always RESIDENT_REQUEST for residents)' })
  @IsOptional()
  @IsIn(Object.values(IncidentSource))
  source?: IncidentSource | null;

  @Field(() => String, { description: '类别 / Category' })
  @IsString()
  @Length(1, 40)
  category!: string;

  @Field(() => String, { description: '标题 / Title' })
  @IsString()
  @Length(1, 120)
  title!: string;

  @Field(() => String, { defaultValue: '', description: '描述 / Description' })
  @IsString()
  @Length(0, 4000)
  description = '';

  @Field(() => ID, { nullable: true, description: '代为上报时的居民 / Resident on whose behalf a cadre reports' })
  @IsOptional()
  @IsUUID()
  reporterResidentId?: string | null;
}

@InputType({ description: '事件操作的公共字段 / Common fields of an incident action' })
export class IncidentActionInput {
  @Field(() => ID, { description: '事件 / Incident' })
  @IsUUID()
  id!: string;

  @Field(() => Int, { description: '客户端看到的版本号（过期则冲突）/ Version the client saw (stale → CONFLICT)' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: '说明 / Note' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string | null;
}

@InputType({ description: '受理事件 / Accept an incident' })
export class AcceptIncidentInput extends IncidentActionInput {}

@InputType({ description: '开始处理 / Start handling an incident' })
export class StartIncidentInput extends IncidentActionInput {}

@InputType({ description: '办结事件 / Resolve an incident' })
export class ResolveIncidentInput extends IncidentActionInput {}

@InputType({ description: '派单 / Dispatch an incident to an assignee' })
export class DispatchIncidentInput extends IncidentActionInput {
  @Field(() => String, { nullable: true, description: '处置人标识（网格员或干部）/ Assignee id (grid worker or cadre)' })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  assigneeId?: string | null;

  @Field(() => String, { description: '处置人姓名 / Assignee name' })
  @IsString()
  @Length(1, 40)
  assigneeName!: string;
}

@InputType({ description: '不予受理 / Reject an incident' })
export class RejectIncidentInput extends IncidentActionInput {
  @Field(() => String, { description: '理由 / Reason' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

@InputType({ description: '升级事件 / Escalate an incident to the next tier' })
export class EscalateIncidentInput extends IncidentActionInput {
  @Field(() => String, { description: '升级理由 / Reason' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

@InputType({ description: '关闭并评价 / Close an incident with the resident rating' })
export class CloseIncidentInput extends IncidentActionInput {
  @Field(() => Int, { description: '评价 1–5 / Rating 1–5' })
  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @Field(() => String, { defaultValue: '', description: '评语 / Comment' })
  @IsString()
  @Length(0, 2000)
  comment = '';
}

@ArgsType()
export class IncidentsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: '区域代码（默认为本人辖区）/ Region code (default: your scope)' })
  @IsOptional()
  @Matches(CODE)
  regionCode?: string | null;

  @Field(() => IncidentStatus, { nullable: true, description: '状态 / Status' })
  @IsOptional()
  status?: IncidentStatus | null;

  @Field(() => IncidentSource, { nullable: true, description: '来源 / Source' })
  @IsOptional()
  source?: IncidentSource | null;

  @Field(() => EscalationTier, { nullable: true, description: '层级 / Tier' })
  @IsOptional()
  tier?: EscalationTier | null;
}
