/** 付款方式 how often a lease is paid: the yearly amount split over instalments paid at the start of each period. */
export type PaymentFrequencyName = 'YEARLY' | 'HALF_YEARLY' | 'QUARTERLY' | 'MONTHLY';

/** Months per instalment of each frequency. */
export const PAYMENT_FREQUENCY_MONTHS: Readonly<Record<PaymentFrequencyName, number>> = { YEARLY: 12, HALF_YEARLY: 6, QUARTERLY: 3, MONTHLY: 1 };

/** One instalment of a lease's payment schedule: due on the first day of the months it pays for. */
export interface ScheduledInstalment {
  seq: number;
  dueOn: string;
  /** Months of the term it pays for. */
  months: number;
  amountFen: bigint;
}

/** `date` (`YYYY-MM-DD`) plus `months` calendar months, the day kept or clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/**
 * The whole months of a term from `start` to `end` (the last day, inclusive), or null when the term
 * is not a whole number of months (e.g. 2025-03-01 … 2028-02-29 is 36 months).
 */
export function termMonths(start: string, end: string, max = 600): number | null {
  for (let n = 1; n <= max; n += 1) {
    const last = dayBefore(addMonths(start, n));
    if (last === end) return n;
    if (last > end) return null;
  }
  return null;
}

/**
 * 付款计划 the instalments of a lease of `months` months from `start` at `yearlyFen` a year: one per
 * period of the frequency (the last one shorter when the term ends mid-period), each due on its
 * period's first day. The total is `yearlyFen × months / 12` rounded down to the fen; each
 * instalment is the difference of the cumulative amounts rounded down, so that the instalments sum
 * to the total exactly.
 */
export function paymentSchedule(start: string, months: number, yearlyFen: bigint, frequency: PaymentFrequencyName): { totalFen: bigint; instalments: ScheduledInstalment[] } {
  const step = PAYMENT_FREQUENCY_MONTHS[frequency];
  const cumulative = (m: number): bigint => (yearlyFen * BigInt(m)) / 12n;
  const instalments: ScheduledInstalment[] = [];
  for (let seq = 1, from = 0; from < months; seq += 1, from += step) {
    const span = Math.min(step, months - from);
    instalments.push({ seq, dueOn: addMonths(start, from), months: span, amountFen: cumulative(from + span) - cumulative(from) });
  }
  return { totalFen: cumulative(months), instalments };
}
