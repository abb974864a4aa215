import type { PersonnelEventName, PersonnelEvents } from '@xiangzhi/personnel-api';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, type EntityManager } from 'typeorm';

/** 事件发件箱 one event, written in the same transaction as the change that caused it. */
@Entity({ name: 'personnel_event' })
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
