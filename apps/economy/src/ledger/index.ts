import type { SubgraphFeature } from '@xiangzhi/kernel';
import { onOrganizationRegistered } from '../organization/organization.service';
import { LedgerAccount, LedgerPeriod, OperatingIncomeCounter, Voucher, VoucherLine } from './ledger.entity';
import { OrganizationLedgerResolver, VoucherResolver } from './ledger.resolver';
import { CreateLedger1734000000200 } from './migrations/1734000000200-create-ledger';
import { LedgerMonthTotals1734000000210 } from './migrations/1734000000210-ledger-month-totals';
import { createStandardChart } from './postings';

onOrganizationRegistered((manager, org) => createStandardChart(manager, [org.id]));

/**
 * 三资账 the ledger: the standard chart set up on registration, double-entry vouchers (balanced to the
 * fen, never edited, reversed instead), month close in order, trial balance, balance sheet and
 * operating income from the postings, the monthly operating-income counter the roll-up reads.
 */
export const ledgerFeature: SubgraphFeature = {
  entities: [LedgerAccount, Voucher, VoucherLine, LedgerPeriod, OperatingIncomeCounter],
  migrations: [CreateLedger1734000000200, LedgerMonthTotals1734000000210],
  resolvers: [VoucherResolver, OrganizationLedgerResolver],
};

export { AccountCategory, IncomeKind, OPERATING_INCOME_CODES, STANDARD_CHART } from './chart';
export { LedgerAccount, LedgerPeriod, Voucher, VoucherKind, VoucherLine } from './ledger.entity';
export { checkLines, lockOrganization, monthBounds, operatingIncomeFromPostings, requireKnownAccounts } from './ledger.service';
export { createStandardChart, lastClosedMonth, writeVouchers, type NewLine, type NewVoucher } from './postings';
export { bulkInsertPostings } from './bulk';
