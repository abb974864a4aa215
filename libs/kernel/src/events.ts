import {
  AckPolicy,
  connect,
  DeliverPolicy,
  JSONCodec,
  nanos,
  ErrorCode,
  NatsError,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  type NatsConnection,
} from 'nats';
import type { DataSource } from 'typeorm';
import { createLogger, type Logger } from './logger';

/**
 * 事件总线 the bus subgraphs publish their domain events on (from their transactional outboxes) and
 * other subgraphs and plugins subscribe to. Subjects are the event names (`personnel.cadre.appointed`):
 * dot-separated tokens of letters, digits, `_` and `-`. Subscription patterns use NATS wildcards:
 * `*` matches exactly one token, `>` (last token only) matches one or more remaining tokens.
 */
export interface EventBus {
  /**
   * Publishes one event. `id` is its deduplication id: the same id published twice within the
   * deduplication window (2 minutes) is delivered once. Resolves once the bus has accepted it.
   */
  publish(subject: string, payload: Record<string, unknown>, options: { id: string }): Promise<void>;
  /**
   * Calls `handler` for each event whose subject matches `subjectPattern`. Without `durable`, only
   * events published after the subscription are delivered; with `durable`, a named consumer
   * remembers what it has processed across restarts (on NATS), and subscribers sharing the name share
   * the work. A handler that throws gets the event again later (on NATS; in process it is logged).
   */
  subscribe(subjectPattern: string, handler: EventHandler, options?: SubscribeOptions): Promise<EventSubscription>;
  /** Stops every subscription and releases the connection. */
  close(): Promise<void>;
}

/** An event as a subscriber receives it. */
export interface BusEvent {
  subject: string;
  /** The deduplication id given to `publish`. */
  id: string;
  payload: Record<string, unknown>;
}

export type EventHandler = (event: BusEvent) => Promise<void>;

export interface SubscribeOptions {
  /** Name of a durable consumer (letters, digits, `_`, `-`). */
  durable?: string;
}

export interface EventSubscription {
  unsubscribe(): Promise<void>;
}

/** One message of an ordered durable (`NatsEventBus.openOrderedDurable`). */
export interface OrderedDelivery {
  /** The event; null when the message is not JSON (ack it to skip it). */
  event: BusEvent | null;
  /** Its stream sequence. */
  sequence: number;
  /** Acknowledges it (after the consumer's transaction has committed). */
  ack: () => Promise<void>;
  /** Tells the server it is still being worked on (resets its ack timer). */
  working: () => void;
}

/** A durable pull consumer delivering in stream order from a given sequence. */
export interface OrderedDurable {
  /** Its name on the server. */
  durable: string;
  stream: string;
  deliveries: AsyncIterable<OrderedDelivery>;
  /** Messages the server has not delivered yet plus those delivered and not acked. */
  pending: () => Promise<number>;
  /** Stops fetching (what was delivered and not acked is redelivered to the next durable of that name). */
  close: () => Promise<void>;
}

/** How long a publish id is remembered for deduplication (the JetStream default). */
export const EVENT_DEDUP_WINDOW_MS = 120_000;

const TOKEN = /^[A-Za-z0-9_-]+$/;
const NAME = /^[A-Za-z0-9_-]+$/;

/** Throws unless `subject` is a publishable subject (no wildcards, no empty tokens). */
export function assertSubject(subject: string): void {
  if (!subject.split('.').every((t) => TOKEN.test(t))) throw new Error(`invalid event subject: ${JSON.stringify(subject)}`);
}

/** Throws unless `pattern` is a valid subscription pattern (`*` any token, `>` only last). */
export function assertSubjectPattern(pattern: string): void {
  const tokens = pattern.split('.');
  const ok = tokens.every((t, i) => TOKEN.test(t) || t === '*' || (t === '>' && i === tokens.length - 1));
  if (!ok) throw new Error(`invalid event subject pattern: ${JSON.stringify(pattern)}`);
}

