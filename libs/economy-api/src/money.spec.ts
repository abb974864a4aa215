import { formatFen, parseYuan, sumFen, tryParseYuan, yuanToFen, MoneyScalar } from './money';
import { Kind } from 'graphql';

describe('money: yuan strings ↔ integer fen without floats', () => {
  it('parses yuan with up to two decimals into fen', () => {
    expect(parseYuan('1234.50')).toBe(123450n);
    expect(parseYuan('1234.5')).toBe(123450n);
    expect(parseYuan('1234')).toBe(123400n);
    expect(parseYuan('0.07')).toBe(7n);
    expect(parseYuan('-0.07')).toBe(-7n);
    expect(parseYuan('-0')).toBe(0n);
    // far beyond what a float holds exactly
    expect(parseYuan('999999999999999.99')).toBe(99999999999999999n);
  });

  it('refuses what is not a yuan amount', () => {
    for (const bad of ['1.005', '1,000.00', '1e3', '', '.5', '12.', 'abc', '--1', '0x10']) expect(tryParseYuan(bad)).toBeNull();
    expect(() => parseYuan('1.005')).toThrow(RangeError);
  });

  it('formats fen with exactly two decimals', () => {
    expect(formatFen(123450n)).toBe('1234.50');
    expect(formatFen(7n)).toBe('0.07');
    expect(formatFen(-7n)).toBe('-0.07');
    expect(formatFen(0n)).toBe('0.00');
    expect(formatFen('3000000')).toBe('30000.00');
    expect(formatFen(99999999999999999n)).toBe('999999999999999.99');
  });

  it('round-trips 10,000 random amounts exactly, and sums them exactly where floats drift', () => {
    let state = 42;
    const rand = (): bigint => {
      state = (state * 48271) % 2147483647;
      return BigInt(state) * BigInt(state % 997);
    };
    let total = 0n;
    let float = 0;
    const amounts: bigint[] = [];
    for (let i = 0; i < 10_000; i += 1) {
      const fen = i % 3 === 0 ? -rand() : rand();
      expect(parseYuan(formatFen(fen))).toBe(fen);
      amounts.push(fen);
      total += fen;
      float += Number(formatFen(fen));
    }
    expect(sumFen(amounts)).toBe(total);
    expect(parseYuan(formatFen(total))).toBe(total);
    // the float sum of the same yuan strings is not exact (why money is never a float)
    expect(Math.round(float * 100)).not.toBe(Number(total));
  });

  it('yuanToFen takes whole yuan', () => {
    expect(yuanToFen(30000)).toBe(3000000n);
    expect(() => yuanToFen(0.1)).toThrow(RangeError);
  });

  it('the Money scalar serialises fen and parses yuan strings only', () => {
    expect(MoneyScalar.serialize(123450n)).toBe('1234.50');
    expect(MoneyScalar.parseValue('12.3')).toBe(1230n);
    expect(() => MoneyScalar.parseValue(12.3)).toThrow(/Money must be a string of yuan/);
    expect(() => MoneyScalar.parseValue('12.345')).toThrow(/MONEY_FORMAT|at most two decimals/);
    expect(MoneyScalar.parseLiteral({ kind: Kind.STRING, value: '5.00' }, {})).toBe(500n);
    expect(() => MoneyScalar.parseLiteral({ kind: Kind.FLOAT, value: '5.00' }, {})).toThrow(/Money must be a string/);
  });
});
