import { suyuSandingConfig } from './config';
import { suyuConsistencyProblems } from './consistency';

describe('suyuConsistencyProblems (xz check)', () => {
  it('finds nothing in the defaults', () => {
    expect(suyuConsistencyProblems(suyuSandingConfig.parse({}))).toEqual([]);
  });

  it('names quotas that cannot both hold, an honour that falls with longer service, and a lower class paying more', () => {
    const problems = suyuConsistencyProblems(
      suyuSandingConfig.parse({
        appraisal: { excellentQuota: 0.6, incompetentFloor: 0.5 },
        honor: { tiers: [{ years: 5, stars: 1, payment: 5000 }, { years: 10, stars: 2, payment: 4000 }] },
        payScale: { classes: { MEMBER: { grade1: 3300 } } },
      }),
    );
    expect(problems.map((p) => p.key)).toEqual(['appraisal.incompetentFloor', 'honor.tiers.1', 'payScale.classes.MEMBER']);
    expect(problems[1].message).toBe(
      '任职满10年的荣誉（2星、4000元）低于满5年的（1星、5000元） (the honour after 10 years (2 stars, 4000) is below the one after 5 years (1 stars, 5000))',
    );
    // 委员岗 3,300 at grade 1 against 副职岗 3,200
    expect(problems[2].message).toContain('委员岗第1级月基本报酬3300元高于副职岗同级的3200元');
  });
});
