import {
  AckPolicy,
  connect,
  DeliverPolicy,
  JSONCodec,
  nanos,
  NatsError,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  type NatsConnection,
} from 'nats';
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
  private closed = false;

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
  /** How long the server waits for an ack before redelivering (default 30 s). */
  ackWaitMs?: number;
  /** Connection name shown by the server (default `xiangzhi`). */
  name?: string;
  /** Give up connecting after this long (default 10 s). */
  connectTimeoutMs?: number;
  logger?: Logger;
}

const STREAM_NOT_FOUND = 10059;
const CONSUMER_NOT_FOUND = 10014;
const STREAM_NAME_IN_USE = 10058;

function apiErrorCode(error: unknown): number | undefined {
  return error instanceof NatsError ? error.api_error?.err_code : undefined;
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
      const jsm = await nc.jetstreamManager();
      await ensureStream(jsm, stream, `${prefix}.>`, options.dedupWindowMs ?? EVENT_DEDUP_WINDOW_MS);
      logger.info({ url: options.url, stream, subjects: `${prefix}.>` }, 'event bus connected to NATS JetStream');
      return new NatsEventBus(nc, jsm, nc.jetstream(), stream, prefix, options.ackWaitMs ?? 30_000, logger);
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
        const info = await this.jsm.consumers.info(this.stream, consumer);
        if (info.config.filter_subject !== filter) await this.jsm.consumers.update(this.stream, consumer, { filter_subject: filter });
      } catch (error) {
        if (apiErrorCode(error) !== CONSUMER_NOT_FOUND) throw error;
        await this.jsm.consumers.add(this.stream, { ...common, durable_name: consumer, deliver_policy: DeliverPolicy.All });
      }
    } else {
      const info = await this.jsm.consumers.add(this.stream, { ...common, deliver_policy: DeliverPolicy.New, inactive_threshold: nanos(60_000) });
      consumer = info.name;
    }
    const messages = await (await this.js.consumers.get(this.stream, consumer)).consume({ max_messages: 100 });
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

  private async unsubscribe(sub: NatsSubscription): Promise<void> {
    if (!this.subscriptions.delete(sub)) return;
    await sub.messages.close().catch(() => undefined);
    await sub.loop;
    if (sub.ephemeral && !this.nc.isClosed()) {
      await this.jsm.consumers.delete(this.stream, sub.consumer).catch((error: unknown) => {
        if (apiErrorCode(error) !== CONSUMER_NOT_FOUND) this.logger.warn({ err: error, consumer: sub.consumer }, 'could not delete the consumer');
      });
    }
  }

  /** Ends every subscription, then deletes the stream and every event in it (tests clean up a stream of their own). */
  async deleteStream(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => this.unsubscribe(s)));
    await this.jsm.streams.delete(this.stream);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.subscriptions].map((s) => this.unsubscribe(s)));
      if (!this.nc.isClosed()) await this.nc.drain();
    })();
    return this.closing;
  }
}

async function ensureStream(jsm: JetStreamManager, stream: string, subject: string, dedupWindowMs: number): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const info = await jsm.streams.info(stream);
      const subjects = info.config.subjects ?? [];
      if (!subjects.includes(subject)) await jsm.streams.update(stream, { subjects: [...subjects, subject] });
      return;
    } catch (error) {
      if (apiErrorCode(error) !== STREAM_NOT_FOUND) throw error;
    }
    try {
      await jsm.streams.add({ name: stream, subjects: [subject], duplicate_window: nanos(dedupWindowMs) });
      return;
    } catch (error) {
      // another process created it meanwhile: look again
      if (apiErrorCode(error) !== STREAM_NAME_IN_USE || attempt > 0) throw error;
    }
  }
}

/** The event bus of a process: NATS JetStream when `natsUrl` is given, else in process. */
export async function createEventBus(options: { natsUrl?: string; logger?: Logger; stream?: string; prefix?: string }): Promise<EventBus> {
  if (options.natsUrl) return NatsEventBus.connect({ url: options.natsUrl, logger: options.logger, stream: options.stream, prefix: options.prefix });
  return new InProcessEventBus({ logger: options.logger });
}
