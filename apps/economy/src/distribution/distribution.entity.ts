import { DistributionPart, MoneyScalar } from '@xiangzhi/economy-api';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { fenColumn } from '../shared/money';

registerEnumType(DistributionPart, {
  name: 'DistributionPart',
  description: '收益分配项目 / Part of a distribution',
  valuesConfig: {
    GUARANTEED_DIVIDEND: { description: '入股保底分红 / Guaranteed dividend on shares' },
    PROFIT_DIVIDEND: { description: '效益分红 / Profit dividend' },
    WAGES: { description: '劳动务工收入 / Wages for members’ work' },
    LAND_RENT: { description: '土地租金收入 / Land rent' },
  },
});

/** A part of the split as stored (jsonb). */
export interface StoredPart {
  part: DistributionPart;
  weight: number;
  amountFen: string;
  shareClasses: string[] | null;
  /** The classes named were held by nobody: shared by all shares instead. */
  fallback: boolean;
  totalShares: number;
}

/** 分配项目结果 one part of a distribution: its weight, amount and how it was shared. */
@ObjectType('DistributionPartResult', { description: '分配项目结果 / One part of a distribution' })
export class DistributionPartResult {
  @Field(() => DistributionPart, { description: '项目 / Part' })
  part!: DistributionPart;

  @Field(() => Int, { description: '权重 / Weight' })
  weight!: number;

  @Field(() => MoneyScalar, { description: '金额 / Amount' })
  amount!: bigint;

  @Field(() => [String], { nullable: true, description: '按哪些股权类别分（空为全部股份）/ Share classes it was shared by (null: all shares)' })
  shareClasses!: string[] | null;

  @Field(() => Boolean, { description: '所列类别无人持有，改按全部股份分配 / Nobody held the classes named, so all shares counted' })
  fallback!: boolean;

  @Field(() => Int, { description: '参与分配的股份总数 / Shares it was shared by' })
  totalShares!: number;
}

/** 收益分配 a distribution run for an organisation and year. */
@Entity({ name: 'economy_distribution' })
@ObjectType('Distribution', { description: '收益分配（各项之和、各成员之和均精确等于可分配收益）/ Distribution (parts and members’ amounts sum to the surplus exactly)' })
export class Distribution {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '所属村（社区）代码 / Division code of the village' })
  villageCode!: string;

  @Column({ name: 'year', type: 'int' })
  @Field(() => Int, { description: '年度 / Year' })
  year!: number;

  @Column({ name: 'net_surplus_fen', type: 'bigint', transformer: fenColumn })
  @Field(() => MoneyScalar, { description: '本年收益（账面收入减费用）/ Net surplus of the year from the ledger' })
  netSurplus!: bigint;

  @Column({ name: 'reserve_fen', type: 'bigint', transformer: fenColumn })
  @Field(() => MoneyScalar, { description: '提取公积公益金 / Kept back as reserve' })
  reserve!: bigint;

  @Column({ name: 'surplus_fen', type: 'bigint', transformer: fenColumn })
  @Field(() => MoneyScalar, { description: '分配金额 / Surplus distributed' })
  surplus!: bigint;

  @Column({ name: 'parts', type: 'jsonb' })
  parts!: StoredPart[];

  @Column({ name: 'rounding', type: 'text' })
  @Field(() => String, { description: '舍入方法（最大余额法）/ Rounding method (largest remainder)' })
  rounding!: string;

  @Column({ name: 'policy_source', type: 'text' })
  @Field(() => String, { description: '分配方案来源（插件名或 baseline）/ Source of the split (a plugin or baseline)' })
  policySource!: string;

  @Column({ name: 'member_count', type: 'int' })
  @Field(() => Int, { description: '参与分配成员数 / Members paid' })
  memberCount!: number;

  @Column({ name: 'voucher_id', type: 'uuid' })
  voucherId!: string;

  @Column({ name: 'major_matter_id', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: '授权的四议两公开事项 / The major matter that authorised it' })
  majorMatterId!: string | null;

  @Column({ name: 'run_on', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '分配日期（凭证日期）/ Date run (the voucher’s date)' })
  runOn!: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '记录时间 / Recorded at' })
  createdAt!: Date;
}

/** One member's amount of one part. */
@Entity({ name: 'economy_distribution_line' })
export class DistributionLine {
  @PrimaryColumn({ name: 'distribution_id', type: 'uuid' })
  distributionId!: string;

  @PrimaryColumn({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @PrimaryColumn({ name: 'part', type: 'text' })
  part!: DistributionPart;

  @Column({ name: 'shares', type: 'int' })
  shares!: number;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: fenColumn })
  amountFen!: bigint;
}

/** 成员分配 a member's amounts in a distribution. */
@ObjectType('DistributionMemberShare', { description: '成员分配明细 / A member’s amounts in a distribution' })
export class DistributionMemberShare {
  @Field(() => ID, { description: '成员 / Member' })
  memberId!: string;

  @Field(() => MoneyScalar, { description: '入股保底分红 / Guaranteed dividend' })
  guaranteedDividend!: bigint;

  @Field(() => MoneyScalar, { description: '效益分红 / Profit dividend' })
  profitDividend!: bigint;

  @Field(() => MoneyScalar, { description: '劳动务工收入 / Wages' })
  wages!: bigint;

  @Field(() => MoneyScalar, { description: '土地租金收入 / Land rent' })
  landRent!: bigint;

  @Field(() => MoneyScalar, { description: '合计 / Total' })
  total!: bigint;
}
