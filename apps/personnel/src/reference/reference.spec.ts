/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON, checked field by field with expect() */
import { randomUUID } from 'node:crypto';
import { createLogger, PolicyRegistry, Role, type Actor, type ConsumedEvent } from '@xiangzhi/kernel';
import { countQueries, graphqlClient, startTestPlatform, type TestPlatform } from '@xiangzhi/testing';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { subgraph as personnel } from '../index';
import { seedPersonnelDemo } from '../seed';
import { arrangeRegions, arrangeResidents, baselineScores, insertBaselinePosts, insertHolder, insertPost } from '../testing/fixtures';
import { referenceConsumers } from '@xiangzhi/grids-api';

const [regionsConsumer, residentsConsumer] = referenceConsumers('personnel');

const county = '433130000000';
const village = '433130101201';
const retired = '433130101202';
const ghost = '433130101399';
const ghostTownship = '433130199000';
const ghostCounty = '433199000000';

const countyAdmin: Actor = { id: 'ref-admin', roles: [Role.COUNTY_ADMIN], scope: county };
const ghostCountyAdmin: Actor = { id: 'ref-admin-2', roles: [Role.COUNTY_ADMIN], scope: ghostCounty };

let platform: TestPlatform;
let ds: DataSource;
const { gql, ok, codeOf } = graphqlClient<any>(() => platform);

/** Every table a personnel write could touch, with the audit log: a refused write changes none. */
async function snapshot(): Promise<Record<string, number>> {
  const tables = ['cadre', 'post', 'post_assignment', 'talent', 'duty_check_in', 'leave_request', 'inspection_finding', 'appraisal', 'pay_record', 'rank_change', 'party_organization', 'party_member', 'personnel_event', 'audit_log'];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = Number(((await ds.query(`SELECT count(*)::int AS n FROM ${t}`)) as { n: number }[])[0].n);
  return out;
}

function expectRefused(res: any, field: string, value: string, rule: string): void {
  expect(codeOf(res)).toBe('BAD_USER_INPUT');
  const error = res.errors[0];
  expect(error.extensions).toMatchObject({ field, value, rule });
  expect(error.message).toContain(`${field} = ${value}`);
  expect(error.extensions.messageZh).toMatch(/[\u4e00-\u9fff]/);
  expect(error.extensions.messageEn).toContain(value);
}

const event = (subject: string, payload: Record<string, unknown>): ConsumedEvent => ({ id: `grids_event:${randomUUID()}`, subject, payload });

beforeAll(async () => {
  platform = await startTestPlatform({ subgraphs: [personnel] });
  ds = platform.subgraphs.personnel.db.dataSource;
  await arrangeRegions(ds, [village]);
  await arrangeRegions(ds, [retired], { validFrom: '2000-01-01', validTo: '2025-07-01' });
}, 120_000);

afterAll(() => platform?.stop());

describe('the projections’ consumers', () => {
  const ctx = () => ({ manager: ds.manager, logger: createLogger('reference-spec'), policies: new PolicyRegistry('personnel', [], [], {}) });

  it('keep region_ref from grids.region.upserted and grids.region.retired, keyed by code', async () => {
    expect(regionsConsumer).toMatchObject({ name: 'personnel-regions', subjects: ['grids.region.>'] });
    const upserted = event('grids.region.upserted', { code: '433130105201', name: '新村', level: 'VILLAGE', parentCode: '433130105000', validFrom: '2024-01-01', validTo: null });
    expect(regionsConsumer.aggregateOf!(upserted)).toBe('433130105201');
    await regionsConsumer.handle(upserted, ctx());
    await regionsConsumer.handle(event('grids.region.upserted', { code: '433130105201', name: '新村（更名）', level: 'VILLAGE', parentCode: '433130105000', validFrom: '2024-01-01', validTo: null }), ctx());
    let rows = await ds.query(`SELECT code, name, level, parent_code, valid_from::text, valid_to::text, retired FROM region_ref WHERE code = '433130105201'`);
    expect(rows).toEqual([{ code: '433130105201', name: '新村（更名）', level: 'VILLAGE', parent_code: '433130105000', valid_from: '2024-01-01', valid_to: null, retired: false }]);
    await regionsConsumer.handle(event('grids.region.retired', { code: '433130105201', validTo: '2025-03-01' }), ctx());
    rows = await ds.query(`SELECT valid_to::text, retired FROM region_ref WHERE code = '433130105201'`);
    expect(rows).toEqual([{ valid_to: '2025-03-01', retired: true }]);
    // a retirement of a code the projection has not seen yet fails, so the bus retries it after the upsert
    await expect(regionsConsumer.handle(event('grids.region.retired', { code: '433130105299', validTo: '2025-03-01' }), ctx())).rejects.toThrow('433130105299');
    // a payload that is not the published contract is refused (retried, then dead-lettered), never written
    await expect(regionsConsumer.handle(event('grids.region.upserted', { code: '4331', name: 'x', level: 'VILLAGE', parentCode: null, validFrom: '2024-01-01', validTo: null }), ctx())).rejects.toThrow('malformed');
    await expect(residentsConsumer.handle(event('grids.resident.upserted', { id: randomUUID(), villageCode: village, householdId: null, status: 'ASLEEP' }), ctx())).rejects.toThrow('malformed');
  });

  it('keep resident_ref from grids.resident.upserted, keyed by resident id', async () => {
    const id = randomUUID();
    const household = randomUUID();
    const e = event('grids.resident.upserted', { id, villageCode: village, householdId: household, status: 'LIVING' });
    expect(residentsConsumer.aggregateOf!(e)).toBe(id);
    await residentsConsumer.handle(e, ctx());
    await residentsConsumer.handle(event('grids.resident.upserted', { id, villageCode: village, householdId: household, status: 'DECEASED' }), ctx());
    expect(await ds.query(`SELECT village_code, household_id::text, status FROM resident_ref WHERE id = $1`, [id])).toEqual([{ village_code: village, household_id: household, status: 'DECEASED' }]);
  });
});

