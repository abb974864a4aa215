import { WorkCalendar } from '@xiangzhi/kernel';
import { certificateProblem } from './certificate';
import { DefaultDesignationPolicy, DesignationKind, type VillageYearRecord } from './designation';
import { DayCount, DefaultDisputeEscalationPolicy, DisputeCategory, DisputeTier } from './escalation';
import { DefaultLegalAidPolicy, FEE_WAIVED_FORENSIC_KINDS, FEE_WAIVED_NOTARIAL_MATTERS, HardshipBasis, LegalAidMatterKind } from './legal-aid';

const calendar = new WorkCalendar();
const village = '360722101201';

describe('DefaultDisputeEscalationPolicy (legal.escalation)', () => {
  const policy = new DefaultDisputeEscalationPolicy();

  it('counts 7 / 15 / 30 working days from the day after, skipping weekends and the National Day holiday', () => {
    expect(policy.deadlineFor(DisputeTier.VILLAGE, DisputeCategory.LAND, '2026-03-02', calendar, village)).toBe('2026-03-11');
    // 2025-09-30 (Tue) + 7 working days: 1–8 October are the National Day and Mid-Autumn holiday; Saturday 11 October is worked (9, 10, 11, 13, 14, 15, 16)
    expect(policy.deadlineFor(DisputeTier.VILLAGE, DisputeCategory.LAND, '2025-09-30', calendar, village)).toBe('2025-10-16');
    expect(policy.deadlineFor(DisputeTier.TOWNSHIP, DisputeCategory.LAND, '2026-03-12', calendar, village)).toBe('2026-04-02');
    expect(policy.dayCount).toBe(DayCount.WORKING_DAYS);
  });

  it('can count calendar days and give a category its own days', () => {
    const calendarDays = new DefaultDisputeEscalationPolicy({ VILLAGE: 3 }, DayCount.CALENDAR_DAYS, { FAMILY: { VILLAGE: 1 } });
    expect(calendarDays.deadlineFor(DisputeTier.VILLAGE, DisputeCategory.LAND, '2025-09-30', calendar, village)).toBe('2025-10-03');
    expect(calendarDays.deadlineFor(DisputeTier.VILLAGE, DisputeCategory.FAMILY, '2025-09-30', calendar, village)).toBe('2025-10-01');
    expect(() => new DefaultDisputeEscalationPolicy({ TOWNSHIP: 0 })).toThrow(/positive integer/);
  });

  it('goes village → township → county and no further; overdue from the day after the deadline', () => {
    expect(policy.nextTier(DisputeTier.VILLAGE)).toBe(DisputeTier.TOWNSHIP);
    expect(policy.nextTier(DisputeTier.TOWNSHIP)).toBe(DisputeTier.COUNTY);
    expect(policy.nextTier(DisputeTier.COUNTY)).toBeNull();
    const subject = { tier: DisputeTier.VILLAGE, category: DisputeCategory.LAND, deadline: '2026-03-11' };
    expect(policy.isOverdue(subject, '2026-03-11')).toBe(false);
    expect(policy.isOverdue(subject, '2026-03-12')).toBe(true);
  });
});

