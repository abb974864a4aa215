import { BASELINE_LIST, DefaultListPolicy, listPolicyPoint, type HouseholdMonthFacts } from './list';
import { DefaultPointsPolicy, pointsPolicyPoint } from './points';
import { DefaultStarRatingPolicy, starRatingPolicyPoint } from './star-rating';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('civility baselines', () => {
  it('names the three extension points', () => {
    expect([pointsPolicyPoint.id, listPolicyPoint.id, starRatingPolicyPoint.id]).toEqual(['civility.points', 'civility.list', 'civility.starRating']);
  });

  it('points: no additions, the cap the rule was defined with', () => {
    const p = new DefaultPointsPolicy();
    expect(p.catalogueAdditions()).toEqual([]);
    expect(p.monthlyCap({ code: 'A', description: 'x', points: 5, evidenceRequired: false, monthlyCap: 15, articleRef: null, countyCode: '360722000000', villageCode: null })).toBe(15);
  });

  it('red list: top ten by points, positive only, ties by household id', () => {
    const households: HouseholdMonthFacts[] = Array.from({ length: 13 }, (_, i) => ({ householdId: id(i + 1), points: i === 12 ? 0 : 10 + (i % 4), deductions: [] }));
    const { red, black } = new DefaultListPolicy().compile({ villageCode: '360722101200', month: '2025-11', households });
    expect(red).toHaveLength(BASELINE_LIST.redSize);
    // points 13 (ids 4, 8, 12), 12 (3, 7, 11), 11 (2, 6, 10), 10 (1, 5, 9) → ten first
    expect(red.map((r) => [r.householdId, r.points, r.rank])).toEqual([
      [id(4), 13, 1], [id(8), 13, 2], [id(12), 13, 3], [id(3), 12, 4], [id(7), 12, 5], [id(11), 12, 6], [id(2), 11, 7], [id(6), 11, 8], [id(10), 11, 9], [id(1), 10, 10],
    ]);
    expect(black).toEqual([]);
  });

  it('black list: a single deduction of 10 or more, with the rule of the largest one', () => {
    const { red, black } = new DefaultListPolicy().compile({
      villageCode: '360722101200',
      month: '2025-11',
      households: [
        { householdId: id(1), points: -15, deductions: [{ ruleCode: 'D-LITTER', total: -5, largest: -5 }, { ruleCode: 'D-FIGHT', total: -10, largest: -10 }] },
        { householdId: id(2), points: 3, deductions: [{ ruleCode: 'D-LITTER', total: -9, largest: -9 }] },
        { householdId: id(3), points: -2, deductions: [{ ruleCode: 'D-LITTER', total: -12, largest: -6 }] },
      ],
    });
    expect(red).toEqual([{ householdId: id(2), points: 3, rank: 1 }]);
    expect(black).toEqual([{ householdId: id(1), ruleCode: 'D-FIGHT', points: -10 }]);
  });

  it('stars: thresholds 20/40/60/80/100, capped at one by a black-list month', () => {
    const p = new DefaultStarRatingPolicy();
    const rate = (points: number, months: string[] = []) => p.rate({ householdId: id(1), year: 2025, points, blackListMonths: months }).stars;
    expect([19, 20, 39, 40, 59, 60, 79, 80, 99, 100, 250].map((n) => rate(n))).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(rate(120, ['2025-03'])).toBe(1);
    expect(rate(10, ['2025-03'])).toBe(0);
    expect(p.rate({ householdId: id(1), year: 2025, points: 85, blackListMonths: ['2025-03'] })).toMatchObject({ rule: 'STAR_CAPPED_BLACK_LIST', zh: '全年积分85分可评4星，但2025-03上过黑榜，最多一星' });
  });
});
