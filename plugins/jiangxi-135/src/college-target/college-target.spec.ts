import { jiangxi135Config } from '../config';
import { collegeProgress } from './college-target';

const config = jiangxi135Config.parse({}).collegeTarget;

describe('collegeProgress (三年内大专以上学历村干部占比达到70%以上)', () => {
  it('targets 70% by 2026 (the pilot’s 2023 plus three years)', () => {
    expect(config).toEqual({ targetShare: 0.7, deadlineYear: 2026 });
  });

  it('meets the target at exactly 70%: 7 of 10 college-educated cadres', () => {
    expect(collegeProgress('360722101000', 10, 7, config)).toEqual({
      townshipCode: '360722101000',
      servingCadres: 10,
      collegeCadres: 7,
      share: 0.7,
      target: 0.7,
      met: true,
      shortfall: 0,
    });
  });

  it('misses it at 6 of 10 (one short) and at 13 of 20 (one short), counting whole people', () => {
    expect(collegeProgress('t', 10, 6, config)).toMatchObject({ share: 0.6, met: false, shortfall: 1 });
    expect(collegeProgress('t', 20, 13, config)).toMatchObject({ share: 0.65, met: false, shortfall: 1 });
    // 70% of 3 is 2.1: three of three are needed
    expect(collegeProgress('t', 3, 2, config)).toMatchObject({ share: 0.6667, met: false, shortfall: 1 });
  });

  it('does not count a township without serving cadres as meeting it', () => {
    expect(collegeProgress('t', 0, 0, config)).toMatchObject({ share: 0, met: false, shortfall: 0 });
  });

  it('takes a county’s own share', () => {
    const tuned = jiangxi135Config.parse({ collegeTarget: { targetShare: 0.6, deadlineYear: 2027 } }).collegeTarget;
    expect(collegeProgress('t', 10, 6, tuned)).toMatchObject({ met: true, target: 0.6 });
  });
});
