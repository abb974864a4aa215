import { Rating } from '@xiangzhi/personnel-api';
import { longshanQihuaConfig } from '../config';
import { LongshanRankPolicy } from './rank.policy';

describe('LongshanRankPolicy', () => {
  const policy = new LongshanRankPolicy(longshanQihuaConfig.parse({}));

  it('has 10 levels, lowest (10) first, rank pay rising 40 a month with each level', () => {
    const levels = policy.levels();
    expect(levels.map((l) => l.level)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(levels.map((l) => l.monthlyPay)).toEqual([40, 80, 120, 160, 200, 240, 280, 320, 360, 400]);
    expect(levels[0].title).toBe('第10级');
    for (let i = 1; i < levels.length; i += 1) expect(levels[i].monthlyPay).toBeGreaterThan(levels[i - 1].monthlyPay);
  });

  it('starts new appointees at level 10', () => {
    expect(policy.initialLevel()).toBe(10);
  });

  it('moves one level up for 优秀, one down for 不称职, and keeps it otherwise', () => {
    expect(policy.review({ currentLevel: 10, rating: Rating.EXCELLENT })).toMatchObject({ level: 9, rule: 'LONGSHAN_RANK_UP', zh: '年度优秀，晋升一级（第10级→第9级）' });
    expect(policy.review({ currentLevel: 5, rating: Rating.INCOMPETENT })).toMatchObject({ level: 6, rule: 'LONGSHAN_RANK_DOWN' });
    expect(policy.review({ currentLevel: 5, rating: Rating.COMPETENT })).toMatchObject({ level: 5, rule: 'LONGSHAN_RANK_KEPT' });
    expect(policy.review({ currentLevel: 5, rating: Rating.BASIC })).toMatchObject({ level: 5, rule: 'LONGSHAN_RANK_KEPT' });
    expect(policy.review({ currentLevel: 5, rating: null })).toMatchObject({ level: 5, rule: 'LONGSHAN_RANK_NOT_RATED' });
  });

  it('never goes above level 1 nor below level 10', () => {
    expect(policy.review({ currentLevel: 1, rating: Rating.EXCELLENT })).toMatchObject({ level: 1, rule: 'LONGSHAN_RANK_TOP' });
    expect(policy.review({ currentLevel: 10, rating: Rating.INCOMPETENT })).toMatchObject({ level: 10, rule: 'LONGSHAN_RANK_BOTTOM' });
    expect(policy.review({ currentLevel: 14, rating: Rating.COMPETENT }).level).toBe(10);
  });

  it('takes a county’s own step and ratings', () => {
    const tuned = new LongshanRankPolicy(longshanQihuaConfig.parse({ rank: { monthlyPayStep: 30, promoteOn: [Rating.EXCELLENT, Rating.COMPETENT], demoteOn: [Rating.BASIC, Rating.INCOMPETENT] } }));
    expect(tuned.levels().map((l) => l.monthlyPay).slice(0, 2)).toEqual([30, 60]);
    expect(tuned.review({ currentLevel: 6, rating: Rating.COMPETENT }).level).toBe(5);
    expect(tuned.review({ currentLevel: 6, rating: Rating.BASIC }).level).toBe(7);
  });
});
