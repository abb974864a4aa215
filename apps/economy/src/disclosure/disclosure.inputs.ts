import { IdempotentInput, PageArgs } from '@xiangzhi/kernel';
import { MoneyScalar } from '@xiangzhi/economy-api';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Min, ValidateNested } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { DisclosureKind } from './disclosure.entity';

const CODE = /^\d{12}$/;
const CODE_MESSAGE = '$property must be a 12-digit division code';
const PERIOD = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;

@InputType('DisclosureItemInput', { description: '公开事项 / Item of a disclosure' })
export class DisclosureItemInput {
  @Field(() => String, { description: '事项（1–100字）/ Title (1–100 characters)' })
  @IsString()
  @Length(1, 100)
  title!: string;

  @Field(() => String, { description: '内容（1–2000字）/ Content (1–2000 characters)' })
  @IsString()
  @Length(1, 2000)
  content!: string;

  @Field(() => MoneyScalar, { nullable: true, description: '金额（元，可空）/ Amount (yuan, optional)' })
  @IsOptional()
  amount?: bigint | null;
}

@InputType('PublishDisclosureInput', { description: '发布三务公开 / Publish a disclosure' })
export class PublishDisclosureInput extends IdempotentInput {
  @Field(() => String, { description: '村（社区）12位区划代码 / 12-digit village code' })
  @Matches(CODE, { message: CODE_MESSAGE })
  villageCode!: string;

  @Field(() => DisclosureKind, { description: '类别 / Kind' })
  @IsEnum(DisclosureKind)
  kind!: DisclosureKind;

  @Field(() => String, { description: '期间：财务按月 YYYY-MM，村务、党务按季度 YYYY-Qn（以本县规则为准）/ Period: YYYY-MM for monthly kinds, YYYY-Qn for quarterly ones (per the county’s schedule)' })
  @Matches(PERIOD, { message: '$property must be YYYY-MM or YYYY-Qn' })
  period!: string;

  @Field(() => String, { description: '标题（1–100字）/ Title (1–100 characters)' })
  @IsString()
  @Length(1, 100)
  title!: string;

  @Field(() => [DisclosureItemInput], { description: '公开事项（1–200项）/ Items (1–200)' })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  items!: DisclosureItemInput[];

  @Field(() => GraphQLLocalDate, { description: '公开日期（不早于期间开始，不晚于今天）/ Date published (not before the period begins, not in the future)' })
  @IsISO8601({ strict: true })
  publishedOn!: string;
}

@InputType('ObjectToDisclosureInput', { description: '居民对公开内容提出异议 / A resident objects to a disclosure' })
export class ObjectToDisclosureInput extends IdempotentInput {
  @Field(() => ID, { description: '公开 / Disclosure' })
  @IsUUID()
  disclosureId!: string;

  @Field(() => ID, { description: '提出异议的居民（本村在世居民）/ The resident objecting (living, of the village)' })
  @IsUUID()
  residentId!: string;

  @Field(() => String, { description: '异议内容（1–2000字）/ Text (1–2000 characters)' })
  @IsString()
  @Length(1, 2000)
  text!: string;

  @Field(() => GraphQLLocalDate, { description: '提出日期（不早于公开日期，不晚于今天）/ Date raised (not before publication, not in the future)' })
  @IsISO8601({ strict: true })
  raisedOn!: string;
}

@InputType('AnswerObjectionInput', { description: '答复异议（须提交版本号）/ Answer an objection (send the version read)' })
export class AnswerObjectionInput {
  @Field(() => ID, { description: '异议 / Objection' })
  @IsUUID()
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 / Version read' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { description: '答复（1–2000字）/ Answer (1–2000 characters)' })
  @IsString()
  @Length(1, 2000)
  answer!: string;

  @Field(() => GraphQLLocalDate, { description: '答复日期（不早于提出日期，不晚于今天）/ Date answered (not before it was raised, not in the future)' })
  @IsISO8601({ strict: true })
  answeredOn!: string;
}

@ArgsType()
export class DisclosuresArgs extends PageArgs {
  @Field(() => String, { description: '区划代码（县、乡镇或村）/ Division code (county, township or village)' })
  @Matches(CODE, { message: CODE_MESSAGE })
  regionCode!: string;

  @Field(() => DisclosureKind, { nullable: true, description: '类别 / Kind' })
  @IsOptional()
  @IsEnum(DisclosureKind)
  kind?: DisclosureKind | null;

  @Field(() => String, { nullable: true, description: '期间 / Period' })
  @IsOptional()
  @Matches(PERIOD, { message: '$property must be YYYY-MM or YYYY-Qn' })
  period?: string | null;
}

@ArgsType()
export class OverdueDisclosuresArgs {
  @Field(() => String, { description: '区划代码（县、乡镇或村）/ Division code (county, township or village)' })
  @Matches(CODE, { message: CODE_MESSAGE })
  regionCode!: string;

  @Field(() => GraphQLLocalDate, { description: '截至日期（此日之前已到截止日的期间）/ As of (periods whose due day is before this date)' })
  @IsISO8601({ strict: true })
  asOf!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: '自此日起到期的期间（默认 asOf 当年1月1日）/ Periods due from this day (default 1 January of asOf’s year)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  since?: string | null;
}