describe('every personnel write refuses a village grids does not know, writing nothing', () => {
  let ghostCadre: string;

  beforeAll(async () => {
    // rows of a ghost village as they could exist from before the check (not through GraphQL)
    const posts = await insertBaselinePosts(ds, ghost);
    ghostCadre = (await insertHolder(ds, posts[0], { name: '幽灵书记' })).id;
    await insertPost(ds, { villageCode: ghost, code: 'vacant', title: '空岗' });
  });

  const cases: { name: string; as: Actor; query: string; variables: () => Record<string, unknown>; field: string; value: string }[] = [
    { name: 'applyPostTemplate', as: countyAdmin, query: `mutation($v: String!) { applyPostTemplate(villageCode: $v) { templateName } }`, variables: () => ({ v: ghost }), field: 'villageCode', value: ghost },
    { name: 'computePayroll', as: countyAdmin, query: `mutation($v: String!) { computePayroll(villageCode: $v, month: "2025-01") { month } }`, variables: () => ({ v: ghost }), field: 'villageCode', value: ghost },
    {
      name: 'createPartyOrganization',
      as: countyAdmin,
      query: `mutation($i: CreatePartyOrganizationInput!) { createPartyOrganization(input: $i) { id } }`,
      variables: () => ({ i: { regionCode: ghost, name: '幽灵村党总支', kind: 'GENERAL_BRANCH' } }),
      field: 'regionCode',
      value: ghost,
    },
    {
      name: 'addTalent',
      as: countyAdmin,
      query: `mutation($i: AddTalentInput!) { addTalent(input: $i) { id } }`,
      variables: () => ({ i: { villageCode: ghost, name: '幽灵人才', gender: 'MALE', birthDate: '1990-01-01', educationLevel: 'BACHELOR', kind: 'RESERVE_CADRE' } }),
      field: 'villageCode',
      value: ghost,
    },
    {
      name: 'recordDutyCheckIn',
      as: countyAdmin,
      query: `mutation($i: RecordDutyCheckInInput!) { recordDutyCheckIn(input: $i) { id } }`,
      variables: () => ({ i: { cadreId: ghostCadre, date: '2025-03-03', hours: 6 } }),
      field: 'cadre.villageCode',
      value: ghost,
    },
    {
      name: 'requestLeave',
      as: countyAdmin,
      query: `mutation($i: RequestLeaveInput!) { requestLeave(input: $i) { id } }`,
      variables: () => ({ i: { cadreId: ghostCadre, fromDate: '2025-03-03', toDate: '2025-03-04', reason: '事假' } }),
      field: 'cadre.villageCode',
      value: ghost,
    },
    {
      name: 'recordInspectionFinding',
      as: countyAdmin,
      query: `mutation($i: RecordInspectionFindingInput!) { recordInspectionFinding(input: $i) { __typename } }`,
      variables: () => ({ i: { cadreId: ghostCadre, date: '2025-03-03' } }),
      field: 'cadre.villageCode',
      value: ghost,
    },
    {
      name: 'recordAppraisal',
      as: countyAdmin,
      query: `mutation($i: RecordAppraisalInput!) { recordAppraisal(input: $i) { id } }`,
      variables: () => ({ i: { cadreId: ghostCadre, periodType: 'MONTH', period: '2025-01', scores: baselineScores(80) } }),
      field: 'cadre.villageCode',
      value: ghost,
    },
    {
      name: 'finalizeAnnualRatings',
      as: countyAdmin,
      query: `mutation($t: String!) { finalizeAnnualRatings(townshipCode: $t, year: 2025) { __typename } }`,
      variables: () => ({ t: ghostTownship }),
      field: 'townshipCode',
      value: ghostTownship,
    },
    {
      name: 'runRankReview',
      as: ghostCountyAdmin,
      query: `mutation($c: String!) { runRankReview(countyCode: $c, year: 2025) { __typename } }`,
      variables: () => ({ c: ghostCounty }),
      field: 'countyCode',
      value: ghostCounty,
    },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = await snapshot();
    expectRefused(await gql(c.as, c.query, c.variables()), c.field, c.value, 'REGION_UNKNOWN');
    expect(await snapshot()).toEqual(before);
  });

  it('appointCadre to a post of the ghost village', async () => {
    const post = (await ds.query(`SELECT id FROM post WHERE village_code = $1 AND code = 'vacant'`, [ghost]))[0];
    const before = await snapshot();
    const res = await gql(countyAdmin, `mutation($i: AppointCadreInput!) { appointCadre(input: $i) { cadre { id } } }`, {
      i: { postId: post.id, name: '幽灵干部', gender: 'MALE', birthDate: '1985-01-01', educationLevel: 'BACHELOR', vetting: [{ department: '纪委监委', passed: true }], startDate: '2025-01-02' },
    });
    expectRefused(res, 'postId', ghost, 'REGION_UNKNOWN');
    expect(await snapshot()).toEqual(before);
  });
});

