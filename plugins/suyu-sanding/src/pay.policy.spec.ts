import { DeductionPeriod, PayComponentKind, PostCategory, type PayInput } from '@xiangzhi/personnel-api';
import { suyuSandingConfig } from './config';
import { BASE_PAY_GRADE_RULE, SuyuPayPolicy } from './pay.policy';

const input = (overrides: Partial<PayInput> = {}): PayInput => ({
  month: '2025-05',
  cadre: { id: 'c1', fullTime: true, serviceStart: '2015-01-01' },
  posts: [{ code: 'suyu.gridGovernance', title: '网格治理岗', category: PostCategory.FULL_TIME_STAFF, fullTime: true }],
  appraisalTotal: 90,
  appraisalPeriod: 'MONTH',
  quarterAppraisalTotal: null,
  lastAnnualRating: null,
  rank: { level: 5, title: '五级', monthlyPay: 100 },
  deductions: [],
  items: [],
  ...overrides,
});

const secretary = [{ code: 'secretary', title: '社区党委书记', category: PostCategory.PARTY_SECRETARY, fullTime: true }];
const amounts = (components: { kind: PayComponentKind; amount: number }[]) => components.map((c) => [c.kind, c.amount]);

describe('SuyuPayPolicy (基本工资+考核报酬+专项工作报酬+发展报酬)', () => {
  const policy = new SuyuPayPolicy(suyuSandingConfig.parse({}));

  it('pays an ungraded cadre grade 1 of the highest post’s class and appraisal pay by the month’s total, no rank pay', () => {
    const c = policy.components(input({ posts: secretary, appraisalTotal: 90 }));
    expect(amounts(c)).toEqual([
      [PayComponentKind.BASE, 3600],
      [PayComponentKind.PERFORMANCE, 1350],
    ]);
    expect(c[0].rule).toBe('SUYU_BASE_PAY_DEFAULT_GRADE');
    expect(c[0].zh).toContain('书记岗第1级');
    expect(c[1].rule).toBe('SUYU_APPRAISAL_PAY_MONTH');
  });

  it('takes the recorded grade’s base-pay item, then special-work and development pay, then deductions of the appraisal pay', () => {
    const c = policy.components(
      input({
        appraisalTotal: 80,
        deductions: [{ share: 0.3, period: DeductionPeriod.MONTH, reason: '2025-05-12 擅自离岗' }],
        items: [
          { kind: PayComponentKind.SPECIAL_WORK, amount: 800, rule: 'SUYU_SPECIAL_WORK', zh: '专项工作报酬：防汛', en: 'special-work pay: flood duty' },
          { kind: PayComponentKind.BASE, amount: 2850, rule: BASE_PAY_GRADE_RULE, zh: '基本工资：专职岗第10级', en: 'base pay: staff class, grade 10' },
          { kind: PayComponentKind.DEVELOPMENT, amount: 1200, rule: 'SUYU_DEVELOPMENT_PAY', zh: '发展报酬：集体增收', en: 'development pay' },
        ],
      }),
    );
    expect(amounts(c)).toEqual([
      [PayComponentKind.BASE, 2850],
      [PayComponentKind.PERFORMANCE, 720],
      [PayComponentKind.SPECIAL_WORK, 800],
      [PayComponentKind.DEVELOPMENT, 1200],
      [PayComponentKind.DEDUCTION, -216],
    ]);
  });

  it('pays the recorded grade its prepare step read (a fact, not a pay item), with the class and grade as the component’s data', () => {
    const facts = { grades: new Map([['c1', { postClass: 'SECRETARY' as const, grade: 5 }]]) };
    const c = policy.components(input({ appraisalTotal: 80 }), facts);
    expect(c[0]).toEqual({
      kind: PayComponentKind.BASE,
      amount: 3920,
      rule: BASE_PAY_GRADE_RULE,
      zh: '基本工资（四岗20级）：书记岗第5级，3920元',
      en: expect.stringContaining('grade 5'),
      data: { postClass: 'SECRETARY', grade: 5 },
    });
    // appraisal pay in the recorded grade's class: 1,500 × 80 ÷ 100
    expect(amounts(c)).toEqual([
      [PayComponentKind.BASE, 3920],
      [PayComponentKind.PERFORMANCE, 1200],
    ]);
    // a grade beyond the county's scale is paid at its top and says so
    expect(policy.gradeComponent({ postClass: 'STAFF', grade: 25 }).zh).toContain('（定级25级超出本县级数）');
    // another cadre of the payroll without a recorded grade: grade 1 of the highest post's class
    expect(policy.components(input({ cadre: { id: 'c2', fullTime: true, serviceStart: '2015-01-01' } }), facts)[0].rule).toBe('SUYU_BASE_PAY_DEFAULT_GRADE');
  });

  it('pays appraisal pay in the class of the recorded grade, not of the highest post, and keeps the item data (stored with the pay record)', () => {
    // a 网格治理岗 (staff class) holder graded in the secretary class: 1,500 × 80 ÷ 100, not 900 × 80 ÷ 100
    const grade = { kind: PayComponentKind.BASE, amount: 3920, rule: BASE_PAY_GRADE_RULE, zh: '基本工资：书记岗第5级', en: 'base pay: secretary class, grade 5', data: { postClass: 'SECRETARY', grade: 5 } };
    const c = policy.components(input({ appraisalTotal: 80, items: [grade] }));
    expect(amounts(c)).toEqual([
      [PayComponentKind.BASE, 3920],
      [PayComponentKind.PERFORMANCE, 1200],
    ]);
    expect(c[0].data).toEqual({ postClass: 'SECRETARY', grade: 5 });
  });

  it('pays nothing for the appraisal without one', () => {
    const c = policy.components(input({ appraisalTotal: null }));
    expect(c.find((x) => x.kind === PayComponentKind.PERFORMANCE)).toMatchObject({ amount: 0, rule: 'SUYU_APPRAISAL_PAY_NOT_APPRAISED' });
  });

  it('under quarterly assessment pays three months’ appraisal pay in the quarter’s last month only', () => {
    const quarterly = new SuyuPayPolicy(suyuSandingConfig.parse({ assessment: 'QUARTER' }));
    const may = quarterly.components(input({ month: '2025-05', appraisalTotal: 90 }));
    expect(may.find((x) => x.kind === PayComponentKind.PERFORMANCE)).toMatchObject({ amount: 0, rule: 'SUYU_APPRAISAL_PAY_QUARTERLY' });
    const june = quarterly.components(input({ month: '2025-06', appraisalTotal: 90, appraisalPeriod: 'QUARTER', quarterAppraisalTotal: 90 }));
    expect(june.find((x) => x.kind === PayComponentKind.PERFORMANCE)).toMatchObject({ amount: 2430, rule: 'SUYU_APPRAISAL_PAY_QUARTER' });
  });

  it('under quarterly assessment pays from the quarter’s total even when a monthly appraisal was recorded too', () => {
    const quarterly = new SuyuPayPolicy(suyuSandingConfig.parse({ assessment: 'QUARTER' }));
    // June has its own monthly total (95) and the second quarter a total of 80: 900 × 3 × 80 ÷ 100
    const june = quarterly.components(input({ month: '2025-06', appraisalTotal: 95, appraisalPeriod: 'MONTH', quarterAppraisalTotal: 80 }));
    expect(june.find((x) => x.kind === PayComponentKind.PERFORMANCE)).toMatchObject({ amount: 2160, rule: 'SUYU_APPRAISAL_PAY_QUARTER' });
    const unappraised = quarterly.components(input({ month: '2025-06', appraisalTotal: 95, appraisalPeriod: 'MONTH', quarterAppraisalTotal: null }));
    expect(unappraised.find((x) => x.kind === PayComponentKind.PERFORMANCE)).toMatchObject({ amount: 0, rule: 'SUYU_APPRAISAL_PAY_NOT_APPRAISED' });
  });

  it('takes a county’s own appraisal pay', () => {
    const tuned = new SuyuPayPolicy(suyuSandingConfig.parse({ appraisalPay: { STAFF: 1000 } }));
    expect(tuned.components(input({ appraisalTotal: 75 })).find((x) => x.kind === PayComponentKind.PERFORMANCE)?.amount).toBe(750);
    expect(tuned.validate()).toEqual([]);
  });
});
