import { average, averageAreaKm2, changePercent, hundredths } from './statistics';

describe('merger statistics arithmetic (seed 002)', () => {
  it('gives the seed’s changes for Leshan 市中区: villages, average population, average area', () => {
    expect(changePercent(196n, 124n)).toBe('-36.73');
    expect(changePercent(1403n, 2089n)).toBe('48.89');
    expect(changePercent(hundredths('3.55'), hundredths('5.32'))).toBe('49.85');
  });

  it('gives 德昌县’s 137 → 65 villages as −52.55 %', () => {
    expect(changePercent(137n, 65n)).toBe('-52.55');
  });

  it('computes the change of averages from totals exactly (no float), truncating toward zero', () => {
    // 3 villages of 1,000 + 1,200 + 1,100 people → one village of 3,300: +200.00 %
    expect(changePercent({ numerator: 3300n, denominator: 3n }, { numerator: 3300n, denominator: 1n })).toBe('200.00');
    // 2 → 3 villages of the same total: −33.33 % (−33.333… truncated)
    expect(changePercent({ numerator: 900n, denominator: 2n }, { numerator: 900n, denominator: 3n })).toBe('-33.33');
    expect(changePercent(0n, 5n)).toBeNull();
  });

  it('averages population and area (hectares → km²) with two decimals', () => {
    expect(average(3300n, 3n)).toBe('1100.00');
    expect(average(1000n, 3n)).toBe('333.33');
    expect(averageAreaKm2(1065n, 3n)).toBe('3.55');
    expect(averageAreaKm2(1065n, 0n)).toBeNull();
  });
});
