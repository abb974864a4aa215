import { DeductionPeriod, PayComponentKind, PostCategory, Rating, type PayInput } from '@xiangzhi/personnel-api';
import { jiangxi135Config } from '../config';
import { JiangxiPostClass } from '../posts/post-class';
import { JiangxiPayPolicy } from './pay.policy';

const config = jiangxi135Config.parse({});
const policy = new JiangxiPayPolicy(config.pay);

const principal = { code: 'jiangxi.principal', title: '党组织书记、村民委员会主任（正职岗，“一肩挑”）', category: PostCategory.PARTY_SECRETARY, fullTime: true };
const deputy = { code: 'jiangxi.deputy.deputyDirector', title: '村民委员会副主任（副职岗）', category: PostCategory.COMMITTEE_MEMBER, fullTime: true };
const member = { code: 'jiangxi.member.clerk', title: '村民委员会委员（文书、数字化）（委员岗）', category: PostCategory.COMMITTEE_MEMBER, fullTime: false };

function input(over: Partial<PayInput> = {}): PayInput {
  return {
    month: '2026-03',
    cadre: { id: 'c1', fullTime: true, serviceStart: '2019-03-01' },
    posts: [principal],
    appraisalTotal: 90,
    appraisalPeriod: 'MONTH',
    quarterAppraisalTotal: null,
    lastAnnualRating: Rating.COMPETENT,
    rank: { level: 6, title: '六级', monthlyPay: 300 },
    deductions: [],
    items: [],
    ...over,
  };
}

const amounts = (i: PayInput) => policy.components(i).map((c) => [c.kind, c.rule, c.amount]);

describe('JiangxiPayPolicy (岗位等级薪酬: duties × years × results)', () => {
  it('pays a principal post of 7 years (band 3, from 6 years): 2,900 grade, 1,200 × 90% performance, 150 for a competent year; no rank pay', () => {
    expect(amounts(input())).toEqual([
      [PayComponentKind.BASE, 'JIANGXI_POST_GRADE_PAY', 2900],
      [PayComponentKind.PERFORMANCE, 'JIANGXI_PERFORMANCE_BY_SCORE', 1080],
      [PayComponentKind.AWARD, 'JIANGXI_ANNUAL_RESULT_PAY', 150],
    ]);
    const [grade] = policy.components(input());
    expect(grade.zh).toBe('岗位等级工资：正职岗第3档（任职7年，满6年为第3档）');
    expect(grade.en).toContain('principal post, band 3');
  });

  it('ties the grade to the duties: deputy and member posts on the same years get their own rows', () => {
    expect(policy.components(input({ posts: [deputy] }))[0].amount).toBe(2340);
    expect(policy.components(input({ posts: [member] }))[0].amount).toBe(1900);
    // performance pay at 100 differs by class: 1,000 (deputy) and 800 (member)
    expect(policy.components(input({ posts: [deputy], appraisalTotal: 100 }))[1].amount).toBe(1000);
    expect(policy.components(input({ posts: [member], appraisalTotal: 100 }))[1].amount).toBe(800);
    // a cadre holding a member and a principal post is paid as principal
    expect(policy.components(input({ posts: [member, principal] }))[0].amount).toBe(2900);
  });

  it('ties the grade to the years: bands start at 0, 3, 6, 10 and 15 years, counted to the first of the month', () => {
    const gradeAt = (serviceStart: string) => policy.gradeOf(JiangxiPostClass.PRINCIPAL, serviceStart, '2026-03', null);
    expect(gradeAt('2024-01-01')).toMatchObject({ years: 2, band: 0, monthly: 2600 });
    expect(gradeAt('2023-03-01')).toMatchObject({ years: 3, band: 1, monthly: 2750 });
    expect(gradeAt('2023-03-02')).toMatchObject({ years: 2, band: 0, monthly: 2600 });
    expect(gradeAt('2016-01-01')).toMatchObject({ years: 10, band: 3, monthly: 3050 });
    expect(gradeAt('2001-01-01')).toMatchObject({ years: 25, band: 4, monthly: 3200 });
    // a start after the month counts as 0 years
    expect(gradeAt('2027-01-01')).toMatchObject({ years: 0, band: 0 });
  });

  it('ties pay to results: 300 after an excellent year, nothing after a basic one, one band lower after an incompetent one', () => {
    const award = (rating: Rating | null) => policy.components(input({ lastAnnualRating: rating })).find((c) => c.kind === PayComponentKind.AWARD)?.amount ?? 0;
    expect(award(Rating.EXCELLENT)).toBe(300);
    expect(award(Rating.COMPETENT)).toBe(150);
    expect(award(Rating.BASIC)).toBe(0);
    expect(award(null)).toBe(0);
    const [lowered] = policy.components(input({ lastAnnualRating: Rating.INCOMPETENT }));
    expect(lowered.amount).toBe(2750);
    expect(lowered.zh).toContain('上年度不称职，降1档');
    // no performance pay without the month's appraisal
    expect(amounts(input({ appraisalTotal: null }))[1]).toEqual([PayComponentKind.PERFORMANCE, 'JIANGXI_PERFORMANCE_NOT_APPRAISED', 0]);
  });

  it('still deducts sanctions as shares of the performance pay (30% of 1,080 = 324)', () => {
    const components = policy.components(input({ deductions: [{ share: 0.3, period: DeductionPeriod.MONTH, reason: '2026-03-12 擅自离岗（第1次）' }] }));
    const deduction = components.find((c) => c.kind === PayComponentKind.DEDUCTION)!;
    expect(deduction).toMatchObject({ rule: 'SANCTION_DEDUCTION', amount: -324 });
    expect(deduction.zh).toContain('2026-03-12 擅自离岗（第1次）');
  });

  it('takes a county’s own table, and pays rank pay only when asked to', () => {
    const tuned = new JiangxiPayPolicy(
      jiangxi135Config.parse({ pay: { serviceBands: [0, 5], principalGrades: [3000, 3500], deputyGrades: [2000, 2500], memberGrades: [1500, 1800], includeRankPay: true } }).pay,
    );
    expect(amounts(input()).length).toBe(3);
    const tunedAmounts = tuned.components(input()).map((c) => [c.kind, c.amount]);
    expect(tunedAmounts).toContainEqual([PayComponentKind.BASE, 3500]);
    expect(tunedAmounts).toContainEqual([PayComponentKind.RANK, 300]);
    expect(() => jiangxi135Config.parse({ pay: { serviceBands: [0, 5] } })).toThrow(/one amount per service band/);
    expect(() => jiangxi135Config.parse({ pay: { serviceBands: [1, 5, 9, 12, 20] } })).toThrow(/start at 0/);
  });

  it('describes every component in both languages', () => {
    for (const c of policy.components(input({ lastAnnualRating: Rating.EXCELLENT }))) {
      expect(c.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(c.en).toMatch(/[a-z]/);
    }
  });
});
