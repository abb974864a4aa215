import {
  decision,
  EDUCATION_ORDER,
  EDUCATION_TITLES,
  EducationLevel,
  educationAtLeast,
  isCollegeOrHigher,
  monthsOfQuarter,
  quarterOf,
  RATING_TITLES,
  Rating,
  roundYuan,
  yearsBetween,
} from './common';

describe('yearsBetween (周岁、任职年限)', () => {
  it('counts whole years: the birthday itself completes the year, the day before does not', () => {
    expect(yearsBetween('1966-05-20', '2026-05-20')).toBe(60);
    expect(yearsBetween('1966-05-20', '2026-05-19')).toBe(59);
    expect(yearsBetween('1966-05-20', '2026-05-21')).toBe(60);
    expect(yearsBetween('1966-05-20', '2026-04-30')).toBe(59);
    expect(yearsBetween('1966-05-20', '2026-06-01')).toBe(60);
  });

  it('is 0 for the same day and within the first year, negative before the start', () => {
    expect(yearsBetween('2026-03-01', '2026-03-01')).toBe(0);
    expect(yearsBetween('2025-03-02', '2026-03-01')).toBe(0);
    expect(yearsBetween('2025-03-01', '2026-03-01')).toBe(1);
    expect(yearsBetween('2026-03-02', '2026-03-01')).toBe(-1);
  });

  it('crosses year ends and treats a 29 February birthday as reached on 1 March in common years', () => {
    expect(yearsBetween('2007-12-31', '2026-01-01')).toBe(18);
    expect(yearsBetween('2008-02-29', '2026-02-28')).toBe(17);
    expect(yearsBetween('2008-02-29', '2026-03-01')).toBe(18);
    expect(yearsBetween('2008-02-29', '2028-02-29')).toBe(20);
  });
});

describe('quarterOf / monthsOfQuarter', () => {
  it('maps every month to its quarter', () => {
    const quarters = Array.from({ length: 12 }, (_, i) => quarterOf(`2026-${String(i + 1).padStart(2, '0')}`));
    expect(quarters).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]);
  });

  it('lists the three months of the quarter of a month, in the same year', () => {
    expect(monthsOfQuarter('2026-01')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(monthsOfQuarter('2026-03')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(monthsOfQuarter('2026-05')).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(monthsOfQuarter('2026-09')).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(monthsOfQuarter('2025-11')).toEqual(['2025-10', '2025-11', '2025-12']);
    expect(monthsOfQuarter('2025-12')).toEqual(['2025-10', '2025-11', '2025-12']);
  });
});

describe('roundYuan', () => {
  it('rounds to fen (two decimals)', () => {
    expect(roundYuan(874.567)).toBe(874.57);
    expect(roundYuan(874.564)).toBe(874.56);
    expect(roundYuan(1000)).toBe(1000);
    expect(roundYuan(0.1 + 0.2)).toBe(0.3);
  });
});

describe('education levels (学历)', () => {
  it('orders the levels lowest first and titles each in both languages', () => {
    expect(EDUCATION_ORDER).toEqual(['PRIMARY', 'JUNIOR_HIGH', 'HIGH_SCHOOL', 'COLLEGE', 'BACHELOR', 'POSTGRADUATE']);
    expect(Object.keys(EDUCATION_TITLES).sort()).toEqual([...Object.values(EducationLevel)].sort());
    expect(EDUCATION_TITLES.COLLEGE).toEqual({ zh: '大专', en: 'college' });
  });

  it('compares levels inclusively', () => {
    expect(educationAtLeast(EducationLevel.JUNIOR_HIGH, EducationLevel.JUNIOR_HIGH)).toBe(true);
    expect(educationAtLeast(EducationLevel.PRIMARY, EducationLevel.JUNIOR_HIGH)).toBe(false);
    expect(educationAtLeast(EducationLevel.POSTGRADUATE, EducationLevel.PRIMARY)).toBe(true);
    expect(educationAtLeast(EducationLevel.HIGH_SCHOOL, EducationLevel.COLLEGE)).toBe(false);
  });

  it('counts college (大专) and above as college-educated', () => {
    const college = Object.values(EducationLevel).filter(isCollegeOrHigher);
    expect(college).toEqual([EducationLevel.COLLEGE, EducationLevel.BACHELOR, EducationLevel.POSTGRADUATE]);
  });
});

describe('ratings and decisions', () => {
  it('titles the four ratings 优秀/称职/基本称职/不称职', () => {
    expect(Object.values(Rating).map((r) => RATING_TITLES[r].zh)).toEqual(['优秀', '称职', '基本称职', '不称职']);
  });

  it('builds a decision from its rule and texts', () => {
    expect(decision('RULE', '中文', 'English')).toEqual({ rule: 'RULE', zh: '中文', en: 'English' });
  });
});
