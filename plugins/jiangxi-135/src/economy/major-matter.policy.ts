import { DefaultMajorMatterProcedure, type MajorMatterProcedure, type ResolutionDecision, type ResolutionFigures } from '@xiangzhi/economy-api';
import type { JiangxiEconomyConfig } from '../config';

/**
 * 四议两公开 the pilot's procedure: a contract, a distribution or a project above the county's amount
 * (default 30,000 CNY, an assumption) needs an adopted major matter of its village; quorum and
 * majority are the law's, as in the national baseline.
 */
export class JiangxiMajorMatterProcedure implements MajorMatterProcedure {
  private readonly baseline = new DefaultMajorMatterProcedure();
  private readonly threshold: bigint;

  constructor(config: JiangxiEconomyConfig) {
    this.threshold = BigInt(config.majorMatterThresholdYuan) * 100n;
  }

  thresholdFen(): bigint {
    return this.threshold;
  }

  decide(figures: ResolutionFigures): ResolutionDecision {
    return this.baseline.decide(figures);
  }
}
