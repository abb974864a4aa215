import { PayComponentKind } from '@xiangzhi/personnel-api';
import { LongshanAwardKind } from '../awards/award.entity';
import { awardItems, taskResultItems } from './pay-items';

describe('dispatched-task results', () => {
  const tasks = [
    { id: 't1', title: '排查', score: 90, cadreIds: [] },
    { id: 't2', title: '台账', score: 70, cadreIds: ['a'] },
  ];

  it('pays each cadre reward × the average score of their assessed tasks ÷ 100', () => {
    const items = taskResultItems(tasks, ['a', 'b'], 300);
    // a: tasks 90 and 70, average 80 → 240; b: the team task only, 90 → 270
    expect(items.get('a')).toEqual([
      { kind: PayComponentKind.PERFORMANCE, amount: 240, rule: 'LONGSHAN_TASK_RESULT', zh: '派单考核：本月2项任务平均80分，奖励标准300元×80÷100', en: 'dispatched tasks: 2 assessed this month, average 80; reward 300 × 80 ÷ 100' },
    ]);
    expect(items.get('b')![0].amount).toBe(270);
  });

  it('gives nothing to a cadre without an assessed task', () => {
    expect(taskResultItems([tasks[1]], ['a', 'b'], 300).has('b')).toBe(false);
    expect(taskResultItems([], ['a'], 300).size).toBe(0);
  });
});

describe('award split', () => {
  it('splits an award equally among the cadres paid, to the fen, adding up exactly', () => {
    const items = awardItems([{ id: 'w', kind: LongshanAwardKind.FIRST_CLASS_TEAM, year: 2024, title: '2024年度一类班子', amount: 10000 }], ['a', 'b', 'c']);
    const shares = ['a', 'b', 'c'].map((id) => items.get(id)![0].amount);
    expect(shares).toEqual([3333.34, 3333.33, 3333.33]);
    expect(Math.round(shares.reduce((s, x) => s + x, 0) * 100)).toBe(1_000_000);
    expect(items.get('b')![0]).toMatchObject({ kind: PayComponentKind.AWARD, rule: 'LONGSHAN_FIRST_CLASS_AWARD', zh: '2024年度一类班子奖励：奖励10000元，本月3名干部平分，每人3333.33元' });
  });

  it('names the kind of award', () => {
    const items = awardItems(
      [
        { id: 'h', kind: LongshanAwardKind.HONOUR, year: 2024, title: '省级文明村', amount: 3000 },
        { id: 't', kind: LongshanAwardKind.TEN_NO, year: 2023, title: '2023年度实现"十无"目标', amount: 10000 },
      ],
      ['a', 'b'],
    );
    expect(items.get('a')!.map((i) => [i.rule, i.amount])).toEqual([
      ['LONGSHAN_HONOUR_AWARD', 1500],
      ['LONGSHAN_TEN_NO_AWARD', 5000],
    ]);
    expect(awardItems([{ id: 'h', kind: LongshanAwardKind.HONOUR, year: 2024, title: 'x', amount: 3000 }], []).size).toBe(0);
  });
});
