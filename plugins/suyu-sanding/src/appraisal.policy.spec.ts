import { PostCategory, Rating, type QuotaCandidate } from '@xiangzhi/personnel-api';
import { suyuSandingConfig } from './config';
import { SuyuAppraisalPolicy } from './appraisal.policy';

describe('SuyuAppraisalPolicy', () => {
  const policy = new SuyuAppraisalPolicy(suyuSandingConfig.parse({}));
  const cat = PostCategory.FULL_TIME_STAFF;

  it('appraises posts monthly and quarterly against the targets', () => {
    expect(policy.dimensions(cat, 'MONTH').map((d) => [d.code, d.weight])).toEqual([
      ['targetCompletion', 0.5],
      ['dutyPerformance', 0.2],
      ['workDiscipline', 0.15],
      ['residentFeedback', 0.15],
    ]);
    expect(policy.dimensions(cat, 'QUARTER')).toEqual(policy.dimensions(cat, 'MONTH'));
    expect(policy.total(cat, { targetCompletion: 100, dutyPerformance: 80, workDiscipline: 60, residentFeedback: 90 }, 'MONTH')).toBe(88.5);
  });

  it('evaluates the year three ways: district 0.5, township Party committee 0.3, residents 0.2', () => {
    expect(policy.dimensions(cat, 'YEAR').map((d) => [d.title, d.weight])).toEqual([
      ['区级综合考核', 0.5],
      ['乡镇党委工作评价', 0.3],
      ['群众满意度测评', 0.2],
    ]);
    expect(policy.total(cat, { districtAppraisal: 90, townshipEvaluation: 80, residentSatisfaction: 70 }, 'YEAR')).toBe(83);
  });

  it('rates 优秀 from 90, 称职 from 70, 基本称职 from 60, 不称职 below', () => {
    expect([95, 90, 89.99, 70, 69, 60, 59.9].map((t) => policy.ratingFor(t).rating)).toEqual([
      Rating.EXCELLENT,
      Rating.EXCELLENT,
      Rating.COMPETENT,
      Rating.COMPETENT,
      Rating.BASIC,
      Rating.BASIC,
      Rating.INCOMPETENT,
    ]);
  });

  const candidates = (totals: number[]): QuotaCandidate[] =>
    totals.map((total, i) => ({ cadreId: `c${i}`, total, provisional: policy.ratingFor(total).rating }));

  it('keeps 优秀 within 20% of the township (rounded down), best totals first; the rest fall to 称职', () => {
    const ten = candidates([91, 95, 93, 92, 80, 75, 72, 71, 65, 55]);
    const final = policy.applyQuotas(ten);
    expect(final.map((d) => d.rating)).toEqual([
      Rating.COMPETENT,
      Rating.EXCELLENT,
      Rating.EXCELLENT,
      Rating.COMPETENT,
      Rating.COMPETENT,
      Rating.COMPETENT,
      Rating.COMPETENT,
      Rating.COMPETENT,
      Rating.BASIC,
      Rating.INCOMPETENT,
    ]);
    expect(final[0].rule).toBe('SUYU_EXCELLENT_QUOTA_EXCEEDED');
    expect(final[1].zh).toContain('20%');
    // four cadres: 20% of 4 rounds down to none
    expect(policy.applyQuotas(candidates([99, 98, 97, 96])).every((d) => d.rating === Rating.COMPETENT)).toBe(true);
  });

  it('sets no 不称职 floor by default, and rates the lowest share 不称职 when a county sets one', () => {
    const five = candidates([95, 85, 80, 75, 72]);
    expect(policy.applyQuotas(five).some((d) => d.rating === Rating.INCOMPETENT)).toBe(false);
    const floor = new SuyuAppraisalPolicy(suyuSandingConfig.parse({ appraisal: { incompetentFloor: 0.2 } }));
    const final = floor.applyQuotas(five);
    expect(final.map((d) => d.rating)).toEqual([Rating.EXCELLENT, Rating.COMPETENT, Rating.COMPETENT, Rating.COMPETENT, Rating.INCOMPETENT]);
    expect(final[4].rule).toBe('SUYU_INCOMPETENT_FLOOR');
  });

  it('decides equal totals at the 20% cut-off by the longer service, states the rule and names the tied (also at a 不称职 floor)', () => {
    const served = (cadreId: string, total: number, serviceStart: string): QuotaCandidate => ({ cadreId, total, provisional: policy.ratingFor(total).rating, serviceStart });
    // five cadres, one 优秀 place, two at 93
    const five = [served('late', 93, '2020-01-01'), served('early', 93, '2011-01-01'), served('c', 80, '2015-01-01'), served('d', 75, '2015-01-01'), served('e', 72, '2015-01-01')];
    expect(policy.applyQuotas(five).slice(0, 2).map((d) => d.rating)).toEqual([Rating.COMPETENT, Rating.EXCELLENT]);
    const report = policy.quotaTies(five);
    expect(report.tieBreak).toMatchObject({ rule: 'SUYU_TIE_LONGER_SERVICE', zh: expect.stringContaining('任职时间早（任职年限长）者优先进入优秀名额') });
    expect(report.ties).toEqual([{ quota: 'EXCELLENT_QUOTA', total: 93, places: 1, tied: [{ cadreId: 'early', admitted: true }, { cadreId: 'late', admitted: false }] }]);
    // a 20% 不称职 floor with two at the bottom: the shorter service is rated 不称职
    const floor = new SuyuAppraisalPolicy(suyuSandingConfig.parse({ appraisal: { incompetentFloor: 0.2 } }));
    const bottom = [served('a', 95, '2015-01-01'), served('b', 85, '2015-01-01'), served('c', 80, '2015-01-01'), served('old', 72, '2010-01-01'), served('new', 72, '2022-01-01')];
    expect(floor.applyQuotas(bottom).slice(3).map((d) => d.rating)).toEqual([Rating.COMPETENT, Rating.INCOMPETENT]);
    expect(floor.quotaTies(bottom).ties).toEqual([{ quota: 'INCOMPETENT_FLOOR', total: 72, places: 1, tied: [{ cadreId: 'new', admitted: true }, { cadreId: 'old', admitted: false }] }]);
  });

  it('takes a county’s own weights, thresholds and quota', () => {
    const tuned = new SuyuAppraisalPolicy(
      suyuSandingConfig.parse({ appraisal: { annualWeights: { districtAppraisal: 0.4, townshipEvaluation: 0.4, residentSatisfaction: 0.2 }, thresholds: { excellent: 85 }, excellentQuota: 0.5 } }),
    );
    expect(tuned.total(cat, { districtAppraisal: 90, townshipEvaluation: 80, residentSatisfaction: 70 }, 'YEAR')).toBe(82);
    expect(tuned.ratingFor(86).rating).toBe(Rating.EXCELLENT);
    expect(tuned.applyQuotas(candidates([95, 94, 93, 92])).filter((d) => d.rating === Rating.EXCELLENT)).toHaveLength(2);
  });
});
