import { outboxFeature, outboxRelayJobName, recordOutboxEvents } from '@xiangzhi/kernel';
import type { LegalEventName, LegalEvents } from '@xiangzhi/legal-api';
import type { EntityManager } from 'typeorm';

/** The outbox table of legal events. */
export const LEGAL_EVENT_TABLE = 'legal_event';

/** The job that publishes the outbox on the event bus (tests call `runJob(LEGAL_EVENT_RELAY_JOB)`). */
export const LEGAL_EVENT_RELAY_JOB = outboxRelayJobName(LEGAL_EVENT_TABLE);

/** 事件发件箱 the legal outbox: entity, migration and relay job. */
export const legalOutbox = outboxFeature({ table: LEGAL_EVENT_TABLE, migrationTimestamp: 1735000000000 });

/** Records events in the outbox with the caller's transaction manager (one statement per 500 events). */
export async function recordEvents<N extends LegalEventName>(manager: EntityManager, name: N, payloads: readonly LegalEvents[N][]): Promise<void> {
  await recordOutboxEvents(manager, LEGAL_EVENT_TABLE, name, payloads);
}
