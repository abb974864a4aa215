import type { SubgraphFeature } from '@xiangzhi/kernel';
import { Appraisal, RankChange } from './appraisal.entity';

/** 考核与职级 appraisals, annual ratings with township quotas, yearly rank review. */
export const appraisalFeature: SubgraphFeature = {
  entities: [Appraisal, RankChange],
};
