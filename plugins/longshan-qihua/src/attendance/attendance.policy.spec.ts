import { DeductionPeriod, LeaveApprover, PostCategory, SanctionMeasure } from '@xiangzhi/personnel-api';
import { longshanQihuaConfig } from '../config';
import { LongshanAttendancePolicy } from './attendance.policy';

describe('LongshanAttendancePolicy', () => {
  const policy = new LongshanAttendancePolicy(longshanQihuaConfig.parse({}));
  const finding = (occurrenceInYear: number) => policy.sanctionFor({ date: '2024-05-14', occurrenceInYear, postCategory: PostCategory.FULL_TIME_STAFF });

  it('requires 6 hours each working day in a village and 7 in a community', () => {
    expect(policy.requiredHours({ date: '2024-05-13', workday: true, villageKind: 'VILLAGE' })).toBe(6);
    expect(policy.requiredHours({ date: '2024-05-13', workday: true, villageKind: 'COMMUNITY' })).toBe(7);
  });

  it('requires 1 person on duty each weekend and holiday day, and no hours of each cadre then', () => {
    const saturday = { date: '2024-05-11', workday: false, villageKind: 'VILLAGE' as const };
    expect(policy.restDayCoverage(saturday)).toBe(1);
    expect(policy.restDayCoverage({ ...saturday, villageKind: 'COMMUNITY' })).toBe(1);
    expect(policy.requiredHours(saturday)).toBe(0);
    expect(policy.restDayCoverage({ date: '2024-05-13', workday: true, villageKind: 'VILLAGE' })).toBe(0);
  });

  it('sends a secretary’s leave to the township head and everyone else’s to the village secretary', () => {
    expect(policy.leaveApprover(PostCategory.PARTY_SECRETARY)).toBe(LeaveApprover.TOWNSHIP);
    for (const c of [PostCategory.FULL_TIME_STAFF, PostCategory.AUXILIARY_POLICE, PostCategory.COMMITTEE_DIRECTOR, PostCategory.PARTY_COMMITTEE]) {
      expect(policy.leaveApprover(c)).toBe(LeaveApprover.VILLAGE_SECRETARY);
    }
  });

  it('1st unreported absence in a year: 30% of that month’s performance pay', () => {
    expect(finding(1)).toEqual({
      rule: 'LONGSHAN_ABSENCE_FIRST',
      zh: '年内第1次被督查发现未履行报备手续、擅离职守：扣除当月绩效30%',
      en: "1st unreported absence found by inspection this year: 30% of the month's performance pay deducted",
      measures: [SanctionMeasure.DEDUCT_PERFORMANCE_PAY],
      deductionShare: 0.3,
      deductionPeriod: DeductionPeriod.MONTH,
      disciplinary: false,
    });
  });

  it('2nd: the whole month’s performance pay (100%) and an admonishment talk', () => {
    expect(finding(2)).toMatchObject({
      rule: 'LONGSHAN_ABSENCE_SECOND',
      measures: [SanctionMeasure.DEDUCT_PERFORMANCE_PAY, SanctionMeasure.ADMONISHMENT_TALK],
      deductionShare: 1,
      deductionPeriod: DeductionPeriod.MONTH,
      disciplinary: false,
    });
  });

  it('3rd and later: the whole quarter’s performance pay and removal from post', () => {
    for (const n of [3, 4]) {
      expect(finding(n)).toMatchObject({
        rule: 'LONGSHAN_ABSENCE_THIRD',
        measures: [SanctionMeasure.DEDUCT_PERFORMANCE_PAY, SanctionMeasure.REMOVAL_FROM_POST],
        deductionShare: 1,
        deductionPeriod: DeductionPeriod.QUARTER,
        disciplinary: false,
      });
    }
    expect(finding(3).zh).toBe('年内累计第3次被督查发现擅离职守：扣除当季绩效100%，免去职务');
  });

  it('takes a county’s own numbers', () => {
    const tuned = new LongshanAttendancePolicy(longshanQihuaConfig.parse({ attendance: { villageWorkdayHours: 5, restDayCoverage: 2, firstAbsenceShare: 0.2, thirdAbsenceDisciplinary: true } }));
    expect(tuned.requiredHours({ date: '2024-05-13', workday: true, villageKind: 'VILLAGE' })).toBe(5);
    expect(tuned.restDayCoverage({ date: '2024-05-11', workday: false, villageKind: 'VILLAGE' })).toBe(2);
    expect(tuned.sanctionFor({ date: '2024-05-14', occurrenceInYear: 1, postCategory: PostCategory.PARTY_SECRETARY }).deductionShare).toBe(0.2);
    expect(tuned.sanctionFor({ date: '2024-05-14', occurrenceInYear: 3, postCategory: PostCategory.PARTY_SECRETARY }).disciplinary).toBe(true);
  });
});
