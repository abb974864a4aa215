/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON, checked field by field with expect() */
// The spec boots the grids subgraph beside personnel to check the federated fields through the gateway.
import { subgraph as grids } from '@xiangzhi/grids';
import { Role, type Actor } from '@xiangzhi/kernel';
import { countQueries, graphqlClient, rowCounter, startTestPlatform, type GraphQLResult, type TestPlatform } from '@xiangzhi/testing';
import type { DataSource } from 'typeorm';
import { todayInChina } from '../cadre/today';
import { CadreStatus } from '../cadre/cadre.entity';
import { subgraph as personnel } from '../index';
import { arrangeRegions, arrangeResidents, insertCadre } from '../testing/fixtures';

const county = '433130000000';
const township = '433130100000';
/** Village A: three grids; village B: one grid; village C: six grids. */
const villageA = '433130100201';
const villageB = '433130100202';
const villageC = '433130100203';

const admin: Actor = { id: 'party-admin', roles: [Role.COUNTY_ADMIN], scope: county };
const officer: Actor = { id: 'party-officer', roles: [Role.TOWNSHIP_OFFICER], scope: township };
const cadreA: Actor = { id: 'party-cadre-a', roles: [Role.VILLAGE_CADRE], scope: villageA };
const cadreB: Actor = { id: 'party-cadre-b', roles: [Role.VILLAGE_CADRE], scope: villageB };
const workerA: Actor = { id: 'party-worker-a', roles: [Role.GRID_WORKER], scope: villageA };

let platform: TestPlatform;
let ds: DataSource;
const gridsOf: Record<string, string[]> = {};
let secretaryA: string;
let suspendedA: string;
let secretaryB: string;

const { gql, ok, codeOf } = graphqlClient<Record<string, any>>(() => platform);
const count = rowCounter(() => ds);

const ORG = 'id name kind version regionCode';

const CREATE_ORG = `mutation($i: CreatePartyOrganizationInput!) { createPartyOrganization(input: $i) { ${ORG} } }`;

async function createOrg(actor: Actor, input: Record<string, unknown>): Promise<GraphQLResult<Record<string, any>>> {
  return gql(actor, CREATE_ORG, { i: input });
}

async function org(input: Record<string, unknown>, actor: Actor = admin): Promise<any> {
  return (await ok(actor, CREATE_ORG, { i: input })).createPartyOrganization;
}

const MEMBER = 'id name joinedOn status mobile currentLocation duty points version organization { id name }';

const REGISTER_MEMBER = `mutation($i: RegisterPartyMemberInput!) { registerPartyMember(input: $i) { ${MEMBER} } }`;

async function registerMember(actor: Actor, input: Record<string, unknown>): Promise<GraphQLResult<Record<string, any>>> {
  return gql(actor, REGISTER_MEMBER, { i: input });
}

async function member(organizationId: string, name: string, extra: Record<string, unknown> = {}, actor: Actor = cadreA): Promise<any> {
  return (await ok(actor, REGISTER_MEMBER, { i: { organizationId, name, joinedOn: '2010-07-01', status: 'FULL', ...extra } })).registerPartyMember;
}

async function points(actor: Actor, input: Record<string, unknown>): Promise<GraphQLResult<Record<string, any>>> {
  return gql(actor, `mutation($i: RecordMemberPointsInput!) { recordMemberPoints(input: $i) { id entryDate points reason recordedBy member { id points } } }`, { i: input });
}

