import { DEFAULT_CONFIG, qixingguanConfig } from '../config';
import { assessShortBoardFirst, margin, type VillageFigures } from './short-board';

/** Figures that meet every default standard of the model (示范) tier. */
function modelVillage(overrides: Partial<VillageFigures> = {}): VillageFigures {
  return {
    TEAM_COMPLETE_PERCENT: 100n,
    CADRES_COMPETENT_PERCENT: 100n,
    ENVIRONMENT_SCORE: 85n,
    SELF_GOVERNANCE_SCORE: 85n,
    OPEN_DISPUTES: 0n,
    SAFE_VILLAGE_DESIGNATIONS: 1n,
    STAR_HOUSEHOLD_PERCENT: 75n,
    BLACK_LIST_MONTHS: 1n,
    OPERATING_INCOME: 5_000_000n, // 50,000.00 CNY
    PER_CAPITA_INCOME: 900_000n, // 9,000.00 CNY
    ...overrides,
  };
}

describe('the seed’s parameters', () => {
  it('has ten standards under the four goals, the income lines and the rewards of seed 003', () => {
    const c = qixingguanConfig.parse({});
    expect(c.standards).toHaveLength(10);
    expect(new Set(c.standards.map((s) => s.goal))).toEqual(new Set(['ORGANIZATION', 'ENVIRONMENT', 'CIVILITY', 'INDUSTRY']));
    const income = c.standards.find((s) => s.indicator === 'OPERATING_INCOME');
    expect(income).toMatchObject({ comparison: 'MIN', thresholds: { STANDARD: 30_000, MODEL: 30_000 } });
    expect(c.standards.find((s) => s.indicator === 'PER_CAPITA_INCOME')).toMatchObject({ comparison: 'ABOVE', thresholds: { STANDARD: 7_350, MODEL: 7_350 } });
    expect(c.rewards).toEqual({ STANDARD: { perCadre: 10_000, activityFunds: 10_000 }, MODEL: { perCadre: 20_000, activityFunds: 20_000 }, EXEMPLARY: { perCadre: 30_000, activityFunds: 30_000 } });
  });

  it('refuses two standards with the same code and a negative threshold', () => {
    const twice = [DEFAULT_CONFIG.standards[0], DEFAULT_CONFIG.standards[0]];
    expect(qixingguanConfig.safeParse({ standards: twice }).success).toBe(false);
    const negative = [{ ...DEFAULT_CONFIG.standards[0], thresholds: { STANDARD: -1, MODEL: 0, EXEMPLARY: 0 } }];
    expect(qixingguanConfig.safeParse({ standards: negative }).success).toBe(false);
  });
});

describe('short-board-first assessment', () => {
  it('rates a village meeting every standard, each assessed, weakest first', () => {
    const r = assessShortBoardFirst(DEFAULT_CONFIG, 'MODEL', modelVillage());
    expect(r).toMatchObject({ rated: true, stoppedBy: null });
    expect(r.standards.every((s) => s.passed === true)).toBe(true);
    expect(r.standards.map((s) => s.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('stops at operating income under 30,000 when it is the shortest board: nothing else is assessed', () => {
    const r = assessShortBoardFirst(DEFAULT_CONFIG, 'STANDARD', modelVillage({ OPERATING_INCOME: 2_000_000n }));
    expect(r).toMatchObject({ rated: false, stoppedBy: 'COLLECTIVE_ECONOMY' });
    expect(r.standards[0]).toMatchObject({ code: 'COLLECTIVE_ECONOMY', order: 1, passed: false, value: 2_000_000n, threshold: 3_000_000n });
    expect(r.standards.slice(1).every((s) => s.passed === null && s.order === null)).toBe(true);
  });

  it('takes exactly 30,000 as enough, but exactly 7,350 per head as not (seed: 超过7350元)', () => {
    expect(assessShortBoardFirst(DEFAULT_CONFIG, 'STANDARD', modelVillage({ OPERATING_INCOME: 3_000_000n })).rated).toBe(true);
    const r = assessShortBoardFirst(DEFAULT_CONFIG, 'STANDARD', modelVillage({ PER_CAPITA_INCOME: 735_000n }));
    expect(r).toMatchObject({ rated: false, stoppedBy: 'FEATURED_INDUSTRY' });
    expect(r.standards[0].code).toBe('FEATURED_INDUSTRY');
  });

  it('assesses a missing figure first and fails it', () => {
    const r = assessShortBoardFirst(DEFAULT_CONFIG, 'STANDARD', modelVillage({ ENVIRONMENT_SCORE: null, OPERATING_INCOME: 2_000_000n }));
    expect(r.stoppedBy).toBe('VILLAGE_ENVIRONMENT');
    expect(r.standards.filter((s) => s.passed !== null)).toHaveLength(1);
  });

  it('applies the tier’s own thresholds: a model village is not exemplary with 50,000 of income', () => {
    const r = assessShortBoardFirst(DEFAULT_CONFIG, 'EXEMPLARY', modelVillage({ STAR_HOUSEHOLD_PERCENT: 90n, BLACK_LIST_MONTHS: 0n, ENVIRONMENT_SCORE: 95n, SELF_GOVERNANCE_SCORE: 95n }));
    expect(r).toMatchObject({ rated: false, stoppedBy: 'COLLECTIVE_ECONOMY' });
  });

  it('orders by room above the threshold; an at-most figure over its limit is short', () => {
    expect(margin(0n, 2n, 'MAX')).toBeGreaterThan(margin(2n, 2n, 'MAX'));
    expect(margin(3n, 2n, 'MAX')).toBeLessThan(0);
    const r = assessShortBoardFirst(DEFAULT_CONFIG, 'STANDARD', modelVillage({ OPEN_DISPUTES: 3n }));
    expect(r).toMatchObject({ rated: false, stoppedBy: 'PUBLIC_SECURITY' });
  });
});
