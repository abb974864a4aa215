import { DefaultDisputeEscalationPolicy, DisputeCategory, DisputeTier } from '@xiangzhi/legal-api';
import { jiangxi135Config } from '../config';
import { JiangxiDisputeEscalationPolicy } from './escalation.policy';

describe('jiangxi-135 三源共治 deadlines', () => {
  const policy = new JiangxiDisputeEscalationPolicy(jiangxi135Config.parse({}).legal);

  it('gives 初诊 3, 会诊 7 and 联诊 15 working days (the baseline: 7, 15, 30)', () => {
    const baseline = new DefaultDisputeEscalationPolicy();
    expect([DisputeTier.VILLAGE, DisputeTier.TOWNSHIP, DisputeTier.COUNTY].map((t) => policy.daysFor(t, DisputeCategory.LAND))).toEqual([3, 7, 15]);
    expect([DisputeTier.VILLAGE, DisputeTier.TOWNSHIP, DisputeTier.COUNTY].map((t) => baseline.daysFor(t, DisputeCategory.LAND))).toEqual([7, 15, 30]);
    expect(policy.nextTier(DisputeTier.TOWNSHIP)).toBe(DisputeTier.COUNTY);
    expect(policy.nextTier(DisputeTier.COUNTY)).toBeNull();
  });

  it('refuses a higher tier with fewer days than a lower one', () => {
    expect(() => jiangxi135Config.parse({ legal: { villageDays: 10, townshipDays: 5 } })).toThrow(/villageDays ≤ townshipDays ≤ countyDays/);
  });
});
