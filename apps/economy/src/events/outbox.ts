import { outboxFeature, outboxRelayJobName, recordOutboxEvents } from '@xiangzhi/kernel';
import type { EconomyEventName, EconomyEvents } from '@xiangzhi/economy-api';
import type { EntityManager } from 'typeorm';

/** The outbox table of economy events. */
export const ECONOMY_EVENT_TABLE = 'economy_event';

/** The job that publishes the outbox on the event bus (tests call `runJob(ECONOMY_EVENT_RELAY_JOB)`). */
export const ECONOMY_EVENT_RELAY_JOB = outboxRelayJobName(ECONOMY_EVENT_TABLE);

/** 事件发件箱 the economy outbox: entity, migration and relay job. */
export const economyOutbox = outboxFeature({ table: ECONOMY_EVENT_TABLE, migrationTimestamp: 1734000000000 });

/** Records events in the outbox with the caller's transaction manager (one statement per 500 events). */
export async function recordEvents<N extends EconomyEventName>(manager: EntityManager, name: N, payloads: readonly EconomyEvents[N][]): Promise<void> {
  await recordOutboxEvents(manager, ECONOMY_EVENT_TABLE, name, payloads);
}
