import { outboxRelayJobName } from '@xiangzhi/kernel';
import type { PersonnelEventName, PersonnelEvents } from '@xiangzhi/personnel-api';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, type EntityManager } from 'typeorm';

/** The outbox table of personnel events. */
export const PERSONNEL_EVENT_TABLE = 'personnel_event';

/**
 * The job that publishes the outbox on the event bus (every 2 s while serving; tests call
 * `runJob(PERSONNEL_EVENT_RELAY_JOB)`). Each event's bus id is `personnel_event:<row id>`.
 */
export const PERSONNEL_EVENT_RELAY_JOB = outboxRelayJobName(PERSONNEL_EVENT_TABLE);

/**
 * 事件发件箱 one event, written in the same transaction as the change that caused it; the relay
 * publishes it (subject = `name`) and stamps `published_at`.
 */
@Entity({ name: PERSONNEL_EVENT_TABLE })
export class PersonnelEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: number;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'payload', type: 'jsonb' })
  payload!: Record<string, unknown>;

  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}

/** Records an event in the outbox with the caller's transaction manager. */
export async function recordEvent<N extends PersonnelEventName>(manager: EntityManager, name: N, payload: PersonnelEvents[N]): Promise<void> {
  await manager.insert(PersonnelEvent, { name, payload: payload as never });
}
