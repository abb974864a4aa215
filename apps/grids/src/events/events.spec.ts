/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON, checked field by field with expect() */
import { composeIdNumber } from '@xiangzhi/grids-api';
import { createLogger, Role, type Actor } from '@xiangzhi/kernel';
import { countQueries, graphqlClient, rowCounter, startTestPlatform, type TestPlatform } from '@xiangzhi/testing';
import type { DataSource } from 'typeorm';
import { subgraph as grids } from '../index';
import { seedGridsDemo } from '../seed';
import { GRIDS_EVENT_RELAY_JOB } from './index';

const county = '433130000000';
const township = '433130101000';
const admin: Actor = { id: 'county-admin', roles: [Role.COUNTY_ADMIN], scope: county };

let platform: TestPlatform;
let ds: DataSource;
const { gql, ok, codeOf } = graphqlClient<any>(() => platform);
const count = rowCounter(() => ds);

const IMPORT = `mutation($i: ImportRegionsInput!) { importRegions(input: $i) { inserted updated unchanged } }`;

async function events(name: string, after = 0): Promise<{ id: number; payload: any }[]> {
  const rows = (await ds.query(`SELECT id::int AS id, payload FROM grids_event WHERE name = $1 AND id > $2 ORDER BY id`, [name, after])) as { id: number; payload: any }[];
  return rows;
}
async function lastEventId(): Promise<number> {
  const [{ id }] = (await ds.query(`SELECT coalesce(max(id), 0)::int AS id FROM grids_event`)) as { id: number }[];
  return id;
}

beforeAll(async () => {
  platform = await startTestPlatform({ subgraphs: [grids] });
  ds = platform.subgraphs.grids.db.dataSource;
  await ds.query(`INSERT INTO region (code, name, level, parent_code, county_code, valid_from) VALUES ($1, '龙山县', 'COUNTY', NULL, $1, '2020-01-01')`, [county]);
}, 120_000);

afterAll(() => platform?.stop());

