import { PostCategory } from '@xiangzhi/personnel-api';
import { suyuSandingConfig } from './config';
import { PayScale } from './pay-scale';

describe('PayScale (四岗20级)', () => {
  const scale = new PayScale(suyuSandingConfig.parse({}));

  it('has 4 post classes × 20 grades, each grade paying more than the one below', () => {
    const table = scale.table();
    expect(table.map((r) => r.postClass)).toEqual(['SECRETARY', 'DEPUTY', 'MEMBER', 'STAFF']);
    for (const row of table) {
      expect(row.amounts).toHaveLength(20);
      row.amounts.slice(1).forEach((amount, i) => expect(amount).toBeGreaterThan(row.amounts[i]));
    }
    expect(table.flatMap((r) => r.amounts)).toHaveLength(80);
  });

  it('pays grade 1 the class base and grade 20 nineteen raises more (the assumed table)', () => {
    expect([scale.monthlyBase('SECRETARY', 1), scale.monthlyBase('SECRETARY', 20)]).toEqual([3600, 5120]);
    expect([scale.monthlyBase('DEPUTY', 1), scale.monthlyBase('DEPUTY', 20)]).toEqual([3200, 4530]);
    expect([scale.monthlyBase('MEMBER', 1), scale.monthlyBase('MEMBER', 20)]).toEqual([2800, 3940]);
    expect([scale.monthlyBase('STAFF', 1), scale.monthlyBase('STAFF', 20)]).toEqual([2400, 3350]);
    expect(scale.monthlyBase('SECRETARY', 5)).toBe(3920);
  });

  it('keeps grades inside the scale', () => {
    expect(scale.monthlyBase('STAFF', 21)).toBe(scale.monthlyBase('STAFF', 20));
    expect(scale.monthlyBase('STAFF', 0)).toBe(2400);
  });

  it('takes a county’s own number of grades and amounts', () => {
    const tuned = new PayScale(suyuSandingConfig.parse({ payScale: { grades: 10, classes: { MEMBER: { grade1: 3000, step: 100 } } } }));
    expect(tuned.table()[2].amounts).toHaveLength(10);
    expect(tuned.monthlyBase('MEMBER', 10)).toBe(3900);
    expect(tuned.monthlyBase('MEMBER', 20)).toBe(3900);
  });

  it('puts a cadre in the class of the highest post held, the deputy secretary by post code', () => {
    const post = (code: string, category: PostCategory) => ({ code, category });
    expect(scale.highestClass([post('suyu.gridGovernance', PostCategory.FULL_TIME_STAFF)])).toBe('STAFF');
    expect(scale.highestClass([post('suyu.gridGovernance', PostCategory.FULL_TIME_STAFF), post('suyu.committeeMember', PostCategory.PARTY_COMMITTEE)])).toBe('MEMBER');
    expect(scale.highestClass([post('suyu.deputySecretary', PostCategory.PARTY_COMMITTEE)])).toBe('DEPUTY');
    expect(scale.highestClass([post('secretary', PostCategory.PARTY_SECRETARY), post('suyu.deputySecretary', PostCategory.PARTY_COMMITTEE)])).toBe('SECRETARY');
    expect(scale.highestClass([])).toBeNull();
  });
});
