import { IdempotentInput } from '@xiangzhi/kernel';
import { MoneyScalar } from '@xiangzhi/economy-api';
import { GraphQLLocalDate } from 'graphql-scalars';
import { IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType('RunDistributionInput', {
  description:
    '年度收益分配：按本县分配方案拆分为保底分红、效益分红、务工收入、土地租金，最大余额法精确到分，同时生成记账凭证；每年只能一次；超过县四议两公开门槛须有已通过事项 / ' +
    'Distribute a year: split by the county’s policy, largest remainder to the fen, booked with a voucher; once a year; above the county’s major-matter threshold an adopted matter is required',
})
export class RunDistributionInput extends IdempotentInput {
  @Field(() => ID, { description: '集体经济组织 / Organisation' })
  @IsUUID()
  organizationId!: string;

  @Field(() => Int, { description: '年度（须已结束）/ Year (must have ended)' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @Field(() => MoneyScalar, { nullable: true, description: '分配金额（省略为可分配收益：本年收益减提留）/ Amount to distribute (default: the year’s surplus less the reserve)' })
  @IsOptional()
  surplus?: bigint | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: '分配（记账）日期（省略为今天；须在次年及以后的未结账月份）/ Date of the run and its voucher (today when omitted; after the year, in an open month)' })
  @IsOptional()
  @IsString()
  date?: string | null;

  @Field(() => ID, { nullable: true, description: '授权的四议两公开事项（超过门槛时必填）/ The adopted major matter authorising it (required above the threshold)' })
  @IsOptional()
  @IsUUID()
  majorMatterId?: string | null;
}