function assertName(kind: string, name: string): void {
  if (!NAME.test(name)) throw new Error(`invalid ${kind}: ${JSON.stringify(name)}`);
}

/** Whether `subject` matches the NATS-style `pattern` (`*` one token, `>` one or more remaining tokens). */
export function subjectMatches(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (let i = 0; i < p.length; i += 1) {
    if (p[i] === '>') return s.length > i;
    if (i >= s.length) return false;
    if (p[i] !== '*' && p[i] !== s[i]) return false;
  }
  return p.length === s.length;
}

interface LocalSubscription {
  pattern: string;
  handler: EventHandler;
  durable?: string;
}

/**
 * A transactional outbox table of a subgraph running in this process. In embedded mode it is the
 * source consumers read their events from (rows after their position, in id order), which makes them
 * durable across a restart; a publish only wakes them up.
 */
export interface OutboxSource {
  /** The outbox table, unique in the deployment (e.g. `grids_event`). */
  table: string;
  /** The subgraph that writes it. */
  subgraph: string;
  /** The subgraph's database (the table is in its schema). */
  dataSource: DataSource;
}

/**
 * The bus of the embedded mode: delivers in this process, to every matching subscription, and
 * awaits each handler before `publish` resolves. A handler's error is logged, never thrown to the
 * publisher. Subscriptions sharing a durable name share the events (each goes to one of them, in
 * turn). Ids are deduplicated within `EVENT_DEDUP_WINDOW_MS`, like JetStream. Nothing is persisted.
 */
export class InProcessEventBus implements EventBus {
  private readonly subscriptions = new Set<LocalSubscription>();
  private readonly recent = new Map<string, number>();
  private readonly turns = new Map<string, number>();
  private readonly logger: Logger;
  private readonly dedupWindowMs: number;
  private readonly outboxSources = new Map<string, OutboxSource>();
  private readonly outboxListeners = new Set<() => void>();
  private closed = false;

  /**
   * Makes an outbox table of a subgraph in this process readable by consumers (`startSubgraph` does
   * it for the outboxes a module declares); returns a function that removes it again.
   */
  registerOutbox(source: OutboxSource): () => void {
    const existing = this.outboxSources.get(source.table);
    if (existing && existing.dataSource !== source.dataSource) {
      throw new Error(`outbox ${source.table} is already registered by subgraph ${existing.subgraph}`);
    }
    this.outboxSources.set(source.table, source);
    for (const listener of this.outboxListeners) listener();
    return () => {
      if (this.outboxSources.get(source.table) === source) this.outboxSources.delete(source.table);
    };
  }

  /** The outbox tables registered in this process, by table name. */
  outboxes(): OutboxSource[] {
    return [...this.outboxSources.values()].sort((a, b) => a.table.localeCompare(b.table));
  }

  /** Calls `listener` whenever an outbox is registered; returns a function that stops that. */
  onOutbox(listener: () => void): () => void {
    this.outboxListeners.add(listener);
    return () => void this.outboxListeners.delete(listener);
  }

  constructor(options: { logger?: Logger; dedupWindowMs?: number } = {}) {
    this.logger = options.logger ?? createLogger('events');
    this.dedupWindowMs = options.dedupWindowMs ?? EVENT_DEDUP_WINDOW_MS;
  }

  async publish(subject: string, payload: Record<string, unknown>, options: { id: string }): Promise<void> {
    assertSubject(subject);
    if (this.closed) throw new Error('event bus is closed');
    const now = Date.now();
    for (const [id, at] of this.recent) {
      if (now - at < this.dedupWindowMs) break; // insertion order = time order
      this.recent.delete(id);
    }
    if (this.recent.has(options.id)) {
      this.logger.debug({ subject, id: options.id }, 'duplicate event dropped');
      return;
    }
    this.recent.set(options.id, now);
    const event: BusEvent = { subject, id: options.id, payload };
    const matching = [...this.subscriptions].filter((s) => subjectMatches(s.pattern, subject));
    const targets = matching.filter((s) => s.durable === undefined);
    const groups = new Map<string, LocalSubscription[]>();
    for (const s of matching) if (s.durable !== undefined) groups.set(s.durable, [...(groups.get(s.durable) ?? []), s]);
    for (const [durable, members] of groups) {
      const turn = this.turns.get(durable) ?? 0;
      this.turns.set(durable, turn + 1);
      targets.push(members[turn % members.length]);
    }
    for (const s of targets) {
      try {
        await s.handler(event);
      } catch (error) {
        this.logger.error({ err: error, subject, id: options.id, durable: s.durable }, 'event handler failed');
      }
    }
  }

