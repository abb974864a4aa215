import type { SubgraphFeature } from '@xiangzhi/kernel';
import { CreateCollectiveOrganization1734000000100 } from './migrations/1734000000100-create-organization';
import { CollectiveOrganization } from './organization.entity';
import { CollectiveOrganizationResolver, OrganizationRegionResolver, organizationReferences } from './organization.resolver';

/**
 * 村集体经济组织 collective economic organisations: registration with a checked credit code,
 * sub-organisations after a merger (四不变), lists by region, `Region.collectiveOrganizations`, and
 * `CollectiveOrganization` as a federated entity.
 */
export const organizationFeature: SubgraphFeature = {
  entities: [CollectiveOrganization],
  migrations: [CreateCollectiveOrganization1734000000100],
  resolvers: [CollectiveOrganizationResolver, OrganizationRegionResolver],
  references: organizationReferences,
};

export { CollectiveOrganization, CollectiveOrganizationConnection } from './organization.entity';
export { onOrganizationRegistered, ORGANISATION, readableOrganization, requireCreditCode, runRegistrationHooks } from './organization.service';
export { organizationLoader, organizationsByRegionLoader } from './organization.loaders';
