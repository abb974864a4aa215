import { type SubgraphFeature } from '@xiangzhi/kernel';
import { gridsReferenceFeature } from '@xiangzhi/grids-api';
import { legalOutbox } from './events/outbox';
import { CreateLegal1735000000100 } from './migrations/1735000000100-create-legal';
import { LegalGrid, LegalHousehold, LegalRegion, LegalResident, legalStubReferences } from './shared/stubs';

const references = gridsReferenceFeature('legal');

/**
 * What every legal feature stands on: the event outbox and its relay, the projections of grids
 * regions and residents its writes check references against (consumers `legal-regions`,
 * `legal-residents`), legal's own stubs of the grids entities it extends (`shared/stubs.ts`).
 */
export const baseFeature: SubgraphFeature = {
  entities: [...legalOutbox.entities, ...(references.entities ?? [])],
  migrations: [...legalOutbox.migrations, ...(references.migrations ?? []), CreateLegal1735000000100],
  jobs: legalOutbox.jobs,
  outboxes: legalOutbox.outboxes,
  consumers: references.consumers,
  orphanedTypes: [LegalRegion, LegalResident, LegalHousehold, LegalGrid],
  references: legalStubReferences,
  defaults: [],
};
