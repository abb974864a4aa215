import { DayCount, DefaultDisputeEscalationPolicy, DisputeTier } from '@xiangzhi/legal-api';
import type { JiangxiLegalConfig } from '../config';

/**
 * 三源共治 分级化解 the pilot's dispute deadlines: 村矛调室“初诊” → 镇矛调中心“会诊” → 县“三源”治理中心“联诊”,
 * each tier with the county's days (defaults 3 / 7 / 15 working days, assumptions), counted like the
 * national baseline on the county's work calendar from the day after the dispute reaches the tier.
 */
export class JiangxiDisputeEscalationPolicy extends DefaultDisputeEscalationPolicy {
  constructor(config: JiangxiLegalConfig) {
    super({ [DisputeTier.VILLAGE]: config.villageDays, [DisputeTier.TOWNSHIP]: config.townshipDays, [DisputeTier.COUNTY]: config.countyDays }, DayCount.WORKING_DAYS);
  }
}
