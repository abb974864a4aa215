import { EscalationTier, IncidentCategory } from '@xiangzhi/grids-api';
import { BidirectionalPageArgs, IdempotentInput } from '@xiangzhi/kernel';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { IncidentAssigneeKind, IncidentSource } from './incident.entity';
import { IncidentStatus } from './incident-state';

const CODE = /^\d{12}$/;
const CODE_MESSAGE = '$property must be a 12-digit division code';

@InputType('ReportIncidentInput', { description: '上报事件（群众点单、网格巡查、热线）/ Report an incident (resident request, patrol report, hotline case)' })
export class ReportIncidentInput extends IdempotentInput {
  @Field(() => String, {
    nullable: true,
    description: '村（社区）区划代码（居民省略时为本村；给出网格时可省略）/ Village division code (residents: their own village when omitted; may be omitted when a grid is given)',
  })
  @IsOptional()
  @Matches(CODE, { message: CODE_MESSAGE })
  villageCode?: string | null;

  @Field(() => ID, { nullable: true, description: '所在网格（居民省略时为本户所在网格）/ Grid (residents: their household’s grid when omitted)' })
  @IsOptional()
  @IsUUID()
  gridId?: string | null;

  @Field(() => IncidentSource, {
    nullable: true,
    description: '来源（居民固定为群众点单；网格员默认网格巡查，其他默认热线）/ Source (always RESIDENT_REQUEST for residents; default GRID_PATROL for grid workers, HOTLINE otherwise)',
  })
  @IsOptional()
  @IsEnum(IncidentSource)
  source?: IncidentSource | null;

  @Field(() => IncidentCategory, { description: '类别 / Category' })
  @IsEnum(IncidentCategory)
  category!: IncidentCategory;

  @Field(() => String, { description: '标题（1–120字）/ Title (1–120 characters)' })
  @IsString()
  @Length(1, 120)
  title!: string;

  @Field(() => String, { defaultValue: '', description: '描述（最多4000字）/ Description (up to 4000 characters)' })
  @IsString()
  @Length(0, 4000)
  description = '';

  @Field(() => ID, {
    nullable: true,
    description: '点单居民（干部代为上报群众点单时必填；居民本人上报时省略）/ The resident making the request (required when staff file a resident request for them; omitted by residents)',
  })
  @IsOptional()
  @IsUUID()
  reporterResidentId?: string | null;
}

/**
 * The fields every action on an existing incident carries (not itself used as an argument): the
 * version read and an idempotency key (a retry of an action that succeeded returns the incident
 * instead of a CONFLICT).
 */
@InputType('IncidentVersionInput', { description: '事件操作的公共字段 / Fields every action on an incident carries' })
abstract class IncidentVersionInput extends IdempotentInput {
  @Field(() => ID, { description: '事件 / Incident' })
  @IsUUID()
  id!: string;

  @Field(() => Int, { description: '读取时的版本号（已被他人修改则冲突）/ Version read (CONFLICT when someone changed it since)' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}

@InputType('AcceptIncidentInput', { description: '受理事件 / Accept an incident' })
export class AcceptIncidentInput extends IncidentVersionInput {
  @Field(() => String, { nullable: true, description: '说明 / Note' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string | null;
}

@InputType('DispatchIncidentInput', { description: '派单给网格员或干部 / Dispatch an incident to a grid worker or a cadre' })
export class DispatchIncidentInput extends IncidentVersionInput {
  @Field(() => IncidentAssigneeKind, { description: '处置人类别 / Kind of assignee' })
  @IsEnum(IncidentAssigneeKind)
  assigneeKind!: IncidentAssigneeKind;

  @Field(() => ID, { description: '处置人标识（网格员须为本村网格员）/ Assignee id (a grid worker must belong to the incident’s village)' })
  @IsString()
  @Length(1, 80)
  assigneeId!: string;

  @Field(() => String, { nullable: true, description: '处置人姓名（干部必填；网格员取登记的姓名）/ Assignee name (required for cadres; grid workers’ registered name is used)' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  assigneeName?: string | null;

  @Field(() => String, { nullable: true, description: '说明 / Note' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string | null;
}

@InputType('StartIncidentInput', { description: '开始处理 / Start handling an incident' })
export class StartIncidentInput extends IncidentVersionInput {
  @Field(() => String, { nullable: true, description: '说明 / Note' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string | null;
}

@InputType('ResolveIncidentInput', { description: '办结事件 / Resolve an incident' })
export class ResolveIncidentInput extends IncidentVersionInput {
  @Field(() => String, { description: '办理结果（群众可见）/ How it was resolved (the resident sees it)' })
  @IsString()
  @Length(1, 2000)
  resolution!: string;
}

@InputType('CloseIncidentInput', { description: '关闭并评价（点单居民本人，或干部代为评价）/ Close with the resident’s rating (the reporting resident, or a cadre on their behalf)' })
export class CloseIncidentInput extends IncidentVersionInput {
  @Field(() => Int, { description: '满意度评价 1–5 / Rating 1–5' })
  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @Field(() => String, { nullable: true, description: '评语 / Comment' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  comment?: string | null;
}

@InputType('RejectIncidentInput', { description: '不予受理 / Reject an incident' })
export class RejectIncidentInput extends IncidentVersionInput {
  @Field(() => String, { description: '理由 / Reason' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

@InputType('EscalateIncidentInput', { description: '升级到上一层级（村→乡镇→县）/ Escalate to the next tier (village → township → county)' })
export class EscalateIncidentInput extends IncidentVersionInput {
  @Field(() => String, { description: '升级理由 / Reason' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

@ArgsType()
export class IncidentsArgs extends BidirectionalPageArgs {
  @Field(() => String, {
    nullable: true,
    description: '区划代码：村、乡镇或县（默认为本人辖区；辖区以外的部分不列出）/ Region code: village, township or county (default: your scope; nothing outside it is listed)',
  })
  @IsOptional()
  @Matches(CODE, { message: CODE_MESSAGE })
  regionCode?: string | null;

  @Field(() => IncidentStatus, { nullable: true, description: '状态 / Status' })
  @IsOptional()
  @IsEnum(IncidentStatus)
  status?: IncidentStatus | null;

  @Field(() => IncidentSource, { nullable: true, description: '来源 / Source' })
  @IsOptional()
  @IsEnum(IncidentSource)
  source?: IncidentSource | null;

  @Field(() => EscalationTier, { nullable: true, description: '处置层级 / Tier' })
  @IsOptional()
  @IsEnum(EscalationTier)
  tier?: EscalationTier | null;

  @Field(() => IncidentCategory, { nullable: true, description: '类别 / Category' })
  @IsOptional()
  @IsEnum(IncidentCategory)
  category?: IncidentCategory | null;
}
