import type { DataSource } from 'typeorm';
import { VoucherKind } from './ledger.entity';
import { writeVouchers, type NewVoucher } from './postings';

/**
 * 批量记账（基准测试）bulk-inserts `postings` postings (rounded up to an even number) for an
 * organisation as two-line vouchers spread over the days of `year` — cash sales (101 / 501),
 * expenses (541 / 102), contract income (102 / 502) in turn — in one transaction with multi-row
 * statements (one per 20,000 postings), without outbox events. Deterministic in `seed`. Returns the
 * number of postings written. For the benchmark: then time `trialBalance(organizationId, 'YYYY-12')`.
 */
export async function bulkInsertPostings(
  dataSource: DataSource,
  organization: { id: string; villageCode: string },
  postings: number,
  options: { year?: number; seed?: number; createdBy?: string } = {},
): Promise<number> {
  const year = options.year ?? 2025;
  let state = (options.seed ?? 1) >>> 0 || 1;
  const rand = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
  const patterns: [string, string][] = [
    ['101', '501'],
    ['541', '102'],
    ['102', '502'],
  ];
  const vouchers: NewVoucher[] = [];
  const count = Math.ceil(postings / 2);
  for (let i = 0; i < count; i += 1) {
    const day = new Date(Date.UTC(year, 0, 1 + Math.floor((i * 365) / count))).toISOString().slice(0, 10);
    const [dr, cr] = patterns[i % patterns.length];
    const amount = BigInt(100 + Math.floor(rand() * 500_000));
    vouchers.push({
      date: day,
      summary: `批量凭证 ${i + 1}`,
      kind: VoucherKind.MANUAL,
      lines: [
        { accountCode: dr, debitFen: amount, creditFen: 0n },
        { accountCode: cr, debitFen: 0n, creditFen: amount },
      ],
    });
  }
  await dataSource.transaction((manager) => writeVouchers(manager, organization, vouchers, { createdBy: options.createdBy ?? 'bench', events: false }));
  return count * 2;
}
