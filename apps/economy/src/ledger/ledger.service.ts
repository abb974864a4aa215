import { badInput, conflict, mutate, mutateOnce, notFound, paginate, todayInChina, type ConnectionShape, type RequestContext } from '@xiangzhi/kernel';
import { formatFen, OrganizationStatus } from '@xiangzhi/economy-api';
import type { EntityManager } from 'typeorm';
import { recordEvents } from '../events/outbox';
import type { CollectiveOrganization } from '../organization/organization.entity';
import { readableOrganization } from '../organization/organization.service';
import { BOOKKEEPER_ROLES, EconomyAccess, isUuid } from '../shared/access';
import { requireNotBefore, requireNotFuture } from '../shared/checks';
import { fen, jsonSafe } from '../shared/money';
import { AccountCategory, CARRIED_SURPLUS_CODE, IncomeKind } from './chart';
import { LedgerPeriod, Voucher, VoucherKind, VoucherLine } from './ledger.entity';
import type { ClosePeriodInput, PostVoucherInput, ReverseVoucherInput, VouchersArgs } from './ledger.inputs';
import { BalanceSheet, BalanceSheetLine, OperatingIncome, TrialBalance, TrialBalanceRow } from './ledger.types';
import { lastClosedMonth, writeVouchers, type NewLine, type Sql } from './postings';

const VOUCHER = { zh: '记账凭证', en: 'Voucher' };

/** The first and last day of a month `YYYY-MM`. */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The month after `YYYY-MM`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** BAD_USER_INPUT unless `date` is a real calendar date `YYYY-MM-DD`. */
function requireDate(date: string, field: string): void {
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
  if (!ok) throw badInput(`日期无效：${field} = ${date}`, `Not a valid date: ${field} = ${date}`, { field, rule: 'DATE_FORMAT', value: date });
}

/** The organisation a bookkeeper writes to: visible, in scope for the role, not dissolved. */
async function writableBooks(ctx: RequestContext, organizationId: string): Promise<CollectiveOrganization> {
  const org = await readableOrganization(ctx, organizationId);
  EconomyAccess.of(ctx).requireWrite(org.villageCode, BOOKKEEPER_ROLES);
  if (org.status === OrganizationStatus.DISSOLVED) {
    throw badInput(`组织已注销，不能记账：organizationId = ${org.id}`, `The organisation is dissolved and keeps no books: organizationId = ${org.id}`, {
      field: 'organizationId',
      rule: 'ORGANIZATION_DISSOLVED',
      value: org.id,
    });
  }
  return org;
}

/** BAD_USER_INPUT (rule `PERIOD_CLOSED`) when `date` falls in or before the organisation's last closed month. */
function requireOpenPeriod(date: string, closedThrough: string | null, field: string): void {
  if (closedThrough !== null && date.slice(0, 7) <= closedThrough) {
    throw badInput(`会计期间已结账（已结至${closedThrough}），不能记入：${field} = ${date}`, `The period is closed (books closed through ${closedThrough}); nothing can be posted on ${field} = ${date}`, {
      field,
      rule: 'PERIOD_CLOSED',
      value: date,
      closedThrough,
    });
  }
}

/** Locks the organisation row for the transaction: vouchers, closes and distributions of one organisation run one at a time. */
export async function lockOrganization(manager: EntityManager, organizationId: string): Promise<void> {
  await manager.query(`SELECT id FROM collective_organization WHERE id = $1 FOR UPDATE`, [organizationId]);
}

/**
 * The lines of a voucher checked without the database: each line one side, more than zero; debits
 * equal credits to the fen (rule `VOUCHER_UNBALANCED`, both totals named).
 */
