/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON, checked field by field with expect() */
import { composeIdNumber } from '@xiangzhi/grids-api';
import { subgraph as grids } from '@xiangzhi/grids';
import { outboxRelayJobName, Role, todayInChina, type Actor } from '@xiangzhi/kernel';
import { graphqlClient, startTestPlatform, type TestPlatform } from '@xiangzhi/testing';
import type { DataSource } from 'typeorm';
import { subgraph as personnel } from '../index';
import { REGIONS_CONSUMER } from './index';

const county = '433130000000';
const township = '433130106000';
const villageA = '433130106201';
const villageB = '433130106202';
const admin: Actor = { id: 'projection-admin', roles: [Role.COUNTY_ADMIN], scope: county };
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

/**
 * End to end: grids publishes, personnel's consumers keep the projections, personnel's writes check
 * them — on the in-process bus and on NATS JetStream.
 */
describe.each([
  ['the in-process bus', {}],
  ['NATS JetStream', { natsUrl: NATS_URL }],
] as const)('region and resident projections over %s', (_bus, busOptions) => {
  let platform: TestPlatform;
  let ds: DataSource;
  const { gql, ok, codeOf } = graphqlClient<any>(() => platform);
  const APPLY = `mutation($v: String!) { applyPostTemplate(villageCode: $v) { created { id code } existing { id } } }`;

  /** grids' outbox relayed, personnel's consumers caught up. */
  async function settle(): Promise<void> {
    await platform.subgraphs.grids.runJob(outboxRelayJobName('grids_event'));
    await platform.subgraphs.personnel.consumers.drain();
  }
  const projection = (): Promise<unknown[]> =>
    ds.query(`SELECT code, name, level, parent_code, valid_from::text, valid_to::text, retired FROM region_ref ORDER BY code`) as Promise<unknown[]>;

  beforeAll(async () => {
    platform = await startTestPlatform({ subgraphs: [grids, personnel], ...busOptions });
    ds = platform.subgraphs.personnel.db.dataSource;
    // the county comes from the national register (a row); its township and villages are imported
    await platform.subgraphs.grids.db.dataSource.query(
      `INSERT INTO region (code, name, level, parent_code, county_code, valid_from) VALUES ($1, '龙山县', 'COUNTY', NULL, $1, '2020-01-01')`,
      [county],
    );
  }, 120_000);
  afterAll(() => platform?.stop());

  it('import regions in grids → relay → drain → personnel accepts the village', async () => {
    await ok(admin, `mutation($i: ImportRegionsInput!) { importRegions(input: $i) { inserted } }`, {
      i: { regions: [{ code: township, name: '投影镇' }, { code: villageA, name: '甲村' }, { code: villageB, name: '乙村' }], validFrom: '2024-01-01' },
    });
    await settle();
    expect(await ds.query(`SELECT code, level, parent_code, valid_from::text, retired FROM region_ref WHERE code = $1`, [villageA])).toEqual([
      { code: villageA, level: 'VILLAGE', parent_code: township, valid_from: '2024-01-01', retired: false },
    ]);
    expect((await ok(admin, APPLY, { v: villageA })).applyPostTemplate.created).toHaveLength(5);
  });

  it('retire the village in grids → personnel refuses it, writing nothing', async () => {
    await ok(admin, `mutation($i: RetireRegionInput!) { retireRegion(input: $i) { code } }`, { i: { code: villageB, validTo: todayInChina() } });
    await settle();
    const before = await ds.query(`SELECT count(*)::int AS n FROM post`);
    const res = await gql(admin, APPLY, { v: villageB });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions).toMatchObject({ field: 'villageCode', value: villageB, rule: 'REGION_NOT_VALID' });
    expect(await ds.query(`SELECT count(*)::int AS n FROM post`)).toEqual(before);
  });

  it('a resident recorded as deceased in grids is refused as a cadre', async () => {
    const hh = await ok(admin, `mutation($v: ID!) { createHousehold(input: { villageCode: $v, number: "1", address: "一组" }) { id } }`, { v: villageA });
    const resident = await ok(admin, `mutation($i: RegisterResidentInput!) { registerResident(input: $i) { id version } }`, {
      i: { householdId: hh.createHousehold.id, name: '向往', idNumber: composeIdNumber('433130', '1980-02-02', 77), relationToHead: 'HEAD' },
    });
    const { id, version } = resident.registerResident;
    await ok(admin, `mutation($i: UpdateResidentStatusInput!) { updateResidentStatus(input: $i) { status } }`, {
      i: { residentId: id, status: 'DECEASED', date: '2025-05-05', expectedVersion: version },
    });
    await settle();
    const [post] = (await ds.query(`SELECT id FROM post WHERE village_code = $1 AND code = 'clerk'`, [villageA])) as { id: string }[];
    const res = await gql(admin, `mutation($i: AppointCadreInput!) { appointCadre(input: $i) { cadre { id } } }`, {
      i: { postId: post.id, name: '向往', gender: 'MALE', birthDate: '1980-02-02', educationLevel: 'BACHELOR', residentId: id, vetting: [{ department: '纪委监委', passed: true }], startDate: '2025-06-01' },
    });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions).toMatchObject({ field: 'residentId', value: id, rule: 'RESIDENT_NOT_LIVING' });
  });

  it('empty region_ref and rebuild the consumer → the projection is back, identical', async () => {
    const kept = await projection();
    expect(kept.length).toBeGreaterThanOrEqual(3);
    await ds.query(`DELETE FROM region_ref`);
    expect(codeOf(await gql(admin, APPLY, { v: villageA }))).toBe('BAD_USER_INPUT');
    // a row no event wrote: the rebuild's reset empties the projection before consuming again
    await ds.query(`INSERT INTO region_ref (code, name, level, valid_from) VALUES ('433130106299', '幽灵村', 'VILLAGE', '2000-01-01')`);
    await platform.subgraphs.personnel.consumers.rebuild(REGIONS_CONSUMER);
    await settle();
    expect(await projection()).toEqual(kept);
    expect((await ok(admin, APPLY, { v: villageA })).applyPostTemplate.existing).toHaveLength(5);
  });
});
