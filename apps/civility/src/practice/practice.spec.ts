import 'reflect-metadata';
import { subgraph as grids } from '@xiangzhi/grids';
import { composeIdNumber } from '@xiangzhi/grids-api';
import { Role, signInternalToken, todayInChina, type Actor } from '@xiangzhi/kernel';
import { countQueries, graphqlClient, rowCounter, startTestPlatform, TEST_SECRETS, testFixtures, type TestPlatform } from '@xiangzhi/testing';
import { civilitySubgraph } from '../subgraph';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are read field by field */

let platform: TestPlatform;
const { gql, ok, codeOf } = graphqlClient<any>(() => platform);
const count = rowCounter(() => platform.subgraphs.civility.db.dataSource);

const A = '360722101200';
const C = '360722102200';
const township = '360722101000';
const county = '360722000000';
const admin: Actor = { id: 'county-admin', roles: [Role.COUNTY_ADMIN], scope: county };
const cadreA: Actor = { id: 'cadre-a', roles: [Role.VILLAGE_CADRE], scope: A };
const cadreC: Actor = { id: 'cadre-c', roles: [Role.VILLAGE_CADRE], scope: C };
const officer: Actor = { id: 'officer', roles: [Role.TOWNSHIP_OFFICER], scope: township };
let residents: string[] = [];
let residentC: string;

async function resident(village: string, n: number): Promise<string> {
  const h = await ok(admin, `mutation($i: CreateHouseholdInput!) { createHousehold(input: $i) { id } }`, { i: { villageCode: village, number: String(n), address: `${n}号` } });
  const r = await ok(admin, `mutation($i: RegisterResidentInput!) { registerResident(input: $i) { id } }`, {
    i: { householdId: h.createHousehold.id, name: `居民${n}`, idNumber: composeIdNumber('360722', '1980-05-05', 100 + n + (village === C ? 50 : 0)), relationToHead: 'HEAD' },
  });
  return r.registerResident.id;
}

beforeAll(async () => {
  platform = await startTestPlatform({ subgraphs: [grids, civilitySubgraph] });
  const { village } = testFixtures(() => platform);
  await village({ code: A });
  await village({ code: C });
  residents = [await resident(A, 1), await resident(A, 2), await resident(A, 3)];
  residentC = await resident(C, 1);
  await platform.drainEvents();
}, 120_000);

afterAll(() => platform?.stop());