export function checkLines(lines: readonly { accountCode: string; debit?: bigint | null; credit?: bigint | null; memo?: string | null }[], field = 'input.lines'): NewLine[] {
  const checked: NewLine[] = lines.map((l, i) => {
    const debit = l.debit ?? 0n;
    const credit = l.credit ?? 0n;
    if (debit < 0n || credit < 0n || (debit === 0n) === (credit === 0n)) {
      throw badInput(
        `每行分录须且只能有借方或贷方一方金额大于零：${field}[${i}] 借方 ${formatFen(debit)}，贷方 ${formatFen(credit)}`,
        `Each line needs exactly one of a debit or a credit, above zero: ${field}[${i}] debit ${formatFen(debit)}, credit ${formatFen(credit)}`,
        { field: `${field}[${i}]`, rule: 'LINE_ONE_SIDE', value: `${formatFen(debit)}/${formatFen(credit)}` },
      );
    }
    return { accountCode: l.accountCode, debitFen: debit, creditFen: credit, memo: l.memo ?? null };
  });
  const debits = checked.reduce((s, l) => s + l.debitFen, 0n);
  const credits = checked.reduce((s, l) => s + l.creditFen, 0n);
  if (debits !== credits) {
    throw badInput(
      `借贷不平衡：借方合计 ${formatFen(debits)} 元，贷方合计 ${formatFen(credits)} 元，相差 ${formatFen(debits - credits)} 元：${field}`,
      `The voucher does not balance: debits ${formatFen(debits)} CNY, credits ${formatFen(credits)} CNY, difference ${formatFen(debits - credits)} CNY: ${field}`,
      { field, rule: 'VOUCHER_UNBALANCED', value: `${formatFen(debits)}/${formatFen(credits)}`, debitTotal: formatFen(debits), creditTotal: formatFen(credits) },
    );
  }
  return checked;
}

/** BAD_USER_INPUT (rule `ACCOUNT_UNKNOWN`) naming every line whose account is not in the organisation's chart; one statement. */
export async function requireKnownAccounts(db: Sql, organizationId: string, lines: readonly NewLine[], field = 'input.lines'): Promise<void> {
  const codes = [...new Set(lines.map((l) => l.accountCode))];
  const rows = (await db.query(`SELECT code FROM ledger_account WHERE organization_id = $1 AND code = ANY($2::text[])`, [organizationId, codes])) as { code: string }[];
  const known = new Set(rows.map((r) => r.code));
  const unknown = lines.map((l, i) => ({ l, i })).filter(({ l }) => !known.has(l.accountCode));
  if (unknown.length > 0) {
    const first = unknown[0];
    throw badInput(
      `科目不存在于本组织科目表：${unknown.map(({ l, i }) => `${field}[${i}].accountCode = ${l.accountCode}`).join('，')}`,
      `Unknown account in the organisation's chart: ${unknown.map(({ l, i }) => `${field}[${i}].accountCode = ${l.accountCode}`).join(', ')}`,
      { field: `${field}[${first.i}].accountCode`, rule: 'ACCOUNT_UNKNOWN', value: first.l.accountCode },
    );
  }
}

async function loadVoucher(ctx: RequestContext, manager: EntityManager | null, id: string): Promise<Voucher> {
  const repo = (manager ?? ctx.dataSource.manager).getRepository(Voucher);
  const voucher = isUuid(id) ? await repo.findOneBy({ id }) : null;
  if (!voucher || !EconomyAccess.of(ctx).canSee(voucher.villageCode)) throw notFound(VOUCHER.zh, VOUCHER.en, id);
  return voucher;
}

/** One voucher the caller may see (NOT_FOUND otherwise). */
export function readableVoucher(ctx: RequestContext, id: string): Promise<Voucher> {
  return loadVoucher(ctx, null, id);
}

/**
 * 记账 posts a voucher (village bookkeepers and above): lines balanced to the fen, known accounts, a
 * date not in the future and after the last closed month; all checked before anything is written.
 * Numbered in sequence per organisation and year; the operating-income counter and the
 * `economy.income.recorded` events are written in the same transaction. Idempotency key accepted.
 */
