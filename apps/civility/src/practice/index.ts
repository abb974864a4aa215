import type { SubgraphFeature } from '@xiangzhi/kernel';
import { PracticeResolver, RegionPracticeResolver, ResidentVolunteerResolver } from './practice.resolver';

/** 新时代文明实践 practice stations, monthly themes, activities, volunteer teams, volunteers and hours. */
export const practiceFeature: SubgraphFeature = {
  resolvers: [PracticeResolver, RegionPracticeResolver, ResidentVolunteerResolver],
};
