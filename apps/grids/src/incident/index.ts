import { DefaultEscalationPolicy, escalationPolicyPoint } from '@xiangzhi/grids-api';
import { bindPolicy, type SubgraphFeature } from '@xiangzhi/kernel';
import { Incident, IncidentHistoryEntry } from './incident.entity';
import { RegionIncidentHandlingResolver } from './incident-handling';
import { IncidentHistoryResolver, IncidentResolver, RegionIncidentStatsResolver, incidentReferences } from './incident.resolver';
import { escalateOverdue } from './incident.service';
import { CreateIncidents1731000100000 } from './migrations/1731000100000-create-incidents';
import { IncidentCategoriesAssignees1731000100001 } from './migrations/1731000100001-incident-categories-assignees';
import { IncidentCounters1774300000000 } from './migrations/1774300000000-incident-counters';
import { IncidentHandlingCounters1774800000000 } from './migrations/1774800000000-incident-handling-counters';
import { IncidentOverdueIndex1774800000001 } from './migrations/1774800000001-incident-overdue-index';
import { incidentHandlingCounterRebuild } from './incident-handling-counter';
import { incidentCounterRebuild } from './incident-counter';

/** How often the overdue-escalation job runs. */
export const ESCALATE_OVERDUE_INTERVAL_MS = 5 * 60 * 1000;

/**
 * 事件 the incident feature of the grids subgraph: resident requests (群众点单), grid patrol reports
 * and hotline cases through an enforced state machine with a full history, optimistic concurrency,
 * tiered escalation (村初诊 → 乡镇会诊 → 县联诊) decided per county by the EscalationPolicy
 * (national baseline: 3, 7 and 15 days), a job escalating overdue incidents, open-incident
 * counts on `RegionStats` (counters kept by triggers, `incident-counter.ts`), and
 * `Region.incidentHandling` (this year's handling, which other subgraphs may `@requires`).
 */
export const incidentFeature: SubgraphFeature = {
  entities: [Incident, IncidentHistoryEntry],
  migrations: [CreateIncidents1731000100000, IncidentCategoriesAssignees1731000100001, IncidentCounters1774300000000, IncidentHandlingCounters1774800000000, IncidentOverdueIndex1774800000001],
  counters: [incidentCounterRebuild, incidentHandlingCounterRebuild],
  resolvers: [IncidentResolver, IncidentHistoryResolver, RegionIncidentStatsResolver, RegionIncidentHandlingResolver],
  references: incidentReferences,
  defaults: [bindPolicy(escalationPolicyPoint, () => new DefaultEscalationPolicy())],
  jobs: [{ name: 'escalate-overdue', intervalMs: ESCALATE_OVERDUE_INTERVAL_MS, run: escalateOverdue }],
};

export { Incident, IncidentAssignee, IncidentAssigneeKind, IncidentHistoryAction, IncidentHistoryEntry, IncidentSource } from './incident.entity';
export { ACTION_TARGET, IncidentAction, IncidentStatus, OPEN_STATUSES, allowedActions, isOpen, nextStatus, transition } from './incident-state';
export { CADRE_ROLES, SYSTEM_ACTOR, TIER_HANDLERS, canSeeIncident, escalateOverdue, incidentLoader, readableIncident } from './incident.service';
export { openIncidentsLoader } from './incident.resolver';
export { IncidentHandling, chinaYearBounds, incidentHandlingLoader } from './incident-handling';