describe('a retired village is refused on dates after its retirement and accepted before', () => {
  it('applyPostTemplate today is refused; a payroll of the last month it was valid is computed, of the month it was retired in refused', async () => {
    const before = await snapshot();
    const res = await gql(countyAdmin, `mutation($v: String!) { applyPostTemplate(villageCode: $v) { templateName } }`, { v: retired });
    expectRefused(res, 'villageCode', retired, 'REGION_NOT_VALID');
    expect(res.errors![0].extensions!.messageZh).toContain('2025-07-01');
    // retired on 2025-07-01: valid until 2025-06-30
    const late = await gql(countyAdmin, `mutation { computePayroll(villageCode: "${retired}", month: "2025-07") { month } }`);
    expectRefused(late, 'villageCode', retired, 'REGION_NOT_VALID');
    expect(await snapshot()).toEqual(before);
    await ok(countyAdmin, `mutation { computePayroll(villageCode: "${retired}", month: "2025-06") { month } }`);
  });

  it('a village not yet valid on the appointment date is refused', async () => {
    await arrangeRegions(ds, ['433130101203'], { validFrom: '2025-01-01' });
    const post = await insertPost(ds, { villageCode: '433130101203', code: 'new-post', title: '新岗' });
    const person = { name: '早到者', gender: 'MALE', birthDate: '1985-01-01', educationLevel: 'BACHELOR', vetting: [{ department: '纪委监委', passed: true }] };
    const APPOINT = `mutation($i: AppointCadreInput!) { appointCadre(input: $i) { cadre { id serviceStart } } }`;
    expectRefused(await gql(countyAdmin, APPOINT, { i: { postId: post.id, ...person, startDate: '2024-12-31' } }), 'postId', '433130101203', 'REGION_NOT_VALID');
    expect((await ok(countyAdmin, APPOINT, { i: { postId: post.id, ...person, startDate: '2025-01-01' } })).appointCadre.cadre.serviceStart).toBe('2025-01-01');
  });
});

