import { IdempotentInput, PageArgs } from '@xiangzhi/kernel';
import { MoneyScalar } from '@xiangzhi/economy-api';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';

/** The most lines one voucher may have. */
export const MAX_VOUCHER_LINES = 200;

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const MONTH_MESSAGE = '$property must be a month YYYY-MM';

@InputType('VoucherLineInput', { description: '凭证分录：一个科目，借方或贷方金额（二者取一）/ Voucher line: an account and either a debit or a credit' })
export class VoucherLineInput {
  @Field(() => String, { description: '科目代码（须在本组织科目表中）/ Account code (in the organisation’s chart)' })
  @Matches(/^\d{3,8}$/, { message: '$property must be an account code of 3–8 digits' })
  accountCode!: string;

  @Field(() => MoneyScalar, { nullable: true, description: '借方金额（元，两位小数）/ Debit (yuan, two decimals)' })
  @IsOptional()
  debit?: bigint | null;

  @Field(() => MoneyScalar, { nullable: true, description: '贷方金额（元，两位小数）/ Credit (yuan, two decimals)' })
  @IsOptional()
  credit?: bigint | null;

  @Field(() => String, { nullable: true, description: '备注（至多200字）/ Memo (at most 200 characters)' })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  memo?: string | null;
}

@InputType('PostVoucherInput', {
  description: '记账：借贷必须相等（精确到分），科目须存在，日期不得在已结账月份或未来 / Post a voucher: debits equal credits to the fen, known accounts, a date in an open month and not in the future',
})
export class PostVoucherInput extends IdempotentInput {
  @Field(() => ID, { description: '集体经济组织 / Organisation' })
  @IsUUID()
  organizationId!: string;

  @Field(() => GraphQLLocalDate, { description: '记账日期 / Date' })
  @IsString()
  date!: string;

  @Field(() => String, { description: '摘要（1–200字）/ Summary (1–200 characters)' })
  @IsString()
  @Length(1, 200)
  summary!: string;

  @Field(() => [VoucherLineInput], { description: `分录（2–${MAX_VOUCHER_LINES}行）/ Lines (2–${MAX_VOUCHER_LINES})` })
  @ArrayMinSize(2)
  @ArrayMaxSize(MAX_VOUCHER_LINES)
  @ValidateNested({ each: true })
  lines!: VoucherLineInput[];
}

@InputType('ReverseVoucherInput', { description: '冲销凭证：生成借贷方向相反的凭证（原凭证不改动，只能冲销一次）/ Reverse a voucher with one of opposite sides (the original stays; once only)' })
export class ReverseVoucherInput extends IdempotentInput {
  @Field(() => ID, { description: '要冲销的凭证 / Voucher to reverse' })
  @IsUUID()
  voucherId!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: '冲销日期（省略为今天；须在未结账月份）/ Date of the reversal (today when omitted; in an open month)' })
  @IsOptional()
  @IsString()
  date?: string | null;

  @Field(() => String, { nullable: true, description: '摘要（省略则为“冲销第N号凭证”）/ Summary (default “reversal of voucher N”)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  summary?: string | null;
}

@InputType('ClosePeriodInput', { description: '结账：按月顺序结账，月份须已结束 / Close a month: months close in order, once they have ended' })
export class ClosePeriodInput {
  @Field(() => ID, { description: '集体经济组织 / Organisation' })
  @IsUUID()
  organizationId!: string;

  @Field(() => String, { description: '月份（YYYY-MM）/ Month (YYYY-MM)' })
  @Matches(MONTH, { message: MONTH_MESSAGE })
  month!: string;
}

@ArgsType()
export class VouchersArgs extends PageArgs {
  @Field(() => ID, { description: '集体经济组织 / Organisation' })
  @IsUUID()
  organizationId!: string;

  @Field(() => String, { nullable: true, description: '月份（YYYY-MM；省略为全部）/ Month (YYYY-MM; all when omitted)' })
  @IsOptional()
  @Matches(MONTH, { message: MONTH_MESSAGE })
  month?: string | null;
}
