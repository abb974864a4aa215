import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { ConsumedEvent, EventConsumer } from './consumers';
import { isEmbeddedDatabase } from './data-source';
import { InProcessEventBus, NatsEventBus, subjectMatches, type EventBus, type EventSubscription, type OrderedDurable, type OutboxSource } from './events';
import type { Logger } from './logger';
import type { PolicyRegistry } from './policy-registry';

/**
 * 事件消费运行时 runs the durable consumers of one subgraph (its module's and its installed plugins').
 *
 * What holds, on every bus:
 * - Each event is applied in one transaction of the consumer's database that first records its id in
 *   `kernel_event_processed` (an id already there ⇒ the handler is skipped), then runs the handler,
 *   then moves the consumer's position; the bus is acknowledged only after the commit. A redelivery,
 *   a replay or a restart therefore never applies an event twice, and a crash before the commit
 *   loses nothing: the event is read again.
 * - A consumer handles its events one at a time, in the order of its source, so the events of one
 *   aggregate are applied in publish order. A failing event is retried with backoff (`retryDelayMs`
 *   doubling, at most 5 s) up to `maxAttempts`; then it is dead-lettered (`kernel_event_dead`) and
 *   the later events of its aggregate are parked behind it, in order, until it is replayed; other
 *   aggregates go on.
 *
 * Embedded mode (`InProcessEventBus`): the outbox tables of the subgraphs in the process are the
 * source. A consumer reads the rows after its position (per outbox table, in id order) and keeps
 * that position in `kernel_consumer_position`, so it resumes after a restart; a publish only wakes
 * it up. The rows read together (up to 100) are applied in one transaction when none of their
 * aggregates has a dead letter: their ids recorded with one statement, the handlers run in order,
 * the position saved once; if any handler fails, that transaction is rolled back and the rows are
 * applied one by one as above (retries, dead letters), so batching never changes what is applied. The events of an outbox whose subgraph is not in the process wait until it is. (Ids order
 * the rows as they were committed because the embedded database has one connection; on a shared
 * PostgreSQL with concurrent writers use NATS.)
 *
 * NATS JetStream (`NatsEventBus`): a durable pull consumer per consumer (`<prefix>_<name>`), acked
 * explicitly after the commit. The last applied stream sequence is kept in `kernel_consumer_position`
 * (source `nats:<stream>`); at every start the durable is recreated from the next sequence, so after
 * a crash the unacked events come again in stream order, never behind later ones, and events at or
 * before the position are acked without being applied. What the stream no longer retains (see the
 * deployment's `events` retention) cannot be consumed again.
 *
 * Replicas: on PostgreSQL a consumer runs only while its replica holds the session advisory lock
 * `xz-consumer:<schema>:<name>`; the other replicas wait and take over when it is released (or its
 * connection dies). The embedded PGlite belongs to one process anyway.
 */

/** A dead letter, or an event held behind one (`heldBehind`). */
export interface DeadLetter {
  /** Its number in the dead-letter list (`xz events replay --id`). */
  id: number;
  consumer: string;
  eventId: string;
  subject: string;
  payload: Record<string, unknown>;
  aggregate: string;
  source: string | null;
  position: number | null;
  /** Failed attempts (0 for an event held behind another). */
  attempts: number;
  lastError: string;
  /** The id of the dead event of the same aggregate this one waits behind; null for a dead event. */
  heldBehind: string | null;
  firstFailedAt: Date;
  lastFailedAt: Date;
}

/** What a replay did. */
export interface ReplayResult {
  /** Events applied (or found already applied). */
  applied: number;
  /** Events that failed again (dead once more; the rest of their aggregate stays held behind them). */
  failed: number;
  /** Dead letters of consumers this subgraph does not have. */
  skipped: number;
}

/** Which dead letters to replay: their ids, or all (optionally of one consumer). */
export interface ReplaySelection {
  ids?: number[];
  all?: boolean;
  consumer?: string;
}

