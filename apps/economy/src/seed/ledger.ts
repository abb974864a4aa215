import { DEMO_COUNTIES, demoUuid, demoVillages, Rng } from '@xiangzhi/demo';
import { BASELINE_DISTRIBUTION, BASELINE_MAJOR_MATTER, DevelopmentModel, withCheckChar } from '@xiangzhi/economy-api';
import type { SubgraphModule } from '@xiangzhi/kernel';
import type { EntityManager } from 'typeorm';
import { ROUNDING, splitSurplus, type MemberShares } from '../distribution/split';
import { OPERATING_INCOME_CODES } from '../ledger/chart';
import { recordEvents } from '../events/outbox';
import { createStandardChart } from '../ledger/postings';

type SeedContext = Parameters<NonNullable<SubgraphModule['seed']>>[0];

/** The year the demo books are kept for (twelve months of vouchers) and distributed. */
export const DEMO_LEDGER_YEAR = 2025;
/** The date the demo distribution of `DEMO_LEDGER_YEAR` is run and booked. */
export const DEMO_DISTRIBUTION_DATE = `${DEMO_LEDGER_YEAR + 1}-01-20`;
const SEEDED_BY = 'demo-seed';
const MODELS = [DevelopmentModel.LAND, DevelopmentModel.ASSET, DevelopmentModel.RESOURCE, DevelopmentModel.CAPITAL, DevelopmentModel.SERVICE];
const MAX_MEMBERS = 300;
const CHUNK = 20_000;

interface Line {
  code: string;
  debit: bigint;
  credit: bigint;
}

interface PlannedVoucher {
  id: string;
  orgId: string;
  village: string;
  number: number;
  date: string;
  summary: string;
  kind: 'MANUAL' | 'DISTRIBUTION';
  lines: Line[];
}

/** A village's yearly operating income in fen: about a quarter weak (under 30,000 CNY), a tenth strong (over 1,000,000 CNY). */
function yearlyIncome(rng: Rng): bigint {
  const tier = rng.next();
  if (tier < 0.25) return BigInt(rng.int(500_000, 2_900_000));
  if (tier < 0.9) return BigInt(rng.int(3_000_000, 60_000_000));
  return BigInt(rng.int(100_000_000, 320_000_000));
}

/** Splits a yearly amount into twelve months with some seasonality; the months sum to the year exactly. */
function months(total: bigint, rng: Rng): bigint[] {
  const weights = Array.from({ length: 12 }, (_, m) => 80 + rng.int(0, 40) + (m >= 8 && m <= 10 ? 40 : 0));
  const sum = BigInt(weights.reduce((s, w) => s + w, 0));
  const out = weights.map((w) => (total * BigInt(w)) / sum);
  out[11] += total - out.reduce((s, x) => s + x, 0n);
  return out;
}

