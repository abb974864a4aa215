import { type ConnectionShape, type RequestContext } from '@xiangzhi/kernel';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CollectiveOrganization } from '../organization/organization.entity';
import { organizationLoader } from '../organization/organization.loaders';
import { LedgerAccount, LedgerPeriod, Voucher, VoucherConnection, VoucherLine } from './ledger.entity';
import { ClosePeriodInput, PostVoucherInput, ReverseVoucherInput, VouchersArgs } from './ledger.inputs';
import { accountsLoader, closedThroughLoader, reversalLoader, voucherLinesLoader, voucherLoader } from './ledger.loaders';
import { balanceSheet, closePeriod, listVouchers, operatingIncome, postVoucher, readableVoucher, reverseVoucher, trialBalance } from './ledger.service';
import { BalanceSheet, OperatingIncome, TrialBalance } from './ledger.types';

@Resolver(() => Voucher)
export class VoucherResolver {
  @Query(() => Voucher, { description: '按标识查询记账凭证 / A voucher by id' })
  voucher(@Arg('id', () => ID, { description: '凭证标识 / Voucher id' }) id: string, @Ctx() ctx: RequestContext): Promise<Voucher> {
    return readableVoucher(ctx, id);
  }

  @Query(() => VoucherConnection, { description: '组织的记账凭证（按日期、凭证号排序）/ An organisation’s vouchers, by date and number' })
  vouchers(@Args(() => VouchersArgs) args: VouchersArgs, @Ctx() ctx: RequestContext): Promise<ConnectionShape<Voucher>> {
    return listVouchers(ctx, args);
  }

  @Mutation(() => Voucher, {
    description:
      '记账：借贷相等（精确到分）、科目存在、日期在未结账月份且不晚于今天，否则拒绝且不写入（村级及以上记账人员；可带幂等键）/ ' +
      'Post a voucher: debits equal credits to the fen, known accounts, a date in an open month and not in the future, else refused with nothing written (village bookkeepers and above; idempotency key accepted)',
  })
  postVoucher(@Arg('input', () => PostVoucherInput, { description: '输入 / Input' }) input: PostVoucherInput, @Ctx() ctx: RequestContext): Promise<Voucher> {
    return postVoucher(ctx, input);
  }

  @Mutation(() => Voucher, { description: '冲销凭证（原凭证不改动，每张只能冲销一次）/ Reverse a voucher (the original stays; once only)' })
  reverseVoucher(@Arg('input', () => ReverseVoucherInput, { description: '输入 / Input' }) input: ReverseVoucherInput, @Ctx() ctx: RequestContext): Promise<Voucher> {
    return reverseVoucher(ctx, input);
  }

  @Mutation(() => LedgerPeriod, { description: '月末结账（按月顺序；结账后该月及以前不能再记账）/ Close a month (in order; nothing can be posted in or before it afterwards)' })
  closePeriod(@Arg('input', () => ClosePeriodInput, { description: '输入 / Input' }) input: ClosePeriodInput, @Ctx() ctx: RequestContext): Promise<LedgerPeriod> {
    return closePeriod(ctx, input);
  }

  @Query(() => TrialBalance, { description: '科目余额表（月）/ Trial balance of a month' })
  trialBalance(
    @Arg('organizationId', () => ID, { description: '集体经济组织 / Organisation' }) organizationId: string,
    @Arg('month', () => String, { description: '月份（YYYY-MM）/ Month (YYYY-MM)' }) month: string,
    @Ctx() ctx: RequestContext,
  ): Promise<TrialBalance> {
    return trialBalance(ctx, organizationId, month);
  }

  @Query(() => BalanceSheet, { description: '资产负债表（月末）/ Balance sheet at the end of a month' })
  balanceSheet(
    @Arg('organizationId', () => ID, { description: '集体经济组织 / Organisation' }) organizationId: string,
    @Arg('month', () => String, { description: '月份（YYYY-MM）/ Month (YYYY-MM)' }) month: string,
    @Ctx() ctx: RequestContext,
  ): Promise<BalanceSheet> {
    return balanceSheet(ctx, organizationId, month);
  }

  @Query(() => OperatingIncome, { description: '组织年度经营性收入（按凭证计算）/ An organisation’s operating income for a year, from its postings' })
  operatingIncome(
    @Arg('organizationId', () => ID, { description: '集体经济组织 / Organisation' }) organizationId: string,
    @Arg('year', () => Int, { description: '年度 / Year' }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<OperatingIncome> {
    return operatingIncome(ctx, organizationId, year);
  }

  @FieldResolver(() => [VoucherLine], { description: '分录（按行号）/ Lines, by line number' })
  lines(@Root() voucher: Voucher, @Ctx() ctx: RequestContext): Promise<VoucherLine[]> {
    return voucherLinesLoader(ctx).load(voucher.id);
  }

  @FieldResolver(() => Voucher, { nullable: true, description: '所冲销的原凭证 / The voucher this one reverses' })
  reverses(@Root() voucher: Voucher, @Ctx() ctx: RequestContext): Promise<Voucher | null> | null {
    return voucher.reversesId ? voucherLoader(ctx).load(voucher.reversesId) : null;
  }

  @FieldResolver(() => Voucher, { nullable: true, description: '冲销本凭证的凭证（未冲销时为空）/ The reversal of this voucher, if any' })
  reversedBy(@Root() voucher: Voucher, @Ctx() ctx: RequestContext): Promise<Voucher | null> {
    return reversalLoader(ctx).load(voucher.id);
  }

  @FieldResolver(() => CollectiveOrganization, { description: '集体经济组织 / Organisation' })
  async organization(@Root() voucher: Voucher, @Ctx() ctx: RequestContext): Promise<CollectiveOrganization> {
    return (await organizationLoader(ctx).load(voucher.organizationId)) as CollectiveOrganization;
  }
}

/** Ledger fields of `CollectiveOrganization`: its chart and how far its books are closed. */
@Resolver(() => CollectiveOrganization)
export class OrganizationLedgerResolver {
  @FieldResolver(() => [LedgerAccount], { description: '会计科目表（按代码）/ Chart of accounts, by code' })
  accounts(@Root() org: CollectiveOrganization, @Ctx() ctx: RequestContext): Promise<LedgerAccount[]> {
    return accountsLoader(ctx).load(org.id);
  }

  @FieldResolver(() => String, { nullable: true, description: '已结账至（YYYY-MM；未结账为空）/ Books closed through (YYYY-MM; null when none)' })
  closedThrough(@Root() org: CollectiveOrganization, @Ctx() ctx: RequestContext): Promise<string | null> {
    return closedThroughLoader(ctx).load(org.id);
  }
}
