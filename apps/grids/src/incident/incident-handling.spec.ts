import 'reflect-metadata';
import { RegionLevel, Role, signInternalToken, startSubgraph, todayInChina, type Actor, type RunningSubgraph } from '@xiangzhi/kernel';
import { gridsSubgraph } from '../subgraph';
import { upsertRegions, type RegionRecord } from '../territory';
import { chinaYearBounds } from './incident-handling';

const secret = 'incident-handling-test-secret';
const schema = `grids_ih_${process.pid}_${Date.now()}`;

/** A test county of its own: one township, four villages. */
const county = '990301000000';
const township = '990301101000';
const villages = ['990301101200', '990301101201', '990301101202', '990301101203'];
const [villageA, villageB] = villages;

const admin: Actor = { id: 'ih-admin', name: '孙部长', roles: [Role.COUNTY_ADMIN], scope: county };
const cadreA: Actor = { id: 'ih-cadre-a', roles: [Role.VILLAGE_CADRE], scope: villageA };

let sg: RunningSubgraph;

type Result = { data?: Record<string, unknown>; errors?: { message: string; extensions: { code: string } }[] };

async function gql(actor: Actor, query: string, variables: Record<string, unknown> = {}): Promise<Result> {
  const res = await fetch(sg.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-xz-actor': signInternalToken(actor, secret) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as Result;
}

async function ok<T>(actor: Actor, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await gql(actor, query, variables);
  if (res.errors?.length) throw new Error(JSON.stringify(res.errors, null, 2));
  return res.data as T;
}

interface Step {
  id: string;
  version: number;
}

async function report(village: string): Promise<Step> {
  const data = await ok<{ reportIncident: Step }>(admin, 'mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id version } }', {
    i: { villageCode: village, category: 'ENVIRONMENT', title: '垃圾未清运' },
  });
  return data.reportIncident;
}

async function act(mutation: string, incident: Step, extra: Record<string, unknown> = {}): Promise<Step> {
  const input = `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
  const data = await ok<Record<string, Step>>(admin, `mutation($i: ${input}!) { ${mutation}(input: $i) { id version } }`, {
    i: { id: incident.id, expectedVersion: incident.version, ...extra },
  });
  return data[mutation];
}

/**
 * Reports an incident and runs it to CLOSED with `rating`. `deadline` moves its deadline into the past:
 * 'beforeResolve' an hour before it is resolved (resolved late); 'atResolve' to the very instant it was
 * resolved, so the deadline has passed when the resident rates it (resolved in time, rated late).
 */
async function closed(village: string, rating: number, deadline: 'beforeResolve' | 'atResolve' | null = null): Promise<Step> {
  let i = await report(village);
  i = await act('acceptIncident', i);
  i = await act('dispatchIncident', i, { assigneeKind: 'CADRE', assigneeId: 'cadre-1', assigneeName: '王支书' });
  i = await act('startIncident', i);
  if (deadline === 'beforeResolve') await sg.db.dataSource.query(`UPDATE incident SET deadline = now() - interval '1 hour' WHERE id = $1`, [i.id]);
  i = await act('resolveIncident', i, { resolution: '已清运' });
  if (deadline === 'atResolve') {
    await sg.db.dataSource.query(`UPDATE incident SET deadline = (SELECT at FROM incident_history WHERE incident_id = $1 AND to_status = 'RESOLVED') WHERE id = $1`, [i.id]);
  }
  return act('closeIncident', i, { rating, comment: '好' });
}

const HANDLING = 'incidentHandling { year total closed due closedOnTime averageRating }';

interface Handling {
  year: number;
  total: number;
  closed: number;
  due: number;
  closedOnTime: number;
  averageRating: number | null;
}

beforeAll(async () => {
  sg = await startSubgraph(gridsSubgraph, { internalSecret: secret, databaseUrl: process.env.TEST_DATABASE_URL, schema, runJobs: false });
  const records: RegionRecord[] = [
    { code: '990000000000', name: '测试省', level: RegionLevel.PROVINCE, parentCode: null, countyCode: null },
    { code: '990300000000', name: '测试市', level: RegionLevel.CITY, parentCode: '990000000000', countyCode: null },
    { code: county, name: '测试县', level: RegionLevel.COUNTY, parentCode: '990300000000', countyCode: county },
    { code: township, name: '测试镇', level: RegionLevel.TOWNSHIP, parentCode: county, countyCode: county },
    ...villages.map((code, i) => ({ code, name: `测试${i + 1}村`, level: RegionLevel.VILLAGE, parentCode: township, countyCode: county })),
  ];
  await upsertRegions(sg.db.dataSource, records, { validFrom: '2020-01-01', onConflict: 'ignore' });
  // village A: two resolved on time (ratings 5, and 4 given after the deadline, resolved at its very
  // instant), one resolved late (rating 2), one still open
  await closed(villageA, 5);
  await closed(villageA, 4, 'atResolve');
  await closed(villageA, 2, 'beforeResolve');
  await report(villageA);
  // village B: one open incident this year, and one closed last year (not counted)
  await report(villageB);
  const old = await closed(villageB, 5);
  const lastYear = Number(todayInChina().slice(0, 4)) - 1;
  await sg.db.dataSource.query(`UPDATE incident SET created_at = $2, updated_at = $2 WHERE id = $1`, [old.id, new Date(`${lastYear}-06-01T10:00:00+08:00`)]);
}, 120000);

afterAll(async () => {
  if (process.env.TEST_DATABASE_URL) await sg.db.dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
  await sg.stop();
});

describe('Region.incidentHandling (this year, China time)', () => {
  it('counts reported, closed and on-time incidents (resolved by the deadline, however late the rating) and averages the ratings of a village', async () => {
    const { region } = await ok<{ region: { incidentHandling: Handling } }>(admin, `query($c: ID!) { region(code: $c) { ${HANDLING} } }`, { c: villageA });
    expect(region.incidentHandling).toEqual({ year: Number(todayInChina().slice(0, 4)), total: 4, closed: 3, due: 3, closedOnTime: 2, averageRating: 3.67 });
  });

  it('leaves out incidents of last year, and answers no rating where nothing was closed', async () => {
    const { region } = await ok<{ region: { incidentHandling: Handling } }>(admin, `query($c: ID!) { region(code: $c) { ${HANDLING} } }`, { c: villageB });
    expect(region.incidentHandling).toMatchObject({ total: 1, closed: 0, due: 0, closedOnTime: 0, averageRating: null });
  });

  it('counts an open incident as due once its deadline has passed', async () => {
    const query = `query($c: ID!) { region(code: $c) { ${HANDLING} } }`;
    await sg.db.dataSource.query(`UPDATE incident SET deadline = now() - interval '1 day' WHERE village_code = $1 AND status <> 'CLOSED'`, [villageB]);
    const { region } = await ok<{ region: { incidentHandling: Handling } }>(admin, query, { c: villageB });
    expect(region.incidentHandling).toMatchObject({ total: 1, closed: 0, due: 1, closedOnTime: 0 });
  });

  it('sums a township, and narrows a region above the caller’s scope to what they may see', async () => {
    const all = await ok<{ region: { incidentHandling: Handling } }>(admin, `query($c: ID!) { region(code: $c) { ${HANDLING} } }`, { c: township });
    expect(all.region.incidentHandling).toMatchObject({ total: 5, closed: 3, closedOnTime: 2, averageRating: 3.67 });
    const mine = await ok<{ region: { incidentHandling: Handling } }>(cadreA, `query($c: ID!) { region(code: $c) { ${HANDLING} } }`, { c: township });
    expect(mine.region.incidentHandling).toMatchObject({ total: 4, closed: 3 });
    // a resident counts only the requests they made themselves (none here: staff reported every one)
    const resident: Actor = { id: 'ih-resident', roles: [Role.RESIDENT], scope: villageA, residentId: '00000000-0000-4000-8000-000000000001' };
    const own = await ok<{ region: { incidentHandling: Handling } }>(resident, `query($c: ID!) { region(code: $c) { ${HANDLING} } }`, { c: villageA });
    expect(own.region.incidentHandling).toMatchObject({ total: 0, closed: 0, averageRating: null });
  });

  it('answers a list of villages, and their references, with two statements however many there are', async () => {
    const query = `query($c: ID!) { regions(parentCode: $c) { code ${HANDLING} } }`;
    const stop = sg.db.queries.start();
    const { regions } = await ok<{ regions: ({ code: string } & { incidentHandling: Handling })[] }>(admin, query, { c: township });
    const listed = stop();
    expect(regions.map((r) => [r.code, r.incidentHandling.total])).toEqual([
      [villageA, 4],
      [villageB, 1],
      [villages[2], 0],
      [villages[3], 0],
    ]);
    // the list itself, plus two statements for the handling of every village (the counters, the overdue open ones)
    const stopChildren = sg.db.queries.start();
    await ok(admin, `query($c: ID!) { regions(parentCode: $c) { code } }`, { c: township });
    expect(listed - stopChildren()).toBe(2);

    const refs = villages.map((code) => ({ __typename: 'Region', code }));
    const stopRefs = sg.db.queries.start();
    const res = await ok<{ _entities: { incidentHandling: Handling }[] }>(admin, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Region { ${HANDLING} } } }`, { r: refs });
    expect(stopRefs()).toBe(3); // the regions, then the handling of all of them (counters, overdue open ones)
    expect(res._entities.map((e) => e.incidentHandling.total)).toEqual([4, 1, 0, 0]);
  });
});

describe('chinaYearBounds', () => {
  it('starts the year at midnight China time (16:00 UTC the day before)', () => {
    expect(chinaYearBounds(2026)).toEqual({ from: new Date('2025-12-31T16:00:00Z'), to: new Date('2026-12-31T16:00:00Z') });
  });
});