describe('civilisation practice', () => {
  let station: string;
  let volunteers: string[] = [];

  it('sets up a centre, an institute and a station at the matching levels', async () => {
    const CREATE = `mutation($i: CreatePracticeStationInput!) { createPracticeStation(input: $i) { id level regionCode } }`;
    expect((await ok(admin, CREATE, { i: { regionCode: county, name: '县新时代文明实践中心' } })).createPracticeStation.level).toBe('CENTRE');
    expect((await ok(officer, CREATE, { i: { regionCode: township, name: '镇文明实践所' } })).createPracticeStation.level).toBe('INSTITUTE');
    station = (await ok(cadreA, CREATE, { i: { regionCode: A, name: '坑口村文明实践站' } })).createPracticeStation.id;
    expect((await gql(cadreA, CREATE, { i: { regionCode: A, name: '又一个站' } })).errors?.[0]?.extensions).toMatchObject({ rule: 'STATION_EXISTS' });
    expect(codeOf(await gql(cadreA, CREATE, { i: { regionCode: township, name: '所' } }))).toBe('FORBIDDEN');
    expect(await count('practice_station')).toBe(3);
  });

  it('records activities with the county’s theme of the month', async () => {
    await ok(admin, `mutation { setPracticeTheme(input: { countyCode: "${county}", month: "2025-05", title: "孝老爱亲月" }) { title } }`);
    const RECORD = `mutation($i: RecordActivityInput!) { recordActivity(input: $i) { id theme heldOn participants } }`;
    const a = await ok(cadreA, RECORD, { i: { stationId: station, heldOn: '2025-05-10', title: '为老人过集体生日', participants: 40, idempotencyKey: 'activity-0001' } });
    expect(a.recordActivity).toMatchObject({ theme: '孝老爱亲月', participants: 40 });
    const again = await ok(cadreA, RECORD, { i: { stationId: station, heldOn: '2025-05-10', title: '为老人过集体生日', participants: 40, idempotencyKey: 'activity-0001' } });
    expect(again.recordActivity.id).toBe(a.recordActivity.id);
    const b = await ok(cadreA, RECORD, { i: { stationId: station, heldOn: '2025-06-01', title: '小手拉大手', participants: 25 } });
    expect(b.recordActivity.theme).toBeNull();
    expect(codeOf(await gql(cadreC, RECORD, { i: { stationId: station, heldOn: '2025-06-01', title: 'x', participants: 1 } }))).toBe('NOT_FOUND');
    const future = await gql(cadreA, RECORD, { i: { stationId: station, heldOn: '2999-01-01', title: 'x', participants: 1 } });
    expect(future.errors?.[0]?.extensions).toMatchObject({ field: 'heldOn', rule: 'DATE_IN_FUTURE' });
    expect(await count('practice_activity')).toBe(2);
  });

  it('volunteers and hours with a yearly total, scope-guarded', async () => {
    const team = (await ok(cadreA, `mutation { createVolunteerTeam(input: { regionCode: "${A}", name: "学雷锋志愿服务队" }) { id } }`)).createVolunteerTeam.id;
    const REGISTER = `mutation($i: RegisterVolunteerInput!) { registerVolunteer(input: $i) { id villageCode resident { id } } }`;
    volunteers = [];
    for (const r of residents.slice(0, 2)) volunteers.push((await ok(cadreA, REGISTER, { i: { teamId: team, residentId: r, joinedOn: '2025-01-01' } })).registerVolunteer.id);
    const outside = await gql(admin, REGISTER, { i: { teamId: team, residentId: residentC, joinedOn: '2025-01-01' } });
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'residentId', rule: 'RESIDENT_OUTSIDE_TEAM' });
    const LOG = `mutation($i: LogVolunteerHoursInput!) { logVolunteerHours(input: $i) { id hours } }`;
    await ok(cadreA, LOG, { i: { volunteerId: volunteers[0], servedOn: '2025-05-10', hours: 2.5 } });
    await ok(cadreA, LOG, { i: { volunteerId: volunteers[0], servedOn: '2025-08-10', hours: 3 } });
    await ok(cadreA, LOG, { i: { volunteerId: volunteers[1], servedOn: '2025-09-01', hours: 1.5 } });
    const before = await count('volunteer_hours');
    expect((await gql(cadreA, LOG, { i: { volunteerId: volunteers[1], servedOn: '2025-09-01', hours: 1.3 } })).errors?.[0]?.extensions).toMatchObject({ field: 'hours', rule: 'HALF_HOURS' });
    expect((await gql(cadreA, LOG, { i: { volunteerId: volunteers[1], servedOn: '2024-06-01', hours: 1 } })).errors?.[0]?.extensions).toMatchObject({ field: 'servedOn', rule: 'BEFORE_JOINING' });
    expect((await gql(cadreA, LOG, { i: { volunteerId: volunteers[1], servedOn: '2025-09-01', hours: 25 } })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await count('volunteer_hours')).toBe(before);
    const Q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Resident { volunteerHours(year: 2025) } } }`;
    const read = async (actor: Actor, ids: string[]) => {
      const res = await fetch(platform.subgraphs.civility.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-xz-actor': signInternalToken(actor, TEST_SECRETS.internalSecret) },
        body: JSON.stringify({ query: Q, variables: { r: ids.map((id) => ({ __typename: 'Resident', id })) } }),
      });
      return ((await res.json()) as any).data._entities.map((e: any) => e.volunteerHours);
    };
    expect(await read(cadreA, [...residents, residentC])).toEqual([5.5, 1.5, 0, null]);
    expect(await read(cadreC, [residents[0], residentC])).toEqual([null, 0]);
    const self: Actor = { id: 'r1', roles: [Role.RESIDENT], scope: A, residentId: residents[0] };
    expect(await read(self, [residents[0], residents[1]])).toEqual([5.5, null]);
  });

  it('Region.civility(year): activities, volunteer hours, star households — one statement for many regions', async () => {
    const q = `query($a: ID!, $t: ID!, $c: ID!) { a: region(code: $a) { civility(year: 2025) { activities volunteerHours starHouseholds } } t: region(code: $t) { civility(year: 2025) { activities volunteerHours } } c: region(code: $c) { civility(year: 2025) { activities volunteerHours } } }`;
    const result = await ok(admin, q, { a: A, t: township, c: C });
    expect(result).toEqual({
      a: { civility: { activities: 2, volunteerHours: 7, starHouseholds: 0 } },
      t: { civility: { activities: 2, volunteerHours: 7 } },
      c: { civility: { activities: 0, volunteerHours: 0 } },
    });
    // the regions of a list in one request: one statement, whatever their number
    const list = (code: string) => countQueries(platform.subgraphs.civility, () => ok(admin, `query($c: ID!) { region(code: $c) { children { code civility(year: 2025) { activities volunteerHours } } } }`, { c: code }));
    const one = await list(township);
    const two = await list(county);
    expect((one.result as any).region.children).toEqual([{ code: A, civility: { activities: 2, volunteerHours: 7 } }]);
    expect((two.result as any).region.children).toEqual([
      { code: township, civility: { activities: 2, volunteerHours: 7 } },
      { code: '360722102000', civility: { activities: 0, volunteerHours: 0 } },
    ]);
    expect([one.count, two.count]).toEqual([1, 1]);
  });
});

describe('role models: nomination → public notice → selection', () => {
  const NOMINATE = `mutation($i: NominateRoleModelInput!) { nominateRoleModel(input: $i) { id status noticeFrom noticeTo } }`;
  const SELECT = `mutation($i: SelectRoleModelInput!) { selectRoleModel(input: $i) { status selectedOn } }`;

  it('selects after the 7-day notice; refuses before it ends and with an upheld objection', async () => {
    const n = (await ok(cadreA, NOMINATE, { i: { residentId: residents[0], category: 'GOOD_DAUGHTER_IN_LAW', year: 2025, deeds: '照顾瘫痪婆婆十年', noticeFrom: '2025-10-01' } })).nominateRoleModel;
    expect(n).toMatchObject({ status: 'ON_NOTICE', noticeFrom: '2025-10-01', noticeTo: '2025-10-08' });
    const early = await gql(officer, SELECT, { i: { nominationId: n.id, selectedOn: '2025-10-07' } });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'selectedOn', rule: 'NOTICE_NOT_ENDED' });
    expect(codeOf(await gql(cadreA, SELECT, { i: { nominationId: n.id, selectedOn: '2025-10-08' } }))).toBe('FORBIDDEN');
    const lateObjection = await gql(cadreA, `mutation($i: ObjectToRoleModelInput!) { objectToRoleModel(input: $i) { id } }`, { i: { nominationId: n.id, filedOn: '2025-10-08', reason: '迟到的异议' } });
    expect(lateObjection.errors?.[0]?.extensions).toMatchObject({ rule: 'OUTSIDE_NOTICE' });
    const objection = (await ok(cadreA, `mutation($i: ObjectToRoleModelInput!) { objectToRoleModel(input: $i) { id status } }`, { i: { nominationId: n.id, filedOn: '2025-10-03', reason: '事迹不实？' } })).objectToRoleModel;
    expect((await gql(officer, SELECT, { i: { nominationId: n.id, selectedOn: '2025-10-09' } })).errors?.[0]?.extensions).toMatchObject({ rule: 'OBJECTION_OPEN' });
    await ok(officer, `mutation($i: DecideRoleModelObjectionInput!) { decideRoleModelObjection(input: $i) { status } }`, { i: { objectionId: objection.id, upheld: false } });
    const selected = await ok(officer, SELECT, { i: { nominationId: n.id, selectedOn: '2025-10-09' } });
    expect(selected.selectRoleModel).toEqual({ status: 'SELECTED', selectedOn: '2025-10-09' });

    const m = (await ok(cadreA, NOMINATE, { i: { residentId: residents[1], category: 'GOOD_PERSON', year: 2025, deeds: '见义勇为', noticeFrom: '2025-10-01' } })).nominateRoleModel;
    const o = (await ok(cadreA, `mutation($i: ObjectToRoleModelInput!) { objectToRoleModel(input: $i) { id } }`, { i: { nominationId: m.id, filedOn: '2025-10-02', reason: '有违法记录' } })).objectToRoleModel;
    const decided = await ok(officer, `mutation($i: DecideRoleModelObjectionInput!) { decideRoleModelObjection(input: $i) { status upheldObjections } }`, { i: { objectionId: o.id, upheld: true } });
    expect(decided.decideRoleModelObjection).toEqual({ status: 'REJECTED', upheldObjections: 1 });
    const before = await count('role_model_nomination', `status = 'SELECTED'`);
    const refused = await gql(officer, SELECT, { i: { nominationId: m.id, selectedOn: '2025-10-09' } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'OBJECTION_UPHELD' });
    expect(await count('role_model_nomination', `status = 'SELECTED'`)).toBe(before);
    const list = await ok(admin, `query($c: ID!) { region(code: $c) { roleModels(year: 2025) { status category resident { id } } } }`, { c: A });
    expect(list.region.roleModels).toHaveLength(2);
    expect(todayInChina() > '2025-10-09').toBe(true);
  });
});
