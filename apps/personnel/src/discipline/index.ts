import type { SubgraphFeature } from '@xiangzhi/kernel';
import { DisciplinarySanction } from './discipline.entity';
import { CadreDisciplineResolver, DisciplineResolver } from './discipline.resolver';
import { DisciplinarySanction1733030000000 } from './migrations/1733030000000-disciplinary-sanction';

/** 党纪政务处分 disciplinary sanctions recorded on cadres, read by the honour and eligibility rules. */
export const disciplineFeature: SubgraphFeature = {
  entities: [DisciplinarySanction],
  migrations: [DisciplinarySanction1733030000000],
  resolvers: [DisciplineResolver, CadreDisciplineResolver],
};

export { DisciplinarySanction } from './discipline.entity';
