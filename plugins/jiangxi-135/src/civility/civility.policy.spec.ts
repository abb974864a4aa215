import { DefaultListPolicy, type HouseholdMonthFacts } from '@xiangzhi/civility-api';
import { jiangxi135Config } from '../config';
import { civilityProblems, JiangxiListPolicy, JiangxiPointsPolicy } from './civility.policy';

const config = jiangxi135Config.parse({}).civility;
const h = (householdId: string, points: number, deductions: HouseholdMonthFacts['deductions'] = []): HouseholdMonthFacts => ({ householdId, points, deductions });

describe('jiangxi-135 civility policies', () => {
  it('adds the 520 civilisation market and the 移风易俗 rules to the catalogue', () => {
    const additions = new JiangxiPointsPolicy(config).catalogueAdditions();
    expect(additions.find((a) => a.code === 'JX-520-MARKET')).toEqual({ code: 'JX-520-MARKET', description: '参加“520文明集市”志愿服务（每次）', points: 5, evidenceRequired: false, monthlyCap: 20, articleRef: null });
    expect(additions.filter((a) => a.points < 0).map((a) => a.code)).toEqual(['JX-BAD-LAVISH', 'JX-BAD-VICE', 'JX-BAD-SUPERSTITION']);
  });

  it('puts a household on the black list for any 封建迷信 deduction, which the baseline would not', () => {
    const households = [
      h('h1', 30),
      h('h2', -5, [{ ruleCode: 'JX-BAD-SUPERSTITION', total: -5, largest: -5 }]),
      h('h3', -5, [{ ruleCode: 'LITTERING', total: -5, largest: -5 }]),
      h('h4', -12, [{ ruleCode: 'LITTERING', total: -12, largest: -12 }]),
    ];
    const input = { villageCode: '360722101200', month: '2026-05', households };
    expect(new DefaultListPolicy().compile(input).black.map((b) => b.householdId)).toEqual(['h4']);
    expect(new JiangxiListPolicy(config).compile(input)).toEqual({
      red: [{ householdId: 'h1', points: 30, rank: 1 }],
      black: [
        { householdId: 'h2', ruleCode: 'JX-BAD-SUPERSTITION', points: -5 },
        { householdId: 'h4', ruleCode: 'LITTERING', points: -12 },
      ],
    });
  });

  it('reports a cap below a rule’s own points and a black-list rule that earns points', () => {
    expect(civilityProblems(config)).toEqual([]);
    const bad = jiangxi135Config.parse({
      civility: {
        additions: [{ code: 'JX-X', description: '测试', points: 10, evidenceRequired: false, monthlyCap: 5, articleRef: null }],
        blackListRules: ['JX-X'],
      },
    }).civility;
    expect(civilityProblems(bad).map((p) => p.key)).toEqual(['civility.additions.0.monthlyCap', 'civility.blackListRules.0']);
  });
});
