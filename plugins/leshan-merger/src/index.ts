import { definePlugin, outboxFeature } from '@xiangzhi/kernel';
import { leshanMergerConfig, PLUGIN_NAME } from './config';
import { CreateLeshanMerger1770000000000 } from './migrations/1770000000000-create-leshan-merger';
import { LeshanMergerCountyWall1774550000000 } from './migrations/1774550000000-leshan-merger-county-wall';
import { LeshanMergerResolver } from './plan/resolver';
import { cadreConsumer, OUTBOX, sagaConsumer } from './saga/coordinator';

export { DEFAULT_CONFIG, leshanMergerConfig, PLUGIN_NAME, REVIEW_LEVELS, RISK_LEVELS, SAGA_STEPS, type LeshanMergerConfig } from './config';
export { changePercent, average, averageAreaKm2, hundredths } from './statistics';
export { checkExecutable, checkPlanVillages, checkReviewOrder, overallRiskLevel } from './plan/rules';

const outbox = outboxFeature({ table: OUTBOX, migrationTimestamp: 1770000000001 });

/**
 * 乐山市市中区、德昌县村建制调整 / Leshan and Dechang village mergers (511102, 513424; seed 002):
 * merger plans, 清产核资, four-level candidate review, cadre diversion, and the merger itself as a
 * saga over the grids, economy and personnel merger capabilities, with compensation.
 */
export default definePlugin({
  name: PLUGIN_NAME,
  version: '0.1.0',
  compatibility: '^1.0.0',
  title: { zh: '乐山市市中区、德昌县村建制调整', en: 'Leshan and Dechang village mergers' },
  description: { zh: '合并方案、清产核资、四级审核、干部分流（一人一策）与合并执行（事务补偿）', en: 'Merger plans, inventories, four-level review, cadre diversion and the merger as a compensating saga' },
  config: leshanMergerConfig,
  subgraphs: {
    economy: {
      entities: [...outbox.entities],
      migrations: [CreateLeshanMerger1770000000000, ...outbox.migrations, LeshanMergerCountyWall1774550000000],
      jobs: outbox.jobs,
      outboxes: outbox.outboxes,
      resolvers: [LeshanMergerResolver],
      consumers: [sagaConsumer, cadreConsumer],
    },
  },
});