export async function postVoucher(ctx: RequestContext, input: PostVoucherInput): Promise<Voucher> {
  const org = await writableBooks(ctx, input.organizationId);
  requireDate(input.date, 'input.date');
  requireNotFuture(input.date, 'input.date', { zh: '记账日期', en: 'voucher date' });
  const summary = input.summary.trim();
  if (!summary) throw badInput('摘要不能为空：input.summary', 'The summary cannot be empty: input.summary', { field: 'input.summary', rule: 'SUMMARY_EMPTY', value: input.summary });
  const lines = checkLines(input.lines);
  await requireKnownAccounts(ctx.dataSource, org.id, lines);
  requireOpenPeriod(input.date, await lastClosedMonth(ctx.dataSource, org.id), 'input.date');
  return mutateOnce(
    ctx,
    { operation: 'postVoucher', key: input.idempotencyKey, input: jsonSafe(input), idOf: (v) => v.id, replay: (id) => readableVoucher(ctx, id) },
    { action: 'postVoucher', targetType: 'Voucher', regionCode: org.villageCode, targetId: (v) => v.id, payload: { organizationId: org.id, date: input.date, lines: lines.length } },
    async (manager) => {
      await lockOrganization(manager, org.id);
      requireOpenPeriod(input.date, await lastClosedMonth(manager, org.id), 'input.date');
      const [written] = await writeVouchers(manager, org, [{ date: input.date, summary, kind: VoucherKind.MANUAL, lines }], { createdBy: ctx.actor.id });
      return loadVoucher(ctx, manager, written.id);
    },
  );
}

/**
 * 冲销 reverses a voucher with one of opposite sides (the original is never changed): once only
 * (CONFLICT `ALREADY_REVERSED`), never a reversal itself, dated in an open month, not before the
 * original and not in the future.
 */
export async function reverseVoucher(ctx: RequestContext, input: ReverseVoucherInput): Promise<Voucher> {
  const original = await readableVoucher(ctx, input.voucherId);
  const org = await writableBooks(ctx, original.organizationId);
  if (original.kind === VoucherKind.REVERSAL) {
    throw badInput(`冲销凭证不能再冲销：input.voucherId = ${original.id}`, `A reversal cannot be reversed: input.voucherId = ${original.id}`, {
      field: 'input.voucherId',
      rule: 'REVERSAL_OF_REVERSAL',
      value: original.id,
    });
  }
  const date = input.date ?? todayInChina();
  requireDate(date, 'input.date');
  requireNotFuture(date, 'input.date', { zh: '冲销日期', en: 'reversal date' });
  requireNotBefore(date, original.date, 'input.date', 'REVERSAL_BEFORE_ORIGINAL', { zh: '冲销日期不能早于原凭证日期', en: 'The reversal cannot be dated before the original' });
  requireOpenPeriod(date, await lastClosedMonth(ctx.dataSource, org.id), 'input.date');
  const alreadyReversed = (): Error =>
    conflict(`该凭证已被冲销：input.voucherId = ${original.id}`, `The voucher was already reversed: input.voucherId = ${original.id}`, { field: 'input.voucherId', rule: 'ALREADY_REVERSED', value: original.id });
  return mutateOnce(
    ctx,
    { operation: 'reverseVoucher', key: input.idempotencyKey, input, idOf: (v) => v.id, replay: (id) => readableVoucher(ctx, id) },
    { action: 'reverseVoucher', targetType: 'Voucher', regionCode: org.villageCode, targetId: (v) => v.id, payload: { reverses: original.id, date } },
    async (manager) => {
      await lockOrganization(manager, org.id);
      requireOpenPeriod(date, await lastClosedMonth(manager, org.id), 'input.date');
      const taken = (await manager.query(`SELECT 1 FROM ledger_voucher WHERE reverses_id = $1`, [original.id])) as unknown[];
      if (taken.length > 0) throw alreadyReversed();
      const lines = await manager.getRepository(VoucherLine).find({ where: { voucherId: original.id }, order: { line: 'ASC' } });
      const reversed: NewLine[] = lines.map((l) => ({ accountCode: l.accountCode, debitFen: l.credit, creditFen: l.debit, memo: l.memo }));
      const summary = input.summary?.trim() || `冲销${original.year}年第${original.number}号凭证`;
      const [written] = await writeVouchers(manager, org, [{ date, summary, kind: VoucherKind.REVERSAL, reversesId: original.id, lines: reversed }], { createdBy: ctx.actor.id });
      return loadVoucher(ctx, manager, written.id);
    },
  );
}

