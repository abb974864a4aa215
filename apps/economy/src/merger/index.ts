import type { SubgraphFeature } from '@xiangzhi/kernel';
import { economyMergerConsumer } from './merger.consumer';
import { EconomyMergerLog1770200000000 } from './migrations/1770200000000-village-merger';

/**
 * 村建制调整 the economy part of the village-merger capability (`@xiangzhi/economy-api`
 * `EconomyMergerCommands`): the consumer `economy-village-merger` and its log.
 */
export const mergerFeature: SubgraphFeature = {
  migrations: [EconomyMergerLog1770200000000],
  consumers: [economyMergerConsumer],
};

export { applyEconomyMerger, compensateEconomyMerger, economyMergerConsumer } from './merger.consumer';
