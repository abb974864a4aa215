import { DEFAULT_CONFIG } from '../config';
import { checkExecutable, checkPlanVillages, checkReviewOrder, overallRiskLevel, type KnownRegion, type PlanCompleteness } from './rules';

const T = '511102101000';
const V1 = '511102101201';
const V2 = '511102101202';
const V3 = '511102101203';
const known = new Map<string, KnownRegion>(
  [
    { code: T, level: 'TOWNSHIP', validTo: null },
    { code: V1, level: 'VILLAGE', validTo: null },
    { code: V2, level: 'VILLAGE', validTo: null },
    { code: V3, level: 'VILLAGE', validTo: '2020-01-01' },
    { code: '513424101201', level: 'VILLAGE', validTo: null },
  ].map((r) => [r.code, r]),
);
const src = (villageCode: string) => ({ villageCode, registeredPopulation: 1000, areaHectares: 300 });

function refusal(fn: () => unknown): Record<string, unknown> {
  try {
    fn();
  } catch (error) {
    return { message: (error as Error).message, ...((error as { extensions?: Record<string, unknown> }).extensions ?? {}) };
  }
  throw new Error('expected a refusal');
}

describe('merger plan rules', () => {
  it('accepts two current villages of the county into a new code under a township of the county', () => {
    expect(checkPlanVillages([src(V1), src(V2)], '511102101250', known, DEFAULT_CONFIG)).toEqual({ countyCode: '511102000000', createsTarget: true });
    expect(checkPlanVillages([src(V1), src(V2)], V1, known, DEFAULT_CONFIG)).toEqual({ countyCode: '511102000000', createsTarget: false });
  });

  it('refuses an unknown village, naming the field, rule and value', () => {
    expect(refusal(() => checkPlanVillages([src(V1), src('511102101299')], '511102101250', known, DEFAULT_CONFIG))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.sources[1].villageCode',
      rule: 'SOURCE_UNKNOWN',
      value: '511102101299',
    });
  });

  it('refuses a retired village and a village of another county', () => {
    expect(refusal(() => checkPlanVillages([src(V1), src(V3)], '511102101250', known, DEFAULT_CONFIG))).toMatchObject({ rule: 'SOURCE_RETIRED', value: V3 });
    const other = refusal(() => checkPlanVillages([src(V1), src('513424101201')], '511102101250', known, DEFAULT_CONFIG));
    expect(other).toMatchObject({ field: 'input.sources[1].villageCode', rule: 'SOURCE_OTHER_COUNTY', value: '513424101201' });
    expect(String(other.message)).toMatch(/^被合并村须与目标村同属一个区县.*Every source village/);
  });

  it('refuses one source only, a duplicate, too many, a new code already in use or under an unknown township', () => {
    expect(refusal(() => checkPlanVillages([src(V1)], '511102101250', known, DEFAULT_CONFIG))).toMatchObject({ field: 'input.sources', rule: 'SOURCES_AT_LEAST_TWO', value: '1' });
    expect(refusal(() => checkPlanVillages([src(V1), src(V1)], '511102101250', known, DEFAULT_CONFIG))).toMatchObject({ rule: 'SOURCE_DUPLICATE', value: V1 });
    expect(refusal(() => checkPlanVillages([src(V1), src(V2)], '511102101250', known, { maxSourceVillages: 1 }))).toMatchObject({ rule: 'SOURCES_AT_MOST' });
    expect(refusal(() => checkPlanVillages([src(V1), src(V2)], V3, known, DEFAULT_CONFIG))).toMatchObject({ field: 'input.targetCode', rule: 'TARGET_CODE_TAKEN', value: V3 });
    expect(refusal(() => checkPlanVillages([src(V1), src(V2)], '511102102250', known, DEFAULT_CONFIG))).toMatchObject({ rule: 'TARGET_TOWNSHIP_UNKNOWN', value: '511102102000' });
  });

  it('takes the highest risk item as the overall level and requires at least one', () => {
    expect(overallRiskLevel(['LOW', 'HIGH', 'MEDIUM'])).toBe('HIGH');
    expect(overallRiskLevel(['LOW'])).toBe('LOW');
    expect(refusal(() => overallRiskLevel([]))).toMatchObject({ rule: 'RISKS_REQUIRED' });
  });

  it('takes the four reviews in order, and nothing after a rejection', () => {
    expect(checkReviewOrder([], 'VILLAGE')).toBe(1);
    expect(checkReviewOrder([{ level: 'VILLAGE', passed: true }], 'TOWNSHIP')).toBe(2);
    expect(refusal(() => checkReviewOrder([], 'TOWNSHIP'))).toMatchObject({ field: 'input.level', rule: 'REVIEW_OUT_OF_ORDER', value: 'TOWNSHIP' });
    expect(refusal(() => checkReviewOrder([{ level: 'VILLAGE', passed: true }], 'COUNTY_LEADING_GROUP'))).toMatchObject({ rule: 'REVIEW_OUT_OF_ORDER' });
    expect(refusal(() => checkReviewOrder([{ level: 'VILLAGE', passed: false }], 'TOWNSHIP'))).toMatchObject({ rule: 'CANDIDATE_REJECTED', value: 'VILLAGE' });
    const all = (['VILLAGE', 'TOWNSHIP', 'DEPARTMENT_JOINT', 'COUNTY_LEADING_GROUP'] as const).map((level) => ({ level, passed: true }));
    expect(refusal(() => checkReviewOrder(all, 'VILLAGE'))).toMatchObject({ rule: 'REVIEWS_COMPLETE' });
  });

  describe('an incomplete plan is not executed', () => {
    const complete: PlanCompleteness = {
      status: 'APPROVED',
      effectiveDate: '2026-01-01',
      today: '2026-06-01',
      unconfirmedInventories: [],
      undecidedCadres: [],
      candidates: [{ name: '张一', passedLevels: 4, rejected: false }],
      keptCadres: 4,
    };
    it('executes a complete plan', () => {
      expect(() => checkExecutable(complete, DEFAULT_CONFIG)).not.toThrow();
    });
    it.each([
      [{ status: 'DRAFT' }, 'PLAN_NOT_APPROVED', 'DRAFT'],
      [{ effectiveDate: '2026-07-01' }, 'EFFECTIVE_DATE_FUTURE', '2026-07-01'],
      [{ unconfirmedInventories: [V2] }, 'INVENTORY_NOT_CONFIRMED', V2],
      [{ undecidedCadres: ['c-1'] }, 'CADRE_UNDECIDED', 'c-1'],
      [{ candidates: [] }, 'NO_CANDIDATE', '0'],
      [{ candidates: [{ name: '李三', passedLevels: 3, rejected: false }] }, 'CANDIDATE_NOT_PASSED', '李三'],
      [{ keptCadres: 6 }, 'KEPT_CADRES_OUT_OF_RANGE', '6'],
    ] as [Partial<PlanCompleteness>, string, string][])('refuses %j with %s', (change, rule, value) => {
      expect(refusal(() => checkExecutable({ ...complete, ...change }, DEFAULT_CONFIG))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'planId', rule, value });
    });
  });
});