/**
 * 结账 closes a month. Months close in order: the first close may be any month that has ended (the
 * books are then closed through it); after that only the month after the last closed one
 * (`PERIOD_OUT_OF_ORDER`), so a closed month never has an open month before it. A month that has
 * not ended (`MONTH_NOT_ENDED`) or is already closed (CONFLICT `PERIOD_ALREADY_CLOSED`) is refused.
 * Records `economy.period.closed` and the month totals trial balances read (`ledger_month_total`) in the same transaction.
 */
export async function closePeriod(ctx: RequestContext, input: ClosePeriodInput): Promise<LedgerPeriod> {
  const org = await writableBooks(ctx, input.organizationId);
  const current = todayInChina().slice(0, 7);
  if (input.month >= current) {
    throw badInput(`月份尚未结束（本月为${current}），不能结账：input.month = ${input.month}`, `The month has not ended (this month is ${current}) and cannot be closed: input.month = ${input.month}`, {
      field: 'input.month',
      rule: 'MONTH_NOT_ENDED',
      value: input.month,
    });
  }
  const check = (last: string | null): void => {
    if (last !== null && input.month <= last) {
      throw conflict(`该月已结账（已结至${last}）：input.month = ${input.month}`, `The month is already closed (books closed through ${last}): input.month = ${input.month}`, {
        field: 'input.month',
        rule: 'PERIOD_ALREADY_CLOSED',
        value: input.month,
      });
    }
    if (last !== null && input.month !== nextMonth(last)) {
      throw badInput(`须按月顺序结账，下一个应结月份为${nextMonth(last)}：input.month = ${input.month}`, `Months close in order; the next to close is ${nextMonth(last)}: input.month = ${input.month}`, {
        field: 'input.month',
        rule: 'PERIOD_OUT_OF_ORDER',
        value: input.month,
      });
    }
  };
  check(await lastClosedMonth(ctx.dataSource, org.id));
  return mutate(ctx, { action: 'closePeriod', targetType: 'CollectiveOrganization', regionCode: org.villageCode, targetId: () => org.id, payload: { month: input.month } }, async (manager) => {
    await lockOrganization(manager, org.id);
    check(await lastClosedMonth(manager, org.id));
    // the month totals of every month this close closes (after the last closed one, up to this one), from the postings
    const last = await lastClosedMonth(manager, org.id);
    await manager.query(
      `INSERT INTO ledger_month_total (organization_id, month_start, account_code, debit_fen, credit_fen)
       SELECT organization_id, date_trunc('month', posted_on)::date, account_code, sum(debit_fen), sum(credit_fen)
       FROM ledger_posting WHERE organization_id = $1 AND posted_on <= $2::date AND ($3::date IS NULL OR posted_on >= $3::date)
       GROUP BY organization_id, date_trunc('month', posted_on)::date, account_code`,
      [org.id, monthBounds(input.month).to, last === null ? null : `${nextMonth(last)}-01`],
    );
    await manager.query(`INSERT INTO ledger_period_close (organization_id, month, closed_by) VALUES ($1, $2, $3)`, [org.id, input.month, ctx.actor.id]);
    await recordEvents(manager, 'economy.period.closed', [
      { organizationId: org.id, villageCode: org.villageCode, year: Number(input.month.slice(0, 4)), month: Number(input.month.slice(5, 7)), closedOn: todayInChina() },
    ]);
    return manager.findOneByOrFail(LedgerPeriod, { organizationId: org.id, month: input.month });
  });
}

interface BalanceRow {
  code: string;
  name: string;
  category: AccountCategory;
  income_kind: IncomeKind | null;
  od: string;
  oc: string;
  pd: string;
  pc: string;
}

/**
 * The month's figures of every account in one statement: debits and credits before the month and in
 * it — closed months from their stored month totals (`ledger_month_total`), later months from the
 * postings up to the month's end (the index on organisation and date covers them). Income and
 * expense of years before the month's year are carried on 322 收益分配.
 */
