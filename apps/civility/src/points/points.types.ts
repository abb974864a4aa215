import { HouseholdRef } from '../shared/grids-stubs';
import { IdempotentInput } from '@xiangzhi/kernel';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

/** 积分记录状态 */
export enum PointsEntryStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

registerEnumType(PointsEntryStatus, {
  name: 'PointsEntryStatus',
  description: '积分记录状态 / Status of a points entry',
  valuesConfig: {
    PENDING: { description: '待审核 / Awaiting approval' },
    APPROVED: { description: '已审核（计入余额）/ Approved (counts in the balance)' },
    REJECTED: { description: '未通过 / Rejected' },
  },
});

/** 积分记录 one entry of a household's points ledger (append-only; approval decides whether it counts). */
@ObjectType('PointsEntry', { description: '农户文明积分记录 / Entry of a household’s civility points ledger' })
export class PointsEntry {
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Field(() => HouseholdRef, { description: '户 / Household' })
  household!: HouseholdRef;

  @Field(() => String, { description: '村（社区）/ Village' })
  villageCode!: string;

  @Field(() => String, { description: '积分细则代码 / Rule code' })
  ruleCode!: string;

  @Field(() => Int, { description: '分值（正为加分，负为扣分）/ Points (positive earned, negative deducted)' })
  points!: number;

  @Field(() => GraphQLLocalDate, { description: '发生日期 / Date it happened' })
  occurredOn!: string;

  @Field(() => String, { description: '所属月份 YYYY-MM / Month' })
  month!: string;

  @Field(() => String, { nullable: true, description: '佐证（照片、文书编号等）/ Evidence (photo, document number…)' })
  evidence!: string | null;

  @Field(() => String, { nullable: true, description: '说明 / Note' })
  note!: string | null;

  @Field(() => PointsEntryStatus, { description: '状态 / Status' })
  status!: PointsEntryStatus;

  @Field(() => String, { description: '登记人 / Recorded by (actor id)' })
  recordedBy!: string;

  @Field(() => String, { nullable: true, description: '审核人 / Decided by (actor id)' })
  decidedBy!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: '审核时间 / Decided at' })
  decidedAt!: Date | null;
}

/** 户的文明积分 what civility knows of a household. */
@ObjectType('HouseholdCivility', { description: '户的文明积分与星级 / A household’s civility points and stars' })
export class HouseholdCivility {
  @Field(() => ID, { description: '户 / Household id' })
  householdId!: string;

  @Field(() => String, { description: '村（社区）/ Village' })
  villageCode!: string;
}

@InputType('RecordPointsInput', { description: '登记积分（待审核）/ Record a points entry (to be approved)' })
export class RecordPointsInput extends IdempotentInput {
  @Field(() => ID, { description: '户 / Household' })
  @IsUUID()
  householdId!: string;

  @Field(() => String, { description: '积分细则代码 / Rule code' })
  @Matches(/^[A-Za-z0-9_-]{1,40}$/)
  ruleCode!: string;

  @Field(() => GraphQLLocalDate, { description: '发生日期（不晚于今天；细则须在当日有效）/ Date it happened (not after today; the rule must be in force that day)' })
  occurredOn!: string;

