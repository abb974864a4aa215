import { BASELINE_DISTRIBUTION, DefaultDistributionPolicy, DistributionPart, largestRemainder } from './distribution';
import { BASELINE_INCOME_TARGET, DefaultIncomeTargetPolicy } from './income-target';

describe('largest remainder', () => {
  it('floors every share and gives the fen left over to the largest remainders', () => {
    expect(largestRemainder(100n, [1, 1, 1])).toEqual([34n, 33n, 33n]);
    expect(largestRemainder(10n, [3, 3, 4])).toEqual([3n, 3n, 4n]);
    expect(largestRemainder(7n, [0, 5, 2])).toEqual([0n, 5n, 2n]);
    expect(largestRemainder(1n, [1, 1])).toEqual([1n, 0n]);
    expect(largestRemainder(-100n, [1, 1, 1])).toEqual([-34n, -33n, -33n]);
    expect(largestRemainder(1_201_112n, [3000, 4000, 2000, 1000])).toEqual([360_334n, 480_445n, 240_222n, 120_111n]);
  });

  it('refuses all-zero or negative weights', () => {
    expect(() => largestRemainder(5n, [0, 0])).toThrow(RangeError);
    expect(() => largestRemainder(5n, [1, -1])).toThrow(RangeError);
  });

  it('property: 5,000 random splits sum exactly, each within one fen of its exact share', () => {
    let state = 7;
    const rand = (n: number): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    const failures: string[] = [];
    for (let i = 0; i < 5_000; i += 1) {
      const total = BigInt(rand(1_000_000_000)) * BigInt(1 + rand(1000));
      const weights = Array.from({ length: 1 + rand(40) }, () => rand(500));
      if (!weights.some((w) => w > 0)) weights[0] = 1;
      const parts = largestRemainder(total, weights);
      if (parts.reduce((s, p) => s + p, 0n) !== total) failures.push(`sum ${i}`);
      const sum = BigInt(weights.reduce((s, w) => s + w, 0));
      parts.forEach((p, j) => {
        const exactTimesSum = total * BigInt(weights[j]);
        if (p * sum > exactTimesSum + sum || p * sum < exactTimesSum - sum) failures.push(`share ${i}/${j}`);
      });
    }
    expect(failures).toEqual([]);
  });
});

describe('baseline policies', () => {
  it('economy.distribution: 10 % reserve; 30/40/20/10 for guaranteed dividend, profit dividend, wages by 劳龄股, land rent by 人口股', () => {
    const policy = new DefaultDistributionPolicy();
    expect(policy.reserveBasisPoints()).toBe(1000);
    expect(policy.parts().map((p) => [p.part, p.weight, p.shareClasses])).toEqual([
      [DistributionPart.GUARANTEED_DIVIDEND, 3000, null],
      [DistributionPart.PROFIT_DIVIDEND, 4000, null],
      [DistributionPart.WAGES, 2000, ['LABOUR_YEARS']],
      [DistributionPart.LAND_RENT, 1000, ['POPULATION']],
    ]);
    // a caller changing the answer does not change the baseline
    policy.parts()[0].weight = 1;
    expect(BASELINE_DISTRIBUTION.parts[0].weight).toBe(3000);
  });

  it('economy.incomeTarget: weak below 30,000 CNY, strong at 1,000,000 CNY, target the weak line or 10 % growth rounded up', () => {
    const policy = new DefaultIncomeTargetPolicy();
    expect(policy.weakThresholdFen()).toBe(3_000_000n);
    expect(BASELINE_INCOME_TARGET.weakThresholdFen).toBe(3_000_000n);
    expect(policy.strongThresholdFen()).toBe(100_000_000n);
    expect(policy.villageTargetFen(2026, 1_000_000n)).toBe(3_000_000n);
    expect(policy.villageTargetFen(2026, 10_000_001n)).toBe(11_000_002n);
    expect(policy.villageTargetFen(2026, 50_000_000n)).toBe(55_000_000n);
  });
});
