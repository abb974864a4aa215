import { bindPolicy, type SubgraphFeature } from '@xiangzhi/kernel';
import { DefaultMajorMatterProcedure, majorMatterPolicyPoint } from '@xiangzhi/economy-api';
import { MajorMatter, MajorMatterStepRecord } from './major-matter.entity';
import { majorMatterReferences, MajorMatterResolver } from './major-matter.resolver';
import { MajorMatter1734000000500 } from './migrations/1734000000500-major-matter';

/** 四议两公开 major matters: proposal, the steps in order, quorum and majority by the county's procedure, the timeline, and the authorisation of contracts, distributions and projects above the threshold. */
export const majorMatterFeature: SubgraphFeature = {
  entities: [MajorMatter, MajorMatterStepRecord],
  migrations: [MajorMatter1734000000500],
  resolvers: [MajorMatterResolver],
  references: majorMatterReferences,
  defaults: [bindPolicy(majorMatterPolicyPoint, () => new DefaultMajorMatterProcedure())],
};

export { MajorMatter, MajorMatterStepRecord } from './major-matter.entity';
export { requireAdoptedMatter, type AuthorisationRequest } from './authorisation';
