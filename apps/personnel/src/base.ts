import { bindPolicy, outboxRelayJob, type SubgraphFeature } from '@xiangzhi/kernel';
import {
  appraisalPolicyPoint,
  attendancePolicyPoint,
  DefaultAppraisalPolicy,
  DefaultAttendancePolicy,
  DefaultEligibilityPolicy,
  DefaultHonorPolicy,
  DefaultPayPolicy,
  DefaultPostTemplatePolicy,
  DefaultRankPolicy,
  eligibilityPolicyPoint,
  honorPolicyPoint,
  NoPayItemSource,
  payItemSourcePoint,
  payPolicyPoint,
  postTemplatePolicyPoint,
  rankPolicyPoint,
} from '@xiangzhi/personnel-api';
import { CreatePersonnel1732000000000 } from './migrations/1732000000000-create-personnel';
import { gridsEntityReferences, GridRef, RegionRef, ResidentRef } from './shared/grids-stubs';
import { PERSONNEL_EVENT_TABLE, PersonnelEvent } from './shared/outbox';
import './shared/enums';

/** How often the outbox relay publishes new personnel events on the event bus. */
export const EVENT_RELAY_INTERVAL_MS = 2000;

/**
 * What every personnel feature stands on: the personnel tables' migration, the event outbox and
 * its relay to the event bus, the stubs of the grids entities personnel extends, and the
 * national-baseline implementations of the seven extension points.
 */
export const baseFeature: SubgraphFeature = {
  entities: [PersonnelEvent],
  migrations: [CreatePersonnel1732000000000],
  orphanedTypes: [RegionRef, ResidentRef, GridRef],
  references: gridsEntityReferences,
  jobs: [outboxRelayJob({ table: PERSONNEL_EVENT_TABLE, intervalMs: EVENT_RELAY_INTERVAL_MS })],
  defaults: [
    bindPolicy(postTemplatePolicyPoint, () => new DefaultPostTemplatePolicy()),
    bindPolicy(eligibilityPolicyPoint, () => new DefaultEligibilityPolicy()),
    bindPolicy(attendancePolicyPoint, () => new DefaultAttendancePolicy()),
    bindPolicy(appraisalPolicyPoint, () => new DefaultAppraisalPolicy()),
    bindPolicy(payPolicyPoint, () => new DefaultPayPolicy()),
    bindPolicy(payItemSourcePoint, () => new NoPayItemSource()),
    bindPolicy(rankPolicyPoint, () => new DefaultRankPolicy()),
    bindPolicy(honorPolicyPoint, () => new DefaultHonorPolicy()),
  ],
};
