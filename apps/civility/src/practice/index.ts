import type { SubgraphFeature } from '@xiangzhi/kernel';
import { civilityCounterRebuild } from './civility-counter';
import { CivilityRegionCounters1774300000200 } from './migrations/1774300000200-civility-region-counters';
import { PracticeResolver, RegionPracticeResolver, ResidentVolunteerResolver } from './practice.resolver';

/** 新时代文明实践 practice stations, monthly themes, activities, volunteer teams, volunteers and hours;
 * `Region.civility(year)` from counters kept by triggers (`civility-counter.ts`). */
export const practiceFeature: SubgraphFeature = {
  resolvers: [PracticeResolver, RegionPracticeResolver, ResidentVolunteerResolver],
  migrations: [CivilityRegionCounters1774300000200],
  counters: [civilityCounterRebuild],
};
