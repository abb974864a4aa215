import type { SubgraphFeature } from '@xiangzhi/kernel';
import { Cadre, Talent, TrainingRecord } from './cadre.entity';
import { CadreResolver, TalentResolver, cadreReferences } from './cadre.resolver';
import { CadreNameSearch1733060000000 } from './migrations/1733060000000-cadre-name-search';
import { CadreRegionResolver, CadreResidentResolver } from './region-cadre.resolver';

/** 干部 cadres: records, eligibility and appointment, discharge and honours, training, talent pool. */
export const cadreFeature: SubgraphFeature = {
  entities: [Cadre, TrainingRecord, Talent],
  resolvers: [CadreResolver, TalentResolver, CadreRegionResolver, CadreResidentResolver],
  references: cadreReferences,
  migrations: [CadreNameSearch1733060000000],
};

export { Cadre, CadreStatus, Gender, Talent, TalentKind, TalentStatus, TrainingRecord } from './cadre.entity';
export { CadreStats, DepartureHonor } from './cadre.types';
export { cadresByRegionLoader, cadreStatsLoader } from './cadre.loaders';
export { todayInChina } from './today';
