import { ConnectionType, VersionedVillageRecord } from '@xiangzhi/kernel';
import { MoneyScalar } from '@xiangzhi/economy-api';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { fenColumn } from '../shared/money';

/** 付款方式 payment frequency of a lease. */
export enum PaymentFrequency {
  YEARLY = 'YEARLY',
  HALF_YEARLY = 'HALF_YEARLY',
  QUARTERLY = 'QUARTERLY',
  MONTHLY = 'MONTHLY',
}

registerEnumType(PaymentFrequency, {
  name: 'PaymentFrequency',
  description: '付款方式（每期期初付款）/ Payment frequency (each instalment due on its period’s first day)',
  valuesConfig: {
    YEARLY: { description: '按年 / Yearly' },
    HALF_YEARLY: { description: '按半年 / Half-yearly' },
    QUARTERLY: { description: '按季 / Quarterly' },
    MONTHLY: { description: '按月 / Monthly' },
  },
});

/** 发包合同 a lease of a collective asset or resource. */
@Entity({ name: 'lease_contract' })
@ObjectType('LeaseContract', { description: '资产资源发包（租赁）合同 / Lease of a collective asset or resource' })
@Directive('@key(fields: "id")')
export class LeaseContract extends VersionedVillageRecord {
  @Column({ name: 'organization_id', type: 'uuid' })
  @Field(() => ID, { description: '发包方集体经济组织 / Organisation leasing it out' })
  organizationId!: string;

  @Column({ name: 'asset_id', type: 'uuid', nullable: true })
  assetId!: string | null;

  @Column({ name: 'resource_id', type: 'uuid', nullable: true })
  resourceId!: string | null;

  @Column({ name: 'counterparty', type: 'text' })
  @Field(() => String, { description: '承包（承租）方 / Counterparty' })
  counterparty!: string;

  @Column({ name: 'term_start', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '起始日 / First day of the term' })
  termStart!: string;

  @Column({ name: 'term_end', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '终止日（含）/ Last day of the term' })
  termEnd!: string;

  @Column({ name: 'term_months', type: 'int' })
  @Field(() => Int, { description: '期限（月）/ Term in months' })
  termMonths!: number;

  @Column({ name: 'yearly_amount_fen', type: 'bigint', transformer: fenColumn })
  @Field(() => MoneyScalar, { description: '年租金（元）/ Yearly amount (yuan)' })
  yearlyAmount!: bigint;

  @Column({ name: 'total_fen', type: 'bigint', transformer: fenColumn })
  @Field(() => MoneyScalar, { description: '合同总额（元，年租金×月数÷12，舍去不足一分）/ Total (yuan: yearly × months ÷ 12, rounded down to the fen)' })
  total!: bigint;

  @Column({ name: 'payment_frequency', type: 'text' })
  @Field(() => PaymentFrequency, { description: '付款方式 / Payment frequency' })
  paymentFrequency!: PaymentFrequency;

  @Column({ name: 'major_matter_id', type: 'uuid', nullable: true })
  majorMatterId!: string | null;

  @Column({ name: 'signed_on', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '签订日期 / Date signed' })
  signedOn!: string;
}

/** 付款计划 one instalment of a lease's schedule. */
@Entity({ name: 'lease_instalment' })
@ObjectType('LeaseInstalment', { description: '合同付款计划（一期）/ Instalment of a lease’s payment schedule' })
export class LeaseInstalment {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'contract_id', type: 'uuid' })
  contractId!: string;

  @Column({ name: 'village_code', type: 'text' })
  villageCode!: string;

  @Column({ name: 'seq', type: 'int' })
  @Field(() => Int, { description: '期次 / Number' })
  seq!: number;

  @Column({ name: 'due_on', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '应付日期 / Due on' })
  dueOn!: string;

  @Column({ name: 'months', type: 'int' })
  @Field(() => Int, { description: '所付月数 / Months it pays for' })
  months!: number;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: fenColumn })
  @Field(() => MoneyScalar, { description: '应付金额（元）/ Amount due (yuan)' })
  amount!: bigint;

  @Column({ name: 'paid_fen', type: 'bigint', transformer: fenColumn })
  @Field(() => MoneyScalar, { description: '已付金额（元）/ Paid (yuan)' })
  paid!: bigint;
}

/** 收款 a payment received on a lease. */
@Entity({ name: 'lease_payment' })
@ObjectType('LeasePayment', { description: '合同收款 / Payment received on a lease' })
export class LeasePayment {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'contract_id', type: 'uuid' })
  contractId!: string;

  @Column({ name: 'village_code', type: 'text' })
  villageCode!: string;

  @Column({ name: 'paid_on', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '收款日期 / Date paid' })
  paidOn!: string;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: fenColumn })
  @Field(() => MoneyScalar, { description: '金额（元）/ Amount (yuan)' })
  amount!: bigint;

  @Column({ name: 'recorded_by', type: 'text' })
  @Field(() => String, { description: '记录人 / Recorded by (actor id)' })
  recordedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** 逾期未付 an instalment due before the date asked and not fully paid. */
@ObjectType('OverduePayment', { description: '合同逾期未付款 / Overdue lease instalment' })
export class OverduePayment {
  @Field(() => ID, { description: '合同 / Contract' })
  contractId!: string;

  @Field(() => String, { description: '村（社区）代码 / Village division code' })
  villageCode!: string;

  @Field(() => String, { description: '承包方 / Counterparty' })
  counterparty!: string;

  @Field(() => Int, { description: '期次 / Instalment number' })
  seq!: number;

  @Field(() => GraphQLLocalDate, { description: '应付日期 / Due on' })
  dueOn!: string;

  @Field(() => MoneyScalar, { description: '应付（元）/ Amount due (yuan)' })
  amount!: bigint;

  @Field(() => MoneyScalar, { description: '已付（元）/ Paid (yuan)' })
  paid!: bigint;

  @Field(() => MoneyScalar, { description: '欠款（元）/ Outstanding (yuan)' })
  outstanding!: bigint;

  @Field(() => Int, { description: '逾期天数 / Days overdue' })
  daysOverdue!: number;
}

export const LeaseContractConnection = ConnectionType(LeaseContract, 'LeaseContract', '发包合同 / Leases');
