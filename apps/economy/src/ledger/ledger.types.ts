import { MoneyScalar } from '@xiangzhi/economy-api';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AccountCategory, IncomeKind } from './chart';

/** 科目余额表一行 one account of a trial balance: opening balance, the month's debits and credits, closing balance, each balance on its side. */
@ObjectType('TrialBalanceRow', { description: '科目余额表行 / Trial balance row' })
export class TrialBalanceRow {
  @Field(() => String, { description: '科目代码 / Account code' })
  accountCode!: string;

  @Field(() => String, { description: '科目名称 / Account name' })
  accountName!: string;

  @Field(() => AccountCategory, { description: '类别 / Category' })
  category!: AccountCategory;

  @Field(() => IncomeKind, { nullable: true, description: '收入性质 / Kind of income' })
  incomeKind!: IncomeKind | null;

  @Field(() => MoneyScalar, { description: '期初借方余额 / Opening debit balance' })
  openingDebit!: bigint;

  @Field(() => MoneyScalar, { description: '期初贷方余额 / Opening credit balance' })
  openingCredit!: bigint;

  @Field(() => MoneyScalar, { description: '本期借方发生额 / Debits of the month' })
  periodDebit!: bigint;

  @Field(() => MoneyScalar, { description: '本期贷方发生额 / Credits of the month' })
  periodCredit!: bigint;

  @Field(() => MoneyScalar, { description: '期末借方余额 / Closing debit balance' })
  closingDebit!: bigint;

  @Field(() => MoneyScalar, { description: '期末贷方余额 / Closing credit balance' })
  closingCredit!: bigint;
}

/**
 * 科目余额表 an organisation's trial balance for a month. Income and expense accounts start each year
 * at zero; what they held at the end of earlier years shows on 322 收益分配 (carried-over surplus).
 */
@ObjectType('TrialBalance', { description: '科目余额表（损益类科目按年度，以前年度结余列入322收益分配）/ Trial balance (income and expense per year; earlier years carried on 322)' })
export class TrialBalance {
  @Field(() => ID, { description: '集体经济组织 / Organisation' })
  organizationId!: string;

  @Field(() => String, { description: '月份（YYYY-MM）/ Month' })
  month!: string;

  @Field(() => Boolean, { description: '该月是否已结账 / Whether the month is closed' })
  closed!: boolean;

  @Field(() => [TrialBalanceRow], { description: '各科目（按代码）/ Accounts, by code' })
  rows!: TrialBalanceRow[];

  @Field(() => MoneyScalar, { description: '期初借方合计 / Total opening debit balances' })
  openingDebit!: bigint;

  @Field(() => MoneyScalar, { description: '期初贷方合计 / Total opening credit balances' })
  openingCredit!: bigint;

  @Field(() => MoneyScalar, { description: '本期借方合计 / Total debits of the month' })
  periodDebit!: bigint;

  @Field(() => MoneyScalar, { description: '本期贷方合计 / Total credits of the month' })
  periodCredit!: bigint;

  @Field(() => MoneyScalar, { description: '期末借方合计 / Total closing debit balances' })
  closingDebit!: bigint;

  @Field(() => MoneyScalar, { description: '期末贷方合计 / Total closing credit balances' })
  closingCredit!: bigint;

  @Field(() => Boolean, { description: '借贷是否平衡（期初、本期、期末均相等）/ Whether debits equal credits (opening, month and closing)' })
  balanced!: boolean;
}

/** 资产负债表一行 a line of a balance sheet. */
@ObjectType('BalanceSheetLine', { description: '资产负债表行 / Balance sheet line' })
export class BalanceSheetLine {
  @Field(() => String, { description: '科目代码 / Account code' })
  accountCode!: string;

  @Field(() => String, { description: '科目名称 / Account name' })
  accountName!: string;

  @Field(() => MoneyScalar, { description: '期末余额（按科目正常方向）/ Closing balance (on the account’s normal side)' })
  amount!: bigint;
}

/** 资产负债表 an organisation's balance sheet at the end of a month: assets = liabilities + equity (the year's surplus so far included). */
@ObjectType('BalanceSheet', { description: '资产负债表（月末）/ Balance sheet at the end of a month' })
export class BalanceSheet {
  @Field(() => ID, { description: '集体经济组织 / Organisation' })
  organizationId!: string;

  @Field(() => String, { description: '月份（YYYY-MM）/ Month' })
  month!: string;

  @Field(() => [BalanceSheetLine], { description: '资产 / Assets' })
  assets!: BalanceSheetLine[];

  @Field(() => [BalanceSheetLine], { description: '负债 / Liabilities' })
  liabilities!: BalanceSheetLine[];

  @Field(() => [BalanceSheetLine], { description: '所有者权益（含以前年度结余）/ Equity (earlier years’ surplus included)' })
  equity!: BalanceSheetLine[];

  @Field(() => MoneyScalar, { description: '本年收益（年初至月末收入减费用）/ Surplus of the year to the month’s end (income less expense)' })
  yearSurplus!: bigint;

  @Field(() => MoneyScalar, { description: '资产合计 / Total assets' })
  totalAssets!: bigint;

  @Field(() => MoneyScalar, { description: '负债合计 / Total liabilities' })
  totalLiabilities!: bigint;

  @Field(() => MoneyScalar, { description: '所有者权益合计（含本年收益）/ Total equity (the year’s surplus included)' })
  totalEquity!: bigint;

  @Field(() => Boolean, { description: '资产是否等于负债加所有者权益 / Whether assets equal liabilities plus equity' })
  balanced!: boolean;
}

/** 经营性收入 an organisation's operating income for a year, with its months. */
@ObjectType('OperatingIncome', { description: '经营性收入（经营收入+发包及上交收入+投资收益，按记账凭证计算）/ Operating income from the postings' })
export class OperatingIncome {
  @Field(() => ID, { description: '集体经济组织 / Organisation' })
  organizationId!: string;

  @Field(() => Int, { description: '年度 / Year' })
  year!: number;

  @Field(() => MoneyScalar, { description: '全年经营性收入 / Operating income of the year' })
  total!: bigint;

  @Field(() => [MoneyScalar], { description: '1–12月经营性收入 / Operating income of each month, January to December' })
  months!: bigint[];
}
