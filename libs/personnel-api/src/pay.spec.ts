import { DeductionPeriod } from './attendance';
import { PostCategory } from './common';
import { BASELINE_PAY, deductionComponents, DefaultPayPolicy, type PayInput, PayComponentKind, payPolicyPoint, performanceOf } from './pay';

const post = (code: string, title: string, category: PostCategory, fullTime = false) => ({ code, title, category, fullTime });
const SECRETARY = post('secretary', '党组织书记', PostCategory.PARTY_SECRETARY, true);
const DIRECTOR = post('director', '村民委员会主任', PostCategory.COMMITTEE_DIRECTOR, true);
const ORGANISATION = post('organisation', '党组织委员（组织）', PostCategory.PARTY_COMMITTEE);
const CLERK = post('clerk', '村民委员会委员（文书）', PostCategory.COMMITTEE_MEMBER);
const SUPERVISION = post('supervision', '村务监督委员会主任', PostCategory.SUPERVISION);

function input(over: Partial<PayInput> = {}): PayInput {
  return {
    month: '2026-03',
    cadre: { id: 'c-1', fullTime: true, serviceStart: '2015-01-01' },
    posts: [SECRETARY],
    appraisalTotal: 90,
    appraisalPeriod: 'MONTH',
    quarterAppraisalTotal: null,
    lastAnnualRating: null,
    rank: null,
    deductions: [],
    items: [],
    ...over,
  };
}

const sum = (cs: { amount: number }[]) => Math.round(cs.reduce((s, c) => s + c.amount, 0) * 100) / 100;

