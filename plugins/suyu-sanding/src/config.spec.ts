import { DEFAULT_EXIT_SITUATIONS, suyuSandingConfig } from './config';

describe('suyu-sanding config', () => {
  const defaults = suyuSandingConfig.parse({});

  it('takes the seed’s numbers as defaults', () => {
    expect(defaults.payScale.grades).toBe(20);
    expect(Object.keys(defaults.payScale.classes)).toEqual(['SECRETARY', 'DEPUTY', 'MEMBER', 'STAFF']);
    expect(defaults.exitSituations).toHaveLength(13);
    expect(defaults.honor.tiers.map((t) => t.years)).toEqual([5, 10, 15, 20]);
    expect(defaults.honor.medal).toBe('星级豫美村干勋章');
    expect(defaults.assessment).toBe('MONTH');
    expect(defaults.appraisal.excellentQuota).toBe(0.2);
    expect(defaults.appraisal.incompetentFloor).toBeNull();
    expect(defaults.reportTargets).toEqual({
      villages: 72,
      grids: 370,
      secretaries: { averageAge: 40.4, collegeShare: 0.829 },
      committeeMembers: { averageAge: 37.5, collegeShare: 0.67 },
    });
  });

  it('keeps the baseline’s seven disqualifying situations among the 13, each code once', () => {
    const codes = DEFAULT_EXIT_SITUATIONS.map((s) => s.code);
    expect(new Set(codes).size).toBe(13);
    expect(codes).toEqual(expect.arrayContaining(['CRIMINAL_RECORD', 'ORGANISED_CRIME', 'PARTY_DISCIPLINE', 'UNDER_INVESTIGATION', 'ELECTION_FRAUD', 'PETITION_AGITATION', 'DEFAULTER']));
  });

  it('fills nested defaults when a county sets only some keys', () => {
    const tuned = suyuSandingConfig.parse({ payScale: { classes: { SECRETARY: { step: 100 } } }, reportTargets: { grids: 400 } });
    expect(tuned.payScale.classes.SECRETARY).toEqual({ grade1: 3600, step: 100 });
    expect(tuned.payScale.classes.STAFF).toEqual({ grade1: 2400, step: 50 });
    expect(tuned.reportTargets?.villages).toBe(72);
    expect(tuned.reportTargets?.grids).toBe(400);
    expect(suyuSandingConfig.parse({ reportTargets: null }).reportTargets).toBeNull();
  });

  it('refuses weights that do not sum to 1, rising thresholds, duplicate situations and unknown keys', () => {
    expect(suyuSandingConfig.safeParse({ appraisal: { annualWeights: { districtAppraisal: 0.6 } } }).success).toBe(false);
    expect(suyuSandingConfig.safeParse({ appraisal: { thresholds: { excellent: 60, competent: 70 } } }).success).toBe(false);
    expect(
      suyuSandingConfig.safeParse({ appraisal: { postDimensions: [{ code: 'a', title: 'A', weight: 0.5 }, { code: 'b', title: 'B', weight: 0.4 }] } }).success,
    ).toBe(false);
    const twice = [DEFAULT_EXIT_SITUATIONS[0], DEFAULT_EXIT_SITUATIONS[0]];
    expect(suyuSandingConfig.safeParse({ exitSituations: twice }).success).toBe(false);
    expect(suyuSandingConfig.safeParse({ honor: { tiers: [{ years: 10, stars: 2, payment: 1 }, { years: 5, stars: 1, payment: 1 }] } }).success).toBe(false);
    expect(suyuSandingConfig.safeParse({ workdayHours: 6 }).success).toBe(false);
  });
});