/** An 18-character ID number (GB 11643) with its check character. */
function idNumber(birth: string, sequence: number): string {
  const body = `433130${birth.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return `${body}${'10X98765432'[sum % 11]}`;
}

beforeAll(async () => {
  platform = await startTestPlatform({ subgraphs: [grids, personnel], seed: false });
  ds = platform.subgraphs.personnel.db.dataSource;
  // the division codes above the county come from the national register: rows, not an import
  await platform.subgraphs.grids.db.dataSource.query(
    `INSERT INTO region (code, name, level, parent_code, county_code) VALUES
       ('430000000000', '湖南省', 'PROVINCE', NULL, NULL),
       ('433100000000', '湘西州', 'CITY', '430000000000', NULL),
       ($1, '龙山县', 'COUNTY', '433100000000', $1)`,
    [county],
  );
  await ok(admin, `mutation($i: ImportRegionsInput!) { importRegions(input: $i) { inserted } }`, {
    i: {
      regions: [
        { code: township, name: '党建镇' },
        { code: villageA, name: '红旗村' },
        { code: villageB, name: '向阳村' },
        { code: villageC, name: '前进村' },
      ],
    },
  });
  for (const [village, n] of [
    [villageA, 3],
    [villageB, 1],
    [villageC, 6],
  ] as const) {
    gridsOf[village] = [];
    for (let i = 1; i <= n; i += 1) {
      const grid = await ok(admin, `mutation($v: ID!, $n: String!) { createGrid(input: { villageCode: $v, name: $n }) { id } }`, { v: village, n: `第${i}网格` });
      gridsOf[village].push(grid.createGrid.id);
    }
  }
  await arrangeRegions(ds, [villageA, villageB, villageC, '433130101000']);
  secretaryA = (await insertCadre(ds, { villageCode: villageA, name: '张书记' })).id;
  suspendedA = (await insertCadre(ds, { villageCode: villageA, name: '停职干部', status: CadreStatus.SUSPENDED })).id;
  secretaryB = (await insertCadre(ds, { villageCode: villageB, name: '李书记' })).id;
}, 120_000);

afterAll(() => platform?.stop());

describe('Party organisations (支部建在网格上)', () => {
  let townshipCommittee: any;
  let committeeA: any;
  let branchA1: any;

  it('builds village committee → grid branch → grid group, and the gateway joins grid and branch across both subgraphs', async () => {
    townshipCommittee = await org({ regionCode: township, name: '党建镇党委', kind: 'COMMITTEE' }, officer);
    committeeA = await org({ regionCode: villageA, name: '红旗村党委', kind: 'COMMITTEE', secretaryCadreId: secretaryA });
    expect(committeeA).toMatchObject({ name: '红旗村党委', kind: 'COMMITTEE', version: 1, regionCode: villageA });
    branchA1 = await org({ regionCode: villageA, name: '第一网格党支部', kind: 'BRANCH', parentId: committeeA.id, gridId: gridsOf[villageA][0] }, officer);
    const groupA2 = await org({ regionCode: villageA, name: '第二网格党小组', kind: 'GROUP', parentId: branchA1.id, gridId: gridsOf[villageA][1] });
    expect(groupA2.kind).toBe('GROUP');
    // a village branch directly under the township committee above it
    const branchB = await org({ regionCode: villageB, name: '向阳村党支部', kind: 'BRANCH', parentId: townshipCommittee.id, gridId: gridsOf[villageB][0], secretaryCadreId: secretaryB });

    const grid = await ok(cadreA, `query($g: ID!) { grid(id: $g) { name partyBranch { name kind parent { name secretary { name } parent { name } } grid { id } region { code name } } } }`, {
      g: gridsOf[villageA][0],
    });
    expect(grid.grid).toEqual({
      name: '第1网格',
      partyBranch: {
        name: '第一网格党支部',
        kind: 'BRANCH',
        parent: { name: '红旗村党委', secretary: { name: '张书记' }, parent: null },
        grid: { id: gridsOf[villageA][0] },
        region: { code: villageA, name: '红旗村' },
      },
    });
    // the township committee is the parent the township officer sees; the village cadre is not shown it
    const q = `query($g: ID!) { grid(id: $g) { partyBranch { name secretary { name } parent { name kind } } } }`;
    expect((await ok(officer, q, { g: gridsOf[villageB][0] })).grid.partyBranch).toEqual({ name: '向阳村党支部', secretary: { name: '李书记' }, parent: { name: '党建镇党委', kind: 'COMMITTEE' } });
    expect((await ok(cadreB, q, { g: gridsOf[villageB][0] })).grid.partyBranch).toEqual({ name: '向阳村党支部', secretary: { name: '李书记' }, parent: null });
    expect(branchB.regionCode).toBe(villageB);

    const region = await ok(cadreA, `query($c: ID!) { region(code: $c) { name grids { name partyBranch { name } } partyOrganizations { name kind } } }`, { c: villageA });
    expect(region.region).toEqual({
      name: '红旗村',
      grids: [
        { name: '第1网格', partyBranch: { name: '第一网格党支部' } },
        { name: '第2网格', partyBranch: { name: '第二网格党小组' } },
        { name: '第3网格', partyBranch: null },
      ],
      partyOrganizations: [
        { name: '红旗村党委', kind: 'COMMITTEE' },
        { name: '第一网格党支部', kind: 'BRANCH' },
        { name: '第二网格党小组', kind: 'GROUP' },
      ],
    });
    const tree = await ok(admin, `query($id: ID!) { partyOrganization(id: $id) { name children { name children { name } } } }`, { id: committeeA.id });
    expect(tree.partyOrganization).toEqual({ name: '红旗村党委', children: [{ name: '第一网格党支部', children: [{ name: '第二网格党小组' }] }] });

    const audit = await ds.query(`SELECT action, actor_id, region_code FROM audit_log WHERE target_id = $1`, [branchA1.id]);
    expect(audit).toEqual([{ action: 'createPartyOrganization', actor_id: officer.id, region_code: villageA }]);
    const [row] = await ds.query('SELECT county_code, parent_id, grid_id FROM party_organization WHERE id = $1', [branchA1.id]);
    expect(row).toEqual({ county_code: county, parent_id: committeeA.id, grid_id: gridsOf[villageA][0] });
  });

  it('answers CONFLICT to a second organisation on the same grid, also when two arrive at once, and writes nothing', async () => {
    const before = await count('party_organization');
    const auditBefore = await count('audit_log');
    const second = await createOrg(admin, { regionCode: villageA, name: '重复党支部', kind: 'BRANCH', parentId: committeeA.id, gridId: gridsOf[villageA][0] });
    expect(codeOf(second)).toBe('CONFLICT');
    expect(second.errors?.[0].message).toContain('第一网格党支部');
    expect(await count('party_organization')).toBe(before);
    expect(await count('audit_log')).toBe(auditBefore);

    const free = gridsOf[villageA][2];
    const race = await Promise.all(
      ['甲党小组', '乙党小组'].map((name) => createOrg(admin, { regionCode: villageA, name, kind: 'GROUP', parentId: branchA1.id, gridId: free })),
    );
    expect(race.map(codeOf).sort()).toEqual(['CONFLICT', undefined]);
    expect(await count('party_organization', 'grid_id = $1', [free])).toBe(1);
    expect(await count('party_organization')).toBe(before + 1);
    // a second organisation of the same name in the village is refused too
    expect(codeOf(await createOrg(admin, { regionCode: villageA, name: '红旗村党委', kind: 'GENERAL_BRANCH' }))).toBe('CONFLICT');
  });

  it('refuses an invalid parent, a committee on a grid, a bad secretary or region with BAD_USER_INPUT, and writes nothing', async () => {
    const group = (await ds.query(`SELECT id FROM party_organization WHERE kind = 'GROUP' AND region_code = $1 LIMIT 1`, [villageA]))[0].id as string;
    const committeeB = await org({ regionCode: villageB, name: '向阳村党委', kind: 'COMMITTEE', secretaryCadreId: secretaryB });
    const otherTownship = await org({ regionCode: '433130101000', name: '别镇党委', kind: 'COMMITTEE' });
    const before = await count('party_organization');
    const auditBefore = await count('audit_log');
    const cases: [Record<string, unknown>, string][] = [
      [{ regionCode: villageA, name: '组下支部', kind: 'BRANCH', parentId: group }, 'parentId'],
      [{ regionCode: villageA, name: '平级党委', kind: 'COMMITTEE', parentId: committeeA.id }, 'parentId'],
      [{ regionCode: villageC, name: '隔镇支部', kind: 'BRANCH', parentId: otherTownship.id }, 'parentId'],
      [{ regionCode: villageA, name: '跨村支部', kind: 'BRANCH', parentId: committeeB.id }, 'parentId'],
      [{ regionCode: villageA, name: '不存在上级', kind: 'BRANCH', parentId: '00000000-0000-4000-8000-000000000000' }, 'parentId'],
      [{ regionCode: villageA, name: '网格党委', kind: 'COMMITTEE', gridId: gridsOf[villageA][2] }, 'gridId'],
      [{ regionCode: township, name: '镇网格支部', kind: 'BRANCH', parentId: townshipCommittee.id, gridId: gridsOf[villageC][0] }, 'gridId'],
      [{ regionCode: villageA, name: '停职书记', kind: 'BRANCH', parentId: committeeA.id, secretaryCadreId: suspendedA }, 'secretaryCadreId'],
      [{ regionCode: villageA, name: '外村书记', kind: 'BRANCH', parentId: committeeA.id, secretaryCadreId: secretaryB }, 'secretaryCadreId'],
      [{ regionCode: villageA, name: '无此干部', kind: 'BRANCH', secretaryCadreId: '00000000-0000-4000-8000-000000000000' }, 'secretaryCadreId'],
      [{ regionCode: county, name: '县委', kind: 'COMMITTEE' }, 'regionCode'],
      [{ regionCode: villageA, name: '   ', kind: 'BRANCH' }, 'name'],
    ];
    for (const [input, field] of cases) {
      const res = await createOrg(admin, input);
      expect([input.name, codeOf(res), res.errors?.[0].extensions?.field]).toEqual([input.name, 'BAD_USER_INPUT', field]);
    }
    const wrongKind = await createOrg(admin, cases[0][0]);
    expect(wrongKind.errors?.[0].message).toBe(
      '党支部不能隶属于党小组（上级须层级更高：党委＞党总支＞党支部＞党小组；村级党组织可隶属乡镇党委） (A BRANCH cannot belong to a GROUP (the parent must be of a higher kind: COMMITTEE > GENERAL_BRANCH > BRANCH > GROUP; a village organisation may belong to its township committee))',
    );
    expect(codeOf(await createOrg(admin, { regionCode: '4331301002', name: 'x', kind: 'BRANCH' }))).toBe('BAD_USER_INPUT');
    expect(await count('party_organization')).toBe(before);
    expect(await count('audit_log')).toBe(auditBefore);
    // A village committee (村党委) belongs to its township's committee (乡镇党委), though both are committees.
    const villageCommittee = await org({ regionCode: villageC, name: '镇下村党委', kind: 'COMMITTEE', parentId: townshipCommittee.id });
    expect(villageCommittee).toMatchObject({ name: '镇下村党委', kind: 'COMMITTEE' });
  });

  it('lets only managers in scope set up organisations', async () => {
    const input = { regionCode: villageA, name: '村干部自建', kind: 'BRANCH', parentId: committeeA.id };
    expect(codeOf(await createOrg(cadreA, input))).toBe('FORBIDDEN');
    expect(codeOf(await createOrg(workerA, input))).toBe('FORBIDDEN');
    const outside: Actor = { id: 'other-officer', roles: [Role.TOWNSHIP_OFFICER], scope: '433130101000' };
    expect(codeOf(await createOrg(outside, input))).toBe('FORBIDDEN');
    expect(await count('party_organization', 'name = $1', ['村干部自建'])).toBe(0);
    expect(codeOf(await gql(cadreB, `query($id: ID!) { partyOrganization(id: $id) { name } }`, { id: committeeA.id }))).toBe('NOT_FOUND');
    expect(codeOf(await gql(cadreA, `{ partyOrganization(id: "00000000-0000-4000-8000-000000000000") { name } }`))).toBe('NOT_FOUND');
  });

  it('renames, detaches and re-attaches an organisation under optimistic locking: of two concurrent edits one gets CONFLICT', async () => {
    const branch = await org({ regionCode: villageC, name: '前进村第一支部', kind: 'BRANCH', gridId: gridsOf[villageC][0] });
    const update = (actor: Actor, input: Record<string, unknown>) =>
      gql(actor, `mutation($i: UpdatePartyOrganizationInput!) { updatePartyOrganization(input: $i) { ${ORG} grid { id } } }`, { i: input });
    const race = await Promise.all([update(admin, { id: branch.id, expectedVersion: 1, name: '甲' }), update(officer, { id: branch.id, expectedVersion: 1, name: '乙' })]);
    expect(race.map(codeOf).sort()).toEqual(['CONFLICT', undefined]);
    const winner = race.find((r) => !r.errors)!.data!.updatePartyOrganization;
    expect(winner.version).toBe(2);
    const [row] = await ds.query('SELECT name, version FROM party_organization WHERE id = $1', [branch.id]);
    expect(row).toEqual({ name: winner.name, version: 2 });
    expect(await count('audit_log', "target_id = $1 AND action = 'updatePartyOrganization'", [branch.id])).toBe(1);

    const stale = await update(admin, { id: branch.id, expectedVersion: 1, name: '丙' });
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0].extensions).toMatchObject({ currentVersion: 2 });

    const detached = (await update(admin, { id: branch.id, expectedVersion: 2, gridId: null })).data!.updatePartyOrganization;
    expect(detached).toMatchObject({ version: 3, grid: null });
    const gridView = await ok(admin, `query($g: ID!) { grid(id: $g) { partyBranch { name } } }`, { g: gridsOf[villageC][0] });
    expect(gridView.grid.partyBranch).toBeNull();
    const moved = (await update(admin, { id: branch.id, expectedVersion: 3, gridId: gridsOf[villageC][1], secretaryCadreId: null })).data!.updatePartyOrganization;
    expect(moved).toMatchObject({ version: 4, grid: { id: gridsOf[villageC][1] } });
    // onto an occupied grid: CONFLICT; nothing to change: BAD_USER_INPUT; a village cadre: FORBIDDEN
    const other = await org({ regionCode: villageC, name: '前进村第三支部', kind: 'BRANCH', gridId: gridsOf[villageC][2] });
    expect(codeOf(await update(admin, { id: other.id, expectedVersion: 1, gridId: gridsOf[villageC][1] }))).toBe('CONFLICT');
    expect(codeOf(await update(admin, { id: other.id, expectedVersion: 1 }))).toBe('BAD_USER_INPUT');
    const cadreC: Actor = { id: 'cadre-c', roles: [Role.VILLAGE_CADRE], scope: villageC };
    expect(codeOf(await update(cadreC, { id: other.id, expectedVersion: 1, name: '改名' }))).toBe('FORBIDDEN');
    const [unchanged] = await ds.query('SELECT name, grid_id, version FROM party_organization WHERE id = $1', [other.id]);
    expect(unchanged).toEqual({ name: '前进村第三支部', grid_id: gridsOf[villageC][2], version: 1 });
  });

  it('resolves Grid.partyBranch { memberCount } for 3 or 6 grids with the same number of personnel statements', async () => {
    for (const [i, grid] of gridsOf[villageC].entries()) {
      const existing = (await ds.query('SELECT id FROM party_organization WHERE grid_id = $1', [grid])) as { id: string }[];
      const id = existing[0]?.id ?? (await org({ regionCode: villageC, name: `前进村第${i + 1}网格党支部`, kind: 'BRANCH', gridId: grid })).id;
      for (let k = 0; k <= i % 3; k += 1) await member(id, `前进党员${i}-${k}`, {}, admin);
    }
    const q = `query($c: ID!) { region(code: $c) { grids { name partyBranch { name memberCount } } } }`;
    const few = await countQueries(platform.subgraphs.personnel, () => ok(admin, q, { c: villageA }));
    const many = await countQueries(platform.subgraphs.personnel, () => ok(admin, q, { c: villageC }));
    expect(few.result.region.grids).toHaveLength(3);
    expect(many.result.region.grids).toHaveLength(6);
    expect(many.result.region.grids.map((g: any) => g.partyBranch.memberCount)).toEqual([1, 2, 3, 1, 2, 3]);
    expect(many.count).toBe(few.count);
    expect(many.count).toBeLessThanOrEqual(2);
  });
});

describe('Party members, mobile members and points (党员积分)', () => {
  let branch: any;
  let residentId: string;

  beforeAll(async () => {
    branch = (await ds.query(`SELECT id, name FROM party_organization WHERE grid_id = $1`, [gridsOf[villageA][0]]))[0];
    const hh = await ok(admin, `mutation($v: ID!, $g: ID!) { createHousehold(input: { villageCode: $v, number: "0001", gridId: $g }) { id } }`, {
      v: villageA,
      g: gridsOf[villageA][0],
    });
    const resident = await ok(admin, `mutation($h: ID!, $id: String!) { registerResident(input: { householdId: $h, name: "王党员", idNumber: $id, relationToHead: HEAD }) { id } }`, {
      h: hh.createHousehold.id,
      id: idNumber('1975-06-01', 11),
    });
    residentId = resident.registerResident.id;
    await arrangeResidents(ds, [{ id: residentId, villageCode: villageA }]);
  });

  it('registers a member with a duty, linked to a resident once; Resident.partyMember resolves through the gateway', async () => {
    const m = await member(branch.id, '王党员', { residentId, duty: '环境卫生监督岗', status: 'PROBATIONARY', joinedOn: '2024-07-01' });
    expect(m).toMatchObject({ name: '王党员', status: 'PROBATIONARY', duty: '环境卫生监督岗', mobile: false, points: 0, version: 1, organization: { id: branch.id } });
    const res = await ok(cadreA, `query($r: ID!) { resident(id: $r) { name partyMember { name duty organization { name } resident { id } } } }`, { r: residentId });
    expect(res.resident).toEqual({ name: '王党员', partyMember: { name: '王党员', duty: '环境卫生监督岗', organization: { name: branch.name }, resident: { id: residentId } } });

    const before = await count('party_member');
    const again = await registerMember(cadreA, { organizationId: branch.id, name: '王党员', residentId, joinedOn: '2020-01-01', status: 'FULL' });
    expect(codeOf(again)).toBe('CONFLICT');
    const tomorrow = new Date(Date.now() + 2 * 86400_000).toISOString().slice(0, 10);
    const future = await registerMember(cadreA, { organizationId: branch.id, name: '未来', joinedOn: tomorrow, status: 'FULL' });
    expect([codeOf(future), future.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'joinedOn']);
    expect(codeOf(await registerMember(cadreA, { organizationId: branch.id, name: '坏日期', joinedOn: '2020-02-30', status: 'FULL' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await registerMember(cadreB, { organizationId: branch.id, name: '外村', joinedOn: '2020-01-01', status: 'FULL' }))).toBe('NOT_FOUND');
    expect(codeOf(await registerMember(workerA, { organizationId: branch.id, name: '网格员', joinedOn: '2020-01-01', status: 'FULL' }))).toBe('FORBIDDEN');
    expect(await count('party_member')).toBe(before);
  });

  it('keeps a points ledger: +5 then −2 leaves a balance of 3, newest entry first; concurrent entries all count', async () => {
    const m = await member(branch.id, '积分党员');
    const today = todayInChina();
    const plus = await points(cadreA, { memberId: m.id, date: '2025-03-01', points: 5, reason: '参加主题党日' });
    expect(plus.data!.recordMemberPoints).toMatchObject({ entryDate: '2025-03-01', points: 5, reason: '参加主题党日', recordedBy: cadreA.id, member: { id: m.id, points: 5 } });
    await points(officer, { memberId: m.id, date: today, points: -2, reason: '无故缺席组织生活' });
    const seen = await ok(cadreA, `query($id: ID!) { partyOrganization(id: $id) { members(first: 100) { nodes { id points version pointsLedger { entryDate points reason } } } } }`, { id: branch.id });
    const node = seen.partyOrganization.members.nodes.find((n: any) => n.id === m.id);
    expect(node).toEqual({
      id: m.id,
      points: 3,
      version: 1,
      pointsLedger: [
        { entryDate: today, points: -2, reason: '无故缺席组织生活' },
        { entryDate: '2025-03-01', points: 5, reason: '参加主题党日' },
      ],
    });
    const [row] = await ds.query('SELECT points FROM party_member WHERE id = $1', [m.id]);
    expect(row.points).toBe(3);
    expect(await count('audit_log', "target_id = $1 AND action = 'recordMemberPoints'", [m.id])).toBe(2);

    await Promise.all(Array.from({ length: 5 }, () => points(cadreA, { memberId: m.id, date: today, points: 1, reason: '志愿服务' })));
    const [after] = await ds.query('SELECT points FROM party_member WHERE id = $1', [m.id]);
    expect(after.points).toBe(8);
    expect(await count('party_point_entry', 'member_id = $1', [m.id])).toBe(7);

    const entriesBefore = await count('party_point_entry');
    for (const bad of [
      { points: 0, reason: '零分' },
      { points: 101, reason: '太多' },
      { points: -101, reason: '太多' },
      { points: 3, reason: '  ' },
      { points: 3, reason: '未来', date: new Date(Date.now() + 2 * 86400_000).toISOString().slice(0, 10) },
    ]) {
      expect(codeOf(await points(cadreA, { memberId: m.id, date: today, ...bad }))).toBe('BAD_USER_INPUT');
    }
    expect(codeOf(await points(cadreB, { memberId: m.id, date: today, points: 1, reason: '外村' }))).toBe('NOT_FOUND');
    expect(codeOf(await points(cadreA, { memberId: '00000000-0000-4000-8000-000000000000', date: today, points: 1, reason: 'x' }))).toBe('NOT_FOUND');
    expect(await count('party_point_entry')).toBe(entriesBefore);
    const [unchanged] = await ds.query('SELECT points FROM party_member WHERE id = $1', [m.id]);
    expect(unchanged.points).toBe(8);
  });

  it('registers a mobile member (流动党员) who stays with the origin organisation, and returns them home', async () => {
    const m = await member(branch.id, '外出党员');
    const register = (input: Record<string, unknown>) => gql(cadreA, `mutation($i: RegisterMobileMemberInput!) { registerMobileMember(input: $i) { ${MEMBER} } }`, { i: input });
    const away = (await register({ memberId: m.id, currentLocation: '广东省东莞市', expectedVersion: 1 })).data!.registerMobileMember;
    expect(away).toMatchObject({ mobile: true, currentLocation: '广东省东莞市', version: 2, organization: { id: branch.id } });
    expect(codeOf(await register({ memberId: m.id, currentLocation: '浙江省义乌市', expectedVersion: 1 }))).toBe('CONFLICT');

    const list = await ok(cadreA, `query($r: String!) { partyMembers(regionCode: $r, mobile: true) { totalCount nodes { name currentLocation organization { name } } } }`, { r: villageA });
    expect(list.partyMembers).toEqual({ totalCount: 1, nodes: [{ name: '外出党员', currentLocation: '广东省东莞市', organization: { name: branch.name } }] });
    // where a person now lives is personal data: a grid worker or an auditor of the village sees the flag, not the place
    for (const reader of [workerA, { id: 'party-auditor', roles: [Role.AUDITOR], scope: villageA }]) {
      const seen = await ok(reader, `query($r: String!) { partyMembers(regionCode: $r, mobile: true) { nodes { name mobile currentLocation } } }`, { r: villageA });
      expect(seen.partyMembers.nodes).toEqual([{ name: '外出党员', mobile: true, currentLocation: null }]);
    }
    const atHome = await ok(cadreA, `query($r: String!, $o: ID) { partyMembers(regionCode: $r, organizationId: $o, mobile: false) { totalCount } }`, { r: villageA, o: branch.id });
    expect(atHome.partyMembers.totalCount).toBe((await count('party_member', 'organization_id = $1', [branch.id])) - 1);

    const back = await ok(cadreA, `mutation($i: ReturnMobileMemberInput!) { returnMobileMember(input: $i) { mobile currentLocation version } }`, { i: { memberId: m.id, expectedVersion: 2 } });
    expect(back.returnMobileMember).toEqual({ mobile: false, currentLocation: null, version: 3 });
    const twice = await gql(cadreA, `mutation($i: ReturnMobileMemberInput!) { returnMobileMember(input: $i) { mobile } }`, { i: { memberId: m.id, expectedVersion: 3 } });
    expect(codeOf(twice)).toBe('BAD_USER_INPUT');
    const [row] = await ds.query('SELECT mobile, current_location, version, organization_id FROM party_member WHERE id = $1', [m.id]);
    expect(row).toEqual({ mobile: false, current_location: null, version: 3, organization_id: branch.id });
  });

  it('lists members by date joined with cursor pages, narrowed to the caller’s scope', async () => {
    const committeeB = (await ds.query(`SELECT id FROM party_organization WHERE region_code = $1 AND kind = 'COMMITTEE'`, [villageB]))[0].id as string;
    await member(committeeB, '向阳党员', { joinedOn: '1990-01-01' }, cadreB);
    const total = await count('party_member', 'region_code LIKE $1', [`${township.slice(0, 9)}%`]);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Record<string, any> = await ok(officer, `query($r: String!, $a: String) { partyMembers(regionCode: $r, first: 4, after: $a) { totalCount pageInfo { hasNextPage endCursor } nodes { id joinedOn } } }`, {
        r: township,
        a: after,
      });
      expect(page.partyMembers.totalCount).toBe(total);
      seen.push(...page.partyMembers.nodes.map((n: any) => n.id));
      if (!page.partyMembers.pageInfo.hasNextPage) break;
      after = page.partyMembers.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(total);
    const all = await ds.query(`SELECT id FROM party_member WHERE region_code LIKE $1 ORDER BY joined_on, id`, [`${township.slice(0, 9)}%`]);
    expect(seen).toEqual(all.map((r: { id: string }) => r.id));
    // a village cadre listing the township sees their own village only
    const narrowed = await ok(cadreB, `query($r: String!) { partyMembers(regionCode: $r) { totalCount nodes { name } } region(code: "${township}") { partyOrganizations { name } } }`, { r: township });
    expect(narrowed.partyMembers).toEqual({ totalCount: 1, nodes: [{ name: '向阳党员' }] });
    expect(narrowed.region.partyOrganizations).toEqual([{ name: '向阳村党委' }, { name: '向阳村党支部' }]);
    const bad = await gql(officer, `{ partyMembers(regionCode: "${township}", after: "bm90LWEtY3Vyc29y") { totalCount } }`);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
  });

  it('pages the members of many organisations at once with a constant number of statements', async () => {
    const q = `query($r: ID!) { region(code: $r) { partyOrganizations { name memberCount members(first: 1) { totalCount pageInfo { hasNextPage endCursor } nodes { name pointsLedger { points } } } } } }`;
    const { result, count: statements } = await countQueries(platform.subgraphs.personnel, () => ok(admin, q, { r: villageC }));
    const orgs = result.region.partyOrganizations;
    expect(orgs.length).toBeGreaterThanOrEqual(6);
    for (const o of orgs) {
      expect(o.members.totalCount).toBe(o.memberCount);
      expect(o.members.nodes).toHaveLength(Math.min(1, o.memberCount));
      expect(o.members.pageInfo.hasNextPage).toBe(o.memberCount > 1);
    }
    expect(statements).toBeLessThanOrEqual(5);
    const withThree = orgs.find((o: any) => o.memberCount === 3);
    const id = (await ds.query('SELECT id FROM party_organization WHERE name = $1', [withThree.name]))[0].id as string;
    const next = await ok(admin, `query($id: ID!, $a: String) { partyOrganization(id: $id) { members(first: 5, after: $a) { totalCount pageInfo { hasNextPage } nodes { name } } } }`, {
      id,
      a: withThree.members.pageInfo.endCursor,
    });
    expect(next.partyOrganization.members.totalCount).toBe(3);
    expect(next.partyOrganization.members.nodes).toHaveLength(2);
    expect(next.partyOrganization.members.pageInfo.hasNextPage).toBe(false);
    expect(next.partyOrganization.members.nodes[0].name).not.toBe(withThree.members.nodes[0].name);
  });
});

describe('Region.partyOrganizations beyond the bound', () => {
  it('refuses more than 2000 organisations under a region (BAD_USER_INPUT naming the field, the bound and the smaller regions) with the statements of a short list, and answers 2000', async () => {
    const q = `query($c: ID!) { region(code: $c) { partyOrganizations { name } } }`;
    const short = await countQueries(platform.subgraphs.personnel, () => ok(admin, q, { c: villageA }));
    expect(short.result.region.partyOrganizations.length).toBeGreaterThan(0);
    const [{ n }] = (await ds.query(`SELECT count(*)::int AS n FROM party_organization WHERE region_code = $1`, [villageB])) as { n: number }[];
    await ds.query(
      `INSERT INTO party_organization (county_code, region_code, name, kind) SELECT $1, $2, '界限党小组' || lpad(i::text, 4, '0'), 'GROUP' FROM generate_series(1, $3::int) AS i`,
      [county, villageB, 2001 - Number(n)],
    );
    try {
      const over = await countQueries(platform.subgraphs.personnel, () => gql(admin, q, { c: villageB }));
      expect(codeOf(over.result)).toBe('BAD_USER_INPUT');
      expect(over.result.errors![0].extensions).toMatchObject({ field: 'Region.partyOrganizations', max: 2000, instead: 'Region.partyOrganizations of each township or village' });
      expect(over.result.errors![0].message).toMatch(/Region\.partyOrganizations 最多列出 2000 项.*Region\.partyOrganizations lists at most 2000 items/s);
      expect(over.count).toBe(short.count);
      await ds.query(`DELETE FROM party_organization WHERE region_code = $1 AND name = (SELECT max(name) FROM party_organization WHERE region_code = $1 AND name LIKE '界限党小组%')`, [villageB]);
      expect((await ok(admin, q, { c: villageB })).region.partyOrganizations).toHaveLength(2000);
    } finally {
      await ds.query(`DELETE FROM party_organization WHERE region_code = $1 AND name LIKE '界限党小组%'`, [villageB]);
    }
  });
});
