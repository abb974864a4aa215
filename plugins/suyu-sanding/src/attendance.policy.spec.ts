import { suyuSandingConfig } from './config';
import { SuyuSandingAttendancePolicy } from './attendance.policy';

describe('SuyuSandingAttendancePolicy', () => {
  const policy = new SuyuSandingAttendancePolicy(suyuSandingConfig.parse({}));

  it('requires 6 hours a working day in a village and 7 in a community (the defaults)', () => {
    expect(policy.requiredHours({ date: '2026-11-23', workday: true, villageKind: 'VILLAGE' })).toBe(6);
    expect(policy.requiredHours({ date: '2026-11-23', workday: true, villageKind: 'COMMUNITY' })).toBe(7);
  });

  it('requires one person on duty on a rest day and no hours from each cadre', () => {
    const sunday = { date: '2026-11-22', workday: false, villageKind: 'VILLAGE' as const };
    expect(policy.restDayCoverage(sunday)).toBe(1);
    expect(policy.requiredHours(sunday)).toBe(0);
  });

  it('takes a county’s own numbers', () => {
    const tuned = new SuyuSandingAttendancePolicy(suyuSandingConfig.parse({ workdayHours: 5 }));
    expect(tuned.requiredHours({ date: '2026-11-23', workday: true, villageKind: 'VILLAGE' })).toBe(5);
  });
});
