import { IdempotentInput, PageArgs } from '@xiangzhi/kernel';
import { MoneyScalar } from '@xiangzhi/economy-api';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Min } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { FundingSource, ProjectStatus } from './project.entity';

const CODE = /^\d{12}$/;
const CODE_MESSAGE = '$property must be a 12-digit division code';

@InputType('RegisterProjectInput', { description: '申报薄弱村项目（超过本县门槛须有已通过的四议两公开事项）/ Register a weak-village project (above the county’s threshold an adopted major matter must authorise it)' })
export class RegisterProjectInput extends IdempotentInput {
  @Field(() => String, { description: '村（社区）12位区划代码 / 12-digit village code' })
  @Matches(CODE, { message: CODE_MESSAGE })
  villageCode!: string;

  @Field(() => String, { description: '项目名称（1–100字）/ Name (1–100 characters)' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @Field(() => FundingSource, { description: '资金来源 / Funding source' })
  @IsEnum(FundingSource)
  fundingSource!: FundingSource;

  @Field(() => MoneyScalar, { description: '资金额（元）/ Funding (yuan)' })
  funding!: bigint;

  @Field(() => GraphQLLocalDate, { description: '申报日期（不晚于今天）/ Date proposed (not in the future)' })
  @IsISO8601({ strict: true })
  proposedOn!: string;

  @Field(() => ID, { nullable: true, description: '所属“1+N+1”联建（本村须为其成员）/ Its 1+N+1 alliance (the village must belong to it)' })
  @IsOptional()
  @IsUUID()
  allianceId?: string | null;

  @Field(() => ID, { nullable: true, description: '授权的四议两公开事项 / The major matter authorising it' })
  @IsOptional()
  @IsUUID()
  majorMatterId?: string | null;
}

@InputType('AdvanceProjectInput', { description: '推进项目状态（只能到下一状态；须提交版本号）/ Move a project to its next status (send the version read)' })
export class AdvanceProjectInput {
  @Field(() => ID, { description: '项目 / Project' })
  @IsUUID()
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 / Version read' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => ProjectStatus, { description: '新状态（须为下一状态）/ New status (the next one)' })
  @IsEnum(ProjectStatus)
  status!: ProjectStatus;

  @Field(() => GraphQLLocalDate, { description: '日期（不早于上一状态，不晚于今天）/ Date (not before the previous status, not in the future)' })
  @IsISO8601({ strict: true })
  on!: string;

  @Field(() => MoneyScalar, { nullable: true, description: '累计收益（元；完工、评估时填写）/ Income produced so far (yuan; when completed or evaluated)' })
  @IsOptional()
  income?: bigint | null;
}

@InputType('FormAllianceInput', { description: '组建“1+N+1”联建：1个强村、N个薄弱村、1家企业，同一县内 / Form a 1+N+1 alliance: one strong village, N weak villages, one enterprise, in one county' })
export class FormAllianceInput extends IdempotentInput {
  @Field(() => String, { description: '名称（1–100字）/ Name (1–100 characters)' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @Field(() => String, { description: '牵头强村 / Strong village leading' })
  @Matches(CODE, { message: CODE_MESSAGE })
  leadVillageCode!: string;

  @Field(() => [String], { description: '薄弱村（1–20个，不含牵头村）/ Weak villages (1–20, not the lead)' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Matches(CODE, { each: true, message: CODE_MESSAGE })
  memberVillageCodes!: string[];

  @Field(() => String, { description: '参与企业名称 / Enterprise' })
  @IsString()
  @Length(1, 100)
  enterpriseName!: string;

  @Field(() => GraphQLLocalDate, { description: '组建日期（不晚于今天）/ Date formed (not in the future)' })
  @IsISO8601({ strict: true })
  foundedOn!: string;
}

@ArgsType()
export class ProjectsArgs extends PageArgs {
  @Field(() => String, { description: '区划代码（县、乡镇或村）/ Division code (county, township or village)' })
  @Matches(CODE, { message: CODE_MESSAGE })
  regionCode!: string;

  @Field(() => ProjectStatus, { nullable: true, description: '状态 / Status' })
  @IsOptional()
  @IsEnum(ProjectStatus)
  status?: ProjectStatus | null;
}
