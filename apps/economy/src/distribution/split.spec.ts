import { BASELINE_DISTRIBUTION, DistributionPart } from '@xiangzhi/economy-api';
import { splitSurplus, type MemberShares } from './split';

describe('splitSurplus', () => {
  it('shares wages by 劳龄股 and land rent by 人口股; a class nobody holds falls back to all shares', () => {
    const members: MemberShares[] = [
      { memberId: 'a', shares: { POPULATION: 1, LABOUR_YEARS: 3 } },
      { memberId: 'b', shares: { POPULATION: 2 } },
    ];
    const { parts, lines } = splitSurplus(100_00n, BASELINE_DISTRIBUTION.parts, members);
    expect(parts.map((p) => [p.part, p.amountFen])).toEqual([
      [DistributionPart.GUARANTEED_DIVIDEND, 30_00n],
      [DistributionPart.PROFIT_DIVIDEND, 40_00n],
      [DistributionPart.WAGES, 20_00n],
      [DistributionPart.LAND_RENT, 10_00n],
    ]);
    const wages = lines.filter((l) => l.part === DistributionPart.WAGES);
    expect(wages).toEqual([{ memberId: 'a', part: DistributionPart.WAGES, shares: 3, amountFen: 20_00n }]);
    const rent = lines.filter((l) => l.part === DistributionPart.LAND_RENT).map((l) => [l.memberId, l.amountFen]);
    expect(rent).toEqual([
      ['a', 3_33n],
      ['b', 6_67n],
    ]);
    const noLabour = splitSurplus(100_00n, BASELINE_DISTRIBUTION.parts, [{ memberId: 'b', shares: { POPULATION: 2 } }]);
    expect(noLabour.parts.find((p) => p.part === DistributionPart.WAGES)).toMatchObject({ fallback: true, totalShares: 2 });
  });

  it('property: 2,000 random distributions — parts and members sum to the surplus exactly', () => {
    let state = 99;
    const rand = (n: number): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    const classes = ['POPULATION', 'LABOUR_YEARS', 'LAND', 'CAPITAL'];
    const failures: string[] = [];
    for (let i = 0; i < 2_000; i += 1) {
      const surplus = BigInt(1 + rand(2_000_000_000));
      const members: MemberShares[] = Array.from({ length: 1 + rand(60) }, (_, j) => ({
        memberId: `m${j}`,
        shares: Object.fromEntries(classes.filter(() => rand(2) === 0).map((c) => [c, rand(10)])),
      }));
      members[0] = { memberId: 'm0', shares: { POPULATION: 1 } };
      const rules = classes.map((c, k) => ({ part: Object.values(DistributionPart)[k], weight: rand(5000), shareClasses: rand(3) === 0 ? null : [c] }));
      if (rules.every((r) => r.weight === 0)) rules[0].weight = 1;
      const { parts, lines } = splitSurplus(surplus, rules, members);
      const partSum = parts.reduce((s, p) => s + p.amountFen, 0n);
      const lineSum = lines.reduce((s, l) => s + l.amountFen, 0n);
      if (partSum !== surplus || lineSum !== surplus) failures.push(`${i}: ${partSum} ${lineSum} ${surplus}`);
      for (const p of parts) {
        const own = lines.filter((l) => l.part === p.part).reduce((s, l) => s + l.amountFen, 0n);
        if (own !== p.amountFen) failures.push(`${i}/${p.part}`);
      }
      if (lines.some((l) => l.amountFen < 0n)) failures.push(`${i}: negative`);
    }
    expect(failures).toEqual([]);
  });
});
