import { subgraph as grids } from '@xiangzhi/grids';
import { Role, type Actor } from '@xiangzhi/kernel';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { startTestPlatform, testFixtures, type TestPlatform } from '@xiangzhi/testing';

/**
 * `GET /metrics` (Prometheus text) on the gateway and on every subgraph: operations counted by name
 * and outcome, latency histograms, the gateway's subgraph fetches, and the subgraphs' events
 * (consumer lag, dead letters, outbox backlog) read from their databases at each scrape.
 */
const admin: Actor = { id: 'metrics-admin', roles: [Role.COUNTY_ADMIN], scope: '990101000000' };
const outsider: Actor = { id: 'metrics-outsider', roles: [Role.VILLAGE_CADRE], scope: '990102101200' };

async function scrape(url: string): Promise<string> {
  const res = await fetch(new URL('/metrics', url));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
}

/** The sum of the samples of `name` that carry `labels` (and maybe others), or undefined when the scrape has none. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  let sum: number | undefined;
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) sum = (sum ?? 0) + Number(match[3]);
  }
  return sum;
}

describe('/metrics on the gateway and every subgraph', () => {
  let platform: TestPlatform;
  const fixtures = testFixtures(() => platform);
  beforeAll(async () => {
    platform = await startTestPlatform({ subgraphs: [grids, personnel] });
  }, 120_000);
  afterAll(() => platform?.stop());

  it('answers on every process, each labelled with its service, beside the probes the chart uses (/healthz, /readyz)', async () => {
    for (const [service, url] of [['gateway', platform.url], ...Object.entries(platform.subgraphs).map(([n, s]) => [n, s.url])]) {
      for (const probe of ['/healthz', '/readyz']) expect((await fetch(new URL(probe, url))).status).toBe(200);
      const text = await scrape(url);
      expect(sample(text, 'xz_process_resident_memory_bytes', { service })).toBeGreaterThan(0);
      expect(text).toContain('# TYPE xz_graphql_requests_total counter');
      expect(text).toContain('# TYPE xz_graphql_request_duration_seconds histogram');
    }
  });

  it('counts operations by name and outcome, times them, and times the gateway’s subgraph fetches', async () => {
    const village = await fixtures.village({ cadres: 1 });
    const query = `query VillageCadres($c: ID!) { region(code: $c) { name cadres { name } } }`;
    const before = await scrape(platform.url);
    const okBefore = sample(before, 'xz_graphql_requests_total', { operation: 'VillageCadres', outcome: 'ok' }) ?? 0;
    const fetchesBefore = sample(before, 'xz_subgraph_fetch_duration_seconds_count', { subgraph: 'personnel', outcome: 'ok' }) ?? 0;
    const personnelBefore = sample(await scrape(platform.subgraphs.personnel.url), 'xz_graphql_requests_total', { outcome: 'ok' }) ?? 0;

    for (let i = 0; i < 3; i += 1) {
      const res = await platform.query(query, { c: village.code }, admin);
      expect(res.errors).toBeUndefined();
    }
    const refused = await platform.query(query, { c: village.code }, outsider);
    const refusedCode = refused.errors?.[0]?.extensions?.code;
    expect(refusedCode).toBeDefined();

    const after = await scrape(platform.url);
    expect(sample(after, 'xz_graphql_requests_total', { operation: 'VillageCadres', outcome: 'ok' })).toBe(okBefore + 3);
    expect(sample(after, 'xz_graphql_requests_total', { operation: 'VillageCadres', outcome: String(refusedCode) })).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'xz_graphql_request_duration_seconds_count', { operation: 'VillageCadres' })).toBeGreaterThanOrEqual(okBefore + 4);
    expect(sample(after, 'xz_graphql_request_duration_seconds_bucket', { operation: 'VillageCadres', le: '+Inf' })).toBeGreaterThanOrEqual(okBefore + 4);
    // each successful query fetched the village's cadres from personnel at least once
    expect(sample(after, 'xz_subgraph_fetch_duration_seconds_count', { subgraph: 'personnel', outcome: 'ok' })).toBeGreaterThanOrEqual(fetchesBefore + 3);
    expect(sample(after, 'xz_subgraph_fetch_duration_seconds_sum', { subgraph: 'personnel', outcome: 'ok' })).toBeGreaterThan(0);
    // the subgraph counts the gateway's fetches as its own operations
    expect(sample(await scrape(platform.subgraphs.personnel.url), 'xz_graphql_requests_total', { outcome: 'ok' })).toBeGreaterThanOrEqual(personnelBefore + 3);
  });

  it('reports outbox backlog, consumer lag and dead letters from the subgraphs’ databases', async () => {
    await fixtures.village({ code: '990101101201' });
    await fixtures.settle();
    const gridsText = await scrape(platform.subgraphs.grids.url);
    expect(sample(gridsText, 'xz_outbox_backlog_events', { outbox: 'grids_event' })).toBe(0);
    const personnelText = await scrape(platform.subgraphs.personnel.url);
    const consumers = platform.subgraphs.personnel.consumers.running();
    expect(consumers.length).toBeGreaterThan(0);
    for (const consumer of consumers) expect(sample(personnelText, 'xz_consumer_lag_events', { consumer })).toBe(0);

    const consumer = consumers[0];
    const db = platform.subgraphs.personnel.db.dataSource;
    await db.query(
      `INSERT INTO kernel_event_dead (consumer, event_id, subject, payload, aggregate, attempts, last_error) VALUES ($1, 'probe:1', 'grids.metrics.probe', '{}'::jsonb, 'probe', 5, 'probe'), ($1, 'probe:2', 'grids.metrics.probe', '{}'::jsonb, 'probe', 0, 'held')`,
      [consumer],
    );
    await db.query(`UPDATE kernel_event_dead SET held_behind = 'probe:1' WHERE consumer = $1 AND event_id = 'probe:2'`, [consumer]);
    const withDead = await scrape(platform.subgraphs.personnel.url);
    expect(sample(withDead, 'xz_consumer_dead_letters', { consumer })).toBe(1);
    expect(sample(withDead, 'xz_consumer_held_events', { consumer })).toBe(1);
    await db.query(`DELETE FROM kernel_event_dead WHERE consumer = $1`, [consumer]);
    expect(sample(await scrape(platform.subgraphs.personnel.url), 'xz_consumer_dead_letters', { consumer })).toBeUndefined();
  });
});
