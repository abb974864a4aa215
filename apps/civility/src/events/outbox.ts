import { outboxFeature, outboxRelayJobName, recordOutboxEvents } from '@xiangzhi/kernel';
import type { CivilityEventName, CivilityEvents } from '@xiangzhi/civility-api';
import type { EntityManager } from 'typeorm';

/** The outbox table of civility events. */
export const CIVILITY_EVENT_TABLE = 'civility_event';

/** The job that publishes the outbox on the event bus (tests call `runJob(CIVILITY_EVENT_RELAY_JOB)`). */
export const CIVILITY_EVENT_RELAY_JOB = outboxRelayJobName(CIVILITY_EVENT_TABLE);

/** 事件发件箱 the civility outbox: entity, migration and relay job. */
export const civilityOutbox = outboxFeature({ table: CIVILITY_EVENT_TABLE, migrationTimestamp: 1736000000000 });

/** Records events in the outbox with the caller's transaction manager (one statement per 500 events). */
export async function recordEvents<N extends CivilityEventName>(manager: EntityManager, name: N, payloads: readonly CivilityEvents[N][]): Promise<void> {
  await recordOutboxEvents(manager, CIVILITY_EVENT_TABLE, name, payloads);
}
