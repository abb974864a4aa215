import { definePlugin } from '@xiangzhi/kernel';
import { PLUGIN_NAME, qixingguanConfig } from './config';

export { PLUGIN_NAME, qixingguanConfig, type QixingguanConfig } from './config';

/** 七星关区“规范·示范·典范”示范村创建 / Qixingguan exemplar villages (demo county 七星关区 520502, seed 003). */
export default definePlugin({
  name: PLUGIN_NAME,
  version: '0.1.0',
  compatibility: '^1.0.0',
  title: { zh: '七星关区“规范·示范·典范”示范村创建', en: 'Qixingguan exemplar villages' },
  description: { zh: '规范村、示范村、典范村三级创建：十项主要标准、短板优先评定、奖励', en: 'Three tiers of exemplar villages: ten main standards, short-board-first assessment, rewards' },
  config: qixingguanConfig,
  subgraphs: {},
});