describe('grids events', () => {
  it('records a grids.region.upserted event for every region an import adds or renames, in the import’s transaction, with multi-row outbox inserts', async () => {
    const before = await lastEventId();
    const villages = Array.from({ length: 600 }, (_, i) => ({ code: `433130101${String(200 + i).padStart(3, '0')}`, name: `测试村${i}` }));
    const { result, statements } = await countQueries(platform.subgraphs.grids, () =>
      ok(admin, IMPORT, { i: { regions: [{ code: township, name: '测试镇' }, ...villages], validFrom: '2024-01-01' } }),
    );
    expect(result.importRegions).toEqual({ inserted: 601, updated: 0, unchanged: 0 });
    const upserted = await events('grids.region.upserted', before);
    expect(upserted).toHaveLength(601);
    expect(upserted[0].payload).toEqual({ code: township, name: '测试镇', level: 'TOWNSHIP', parentCode: county, validFrom: '2024-01-01', validTo: null });
    expect(upserted[1].payload).toEqual({ code: '433130101200', name: '测试村0', level: 'VILLAGE', parentCode: township, validFrom: '2024-01-01', validTo: null });
    // two statements write the 601 regions (500 a statement) and their events together: no outbox row per round trip
    expect(statements.filter((s) => /grids_event/.test(s))).toHaveLength(2);

    const renamed = await lastEventId();
    const again = await ok(admin, IMPORT, { i: { regions: [{ code: '433130101200', name: '更名村' }, { code: '433130101201', name: '测试村1' }] } });
    expect(again.importRegions).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
    expect((await events('grids.region.upserted', renamed)).map((e) => e.payload)).toEqual([
      { code: '433130101200', name: '更名村', level: 'VILLAGE', parentCode: township, validFrom: '2024-01-01', validTo: null },
    ]);
  });

  it('writes no event when an import is refused, and the relay publishes the events on the bus', async () => {
    const before = await count('grids_event');
    const bad = await gql(admin, IMPORT, { i: { regions: [{ code: '433130101999', name: '好村' }, { code: '4331301', name: '坏码' }] } });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(await count('grids_event')).toBe(before);

    const seen: string[] = [];
    const sub = await platform.events.subscribe('grids.region.upserted', async (e) => {
      seen.push(String(e.payload.code));
    });
    await platform.subgraphs.grids.runJob(GRIDS_EVENT_RELAY_JOB);
    expect(await count('grids_event', 'published_at IS NULL')).toBe(0);
    expect(seen).toContain(township);
    await sub.unsubscribe();
  });

  it('records grids.region.retired for the code and every current code below it', async () => {
    const before = await lastEventId();
    await ok(admin, `mutation { retireRegion(input: { code: "433130101000", validTo: "2025-06-30" }) { code } }`);
    const retired = await events('grids.region.retired', before);
    expect(retired).toHaveLength(601);
    expect(retired[0].payload).toEqual({ code: township, validTo: '2025-06-30' });
    expect(retired.map((e) => e.payload.code)).toContain('433130101799');
  });

  it('records grids.resident.upserted on registration and on a status change, without personal data', async () => {
    await ok(admin, IMPORT, { i: { regions: [{ code: '433130102000', name: '二镇' }, { code: '433130102201', name: '二村' }], validFrom: '2024-01-01' } });
    const hh = await ok(admin, `mutation { createHousehold(input: { villageCode: "433130102201", number: "1", address: "一号" }) { id } }`);
    const before = await lastEventId();
    const idNumber = composeIdNumber('433130', '1970-03-03', 55);
    const r = await ok(admin, `mutation($i: RegisterResidentInput!) { registerResident(input: $i) { id status version } }`, {
      i: { householdId: hh.createHousehold.id, name: '向阳', idNumber, phone: '13912345678', relationToHead: 'HEAD' },
    });
    expect(r.registerResident.status).toBe('LIVING');
    const id = r.registerResident.id;
    const registered = await events('grids.resident.upserted', before);
    expect(registered.map((e) => e.payload)).toEqual([{ id, villageCode: '433130102201', householdId: hh.createHousehold.id, status: 'LIVING' }]);
    expect(JSON.stringify(registered)).not.toContain(idNumber);
    expect(JSON.stringify(registered)).not.toContain('向阳');

    const STATUS = `mutation($i: UpdateResidentStatusInput!) { updateResidentStatus(input: $i) { status statusDate version } }`;
    const future = await gql(admin, STATUS, { i: { residentId: id, status: 'DECEASED', date: '2999-01-01', expectedVersion: r.registerResident.version } });
    expect(codeOf(future)).toBe('BAD_USER_INPUT');
    expect(future.errors![0].message).toContain('2999-01-01');
    const stale = await gql(admin, STATUS, { i: { residentId: id, status: 'DECEASED', date: '2025-01-02', expectedVersion: r.registerResident.version + 5 } });
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(await events('grids.resident.upserted', registered[0].id)).toEqual([]);

    const dead = await ok(admin, STATUS, { i: { residentId: id, status: 'DECEASED', date: '2025-01-02', expectedVersion: r.registerResident.version } });
    expect(dead.updateResidentStatus).toMatchObject({ status: 'DECEASED', statusDate: '2025-01-02', version: r.registerResident.version + 1 });
    expect((await events('grids.resident.upserted', registered[0].id)).map((e) => e.payload)).toEqual([
      { id, villageCode: '433130102201', householdId: hh.createHousehold.id, status: 'DECEASED' },
    ]);
  });

  it('the demo seed records an event for every region and resident it adds, and none when run again', async () => {
    const before = await lastEventId();
    const logger = createLogger('grids-events-spec');
    await seedGridsDemo({ dataSource: ds, logger });
    const regions = await count('grids_event', `name = 'grids.region.upserted' AND id > $1`, [before]);
    const residents = await count('grids_event', `name = 'grids.resident.upserted' AND id > $1`, [before]);
    expect(regions).toBeGreaterThan(1000);
    expect(residents).toBe((await count('resident')) - 1);
    const after = await lastEventId();
    await seedGridsDemo({ dataSource: ds, logger });
    expect(await lastEventId()).toBe(after);
  }, 300_000);
});