describe('DefaultLegalAidPolicy (legal.legalAid)', () => {
  const policy = new DefaultLegalAidPolicy();
  const base = { villageCode: village, kind: LegalAidMatterKind.REPRESENTATION, catalogueCode: null, monthlyIncomePerHeadFen: null };

  it('waives the means test for 三类人员, 特困 and 低保', () => {
    for (const basis of [HardshipBasis.THREE_CATEGORIES, HardshipBasis.URBAN_EXTREME_POVERTY, HardshipBasis.RURAL_EXTREME_POVERTY, HardshipBasis.MINIMUM_LIVING_ALLOWANCE]) {
      expect(policy.assess({ ...base, basis })).toEqual({ eligible: true, meansTestWaived: true, reasons: [expect.objectContaining({ rule: 'MEANS_TEST_WAIVED' })] });
    }
  });

  it('tests the means of anyone else against the threshold, to the fen', () => {
    const at = policy.assess({ ...base, basis: HardshipBasis.MEANS_TEST, monthlyIncomePerHeadFen: 180_000n });
    expect(at).toMatchObject({ eligible: true, meansTestWaived: false, reasons: [{ rule: 'MEANS_TEST_PASSED' }] });
    const above = policy.assess({ ...base, basis: HardshipBasis.MEANS_TEST, monthlyIncomePerHeadFen: 180_001n });
    expect(above).toMatchObject({ eligible: false, reasons: [{ rule: 'MEANS_TEST_ABOVE_THRESHOLD', zh: expect.stringContaining('1800.01元高于经济困难标准1800.00元') }] });
    expect(policy.assess({ ...base, basis: HardshipBasis.MEANS_TEST })).toMatchObject({ eligible: false, reasons: [{ rule: 'MEANS_TEST_INCOME_MISSING' }] });
    expect(new DefaultLegalAidPolicy(250_000n).assess({ ...base, basis: HardshipBasis.MEANS_TEST, monthlyIncomePerHeadFen: 200_000n }).eligible).toBe(true);
  });

  it('checks notarisation and forensic appraisal against the catalogues of 21 and 5', () => {
    expect(FEE_WAIVED_NOTARIAL_MATTERS).toHaveLength(21);
    expect(new Set(FEE_WAIVED_NOTARIAL_MATTERS.map((e) => e.code)).size).toBe(21);
    expect(FEE_WAIVED_FORENSIC_KINDS).toHaveLength(5);
    const waived = { ...base, basis: HardshipBasis.THREE_CATEGORIES };
    expect(policy.assess({ ...waived, kind: LegalAidMatterKind.FORENSIC_APPRAISAL, catalogueCode: 'PSYCHIATRIC' }).eligible).toBe(true);
    expect(policy.assess({ ...waived, kind: LegalAidMatterKind.NOTARISATION, catalogueCode: 'PSYCHIATRIC' })).toMatchObject({ eligible: false, reasons: [{ rule: 'MEANS_TEST_WAIVED' }, { rule: 'NOT_IN_FEE_WAIVER_CATALOGUE' }] });
  });
});

describe('DefaultDesignationPolicy (legal.designation)', () => {
  const policy = new DefaultDesignationPolicy();
  const clean: VillageYearRecord = { villageCode: village, year: 2025, lawsuits: 0, petitionsByLevel: { VILLAGE: 2, TOWNSHIP: 1, COUNTY: 0, ABOVE: 0 }, disputes: 3, openDisputes: 0, crimeCases: 0 };

  it('designates a village without lawsuits, petitions above the township or open disputes', () => {
    expect(policy.decide(clean)).toEqual([
      { kind: DesignationKind.NO_LITIGATION_VILLAGE, designated: true, reasonsFor: [expect.objectContaining({ rule: 'NO_LAWSUIT' }), expect.objectContaining({ rule: 'NO_PETITION_ABOVE_TOWNSHIP' }), expect.objectContaining({ rule: 'ALL_DISPUTES_CLOSED' })], reasonsAgainst: [] },
    ]);
  });

  it('gives every reason against', () => {
    const [d] = policy.decide({ ...clean, lawsuits: 1, petitionsByLevel: { ...clean.petitionsByLevel, ABOVE: 1 }, openDisputes: 2 });
    expect(d.designated).toBe(false);
    expect(d.reasonsAgainst.map((r) => r.rule)).toEqual(['LAWSUITS', 'PETITIONS_ABOVE_TOWNSHIP', 'DISPUTES_OPEN']);
    expect(d.reasonsFor).toEqual([]);
  });
});

describe('certificateProblem (律师执业证号)', () => {
  it('accepts the 17-digit form and names the first rule a number breaks', () => {
    expect(certificateProblem('13607201510123456', 2026)).toBeNull();
    expect(certificateProblem('1360720151012345', 2026)?.rule).toBe('CERTIFICATE_FORMAT');
    expect(certificateProblem('1360720151012345X', 2026)?.rule).toBe('CERTIFICATE_FORMAT');
    expect(certificateProblem('33607201510123456', 2026)?.rule).toBe('CERTIFICATE_TYPE');
    expect(certificateProblem('10007201510123456', 2026)?.rule).toBe('CERTIFICATE_PROVINCE');
    expect(certificateProblem('13607197810123456', 2026)?.rule).toBe('CERTIFICATE_YEAR');
    expect(certificateProblem('13607202710123456', 2026)?.rule).toBe('CERTIFICATE_YEAR');
    expect(certificateProblem('13607201500123456', 2026)?.rule).toBe('CERTIFICATE_CATEGORY');
    expect(certificateProblem('13607201512123456', 2026)?.rule).toBe('CERTIFICATE_SEX');
  });
});
