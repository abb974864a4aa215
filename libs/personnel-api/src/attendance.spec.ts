import { attendancePolicyPoint, BASELINE_ATTENDANCE, DeductionPeriod, DefaultAttendancePolicy, SanctionMeasure } from './attendance';
import { LeaveApprover, PostCategory } from './common';

describe('DefaultAttendancePolicy (坐班与请销假)', () => {
  const policy = new DefaultAttendancePolicy();
  const finding = (occurrenceInYear: number, postCategory = PostCategory.COMMITTEE_MEMBER) => ({ date: '2026-03-12', occurrenceInYear, postCategory });

  it('is the personnel.attendance extension point', () => {
    expect(attendancePolicyPoint.id).toBe('personnel.attendance');
    expect(BASELINE_ATTENDANCE).toEqual({ workdayHours: 4, restDayCoverage: 0 });
  });

  it('requires half a working day (4 h) on working days and nothing on rest days, in villages and communities alike', () => {
    for (const villageKind of ['VILLAGE', 'COMMUNITY'] as const) {
      expect(policy.requiredHours({ date: '2026-03-12', workday: true, villageKind })).toBe(4);
      expect(policy.requiredHours({ date: '2026-03-14', workday: false, villageKind })).toBe(0);
      expect(policy.restDayCoverage({ date: '2026-03-14', workday: false, villageKind })).toBe(0);
      expect(policy.restDayCoverage({ date: '2026-03-12', workday: true, villageKind })).toBe(0);
    }
  });

  it('sends a secretary\'s or director\'s leave to the township and everyone else\'s to the secretary', () => {
    const approvers = Object.values(PostCategory).map((c) => [c, policy.leaveApprover(c)]);
    expect(approvers).toEqual([
      [PostCategory.PARTY_SECRETARY, LeaveApprover.TOWNSHIP],
      [PostCategory.PARTY_COMMITTEE, LeaveApprover.VILLAGE_SECRETARY],
      [PostCategory.COMMITTEE_DIRECTOR, LeaveApprover.TOWNSHIP],
      [PostCategory.COMMITTEE_MEMBER, LeaveApprover.VILLAGE_SECRETARY],
      [PostCategory.SUPERVISION, LeaveApprover.VILLAGE_SECRETARY],
      [PostCategory.FULL_TIME_STAFF, LeaveApprover.VILLAGE_SECRETARY],
      [PostCategory.AUXILIARY_POLICE, LeaveApprover.VILLAGE_SECRETARY],
    ]);
  });

  it('1st unreported absence in a year: reminder talk, no deduction', () => {
    expect(policy.sanctionFor(finding(1))).toEqual({
      rule: 'ABSENCE_FIRST',
      zh: '年内第1次擅自离岗：提醒谈话',
      en: '1st unreported absence this year: reminder talk',
      measures: [SanctionMeasure.REMINDER_TALK],
      deductionShare: 0,
      deductionPeriod: null,
      disciplinary: false,
    });
  });

  it('2nd: admonishment talk, no deduction', () => {
    expect(policy.sanctionFor(finding(2))).toEqual({
      rule: 'ABSENCE_SECOND',
      zh: '年内第2次擅自离岗：诫勉谈话',
      en: '2nd unreported absence this year: admonishment talk',
      measures: [SanctionMeasure.ADMONISHMENT_TALK],
      deductionShare: 0,
      deductionPeriod: null,
      disciplinary: false,
    });
  });

  it('3rd and later: public criticism and half of that month\'s performance pay', () => {
    expect(policy.sanctionFor(finding(3))).toEqual({
      rule: 'ABSENCE_REPEATED',
      zh: '年内第3次擅自离岗：通报批评，扣减当月绩效报酬50%',
      en: "unreported absence no. 3 this year: public criticism, 50% of the month's performance pay deducted",
      measures: [SanctionMeasure.CRITICISM, SanctionMeasure.DEDUCT_PERFORMANCE_PAY],
      deductionShare: 0.5,
      deductionPeriod: DeductionPeriod.MONTH,
      disciplinary: false,
    });
    const fifth = policy.sanctionFor(finding(5, PostCategory.PARTY_SECRETARY));
    expect([fifth.rule, fifth.deductionShare, fifth.deductionPeriod, fifth.zh]).toEqual(['ABSENCE_REPEATED', 0.5, 'MONTH', '年内第5次擅自离岗：通报批评，扣减当月绩效报酬50%']);
  });

  it('treats the same count alike for every post category (the baseline does not distinguish)', () => {
    for (const category of Object.values(PostCategory)) {
      expect([1, 2, 3].map((n) => policy.sanctionFor(finding(n, category)).rule)).toEqual(['ABSENCE_FIRST', 'ABSENCE_SECOND', 'ABSENCE_REPEATED']);
    }
  });
});