async function balances(db: Sql, organizationId: string, month: string): Promise<BalanceRow[]> {
  const { from, to } = monthBounds(month);
  const yearStart = `${month.slice(0, 4)}-01-01`;
  return (await db.query(
    `WITH closed AS (
       SELECT (to_date(max(month) || '-01', 'YYYY-MM-DD') + interval '1 month')::date AS after FROM ledger_period_close WHERE organization_id = $1
     ), src AS (
       SELECT t.account_code, t.month_start AS on_day, t.debit_fen, t.credit_fen
       FROM ledger_month_total t, closed WHERE t.organization_id = $1 AND t.month_start <= $3::date AND closed.after IS NOT NULL AND t.month_start < closed.after
       UNION ALL
       SELECT p.account_code, p.posted_on, p.debit_fen, p.credit_fen
       FROM ledger_posting p, closed WHERE p.organization_id = $1 AND p.posted_on <= $3::date AND (closed.after IS NULL OR p.posted_on >= closed.after)
     ), moves AS (
       SELECT account_code, on_day < $4::date AS prior_year,
              coalesce(sum(debit_fen) FILTER (WHERE on_day < $2::date), 0) AS od,
              coalesce(sum(credit_fen) FILTER (WHERE on_day < $2::date), 0) AS oc,
              coalesce(sum(debit_fen) FILTER (WHERE on_day >= $2::date), 0) AS pd,
              coalesce(sum(credit_fen) FILTER (WHERE on_day >= $2::date), 0) AS pc
       FROM src GROUP BY account_code, on_day < $4::date
     ), mapped AS (
       SELECT CASE WHEN m.prior_year AND a.category IN ('INCOME', 'EXPENSE') THEN $5 ELSE m.account_code END AS code, m.od, m.oc, m.pd, m.pc
       FROM moves m JOIN ledger_account a ON a.organization_id = $1 AND a.code = m.account_code
     )
     SELECT a.code, a.name, a.category, a.income_kind,
            coalesce(sum(m.od), 0)::text AS od, coalesce(sum(m.oc), 0)::text AS oc, coalesce(sum(m.pd), 0)::text AS pd, coalesce(sum(m.pc), 0)::text AS pc
     FROM ledger_account a LEFT JOIN mapped m ON m.code = a.code
     WHERE a.organization_id = $1
     GROUP BY a.code, a.name, a.category, a.income_kind
     ORDER BY a.code`,
    [organizationId, from, to, yearStart, CARRIED_SURPLUS_CODE],
  )) as BalanceRow[];
}

function side(net: bigint): { debit: bigint; credit: bigint } {
  return net >= 0n ? { debit: net, credit: 0n } : { debit: 0n, credit: -net };
}

function requireMonth(month: string): void {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw badInput(`月份格式须为 YYYY-MM：month = ${month}`, `The month must be YYYY-MM: month = ${month}`, { field: 'month', rule: 'MONTH_FORMAT', value: month });
}

/** 科目余额表 the trial balance of an organisation for a month (one statement). */
export async function trialBalance(ctx: RequestContext, organizationId: string, month: string): Promise<TrialBalance> {
  requireMonth(month);
  const org = await readableOrganization(ctx, organizationId);
  const [rows, closedThrough] = [await balances(ctx.dataSource, org.id, month), await lastClosedMonth(ctx.dataSource, org.id)];
  const out: TrialBalanceRow[] = rows.map((r) => {
    const opening = side(fen(r.od) - fen(r.oc));
    const closing = side(fen(r.od) + fen(r.pd) - fen(r.oc) - fen(r.pc));
    return Object.assign(new TrialBalanceRow(), {
      accountCode: r.code,
      accountName: r.name,
      category: r.category,
      incomeKind: r.income_kind,
      openingDebit: opening.debit,
      openingCredit: opening.credit,
      periodDebit: fen(r.pd),
      periodCredit: fen(r.pc),
      closingDebit: closing.debit,
      closingCredit: closing.credit,
    });
  });
  const total = (pick: (r: TrialBalanceRow) => bigint): bigint => out.reduce((s, r) => s + pick(r), 0n);
  const tb = Object.assign(new TrialBalance(), {
    organizationId: org.id,
    month,
    closed: closedThrough !== null && month <= closedThrough,
    rows: out,
    openingDebit: total((r) => r.openingDebit),
    openingCredit: total((r) => r.openingCredit),
    periodDebit: total((r) => r.periodDebit),
    periodCredit: total((r) => r.periodCredit),
    closingDebit: total((r) => r.closingDebit),
    closingCredit: total((r) => r.closingCredit),
  });
  tb.balanced = tb.openingDebit === tb.openingCredit && tb.periodDebit === tb.periodCredit && tb.closingDebit === tb.closingCredit;
  return tb;
}

