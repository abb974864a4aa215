import type { SubgraphFeature } from '@xiangzhi/kernel';
import { AdvisorAssignment, LegalAdvisor, ServiceRecord } from './advisor.entity';
import { advisorReferences, AdvisorAssignmentResolver, AdvisorLoadResolver, AdvisorRegionResolver, LegalAdvisorResolver } from './advisor.resolver';

/**
 * 一村一法律顾问 legal advisors (practising-certificate number checked), their assignments to
 * villages for periods (no overlap for one advisor and village), service records, the monthly
 * report per advisor and the coverage report of a region. Extends `Region.legalAdvisors`.
 */
export const advisorFeature: SubgraphFeature = {
  entities: [LegalAdvisor, AdvisorAssignment, ServiceRecord],
  resolvers: [LegalAdvisorResolver, AdvisorAssignmentResolver, AdvisorLoadResolver, AdvisorRegionResolver],
  references: advisorReferences,
};
