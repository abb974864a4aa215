import { badInput } from '@xiangzhi/kernel';
import { formatFen } from '@xiangzhi/economy-api';
import type { ValueTransformer } from 'typeorm';

export { formatFen, MoneyScalar, parseYuan, sumFen, tryParseYuan, yuanToFen } from '@xiangzhi/economy-api';

/**
 * TypeORM transformer for `bigint` fen columns: the driver answers bigint as a string; entities hold
 * `bigint`. Raw SQL answers are converted with `fen()`.
 */
export const fenColumn: ValueTransformer = {
  to: (value: bigint | null | undefined) => (value === null || value === undefined ? value : value.toString()),
  from: (value: string | number | null) => (value === null ? null : BigInt(value)),
};

/** Integer fen from what SQL answers for a `bigint`/`numeric` sum (string, number or null → 0). */
export function fen(value: string | number | bigint | null | undefined): bigint {
  if (value === null || value === undefined) return 0n;
  return BigInt(value);
}

/** BAD_USER_INPUT (rule `AMOUNT_NOT_POSITIVE`) unless `amount` is more than zero fen. */
export function requirePositive(amount: bigint, field: string): void {
  if (amount <= 0n) {
    throw badInput(`金额须大于零：${field} = ${formatFen(amount)}`, `The amount must be more than zero: ${field} = ${formatFen(amount)}`, {
      field,
      rule: 'AMOUNT_NOT_POSITIVE',
      value: formatFen(amount),
    });
  }
}

/** BAD_USER_INPUT (rule `AMOUNT_NEGATIVE`) when `amount` is below zero. */
export function requireNotNegative(amount: bigint, field: string): void {
  if (amount < 0n) {
    throw badInput(`金额不能为负：${field} = ${formatFen(amount)}`, `The amount cannot be negative: ${field} = ${formatFen(amount)}`, {
      field,
      rule: 'AMOUNT_NEGATIVE',
      value: formatFen(amount),
    });
  }
}

/** A copy of an input with every `bigint` as its decimal string, for JSON (idempotency fingerprints, audit payloads). */
export function jsonSafe<T>(value: T): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map((v) => jsonSafe(v));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, jsonSafe(v)]));
  }
  return value;
}
