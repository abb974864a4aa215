import { DefaultMajorMatterProcedure, type MajorMatterProcedure } from '@xiangzhi/economy-api';
import { jiangxi135Config } from '../config';
import { JiangxiMajorMatterProcedure } from './major-matter.policy';

describe('jiangxi-135 四议两公开', () => {
  const procedure: MajorMatterProcedure = new JiangxiMajorMatterProcedure(jiangxi135Config.parse({}).economy);

  it('needs an adopted matter above 30,000 CNY (the baseline: 50,000)', () => {
    expect(procedure.thresholdFen('CONTRACT')).toBe(3_000_000n);
    expect(new DefaultMajorMatterProcedure().thresholdFen()).toBe(5_000_000n);
  });

  it('keeps the law’s quorum and majority', () => {
    expect(procedure.decide({ membersEntitled: 40, attendance: 20, votesFor: 20, votesAgainst: 0, votesAbstain: 0 })).toMatchObject({ quorate: false, rule: 'QUORUM_NOT_MET' });
    expect(procedure.decide({ membersEntitled: 40, attendance: 30, votesFor: 16, votesAgainst: 14, votesAbstain: 0 })).toMatchObject({ adopted: true, rule: 'ADOPTED' });
  });
});
