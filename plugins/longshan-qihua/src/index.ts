import { bindPolicy, definePlugin } from '@xiangzhi/kernel';
import { attendancePolicyPoint, eligibilityPolicyPoint, payItemSourcePoint, payPolicyPoint, postTemplatePolicyPoint, rankPolicyPoint } from '@xiangzhi/personnel-api';
import { LongshanAttendancePolicy } from './attendance/attendance.policy';
import { LongshanAward, LongshanTeamRating } from './awards/award.entity';
import { LongshanAwardResolver } from './awards/award.resolver';
import { longshanQihuaConfig, PLUGIN_NAME, type LongshanQihuaConfig } from './config';
import { LongshanTask } from './dispatch/task.entity';
import { LongshanTaskResolver } from './dispatch/task.resolver';
import { LongshanEligibilityPolicy } from './eligibility/eligibility.policy';
import { CreateLongshanQihua1754300000000 } from './migrations/1754300000000-create-longshan-qihua';
import { collectiveShareProblems } from './collective-share/collective-share';
import { LongshanCollectiveIncome1769000000000 } from './migrations/1769000000000-longshan-collective-income';
import { LongshanCountyWall1774520000000 } from './migrations/1774520000000-longshan-county-wall';
import { longshanIncomeConsumer } from './collective-share/income.consumer';
import { LongshanPayItemSource } from './pay/pay-items';
import { LongshanPayPolicy, payBandProblems } from './pay/pay.policy';
import { LongshanPostTemplatePolicy } from './posts/post-template.policy';
import { LongshanRankPolicy } from './rank/rank.policy';
import { seedLongshanQihua } from './seed';
import { LongshanQihuaSettingsResolver } from './settings.resolver';

export { DEFAULT_CONFIG, longshanQihuaConfig, PLUGIN_NAME, type LongshanQihuaConfig } from './config';
export { LongshanAttendancePolicy } from './attendance/attendance.policy';
export { LongshanEligibilityPolicy } from './eligibility/eligibility.policy';
export { NINE_VETTING_DEPARTMENTS, TEN_SITUATIONS } from './eligibility/situations';
export { LongshanPayItemSource } from './pay/pay-items';
export { COLLECTIVE_SHARE_RULE, collectiveShareItems, collectiveShareProblems } from './collective-share/collective-share';
export { longshanIncomeConsumer } from './collective-share/income.consumer';
export { LongshanPayPolicy } from './pay/pay.policy';
export { LONGSHAN_POSTS, LongshanPostTemplatePolicy } from './posts/post-template.policy';
export { LongshanRankPolicy } from './rank/rank.policy';

/**
 * 龙山七化全职化管理 / Longshan Seven-Way Full-Time Cadres (龙山县, 433130): three full-time posts per
 * village, the county's eligibility, duty, rank and pay rules, monthly dispatched tasks (派单式) and the
 * 双有双奖 / 一类班子 awards feeding the payroll.
 */
export default definePlugin({
  name: PLUGIN_NAME,
  version: '0.1.0',
  title: { zh: '龙山七化全职化管理', en: 'Longshan Seven-Way Full-Time Cadres' },
  description: {
    zh: '规范化设岗、多元化选任、脱产化工作、精细化管理、职级化晋升、长效化保障：全职化岗位模板、人选条件与联审、坐班与执纪处置、十级职级、报酬区间、派单考核与双有双奖',
    en: 'Full-time village posts, eligibility and joint vetting, duty and absence sanctions, ten rank levels, pay bands, monthly dispatched tasks and team awards',
  },
  config: longshanQihuaConfig,
  subgraphs: {
    personnel: {
      entities: [LongshanTask, LongshanAward, LongshanTeamRating],
      resolvers: [LongshanQihuaSettingsResolver, LongshanTaskResolver, LongshanAwardResolver],
      migrations: [CreateLongshanQihua1754300000000, LongshanCollectiveIncome1769000000000, LongshanCountyWall1774520000000],
      // 村集体经济提成: the villages' operating income, projected from the economy subgraph's events
      consumers: [longshanIncomeConsumer],
      policies: [
        bindPolicy(postTemplatePolicyPoint, () => new LongshanPostTemplatePolicy()),
        bindPolicy(eligibilityPolicyPoint, (config: LongshanQihuaConfig) => new LongshanEligibilityPolicy(config)),
        bindPolicy(attendancePolicyPoint, (config: LongshanQihuaConfig) => new LongshanAttendancePolicy(config)),
        bindPolicy(rankPolicyPoint, (config: LongshanQihuaConfig) => new LongshanRankPolicy(config)),
        bindPolicy(payPolicyPoint, (config: LongshanQihuaConfig) => new LongshanPayPolicy(config)),
        bindPolicy(payItemSourcePoint, (config: LongshanQihuaConfig) => new LongshanPayItemSource(config)),
      ],
      seed: seedLongshanQihua,
    },
  },
  // pay parameters that put a post outside the county's own band would refuse its payrolls: `xz check` says so first
  checkConsistency: (config: LongshanQihuaConfig) => [...payBandProblems(config), ...collectiveShareProblems(config)],
});