describe('resident references are checked against resident_ref', () => {
  const living = randomUUID();
  const deceased = randomUUID();
  const movedOut = randomUUID();
  const elsewhere = randomUUID();
  const APPOINT = `mutation($i: AppointCadreInput!) { appointCadre(input: $i) { cadre { id } } }`;
  let postId: string;

  beforeAll(async () => {
    await arrangeResidents(ds, [
      { id: living, villageCode: village },
      { id: deceased, villageCode: village, status: 'DECEASED' },
      { id: movedOut, villageCode: village, status: 'MOVED_OUT' },
      { id: elsewhere, villageCode: '433130102201' },
    ]);
    postId = (await insertPost(ds, { villageCode: village, code: 'resident-check', title: '专干' })).id;
  });

  const candidate = (extra: Record<string, unknown>) => ({
    postId,
    name: '候选人',
    gender: 'MALE',
    birthDate: '1985-01-01',
    educationLevel: 'BACHELOR',
    vetting: [{ department: '纪委监委', passed: true }],
    startDate: '2025-01-02',
    ...extra,
  });

  it('refuses a cadre who is not a resident grids knows, who is deceased or who moved out, writing nothing', async () => {
    const before = await snapshot();
    const unknown = randomUUID();
    expectRefused(await gql(countyAdmin, APPOINT, { i: candidate({ residentId: unknown }) }), 'residentId', unknown, 'RESIDENT_UNKNOWN');
    const dead = await gql(countyAdmin, APPOINT, { i: candidate({ residentId: deceased }) });
    expectRefused(dead, 'residentId', deceased, 'RESIDENT_NOT_LIVING');
    expect(dead.errors![0].extensions!.messageZh).toContain('已故');
    expectRefused(await gql(countyAdmin, APPOINT, { i: candidate({ residentId: movedOut }) }), 'residentId', movedOut, 'RESIDENT_NOT_LIVING');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an unknown declared relative and lists every bad reference with one query for the whole list', async () => {
    const ghosts = [randomUUID(), randomUUID()];
    const before = await snapshot();
    const { result, statements } = await countQueries(platform.subgraphs.personnel, () =>
      gql(countyAdmin, APPOINT, {
        i: candidate({
          residentId: living,
          closeRelatives: [
            { name: '甲', relation: 'SPOUSE', residentId: ghosts[0] },
            { name: '乙', relation: 'CHILD', residentId: deceased },
            { name: '丙', relation: 'CHILD', residentId: ghosts[1] },
          ],
        }),
      }),
    );
    expectRefused(result, 'closeRelatives[0].residentId', ghosts[0], 'RESIDENT_UNKNOWN');
    expect((result.errors![0].extensions as any).references.map((r: any) => [r.field, r.rule])).toEqual([
      ['closeRelatives[0].residentId', 'RESIDENT_UNKNOWN'],
      ['closeRelatives[2].residentId', 'RESIDENT_UNKNOWN'],
    ]);
    expect(statements.filter((s) => /resident_ref/.test(s))).toHaveLength(1);
    expect(await snapshot()).toEqual(before);
  });

  it('appoints a living resident (a deceased relative may still be declared)', async () => {
    const data = await ok(countyAdmin, APPOINT, { i: candidate({ residentId: living, closeRelatives: [{ name: '乙', relation: 'PARENT', residentId: deceased }] }) });
    expect(data.appointCadre.cadre.id).toBeDefined();
  });

  it('refuses a Party member who lives in another village than the village organisation', async () => {
    const org = await ok(countyAdmin, `mutation($i: CreatePartyOrganizationInput!) { createPartyOrganization(input: $i) { id } }`, {
      i: { regionCode: village, name: '测试村党总支', kind: 'GENERAL_BRANCH' },
    });
    const REGISTER = `mutation($i: RegisterPartyMemberInput!) { registerPartyMember(input: $i) { id } }`;
    const member = (residentId: string) => ({ i: { organizationId: org.createPartyOrganization.id, name: '党员', residentId, joinedOn: '2010-07-01', status: 'FULL' } });
    const before = await snapshot();
    expectRefused(await gql(countyAdmin, REGISTER, member(elsewhere)), 'residentId', elsewhere, 'RESIDENT_OTHER_VILLAGE');
    expectRefused(await gql(countyAdmin, REGISTER, member(deceased)), 'residentId', deceased, 'RESIDENT_NOT_LIVING');
    expect(await snapshot()).toEqual(before);
    expect((await ok(countyAdmin, REGISTER, member(living))).registerPartyMember.id).toBeDefined();
  });
});

describe('the demo seed goes through the projection', () => {
  it('says so and seeds nothing while the region projection is empty', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    await ds.query(`DELETE FROM region_ref`);
    const before = await snapshot();
    await seedPersonnelDemo({ dataSource: ds, logger });
    expect(await snapshot()).toEqual(before);
    expect(lines.join('\n')).toContain('the region projection is empty');
    expect(lines.join('\n')).toContain('区划投影为空');
  });
});
