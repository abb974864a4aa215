import { Rating } from './common';
import { BASELINE_RANKS, DefaultRankPolicy, rankPolicyPoint } from './rank';

describe('DefaultRankPolicy (职级评定)', () => {
  const policy = new DefaultRankPolicy();

  it('is the personnel.rank extension point', () => {
    expect(rankPolicyPoint.id).toBe('personnel.rank');
  });

  it('has six levels, lowest (6) first, paying 100 yuan a month more per level above 6', () => {
    expect(policy.levels()).toEqual([
      { level: 6, title: '六级', monthlyPay: 0 },
      { level: 5, title: '五级', monthlyPay: 100 },
      { level: 4, title: '四级', monthlyPay: 200 },
      { level: 3, title: '三级', monthlyPay: 300 },
      { level: 2, title: '二级', monthlyPay: 400 },
      { level: 1, title: '一级', monthlyPay: 500 },
    ]);
    expect(policy.initialLevel()).toBe(6);
  });

  it('returns copies of the levels', () => {
    policy.levels()[0].monthlyPay = 999;
    expect(BASELINE_RANKS[0].monthlyPay).toBe(0);
    expect(policy.levels()[0].monthlyPay).toBe(0);
  });

  it('moves 优秀 one level up and 不称职 one level down', () => {
    expect(policy.review({ currentLevel: 6, rating: Rating.EXCELLENT })).toEqual({ level: 5, rule: 'RANK_UP_EXCELLENT', zh: '年度优秀，晋升一级（6→5级）', en: 'rated excellent: up one level (6 → 5)' });
    expect(policy.review({ currentLevel: 2, rating: Rating.EXCELLENT })).toEqual(expect.objectContaining({ level: 1, rule: 'RANK_UP_EXCELLENT' }));
    expect(policy.review({ currentLevel: 3, rating: Rating.INCOMPETENT })).toEqual({ level: 4, rule: 'RANK_DOWN_INCOMPETENT', zh: '年度不称职，降低一级（3→4级）', en: 'rated incompetent: down one level (3 → 4)' });
    expect(policy.review({ currentLevel: 5, rating: Rating.INCOMPETENT })).toEqual(expect.objectContaining({ level: 6, rule: 'RANK_DOWN_INCOMPETENT' }));
  });

  it('keeps the level for 称职, 基本称职 and an unrated year', () => {
    expect(policy.review({ currentLevel: 4, rating: Rating.COMPETENT })).toEqual({ level: 4, rule: 'RANK_KEPT', zh: '年度称职，职级不变', en: 'rated competent: level unchanged' });
    expect(policy.review({ currentLevel: 4, rating: Rating.BASIC })).toEqual({ level: 4, rule: 'RANK_KEPT', zh: '年度基本称职，职级不变', en: 'rated basically competent: level unchanged' });
    expect(policy.review({ currentLevel: 4, rating: null })).toEqual({ level: 4, rule: 'RANK_NOT_RATED', zh: '本年度未评定等次，职级不变', en: 'not rated this year: level unchanged' });
  });

  it('stops at the limits: 优秀 at level 1 and 不称职 at level 6 keep the level', () => {
    expect(policy.review({ currentLevel: 1, rating: Rating.EXCELLENT })).toEqual({ level: 1, rule: 'RANK_KEPT', zh: '年度优秀，职级不变', en: 'rated excellent: level unchanged' });
    expect(policy.review({ currentLevel: 6, rating: Rating.INCOMPETENT })).toEqual({ level: 6, rule: 'RANK_KEPT', zh: '年度不称职，职级不变', en: 'rated incompetent: level unchanged' });
  });

  it('stays within the defined levels over any sequence of reviews', () => {
    const defined = new Set(policy.levels().map((l) => l.level));
    let level = policy.initialLevel();
    const ratings = [Rating.EXCELLENT, Rating.EXCELLENT, Rating.EXCELLENT, Rating.EXCELLENT, Rating.EXCELLENT, Rating.EXCELLENT, Rating.EXCELLENT];
    for (const rating of ratings) level = policy.review({ currentLevel: level, rating }).level;
    expect(level).toBe(1);
    for (let i = 0; i < 8; i++) {
      level = policy.review({ currentLevel: level, rating: Rating.INCOMPETENT }).level;
      expect(defined.has(level)).toBe(true);
    }
    expect(level).toBe(6);
  });
});