/** 资产负债表 the balance sheet of an organisation at the end of a month (one statement). */
export async function balanceSheet(ctx: RequestContext, organizationId: string, month: string): Promise<BalanceSheet> {
  requireMonth(month);
  const org = await readableOrganization(ctx, organizationId);
  const rows = await balances(ctx.dataSource, org.id, month);
  const sheet = Object.assign(new BalanceSheet(), { organizationId: org.id, month, assets: [], liabilities: [], equity: [], yearSurplus: 0n });
  for (const r of rows) {
    const net = fen(r.od) + fen(r.pd) - fen(r.oc) - fen(r.pc);
    const line = (amount: bigint): BalanceSheetLine => Object.assign(new BalanceSheetLine(), { accountCode: r.code, accountName: r.name, amount });
    if (r.category === AccountCategory.ASSET) sheet.assets.push(line(net));
    else if (r.category === AccountCategory.LIABILITY) sheet.liabilities.push(line(-net));
    else if (r.category === AccountCategory.EQUITY) sheet.equity.push(line(-net));
    else sheet.yearSurplus -= net;
  }
  sheet.totalAssets = sheet.assets.reduce((s, l) => s + l.amount, 0n);
  sheet.totalLiabilities = sheet.liabilities.reduce((s, l) => s + l.amount, 0n);
  sheet.totalEquity = sheet.equity.reduce((s, l) => s + l.amount, 0n) + sheet.yearSurplus;
  sheet.balanced = sheet.totalAssets === sheet.totalLiabilities + sheet.totalEquity;
  return sheet;
}

/** The operating income of organisations for a year by month, from the postings of their operating-income accounts; one statement. */
export async function operatingIncomeFromPostings(db: Sql, organizationIds: readonly string[], year: number): Promise<Map<string, bigint[]>> {
  const rows = (await db.query(
    `SELECT p.organization_id AS id, extract(month FROM p.posted_on)::int AS month, sum(p.credit_fen - p.debit_fen)::text AS income
     FROM ledger_posting p JOIN ledger_account a ON a.organization_id = p.organization_id AND a.code = p.account_code
     WHERE p.organization_id = ANY($1::uuid[]) AND p.posted_on BETWEEN $2::date AND $3::date AND a.income_kind = 'OPERATING'
     GROUP BY 1, 2`,
    [organizationIds, `${year}-01-01`, `${year}-12-31`],
  )) as { id: string; month: number; income: string }[];
  const out = new Map<string, bigint[]>(organizationIds.map((id) => [id, Array.from({ length: 12 }, () => 0n)]));
  for (const r of rows) {
    const months = out.get(r.id);
    if (months) months[Number(r.month) - 1] = fen(r.income);
  }
  return out;
}

/** 经营性收入 of one organisation for a year, computed from its postings. */
export async function operatingIncome(ctx: RequestContext, organizationId: string, year: number): Promise<OperatingIncome> {
  const org = await readableOrganization(ctx, organizationId);
  const months = (await operatingIncomeFromPostings(ctx.dataSource, [org.id], year)).get(org.id) ?? [];
  return Object.assign(new OperatingIncome(), { organizationId: org.id, year, months, total: months.reduce((s, m) => s + m, 0n) });
}

/** 凭证列表 an organisation's vouchers (optionally of one month), by date and number; two statements whatever the page size. */
export async function listVouchers(ctx: RequestContext, args: VouchersArgs): Promise<ConnectionShape<Voucher>> {
  const org = await readableOrganization(ctx, args.organizationId);
  const qb = ctx.dataSource.getRepository(Voucher).createQueryBuilder('v').where('v.organization_id = :org', { org: org.id });
  if (args.month) {
    const { from, to } = monthBounds(args.month);
    qb.andWhere('v.voucher_date BETWEEN :from AND :to', { from, to });
  }
  return paginate(qb, args, [
    { column: 'v.voucher_date', value: (v) => v.date },
    { column: 'v.number', value: (v) => v.number },
    { column: 'v.id', value: (v) => v.id },
  ]);
}