/** The consumers of a running subgraph (`RunningSubgraph.consumers`). */
export interface SubgraphConsumers {
  /** The names of the consumers of this subgraph. */
  readonly names: string[];
  /** Those running in this process now (on PostgreSQL the others stand by while another replica runs them). */
  running(): string[];
  /**
   * Processes everything available now and resolves when every consumer has caught up (in process:
   * no outbox row after its position; on NATS: nothing pending on its durable).
   */
  drain(): Promise<void>;
  /**
   * Events after each running consumer's position not applied yet (in process: matching outbox rows;
   * on NATS: pending on its durable), by consumer name; consumers standing by are left out.
   */
  lag(): Promise<Record<string, number>>;
  /** The dead letters (and the events held behind them), oldest first. */
  deadLetters(filter?: { consumer?: string }): Promise<DeadLetter[]>;
  /** Re-applies dead letters in order; the events held behind one follow it (its whole aggregate). */
  replay(selection: ReplaySelection): Promise<ReplayResult>;
  /**
   * Empties the consumer's projection (`reset`), forgets its position, processed ids and dead
   * letters, and consumes again from the beginning (the outbox in process, the stream's start on NATS).
   */
  rebuild(consumer: string): Promise<void>;
  /** Stops the consumers; an event being handled is rolled back and read again at the next start. */
  stop(): Promise<void>;
}

export interface ConsumerDeps {
  dataSource: DataSource;
  logger: Logger;
  policies: PolicyRegistry;
}

const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_RETRY_DELAY_MS = 100;
const MAX_RETRY_DELAY_MS = 5_000;
const BATCH = 100;
const DEFAULT_AGGREGATE = '*';

