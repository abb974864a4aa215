import type { SubgraphFeature } from '@xiangzhi/kernel';
import { Cadre, Talent, TrainingRecord } from './cadre.entity';
import { CadreResolver } from './cadre.resolver';

/** 干部 cadres: records, eligibility and appointment, discharge and honours, training, talent pool. */
export const cadreFeature: SubgraphFeature = {
  entities: [Cadre, TrainingRecord, Talent],
  resolvers: [CadreResolver],
};

export { Cadre, CadreStatus, Gender, Talent, TalentKind, TalentStatus, TrainingRecord } from './cadre.entity';
