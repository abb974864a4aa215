import { bindPolicy, type SubgraphFeature } from '@xiangzhi/kernel';
import { DefaultListPolicy, DefaultPointsPolicy, DefaultStarRatingPolicy, listPolicyPoint, pointsPolicyPoint, starRatingPolicyPoint } from '@xiangzhi/civility-api';
import { gridsReferenceFeature } from '@xiangzhi/grids-api';
import { GridRef, gridsEntityReferences, HouseholdRef, RegionRef, ResidentRef } from './shared/grids-stubs';
import { civilityOutbox } from './events/outbox';
import { CreateCivility1736000000100 } from './migrations/1736000000100-create-civility';
import { HouseholdMonthPoints1736000000200 } from './migrations/1736000000200-household-month-points';

const references = gridsReferenceFeature('civility');

/**
 * What every civility feature stands on: the event outbox and its relay, the projections of grids
 * regions and residents its writes check references against (consumers `civility-regions`,
 * `civility-residents`), the civility tables, the stubs of the grids entities it extends, and the
 * national-baseline implementations of its extension points.
 */
export const baseFeature: SubgraphFeature = {
  entities: [...civilityOutbox.entities, ...(references.entities ?? [])],
  migrations: [...civilityOutbox.migrations, ...(references.migrations ?? []), CreateCivility1736000000100, HouseholdMonthPoints1736000000200],
  jobs: civilityOutbox.jobs,
  outboxes: civilityOutbox.outboxes,
  consumers: references.consumers,
  orphanedTypes: [RegionRef, ResidentRef, HouseholdRef, GridRef],
  references: gridsEntityReferences,
  defaults: [
    bindPolicy(pointsPolicyPoint, () => new DefaultPointsPolicy()),
    bindPolicy(listPolicyPoint, () => new DefaultListPolicy()),
    bindPolicy(starRatingPolicyPoint, () => new DefaultStarRatingPolicy()),
  ],
};
