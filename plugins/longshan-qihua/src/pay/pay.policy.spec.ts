import { DeductionPeriod, PayComponentKind, PostCategory, type PayInput } from '@xiangzhi/personnel-api';
import { longshanQihuaConfig } from '../config';
import { LongshanRankPolicy } from '../rank/rank.policy';
import { LongshanPayPolicy, payBandProblems } from './pay.policy';

const config = longshanQihuaConfig.parse({});
const policy = new LongshanPayPolicy(config);
const ranks = new LongshanRankPolicy(config).levels();

const POSTS = {
  secretary: { code: 'secretary', title: '村党组织书记', category: PostCategory.PARTY_SECRETARY, fullTime: true },
  clerk: { code: 'longshan.fullTimeSecretary', title: '全职化秘书', category: PostCategory.FULL_TIME_STAFF, fullTime: true },
  police: { code: 'longshan.auxiliaryPolice', title: '辅警', category: PostCategory.AUXILIARY_POLICE, fullTime: true },
  director: { code: 'director', title: '村民委员会主任', category: PostCategory.COMMITTEE_DIRECTOR, fullTime: false },
};

function input(posts: PayInput['posts'], fields: Partial<PayInput> = {}): PayInput {
  const level = ranks.find((r) => r.level === 10)!;
  return {
    month: '2024-03',
    cadre: { id: 'c1', fullTime: true, serviceStart: '2020-01-01' },
    posts,
    appraisalTotal: 90,
    appraisalPeriod: 'MONTH',
    quarterAppraisalTotal: null,
    lastAnnualRating: null,
    rank: { level: level.level, title: level.title, monthlyPay: level.monthlyPay },
    deductions: [],
    items: [],
    ...fields,
  };
}

describe('LongshanPayPolicy', () => {
  it('pays base + performance (standard × total ÷ 100) + rank pay by the post held', () => {
    const components = policy.components(input([POSTS.secretary]));
    expect(components.map((c) => [c.kind, c.amount, c.rule])).toEqual([
      [PayComponentKind.BASE, 2400, 'LONGSHAN_BASE_PAY'],
      [PayComponentKind.PERFORMANCE, 810, 'LONGSHAN_PERFORMANCE'],
      [PayComponentKind.RANK, 40, 'LONGSHAN_RANK_PAY'],
    ]);
    expect(components[1].zh).toBe('工作绩效：绩效标准900元×考核得分90÷100');
  });

  it('keeps every default inside the seed’s bands at every one of the 10 rank levels', () => {
    const bands: [keyof typeof POSTS, number, number][] = [
      ['secretary', 40000, 45000],
      ['clerk', 35600, 42300],
      ['police', 40000, Infinity],
    ];
    for (const [post, min, max] of bands) {
      for (const r of ranks) {
        const i = input([POSTS[post]], { rank: { level: r.level, title: r.title, monthlyPay: r.monthlyPay } });
        const annual = policy.annualisedStandard(i)!.annual;
        expect(annual).toBeGreaterThanOrEqual(min);
        expect(annual).toBeLessThanOrEqual(max);
        expect(policy.validate(i)).toEqual([]);
      }
    }
    // the ends: secretary 40,080 at level 10 and 44,400 at level 1; full-time secretary 35,880 and 40,200; police 40,680 at level 10
    expect(policy.annualisedStandard(input([POSTS.secretary]))!.annual).toBe(40080);
    expect(policy.annualisedStandard(input([POSTS.secretary], { rank: { level: 1, title: '第1级', monthlyPay: 400 } }))!.annual).toBe(44400);
    expect(policy.annualisedStandard(input([POSTS.clerk]))!.annual).toBe(35880);
    expect(policy.annualisedStandard(input([POSTS.clerk], { rank: { level: 1, title: '第1级', monthlyPay: 400 } }))!.annual).toBe(40200);
    expect(policy.annualisedStandard(input([POSTS.police]))!.annual).toBe(40680);
  });

  it('measures the band on the standard, not on the month’s score, awards or deductions', () => {
    const unappraised = input([POSTS.secretary], { appraisalTotal: null, deductions: [{ share: 1, period: DeductionPeriod.QUARTER, reason: 'x' }] });
    expect(policy.validate(unappraised)).toEqual([]);
  });

  it('refuses a secretary below 40,000 or above 45,000 a year, naming the band', () => {
    const low = new LongshanPayPolicy(longshanQihuaConfig.parse({ pay: { secretary: { baseMonthly: 2000 } } }));
    expect(low.validate(input([POSTS.secretary]))).toEqual([
      {
        rule: 'LONGSHAN_PAY_BAND',
        zh: '年化标准报酬35280元（（基本2000+职级40+绩效标准900）×12）低于村（社区）党组织书记年报酬区间40000–45000元',
        en: 'annualised standard pay 35280 ((base 2000 + rank 40 + performance standard 900) × 12) is below the Party secretary band 40000–45000',
      },
    ]);
    const high = new LongshanPayPolicy(longshanQihuaConfig.parse({ rank: { monthlyPayStep: 100 } }));
    // level 1 pays 1,000 a month: (2,400 + 1,000 + 900) × 12 = 51,600
    expect(high.validate(input([POSTS.secretary], { rank: { level: 1, title: '第1级', monthlyPay: 1000 } }))[0].zh).toContain('51600元');
  });

  it('refuses a full-time secretary outside 35,600–42,300 and auxiliary police below 40,000', () => {
    const low = new LongshanPayPolicy(longshanQihuaConfig.parse({ pay: { fullTimeSecretary: { baseMonthly: 2000 }, auxiliaryPolice: { performanceMonthly: 700 } } }));
    // (2,000 + 40 + 850) × 12 = 34,680 < 35,600
    expect(low.validate(input([POSTS.clerk]))[0].zh).toBe('年化标准报酬34680元（（基本2000+职级40+绩效标准850）×12）低于全职化秘书年报酬区间35600–42300元');
    // (2,500 + 40 + 700) × 12 = 38,880 < 40,000
    expect(low.validate(input([POSTS.police]))[0].zh).toContain('低于辅警年报酬区间不低于40000元');
    const rich = new LongshanPayPolicy(longshanQihuaConfig.parse({ pay: { auxiliaryPolice: { baseMonthly: 9000 } } }));
    expect(rich.validate(input([POSTS.police]))).toEqual([]);
  });

  it('pays part-time posts without rank pay and without a band', () => {
    const components = policy.components(input([POSTS.director], { appraisalTotal: 100 }));
    expect(components.map((c) => [c.kind, c.amount])).toEqual([
      [PayComponentKind.BASE, 1200],
      [PayComponentKind.PERFORMANCE, 400],
    ]);
    expect(policy.validate(input([POSTS.director]))).toEqual([]);
  });

  it('pays a cadre holding several posts by the highest (secretary before the director post)', () => {
    expect(policy.components(input([POSTS.director, POSTS.secretary]))[0]).toMatchObject({ amount: 2400, zh: '基本报酬：村党组织书记（村（社区）党组织书记）每月2400元' });
  });

  it('adds the month’s task results and awards, and deducts shares of the whole performance pay', () => {
    const components = policy.components(
      input([POSTS.clerk], {
        appraisalTotal: 80,
        items: [
          { kind: PayComponentKind.PERFORMANCE, amount: 240, rule: 'LONGSHAN_TASK_RESULT', zh: '派单', en: 'tasks' },
          { kind: PayComponentKind.AWARD, amount: 1000, rule: 'LONGSHAN_HONOUR_AWARD', zh: '荣誉', en: 'honour' },
        ],
        deductions: [{ share: 0.3, period: DeductionPeriod.MONTH, reason: '2024-03-05 年内第1次' }],
      }),
    );
    // performance 850 × 80 ÷ 100 = 680, tasks 240: 30% of 920 = 276
    expect(components.map((c) => [c.kind, c.amount, c.rule])).toEqual([
      [PayComponentKind.BASE, 2100, 'LONGSHAN_BASE_PAY'],
      [PayComponentKind.PERFORMANCE, 680, 'LONGSHAN_PERFORMANCE'],
      [PayComponentKind.RANK, 40, 'LONGSHAN_RANK_PAY'],
      [PayComponentKind.PERFORMANCE, 240, 'LONGSHAN_TASK_RESULT'],
      [PayComponentKind.AWARD, 1000, 'LONGSHAN_HONOUR_AWARD'],
      [PayComponentKind.DEDUCTION, -276, 'SANCTION_DEDUCTION'],
    ]);
  });

  it('pays no performance without an appraisal', () => {
    expect(policy.components(input([POSTS.police], { appraisalTotal: null }))[1]).toMatchObject({ kind: PayComponentKind.PERFORMANCE, amount: 0, rule: 'LONGSHAN_PERFORMANCE_NOT_APPRAISED' });
  });
});