function day(month: number, d: number): string {
  return `${DEMO_LEDGER_YEAR}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Multi-row inserts through `unnest` (one statement per 20,000 rows); `ON CONFLICT DO NOTHING`. */
async function unnestInsert(m: EntityManager, table: string, columns: readonly (readonly [string, string])[], rows: readonly unknown[][]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const names = columns.map(([n]) => n).join(', ');
    const arrays = columns.map((_, i) => chunk.map((r) => r[i]));
    const casts = columns.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ');
    await m.query(`INSERT INTO ${table} (${names}) SELECT * FROM unnest(${casts}) ON CONFLICT DO NOTHING`, arrays);
  }
}

/**
 * 集体经济演示账 for every village of every demo county the region projection knows as valid: a
 * collective economic organisation (a checked credit code `N2…`), the standard chart, an opening
 * voucher and twelve months of 2025 vouchers — contract income (502), operating income (501),
 * investment income (511) for some, subsidies (521), operating and management expenses — giving
 * operating incomes from under 30,000 CNY (weak villages) to over 1,000,000 CNY; the monthly
 * income counters; members drawn from the village's living residents in the resident projection
 * (人口股 1 each, 劳龄股 0–5); and the 2025 distribution where there are members and a surplus,
 * capped at the national major-matter threshold (no adopted matter needed), booked on 2026-01-20;
 * `economy.income.recorded` once per organisation and month and `economy.distribution.completed`
 * once per distribution, in the outbox.
 * Deterministic (`Rng`, `demoUuid('economy:…')`) and idempotent: an organisation already there is
 * left as it is with everything of it; only new organisations get their books. Multi-row statements only.
 */
export async function seedLedgerDemo({ dataSource, logger }: SeedContext): Promise<void> {
  const started = Date.now();
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const valid = new Map(
    (
      (await dataSource.query(`SELECT code, name FROM region_ref WHERE level = 'VILLAGE' AND valid_from <= $1::date AND (valid_to IS NULL OR valid_to > $1::date)`, [today])) as {
        code: string;
        name: string;
      }[]
    ).map((r) => [r.code, r.name]),
  );
  if (valid.size === 0) {
    logger.warn({ table: 'region_ref' }, '集体经济演示数据未写入：区划投影为空 / economy ledger demo not seeded: the region projection is empty');
    return;
  }
  const villages = DEMO_COUNTIES.flatMap((c) => demoVillages(c)).filter((v) => valid.has(v.code));
  await dataSource.transaction(async (m) => {
    const orgRows = villages.map((v) => {
      const rng = new Rng(`economy:organization:${v.code}`);
      const creditCode = withCheckChar(`N2${v.code.slice(0, 6)}MA${v.code.slice(6, 12)}0`);
      const name = `${valid.get(v.code) ?? v.name}股份经济合作社`;
      return [demoUuid(`economy:organization:${v.code}`), `${v.code.slice(0, 6)}000000`, v.code, name, creditCode, `20${String(rng.int(16, 21))}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`, rng.pick(MODELS)];
    });
    const inserted: string[] = [];
    for (let start = 0; start < orgRows.length; start += 2000) {
      const chunk = orgRows.slice(start, start + 2000);
      const rows = (await m.query(
        `INSERT INTO collective_organization (id, county_code, village_code, name, credit_code, founded_on, development_model)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[]) ON CONFLICT DO NOTHING RETURNING id`,
        [0, 1, 2, 3, 4, 5, 6].map((i) => chunk.map((r) => r[i])),
      )) as { id: string }[];
      inserted.push(...rows.map((r) => r.id));
    }
    const fresh = new Set(inserted);
    const orgs = orgRows.filter((r) => fresh.has(r[0] as string)).map((r) => ({ id: r[0] as string, village: r[2] as string, founded: r[5] as string }));
    if (orgs.length === 0) {
      logger.info({ organizations: orgRows.length }, 'economy ledger demo: already seeded');
      return;
    }
    await createStandardChart(m, orgs.map((o) => o.id));

    // members from the resident projection, one statement for every village
    const residents = (await m.query(
      `SELECT id::text AS id, village_code FROM (
         SELECT id, village_code, row_number() OVER (PARTITION BY village_code ORDER BY id) AS n FROM resident_ref WHERE status = 'LIVING' AND village_code = ANY($1::text[])
       ) r WHERE n <= $2`,
      [orgs.map((o) => o.village), MAX_MEMBERS],
    )) as { id: string; village_code: string }[];
    const byVillage = new Map<string, string[]>();
    for (const r of residents) byVillage.set(r.village_code, [...(byVillage.get(r.village_code) ?? []), r.id]);

    const vouchers: PlannedVoucher[] = [];
    const members: unknown[][] = [];
    const holdings: unknown[][] = [];
    const distributions: unknown[][] = [];
    const distributionLines: unknown[][] = [];
    for (const org of orgs) {
      const rng = new Rng(`economy:ledger:${org.village}`);
      let number = 0;
      const add = (date: string, summary: string, lines: Line[], kind: PlannedVoucher['kind'] = 'MANUAL'): void => {
        number += 1;
        vouchers.push({ id: demoUuid(`economy:voucher:${org.village}:${DEMO_LEDGER_YEAR}:${number}`), orgId: org.id, village: org.village, number, date, summary, kind, lines });
      };
      const capital = BigInt(rng.int(5_000_000, 80_000_000));
      add(day(1, 1), '期初资本（清产核资）', [
        { code: '102', debit: capital, credit: 0n },
        { code: '301', debit: 0n, credit: capital },
      ]);
      const income = yearlyIncome(rng);
      const contractShare = BigInt(rng.int(40, 90));
      const contract = months((income * contractShare) / 100n, rng);
      const investing = rng.chance(0.2);
      const investment = investing ? (income * BigInt(Math.min(rng.int(5, 15), 100 - Number(contractShare)))) / 100n : 0n;
      const operating = months(income - (income * contractShare) / 100n - investment, rng);
      const expenseRate = BigInt(rng.int(30, 70));
      let net = 0n;
      for (let month = 1; month <= 12; month += 1) {
        const c = contract[month - 1];
        const o = operating[month - 1];
        if (c > 0n) add(day(month, 5), '收取土地、资产发包及上交收入', [{ code: '102', debit: c, credit: 0n }, { code: '502', debit: 0n, credit: c }]);
        if (o > 0n) add(day(month, 15), '经营收入', [{ code: '101', debit: o, credit: 0n }, { code: '501', debit: 0n, credit: o }]);
        const expense = ((c + o) * expenseRate) / 100n;
        const management = expense / 4n;
        if (expense - management > 0n && management > 0n) {
          add(day(month, 25), '经营支出及管理费用', [
            { code: '541', debit: expense - management, credit: 0n },
            { code: '551', debit: management, credit: 0n },
            { code: '102', debit: 0n, credit: expense },
          ]);
        }
        net += c + o - expense;
      }
      if (investment > 0n) {
        add(day(12, 20), '对外投资分红', [{ code: '102', debit: investment, credit: 0n }, { code: '511', debit: 0n, credit: investment }]);
        net += investment;
      }
      if (rng.chance(0.5)) {
        const subsidy = BigInt(rng.int(1_000_000, 10_000_000));
        add(day(6, 28), '上级补助收入', [{ code: '102', debit: subsidy, credit: 0n }, { code: '521', debit: 0n, credit: subsidy }]);
        net += subsidy;
      }

      // members, admitted when the organisation was founded
      const people = byVillage.get(org.village) ?? [];
      const shares: MemberShares[] = [];
      for (const residentId of people) {
        const memberId = demoUuid(`economy:member:${org.id}:${residentId}`);
        members.push([memberId, org.id, org.village, residentId, org.founded, SEEDED_BY]);
        const labour = rng.int(0, 5);
        holdings.push([memberId, 'POPULATION', org.founded, 1, SEEDED_BY]);
        if (labour > 0) holdings.push([memberId, 'LABOUR_YEARS', org.founded, labour, SEEDED_BY]);
        shares.push({ memberId, shares: labour > 0 ? { POPULATION: 1, LABOUR_YEARS: labour } : { POPULATION: 1 } });
      }

      // the 2025 distribution: the baseline split of the distributable surplus, within the major-matter threshold
      const reserve = net > 0n ? (net * BigInt(BASELINE_DISTRIBUTION.reserveBasisPoints)) / 10_000n : 0n;
      let surplus = net - reserve;
      if (surplus > BASELINE_MAJOR_MATTER.thresholdFen) surplus = BASELINE_MAJOR_MATTER.thresholdFen;
      if (shares.length > 0 && surplus > 0n && DEMO_DISTRIBUTION_DATE <= today) {
        const split = splitSurplus(surplus, BASELINE_DISTRIBUTION.parts, shares);
        const wages = split.parts.filter((p) => p.part === 'WAGES').reduce((s, p) => s + p.amountFen, 0n);
        const voucherId = demoUuid(`economy:voucher:${org.village}:${DEMO_LEDGER_YEAR + 1}:distribution`);
        vouchers.push({
          id: voucherId,
          orgId: org.id,
          village: org.village,
          number: 1,
          date: DEMO_DISTRIBUTION_DATE,
          summary: `${DEMO_LEDGER_YEAR}年度收益分配`,
          kind: 'DISTRIBUTION',
          lines: [
            { code: '322', debit: surplus, credit: 0n },
            ...(surplus - wages > 0n ? [{ code: '202', debit: 0n, credit: surplus - wages }] : []),
            ...(wages > 0n ? [{ code: '211', debit: 0n, credit: wages }] : []),
          ],
        });
        const distributionId = demoUuid(`economy:distribution:${org.id}:${DEMO_LEDGER_YEAR}`);
        const paid = split.lines.filter((l) => l.amountFen > 0n || l.shares > 0);
        distributions.push([
          distributionId,
          org.id,
          org.village,
          DEMO_LEDGER_YEAR,
          net.toString(),
          reserve.toString(),
          surplus.toString(),
          JSON.stringify(split.parts.map((p) => ({ ...p, amountFen: p.amountFen.toString() }))),
          ROUNDING,
          'baseline',
          new Set(paid.map((l) => l.memberId)).size,
          voucherId,
          DEMO_DISTRIBUTION_DATE,
          SEEDED_BY,
        ]);
        for (const l of paid) distributionLines.push([distributionId, l.memberId, l.part, l.shares, l.amountFen.toString()]);
      }
    }

    await unnestInsert(
      m,
      'ledger_voucher',
      [
        ['id', 'uuid'],
        ['organization_id', 'uuid'],
        ['village_code', 'text'],
        ['year', 'int'],
        ['number', 'int'],
        ['voucher_date', 'date'],
        ['summary', 'text'],
        ['kind', 'text'],
        ['debit_total_fen', 'bigint'],
        ['created_by', 'text'],
      ],
      vouchers.map((v) => [v.id, v.orgId, v.village, Number(v.date.slice(0, 4)), v.number, v.date, v.summary, v.kind, v.lines.reduce((s, l) => s + l.debit, 0n).toString(), SEEDED_BY]),
    );
    const postings: unknown[][] = [];
    for (const v of vouchers) v.lines.forEach((l, i) => postings.push([v.id, i + 1, v.orgId, l.code, v.date, l.debit.toString(), l.credit.toString()]));
    await unnestInsert(
      m,
      'ledger_posting',
      [
        ['voucher_id', 'uuid'],
        ['line', 'int'],
        ['organization_id', 'uuid'],
        ['account_code', 'text'],
        ['posted_on', 'date'],
        ['debit_fen', 'bigint'],
        ['credit_fen', 'bigint'],
      ],
      postings,
    );
    // the monthly operating-income counters, from the very postings written
    const operating = new Set(OPERATING_INCOME_CODES);
    const perMonth = new Map<string, { org: string; village: string; year: number; month: number; fen: bigint; voucherId: string }>();
    for (const v of vouchers) {
      for (const l of v.lines) {
        if (!operating.has(l.code)) continue;
        const key = `${v.orgId}:${v.date.slice(0, 7)}`;
        const e = perMonth.get(key) ?? { org: v.orgId, village: v.village, year: Number(v.date.slice(0, 4)), month: Number(v.date.slice(5, 7)), fen: 0n, voucherId: v.id };
        e.fen += l.credit - l.debit;
        perMonth.set(key, e);
      }
    }
    const counters = [...perMonth.values()].map((e) => [e.org, e.village, e.year, e.month, e.fen.toString()]);
    await unnestInsert(
      m,
      'economy_operating_income',
      [
        ['organization_id', 'uuid'],
        ['village_code', 'text'],
        ['year', 'int'],
        ['month', 'int'],
        ['income_fen', 'bigint'],
      ],
      counters,
    );
    await unnestInsert(
      m,
      'economy_member',
      [
        ['id', 'uuid'],
        ['organization_id', 'uuid'],
        ['village_code', 'text'],
        ['resident_id', 'uuid'],
        ['admitted_on', 'date'],
        ['created_by', 'text'],
      ],
      members,
    );
    await unnestInsert(
      m,
      'economy_share_holding',
      [
        ['member_id', 'uuid'],
        ['share_class', 'text'],
        ['effective_on', 'date'],
        ['count', 'int'],
        ['recorded_by', 'text'],
      ],
      holdings,
    );
    await unnestInsert(
      m,
      'economy_distribution',
      [
        ['id', 'uuid'],
        ['organization_id', 'uuid'],
        ['village_code', 'text'],
        ['year', 'int'],
        ['net_surplus_fen', 'bigint'],
        ['reserve_fen', 'bigint'],
        ['surplus_fen', 'bigint'],
        ['parts', 'jsonb'],
        ['rounding', 'text'],
        ['policy_source', 'text'],
        ['member_count', 'int'],
        ['voucher_id', 'uuid'],
        ['run_on', 'date'],
        ['created_by', 'text'],
      ],
      distributions,
    );
    await unnestInsert(
      m,
      'economy_distribution_line',
      [
        ['distribution_id', 'uuid'],
        ['member_id', 'uuid'],
        ['part', 'text'],
        ['shares', 'int'],
        ['amount_fen', 'bigint'],
      ],
      distributionLines,
    );
    // what plugins and other subgraphs consume: one income event per organisation and month, one per distribution
    await recordEvents(
      m,
      'economy.income.recorded',
      [...perMonth.values()].map((e) => ({ organizationId: e.org, villageCode: e.village, year: e.year, month: e.month, voucherId: e.voucherId, operatingIncomeFen: e.fen.toString(), monthTotalFen: e.fen.toString() })),
    );
    await recordEvents(
      m,
      'economy.distribution.completed',
      distributions.map((d) => ({ distributionId: d[0] as string, organizationId: d[1] as string, villageCode: d[2] as string, year: d[3] as number, surplusFen: d[6] as string, memberCount: d[10] as number, voucherId: d[11] as string })),
    );
    logger.info(
      { organizations: orgs.length, vouchers: vouchers.length, postings: postings.length, members: members.length, distributions: distributions.length, ms: Date.now() - started },
      'economy ledger demo seeded',
    );
  });
}

