import type { SubgraphFeature } from '@xiangzhi/kernel';
import { Appraisal, RankChange } from './appraisal.entity';
import { AppraisalResolver, CadreAppraisalResolver } from './appraisal.resolver';
import { CadreRankResolver, RankChangeResolver } from './rank.resolver';

/**
 * 考核与职级 appraisals (monthly and quarterly post appraisals, annual appraisals with a provisional
 * rating), annual ratings with the township quotas (`finalizeAnnualRatings`), and the yearly rank
 * review (`runRankReview`), every rating and rank change stored with the policy and rule behind it.
 */
export const appraisalFeature: SubgraphFeature = {
  entities: [Appraisal, RankChange],
  resolvers: [AppraisalResolver, CadreAppraisalResolver, RankChangeResolver, CadreRankResolver],
};

export { Appraisal, AppraisalPeriodType, AppraisalScore, RankChange } from './appraisal.entity';
export { highestCategory, POST_SENIORITY } from '../shared/post-seniority';