  async subscribe(subjectPattern: string, handler: EventHandler, options: SubscribeOptions = {}): Promise<EventSubscription> {
    assertSubjectPattern(subjectPattern);
    if (options.durable !== undefined) assertName('durable name', options.durable);
    if (this.closed) throw new Error('event bus is closed');
    const sub: LocalSubscription = { pattern: subjectPattern, handler, durable: options.durable };
    this.subscriptions.add(sub);
    return {
      unsubscribe: async () => {
        this.subscriptions.delete(sub);
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.subscriptions.clear();
    this.outboxSources.clear();
    this.outboxListeners.clear();
  }
}

export interface NatsEventBusOptions {
  /** NATS server(s), e.g. `nats://127.0.0.1:4222` (comma-separated for a cluster). */
  url: string;
  /** JetStream stream holding the events (default `XIANGZHI`). Created, or updated to cover the subjects. */
  stream?: string;
  /** Subject prefix on NATS: event `a.b` travels as `<prefix>.a.b` (default `xz`; the stream covers `<prefix>.>`). */
  prefix?: string;
  /** Deduplication window of a stream this call creates (default 2 minutes). */
  dedupWindowMs?: number;
  /** Retention: events older than this are removed from the stream (0 or absent: kept). */
  maxAgeMs?: number;
  /** Retention: at most this many events are kept, the oldest removed first (absent: no limit). */
  maxMessages?: number;
  /** How long the server waits for an ack before redelivering (default 30 s). */
  ackWaitMs?: number;
  /** Connection name shown by the server (default `xiangzhi`). */
  name?: string;
  /** Give up connecting after this long (default 10 s). */
  connectTimeoutMs?: number;
  /**
   * How long a JetStream API request (stream and consumer management, publish acks) may wait for its
   * answer (default 30 s): a process busy booting several subgraphs may not read the answer sooner.
   */
  apiTimeoutMs?: number;
  logger?: Logger;
}

const STREAM_NOT_FOUND = 10059;
const CONSUMER_NOT_FOUND = 10014;
const STREAM_NAME_IN_USE = 10058;

function apiErrorCode(error: unknown): number | undefined {
  return error instanceof NatsError ? error.api_error?.err_code : undefined;
}

/** How many times a JetStream management request is sent before its timeout is the caller's error. */
const ADMIN_ATTEMPTS = 3;

/**
 * Sends a JetStream management request (stream and consumer info, add, update, delete), again when
 * its answer did not come in time. Each of these requests may be sent twice: a durable consumer added
 * twice with the same configuration is the same consumer, a delete repeated finds nothing to delete,
 * and an ephemeral consumer added twice leaves the first unread, removed by the server after its
 * inactivity threshold (60 s). A process
 * whose event loop is held (several subgraphs booting at once, a long garbage collection) can fire
 * the request's timer before it reads an answer that has arrived; the next attempt is read in time.
 */
async function adminRequest<T>(logger: Logger, what: string, send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof NatsError) || error.code !== ErrorCode.Timeout || attempt >= ADMIN_ATTEMPTS) throw error;
      logger.warn({ what, attempt, of: ADMIN_ATTEMPTS }, 'JetStream request timed out; sending it again');
    }
  }
}

interface NatsSubscription {
  messages: ConsumerMessages;
  loop: Promise<void>;
  consumer: string;
  ephemeral: boolean;
}

