/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON, checked field by field with expect() */
import { subgraph as grids } from '@xiangzhi/grids';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { graphqlClient, startTestPlatform, testFixtures, type TestPlatform, type VillageFixture } from '@xiangzhi/testing';

/**
 * A payroll for a month pays who held which post in that month (the post assignments' start and
 * end dates), whenever it is computed: a cadre removed later is paid for the months they served, a
 * cadre appointed later is not paid for earlier months, and a partial month pays base pay pro rata
 * of the days held (the end date is the first day no longer held).
 */
describe('computePayroll pays the month’s post holders, not today’s', () => {
  let platform: TestPlatform;
  const { ok } = graphqlClient<Record<string, any>>(() => platform);
  const fixtures = testFixtures(() => platform);
  let v: VillageFixture;
  const ids: Record<string, string> = {};

  const COMPUTE = `mutation($v: String!, $m: String!) { computePayroll(villageCode: $v, month: $m) {
    month total records { daysHeld daysInMonth total cadre { id name } components { kind amount decision { policy rule zh en } data { key value number } } } } }`;
  const DISCHARGE = `mutation($i: DischargeCadreInput!) { dischargeCadre(input: $i) { cadre { status departureDate } } }`;
  const APPOINT = `mutation($i: AppointCadreInput!) { appointCadre(input: $i) { cadre { id name } } }`;

  beforeAll(async () => {
    platform = await startTestPlatform({ subgraphs: [grids, personnel] });
    v = await fixtures.village({
      code: '990101101201',
      cadres: [
        { post: 'secretary', name: '张书记', startDate: '2024-01-01' },
        { post: 'director', name: '王主任', startDate: '2024-01-01' },
      ],
    });
    const [secretary, director] = v.cadres;
    Object.assign(ids, { secretary: secretary.id, director: director.id });
    // the secretary is removed on 2025-11-20 …
    const left = await ok(v.admin, DISCHARGE, { i: { cadreId: secretary.id, expectedVersion: secretary.version, departureType: 'DISMISSED', reason: '工作调动', date: '2025-11-20' } });
    expect(left.dischargeCadre.cadre).toEqual({ status: 'LEFT', departureDate: '2025-11-20' });
    // … and succeeded the same day; a third post is filled only in June 2025
    const successor = await ok(v.admin, APPOINT, { i: { postId: secretary.post.id, name: '李新', gender: 'FEMALE', birthDate: '1988-03-01', educationLevel: 'COLLEGE', partyJoinDate: '2010-07-01', startDate: '2025-11-20' } });
    ids.successor = successor.appointCadre.cadre.id;
    const third = v.posts.find((p) => p.code !== 'secretary' && p.code !== 'director')!;
    const late = await ok(v.admin, APPOINT, { i: { postId: third.id, name: '赵后', gender: 'MALE', birthDate: '1990-03-01', educationLevel: 'HIGH_SCHOOL', partyJoinDate: '2012-07-01', startDate: '2025-06-01' } });
    ids.late = late.appointCadre.cadre.id;
  }, 120000);
  afterAll(() => platform?.stop());

  const byName = (records: any[]) => Object.fromEntries(records.map((r) => [r.cadre.name, r]));

  it('pays a January computed after a November removal to the cadres who served in January (and not to one appointed in June)', async () => {
    const { computePayroll } = await ok(v.admin, COMPUTE, { v: v.code, m: '2025-01' });
    const records = byName(computePayroll.records);
    expect(Object.keys(records).sort()).toEqual(['张书记', '王主任'].sort());
    expect(records['张书记']).toMatchObject({ daysHeld: 31, daysInMonth: 31, cadre: { id: ids.secretary } });
    expect(records['张书记'].components[0]).toMatchObject({ kind: 'BASE', amount: 3000, decision: { policy: 'baseline', rule: 'BASE_BY_POST', zh: '基本报酬：按所任最高岗位党组织书记' }, data: [] });
  });

  it('pays the month of a removal and of an appointment pro rata of the days held, saying so in the rule text and data', async () => {
    const { computePayroll } = await ok(v.admin, COMPUTE, { v: v.code, m: '2025-11' });
    const records = byName(computePayroll.records);
    expect(Object.keys(records).sort()).toEqual(['张书记', '李新', '王主任', '赵后'].sort());
    // held 1–19 November (removed on the 20th): 3,000 × 19 ÷ 30
    const gone = records['张书记'];
    expect(gone).toMatchObject({ daysHeld: 19, daysInMonth: 30, total: 1900 });
    expect(gone.components[0]).toEqual({
      kind: 'BASE',
      amount: 1900,
      decision: {
        policy: 'baseline',
        rule: 'BASE_BY_POST',
        zh: '基本报酬：按所任最高岗位党组织书记（本月在岗19/30天，按日折算）',
        en: 'base pay for the highest post held: 党组织书记 (held 19 of 30 days this month: pro rata)',
      },
      data: [
        { key: 'proRata', value: '19/30', number: null },
        { key: 'fullAmount', value: '3000', number: 3000 },
      ],
    });
    // the successor from the 20th: 3,000 × 11 ÷ 30; the others the whole month
    expect(records['李新']).toMatchObject({ daysHeld: 11, total: 1100 });
    expect(records['王主任']).toMatchObject({ daysHeld: 30, total: 2800 });
    expect(records['赵后']).toMatchObject({ daysHeld: 30 });
  });

  it('no longer pays the removed cadre in the months after the removal', async () => {
    const { computePayroll } = await ok(v.admin, COMPUTE, { v: v.code, m: '2025-12' });
    expect(computePayroll.records.map((r: any) => r.cadre.name).sort()).toEqual(['李新', '王主任', '赵后'].sort());
    expect(computePayroll.records.every((r: any) => r.daysHeld === 31)).toBe(true);
  });
});
