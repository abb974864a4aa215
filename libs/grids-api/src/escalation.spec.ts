import { DefaultEscalationPolicy, EscalationTier } from './escalation';

describe('DefaultEscalationPolicy', () => {
  const policy = new DefaultEscalationPolicy();
  const t0 = new Date('2026-03-02T08:00:00Z');

  it('gives the village 3 days, the township 7 and the county 15', () => {
    expect(policy.deadlineFor(EscalationTier.VILLAGE, 'any', t0).toISOString()).toBe('2026-03-05T08:00:00.000Z');
    expect(policy.deadlineFor(EscalationTier.TOWNSHIP, 'any', t0).toISOString()).toBe('2026-03-09T08:00:00.000Z');
    expect(policy.deadlineFor(EscalationTier.COUNTY, 'any', t0).toISOString()).toBe('2026-03-17T08:00:00.000Z');
  });

  it('escalates village → township → county and stops at the county', () => {
    expect(policy.nextTier(EscalationTier.VILLAGE)).toBe(EscalationTier.TOWNSHIP);
    expect(policy.nextTier(EscalationTier.TOWNSHIP)).toBe(EscalationTier.COUNTY);
    expect(policy.nextTier(EscalationTier.COUNTY)).toBeNull();
  });

  it('is overdue only after the deadline has passed', () => {
    const deadline = policy.deadlineFor(EscalationTier.VILLAGE, 'any', t0);
    expect(policy.isOverdue(deadline, new Date(deadline.getTime()))).toBe(false);
    expect(policy.isOverdue(deadline, new Date(deadline.getTime() + 1))).toBe(true);
  });

  it('takes other deadlines from a county', () => {
    const strict = new DefaultEscalationPolicy({ VILLAGE: 1, TOWNSHIP: 2, COUNTY: 5 });
    expect(strict.deadlineFor(EscalationTier.TOWNSHIP, 'any', t0).toISOString()).toBe('2026-03-04T08:00:00.000Z');
  });
});