  @Field(() => String, { nullable: true, description: '佐证（细则要求时必填）/ Evidence (required when the rule says so)' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  evidence?: string | null;

  @Field(() => String, { nullable: true, description: '说明 / Note' })
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  note?: string | null;
}

@InputType('ApprovePointsInput', { description: '审核积分 / Approve or reject a points entry' })
export class ApprovePointsInput {
  @Field(() => ID, { description: '积分记录 / Points entry' })
  @IsUUID()
  entryId!: string;

  @Field(() => Boolean, { defaultValue: true, description: '通过（false 为不通过）/ Approve (false: reject)' })
  @IsBoolean()
  approve!: boolean;
}

/** 积分超市商品 an item of a village's civilisation market (积分超市, 520 文明超市). */
@ObjectType('MarketItem', { description: '积分超市商品 / Item of the civilisation market' })
export class MarketItem {
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Field(() => String, { description: '村（社区）/ Village' })
  villageCode!: string;

  @Field(() => String, { description: '名称 / Name' })
  name!: string;

  @Field(() => Int, { description: '兑换所需积分 / Price in points' })
  price!: number;

  @Field(() => Int, { description: '库存 / Stock' })
  stock!: number;
}

@InputType('CreateMarketItemInput', { description: '积分超市上架商品 / Add an item to the civilisation market' })
export class CreateMarketItemInput extends IdempotentInput {
  @Field(() => String, { description: '村（社区）区划代码 / Village division code' })
  @IsString()
  villageCode!: string;

  @Field(() => String, { description: '名称 / Name' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @Field(() => Int, { description: '兑换所需积分（正整数）/ Price in points (positive)' })
  @IsInt()
  @Min(1)
  @Max(100000)
  price!: number;

  @Field(() => Int, { description: '库存 / Stock' })
  @IsInt()
  @Min(0)
  @Max(1000000)
  stock!: number;
}

@InputType('RedeemPointsInput', { description: '积分兑换 / Redeem points for an item' })
export class RedeemPointsInput extends IdempotentInput {
  @Field(() => ID, { description: '户（须属商品所在村）/ Household (of the item’s village)' })
  @IsUUID()
  householdId!: string;

  @Field(() => ID, { description: '商品 / Item' })
  @IsUUID()
  itemId!: string;

  @Field(() => Int, { defaultValue: 1, description: '数量 / Quantity' })
  @IsInt()
  @Min(1)
  @Max(100)
  quantity!: number;
}

/** 兑换记录 a redemption: points taken from a household's balance, items from the stock. */
@ObjectType('Redemption', { description: '积分兑换记录 / Redemption' })
export class Redemption {
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Field(() => HouseholdRef, { description: '户 / Household' })
  household!: HouseholdRef;

  @Field(() => ID, { description: '商品 / Item' })
  itemId!: string;

  @Field(() => Int, { description: '数量 / Quantity' })
  quantity!: number;

  @Field(() => Int, { description: '扣减积分 / Points taken' })
  points!: number;

  @Field(() => GraphQLLocalDate, { description: '兑换日期 / Date redeemed' })
  redeemedOn!: string;

  @Field(() => Int, { nullable: true, description: '兑换后余额（仅兑换时返回）/ Balance after (only in the redemption’s answer)' })
  balanceAfter!: number | null;

  @Field(() => Int, { nullable: true, description: '兑换后库存（仅兑换时返回）/ Stock after (only in the redemption’s answer)' })
  stockAfter!: number | null;
}

/** 红榜 a household on the red list. */
@ObjectType('RedListEntry', { description: '红榜 / Red list entry' })
export class RedListEntry {
  @Field(() => Int, { description: '名次 / Rank' })
  rank!: number;

  @Field(() => HouseholdRef, { description: '户 / Household' })
  household!: HouseholdRef;

  @Field(() => Int, { description: '当月积分 / Points of the month' })
  points!: number;
}

/** 黑榜 a household on the black list with the rule that put it there. */
@ObjectType('BlackListEntry', { description: '黑榜 / Black list entry' })
export class BlackListEntry {
  @Field(() => HouseholdRef, { description: '户 / Household' })
  household!: HouseholdRef;

  @Field(() => String, { description: '上榜所依据的扣分细则代码 / Code of the deducting rule that put it there' })
  rule!: string;

  @Field(() => Int, { description: '该细则当月扣分（负数）/ Points that rule deducted in the month (negative)' })
  points!: number;
}

/** 红黑榜 a village's list for a month. */
@ObjectType('RedBlackList', { description: '乡风文明红黑榜（村、月）/ Red and black list of a village for a month' })
export class RedBlackList {
  @Field(() => String, { description: '村（社区）/ Village' })
  villageCode!: string;

  @Field(() => String, { description: '月份 YYYY-MM / Month' })
  month!: string;

  @Field(() => Boolean, { description: '是否已发布（发布后冻结，不随后来的记录变化）/ Published (frozen: later entries do not change it)' })
  published!: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true, description: '发布时间 / Published at' })
  publishedAt!: Date | null;

  @Field(() => String, { description: '评定规则（插件名或 baseline）/ Policy that decided (plugin name or baseline)' })
  policy!: string;

  @Field(() => [RedListEntry], { description: '红榜 / Red list' })
  red!: RedListEntry[];

  @Field(() => [BlackListEntry], { description: '黑榜 / Black list' })
  black!: BlackListEntry[];
}

/** 积分排行 a household's points of a month within a region. */
@ObjectType('PointsLeaderboardEntry', { description: '积分排行 / Points leaderboard entry' })
export class PointsLeaderboardEntry {
  @Field(() => Int, { description: '名次 / Rank' })
  rank!: number;

  @Field(() => HouseholdRef, { description: '户 / Household' })
  household!: HouseholdRef;

  @Field(() => String, { description: '村（社区）/ Village' })
  villageCode!: string;

  @Field(() => Int, { description: '当月已审核积分 / Approved points of the month' })
  points!: number;
}

@ObjectType('StarCount', { description: '星级户数 / Households per number of stars' })
export class StarCount {
  @Field(() => Int, { description: '星级（0–5）/ Stars' })
  stars!: number;

  @Field(() => Int, { description: '户数 / Households' })
  households!: number;
}

/** 星级文明户评定结果 the result of a rating run. */
@ObjectType('StarRatingRun', { description: '星级文明户评定结果 / Result of a star household rating' })
export class StarRatingRun {
  @Field(() => String, { description: '区划 / Region' })
  regionCode!: string;

  @Field(() => Int, { description: '年度 / Year' })
  year!: number;

  @Field(() => Int, { description: '评定户数 / Households rated' })
  households!: number;

  @Field(() => [StarCount], { description: '各星级户数 / Households per number of stars' })
  stars!: StarCount[];
}

@InputType('PublishRedBlackListInput', { description: '发布红黑榜 / Publish a red and black list' })
export class PublishRedBlackListInput extends IdempotentInput {
  @Field(() => String, { description: '村（社区）区划代码 / Village division code' })
  @IsString()
  villageCode!: string;

  @Field(() => String, { description: '月份 YYYY-MM（本月或以前）/ Month (this month or earlier)' })
  @IsString()
  month!: string;
}
