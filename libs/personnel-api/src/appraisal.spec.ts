import { type AppraisalPolicy, appraisalPolicyPoint, BASELINE_APPRAISAL, DefaultAppraisalPolicy, type QuotaCandidate } from './appraisal';
import { PostCategory, Rating } from './common';

const { EXCELLENT, COMPETENT, BASIC, INCOMPETENT } = Rating;

describe('DefaultAppraisalPolicy (德能勤绩廉)', () => {
  // typed as the extension point: callers pass the post category
  const policy: AppraisalPolicy = new DefaultAppraisalPolicy();
  const all = (score: number) => ({ morality: score, ability: score, diligence: score, results: score, integrity: score });

  it('is the personnel.appraisal extension point', () => {
    expect(appraisalPolicyPoint.id).toBe('personnel.appraisal');
    expect(BASELINE_APPRAISAL.thresholds).toEqual({ excellent: 90, competent: 70, basic: 60 });
    expect(BASELINE_APPRAISAL.excellentQuota).toBe(0.2);
  });

  it('weighs 德 能 勤 绩 廉 20/20/20/30/10 for every post category', () => {
    for (const category of Object.values(PostCategory)) {
      expect(policy.dimensions(category)).toEqual([
        { code: 'morality', title: '德', weight: 0.2 },
        { code: 'ability', title: '能', weight: 0.2 },
        { code: 'diligence', title: '勤', weight: 0.2 },
        { code: 'results', title: '绩', weight: 0.3 },
        { code: 'integrity', title: '廉', weight: 0.1 },
      ]);
    }
    const weights = policy.dimensions(PostCategory.PARTY_SECRETARY).reduce((s, d) => s + d.weight, 0);
    expect(weights).toBeCloseTo(1, 10);
  });

  it('returns copies of the dimensions (changing one does not change the policy)', () => {
    policy.dimensions(PostCategory.PARTY_SECRETARY)[0].weight = 0.9;
    expect(policy.dimensions(PostCategory.PARTY_SECRETARY)[0].weight).toBe(0.2);
  });

  it('computes the weighted total to two decimals', () => {
    const c = PostCategory.PARTY_SECRETARY;
    expect(policy.total(c, all(90))).toBe(90);
    expect(policy.total(c, all(100))).toBe(100);
    // 0.2·80 + 0.2·90 + 0.2·70 + 0.3·100 + 0.1·60 = 16 + 18 + 14 + 30 + 6
    expect(policy.total(c, { morality: 80, ability: 90, diligence: 70, results: 100, integrity: 60 })).toBe(84);
    // only 绩 scored: 30 % of it
    expect(policy.total(c, { results: 100 })).toBe(30);
    // 0.2·(88.5 + 91.25 + 79) + 0.3·86.33 + 0.1·95 = 51.75 + 25.899 + 9.5 = 87.149
    expect(policy.total(c, { morality: 88.5, ability: 91.25, diligence: 79, results: 86.33, integrity: 95 })).toBe(87.15);
    // scores under codes that are not dimensions count for nothing
    expect(policy.total(c, { ...all(70), extra: 100 })).toBe(70);
  });

  it('rates ≥ 90 优秀, ≥ 70 称职, ≥ 60 基本称职, below 60 不称职 (boundaries included)', () => {
    const cases: [number, Rating][] = [
      [100, EXCELLENT],
      [90, EXCELLENT],
      [89.99, COMPETENT],
      [70, COMPETENT],
      [69.99, BASIC],
      [60, BASIC],
      [59.99, INCOMPETENT],
      [0, INCOMPETENT],
    ];
    expect(cases.map(([t]) => policy.ratingFor(t).rating)).toEqual(cases.map(([, r]) => r));
    expect(policy.ratingFor(70)).toEqual({ rating: COMPETENT, rule: 'RATING_THRESHOLD', zh: '总分70：称职（阈值 90/70/60）', en: 'total 70: competent (thresholds 90/70/60)' });
  });

  it('rates a weighted total of exactly 90 as 优秀 despite floating-point weights', () => {
    expect(policy.ratingFor(policy.total(PostCategory.COMMITTEE_MEMBER, all(90))).rating).toBe(EXCELLENT);
    expect(policy.ratingFor(policy.total(PostCategory.COMMITTEE_MEMBER, all(70))).rating).toBe(COMPETENT);
    expect(policy.ratingFor(policy.total(PostCategory.COMMITTEE_MEMBER, all(60))).rating).toBe(BASIC);
  });

  describe('applyQuotas (优秀 at most floor(20 %) of a township)', () => {
    const cand = (cadreId: string, total: number): QuotaCandidate => ({ cadreId, total, provisional: policy.ratingFor(total).rating });

    it('keeps floor(20 %) of 10 = 2 excellent with the best totals; the others fall to 称职', () => {
      const candidates = [cand('a', 95), cand('b', 92), cand('c', 97), cand('d', 80), cand('e', 65), cand('f', 55), cand('g', 75), cand('h', 75), cand('i', 71), cand('j', 70)];
      const result = policy.applyQuotas(candidates);
      expect(result.map((r) => r.rating)).toEqual([EXCELLENT, COMPETENT, EXCELLENT, COMPETENT, BASIC, INCOMPETENT, COMPETENT, COMPETENT, COMPETENT, COMPETENT]);
      expect(result.map((r) => r.rule)).toEqual([
        'EXCELLENT_WITHIN_QUOTA',
        'EXCELLENT_QUOTA_EXCEEDED',
        'EXCELLENT_WITHIN_QUOTA',
        'RATING_THRESHOLD',
        'RATING_THRESHOLD',
        'RATING_THRESHOLD',
        'RATING_THRESHOLD',
        'RATING_THRESHOLD',
        'RATING_THRESHOLD',
        'RATING_THRESHOLD',
      ]);
      expect(result[0]).toEqual({ rating: EXCELLENT, rule: 'EXCELLENT_WITHIN_QUOTA', zh: '总分95，在优秀名额（2名，20%）内', en: 'total 95, within the excellent quota (2, 20%)' });
      expect(result[1]).toEqual({
        rating: COMPETENT,
        rule: 'EXCELLENT_QUOTA_EXCEEDED',
        zh: '总分92达到优秀，但超出优秀名额（2名，20%），定为称职',
        en: 'total 92 reached excellent but the quota (2, 20%) is full: rated competent',
      });
    });

    it('rounds the quota down: 9 candidates → 1, 4 candidates → none', () => {
      const nine = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((id, i) => cand(id, 91 + i));
      const ratings = policy.applyQuotas(nine).map((r) => r.rating);
      expect(ratings.filter((r) => r === EXCELLENT)).toHaveLength(1);
      expect(ratings[8]).toBe(EXCELLENT); // i, 99
      const four = ['a', 'b', 'c', 'd'].map((id) => cand(id, 95));
      expect(policy.applyQuotas(four).map((r) => r.rule)).toEqual(Array(4).fill('EXCELLENT_QUOTA_EXCEEDED'));
      expect(policy.applyQuotas([])).toEqual([]);
    });

    it('breaks ties on the total by cadre id, whatever the order given', () => {
      const ten = [cand('z9', 93), cand('m5', 93), cand('a1', 93), ...['p', 'q', 'r', 's', 't', 'u', 'v'].map((id) => cand(id, 80))];
      const ratings = policy.applyQuotas(ten).map((r) => r.rating);
      expect(ratings.slice(0, 3)).toEqual([COMPETENT, EXCELLENT, EXCELLENT]);
      const reversed = policy.applyQuotas([...ten].reverse()).map((r) => r.rating).reverse();
      expect(reversed.slice(0, 3)).toEqual([COMPETENT, EXCELLENT, EXCELLENT]);
    });

    it('decides equal totals at the cut-off by the longer service, states the rule and names the tied candidates', () => {
      const served = (cadreId: string, total: number, serviceStart: string): QuotaCandidate => ({ ...cand(cadreId, total), serviceStart });
      // 10 candidates, 2 places: 96 is in, then 93 × 3 for the last place
      const ten = [served('a1', 93, '2020-01-01'), served('b2', 96, '2019-01-01'), served('c3', 93, '2012-05-01'), served('d4', 93, '2018-01-01'), ...['p', 'q', 'r', 's', 't', 'u'].map((id) => served(id, 80, '2015-01-01'))];
      expect(policy.applyQuotas(ten).map((r) => r.rating).slice(0, 4)).toEqual([COMPETENT, EXCELLENT, EXCELLENT, COMPETENT]);
      const baseline = new DefaultAppraisalPolicy();
      const report = baseline.quotaTies(ten);
      expect(report.tieBreak).toEqual({
        rule: 'TIE_LONGER_SERVICE',
        zh: '名额边界总分相同时，任职时间早（任职年限长）者优先；任职时间也相同时按干部标识顺序',
        en: 'equal totals at a quota’s cut-off: the earlier start of service (the longer service) goes first; with the same start, by cadre identifier',
      });
      expect(report.ties).toEqual([
        {
          quota: 'EXCELLENT_QUOTA',
          total: 93,
          places: 1,
          tied: [
            { cadreId: 'c3', admitted: true },
            { cadreId: 'd4', admitted: false },
            { cadreId: 'a1', admitted: false },
          ],
        },
      ]);
      // no tie at the cut-off: the rule is still stated, no candidates named
      expect(baseline.quotaTies([served('a', 95, '2020-01-01'), ...['b', 'c', 'd', 'e'].map((id) => served(id, 80, '2020-01-01'))])).toEqual({ tieBreak: report.tieBreak, ties: [] });
    });

    it('never promotes: fewer excellent candidates than the quota stay as they are', () => {
      const ten = [cand('a', 91), ...['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((id) => cand(id, 89))];
      expect(policy.applyQuotas(ten).map((r) => r.rating)).toEqual([EXCELLENT, ...Array(9).fill(COMPETENT)]);
    });
  });
});
