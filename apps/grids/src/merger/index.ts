import type { SubgraphFeature } from '@xiangzhi/kernel';
import { villageMergerConsumer } from './merger.consumer';
import { VillageMergerLog1770100000000 } from './migrations/1770100000000-village-merger';

/**
 * 村建制调整 the grids part of the village-merger capability (`@xiangzhi/grids-api` `GridsMergerCommands`):
 * the consumer `grids-village-merger` and its move log.
 */
export const mergerFeature: SubgraphFeature = {
  migrations: [VillageMergerLog1770100000000],
  consumers: [villageMergerConsumer],
};

export { applyVillageMerger, compensateVillageMerger, villageMergerConsumer } from './merger.consumer';
