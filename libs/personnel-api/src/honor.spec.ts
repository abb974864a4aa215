import { DepartureType } from './common';
import { BASELINE_HONOR, DefaultHonorPolicy, honorPolicyPoint } from './honor';

describe('DefaultHonorPolicy (离任荣誉)', () => {
  const policy = new DefaultHonorPolicy();
  const normal = (serviceYears: number, disciplinarySanctions = 0) => policy.onDeparture({ departureType: DepartureType.NORMAL, serviceYears, disciplinarySanctions });

  it('is the personnel.honor extension point', () => {
    expect(honorPolicyPoint.id).toBe('personnel.honor');
    expect(BASELINE_HONOR.minYears).toBe(10);
  });

  it('awards the certificate after a normal departure with exactly 10 years and no sanction', () => {
    expect(normal(10)).toEqual({
      honor: '村干部荣誉证书',
      payment: 0,
      rule: 'HONOR_CERTIFICATE',
      zh: '正常离任，任职10年且无纪律处分：颁发荣誉证书',
      en: 'normal departure after 10 years without disciplinary sanction: certificate of honour',
    });
    expect(normal(23)).toEqual(expect.objectContaining({ honor: '村干部荣誉证书', payment: 0, rule: 'HONOR_CERTIFICATE' }));
  });

  it('awards nothing under 10 years', () => {
    expect(normal(9)).toEqual({ honor: null, payment: 0, rule: 'HONOR_TOO_SHORT', zh: '任职9年，不满10年', en: '9 years of service, under 10' });
    expect(normal(0).rule).toBe('HONOR_TOO_SHORT');
  });

  it('awards nothing after a disciplinary sanction, however long the service', () => {
    expect(normal(20, 1)).toEqual({ honor: null, payment: 0, rule: 'HONOR_SANCTIONED', zh: '任职期间受过1次纪律处分，不授予荣誉', en: '1 disciplinary sanction(s) during service: no honour' });
    expect(normal(5, 2).rule).toBe('HONOR_SANCTIONED');
  });

  it('awards nothing for any departure that is not normal (checked first)', () => {
    for (const departureType of [DepartureType.RESIGNED, DepartureType.DISMISSED, DepartureType.HARD_EXIT, DepartureType.DECEASED]) {
      expect(policy.onDeparture({ departureType, serviceYears: 30, disciplinarySanctions: 1 })).toEqual({
        honor: null,
        payment: 0,
        rule: 'HONOR_NOT_NORMAL',
        zh: '非正常离任，不授予荣誉',
        en: 'not a normal departure: no honour',
      });
    }
  });
});
