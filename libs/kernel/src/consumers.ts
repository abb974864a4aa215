import type { EntityManager } from 'typeorm';
import type { Logger } from './logger';
import type { PolicyRegistry } from './policy-registry';

/**
 * 事件消费 the consumer side of the event bus: a subgraph (or a plugin's part of one) subscribes to
 * event subjects another subgraph publishes in its `*-api` library and keeps what it needs in its own
 * tables (a projection). Delivery is at least once; the kernel makes handlers idempotent by recording
 * each processed event id in the consumer's own database, in the same transaction as the projection
 * write, and applies the events of one aggregate in publish order.
 */

/** An event as a consumer's handler receives it. */
export interface ConsumedEvent<P extends Record<string, unknown> = Record<string, unknown>> {
  /** The event's deduplication id (`<outbox table>:<row id>`), unique in the deployment. */
  id: string;
  /** Its subject, e.g. `grids.region.upserted`. */
  subject: string;
  payload: P;
  /**
   * Where it was read from and its place there: the outbox table (`grids_event`, in process) or
   * `nats:<stream>`; `position` is the outbox row id or the stream sequence (0 when unknown).
   */
  source?: string;
  position?: number;
}

/** What a handler gets besides the event. */
export interface EventConsumerContext {
  /** The transaction that also records the event as processed: write the projection with it. */
  manager: EntityManager;
  logger: Logger;
  policies: PolicyRegistry;
}

/** A durable consumer of events, declared by a subgraph module or a plugin's subgraph contribution. */
export interface EventConsumer {
  /**
   * Durable name, unique in the deployment (letters, digits, `_`, `-`), e.g. `personnel-regions`.
   * Its position and processed ids are kept under this name.
   */
  name: string;
  /** Subject patterns it consumes (NATS wildcards: `*` one token, `>` the rest), e.g. `grids.region.>`. */
  subjects: string[];
  /**
   * The aggregate an event belongs to (e.g. the region code); the events of one aggregate are applied
   * in publish order, and one held back (failed, dead-lettered) holds back the later ones of its
   * aggregate. Default: one aggregate for every event of the consumer.
   */
  aggregateOf?: (event: ConsumedEvent) => string;
  /**
   * Applies one event. Runs inside the transaction that records the event id as processed, so a
   * redelivery is a no-op. Throwing rolls the transaction back; the event is retried with backoff and
   * after `maxAttempts` goes to the dead-letter list (`xz events dead`, `xz events replay`).
   */
  handle: (event: ConsumedEvent, ctx: EventConsumerContext) => Promise<void>;
  /** Attempts before the event is dead-lettered (default 5). */
  maxAttempts?: number;
  /** Delay before the first retry; it doubles on each further attempt, up to 5 s (default 100 ms). */
  retryDelayMs?: number;
  /**
   * Empties the projection this consumer keeps (its own tables only), for `rebuild`: runs in the
   * transaction that also forgets the consumer's position, processed ids and dead letters; the
   * consumer then consumes again from the beginning.
   */
  reset?: (manager: EntityManager) => Promise<void>;
}

/** Declares a consumer (checks its name and subjects when the subgraph boots). */
export function defineConsumer(consumer: EventConsumer): EventConsumer {
  if (!/^[A-Za-z0-9_-]+$/.test(consumer.name)) throw new Error(`invalid consumer name: ${JSON.stringify(consumer.name)}`);
  if (consumer.subjects.length === 0) throw new Error(`consumer ${consumer.name} consumes no subject`);
  return consumer;
}
