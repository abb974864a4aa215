import { bindPolicy, definePlugin } from '@xiangzhi/kernel';
import {
  appraisalPolicyPoint,
  eligibilityPolicyPoint,
  honorPolicyPoint,
  payItemSourcePoint,
  payPolicyPoint,
  postTemplatePolicyPoint,
} from '@xiangzhi/personnel-api';
import { SuyuAppraisalPolicy } from './appraisal.policy';
import { suyuSandingConfig, PLUGIN_NAME, type SuyuSandingConfig } from './config';
import { suyuConsistencyProblems } from './consistency';
import { SuyuEligibilityPolicy } from './eligibility.policy';
import { SuyuExitFlag, SuyuPayGradeRow, SuyuPayItem } from './entities';
import { SuyuCadreExitResolver, SuyuExitResolver } from './exit.resolver';
import { SuyuHonorPolicy } from './honor.policy';
import { SuyuSandingPersonnel1763213110001 } from './migrations/1763213110001-suyu-sanding-personnel';
import { SuyuSandingCountyWall1774510000000 } from './migrations/1774510000000-suyu-sanding-county-wall';
import { SuyuPayItemSource } from './pay-items.source';
import { SuyuPayPolicy } from './pay.policy';
import { SuyuCadrePayResolver, SuyuPayResolver } from './pay.resolver';
import { SuyuPostTemplatePolicy } from './post-template.policy';
import { SuyuCadreProfileResolver } from './profile.resolver';
import { seedSuyuDemo } from './seed';
import { SuyuZoningResolver } from './zoning.resolver';

export { suyuSandingConfig, PLUGIN_NAME, DEFAULT_EXIT_SITUATIONS, type SuyuSandingConfig } from './config';
export { SuyuAppraisalPolicy } from './appraisal.policy';
export { SuyuEligibilityPolicy } from './eligibility.policy';
export { SuyuHonorPolicy } from './honor.policy';
export { SuyuPayPolicy } from './pay.policy';
export { SuyuPayItemSource } from './pay-items.source';
export { PayScale } from './pay-scale';
export { SuyuPostTemplatePolicy } from './post-template.policy';

/**
 * 宿豫三定四专五化 Suyu district's model (seed 000): 一委两站五岗 posts with duty lists (三定), entry
 * and exit with 13 hard exit situations, the 三位一体 appraisal with quotas, "四岗20级" base pay plus
 * appraisal, special-work and development pay, and the departure honour (四专), and the county
 * report's zoning and cadre figures (五化).
 */
export default definePlugin({
  name: PLUGIN_NAME,
  version: '1.0.0',
  title: { zh: '宿豫三定四专五化', en: 'Suyu: three fixes, four specials, five transformations' },
  description: {
    zh: '一委两站五岗定岗定责；凡进必审、凡违必清（13种刚性退出情形）；三位一体考核与等次比例；基本工资（四岗20级）+考核报酬+专项工作报酬+发展报酬；正常离任荣誉金和星级豫美村干勋章；治理片区化与干部队伍情况报告',
    en: 'One committee, two stations, five posts with duty lists; vetting at entry and hard exits (13 situations); three-part appraisal with rating quotas; base pay on 4 classes × 20 grades plus appraisal, special-work and development pay; honour payment and medal on normal departure; zoning and cadre-profile reports',
  },
  config: suyuSandingConfig,
  subgraphs: {
    personnel: {
      entities: [SuyuPayGradeRow, SuyuPayItem, SuyuExitFlag],
      migrations: [SuyuSandingPersonnel1763213110001, SuyuSandingCountyWall1774510000000],
      resolvers: [SuyuPayResolver, SuyuCadrePayResolver, SuyuExitResolver, SuyuCadreExitResolver, SuyuCadreProfileResolver],
      policies: [
        bindPolicy(postTemplatePolicyPoint, (config: SuyuSandingConfig) => new SuyuPostTemplatePolicy(config)),
        bindPolicy(payPolicyPoint, (config: SuyuSandingConfig) => new SuyuPayPolicy(config)),
        bindPolicy(payItemSourcePoint, () => new SuyuPayItemSource()),
        bindPolicy(appraisalPolicyPoint, (config: SuyuSandingConfig) => new SuyuAppraisalPolicy(config)),
        bindPolicy(eligibilityPolicyPoint, (config: SuyuSandingConfig) => new SuyuEligibilityPolicy(config)),
        bindPolicy(honorPolicyPoint, (config: SuyuSandingConfig) => new SuyuHonorPolicy(config)),
      ],
      seed: seedSuyuDemo,
    },
    grids: {
      resolvers: [SuyuZoningResolver],
    },
  },
  checkConsistency: (config: SuyuSandingConfig) => suyuConsistencyProblems(config),
});
