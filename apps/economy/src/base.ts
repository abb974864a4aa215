import { bindPolicy, type SubgraphFeature } from '@xiangzhi/kernel';
import { DefaultDistributionPolicy, DefaultIncomeTargetPolicy, distributionPolicyPoint, incomeTargetPolicyPoint } from '@xiangzhi/economy-api';
import { gridsReferenceFeature } from '@xiangzhi/grids-api';
import { GridRef, gridsEntityReferences, HouseholdRef, RegionRef, ResidentRef } from './shared/grids-stubs';
import { economyOutbox } from './events/outbox';

const references = gridsReferenceFeature('economy');

/**
 * What every economy feature stands on: the event outbox and its relay, the projections of grids
 * regions and residents its writes check references against (consumers `economy-regions`,
 * `economy-residents`), the stubs of the grids entities it extends, and the national-baseline
 * implementations of its extension points.
 */
export const baseFeature: SubgraphFeature = {
  entities: [...economyOutbox.entities, ...(references.entities ?? [])],
  migrations: [...economyOutbox.migrations, ...(references.migrations ?? [])],
  jobs: economyOutbox.jobs,
  outboxes: economyOutbox.outboxes,
  consumers: references.consumers,
  orphanedTypes: [RegionRef, ResidentRef, HouseholdRef, GridRef],
  references: gridsEntityReferences,
  defaults: [
    bindPolicy(distributionPolicyPoint, () => new DefaultDistributionPolicy()),
    bindPolicy(incomeTargetPolicyPoint, () => new DefaultIncomeTargetPolicy()),
  ],
};
