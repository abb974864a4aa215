/** 科目类别 account categories of a collective economic organisation's chart. */
export enum AccountCategory {
  /** 资产类 assets */
  ASSET = 'ASSET',
  /** 负债类 liabilities */
  LIABILITY = 'LIABILITY',
  /** 所有者权益类 equity */
  EQUITY = 'EQUITY',
  /** 收入类（损益）income */
  INCOME = 'INCOME',
  /** 费用类（损益）expense */
  EXPENSE = 'EXPENSE',
}

/** 收入性质 whether an income account counts as operating income (经营性收入). */
export enum IncomeKind {
  /** 经营性收入 operating */
  OPERATING = 'OPERATING',
  /** 非经营性收入（补助、其他）non-operating */
  NON_OPERATING = 'NON_OPERATING',
}

export interface StandardAccount {
  code: string;
  name: string;
  category: AccountCategory;
  incomeKind: IncomeKind | null;
}

const A = AccountCategory;

/**
 * 标准科目表 the standard chart every organisation gets on registration, after 村集体经济组织会计制度:
 * operating income (经营性收入) is 经营收入 + 发包及上交收入 + 投资收益, the figure 农经 statistics
 * and the 薄弱村 line use; 补助收入 and 其他收入 are non-operating. Carried-over surplus of earlier
 * years shows on 322 收益分配 (未分配收益) in trial balances and balance sheets.
 */
export const STANDARD_CHART: readonly StandardAccount[] = [
  { code: '101', name: '现金', category: A.ASSET, incomeKind: null },
  { code: '102', name: '银行存款', category: A.ASSET, incomeKind: null },
  { code: '111', name: '短期投资', category: A.ASSET, incomeKind: null },
  { code: '112', name: '应收款', category: A.ASSET, incomeKind: null },
  { code: '113', name: '内部往来', category: A.ASSET, incomeKind: null },
  { code: '121', name: '库存物资', category: A.ASSET, incomeKind: null },
  { code: '131', name: '牲畜（禽）资产', category: A.ASSET, incomeKind: null },
  { code: '132', name: '林木资产', category: A.ASSET, incomeKind: null },
  { code: '141', name: '长期投资', category: A.ASSET, incomeKind: null },
  { code: '151', name: '固定资产', category: A.ASSET, incomeKind: null },
  { code: '154', name: '在建工程', category: A.ASSET, incomeKind: null },
  { code: '201', name: '短期借款', category: A.LIABILITY, incomeKind: null },
  { code: '202', name: '应付款', category: A.LIABILITY, incomeKind: null },
  { code: '211', name: '应付工资', category: A.LIABILITY, incomeKind: null },
  { code: '212', name: '应付福利费', category: A.LIABILITY, incomeKind: null },
  { code: '221', name: '长期借款及应付款', category: A.LIABILITY, incomeKind: null },
  { code: '231', name: '一事一议资金', category: A.LIABILITY, incomeKind: null },
  { code: '241', name: '专项应付款', category: A.LIABILITY, incomeKind: null },
  { code: '301', name: '资本', category: A.EQUITY, incomeKind: null },
  { code: '311', name: '公积公益金', category: A.EQUITY, incomeKind: null },
  { code: '321', name: '本年收益', category: A.EQUITY, incomeKind: null },
  { code: '322', name: '收益分配', category: A.EQUITY, incomeKind: null },
  { code: '501', name: '经营收入', category: A.INCOME, incomeKind: IncomeKind.OPERATING },
  { code: '502', name: '发包及上交收入', category: A.INCOME, incomeKind: IncomeKind.OPERATING },
  { code: '511', name: '投资收益', category: A.INCOME, incomeKind: IncomeKind.OPERATING },
  { code: '521', name: '补助收入', category: A.INCOME, incomeKind: IncomeKind.NON_OPERATING },
  { code: '522', name: '其他收入', category: A.INCOME, incomeKind: IncomeKind.NON_OPERATING },
  { code: '541', name: '经营支出', category: A.EXPENSE, incomeKind: null },
  { code: '542', name: '税金及附加', category: A.EXPENSE, incomeKind: null },
  { code: '551', name: '管理费用', category: A.EXPENSE, incomeKind: null },
  { code: '552', name: '公益支出', category: A.EXPENSE, incomeKind: null },
  { code: '559', name: '其他支出', category: A.EXPENSE, incomeKind: null },
];

/** The operating-income account codes of the standard chart. */
export const OPERATING_INCOME_CODES: readonly string[] = STANDARD_CHART.filter((a) => a.incomeKind === IncomeKind.OPERATING).map((a) => a.code);

/** 收益分配（未分配收益）where earlier years' income and expense show in trial balances and balance sheets. */
export const CARRIED_SURPLUS_CODE = '322';

/** Whether the category is an income or expense (profit and loss) account. */
export function isProfitAndLoss(category: AccountCategory): boolean {
  return category === AccountCategory.INCOME || category === AccountCategory.EXPENSE;
}
