import { listPolicyPoint, pointsPolicyPoint } from '@xiangzhi/civility-api';
import { majorMatterPolicyPoint } from '@xiangzhi/economy-api';
import { gridSizingPolicyPoint } from '@xiangzhi/grids-api';
import { disputeEscalationPolicyPoint } from '@xiangzhi/legal-api';
import { bindPolicy, definePlugin } from '@xiangzhi/kernel';
import { payPolicyPoint, postTemplatePolicyPoint } from '@xiangzhi/personnel-api';
import { civilityProblems, JiangxiListPolicy, JiangxiPointsPolicy } from './civility/civility.policy';
import { JiangxiMajorMatterProcedure } from './economy/major-matter.policy';
import { JiangxiDisputeEscalationPolicy } from './legal/escalation.policy';
import { JiangxiCollegeTargetResolver } from './college-target/college-target.resolver';
import { jiangxi135Config, PLUGIN_NAME, type Jiangxi135Config } from './config';
import { JiangxiGridSizingPolicy } from './grids/grid-sizing.policy';
import { JiangxiGridWorkerAppraisal } from './grids/grid-worker-appraisal.entity';
import { JiangxiGridAppraisalsResolver, JiangxiGridWorkerAppraisalResolver } from './grids/grid-worker-appraisal.resolver';
import { JiangxiGridWorkerAppraisal1767225600000 } from './grids/migrations/1767225600000-jiangxi-grid-worker-appraisal';
import { JiangxiGridsCountyWall1774530000000 } from './grids/migrations/1774530000000-jiangxi-grids-county-wall';
import { seedGridWorkerAppraisals } from './grids/seed';
import { JiangxiHeadGooseResolver } from './head-goose/head-goose.resolver';
import { headGooseIndicatorsConsumer } from './head-goose/indicators.consumer';
import { JiangxiVillageIndicators1769500000000 } from './head-goose/migrations/1769500000000-jiangxi-village-indicators';
import { JiangxiPersonnelCountyWall1774530000001 } from './head-goose/migrations/1774530000001-jiangxi-personnel-county-wall';
import { ExternalIncidentHandling } from './head-goose/head-goose.types';
import { jiangxiPayProblems, JiangxiPayPolicy } from './pay/pay.policy';
import { JiangxiPostClassResolver } from './posts/post-class.resolver';
import { JiangxiPostTemplatePolicy } from './posts/post-template.policy';

export { jiangxi135Config, PLUGIN_NAME, type Jiangxi135Config } from './config';
export { JiangxiPostTemplatePolicy } from './posts/post-template.policy';
export { JiangxiPostClass, postClassOf } from './posts/post-class';
export { JiangxiPayPolicy } from './pay/pay.policy';
export { JiangxiGridSizingPolicy } from './grids/grid-sizing.policy';
export { JiangxiGridWorkerTier, JiangxiGridWorkerTiers } from './grids/grid-worker-tiers';
export { headGooseIndex } from './head-goose/head-goose.index';
export { collegeProgress } from './college-target/college-target';
export { civilityProblems, JiangxiListPolicy, JiangxiPointsPolicy } from './civility/civility.policy';
export { JiangxiMajorMatterProcedure } from './economy/major-matter.policy';
export { JiangxiDisputeEscalationPolicy } from './legal/escalation.policy';

/**
 * 江西“135”党建引领乡村治理试点 / Jiangxi 135 pilot (demo county 信丰县 360722): 大岗位制 posts and
 * post-grade pay, 50-household grids with yearly grid-worker appraisal and allowance tiers, the
 * secretaries' 头雁指数 across personnel and grids (through federation), and the 70% college target.
 * Needs both the grids and the personnel subgraph (the head-goose index `@requires` grids' incident handling).
 */
export default definePlugin({
  name: PLUGIN_NAME,
  version: '0.1.0',
  compatibility: '^1.0.0',
  title: { zh: '江西“135”党建引领乡村治理试点', en: 'Jiangxi 135 Pilot' },
  description: {
    zh: '大岗位制与岗位等级薪酬、网格化治理与网格员考核、头雁指数、村干部学历提升目标',
    en: 'Big-post system and post-grade pay, grids and grid-worker appraisal, head-goose index, college-education target',
  },
  config: jiangxi135Config,
  subgraphs: {
    personnel: {
      resolvers: [JiangxiPostClassResolver, JiangxiHeadGooseResolver, JiangxiCollegeTargetResolver],
      orphanedTypes: [ExternalIncidentHandling],
      // 头雁指数: the villages' year in legal, civility and economy, projected from their events
      migrations: [JiangxiVillageIndicators1769500000000, JiangxiPersonnelCountyWall1774530000001],
      consumers: [headGooseIndicatorsConsumer],
      policies: [
        bindPolicy(postTemplatePolicyPoint, () => new JiangxiPostTemplatePolicy()),
        bindPolicy(payPolicyPoint, (config: Jiangxi135Config) => new JiangxiPayPolicy(config.pay)),
      ],
    },
    grids: {
      entities: [JiangxiGridWorkerAppraisal],
      migrations: [JiangxiGridWorkerAppraisal1767225600000, JiangxiGridsCountyWall1774530000000],
      resolvers: [JiangxiGridWorkerAppraisalResolver, JiangxiGridAppraisalsResolver],
      policies: [bindPolicy(gridSizingPolicyPoint, (config: Jiangxi135Config) => new JiangxiGridSizingPolicy(config.grid))],
      seed: (ctx) => seedGridWorkerAppraisals(ctx).then(() => undefined),
    },
    // 三源共治: the three tiers' deadlines
    legal: {
      policies: [bindPolicy(disputeEscalationPolicyPoint, (config: Jiangxi135Config) => new JiangxiDisputeEscalationPolicy(config.legal))],
    },
    // 农户文明积分 (520文明集市, 移风易俗) and 红黑榜
    civility: {
      policies: [
        bindPolicy(pointsPolicyPoint, (config: Jiangxi135Config) => new JiangxiPointsPolicy(config.civility)),
        bindPolicy(listPolicyPoint, (config: Jiangxi135Config) => new JiangxiListPolicy(config.civility)),
      ],
    },
    // 四议两公开
    economy: {
      policies: [bindPolicy(majorMatterPolicyPoint, (config: Jiangxi135Config) => new JiangxiMajorMatterProcedure(config.economy))],
    },
  },
  checkConsistency: (config: Jiangxi135Config) => [...jiangxiPayProblems(config.pay), ...civilityProblems(config.civility)],
});
