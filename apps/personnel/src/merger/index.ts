import type { SubgraphFeature } from '@xiangzhi/kernel';
import { personnelMergerConsumer } from './merger.consumer';
import { PersonnelMergerLog1770300000000 } from './migrations/1770300000000-village-merger';

/**
 * 村建制调整 the personnel part of the village-merger capability (`@xiangzhi/personnel-api`
 * `PersonnelMergerCommands`): the consumer `personnel-village-merger`, its log and departure subsidies.
 */
export const mergerFeature: SubgraphFeature = {
  migrations: [PersonnelMergerLog1770300000000],
  consumers: [personnelMergerConsumer],
};

export { applyPersonnelMerger, compensatePersonnelMerger, personnelMergerConsumer } from './merger.consumer';
