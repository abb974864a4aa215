import { outboxRelayJobName, OutboxEvent, recordOutboxEvents } from '@xiangzhi/kernel';
import type { PersonnelEventName, PersonnelEvents } from '@xiangzhi/personnel-api';
import { Entity, type EntityManager } from 'typeorm';

/** The outbox table of personnel events. */
export const PERSONNEL_EVENT_TABLE = 'personnel_event';

/**
 * The job that publishes the outbox on the event bus (every 2 s while serving; tests call
 * `runJob(PERSONNEL_EVENT_RELAY_JOB)`). Each event's bus id is `personnel_event:<row id>`.
 */
export const PERSONNEL_EVENT_RELAY_JOB = outboxRelayJobName(PERSONNEL_EVENT_TABLE);

/** 事件发件箱 one personnel event (the kernel's outbox columns). */
@Entity({ name: PERSONNEL_EVENT_TABLE })
export class PersonnelEvent extends OutboxEvent {}

/** Records an event in the outbox with the caller's transaction manager. */
export async function recordEvent<N extends PersonnelEventName>(manager: EntityManager, name: N, payload: PersonnelEvents[N]): Promise<void> {
  await recordOutboxEvents(manager, PERSONNEL_EVENT_TABLE, name, [payload]);
}
