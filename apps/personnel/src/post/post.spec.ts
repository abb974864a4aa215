/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON, checked field by field with expect() */
import { Role, type Actor } from '@xiangzhi/kernel';
import { graphqlClient, rowCounter, startTestPlatform, type TestPlatform } from '@xiangzhi/testing';
import type { DataSource } from 'typeorm';
import { subgraph as personnel } from '../index';
import { arrangeRegions, assignPost, insertCadre } from '../testing/fixtures';

const county = '433130000000';
const township = '433130101000';
const village = '433130101201';
const community = '433130101001';
const otherTownshipVillage = '433130102201';

const countyAdmin: Actor = { id: 'county-admin', roles: [Role.COUNTY_ADMIN], scope: county };
const officer: Actor = { id: 'officer', roles: [Role.TOWNSHIP_OFFICER], scope: township };
const villageCadre: Actor = { id: 'village-cadre', roles: [Role.VILLAGE_CADRE], scope: village };

let platform: TestPlatform;
let ds: DataSource;

const { gql, ok, codeOf } = graphqlClient<any>(() => platform);
const count = rowCounter(() => ds);

const APPLY = `mutation($v: String!) { applyPostTemplate(villageCode: $v) {
  templateName
  decision { policy rule zh en }
  created { id code title category fullTime leaveApprover version responsibilities targets { title measure target } templateDecision { policy rule } holder { id } }
  existing { id code }
} }`;

beforeAll(async () => {
  platform = await startTestPlatform({ subgraphs: [personnel] });
  ds = platform.subgraphs.personnel.db.dataSource;
  await arrangeRegions(ds, ['433130101001', '433130101201', '433130102201']);
}, 120_000);

afterAll(() => platform?.stop());

