import { jiangxi135Config } from '../config';
import { JiangxiGridWorkerTier, JiangxiGridWorkerTiers } from './grid-worker-tiers';

describe('JiangxiGridWorkerTiers (差异化补贴、优秀奖励、不胜任调整)', () => {
  const tiers = new JiangxiGridWorkerTiers(jiangxi135Config.parse({}).gridWorkerAppraisal);
  const of = (score: number) => {
    const d = tiers.decide(score);
    return [d.tier, d.allowance, d.award, d.needsAdjustment];
  };

  it('rates 90 and above excellent: 3,600 allowance and a 1,000 award', () => {
    expect(of(90)).toEqual([JiangxiGridWorkerTier.EXCELLENT, 3600, 1000, false]);
    expect(of(100)).toEqual([JiangxiGridWorkerTier.EXCELLENT, 3600, 1000, false]);
    expect(tiers.decide(92).zh).toBe('考核92分（≥90）为优秀：全年工作补贴3600元，另给予奖励1000元');
  });

  it('rates 70–89.9 competent (3,000) and 60–69.9 basically competent (1,800)', () => {
    expect(of(89.9)).toEqual([JiangxiGridWorkerTier.COMPETENT, 3000, 0, false]);
    expect(of(70)).toEqual([JiangxiGridWorkerTier.COMPETENT, 3000, 0, false]);
    expect(of(69.9)).toEqual([JiangxiGridWorkerTier.BASIC, 1800, 0, false]);
    expect(of(60)).toEqual([JiangxiGridWorkerTier.BASIC, 1800, 0, false]);
  });

  it('rates below 60 incompetent: no allowance, flagged for adjustment', () => {
    expect(of(59.9)).toEqual([JiangxiGridWorkerTier.INCOMPETENT, 0, 0, true]);
    expect(of(0)).toEqual([JiangxiGridWorkerTier.INCOMPETENT, 0, 0, true]);
    expect(tiers.decide(50).en).toContain('to be adjusted');
  });

  it('takes a county’s own thresholds and amounts, and refuses thresholds out of order', () => {
    const tuned = new JiangxiGridWorkerTiers(jiangxi135Config.parse({ gridWorkerAppraisal: { excellentMin: 95, basicMin: 50, basicAllowance: 1000 } }).gridWorkerAppraisal);
    expect(tuned.decide(92).tier).toBe(JiangxiGridWorkerTier.COMPETENT);
    expect(tuned.decide(55)).toMatchObject({ tier: JiangxiGridWorkerTier.BASIC, allowance: 1000 });
    expect(() => jiangxi135Config.parse({ gridWorkerAppraisal: { competentMin: 95 } })).toThrow(/thresholds must fall/);
  });
});
