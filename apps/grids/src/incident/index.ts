import { DefaultEscalationPolicy, escalationPolicyPoint } from '@xiangzhi/grids-api';
import { bindPolicy, type SubgraphFeature } from '@xiangzhi/kernel';
import { Incident, IncidentHistoryEntry } from './incident.entity';
import { IncidentResolver, RegionIncidentStatsResolver } from './incident.resolver';
import { escalateOverdue } from './incident.service';
import { CreateIncidents1731000100000 } from './migrations/1731000100000-create-incidents';

/**
 * 事件 the incident feature of the grids subgraph: resident requests, patrol reports and hotline
 * cases through an enforced state machine, with tiered escalation (村初诊 → 乡镇会诊 → 县联诊)
 * decided by the county's EscalationPolicy and a job escalating overdue incidents.
 */
export const incidentFeature: SubgraphFeature = {
  entities: [Incident, IncidentHistoryEntry],
  migrations: [CreateIncidents1731000100000],
  resolvers: [IncidentResolver, RegionIncidentStatsResolver],
  defaults: [bindPolicy(escalationPolicyPoint, () => new DefaultEscalationPolicy())],
  jobs: [{ name: 'escalate-overdue', intervalMs: 5 * 60 * 1000, run: escalateOverdue }],
};

export { Incident, IncidentHistoryEntry, IncidentSource } from './incident.entity';
export { IncidentAction, IncidentStatus, OPEN_STATUSES, allowedActions, nextStatus, transition } from './incident-state';