describe('applyPostTemplate', () => {
  it('creates the five baseline posts of a village with the policy that decided, then keeps them on a second run', async () => {
    const first = (await ok(officer, APPLY, { v: village })).applyPostTemplate;
    expect(first.templateName).toBe('村（社区）"两委"基本岗位');
    expect(first.decision).toMatchObject({ policy: 'baseline', rule: 'POST_TEMPLATE' });
    expect(first.decision.zh).toContain('行政村');
    expect(first.created.map((p: any) => p.code)).toEqual(['secretary', 'organisation', 'director', 'clerk', 'supervision']);
    expect(first.created.map((p: any) => p.category)).toEqual(['PARTY_SECRETARY', 'PARTY_COMMITTEE', 'COMMITTEE_DIRECTOR', 'COMMITTEE_MEMBER', 'SUPERVISION']);
    expect(first.created[2]).toMatchObject({ title: '村民委员会主任', fullTime: true, leaveApprover: 'TOWNSHIP', version: 1, holder: null });
    expect(first.created[0].targets).toEqual([
      { title: '召开"三会一课"', measure: '次', target: 12 },
      { title: '集体经济经营性收入增长', measure: '%', target: null },
    ]);
    expect(first.created.every((p: any) => p.templateDecision.policy === 'baseline' && p.templateDecision.rule === 'POST_TEMPLATE')).toBe(true);
    expect(first.existing).toEqual([]);
    expect(await count('post', 'village_code = $1', [village])).toBe(5);

    const auditBefore = await count('audit_log', `action = 'applyPostTemplate'`);
    const second = (await ok(countyAdmin, APPLY, { v: village })).applyPostTemplate;
    expect(second.created).toEqual([]);
    expect(second.existing.map((p: any) => p.id)).toEqual(first.created.map((p: any) => p.id));
    expect(await count('post', 'village_code = $1', [village])).toBe(5);
    expect(await count('audit_log', `action = 'applyPostTemplate'`)).toBe(auditBefore + 1);
  });

  it('names a community’s posts after the residents’ committee and only adds what is missing', async () => {
    await ds.query(
      `INSERT INTO post (county_code, village_code, code, title, category, leave_approver, template)
       VALUES ($1, $2, 'director', '社区主任（原有）', 'COMMITTEE_DIRECTOR', 'TOWNSHIP', '{"policy":"test","rule":"FIXTURE","zh":"原有","en":"existing"}')`,
      [county, community],
    );
    const data = (await ok(officer, APPLY, { v: community })).applyPostTemplate;
    expect(data.created.map((p: any) => p.code)).toEqual(['secretary', 'organisation', 'clerk', 'supervision']);
    expect(data.created.find((p: any) => p.code === 'clerk').title).toBe('居民委员会委员（文书）');
    expect(data.existing.map((p: any) => p.code)).toEqual(['director']);
    expect(await count('post', 'village_code = $1', [community])).toBe(5);
  });

  it('refuses codes that are not villages, callers without a manager role and villages outside the scope, writing nothing', async () => {
    const before = await count('post');
    expect(codeOf(await gql(officer, APPLY, { v: township }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(officer, APPLY, { v: '433130101450' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(officer, APPLY, { v: '4331301012' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(villageCadre, APPLY, { v: village }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(officer, APPLY, { v: otherTownshipVillage }))).toBe('FORBIDDEN');
    expect(await count('post')).toBe(before);
  });
});

describe('updatePost', () => {
  const UPDATE = `mutation($i: UpdatePostInput!) { updatePost(input: $i) { id title version responsibilities targets { title measure target } } }`;

  it('two edits with the same version: one is written, the other is a CONFLICT', async () => {
    const [post] = (await ds.query(`SELECT id, version FROM post WHERE village_code = $1 AND code = 'clerk'`, [village])) as { id: string; version: number }[];
    const results = await Promise.all([
      gql(officer, UPDATE, { i: { postId: post.id, expectedVersion: post.version, targets: [{ title: '档案归档率', measure: '%', target: 98 }] } }),
      gql(countyAdmin, UPDATE, { i: { postId: post.id, expectedVersion: post.version, title: '文书（改）' } }),
    ]);
    const written = results.filter((r) => !r.errors);
    expect(written).toHaveLength(1);
    expect(results.filter((r) => r.errors).map(codeOf)).toEqual(['CONFLICT']);
    expect(written[0].data.updatePost.version).toBe(post.version + 1);
    const [row] = await ds.query('SELECT version FROM post WHERE id = $1', [post.id]);
    expect(row.version).toBe(post.version + 1);

    const stale = await gql(officer, UPDATE, { i: { postId: post.id, expectedVersion: post.version, title: '过时' } });
    expect(codeOf(stale)).toBe('CONFLICT');
    const data = await ok(officer, UPDATE, {
      i: { postId: post.id, expectedVersion: post.version + 1, responsibilities: ['档案管理', '会议记录'], targets: [{ title: '档案归档率', measure: '%', target: 100 }, { title: '会议记录', measure: '次', target: null }] },
    });
    expect(data.updatePost).toMatchObject({
      version: post.version + 2,
      responsibilities: ['档案管理', '会议记录'],
      targets: [
        { title: '档案归档率', measure: '%', target: 100 },
        { title: '会议记录', measure: '次', target: null },
      ],
    });
  });

  it('refuses a blank title and callers outside the manager roles', async () => {
    const [post] = (await ds.query(`SELECT id, version FROM post WHERE village_code = $1 AND code = 'supervision'`, [village])) as { id: string; version: number }[];
    expect(codeOf(await gql(officer, UPDATE, { i: { postId: post.id, expectedVersion: post.version, title: '   ' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(villageCadre, UPDATE, { i: { postId: post.id, expectedVersion: post.version, title: '监督' } }))).toBe('FORBIDDEN');
    const [row] = await ds.query('SELECT version, title FROM post WHERE id = $1', [post.id]);
    expect(row).toEqual({ version: post.version, title: '村务监督委员会主任' });
  });
});

describe('post holder and history', () => {
  it('shows the holder, the history of holders and each assignment’s cadre and post; the holder’s posts', async () => {
    const [post] = (await ds.query(`SELECT id, county_code, village_code FROM post WHERE village_code = $1 AND code = 'organisation'`, [village])) as any[];
    const earlier = await insertCadre(ds, { villageCode: village, name: '前任', status: 'LEFT' as never, departureDate: '2020-12-31', departureType: 'NORMAL' as never });
    await ds.query(
      `INSERT INTO post_assignment (county_code, village_code, post_id, cadre_id, start_date, end_date, end_reason, vetting)
       VALUES ($1, $2, $3, $4, '2016-01-01', '2020-12-31', '换届', '{"policy":"baseline","departments":[]}')`,
      [post.county_code, post.village_code, post.id, earlier.id],
    );
    const current = await insertCadre(ds, { villageCode: village, name: '现任' });
    await assignPost(ds, { ...post, id: post.id, countyCode: post.county_code, villageCode: post.village_code } as never, current, '2021-01-01');
    const data = await ok(villageCadre, `query($id: ID!) { post(id: $id) {
      holder { name posts { code } assignments { post { code } endDate } }
      history { startDate endDate endReason cadre { name } post { code } }
    } }`, { id: post.id });
    expect(data.post.holder).toEqual({ name: '现任', posts: [{ code: 'organisation' }], assignments: [{ post: { code: 'organisation' }, endDate: null }] });
    expect(data.post.history).toEqual([
      { startDate: '2016-01-01', endDate: '2020-12-31', endReason: '换届', cadre: { name: '前任' }, post: { code: 'organisation' } },
      { startDate: '2021-01-01', endDate: null, endReason: null, cadre: { name: '现任' }, post: { code: 'organisation' } },
    ]);
    const outside: Actor = { id: 'other', roles: [Role.VILLAGE_CADRE], scope: otherTownshipVillage };
    expect(codeOf(await gql(outside, `query($id: ID!) { post(id: $id) { title } }`, { id: post.id }))).toBe('NOT_FOUND');
  });
});
