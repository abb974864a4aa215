import { connect } from 'nats';
import pino from 'pino';
import { natsUnreachable, TEST_NATS_URL } from './nats-probe';
import { createEventBus, InProcessEventBus, NatsEventBus, subjectMatches, type BusEvent } from './events';

/** A logger that keeps what it logs, to assert a failure was logged. */
function recordingLogger() {
  const lines: { msg: string; subject?: string; err?: { message: string } }[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]) });
  return { logger, lines };
}

async function waitFor(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('subjectMatches', () => {
  it.each([
    ['personnel.>', 'personnel.cadre.appointed', true],
    ['personnel.>', 'personnel.payroll', true],
    ['personnel.>', 'personnel', false],
    ['personnel.>', 'grids.incident.reported', false],
    ['personnel.cadre.*', 'personnel.cadre.appointed', true],
    ['personnel.cadre.*', 'personnel.cadre', false],
    ['personnel.cadre.*', 'personnel.cadre.appointed.late', false],
    ['personnel.*.appointed', 'personnel.cadre.appointed', true],
    ['personnel.*.appointed', 'personnel.cadre.discharged', false],
    ['*.cadre.>', 'personnel.cadre.appointed', true],
    ['>', 'personnel.cadre.appointed', true],
    ['personnel.cadre.appointed', 'personnel.cadre.appointed', true],
    ['personnel.cadre.appointed', 'personnel.cadre.appointedx', false],
  ])('%s vs %s → %s', (pattern, subject, expected) => {
    expect(subjectMatches(pattern, subject)).toBe(expected);
  });
});

describe('InProcessEventBus', () => {
  it('delivers to every matching subscription, awaiting the handlers, and stops after unsubscribe', async () => {
    const bus = new InProcessEventBus();
    const all: BusEvent[] = [];
    const cadre: string[] = [];
    const grids: string[] = [];
    let handled = false;
    const subAll = await bus.subscribe('personnel.>', async (e) => {
      await pause(20);
      handled = true;
      all.push(e);
    });
    await bus.subscribe('personnel.cadre.*', async (e) => void cadre.push(e.subject));
    await bus.subscribe('grids.>', async (e) => void grids.push(e.subject));

    await bus.publish('personnel.cadre.appointed', { cadreId: 'c1' }, { id: 'e1' });
    expect(handled).toBe(true); // publish resolved after the slow handler finished
    await bus.publish('personnel.payroll.computed', { month: '2025-01' }, { id: 'e2' });

    expect(all).toEqual([
      { subject: 'personnel.cadre.appointed', id: 'e1', payload: { cadreId: 'c1' } },
      { subject: 'personnel.payroll.computed', id: 'e2', payload: { month: '2025-01' } },
    ]);
    expect(cadre).toEqual(['personnel.cadre.appointed']);
    expect(grids).toEqual([]);

    await subAll.unsubscribe();
    await bus.publish('personnel.cadre.discharged', {}, { id: 'e3' });
    expect(all.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(cadre).toEqual(['personnel.cadre.appointed', 'personnel.cadre.discharged']);
    await bus.close();
    await expect(bus.publish('personnel.cadre.appointed', {}, { id: 'e4' })).rejects.toThrow('closed');
  });

  it('logs a failing handler without failing the publisher or the other handlers', async () => {
    const { logger, lines } = recordingLogger();
    const bus = new InProcessEventBus({ logger });
    const received: string[] = [];
    await bus.subscribe('personnel.>', async () => {
      throw new Error('handler broke');
    });
    await bus.subscribe('personnel.>', async (e) => void received.push(e.id));
    await expect(bus.publish('personnel.cadre.appointed', {}, { id: 'x1' })).resolves.toBeUndefined();
    expect(received).toEqual(['x1']);
    const failure = lines.find((l) => l.msg === 'event handler failed');
    expect(failure?.subject).toBe('personnel.cadre.appointed');
    expect(failure?.err?.message).toBe('handler broke');
  });

  it('delivers an id once within the deduplication window', async () => {
    const bus = new InProcessEventBus({ dedupWindowMs: 50 });
    const ids: string[] = [];
    await bus.subscribe('a.>', async (e) => void ids.push(e.id));
    await bus.publish('a.b', {}, { id: 'same' });
    await bus.publish('a.b', {}, { id: 'same' });
    await bus.publish('a.b', {}, { id: 'other' });
    expect(ids).toEqual(['same', 'other']);
    await pause(60);
    await bus.publish('a.b', {}, { id: 'same' });
    expect(ids).toEqual(['same', 'other', 'same']);
  });

  it('shares the events of one durable name among its subscribers', async () => {
    const bus = new InProcessEventBus();
    const first: string[] = [];
    const second: string[] = [];
    const other: string[] = [];
    await bus.subscribe('a.*', async (e) => void first.push(e.id), { durable: 'worker' });
    await bus.subscribe('a.*', async (e) => void second.push(e.id), { durable: 'worker' });
    await bus.subscribe('a.*', async (e) => void other.push(e.id), { durable: 'audit' });
    for (const id of ['1', '2', '3', '4']) await bus.publish('a.b', {}, { id });
    expect([...first, ...second].sort()).toEqual(['1', '2', '3', '4']);
    expect(first).toHaveLength(2);
    expect(other).toEqual(['1', '2', '3', '4']);
  });

  it('rejects malformed subjects and patterns', async () => {
    const bus = new InProcessEventBus();
    await expect(bus.publish('personnel.*', {}, { id: '1' })).rejects.toThrow('invalid event subject');
    await expect(bus.publish('personnel..cadre', {}, { id: '1' })).rejects.toThrow('invalid event subject');
    await expect(bus.subscribe('personnel.>.cadre', async () => undefined)).rejects.toThrow('invalid event subject pattern');
    await expect(bus.subscribe('a.b', async () => undefined, { durable: 'has.dot' })).rejects.toThrow('invalid durable name');
  });

  it('is what createEventBus gives without a NATS url', async () => {
    const bus = await createEventBus({});
    expect(bus).toBeInstanceOf(InProcessEventBus);
    await bus.close();
  });
});

const natsDown = natsUnreachable(TEST_NATS_URL);
if (natsDown) console.warn(`NatsEventBus tests skipped: ${natsDown}`);
const describeNats = natsDown ? describe.skip : describe;

describeNats('NatsEventBus (NATS JetStream)', () => {
  const run = `${process.pid}_${Date.now() % 1_000_000}`;
  const stream = `XZ_KERNEL_SPEC_${run}`;
  const prefix = `xzspec_${run}`;
  let bus: NatsEventBus;

  beforeAll(async () => {
    bus = await NatsEventBus.connect({ url: TEST_NATS_URL, stream, prefix });
  });
  afterAll(async () => {
    await bus.deleteStream();
    await bus.close();
  });

  it('creates the stream on its prefix, and adds a new prefix to an existing stream', async () => {
    const nc = await connect({ servers: TEST_NATS_URL });
    try {
      const jsm = await nc.jetstreamManager();
      expect((await jsm.streams.info(stream)).config.subjects).toEqual([`${prefix}.>`]);
      const again = await NatsEventBus.connect({ url: TEST_NATS_URL, stream, prefix: `${prefix}_b` });
      await again.close();
      expect((await jsm.streams.info(stream)).config.subjects).toEqual([`${prefix}.>`, `${prefix}_b.>`]);
    } finally {
      await nc.close();
    }
  });

  it('delivers an id published twice once (JetStream deduplication)', async () => {
    const received: BusEvent[] = [];
    const sub = await bus.subscribe('dedup.>', async (e) => void received.push(e));
    await bus.publish('dedup.cadre.appointed', { cadreId: 'c1' }, { id: 'personnel_event:1' });
    await bus.publish('dedup.cadre.appointed', { cadreId: 'c1' }, { id: 'personnel_event:1' });
    await bus.publish('dedup.cadre.discharged', { cadreId: 'c1' }, { id: 'personnel_event:2' });
    await waitFor('two events', () => received.length >= 2);
    await pause(300);
    expect(received).toEqual([
      { subject: 'dedup.cadre.appointed', id: 'personnel_event:1', payload: { cadreId: 'c1' } },
      { subject: 'dedup.cadre.discharged', id: 'personnel_event:2', payload: { cadreId: 'c1' } },
    ]);
    await sub.unsubscribe();
  });

  it('only matches the pattern: `*` is one token', async () => {
    const received: string[] = [];
    const sub = await bus.subscribe('match.cadre.*', async (e) => void received.push(e.subject));
    await bus.publish('match.cadre.appointed.late', {}, { id: 'm1' });
    await bus.publish('match.post.created', {}, { id: 'm2' });
    await bus.publish('match.cadre.appointed', {}, { id: 'm3' });
    await waitFor('the matching event', () => received.length >= 1);
    await pause(300);
    expect(received).toEqual(['match.cadre.appointed']);
    await sub.unsubscribe();
  });

  it('a durable subscription receives what was published before it and resumes where it stopped', async () => {
    await bus.publish('durable.cadre.appointed', { n: 1 }, { id: 'd1' });
    const first: string[] = [];
    const sub = await bus.subscribe('durable.>', async (e) => void first.push(e.id), { durable: 'spec-durable' });
    await waitFor('the earlier event', () => first.length >= 1);
    await bus.publish('durable.cadre.appointed', { n: 2 }, { id: 'd2' });
    await waitFor('the second event', () => first.length >= 2);
    expect(first).toEqual(['d1', 'd2']);
    await sub.unsubscribe();

    await bus.publish('durable.cadre.discharged', { n: 3 }, { id: 'd3' });
    const second: BusEvent[] = [];
    const again = await bus.subscribe('durable.>', async (e) => void second.push(e), { durable: 'spec-durable' });
    await waitFor('the event published while away', () => second.length >= 1);
    await pause(300);
    expect(second).toEqual([{ subject: 'durable.cadre.discharged', id: 'd3', payload: { n: 3 } }]);
    await again.unsubscribe();
  });

  it('redelivers an event whose handler failed, until it succeeds', async () => {
    const { logger, lines } = recordingLogger();
    const failing = await NatsEventBus.connect({ url: TEST_NATS_URL, stream, prefix, logger });
    try {
      const attempts: BusEvent[] = [];
      const handled: string[] = [];
      await failing.subscribe(
        'retry.>',
        async (e) => {
          attempts.push(e);
          if (attempts.length < 3) throw new Error(`attempt ${attempts.length} failed`);
          handled.push(e.id);
        },
        { durable: 'spec-retry' },
      );
      await failing.publish('retry.sanction.decided', { sanctionId: 's1' }, { id: 'r1' });
      await waitFor('the third delivery', () => handled.length >= 1);
      await pause(500);
      expect(attempts.map((a) => a.id)).toEqual(['r1', 'r1', 'r1']);
      expect(attempts[2].payload).toEqual({ sanctionId: 's1' });
      expect(handled).toEqual(['r1']);
      expect(lines.filter((l) => l.msg === 'event handler failed; will be redelivered').map((l) => l.err?.message)).toEqual(['attempt 1 failed', 'attempt 2 failed']);
    } finally {
      await failing.close();
    }
  });

  it('sends a management request again when a held event loop let its timer fire first, and the durable then delivers', async () => {
    const { logger, lines } = recordingLogger();
    const held = await NatsEventBus.connect({ url: TEST_NATS_URL, stream, prefix, logger, apiTimeoutMs: 250 });
    try {
      await held.publish('held.post.vacated', { n: 1 }, { id: 'h1' });
      const opening = held.openOrderedDurable('spec_held', ['held.>'], 0);
      // the process is busy for longer than the request's timeout, as when several subgraphs boot at once
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 600);
      const durable = await opening;
      const timedOut = lines.filter((l) => l.msg === 'JetStream request timed out; sending it again');
      expect(timedOut.length).toBeGreaterThanOrEqual(1);
      const first = await durable.deliveries[Symbol.asyncIterator]().next();
      expect(first.done).toBe(false);
      if (!first.done) {
        expect(first.value.event).toEqual({ subject: 'held.post.vacated', id: 'h1', payload: { n: 1 } });
        await first.value.ack();
      }
      await durable.close();
    } finally {
      await held.close();
    }
  });

  it('is what createEventBus gives with a NATS url; a closed bus refuses to publish', async () => {
    const other = await createEventBus({ natsUrl: TEST_NATS_URL, stream, prefix });
    expect(other).toBeInstanceOf(NatsEventBus);
    await other.close();
    await expect(other.publish('x.y', {}, { id: 'z' })).rejects.toThrow('closed');
  });
});
