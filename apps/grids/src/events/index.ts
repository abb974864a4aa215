import { outboxRelayJob, type SubgraphFeature } from '@xiangzhi/kernel';
import { GridsEvents1733010000000 } from './migrations/1733010000000-grids-events';
import { GRIDS_EVENT_TABLE, GridsEvent } from './outbox';

/** How often the outbox relay publishes new grids events on the event bus. */
export const GRIDS_EVENT_RELAY_INTERVAL_MS = 2000;

/**
 * 事件 the grids outbox (`grids_event`) and its relay to the event bus: region and resident events
 * (`@xiangzhi/grids-api` `GridsEvents`) that other subgraphs consume into projections.
 */
export const eventsFeature: SubgraphFeature = {
  entities: [GridsEvent],
  migrations: [GridsEvents1733010000000],
  jobs: [outboxRelayJob({ table: GRIDS_EVENT_TABLE, intervalMs: GRIDS_EVENT_RELAY_INTERVAL_MS })],
};

export { GRIDS_EVENT_RELAY_JOB, GRIDS_EVENT_TABLE, GridsEvent, recordEvent, recordEvents } from './outbox';
