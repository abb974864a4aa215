import { ResidentRef } from '../shared/grids-stubs';
import { IdempotentInput } from '@xiangzhi/kernel';
import { IsBoolean, IsEnum, IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

/** 典型类别 */
export enum RoleModelCategory {
  MORAL_MODEL = 'MORAL_MODEL',
  GOOD_PERSON = 'GOOD_PERSON',
  GOOD_DAUGHTER_IN_LAW = 'GOOD_DAUGHTER_IN_LAW',
  GOOD_PARENT_IN_LAW = 'GOOD_PARENT_IN_LAW',
}

registerEnumType(RoleModelCategory, {
  name: 'RoleModelCategory',
  description: '典型类别 / Kind of role model',
  valuesConfig: {
    MORAL_MODEL: { description: '道德模范 / Moral model' },
    GOOD_PERSON: { description: '身边好人 / Good person next door' },
    GOOD_DAUGHTER_IN_LAW: { description: '好媳妇 / Good daughter-in-law' },
    GOOD_PARENT_IN_LAW: { description: '好公婆 / Good parents-in-law' },
  },
});

export enum RoleModelStatus {
  ON_NOTICE = 'ON_NOTICE',
  SELECTED = 'SELECTED',
  REJECTED = 'REJECTED',
}

registerEnumType(RoleModelStatus, {
  name: 'RoleModelStatus',
  description: '推选状态 / Status of a nomination',
  valuesConfig: {
    ON_NOTICE: { description: '公示中或待评选 / On public notice or awaiting selection' },
    SELECTED: { description: '已评选 / Selected' },
    REJECTED: { description: '异议成立，未评选 / Not selected (objection upheld)' },
  },
});

@ObjectType('RoleModelNomination', { description: '典型推选（道德模范、身边好人、好媳妇好公婆）/ Role-model nomination' })
export class RoleModelNomination {
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Field(() => ResidentRef, { description: '被推选人 / Nominee' })
  resident!: ResidentRef;

  @Field(() => String, { description: '村（社区）/ Village' })
  villageCode!: string;

  @Field(() => RoleModelCategory, { description: '类别 / Category' })
  category!: RoleModelCategory;

  @Field(() => Int, { description: '年度 / Year' })
  year!: number;

  @Field(() => String, { description: '事迹 / Deeds' })
  deeds!: string;

  @Field(() => RoleModelStatus, { description: '状态 / Status' })
  status!: RoleModelStatus;

  @Field(() => GraphQLLocalDate, { description: '公示开始 / Public notice from' })
  noticeFrom!: string;

  @Field(() => GraphQLLocalDate, { description: '公示结束（开始后第7天，当日起可评选）/ Notice ends (7 days after it starts; selection from this day)' })
  noticeTo!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: '评选日期 / Date selected' })
  selectedOn!: string | null;

  @Field(() => Int, { description: '异议数 / Objections filed' })
  objections!: number;

  @Field(() => Int, { description: '待处理异议数 / Objections open' })
  openObjections!: number;

  @Field(() => Int, { description: '成立的异议数 / Objections upheld' })
  upheldObjections!: number;
}

@ObjectType('RoleModelObjection', { description: '公示异议 / Objection during the public notice' })
export class RoleModelObjection {
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Field(() => ID, { description: '推选 / Nomination' })
  nominationId!: string;

  @Field(() => GraphQLLocalDate, { description: '提出日期 / Filed on' })
  filedOn!: string;

  @Field(() => String, { description: '理由 / Reason' })
  reason!: string;

  @Field(() => String, { description: '状态（OPEN 待处理、UPHELD 成立、DISMISSED 不成立）/ Status (OPEN, UPHELD, DISMISSED)' })
  status!: string;
}

@InputType('NominateRoleModelInput', { description: '推选典型并公示7天 / Nominate a role model and start its 7-day public notice' })
export class NominateRoleModelInput extends IdempotentInput {
  @Field(() => ID, { description: '被推选居民（在册）/ Nominee (a living resident)' })
  @IsUUID()
  residentId!: string;

  @Field(() => RoleModelCategory, { description: '类别 / Category' })
  @IsEnum(RoleModelCategory)
  category!: RoleModelCategory;

  @Field(() => Int, { description: '年度 / Year' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @Field(() => String, { description: '事迹 / Deeds' })
  @IsString()
  @Length(1, 5000)
  deeds!: string;

  @Field(() => GraphQLLocalDate, { description: '公示开始日期 / Public notice starts on' })
  noticeFrom!: string;
}

@InputType('ObjectToRoleModelInput', { description: '公示期内提出异议 / File an objection during the public notice' })
export class ObjectToRoleModelInput extends IdempotentInput {
  @Field(() => ID, { description: '推选 / Nomination' })
  @IsUUID()
  nominationId!: string;

  @Field(() => GraphQLLocalDate, { description: '提出日期（公示期内，不晚于今天）/ Filed on (during the notice, not after today)' })
  filedOn!: string;

  @Field(() => String, { description: '理由 / Reason' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

@InputType('DecideRoleModelObjectionInput', { description: '处理异议 / Decide an objection' })
export class DecideRoleModelObjectionInput {
  @Field(() => ID, { description: '异议 / Objection' })
  @IsUUID()
  objectionId!: string;

  @Field(() => Boolean, { description: '是否成立 / Upheld' })
  @IsBoolean()
  upheld!: boolean;
}

@InputType('SelectRoleModelInput', { description: '评选典型（公示期满、无成立或待处理的异议）/ Select a role model (after the notice, with no objection upheld or open)' })
export class SelectRoleModelInput {
  @Field(() => ID, { description: '推选 / Nomination' })
  @IsUUID()
  nominationId!: string;

  @Field(() => GraphQLLocalDate, { description: '评选日期（不早于公示结束，不晚于今天）/ Date selected (not before the notice ends, not after today)' })
  selectedOn!: string;
}
