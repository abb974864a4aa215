import { bindPolicy, type SubgraphFeature } from '@xiangzhi/kernel';
import { DefaultLegalAidPolicy, legalAidPolicyPoint } from '@xiangzhi/legal-api';
import { LegalAidApplication } from './aid.entity';
import { aidReferences, LegalAidResidentResolver, LegalAidResolver } from './aid.resolver';

/**
 * 法律援助 applications assessed by the county's `legal.legalAid` policy (三类人员, 特困 and 低保
 * without a means test; others by income per head against the county's threshold; the fee-waived
 * notarisation and forensic catalogues), decisions with reasons. Extends `Resident.legalAidApplications`.
 */
export const aidFeature: SubgraphFeature = {
  entities: [LegalAidApplication],
  resolvers: [LegalAidResolver, LegalAidResidentResolver],
  references: aidReferences,
  defaults: [bindPolicy(legalAidPolicyPoint, () => new DefaultLegalAidPolicy())],
};
