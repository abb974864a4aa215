import { bindPolicy, type SubgraphFeature } from '@xiangzhi/kernel';
import { disputesExport } from './dispute.export';
import { DefaultDisputeEscalationPolicy, disputeEscalationPolicyPoint } from '@xiangzhi/legal-api';
import { Dispute, DisputeEscalation, DisputeParty, Mediation } from './dispute.entity';
import { DisputeIncidentResolver, DisputePartyResolver, DisputeRegionResolver, DisputeResidentResolver, DisputeResolver, disputeReferences, IncidentRef } from './dispute.resolver';
import { ESCALATE_OVERDUE_DISPUTES_JOB, escalateOverdueDisputes } from './dispute.service';

/** How often the overdue-escalation job runs (hourly: deadlines are days). */
export const ESCALATE_OVERDUE_DISPUTES_INTERVAL_MS = 3_600_000;

/**
 * 矛盾纠纷 disputes with parties, mediation sessions and agreements, the tiers 初诊 → 会诊 → 联诊
 * with the county's `legal.escalation` policy and the job escalating overdue disputes, outcomes,
 * and the link to a grids incident taken over (`Incident.dispute`). Extends `Region.disputes`,
 * `Resident.disputes`.
 */
export const disputeFeature: SubgraphFeature = {
  entities: [Dispute, DisputeParty, Mediation, DisputeEscalation],
  exports: [disputesExport],
  resolvers: [DisputeResolver, DisputePartyResolver, DisputeRegionResolver, DisputeResidentResolver, DisputeIncidentResolver],
  orphanedTypes: [IncidentRef],
  references: disputeReferences,
  defaults: [bindPolicy(disputeEscalationPolicyPoint, () => new DefaultDisputeEscalationPolicy())],
  jobs: [{ name: ESCALATE_OVERDUE_DISPUTES_JOB, intervalMs: ESCALATE_OVERDUE_DISPUTES_INTERVAL_MS, run: escalateOverdueDisputes }],
};

export { ESCALATE_OVERDUE_DISPUTES_JOB } from './dispute.service';
export { Dispute, DisputeOutcome, DisputeStatus } from './dispute.entity';