/**
 * The bus of a real deployment: NATS JetStream. Events are stored in one stream (subjects
 * `<prefix>.>`) and published with the event id as `Nats-Msg-Id`, so a retried publish within the
 * stream's deduplication window is stored once. Each subscription is a pull consumer with explicit
 * acks: the event is acked after the handler resolves and nak'ed (redelivered after a growing delay,
 * 250 ms doubling up to 30 s) when it throws. Durable consumers start from the beginning of the
 * stream the first time and resume where they stopped afterwards; other subscriptions see only new
 * events and their consumer is removed on unsubscribe.
 */
export class NatsEventBus implements EventBus {
  private readonly codec = JSONCodec<Record<string, unknown>>();
  private readonly subscriptions = new Set<NatsSubscription>();
  private closing: Promise<void> | null = null;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
    private readonly js: JetStreamClient,
    /** The stream name. */
    readonly stream: string,
    /** The subject prefix on NATS. */
    readonly prefix: string,
    private readonly ackWaitMs: number,
    private readonly logger: Logger,
  ) {}

  /** Connects, makes sure the stream exists and covers `<prefix>.>`, and returns the bus. */
  static async connect(options: NatsEventBusOptions): Promise<NatsEventBus> {
    const stream = options.stream ?? 'XIANGZHI';
    const prefix = options.prefix ?? 'xz';
    assertName('stream name', stream);
    assertSubject(prefix);
    const logger = options.logger ?? createLogger('events');
    const nc = await connect({
      servers: options.url.split(',').map((s) => s.trim()),
      name: options.name ?? 'xiangzhi',
      timeout: options.connectTimeoutMs ?? 10_000,
      maxReconnectAttempts: -1,
    });
    try {
      const api = { timeout: options.apiTimeoutMs ?? 30_000 };
      const jsm = await nc.jetstreamManager(api);
      await ensureStream(logger, jsm, stream, `${prefix}.>`, options.dedupWindowMs ?? EVENT_DEDUP_WINDOW_MS, {
        max_age: options.maxAgeMs ? nanos(options.maxAgeMs) : 0,
        max_msgs: options.maxMessages ?? -1,
      });
      logger.info({ url: options.url, stream, subjects: `${prefix}.>` }, 'event bus connected to NATS JetStream');
      return new NatsEventBus(nc, jsm, nc.jetstream(api), stream, prefix, options.ackWaitMs ?? 30_000, logger);
    } catch (error) {
      await nc.close().catch(() => undefined);
      throw error;
    }
  }

  async publish(subject: string, payload: Record<string, unknown>, options: { id: string }): Promise<void> {
    assertSubject(subject);
    if (this.closing) throw new Error('event bus is closed');
    const ack = await this.js.publish(`${this.prefix}.${subject}`, this.codec.encode(payload), { msgID: options.id, expect: { streamName: this.stream } });
    if (ack.duplicate) this.logger.debug({ subject, id: options.id }, 'duplicate event dropped by JetStream');
  }

  async subscribe(subjectPattern: string, handler: EventHandler, options: SubscribeOptions = {}): Promise<EventSubscription> {
    assertSubjectPattern(subjectPattern);
    if (this.closing) throw new Error('event bus is closed');
    const filter = `${this.prefix}.${subjectPattern}`;
    const common = { ack_policy: AckPolicy.Explicit, filter_subject: filter, ack_wait: nanos(this.ackWaitMs) };
    let consumer: string;
    if (options.durable !== undefined) {
      assertName('durable name', options.durable);
      consumer = options.durable;
      try {
        const info = await this.admin('consumers.info', () => this.jsm.consumers.info(this.stream, consumer));
        if (info.config.filter_subject !== filter) await this.admin('consumers.update', () => this.jsm.consumers.update(this.stream, consumer, { filter_subject: filter }));
      } catch (error) {
        if (apiErrorCode(error) !== CONSUMER_NOT_FOUND) throw error;
        await this.admin('consumers.add', () => this.jsm.consumers.add(this.stream, { ...common, durable_name: consumer, deliver_policy: DeliverPolicy.All }));
      }
    } else {
      const info = await this.admin('consumers.add', () => this.jsm.consumers.add(this.stream, { ...common, deliver_policy: DeliverPolicy.New, inactive_threshold: nanos(60_000) }));
      consumer = info.name;
    }
    const messages = await (await this.admin('consumers.get', () => this.js.consumers.get(this.stream, consumer))).consume({ max_messages: 100 });
    const sub: NatsSubscription = { messages, consumer, ephemeral: options.durable === undefined, loop: Promise.resolve() };
    sub.loop = (async () => {
      try {
        for await (const m of messages) await this.deliver(m, handler, consumer);
      } catch (error) {
        this.logger.error({ err: error, consumer, stream: this.stream }, 'event subscription ended with an error');
      }
    })();
    this.subscriptions.add(sub);
    return { unsubscribe: () => this.unsubscribe(sub) };
  }

  private async deliver(m: JsMsg, handler: EventHandler, consumer: string): Promise<void> {
    const subject = m.subject.slice(this.prefix.length + 1);
    const id = m.headers?.get('Nats-Msg-Id') || `${this.stream}:${m.seq}`;
    let payload: Record<string, unknown>;
    try {
      payload = this.codec.decode(m.data);
    } catch (error) {
      this.logger.error({ err: error, subject, id, consumer }, 'event is not JSON; dropped');
      m.term('not JSON');
      return;
    }
    try {
      await handler({ subject, id, payload });
    } catch (error) {
      const attempt = m.info.redeliveryCount;
      const delayMs = Math.min(30_000, 250 * 2 ** Math.min(attempt - 1, 10));
      this.logger.warn({ err: error, subject, id, consumer, attempt, retryInMs: delayMs }, 'event handler failed; will be redelivered');
      m.nak(delayMs);
      return;
    }
    try {
      await m.ackAck();
    } catch (error) {
      this.logger.warn({ err: error, subject, id, consumer }, 'ack not confirmed; the event may be delivered again');
    }
  }

  private admin<T>(what: string, send: () => Promise<T>): Promise<T> {
    return adminRequest(this.logger, what, send);
  }

  private async unsubscribe(sub: NatsSubscription): Promise<void> {
    if (!this.subscriptions.delete(sub)) return;
    await sub.messages.close().catch(() => undefined);
    await sub.loop;
    if (sub.ephemeral && !this.nc.isClosed()) {
      await this.admin('consumers.delete', () => this.jsm.consumers.delete(this.stream, sub.consumer)).catch((error: unknown) => {
        if (apiErrorCode(error) !== CONSUMER_NOT_FOUND) this.logger.warn({ err: error, consumer: sub.consumer }, 'could not delete the consumer');
      });
    }
  }

  /**
   * (Re)creates the durable pull consumer `name` so that it delivers, in stream order, the events
   * after stream sequence `afterSequence` whose subject matches one of `subjects` (0: from the start
   * of the stream), and returns its messages. Whatever the durable had delivered and not acked before
   * is forgotten: the caller (the consumer runtime) keeps its own position in its database and is the
   * only one running this durable (see `consumers-runtime.ts`). The durable's name on the server is
   * `<prefix>_<name>` (dots made `_`). `max_ack_pending` is bounded, so a slow consumer holds back
   * the server instead of buffering without end.
   */
  async openOrderedDurable(name: string, subjects: string[], afterSequence: number): Promise<OrderedDurable> {
    assertName('consumer name', name);
    subjects.forEach(assertSubjectPattern);
    if (this.closing) throw new Error('event bus is closed');
    const durable = `${this.prefix.replaceAll('.', '_')}_${name}`;
    // NATS 2.9 filters on one subject: several patterns share the consumer of the whole prefix and are filtered here
    const filter = subjects.length === 1 ? `${this.prefix}.${subjects[0]}` : `${this.prefix}.>`;
    await this.admin('consumers.delete', () => this.jsm.consumers.delete(this.stream, durable)).catch((error: unknown) => {
      if (apiErrorCode(error) !== CONSUMER_NOT_FOUND) throw error;
    });
    await this.admin('consumers.add', () => this.jsm.consumers.add(this.stream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      ack_wait: nanos(this.ackWaitMs),
      max_ack_pending: 256,
      filter_subject: filter,
      ...(afterSequence > 0 ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: afterSequence + 1 } : { deliver_policy: DeliverPolicy.All }),
    }));
    const consumer = await this.admin('consumers.get', () => this.js.consumers.get(this.stream, durable));
    const messages = await consumer.consume({ max_messages: 100 });
    const codec = this.codec;
    const prefix = this.prefix;
    const stream = this.stream;
    const logger = this.logger;
    async function* events(): AsyncGenerator<OrderedDelivery> {
      for await (const m of messages) {
        const subject = m.subject.slice(prefix.length + 1);
        const id = m.headers?.get('Nats-Msg-Id') || `${stream}:${m.seq}`;
        let payload: Record<string, unknown> | null = null;
        try {
          payload = codec.decode(m.data);
        } catch (error) {
          logger.error({ err: error, subject, id, consumer: durable }, 'event is not JSON; dropped');
        }
        yield {
          event: payload === null ? null : { subject, id, payload },
          sequence: m.seq,
          ack: async () => {
            await m.ackAck();
          },
          working: () => m.working(),
        };
      }
    }
    return {
      durable,
      stream,
      deliveries: events(),
      pending: async () => {
        const info = await this.admin('consumers.info', () => this.jsm.consumers.info(this.stream, durable));
        return info.num_pending + info.num_ack_pending;
      },
      close: async () => {
        // resolves once the iterator is read up to its end: the reader may already have stopped reading
        void messages.close().catch(() => undefined);
      },
    };
  }

  /** Ends every subscription, then deletes the stream and every event in it (tests clean up a stream of their own). */
  async deleteStream(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => this.unsubscribe(s)));
    await this.admin('streams.delete', () => this.jsm.streams.delete(this.stream));
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.subscriptions].map((s) => this.unsubscribe(s)));
      if (!this.nc.isClosed()) await this.nc.drain();
    })();
    return this.closing;
  }
}

