import { IdempotentInput } from '@xiangzhi/kernel';
import { DisputeCategory } from '@xiangzhi/legal-api';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Min, ValidateNested } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { YUAN_PATTERN } from '../shared/access';
import { DisputeOutcome, DisputeRiskLevel, MediationResult, PartyRole } from './dispute.entity';

export const CODE = /^\d{12}$/;
export const CODE_MESSAGE = '$property must be a 12-digit division code';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType('DisputePartyInput', { description: '当事人：本村居民（residentId）或外部当事人（仅姓名）/ A party: a resident of the village (residentId) or an outside party (name only)' })
export class DisputePartyInput {
  @Field(() => ID, { nullable: true, description: '居民标识（须为本村在册居民）/ Resident id (a living resident of the village)' })
  @IsOptional()
  @IsUUID()
  residentId?: string | null;

  @Field(() => String, { description: '姓名或单位名称（1–60字）/ Name (1–60 characters)' })
  @IsString()
  @Length(1, 60)
  name!: string;

  @Field(() => PartyRole, { description: '角色 / Role' })
  @IsEnum(PartyRole)
  role!: PartyRole;
}

@InputType('OpenDisputeInput', { description: '受理矛盾纠纷（村级初诊）/ Open a dispute at the village tier' })
export class OpenDisputeInput extends IdempotentInput {
  @Field(() => String, { description: '所在村（社区）的12位区划代码 / 12-digit code of the village' })
  @Matches(CODE, { message: CODE_MESSAGE })
  villageCode!: string;

  @Field(() => DisputeCategory, { description: '类别 / Category' })
  @IsEnum(DisputeCategory)
  category!: DisputeCategory;

  @Field(() => String, { description: '纠纷简况（1–500字）/ Summary (1–500 characters)' })
  @IsString()
  @Length(1, 500)
  summary!: string;

  @Field(() => String, { nullable: true, description: '涉及金额（元，最多两位小数，如 "12000.50"）/ Amount involved in yuan, at most two decimals (e.g. "12000.50")' })
  @IsOptional()
  @Matches(YUAN_PATTERN, { message: '$property must be yuan with at most two decimals' })
  amount?: string | null;

  @Field(() => DisputeRiskLevel, { description: '风险等级 / Risk level' })
  @IsEnum(DisputeRiskLevel)
  riskLevel!: DisputeRiskLevel;

  @Field(() => Boolean, { defaultValue: false, description: '民转刑风险（提醒乡镇）/ Risk of turning criminal (alerts the township)' })
  @IsBoolean()
  crimeRisk!: boolean;

  @Field(() => GraphQLLocalDate, { nullable: true, description: '受理日期（默认今天，不得晚于今天）/ Date opened (default today; not in the future)' })
  @IsOptional()
  @Matches(DATE)
  openedOn?: string | null;

  @Field(() => [DisputePartyInput], { description: '当事人（2–20人）/ Parties (2–20)' })
  @ValidateNested({ each: true })
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  parties!: DisputePartyInput[];

  @Field(() => ID, { nullable: true, description: '转自网格子图的事件（纠纷类事件转办，保留关联）/ The grids incident taken over (kept as a link)' })
  @IsOptional()
  @IsUUID()
  incidentId?: string | null;
}

@InputType('RecordMediationInput', { description: '记录一次调解 / Record a mediation session' })
export class RecordMediationInput extends IdempotentInput {
  @Field(() => ID, { description: '纠纷 / Dispute' })
  @IsUUID()
  disputeId!: string;

  @Field(() => String, { description: '调解员（1–60字）/ Mediator (1–60 characters)' })
  @IsString()
  @Length(1, 60)
  mediator!: string;

  @Field(() => GraphQLLocalDate, { description: '调解日期（不得晚于今天）/ Date held (not in the future)' })
  @Matches(DATE)
  heldOn!: string;

  @Field(() => MediationResult, { description: '结果 / Result' })
  @IsEnum(MediationResult)
  result!: MediationResult;

  @Field(() => String, { nullable: true, description: '调解协议内容（结果为达成协议时必填，1–2000字）/ Agreement (required when an agreement was reached; 1–2000 characters)' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  agreement?: string | null;

  @Field(() => String, { nullable: true, description: '备注（至多500字）/ Note (up to 500 characters)' })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  note?: string | null;
}

@InputType('EscalateDisputeInput', { description: '将纠纷升至上一层级 / Escalate a dispute to the next tier' })
export class EscalateDisputeInput {
  @Field(() => ID, { description: '纠纷 / Dispute' })
  @IsUUID()
  disputeId!: string;

  @Field(() => Int, { description: '读取时的版本号 / Version read' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { description: '升级理由（1–500字）/ Reason (1–500 characters)' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

@InputType('CloseDisputeInput', { description: '办结纠纷 / Close a dispute' })
export class CloseDisputeInput {
  @Field(() => ID, { description: '纠纷 / Dispute' })
  @IsUUID()
  disputeId!: string;

  @Field(() => Int, { description: '读取时的版本号 / Version read' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => DisputeOutcome, { description: '办结方式（调解成功须已有调解协议）/ Outcome (MEDIATED needs a recorded mediation agreement)' })
  @IsEnum(DisputeOutcome)
  outcome!: DisputeOutcome;

  @Field(() => GraphQLLocalDate, { nullable: true, description: '办结日期（默认今天）/ Date closed (default today)' })
  @IsOptional()
  @Matches(DATE)
  closedOn?: string | null;
}
