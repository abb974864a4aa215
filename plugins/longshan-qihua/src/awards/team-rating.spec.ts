import { longshanQihuaConfig } from '../config';
import { honourAmountViolations, paidBeforeYear } from './award-rules';
import { firstClassQuota, rankTeams, TEAM_TIE_BREAK } from './team-rating';

describe('一类班子 (first-class teams)', () => {
  const { firstClassShare, firstClassMinimum } = longshanQihuaConfig.parse({}).awards;

  it('names the top 10% of the rated villages, rounded down', () => {
    expect(firstClassShare).toBe(0.1);
    expect(firstClassQuota(397, firstClassShare, firstClassMinimum)).toBe(39);
    expect(firstClassQuota(20, firstClassShare, firstClassMinimum)).toBe(2);
    expect(firstClassQuota(19, firstClassShare, firstClassMinimum)).toBe(1);
    expect(firstClassQuota(100, 0.29, 0)).toBe(29);
  });

  it('names at least one when any village is rated, and none when none is', () => {
    expect(firstClassQuota(3, firstClassShare, firstClassMinimum)).toBe(1);
    expect(firstClassQuota(3, firstClassShare, 0)).toBe(0);
    expect(firstClassQuota(0, firstClassShare, firstClassMinimum)).toBe(0);
    expect(firstClassQuota(2, firstClassShare, 5)).toBe(2);
  });

  it('ranks by average, best first; equal averages: more rated cadres first, then village-code order', () => {
    const villages = Array.from({ length: 12 }, (_, i) => ({ villageCode: `4331301012${String(i).padStart(2, '0')}`, average: 70 + i, cadres: 3 }));
    villages.push({ villageCode: '433130101199', average: 81, cadres: 2 });
    const { quota, ranked } = rankTeams(villages, 0.1, 1);
    expect(quota).toBe(1);
    expect(ranked.slice(0, 3).map((v) => [v.villageCode, v.average, v.rank, v.firstClass])).toEqual([
      ['433130101211', 81, 1, true],
      ['433130101199', 81, 2, false],
      ['433130101210', 80, 3, false],
    ]);
  });

  it('states the tie-break and names the villages tied at the quota’s edge (none when the edge is clear)', () => {
    expect(TEAM_TIE_BREAK).toEqual({
      rule: 'LONGSHAN_TEAM_TIE_MORE_CADRES',
      zh: '平均分相同时，参评干部人数多者在前；人数也相同时按村（社区）区划代码顺序',
      en: 'equal averages: the team with more rated cadres first; with as many, by village division code',
    });
    const villages = [
      { villageCode: '433130101201', average: 88, cadres: 3 },
      { villageCode: '433130101202', average: 88, cadres: 5 },
      { villageCode: '433130101203', average: 88, cadres: 3 },
      ...Array.from({ length: 7 }, (_, i) => ({ villageCode: `4331301013${String(i).padStart(2, '0')}`, average: 70, cadres: 3 })),
    ];
    const { quota, tie } = rankTeams(villages, 0.1, 1);
    expect(quota).toBe(1);
    expect(tie).toEqual({
      average: 88,
      places: 1,
      tied: [
        { villageCode: '433130101202', average: 88, cadres: 5, rank: 1, firstClass: true },
        { villageCode: '433130101201', average: 88, cadres: 3, rank: 2, firstClass: false },
        { villageCode: '433130101203', average: 88, cadres: 3, rank: 3, firstClass: false },
      ],
    });
    expect(rankTeams([villages[0], ...villages.slice(3)], 0.1, 1).tie).toBeNull();
  });
});

describe('有荣誉 honour award amounts', () => {
  const awards = longshanQihuaConfig.parse({}).awards;

  it('accepts 3,000 to 50,000 per honour and refuses anything outside', () => {
    expect(honourAmountViolations(3000, awards)).toEqual([]);
    expect(honourAmountViolations(50000, awards)).toEqual([]);
    expect(honourAmountViolations(2999.99, awards)).toEqual([{ rule: 'LONGSHAN_HONOUR_AMOUNT', zh: '每项荣誉奖励须在3000–50000元之间（申报2999.99元）', en: 'an honour award must lie within 3000–50000 (given 2999.99)' }]);
    expect(honourAmountViolations(50000.01, awards).map((v) => v.rule)).toEqual(['LONGSHAN_HONOUR_AMOUNT']);
  });

  it('does not pay a yearly award before its year', () => {
    expect(paidBeforeYear('2024-01', 2024)).toBeNull();
    expect(paidBeforeYear('2023-12', 2024)).not.toBeNull();
  });
});
