import { DepartureType } from '@xiangzhi/personnel-api';
import { suyuSandingConfig } from './config';
import { SuyuHonorPolicy } from './honor.policy';

describe('SuyuHonorPolicy (荣誉金、星级豫美村干勋章)', () => {
  const policy = new SuyuHonorPolicy(suyuSandingConfig.parse({}));
  const normal = (serviceYears: number, disciplinarySanctions = 0) => policy.onDeparture({ departureType: DepartureType.NORMAL, serviceYears, disciplinarySanctions });

  it('gives the tier of the highest of 5, 10, 15 and 20 years reached', () => {
    expect([4, 5, 9, 10, 14, 15, 19, 20, 30].map((y) => [normal(y).payment, normal(y).honor])).toEqual([
      [0, null],
      [5000, '星级豫美村干勋章（一星）'],
      [5000, '星级豫美村干勋章（一星）'],
      [10000, '星级豫美村干勋章（二星）'],
      [10000, '星级豫美村干勋章（二星）'],
      [15000, '星级豫美村干勋章（三星）'],
      [15000, '星级豫美村干勋章（三星）'],
      [20000, '星级豫美村干勋章（四星）'],
      [20000, '星级豫美村干勋章（四星）'],
    ]);
    expect(normal(10).rule).toBe('SUYU_HONOR_TIER');
    expect(normal(4)).toMatchObject({ rule: 'SUYU_HONOR_TOO_SHORT', zh: '任职4年，不满5年' });
  });

  it('gives nothing after a disciplinary sanction or a departure that is not normal, with the reason', () => {
    expect(normal(20, 1)).toMatchObject({ honor: null, payment: 0, rule: 'SUYU_HONOR_SANCTIONED' });
    for (const departureType of [DepartureType.RESIGNED, DepartureType.DISMISSED, DepartureType.HARD_EXIT, DepartureType.DECEASED]) {
      expect(policy.onDeparture({ departureType, serviceYears: 20, disciplinarySanctions: 0 })).toMatchObject({ honor: null, payment: 0, rule: 'SUYU_HONOR_NOT_NORMAL' });
    }
  });

  it('takes a county’s own tiers', () => {
    const tuned = new SuyuHonorPolicy(suyuSandingConfig.parse({ honor: { tiers: [{ years: 8, stars: 1, payment: 3000 }] } }));
    expect(tuned.onDeparture({ departureType: DepartureType.NORMAL, serviceYears: 8, disciplinarySanctions: 0 })).toMatchObject({ payment: 3000, honor: '星级豫美村干勋章（一星）' });
    expect(tuned.onDeparture({ departureType: DepartureType.NORMAL, serviceYears: 7, disciplinarySanctions: 0 }).payment).toBe(0);
  });
});
