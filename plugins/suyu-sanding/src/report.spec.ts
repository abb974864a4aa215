import { suyuSandingConfig } from './config';
import { cadreProfile, zoningFigures } from './report';

describe('county report figures', () => {
  const config = suyuSandingConfig.parse({});

  it('counts villages divided into grids, grids, zones and grids per village beside the seed’s 72 → 370', () => {
    const figures = zoningFigures(
      [
        { grids: 5, zones: 2 },
        { grids: 6, zones: 2 },
        { grids: 0, zones: 0 },
      ],
      config,
    );
    expect(figures).toEqual({ villages: 2, villagesTotal: 3, grids: 11, zones: 4, gridsPerVillage: 5.5, targetVillages: 72, targetGrids: 370, targetGridsPerVillage: 5.14 });
    expect(zoningFigures([], suyuSandingConfig.parse({ reportTargets: null }))).toMatchObject({ villages: 0, gridsPerVillage: null, targetGrids: null, targetGridsPerVillage: null });
  });

  it('profiles secretaries and committee members (secretaries included) beside the seed’s 40.4 / 37.5 years and 82.9% / 67%', () => {
    const profile = cadreProfile(
      [
        { age: 41, college: true, categories: ['PARTY_SECRETARY'] },
        { age: 40, college: false, categories: ['PARTY_SECRETARY', 'FULL_TIME_STAFF'] },
        { age: 33, college: true, categories: ['PARTY_COMMITTEE', 'FULL_TIME_STAFF'] },
        { age: 29, college: true, categories: ['FULL_TIME_STAFF'] },
      ],
      config,
    );
    expect(profile.secretaries).toEqual({ count: 2, averageAge: 40.5, collegeShare: 0.5, targetAverageAge: 40.4, targetCollegeShare: 0.829 });
    expect(profile.committeeMembers).toEqual({ count: 3, averageAge: 38, collegeShare: 0.6667, targetAverageAge: 37.5, targetCollegeShare: 0.67 });
  });
});
