import { creditCodeCheckChar, creditCodeProblem, isValidCreditCode, withCheckChar } from './credit-code';

describe('统一社会信用代码 GB 32100 check character', () => {
  // computed by the standard's algorithm: 31 − (Σ value × 3^i mod 31) mod 31 over the first 17 characters
  const valid = ['91350100M000100Y43', '91110000600037341L', 'N2520502MF00000014'];

  it('accepts codes with the right check character', () => {
    for (const code of valid) expect(isValidCreditCode(code)).toBe(true);
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(withCheckChar('N2520502MF0000001')).toBe('N2520502MF00000014');
  });

  it('refuses a wrong check character, naming the expected one', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toEqual({ rule: 'CREDIT_CODE_CHECK', expected: '3' });
    expect(creditCodeProblem('N2520502MF00000015')).toEqual({ rule: 'CREDIT_CODE_CHECK', expected: '4' });
  });

  it('every single-character change of a valid code is refused', () => {
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (const code of valid) {
      for (let i = 0; i < 18; i += 1) {
        for (const c of charset) {
          if (c === code[i]) continue;
          const changed = `${code.slice(0, i)}${c}${code.slice(i + 1)}`;
          expect(isValidCreditCode(changed)).toBe(false);
        }
      }
    }
  });

  it('refuses a wrong length or characters outside the charset (I, O, Z, S, V, lower case)', () => {
    for (const bad of ['91350100M000100Y4', '91350100M000100Y433', '9135010OM000100Y43', '91350100m000100Y43', 'I1350100M000100Y43', '91350100M000100S43']) {
      expect(creditCodeProblem(bad)).toEqual({ rule: 'CREDIT_CODE_FORMAT' });
    }
  });
});
