import { IdempotentInput, PageArgs } from '@xiangzhi/kernel';
import { GraphQLLocalDate } from 'graphql-scalars';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, NotEquals } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PartyMemberStatus, PartyOrganizationKind } from './party.entity';

const CODE = /^\d{12}$/;
const CODE_MESSAGE = '$property must be a 12-digit division code';

/** 积分单笔上限 the largest number of points one ledger entry may add or deduct. */
export const MAX_POINTS_PER_ENTRY = 100;

@InputType('CreatePartyOrganizationInput', { description: '设立党组织（党委、党总支、党支部、党小组）/ Set up a Party organisation (committee, general branch, branch or group)' })
export class CreatePartyOrganizationInput extends IdempotentInput {
  @Field(() => String, { description: '所属村（社区）或乡镇的12位区划代码 / 12-digit division code of its village or township' })
  @Matches(CODE, { message: CODE_MESSAGE })
  regionCode!: string;

  @Field(() => String, { description: '名称（1–60字，同一区划内不重复）/ Name (1–60 characters, unique within the region)' })
  @IsString()
  @Length(1, 60)
  name!: string;

  @Field(() => PartyOrganizationKind, { description: '类型 / Kind' })
  @IsEnum(PartyOrganizationKind)
  kind!: PartyOrganizationKind;

  @Field(() => ID, {
    nullable: true,
    description: '上级党组织（同村或其所在乡镇，且层级更高）/ Parent organisation (same village or the township above it, and of a higher kind)',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @Field(() => ID, { nullable: true, description: '建在哪个网格上（仅党支部、党小组；每网格一个）/ The grid it is built on (branches and groups only; one per grid)' })
  @IsOptional()
  @IsUUID()
  gridId?: string | null;

  @Field(() => ID, { nullable: true, description: '书记（在该村任职的在职干部）/ Secretary (a serving cadre of that village)' })
  @IsOptional()
  @IsUUID()
  secretaryCadreId?: string | null;
}

@InputType('UpdatePartyOrganizationInput', { description: '修改党组织（须提交版本号）/ Change a Party organisation (send the version read)' })
export class UpdatePartyOrganizationInput {
  @Field(() => ID, { description: '党组织 / Organisation' })
  @IsUUID()
  id!: string;

  @Field(() => Int, { description: '读取时的版本号（已被他人修改则冲突）/ Version read (CONFLICT when someone changed it since)' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: '新名称（省略则不变）/ New name (unchanged when omitted)' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  name?: string | null;

  @Field(() => ID, { nullable: true, description: '网格（省略则不变，null 解除）/ Grid (unchanged when omitted, null detaches it)' })
  @IsOptional()
  @IsUUID()
  gridId?: string | null;

  @Field(() => ID, { nullable: true, description: '书记（省略则不变，null 空缺）/ Secretary (unchanged when omitted, null leaves the post vacant)' })
  @IsOptional()
  @IsUUID()
  secretaryCadreId?: string | null;
}

@InputType('RegisterPartyMemberInput', { description: '登记党员 / Register a Party member' })
export class RegisterPartyMemberInput extends IdempotentInput {
  @Field(() => ID, { description: '所在党组织 / Organisation' })
  @IsUUID()
  organizationId!: string;

  @Field(() => String, { description: '姓名（1–40字）/ Name (1–40 characters)' })
  @IsString()
  @Length(1, 40)
  name!: string;

  @Field(() => ID, { nullable: true, description: '居民标识（网格子图 Resident.id；每位居民只登记一次）/ Resident id in the grids subgraph (a resident is registered once)' })
  @IsOptional()
  @IsUUID()
  residentId?: string | null;

  @Field(() => GraphQLLocalDate, { description: '入党日期（不晚于今天）/ Date joined (not in the future)' })
  @IsString()
  joinedOn!: string;

  @Field(() => PartyMemberStatus, { description: '状态 / Status' })
  @IsEnum(PartyMemberStatus)
  status!: PartyMemberStatus;

  @Field(() => String, { nullable: true, description: '设岗定责岗位（1–60字）/ Duty post (设岗定责, 1–60 characters)' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  duty?: string | null;
}

@InputType('RegisterMobileMemberInput', { description: '登记流动党员（外出务工经商，组织关系仍在原党组织）/ Register a member as mobile (working away; membership stays with the origin organisation)' })
export class RegisterMobileMemberInput {
  @Field(() => ID, { description: '党员 / Member' })
  @IsUUID()
  memberId!: string;

  @Field(() => String, { description: '现居地（1–100字）/ Where the member now lives (1–100 characters)' })
  @IsString()
  @Length(1, 100)
  currentLocation!: string;

  @Field(() => Int, { description: '读取时的版本号 / Version read' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}

@InputType('ReturnMobileMemberInput', { description: '流动党员返乡 / A mobile member has returned' })
export class ReturnMobileMemberInput {
  @Field(() => ID, { description: '党员 / Member' })
  @IsUUID()
  memberId!: string;

  @Field(() => Int, { description: '读取时的版本号 / Version read' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}

@InputType('RecordMemberPointsInput', { description: '记党员积分（加分或扣分）/ Record points for a member (award or deduction)' })
export class RecordMemberPointsInput extends IdempotentInput {
  @Field(() => ID, { description: '党员 / Member' })
  @IsUUID()
  memberId!: string;

  @Field(() => GraphQLLocalDate, { description: '日期（不晚于今天）/ Date (not in the future)' })
  @IsString()
  date!: string;

  @Field(() => Int, { description: `分值：非零整数，扣分为负，绝对值不超过${MAX_POINTS_PER_ENTRY} / Points: a non-zero integer, negative for deductions, at most ${MAX_POINTS_PER_ENTRY} either way` })
  @IsInt()
  @NotEquals(0)
  @Min(-MAX_POINTS_PER_ENTRY)
  @Max(MAX_POINTS_PER_ENTRY)
  points!: number;

  @Field(() => String, { description: '事由（1–200字）/ Reason (1–200 characters)' })
  @IsString()
  @Length(1, 200)
  reason!: string;
}

@ArgsType()
export class PartyMembersArgs extends PageArgs {
  @Field(() => String, {
    description: '区划代码：村、乡镇或县（辖区以外的部分不列出）/ Region code: village, township or county (nothing outside your scope is listed)',
  })
  @Matches(CODE, { message: CODE_MESSAGE })
  regionCode!: string;

  @Field(() => ID, { nullable: true, description: '只列该党组织的党员 / Only members of this organisation' })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @Field(() => Boolean, { nullable: true, description: '只列流动党员（true）或非流动党员（false）/ Only mobile members (true) or only members at home (false)' })
  @IsOptional()
  @IsBoolean()
  mobile?: boolean | null;
}
