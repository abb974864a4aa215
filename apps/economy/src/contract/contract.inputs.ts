import { IdempotentInput, PageArgs } from '@xiangzhi/kernel';
import { MoneyScalar } from '@xiangzhi/economy-api';
import { IsEnum, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PaymentFrequency } from './contract.entity';

const CODE = /^\d{12}$/;
const CODE_MESSAGE = '$property must be a 12-digit division code';

@InputType('RegisterContractInput', { description: '登记资产资源发包合同（超过本县门槛须有已通过的四议两公开事项）/ Register a lease (above the county’s threshold an adopted major matter must authorise it)' })
export class RegisterContractInput extends IdempotentInput {
  @Field(() => ID, { nullable: true, description: '发包的固定资产（与资源二选一）/ The asset leased (either this or a resource)' })
  @IsOptional()
  @IsUUID()
  assetId?: string | null;

  @Field(() => ID, { nullable: true, description: '发包的资源（与资产二选一）/ The resource leased (either this or an asset)' })
  @IsOptional()
  @IsUUID()
  resourceId?: string | null;

  @Field(() => String, { description: '承包（承租）方（1–100字）/ Counterparty (1–100 characters)' })
  @IsString()
  @Length(1, 100)
  counterparty!: string;

  @Field(() => GraphQLLocalDate, { description: '起始日 / First day of the term' })
  @IsISO8601({ strict: true })
  termStart!: string;

  @Field(() => GraphQLLocalDate, { description: '终止日（含；期限须为整月）/ Last day of the term (a whole number of months)' })
  @IsISO8601({ strict: true })
  termEnd!: string;

  @Field(() => MoneyScalar, { description: '年租金（元）/ Yearly amount (yuan)' })
  yearlyAmount!: bigint;

  @Field(() => PaymentFrequency, { description: '付款方式 / Payment frequency' })
  @IsEnum(PaymentFrequency)
  paymentFrequency!: PaymentFrequency;

  @Field(() => GraphQLLocalDate, { description: '签订日期（不晚于今天）/ Date signed (not in the future)' })
  @IsISO8601({ strict: true })
  signedOn!: string;

  @Field(() => ID, { nullable: true, description: '授权的四议两公开事项（合同总额超过本县门槛时必填）/ The major matter authorising it (required above the county’s threshold)' })
  @IsOptional()
  @IsUUID()
  majorMatterId?: string | null;
}

@InputType('RecordContractPaymentInput', { description: '登记合同收款（按期次先后冲抵）/ Record a payment on a lease (applied to the instalments in order)' })
export class RecordContractPaymentInput extends IdempotentInput {
  @Field(() => ID, { description: '合同 / Contract' })
  @IsUUID()
  contractId!: string;

  @Field(() => GraphQLLocalDate, { description: '收款日期（不晚于今天）/ Date paid (not in the future)' })
  @IsISO8601({ strict: true })
  paidOn!: string;

  @Field(() => MoneyScalar, { description: '金额（元）/ Amount (yuan)' })
  amount!: bigint;
}

@ArgsType()
export class ContractsArgs extends PageArgs {
  @Field(() => String, { description: '区划代码（县、乡镇或村）/ Division code (county, township or village)' })
  @Matches(CODE, { message: CODE_MESSAGE })
  regionCode!: string;
}

@ArgsType()
export class OverduePaymentsArgs {
  @Field(() => String, { description: '区划代码（县、乡镇或村）/ Division code (county, township or village)' })
  @Matches(CODE, { message: CODE_MESSAGE })
  regionCode!: string;

  @Field(() => GraphQLLocalDate, { description: '截至日期（应付日期早于此日且未付清的期次）/ As of (instalments due before this day and not fully paid)' })
  @IsISO8601({ strict: true })
  asOf!: string;
}
