import { IdempotentInput, PageArgs } from '@xiangzhi/kernel';
import { MoneyScalar } from '@xiangzhi/economy-api';
import { IsEnum, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { MajorMatterOutcome, MajorMatterStep, MajorMatterSubjectKind } from './major-matter.entity';

const CODE = /^\d{12}$/;
const CODE_MESSAGE = '$property must be a 12-digit division code';

@InputType('ProposeMajorMatterInput', { description: '村党组织提议四议两公开事项 / The Party branch proposes a major matter' })
export class ProposeMajorMatterInput extends IdempotentInput {
  @Field(() => String, { description: '村（社区）12位区划代码 / 12-digit village code' })
  @Matches(CODE, { message: CODE_MESSAGE })
  villageCode!: string;

  @Field(() => String, { description: '事项名称（1–100字）/ Title (1–100 characters)' })
  @IsString()
  @Length(1, 100)
  title!: string;

  @Field(() => MajorMatterSubjectKind, { description: '所授权的事务 / What it authorises' })
  @IsEnum(MajorMatterSubjectKind)
  subject!: MajorMatterSubjectKind;

  @Field(() => MoneyScalar, { description: '涉及金额（元，两位小数）/ Amount (yuan, two decimals)' })
  amount!: bigint;

  @Field(() => ID, { nullable: true, description: '关联的项目、合同或分配（可后补）/ The project, contract or distribution it concerns (optional)' })
  @IsOptional()
  @IsUUID()
  subjectId?: string | null;

  @Field(() => GraphQLLocalDate, { description: '提议日期（不晚于今天）/ Date proposed (not in the future)' })
  @IsISO8601({ strict: true })
  proposedOn!: string;

  @Field(() => String, { nullable: true, description: '说明 / Note' })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  note?: string | null;
}

@InputType('AdvanceMajorMatterInput', {
  description: '推进四议两公开事项的下一步（只能是紧接的下一步；决议须填人数与票数）/ Take the next step of a major matter (only the very next one; a resolution gives its figures)',
})
export class AdvanceMajorMatterInput {
  @Field(() => ID, { description: '事项 / Matter' })
  @IsUUID()
  id!: string;

  @Field(() => Int, { description: '读取时的版本号（已被他人修改则冲突）/ Version read (CONFLICT when someone changed it since)' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => MajorMatterStep, { description: '要记录的步骤（须为下一步）/ The step taken (must be the next one)' })
  @IsEnum(MajorMatterStep)
  step!: MajorMatterStep;

  @Field(() => GraphQLLocalDate, { description: '会议或公开日期（不早于上一步，不晚于今天）/ Date held or published (not before the previous step, not in the future)' })
  @IsISO8601({ strict: true })
  heldOn!: string;

  @Field(() => String, { nullable: true, description: '说明 / Note' })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  note?: string | null;

  @Field(() => Int, { nullable: true, description: '应到人数（决议时必填）/ Members entitled (resolution)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  membersEntitled?: number | null;

  @Field(() => Int, { nullable: true, description: '实到人数（决议时必填）/ Attendance (resolution)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  attendance?: number | null;

  @Field(() => Int, { nullable: true, description: '赞成票（决议时必填）/ Votes for (resolution)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  votesFor?: number | null;

  @Field(() => Int, { nullable: true, description: '反对票（决议时必填）/ Votes against (resolution)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  votesAgainst?: number | null;

  @Field(() => Int, { nullable: true, description: '弃权票（决议时必填）/ Abstentions (resolution)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  votesAbstain?: number | null;
}

@ArgsType()
export class MajorMattersArgs extends PageArgs {
  @Field(() => String, { description: '区划代码（县、乡镇或村）/ Division code (county, township or village)' })
  @Matches(CODE, { message: CODE_MESSAGE })
  regionCode!: string;

  @Field(() => MajorMatterStep, { nullable: true, description: '只列已到此步的事项 / Only matters whose last step is this one' })
  @IsOptional()
  @IsEnum(MajorMatterStep)
  step?: MajorMatterStep | null;

  @Field(() => MajorMatterOutcome, { nullable: true, description: '只列此结果的事项 / Only matters with this outcome' })
  @IsOptional()
  @IsEnum(MajorMatterOutcome)
  outcome?: MajorMatterOutcome | null;
}