describe('DefaultPayPolicy (报酬)', () => {
  const policy = new DefaultPayPolicy();

  it('is the personnel.pay extension point with the baseline table', () => {
    expect(payPolicyPoint.id).toBe('personnel.pay');
    expect(BASELINE_PAY.baseByCategory).toEqual({
      PARTY_SECRETARY: 3000,
      COMMITTEE_DIRECTOR: 2800,
      FULL_TIME_STAFF: 2500,
      AUXILIARY_POLICE: 2500,
      PARTY_COMMITTEE: 2000,
      COMMITTEE_MEMBER: 2000,
      SUPERVISION: 1500,
    });
    expect(BASELINE_PAY.performanceAtFullScore).toBe(1000);
  });

  it('pays a secretary 3,000 base and 900 performance for a total of 90', () => {
    expect(policy.components(input())).toEqual([
      { kind: PayComponentKind.BASE, amount: 3000, rule: 'BASE_BY_POST', zh: '基本报酬：按所任最高岗位党组织书记', en: 'base pay for the highest post held: 党组织书记', source: 'baseline' },
      { kind: PayComponentKind.PERFORMANCE, amount: 900, rule: 'PERFORMANCE_BY_SCORE', zh: '绩效报酬：1000元×考核得分90÷100', en: 'performance pay: 1000 × appraisal total 90 ÷ 100', source: 'baseline' },
    ]);
  });

  it('takes base pay from the highest post held, whatever the order (一肩挑 secretary + director → 3,000)', () => {
    const base = (posts: PayInput['posts']) => policy.components(input({ posts })).filter((c) => c.kind === PayComponentKind.BASE);
    expect(base([DIRECTOR, SECRETARY])).toEqual([expect.objectContaining({ amount: 3000, zh: '基本报酬：按所任最高岗位党组织书记' })]);
    expect(base([CLERK, DIRECTOR, SUPERVISION])).toEqual([expect.objectContaining({ amount: 2800, zh: '基本报酬：按所任最高岗位村民委员会主任' })]);
    expect(base([SUPERVISION, ORGANISATION])).toEqual([expect.objectContaining({ amount: 2000 })]);
    expect(base([SUPERVISION])).toEqual([expect.objectContaining({ amount: 1500 })]);
    expect(base([post('x', '全职化秘书', PostCategory.FULL_TIME_STAFF, true)])).toEqual([expect.objectContaining({ amount: 2500 })]);
    // one base component only, never a sum over posts
    expect(base([SECRETARY, DIRECTOR, CLERK])).toHaveLength(1);
    // no post held: no base pay
    expect(base([])).toEqual([]);
  });

  it('scales performance pay by the appraisal total, to the fen', () => {
    const perf = (appraisalTotal: number | null) => policy.components(input({ appraisalTotal })).find((c) => c.kind === PayComponentKind.PERFORMANCE);
    expect(perf(100)?.amount).toBe(1000);
    expect(perf(0)?.amount).toBe(0);
    expect(perf(87.15)?.amount).toBe(871.5);
    expect(perf(59.99)?.amount).toBe(599.9);
    expect(perf(null)).toEqual({ kind: PayComponentKind.PERFORMANCE, amount: 0, rule: 'PERFORMANCE_NOT_APPRAISED', zh: '本期未考核，无绩效报酬', en: 'not appraised this period: no performance pay', source: 'baseline' });
  });

  it('adds rank pay above the lowest level and every pay item of the month, each item keeping its data and source', () => {
    const components = policy.components(
      input({
        rank: { level: 4, title: '四级', monthlyPay: 200 },
        items: [
          { kind: PayComponentKind.AWARD, amount: 2000, rule: 'AWARD', zh: '奖励：优秀党组织书记', en: 'award: 优秀党组织书记', source: 'county-awards' },
          { kind: PayComponentKind.AWARD, amount: 500.5, rule: 'AWARD', zh: '奖励：集体经济增收奖', en: 'award: 集体经济增收奖', data: { growthRate: 0.12 }, source: 'county-economy' },
        ],
      }),
    );
    expect(components.slice(2)).toEqual([
      { kind: PayComponentKind.RANK, amount: 200, rule: 'RANK_PAY', zh: '职级报酬：四级', en: 'rank pay: level 4', source: 'baseline' },
      { kind: PayComponentKind.AWARD, amount: 2000, rule: 'AWARD', zh: '奖励：优秀党组织书记', en: 'award: 优秀党组织书记', source: 'county-awards' },
      { kind: PayComponentKind.AWARD, amount: 500.5, rule: 'AWARD', zh: '奖励：集体经济增收奖', en: 'award: 集体经济增收奖', data: { growthRate: 0.12 }, source: 'county-economy' },
    ]);
    expect(sum(components)).toBe(3000 + 900 + 200 + 2500.5);
    // the lowest level pays no rank pay: no component at all
    expect(policy.components(input({ rank: { level: 6, title: '六级', monthlyPay: 0 } })).map((c) => c.kind)).toEqual(['BASE', 'PERFORMANCE']);
  });

  it('deducts a sanction as a share of the performance pay', () => {
    const components = policy.components(input({ appraisalTotal: 80, deductions: [{ share: 0.5, period: DeductionPeriod.MONTH, reason: '2026-03-12 督查发现擅自离岗（第3次）' }] }));
    expect(components[2]).toEqual({
      kind: PayComponentKind.DEDUCTION,
      amount: -400,
      rule: 'SANCTION_DEDUCTION',
      zh: '2026-03-12 督查发现擅自离岗（第3次）：扣减当月绩效报酬50%',
      en: "2026-03-12 督查发现擅自离岗（第3次）: 50% of the month's performance pay deducted",
      source: 'baseline',
    });
    expect(sum(components)).toBe(3000 + 800 - 400);
  });

  it('caps deductions at the performance pay: never more than it in total', () => {
    const components = policy.components(
      input({
        appraisalTotal: 80,
        deductions: [
          { share: 0.5, period: DeductionPeriod.MONTH, reason: '第一次' },
          { share: 0.3, period: DeductionPeriod.MONTH, reason: '第二次' },
          { share: 1, period: DeductionPeriod.QUARTER, reason: '第三次' },
        ],
      }),
    );
    const deductions = components.filter((c) => c.kind === PayComponentKind.DEDUCTION);
    expect(deductions.map((d) => d.amount)).toEqual([-400, -240, -160]);
    expect(deductions[2].zh).toBe('第三次：扣减当季度绩效报酬100%');
    expect(deductions[2].en).toBe("第三次: 100% of the quarter's performance pay deducted");
    expect(sum(components)).toBe(3000);
    // once the performance pay is used up, further deductions are 0 (not negative zero)
    const more = deductionComponents(input({ deductions: [{ share: 1, period: DeductionPeriod.MONTH, reason: 'a' }, { share: 0.5, period: DeductionPeriod.MONTH, reason: 'b' }] }), 900);
    expect(more.map((d) => d.amount)).toEqual([-900, 0]);
  });

  it('deducts nothing when there is no performance pay (not appraised)', () => {
    const components = policy.components(input({ appraisalTotal: null, deductions: [{ share: 0.5, period: DeductionPeriod.MONTH, reason: '擅自离岗' }] }));
    expect(components.map((c) => [c.kind, c.amount])).toEqual([
      ['BASE', 3000],
      ['PERFORMANCE', 0],
      ['DEDUCTION', 0],
    ]);
  });

  it('rounds deductions to the fen and keeps the sum within the performance pay', () => {
    const components = policy.components(
      input({ appraisalTotal: 87.15, deductions: [{ share: 0.3, period: DeductionPeriod.MONTH, reason: 'a' }, { share: 0.7, period: DeductionPeriod.MONTH, reason: 'b' }] }),
    );
    expect(performanceOf(components)).toBe(871.5);
    const deductions = components.filter((c) => c.kind === PayComponentKind.DEDUCTION).map((d) => d.amount);
    expect(deductions).toEqual([-261.45, -610.05]);
    expect(sum(components)).toBe(3000);
  });

  it('refuses nothing (the baseline has no pay band)', () => {
    expect(policy.validate()).toEqual([]);
  });
});
