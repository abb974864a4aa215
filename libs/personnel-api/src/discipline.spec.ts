import { DisciplinaryCategory, DisciplinaryKind, DISCIPLINARY_KINDS, effectEndsOn, effectMonths, inEffectOn } from './discipline';

describe('党纪政务处分: statutory periods of effect', () => {
  it('gives the periods of the regulations: Party 12/18/24 months, probation + 24, expulsion without end; government 6/12/18/24/24, expulsion without end', () => {
    expect(effectMonths(DisciplinaryKind.PARTY_WARNING)).toBe(12);
    expect(effectMonths(DisciplinaryKind.PARTY_SERIOUS_WARNING)).toBe(18);
    expect(effectMonths(DisciplinaryKind.PARTY_POST_REVOKED)).toBe(24);
    expect(effectMonths(DisciplinaryKind.PARTY_PROBATION, 1)).toBe(36);
    expect(effectMonths(DisciplinaryKind.PARTY_PROBATION, 2)).toBe(48);
    expect(effectMonths(DisciplinaryKind.PARTY_EXPULSION)).toBeNull();
    expect(effectMonths(DisciplinaryKind.GOVERNMENT_WARNING)).toBe(6);
    expect(effectMonths(DisciplinaryKind.GOVERNMENT_DEMERIT)).toBe(12);
    expect(effectMonths(DisciplinaryKind.GOVERNMENT_MAJOR_DEMERIT)).toBe(18);
    expect(effectMonths(DisciplinaryKind.GOVERNMENT_DEMOTION)).toBe(24);
    expect(effectMonths(DisciplinaryKind.GOVERNMENT_DISMISSAL_FROM_POST)).toBe(24);
    expect(effectMonths(DisciplinaryKind.GOVERNMENT_EXPULSION)).toBeNull();
    const categories = Object.values(DISCIPLINARY_KINDS).map((k) => k.category);
    expect(categories.filter((c) => c === DisciplinaryCategory.PARTY)).toHaveLength(5);
    expect(categories.filter((c) => c === DisciplinaryCategory.GOVERNMENT)).toHaveLength(6);
  });

  it('ends the period on the same day of the month, the last day when the month is shorter; in effect from the decision until the day before', () => {
    expect(effectEndsOn('2026-03-01', 18)).toBe('2027-09-01');
    expect(effectEndsOn('2025-08-31', 6)).toBe('2026-02-28');
    expect(effectEndsOn('2024-02-29', 12)).toBe('2025-02-28');
    expect(effectEndsOn('2026-01-05', null)).toBeNull();
    expect(inEffectOn('2026-03-01', '2027-09-01', '2026-02-28')).toBe(false);
    expect(inEffectOn('2026-03-01', '2027-09-01', '2026-03-01')).toBe(true);
    expect(inEffectOn('2026-03-01', '2027-09-01', '2027-08-31')).toBe(true);
    expect(inEffectOn('2026-03-01', '2027-09-01', '2027-09-01')).toBe(false);
    expect(inEffectOn('2026-03-01', null, '2090-01-01')).toBe(true);
  });
});
