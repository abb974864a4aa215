import { BASELINE_TIER_DAYS, DefaultEscalationPolicy, ESCALATION_TIERS, EscalationTier, IncidentCategory } from './escalation';

const { VILLAGE, TOWNSHIP, COUNTY } = EscalationTier;

describe('DefaultEscalationPolicy (村初诊 → 乡镇会诊 → 县联诊)', () => {
  const policy = new DefaultEscalationPolicy();
  const t0 = new Date('2026-03-02T08:00:00Z');

  it('gives the village 3 days, the township 7 and the county 15, counted from reaching the tier', () => {
    expect(BASELINE_TIER_DAYS).toEqual({ VILLAGE: 3, TOWNSHIP: 7, COUNTY: 15 });
    expect(policy.deadlineFor(VILLAGE, IncidentCategory.ENVIRONMENT, t0).toISOString()).toBe('2026-03-05T08:00:00.000Z');
    expect(policy.deadlineFor(TOWNSHIP, IncidentCategory.ENVIRONMENT, t0).toISOString()).toBe('2026-03-09T08:00:00.000Z');
    expect(policy.deadlineFor(COUNTY, IncidentCategory.ENVIRONMENT, t0).toISOString()).toBe('2026-03-17T08:00:00.000Z');
    // the same for every category unless a county says otherwise
    for (const category of Object.values(IncidentCategory)) {
      expect(policy.deadlineFor(VILLAGE, category, t0).getTime() - t0.getTime()).toBe(3 * 86400000);
    }
  });

  it('escalates village → township → county and stops at the county', () => {
    expect(ESCALATION_TIERS).toEqual([VILLAGE, TOWNSHIP, COUNTY]);
    expect(policy.nextTier(VILLAGE)).toBe(TOWNSHIP);
    expect(policy.nextTier(TOWNSHIP)).toBe(COUNTY);
    expect(policy.nextTier(COUNTY)).toBeNull();
  });

  it('is overdue only once the deadline has passed', () => {
    const deadline = policy.deadlineFor(VILLAGE, IncidentCategory.DISPUTE, t0);
    const subject = { tier: VILLAGE, category: IncidentCategory.DISPUTE, deadline };
    expect(policy.isOverdue(subject, t0)).toBe(false);
    expect(policy.isOverdue(subject, new Date(deadline.getTime()))).toBe(false);
    expect(policy.isOverdue(subject, new Date(deadline.getTime() + 1))).toBe(true);
    expect(policy.isOverdue(subject, new Date('2026-03-06T00:00:00Z'))).toBe(true);
  });

  it('takes other deadlines from its constructor, per tier and per category', () => {
    const strict = new DefaultEscalationPolicy({ VILLAGE: 1, TOWNSHIP: 2 }, { [IncidentCategory.DISPUTE]: { VILLAGE: 0.5 } });
    expect(strict.days).toEqual({ VILLAGE: 1, TOWNSHIP: 2, COUNTY: 15 });
    expect(strict.deadlineFor(TOWNSHIP, IncidentCategory.OTHER, t0).toISOString()).toBe('2026-03-04T08:00:00.000Z');
    expect(strict.deadlineFor(VILLAGE, IncidentCategory.DISPUTE, t0).toISOString()).toBe('2026-03-02T20:00:00.000Z');
    expect(strict.deadlineFor(VILLAGE, IncidentCategory.LAND, t0).toISOString()).toBe('2026-03-03T08:00:00.000Z');
    expect(strict.deadlineFor(TOWNSHIP, IncidentCategory.DISPUTE, t0).toISOString()).toBe('2026-03-04T08:00:00.000Z');
  });

  it('refuses days that are not positive', () => {
    expect(() => new DefaultEscalationPolicy({ VILLAGE: 0 })).toThrow('VILLAGE');
    expect(() => new DefaultEscalationPolicy({ COUNTY: -1 })).toThrow('COUNTY');
    expect(() => new DefaultEscalationPolicy({}, { [IncidentCategory.LAND]: { TOWNSHIP: Number.NaN } })).toThrow('LAND');
  });
});
