/**
 * 统一社会信用代码 GB 32100-2015: 18 characters — registration authority (1), organisation kind (1),
 * division code of the registering authority (6), the organisation code body (9), a check character
 * (1). Characters come from `0-9` and the 21 letters without I, O, Z, S, V; the check character is
 * `31 − (Σ value × weight mod 31)` (31 → `0`) over the first 17 with weights `3^i mod 31`.
 * 农村集体经济组织 are registered by agriculture departments: `N2…` (N 农业, 2 农村集体经济组织).
 */

/** The 31 characters of a credit code, in value order. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** The weights of the first 17 positions. */
export const CREDIT_CODE_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

const SHAPE = /^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/;

/** The check character for the first 17 characters of a code (null when one is not in the charset). */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * CREDIT_CODE_WEIGHTS[i];
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_CHARSET[check];
}

/** Why a credit code is refused: `CREDIT_CODE_FORMAT` (length or characters) or `CREDIT_CODE_CHECK` (wrong check character); null when valid. */
export function creditCodeProblem(code: string): { rule: 'CREDIT_CODE_FORMAT' | 'CREDIT_CODE_CHECK'; expected?: string } | null {
  if (!SHAPE.test(code)) return { rule: 'CREDIT_CODE_FORMAT' };
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (expected === null) return { rule: 'CREDIT_CODE_FORMAT' };
  return expected === code[17] ? null : { rule: 'CREDIT_CODE_CHECK', expected };
}

/** Whether `code` is a well-formed credit code with the right check character. */
export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}

/** A complete code from its first 17 characters (appends the check character). */
export function withCheckChar(first17: string): string {
  const check = creditCodeCheckChar(first17);
  if (check === null) throw new RangeError(`Not the first 17 characters of a credit code: ${first17}`);
  return `${first17}${check}`;
}
