import { bindPolicy, definePlugin, outboxFeature } from '@xiangzhi/kernel';
import { payItemSourcePoint } from '@xiangzhi/personnel-api';
import { QixingguanExemplarResolver, QixingguanRegionFields } from './assessment/resolver';
import { PLUGIN_NAME, qixingguanConfig } from './config';
import { CreateQixingguanActivityFunds1768000000002, CreateQixingguanFanben1768000000000 } from './migrations/1768000000000-create-qixingguan-fanben';
import { QixingguanEconomyCountyWall1774540000001, QixingguanPersonnelCountyWall1774540000000 } from './migrations/1774540000000-qixingguan-county-wall';
import { QixingguanRewardItemSource } from './pay/reward-items';
import { activityFundsConsumer, civilityConsumer, incomeConsumer, legalConsumer } from './projections/consumers';
import { seedQixingguanFanben } from './seed';

export { DEFAULT_CONFIG, DEFAULT_STANDARDS, PLUGIN_NAME, qixingguanConfig, type QixingguanConfig } from './config';
export { assessShortBoardFirst } from './assessment/short-board';
export { QixingguanRewardItemSource } from './pay/reward-items';
export type { QixingguanEvents } from './projections/consumers';
export { seedQixingguanFanben } from './seed';

const outbox = outboxFeature({ table: 'qxg_event', migrationTimestamp: 1768000000001 });

/** 七星关区“规范·示范·典范”示范村创建 / Qixingguan exemplar villages (demo county 七星关区 520502, seed 003). */
export default definePlugin({
  name: PLUGIN_NAME,
  version: '0.1.0',
  compatibility: '^1.0.0',
  title: { zh: '七星关区“规范·示范·典范”示范村创建', en: 'Qixingguan exemplar villages' },
  description: { zh: '规范村、示范村、典范村三级创建：十项主要标准、短板优先评定、奖励', en: 'Three tiers of exemplar villages: ten main standards, short-board-first assessment, rewards' },
  config: qixingguanConfig,
  subgraphs: {
    personnel: {
      entities: [...outbox.entities],
      migrations: [CreateQixingguanFanben1768000000000, ...outbox.migrations, QixingguanPersonnelCountyWall1774540000000],
      jobs: outbox.jobs,
      outboxes: outbox.outboxes,
      resolvers: [QixingguanExemplarResolver, QixingguanRegionFields],
      consumers: [incomeConsumer, civilityConsumer, legalConsumer],
      policies: [bindPolicy(payItemSourcePoint, () => new QixingguanRewardItemSource())],
      seed: seedQixingguanFanben,
    },
    economy: {
      migrations: [CreateQixingguanActivityFunds1768000000002, QixingguanEconomyCountyWall1774540000001],
      consumers: [activityFundsConsumer],
    },
  },
});