describe('LongshanPayPolicy for a cadre not yet ranked', () => {
  it('pays (and measures the band with) the starting level 10’s rank pay', () => {
    const unranked = input([POSTS.secretary], { rank: null });
    expect(policy.components(unranked)[2]).toMatchObject({ kind: PayComponentKind.RANK, amount: 40, rule: 'LONGSHAN_RANK_PAY_UNRANKED' });
    expect(policy.annualisedStandard(unranked)!.annual).toBe(40080);
    expect(policy.validate(unranked)).toEqual([]);
  });
});

describe('payBandProblems (xz check: parameters consistent with the county’s own bands)', () => {
  it('finds nothing in the seed’s defaults', () => {
    expect(payBandProblems(config)).toEqual([]);
  });

  it('names a base pay that puts a post outside its band at every rank level (every payroll would fail)', () => {
    const problems = payBandProblems(longshanQihuaConfig.parse({ pay: { secretary: { baseMonthly: 1000 } } }));
    expect(problems).toEqual([
      {
        key: 'pay.secretary.baseMonthly',
        message:
          '村（社区）党组织书记年化标准报酬（（基本1000+职级报酬+绩效标准900）×12）在每一职级为23280–27600元，超出本县年报酬区间40000–45000元，该岗位每一次报酬核算都将被拒绝 ' +
          "(the Party secretary's annualised standard pay ((base 1000 + rank pay + performance standard 900) × 12) is 23280–27600 at every rank level, outside the county's band 40000–45000: every payroll of its holders would be refused)",
      },
    ]);
  });

  it('names the rank levels a steep rank pay puts above the band, and leaves part-time posts without a band alone', () => {
    // level L pays 100 × (11 − L): the secretary's (2,400 + rank + 900) × 12 exceeds 45,000 above 450 a month, i.e. levels 6–1
    const [problem, ...rest] = payBandProblems(longshanQihuaConfig.parse({ rank: { monthlyPayStep: 100 }, pay: { partTime: { baseMonthly: 9000 } } }));
    expect(problem.key).toBe('pay.secretary.baseMonthly');
    expect(problem.message).toContain('在第6、5、4、3、2、1级为45600–51600元');
    expect(rest.map((p) => p.key)).toEqual(['pay.fullTimeSecretary.baseMonthly']);
    // a band on part-time posts counts no rank pay
    const partTime = payBandProblems(longshanQihuaConfig.parse({ pay: { partTime: { annualMin: 30000 } } }));
    expect(partTime).toEqual([expect.objectContaining({ key: 'pay.partTime.baseMonthly', message: expect.stringContaining('在每一职级为19200元') })]);
  });
});
