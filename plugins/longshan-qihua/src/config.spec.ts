import { EducationLevel, Rating } from '@xiangzhi/personnel-api';
import { DEFAULT_CONFIG, longshanQihuaConfig } from './config';

describe('longshan-qihua config', () => {
  it('defaults to the seed’s numbers', () => {
    const c = longshanQihuaConfig.parse({});
    expect(c).toEqual(DEFAULT_CONFIG);
    expect(c.eligibility).toMatchObject({
      newSecretaryAgeBelow: 57,
      reappointedSecretaryMaxAge: 60,
      secretaryPartyYears: 1,
      fullTimeSecretaryMaxAge: 35,
      fullTimeSecretaryExceptionalMaxAge: 40,
      fullTimeSecretaryMinEducation: EducationLevel.COLLEGE,
      auxiliaryPoliceMaxAge: 45,
      auxiliaryPoliceMinEducation: EducationLevel.HIGH_SCHOOL,
    });
    expect(c.eligibility.situations).toHaveLength(10);
    expect(c.eligibility.vettingDepartments.map((d) => d.zh)).toEqual(['纪检监察', '组织部门', '政法委', '公安机关', '检察院', '法院', '信访部门', '卫生健康部门', '农业农村部门']);
    expect(c.attendance).toEqual({ villageWorkdayHours: 6, communityWorkdayHours: 7, restDayCoverage: 1, firstAbsenceShare: 0.3, secondAbsenceShare: 1, thirdAbsenceShare: 1, thirdAbsenceDisciplinary: false });
    expect(c.rank).toEqual({ levels: 10, monthlyPayStep: 40, promoteOn: [Rating.EXCELLENT], demoteOn: [Rating.INCOMPETENT] });
    expect([c.pay.secretary.annualMin, c.pay.secretary.annualMax]).toEqual([40000, 45000]);
    expect([c.pay.fullTimeSecretary.annualMin, c.pay.fullTimeSecretary.annualMax]).toEqual([35600, 42300]);
    expect([c.pay.auxiliaryPolice.annualMin, c.pay.auxiliaryPolice.annualMax]).toEqual([40000, null]);
    expect(c.awards).toEqual({ honourMin: 3000, honourMax: 50000, tenNoAward: 10000, firstClassShare: 0.1, firstClassAward: 10000, firstClassMinimum: 1 });
    expect(c.dispatch.taskRewardMonthly).toBe(300);
  });

  it('takes a county’s own numbers and keeps the other defaults of the group', () => {
    const c = longshanQihuaConfig.parse({ attendance: { villageWorkdayHours: 5 }, pay: { secretary: { baseMonthly: 2500 } } });
    expect(c.attendance.villageWorkdayHours).toBe(5);
    expect(c.attendance.communityWorkdayHours).toBe(7);
    expect(c.pay.secretary).toEqual({ baseMonthly: 2500, performanceMonthly: 900, annualMin: 40000, annualMax: 45000 });
  });

  it('refuses unknown keys, out-of-range values and contradictions, naming the key', () => {
    const paths = (input: unknown) => {
      const r = longshanQihuaConfig.safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    };
    expect(paths({ workdayHours: 6 })).toEqual(['']);
    expect(paths({ attendance: { villageWorkdayHours: -1 } })).toEqual(['attendance.villageWorkdayHours']);
    expect(paths({ attendance: { firstAbsenceShare: 1.3 } })).toEqual(['attendance.firstAbsenceShare']);
    expect(paths({ eligibility: { fullTimeSecretaryMaxAge: 41 } })).toEqual(['eligibility.fullTimeSecretaryExceptionalMaxAge']);
    expect(paths({ pay: { secretary: { annualMin: 46000 } } })).toEqual(['pay.secretary.annualMin']);
    expect(paths({ awards: { honourMin: 60000 } })).toEqual(['awards.honourMin']);
    expect(paths({ rank: { demoteOn: ['EXCELLENT'] } })).toEqual(['rank.demoteOn']);
    expect(paths({ eligibility: { situations: [{ code: 'A_B', zh: '甲', en: 'a' }, { code: 'A_B', zh: '乙', en: 'b' }] } })).toEqual(['eligibility.situations']);
  });
});