async function ensureStream(
  logger: Logger,
  jsm: JetStreamManager,
  stream: string,
  subject: string,
  dedupWindowMs: number,
  retention: { max_age: number; max_msgs: number },
): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const info = await adminRequest(logger, 'streams.info', () => jsm.streams.info(stream));
      const subjects = info.config.subjects ?? [];
      const retentionChanged = info.config.max_age !== retention.max_age || info.config.max_msgs !== retention.max_msgs;
      if (!subjects.includes(subject) || retentionChanged) {
        await adminRequest(logger, 'streams.update', () => jsm.streams.update(stream, { subjects: subjects.includes(subject) ? subjects : [...subjects, subject], ...retention }));
      }
      return;
    } catch (error) {
      if (apiErrorCode(error) !== STREAM_NOT_FOUND) throw error;
    }
    try {
      await adminRequest(logger, 'streams.add', () => jsm.streams.add({ name: stream, subjects: [subject], duplicate_window: nanos(dedupWindowMs), ...retention }));
      return;
    } catch (error) {
      // another process created it meanwhile: look again
      if (apiErrorCode(error) !== STREAM_NAME_IN_USE || attempt > 0) throw error;
    }
  }
}

/** The event bus of a process: NATS JetStream when `natsUrl` is given, else in process. */
export async function createEventBus(options: {
  natsUrl?: string;
  logger?: Logger;
  stream?: string;
  prefix?: string;
  maxAgeMs?: number;
  maxMessages?: number;
}): Promise<EventBus> {
  if (options.natsUrl) {
    return NatsEventBus.connect({
      url: options.natsUrl,
      logger: options.logger,
      stream: options.stream,
      prefix: options.prefix,
      maxAgeMs: options.maxAgeMs,
      maxMessages: options.maxMessages,
    });
  }
  return new InProcessEventBus({ logger: options.logger });
}
