import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { EconomyEvents } from '@xiangzhi/economy-api';
import { recordEvents } from '../events/outbox';
import { OPERATING_INCOME_CODES, STANDARD_CHART } from './chart';
import type { VoucherKind } from './ledger.entity';

/** Anything that runs SQL (a DataSource or a transaction's EntityManager). */
export interface Sql {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** One line to post: an account and a debit or a credit in fen (the other side 0). */
export interface NewLine {
  accountCode: string;
  debitFen: bigint;
  creditFen: bigint;
  memo?: string | null;
}

/** One voucher to write. */
export interface NewVoucher {
  /** Given by seeds for determinism; a random UUID otherwise. */
  id?: string;
  date: string;
  summary: string;
  kind: VoucherKind;
  reversesId?: string | null;
  lines: readonly NewLine[];
}

/** The organisation a batch of vouchers belongs to. */
export interface LedgerOwner {
  id: string;
  villageCode: string;
}

/** What `writeVouchers` wrote. */
export interface WrittenVoucher {
  id: string;
  number: number;
  year: number;
}

/** 建账 the standard chart for organisations, one statement whatever their number (existing accounts are left as they are). */
export async function createStandardChart(db: Sql, organizationIds: readonly string[]): Promise<void> {
  if (organizationIds.length === 0) return;
  const orgs: string[] = [];
  const codes: string[] = [];
  const names: string[] = [];
  const categories: string[] = [];
  const kinds: (string | null)[] = [];
  for (const id of organizationIds) {
    for (const a of STANDARD_CHART) {
      orgs.push(id);
      codes.push(a.code);
      names.push(a.name);
      categories.push(a.category);
      kinds.push(a.incomeKind);
    }
  }
  await db.query(
    `INSERT INTO ledger_account (organization_id, code, name, category, income_kind)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) ON CONFLICT DO NOTHING`,
    [orgs, codes, names, categories, kinds],
  );
}

/** The operating-income account codes of an organisation's chart. */
export async function operatingCodes(db: Sql, organizationId: string): Promise<Set<string>> {
  const rows = (await db.query(`SELECT code FROM ledger_account WHERE organization_id = $1 AND income_kind = 'OPERATING'`, [organizationId])) as { code: string }[];
  return new Set(rows.length ? rows.map((r) => r.code) : OPERATING_INCOME_CODES);
}

const CHUNK = 20_000;

/**
 * 记账 writes vouchers and their postings for one organisation with the caller's transaction manager:
 * numbers follow the organisation's last number of each year, vouchers and postings go in multi-row
 * statements (`unnest`, one per 20,000 postings), the monthly operating-income counters are moved in
 * one upsert, and (unless `events: false`) one `economy.income.recorded` per voucher and month that
 * moved operating income is recorded in the outbox. Checks nothing: callers validate first (balanced
 * lines, known accounts, open periods) and lock the organisation row.
 */
export async function writeVouchers(
  manager: EntityManager,
  owner: LedgerOwner,
  vouchers: readonly NewVoucher[],
  options: { createdBy: string; events?: boolean },
): Promise<WrittenVoucher[]> {
  if (vouchers.length === 0) return [];
  const years = [...new Set(vouchers.map((v) => Number(v.date.slice(0, 4))))];
  const last = (await manager.query(`SELECT year, max(number)::int AS n FROM ledger_voucher WHERE organization_id = $1 AND year = ANY($2::int[]) GROUP BY year`, [owner.id, years])) as {
    year: number;
    n: number;
  }[];
  const next = new Map<number, number>(years.map((y) => [y, 0]));
  for (const r of last) next.set(Number(r.year), Number(r.n));
  const written: WrittenVoucher[] = vouchers.map((v) => {
    const year = Number(v.date.slice(0, 4));
    const number = (next.get(year) ?? 0) + 1;
    next.set(year, number);
    return { id: v.id ?? randomUUID(), number, year };
  });
  const totals = vouchers.map((v) => v.lines.reduce((sum, l) => sum + l.debitFen, 0n));
  await manager.query(
    `INSERT INTO ledger_voucher (id, organization_id, village_code, year, number, voucher_date, summary, kind, reverses_id, debit_total_fen, created_by)
     SELECT id, $2::uuid, $3::text, year, number, voucher_date, summary, kind, reverses_id, total, $4::text
     FROM unnest($1::uuid[], $5::int[], $6::int[], $7::date[], $8::text[], $9::text[], $10::uuid[], $11::bigint[]) AS v(id, year, number, voucher_date, summary, kind, reverses_id, total)`,
    [
      written.map((w) => w.id),
      owner.id,
      owner.villageCode,
      options.createdBy,
      written.map((w) => w.year),
      written.map((w) => w.number),
      vouchers.map((v) => v.date),
      vouchers.map((v) => v.summary),
      vouchers.map((v) => v.kind),
      vouchers.map((v) => v.reversesId ?? null),
      totals.map((t) => t.toString()),
    ],
  );
  const operating = await operatingCodes(manager, owner.id);
  const income = new Map<string, { year: number; month: number; voucherId: string; fen: bigint }>();
  let cols: [string[], number[], string[], string[], string[], string[], (string | null)[]] = [[], [], [], [], [], [], []];
  const flush = async (): Promise<void> => {
    if (cols[0].length === 0) return;
    await manager.query(
      `INSERT INTO ledger_posting (voucher_id, line, organization_id, account_code, posted_on, debit_fen, credit_fen, memo)
       SELECT voucher_id, line, $1::uuid, account_code, posted_on, debit_fen, credit_fen, memo
       FROM unnest($2::uuid[], $3::int[], $4::text[], $5::date[], $6::bigint[], $7::bigint[], $8::text[]) AS p(voucher_id, line, account_code, posted_on, debit_fen, credit_fen, memo)`,
      [owner.id, ...cols],
    );
    cols = [[], [], [], [], [], [], []];
  };
  for (const [i, v] of vouchers.entries()) {
    const id = written[i].id;
    for (const [n, l] of v.lines.entries()) {
      cols[0].push(id);
      cols[1].push(n + 1);
      cols[2].push(l.accountCode);
      cols[3].push(v.date);
      cols[4].push(l.debitFen.toString());
      cols[5].push(l.creditFen.toString());
      cols[6].push(l.memo ?? null);
      if (operating.has(l.accountCode)) {
        const month = Number(v.date.slice(5, 7));
        const key = `${id}:${month}`;
        const entry = income.get(key) ?? { year: written[i].year, month, voucherId: id, fen: 0n };
        entry.fen += l.creditFen - l.debitFen;
        income.set(key, entry);
      }
      if (cols[0].length >= CHUNK) await flush();
    }
  }
  await flush();
  const moves = [...income.values()].filter((m) => m.fen !== 0n);
  if (moves.length > 0) {
    const perMonth = new Map<string, { year: number; month: number; fen: bigint }>();
    for (const m of moves) {
      const key = `${m.year}-${m.month}`;
      const e = perMonth.get(key) ?? { year: m.year, month: m.month, fen: 0n };
      e.fen += m.fen;
      perMonth.set(key, e);
    }
    const months = [...perMonth.values()];
    const totalsAfter = (await manager.query(
      `INSERT INTO economy_operating_income (organization_id, village_code, year, month, income_fen)
       SELECT $1::uuid, $2::text, year, month, fen FROM unnest($3::int[], $4::int[], $5::bigint[]) AS m(year, month, fen)
       ON CONFLICT (organization_id, year, month) DO UPDATE SET income_fen = economy_operating_income.income_fen + excluded.income_fen
       RETURNING year, month, income_fen::text AS total`,
      [owner.id, owner.villageCode, months.map((m) => m.year), months.map((m) => m.month), months.map((m) => m.fen.toString())],
    )) as { year: number; month: number; total: string }[];
    if (options.events !== false) {
      const after = new Map(totalsAfter.map((t) => [`${t.year}-${t.month}`, t.total]));
      const payloads: EconomyEvents['economy.income.recorded'][] = moves.map((m) => ({
        organizationId: owner.id,
        villageCode: owner.villageCode,
        year: m.year,
        month: m.month,
        voucherId: m.voucherId,
        operatingIncomeFen: m.fen.toString(),
        monthTotalFen: after.get(`${m.year}-${m.month}`) ?? m.fen.toString(),
      }));
      await recordEvents(manager, 'economy.income.recorded', payloads);
    }
  }
  return written;
}

/** The last closed month (`YYYY-MM`) of an organisation, or null. */
export async function lastClosedMonth(db: Sql, organizationId: string): Promise<string | null> {
  const rows = (await db.query(`SELECT max(month) AS m FROM ledger_period_close WHERE organization_id = $1`, [organizationId])) as { m: string | null }[];
  return rows[0]?.m ?? null;
}