/** Thrown inside an event's transaction when the consumer is stopping: rolls it back. */
class Halted extends Error {
  constructor() {
    super('consumer stopped while handling the event');
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A NATS-style subject pattern as a PostgreSQL regular expression. */
function patternRegex(pattern: string): string {
  const tokens = pattern.split('.').map((t) => (t === '*' ? '[^.]+' : t === '>' ? '.+' : t.replaceAll('-', '\\-')));
  return `^${tokens.join('\\.')}$`;
}

function aggregateOf(consumer: EventConsumer, event: ConsumedEvent): string {
  return consumer.aggregateOf ? consumer.aggregateOf(event) : DEFAULT_AGGREGATE;
}

interface DeadRow {
  id: number | string;
  consumer: string;
  event_id: string;
  subject: string;
  payload: Record<string, unknown>;
  aggregate: string;
  source: string | null;
  position: number | string | null;
  attempts: number;
  last_error: string;
  held_behind: string | null;
  first_failed_at: Date | string;
  last_failed_at: Date | string;
}

function toDeadLetter(r: DeadRow): DeadLetter {
  return {
    id: Number(r.id),
    consumer: r.consumer,
    eventId: r.event_id,
    subject: r.subject,
    payload: r.payload,
    aggregate: r.aggregate,
    source: r.source,
    position: r.position === null ? null : Number(r.position),
    attempts: r.attempts,
    lastError: r.last_error,
    heldBehind: r.held_behind,
    firstFailedAt: new Date(r.first_failed_at),
    lastFailedAt: new Date(r.last_failed_at),
  };
}

/** The dead letters of a subgraph's database, oldest first. */
export async function listDeadLetters(dataSource: DataSource, filter: { consumer?: string } = {}): Promise<DeadLetter[]> {
  const rows = (await dataSource.query(
    `SELECT * FROM kernel_event_dead WHERE ($1::text IS NULL OR consumer = $1) ORDER BY id`,
    [filter.consumer ?? null],
  )) as DeadRow[];
  return rows.map(toDeadLetter);
}

async function savePosition(manager: EntityManager, consumer: string, event: ConsumedEvent): Promise<void> {
  if (!event.source || !event.position) return;
  await manager.query(
    `INSERT INTO kernel_consumer_position (consumer, source, position) VALUES ($1, $2, $3)
     ON CONFLICT (consumer, source) DO UPDATE SET position = GREATEST(kernel_consumer_position.position, EXCLUDED.position), updated_at = now()`,
    [consumer, event.source, event.position],
  );
}

async function readPosition(dataSource: DataSource, consumer: string, source: string): Promise<number> {
  const rows = (await dataSource.query(`SELECT position FROM kernel_consumer_position WHERE consumer = $1 AND source = $2`, [consumer, source])) as {
    position: number | string;
  }[];
  return rows.length > 0 ? Number(rows[0].position) : 0;
}

async function recordDead(
  manager: EntityManager,
  consumer: string,
  event: ConsumedEvent,
  dead: { aggregate: string; attempts: number; error: string; heldBehind: string | null; firstFailedAt: Date },
): Promise<void> {
  await manager.query(
    `INSERT INTO kernel_event_dead (consumer, event_id, subject, payload, aggregate, source, position, attempts, last_error, held_behind, first_failed_at, last_failed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now())
     ON CONFLICT (consumer, event_id) DO UPDATE SET attempts = kernel_event_dead.attempts + EXCLUDED.attempts,
       last_error = EXCLUDED.last_error, held_behind = EXCLUDED.held_behind, last_failed_at = now()`,
    [
      consumer,
      event.id,
      event.subject,
      JSON.stringify(event.payload),
      dead.aggregate,
      event.source ?? null,
      event.position ?? null,
      dead.attempts,
      dead.error,
      dead.heldBehind,
      dead.firstFailedAt,
    ],
  );
}

type Outcome = 'applied' | 'duplicate' | 'held' | 'dead' | 'halted';

/**
 * Applies one event for one consumer with retries (see the file comment). `replayOf` is the dead
 * letter being replayed: it is removed in the same transaction, and the held check is skipped
 * (the replay goes through its aggregate in order itself).
 */
async function applyWithRetries(
  consumer: EventConsumer,
  event: ConsumedEvent,
  deps: ConsumerDeps,
  options: { stopping: () => boolean; replayOf?: DeadLetter; firstAttemptFailed?: { error: unknown } },
): Promise<Outcome> {
  const { dataSource, logger, policies } = deps;
  const aggregate = aggregateOf(consumer, event);
  const maxAttempts = Math.max(1, consumer.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  const firstDelay = consumer.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
  const firstFailedAt = options.replayOf?.firstFailedAt ?? new Date();
  /** After a failed attempt: dead-letters it after the last one, else waits its backoff; 'retry' to go on. */
  const failed = async (error: unknown, attempt: number): Promise<Outcome | 'retry'> => {
    const log = { err: error, consumer: consumer.name, event: event.id, subject: event.subject, aggregate, attempt };
    if (attempt >= maxAttempts) {
      logger.error(log, 'event dead-lettered after its last attempt; later events of its aggregate are held behind it');
      await dataSource.transaction(async (manager) => {
        if (options.replayOf) {
          await recordDead(manager, consumer.name, event, { aggregate, attempts: attempt, error: errorText(error), heldBehind: null, firstFailedAt });
          await manager.query(
            `UPDATE kernel_event_dead SET held_behind = $3 WHERE consumer = $1 AND aggregate = $2 AND event_id <> $3`,
            [consumer.name, aggregate, event.id],
          );
        } else {
          await recordDead(manager, consumer.name, event, { aggregate, attempts: attempt, error: errorText(error), heldBehind: null, firstFailedAt });
          await savePosition(manager, consumer.name, event);
        }
      });
      return 'dead';
    }
    const delay = Math.min(MAX_RETRY_DELAY_MS, firstDelay * 2 ** (attempt - 1));
    logger.warn({ ...log, retryInMs: delay }, 'event handler failed; retrying');
    const until = Date.now() + delay;
    while (Date.now() < until && !options.stopping()) await new Promise((resolve) => setTimeout(resolve, Math.min(50, until - Date.now())));
    return options.stopping() ? 'halted' : 'retry';
  };
  if (options.firstAttemptFailed) {
    const next = await failed(options.firstAttemptFailed.error, 1);
    if (next !== 'retry') return next;
  }
  for (let attempt = options.firstAttemptFailed ? 2 : 1; ; attempt += 1) {
    try {
      return await dataSource.transaction(async (manager): Promise<Outcome> => {
        if (options.replayOf) {
          await manager.query(`DELETE FROM kernel_event_dead WHERE id = $1`, [options.replayOf.id]);
        } else {
          const blocker = (await manager.query(
            `SELECT event_id FROM kernel_event_dead WHERE consumer = $1 AND aggregate = $2 ORDER BY id LIMIT 1`,
            [consumer.name, aggregate],
          )) as { event_id: string }[];
          if (blocker.length > 0) {
            const behind = blocker[0].event_id;
            await recordDead(manager, consumer.name, event, { aggregate, attempts: 0, error: `held behind ${behind}`, heldBehind: behind, firstFailedAt });
            await savePosition(manager, consumer.name, event);
            return 'held';
          }
        }
        const fresh = (await manager.query(
          `INSERT INTO kernel_event_processed (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
          [consumer.name, event.id],
        )) as unknown[];
        if (fresh.length > 0) await consumer.handle(event, { manager, logger, policies });
        if (options.stopping()) throw new Halted();
        await savePosition(manager, consumer.name, event);
        return fresh.length > 0 ? 'applied' : 'duplicate';
      });
    } catch (error) {
      if (error instanceof Halted || options.stopping()) return 'halted';
      const next = await failed(error, attempt);
      if (next !== 'retry') return next;
    }
  }
}

/**
 * Applies events read together from one source in one transaction (see the file comment): the
 * processed ids in one statement, the handlers in order, the position once. Answers `applied: false`,
 * having written nothing, when an aggregate of the batch has a dead letter or a handler fails (which
 * one, and how): the caller then applies the events one by one, the failed handler's run counting as
 * that event's first attempt.
 */
async function applyBatch(
  consumer: EventConsumer,
  events: ConsumedEvent[],
  deps: ConsumerDeps,
  stopping: () => boolean,
): Promise<{ applied: true } | { applied: false; failed?: { index: number; error: unknown } } | 'halted'> {
  const { dataSource, logger, policies } = deps;
  let failed: { index: number; error: unknown } | undefined;
  try {
    return await dataSource.transaction(async (manager) => {
      const aggregates = [...new Set(events.map((e) => aggregateOf(consumer, e)))];
      const held = (await manager.query(`SELECT 1 FROM kernel_event_dead WHERE consumer = $1 AND aggregate = ANY($2::text[]) LIMIT 1`, [consumer.name, aggregates])) as unknown[];
      if (held.length > 0) return { applied: false as const };
      const fresh = new Set(
        (
          (await manager.query(
            `INSERT INTO kernel_event_processed (consumer, event_id) SELECT $1, id FROM unnest($2::text[]) AS id ON CONFLICT DO NOTHING RETURNING event_id`,
            [consumer.name, events.map((e) => e.id)],
          )) as { event_id: string }[]
        ).map((r) => r.event_id),
      );
      for (const [index, event] of events.entries()) {
        if (stopping()) throw new Halted();
        if (!fresh.has(event.id)) continue;
        try {
          await consumer.handle(event, { manager, logger, policies });
        } catch (error) {
          failed = { index, error };
          throw error;
        }
      }
      if (stopping()) throw new Halted();
      await savePosition(manager, consumer.name, events[events.length - 1]);
      return { applied: true as const };
    });
  } catch (error) {
    if (error instanceof Halted || stopping()) return 'halted';
    logger.debug({ err: error, consumer: consumer.name, events: events.length }, 'batch failed; applying its events one by one');
    return { applied: false, failed };
  }
}

/**
 * Re-applies dead letters of a subgraph's database (used by a running subgraph and by
 * `xz events replay`): the selected ones and, for each, its whole aggregate in order — the dead event
 * first, then those held behind it. One that fails again stays dead and keeps the rest held.
 */
export async function replayDeadLetters(consumers: EventConsumer[], selection: ReplaySelection, deps: ConsumerDeps): Promise<ReplayResult> {
  const all = await listDeadLetters(deps.dataSource, { consumer: selection.consumer });
  const wanted = new Set(selection.ids ?? []);
  const groups = new Map<string, DeadLetter[]>();
  for (const d of all) {
    const key = `${d.consumer}\u0000${d.aggregate}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const result: ReplayResult = { applied: 0, failed: 0, skipped: 0 };
  for (const group of groups.values()) {
    if (!selection.all && !group.some((d) => wanted.has(d.id))) continue;
    const consumer = consumers.find((c) => c.name === group[0].consumer);
    if (!consumer) {
      result.skipped += group.length;
      continue;
    }
    // the aggregate's rows are read again before each one: a replica may have parked another behind them meanwhile
    for (;;) {
      const [dead] = (
        (await deps.dataSource.query(`SELECT * FROM kernel_event_dead WHERE consumer = $1 AND aggregate = $2 ORDER BY id LIMIT 1`, [
          consumer.name,
          group[0].aggregate,
        ])) as DeadRow[]
      ).map(toDeadLetter);
      if (!dead) break;
      const event: ConsumedEvent = { id: dead.eventId, subject: dead.subject, payload: dead.payload, source: dead.source ?? undefined, position: dead.position ?? undefined };
      const outcome = await applyWithRetries(consumer, event, deps, { stopping: () => false, replayOf: dead });
      if (outcome === 'dead') {
        result.failed += 1;
        break;
      }
      result.applied += 1;
    }
  }
  return result;
}

/**
 * Forgets a consumer's position, processed ids and dead letters and empties its projection
 * (`reset`), in one transaction (used by `rebuild` and `xz events rebuild`).
 */
export async function resetConsumer(consumer: EventConsumer, dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    if (consumer.reset) await consumer.reset(manager);
    await manager.query(`DELETE FROM kernel_event_processed WHERE consumer = $1`, [consumer.name]);
    await manager.query(`DELETE FROM kernel_consumer_position WHERE consumer = $1`, [consumer.name]);
    await manager.query(`DELETE FROM kernel_event_dead WHERE consumer = $1`, [consumer.name]);
  });
}

/** One consumer: everything it does runs through `serial`, one thing at a time. */
class ConsumerRunner {
  private tail: Promise<unknown> = Promise.resolve();
  stopping = false;
  active = false;
  private pumping: Promise<void> | null = null;
  private again = false;
  private readonly cleanups: (() => Promise<void> | void)[] = [];
  private durable: OrderedDurable | null = null;
  private durableLoop: Promise<void> | null = null;
  private natsPosition = 0;

  constructor(
    readonly consumer: EventConsumer,
    private readonly bus: EventBus,
    private readonly deps: ConsumerDeps,
  ) {}

  private get logger(): Logger {
    return this.deps.logger;
  }

  serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.catch(() => undefined).then(work);
    this.tail = run;
    return run;
  }

  private apply(event: ConsumedEvent, firstAttemptFailed?: { error: unknown }): Promise<Outcome> {
    return applyWithRetries(this.consumer, event, this.deps, { stopping: () => this.stopping, firstAttemptFailed });
  }

  async start(): Promise<void> {
    this.active = true;
    if (this.bus instanceof InProcessEventBus) {
      const bus = this.bus;
      this.cleanups.push(bus.onOutbox(() => void this.wake()));
      for (const subject of this.consumer.subjects) {
        const sub = await bus.subscribe(subject, async () => void this.wake());
        this.cleanups.push(() => sub.unsubscribe());
      }
      void this.wake();
    } else if (this.bus instanceof NatsEventBus) {
      await this.openDurable();
    } else {
      // another bus: at-least-once through its durable subscriptions, deduplicated by the processed ids
      const subs: EventSubscription[] = [];
      for (const subject of this.consumer.subjects) {
        subs.push(
          await this.bus.subscribe(subject, (e) => this.serial(async () => {
            const outcome = await this.apply({ id: e.id, subject: e.subject, payload: e.payload });
            if (outcome === 'halted') throw new Halted();
          }), { durable: this.consumer.name }),
        );
      }
      this.cleanups.push(() => Promise.all(subs.map((s) => s.unsubscribe())).then(() => undefined));
    }
  }

  // ---- in process: the outbox tables are the source

  /** Reads and applies what is after the position in every registered outbox; resolves when none is left. */
  wake(): Promise<void> {
    if (!this.active || this.stopping) return Promise.resolve();
    if (this.pumping) {
      this.again = true;
      return this.pumping;
    }
    this.pumping = (async () => {
      try {
        do {
          this.again = false;
          await this.serial(() => this.pumpOutboxes());
        } while (this.again && !this.stopping);
      } catch (error) {
        this.logger.error({ err: error, consumer: this.consumer.name }, 'consumer could not read the outboxes');
      } finally {
        this.pumping = null;
      }
    })();
    return this.pumping;
  }

  private async pumpOutboxes(): Promise<void> {
    const bus = this.bus as InProcessEventBus;
    const patterns = this.consumer.subjects.map(patternRegex);
    for (const source of bus.outboxes()) {
      for (;;) {
        if (this.stopping) return;
        const rows = await this.readOutbox(source, patterns);
        if (rows.length === 0) break;
        const events: ConsumedEvent[] = rows.map((row) => ({ id: `${source.table}:${row.id}`, subject: row.name, payload: row.payload, source: source.table, position: Number(row.id) }));
        const batch = events.length > 1 ? await applyBatch(this.consumer, events, this.deps, () => this.stopping) : { applied: false as const };
        if (batch === 'halted') return;
        if (!batch.applied) {
          for (const [index, event] of events.entries()) {
            if (this.stopping) return;
            await this.apply(event, batch.failed?.index === index ? { error: batch.failed.error } : undefined);
          }
        }
        if (rows.length < BATCH) break;
      }
    }
  }

  private async readOutbox(source: OutboxSource, patterns: string[]): Promise<{ id: number | string; name: string; payload: Record<string, unknown> }[]> {
    if (!source.dataSource.isInitialized) return [];
    const position = await readPosition(this.deps.dataSource, this.consumer.name, source.table);
    return (await source.dataSource.query(
      `SELECT id, name, payload FROM "${source.table}" WHERE id > $1 AND name ~ ANY($2::text[]) ORDER BY id LIMIT ${BATCH}`,
      [position, patterns],
    )) as { id: number | string; name: string; payload: Record<string, unknown> }[];
  }

  /** Events after its position not applied yet; null when it does not run in this process. */
  async lag(): Promise<number | null> {
    if (!this.active || this.stopping) return null;
    if (this.bus instanceof InProcessEventBus) {
      const patterns = this.consumer.subjects.map(patternRegex);
      let behind = 0;
      for (const source of this.bus.outboxes()) {
        if (!source.dataSource.isInitialized) continue;
        const position = await readPosition(this.deps.dataSource, this.consumer.name, source.table);
        const [row] = (await source.dataSource.query(`SELECT count(*) AS n FROM "${source.table}" WHERE id > $1 AND name ~ ANY($2::text[])`, [position, patterns])) as { n: string | number }[];
        behind += Number(row.n);
      }
      return behind;
    }
    return this.durable ? this.durable.pending() : null;
  }

  // ---- NATS JetStream: an ordered durable from the position

  private async openDurable(): Promise<void> {
    const bus = this.bus as NatsEventBus;
    const source = `nats:${bus.stream}`;
    this.natsPosition = await readPosition(this.deps.dataSource, this.consumer.name, source);
    const durable = await bus.openOrderedDurable(this.consumer.name, this.consumer.subjects, this.natsPosition);
    this.durable = durable;
    this.durableLoop = (async () => {
      try {
        for await (const d of durable.deliveries) {
          if (this.stopping) break;
          const done = await this.serial(async () => {
            if (d.event === null || d.sequence <= this.natsPosition || !this.consumer.subjects.some((p) => subjectMatches(p, d.event?.subject ?? ''))) return true;
            const keepAlive = setInterval(() => d.working(), 5_000);
            try {
              const outcome = await this.apply({ ...d.event, source, position: d.sequence });
              if (outcome === 'halted') return false;
            } finally {
              clearInterval(keepAlive);
            }
            this.natsPosition = d.sequence;
            return true;
          });
          if (!done) break;
          await d.ack().catch((error: unknown) => this.logger.warn({ err: error, consumer: this.consumer.name, sequence: d.sequence }, 'ack not confirmed; a redelivery will be skipped'));
        }
      } catch (error) {
        if (!this.stopping) this.logger.error({ err: error, consumer: this.consumer.name }, 'consumer stopped reading NATS with an error');
      }
    })();
  }

  private async closeDurable(): Promise<void> {
    await this.durable?.close();
    await this.durableLoop;
    this.durable = null;
    this.durableLoop = null;
  }

  // ---- handle operations

  async drain(): Promise<void> {
    if (!this.active) return;
    if (this.bus instanceof InProcessEventBus) {
      await this.wake();
      return;
    }
    if (this.durable) {
      for (;;) {
        await this.serial(async () => undefined);
        if (!this.durable || this.stopping || (await this.durable.pending()) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await this.serial(async () => undefined);
    }
  }

  async rebuild(): Promise<void> {
    const nats = this.bus instanceof NatsEventBus && this.active;
    if (nats) await this.closeDurable();
    await this.serial(() => resetConsumer(this.consumer, this.deps.dataSource));
    this.logger.info({ consumer: this.consumer.name }, 'consumer reset; consuming again from the beginning');
    if (nats) await this.openDurable();
    await this.drain();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const cleanup of this.cleanups.splice(0)) await cleanup();
    if (this.durable) await this.closeDurable();
    await this.pumping;
    await this.serial(async () => undefined);
    this.active = false;
  }
}

/**
 * Starts the consumers of a subgraph on its bus (see the file comment). On PostgreSQL each consumer
 * first takes its advisory lock; one whose lock another replica holds starts when it gets it.
 */
export async function startConsumers(
  consumers: EventConsumer[],
  bus: EventBus,
  deps: ConsumerDeps & { schema: string },
): Promise<SubgraphConsumers> {
  const names = consumers.map((c) => c.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw new Error(`consumer ${duplicate} is declared twice`);
  const runners = new Map(consumers.map((c) => [c.name, new ConsumerRunner(c, bus, deps)]));
  let lockRunner: QueryRunner | null = null;
  const standby = new Set<ConsumerRunner>();
  let standbyTimer: NodeJS.Timeout | null = null;
  let stopped = false;
  let stopping: Promise<void> | null = null;
  const lockKey = (name: string) => `xz-consumer:${deps.schema}:${name}`;

  const tryLock = async (runner: ConsumerRunner): Promise<boolean> => {
    if (!lockRunner) return true;
    const [row] = (await lockRunner.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS locked`, [lockKey(runner.consumer.name)])) as { locked: boolean }[];
    return row.locked;
  };

  if (consumers.length > 0 && !isEmbeddedDatabase(deps.dataSource)) {
    lockRunner = deps.dataSource.createQueryRunner();
    await lockRunner.connect();
  }
  for (const runner of runners.values()) {
    if (await tryLock(runner)) await runner.start();
    else {
      deps.logger.info({ consumer: runner.consumer.name }, 'consumer runs in another replica; standing by');
      standby.add(runner);
    }
  }
  if (standby.size > 0) {
    standbyTimer = setInterval(() => {
      void (async () => {
        for (const runner of [...standby]) {
          if (stopped) return;
          if (await tryLock(runner).catch(() => false)) {
            standby.delete(runner);
            await runner.start();
          }
        }
      })().catch((error: unknown) => deps.logger.error({ err: error }, 'consumer take-over failed'));
    }, 5_000);
    standbyTimer.unref();
  }

  const runnerOf = (name: string): ConsumerRunner => {
    const runner = runners.get(name);
    if (!runner) throw new Error(`no consumer ${name} in this subgraph (consumers: ${names.join(', ') || 'none'})`);
    return runner;
  };

  return {
    names,
    running: () => [...runners.values()].filter((r) => r.active && !r.stopping).map((r) => r.consumer.name),
    drain: async () => {
      await Promise.all([...runners.values()].map((r) => r.drain()));
    },
    lag: async () => {
      const entries = await Promise.all([...runners.values()].map(async (r) => [r.consumer.name, await r.lag()] as const));
      return Object.fromEntries(entries.filter((e): e is readonly [string, number] => e[1] !== null));
    },
    deadLetters: (filter = {}) => listDeadLetters(deps.dataSource, filter),
    replay: async (selection) => {
      // replay while no consumer of this subgraph applies anything else, then let them go on
      const involved = [...runners.values()].filter((r) => !selection.consumer || r.consumer.name === selection.consumer);
      const pause = involved.map(() => {
        let release!: () => void;
        const released = new Promise<void>((resolve) => (release = resolve));
        return { release, released };
      });
      const paused = involved.map((r, i) => new Promise<void>((entered) => void r.serial(async () => {
        entered();
        await pause[i].released;
      })));
      await Promise.all(paused);
      try {
        return await replayDeadLetters(consumers, selection, deps);
      } finally {
        pause.forEach((p) => p.release());
        await Promise.all(involved.map((r) => (bus instanceof InProcessEventBus ? r.wake() : Promise.resolve())));
      }
    },
    rebuild: async (name) => {
      await runnerOf(name).rebuild();
    },
    stop: () => {
      stopping ??= (async () => {
        stopped = true;
        if (standbyTimer) clearInterval(standbyTimer);
        await Promise.all([...runners.values()].map((r) => r.stop()));
        if (lockRunner) {
          await lockRunner.query(`SELECT pg_advisory_unlock_all()`).catch(() => undefined);
          await lockRunner.release();
        }
      })();
      return stopping;
    },
  };
}
