/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON, checked field by field with expect() */
import { subgraph as economy } from '@xiangzhi/economy';
import { subgraph as grids } from '@xiangzhi/grids';
import { withCheckChar } from '@xiangzhi/economy-api';
import { Role, signInternalToken, type Actor } from '@xiangzhi/kernel';
import { countQueries, graphqlClient, rowCounter, startTestPlatform, TEST_SECRETS, testFixtures, type TestPlatform } from '@xiangzhi/testing';
import type { DataSource } from 'typeorm';

/**
 * Governance of the collective economy through the gateway: 四议两公开 major matters (steps in order,
 * quorum and majority, timeline), 三务公开 disclosures (overdue report with due days moved past
 * holidays, residents' objections), the registers of assets, resources and contracts (payment schedule,
 * overdue payments, the major-matter threshold), projects and 1+N+1 alliances.
 */
const county = '990102000000';
const township = '990102101000';
const villageA = '990102101201';
const villageB = '990102101202';
const villageC = '990102101203';
const otherTownshipVillage = '990102102201';

const admin: Actor = { id: 'gov-admin', roles: [Role.COUNTY_ADMIN], scope: county };
const cadreA: Actor = { id: 'gov-cadre-a', roles: [Role.VILLAGE_CADRE], scope: villageA };
const cadreB: Actor = { id: 'gov-cadre-b', roles: [Role.VILLAGE_CADRE], scope: villageB };
const officer: Actor = { id: 'gov-officer', roles: [Role.TOWNSHIP_OFFICER], scope: township };

const residentA = '0c7f5b0e-1a1a-4a1a-8a1a-00000000000a';
const residentB = '0c7f5b0e-1a1a-4a1a-8a1a-00000000000b';
const deceasedA = '0c7f5b0e-1a1a-4a1a-8a1a-0000000000da';

let platform: TestPlatform;
let ds: DataSource;
const { gql, ok, codeOf } = graphqlClient<Record<string, any>>(() => platform);
const fixtures = testFixtures(() => platform);
const count = rowCounter(() => ds);

/** Posts straight to the economy subgraph as the gateway would (for `_entities`). */
async function subgraphQuery(actor: Actor, query: string, variables: Record<string, unknown>): Promise<any> {
  const res = await fetch(platform.subgraphs.economy.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-xz-actor': signInternalToken(actor, TEST_SECRETS.internalSecret) },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

const MATTER = 'id villageCode title subject amount step outcome version adoptedOn';
const PROPOSE = `mutation($i: ProposeMajorMatterInput!) { proposeMajorMatter(input: $i) { ${MATTER} } }`;
const ADVANCE = `mutation($i: AdvanceMajorMatterInput!) { advanceMajorMatter(input: $i) { ${MATTER} } }`;

async function propose(input: Record<string, unknown> = {}, actor: Actor = cadreA): Promise<any> {
  return (await ok(actor, PROPOSE, { i: { villageCode: villageA, title: '村集体鱼塘发包', subject: 'CONTRACT', amount: '120000.00', proposedOn: '2025-03-01', ...input } })).proposeMajorMatter;
}

const RESOLUTION = { membersEntitled: 40, attendance: 30, votesFor: 25, votesAgainst: 3, votesAbstain: 2 };

async function advance(matter: any, step: string, heldOn: string, extra: Record<string, unknown> = {}, actor: Actor = cadreA): Promise<any> {
  return (await ok(actor, ADVANCE, { i: { id: matter.id, expectedVersion: matter.version, step, heldOn, ...extra } })).advanceMajorMatter;
}

/** A matter taken through to an adopted resolution. */
async function adoptedMatter(input: Record<string, unknown> = {}): Promise<any> {
  let m = await propose(input);
  m = await advance(m, 'DELIBERATED', '2025-03-05');
  m = await advance(m, 'REVIEWED', '2025-03-10');
  return advance(m, 'RESOLVED', '2025-03-15', RESOLUTION);
}

beforeAll(async () => {
  platform = await startTestPlatform({ subgraphs: [grids, economy] });
  ds = platform.subgraphs.economy.db.dataSource;
  for (const code of [villageA, villageB, villageC, otherTownshipVillage]) await fixtures.village({ code });
  // residents as grids' events leave them in economy's projection
  await ds.query(`INSERT INTO resident_ref (id, village_code, status) VALUES ($1, $4, 'LIVING'), ($2, $5, 'LIVING'), ($3, $4, 'DECEASED')`, [residentA, residentB, deceasedA, villageA, villageB]);
}, 240_000);
afterAll(() => platform?.stop());

describe('四议两公开 major matters', () => {
  it('cannot jump from proposal to resolution: refused naming the next step, nothing written', async () => {
    const m = await propose();
    const before = { steps: await count('major_matter_step'), audit: await count('audit_log'), events: await count('economy_event') };
    const res = await gql(cadreA, ADVANCE, { i: { id: m.id, expectedVersion: m.version, step: 'RESOLVED', heldOn: '2025-03-15', ...RESOLUTION } });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions).toMatchObject({ field: 'input.step', rule: 'MAJOR_MATTER_STEP_SKIPPED', value: 'RESOLVED', expected: 'DELIBERATED' });
    expect(res.errors![0].message).toMatch(/^不能跳过步骤.*\(No step may be skipped/);
    expect({ steps: await count('major_matter_step'), audit: await count('audit_log'), events: await count('economy_event') }).toEqual(before);
    const again = await ok(cadreA, `query($id: ID!) { majorMatter(id: $id) { step version } }`, { id: m.id });
    expect(again.majorMatter).toEqual({ step: 'PROPOSED', version: 1 });
  });

  it('refuses a step repeated, a stale version (CONFLICT), a meeting without quorum and more votes than attendees', async () => {
    let m = await propose();
    m = await advance(m, 'DELIBERATED', '2025-03-05');
    const repeated = await gql(cadreA, ADVANCE, { i: { id: m.id, expectedVersion: m.version, step: 'DELIBERATED', heldOn: '2025-03-06' } });
    expect(repeated.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'MAJOR_MATTER_STEP_REPEATED' });
    const stale = await gql(cadreA, ADVANCE, { i: { id: m.id, expectedVersion: 1, step: 'REVIEWED', heldOn: '2025-03-10' } });
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2, expectedVersion: 1 });
    m = await advance(m, 'REVIEWED', '2025-03-10');
    const steps = await count('major_matter_step', 'matter_id = $1', [m.id]);
    const noQuorum = await gql(cadreA, ADVANCE, { i: { id: m.id, expectedVersion: m.version, step: 'RESOLVED', heldOn: '2025-03-15', ...RESOLUTION, attendance: 20, votesFor: 18, votesAgainst: 1, votesAbstain: 1 } });
    expect(noQuorum.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.attendance', rule: 'QUORUM_NOT_MET', value: 20, source: 'baseline' });
    const tooManyVotes = await gql(cadreA, ADVANCE, { i: { id: m.id, expectedVersion: m.version, step: 'RESOLVED', heldOn: '2025-03-15', ...RESOLUTION, votesFor: 28, votesAgainst: 2, votesAbstain: 1 } });
    expect(tooManyVotes.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'VOTES_EXCEED_ATTENDANCE', value: 31 });
    const tooManyAttending = await gql(cadreA, ADVANCE, { i: { id: m.id, expectedVersion: m.version, step: 'RESOLVED', heldOn: '2025-03-15', ...RESOLUTION, attendance: 41 } });
    expect(tooManyAttending.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'ATTENDANCE_EXCEEDS_ENTITLED' });
    expect(await count('major_matter_step', 'matter_id = $1', [m.id])).toBe(steps);
  });

  it('a resolution without a majority ends the matter', async () => {
    let m = await propose();
    m = await advance(m, 'DELIBERATED', '2025-03-05');
    m = await advance(m, 'REVIEWED', '2025-03-10');
    m = await advance(m, 'RESOLVED', '2025-03-15', { ...RESOLUTION, votesFor: 15, votesAgainst: 10, votesAbstain: 5 });
    expect(m).toMatchObject({ step: 'RESOLVED', outcome: 'REJECTED', adoptedOn: null });
    const next = await gql(cadreA, ADVANCE, { i: { id: m.id, expectedVersion: m.version, step: 'DECISION_PUBLISHED', heldOn: '2025-03-16' } });
    expect(next.errors![0].extensions).toMatchObject({ rule: 'MAJOR_MATTER_ENDED' });
  });

  it('shows every step on the timeline with who, when and the figures; adoption is an event; every step audited', async () => {
    let m = await adoptedMatter({ title: '时间线事项' });
    expect(m).toMatchObject({ outcome: 'ADOPTED', adoptedOn: '2025-03-15' });
    m = await advance(m, 'DECISION_PUBLISHED', '2025-03-16', { note: '村务公开栏' });
    m = await advance(m, 'RESULT_PUBLISHED', '2025-06-30');
    const { majorMatter } = await ok(officer, `query($id: ID!) { majorMatter(id: $id) { step outcome timeline { step seq heldOn recordedBy note membersEntitled attendance votesFor votesAgainst votesAbstain decisionRule } } }`, { id: m.id });
    expect(majorMatter.timeline.map((s: any) => [s.seq, s.step, s.heldOn, s.recordedBy])).toEqual([
      [1, 'PROPOSED', '2025-03-01', cadreA.id],
      [2, 'DELIBERATED', '2025-03-05', cadreA.id],
      [3, 'REVIEWED', '2025-03-10', cadreA.id],
      [4, 'RESOLVED', '2025-03-15', cadreA.id],
      [5, 'DECISION_PUBLISHED', '2025-03-16', cadreA.id],
      [6, 'RESULT_PUBLISHED', '2025-06-30', cadreA.id],
    ]);
    expect(majorMatter.timeline[3]).toMatchObject({ membersEntitled: 40, attendance: 30, votesFor: 25, votesAgainst: 3, votesAbstain: 2, decisionRule: 'ADOPTED' });
    expect(majorMatter.timeline[4].note).toBe('村务公开栏');
    expect(await count('audit_log', `target_type = 'MajorMatter' AND target_id = $1`, [m.id])).toBe(6);
    const events = (await ds.query(`SELECT payload FROM economy_event WHERE name = 'economy.matter.adopted' AND payload->>'matterId' = $1`, [m.id])) as { payload: any }[];
    expect(events.map((e) => e.payload)).toEqual([{ matterId: m.id, villageCode: villageA, year: 2025, subject: 'CONTRACT', amountFen: '12000000', adoptedOn: '2025-03-15' }]);
    const done = await gql(cadreA, ADVANCE, { i: { id: m.id, expectedVersion: m.version, step: 'RESULT_PUBLISHED', heldOn: '2025-07-01' } });
    expect(codeOf(done)).toBe('BAD_USER_INPUT');
  });

  it('creates once per idempotency key', async () => {
    const key = 'matter-key-0001';
    const before = await count('major_matter');
    const first = await propose({ idempotencyKey: key, title: '幂等事项' });
    const second = await propose({ idempotencyKey: key, title: '幂等事项' });
    expect(second.id).toBe(first.id);
    expect(await count('major_matter')).toBe(before + 1);
  });

  it('lists by region and step in a number of statements flat in the list size, and keeps other villages out of scope', async () => {
    const q = `query($r: String!, $s: MajorMatterStep) { majorMatters(regionCode: $r, step: $s, first: 100) { totalCount nodes { id step villageCode timeline { step } } } }`;
    const small = await countQueries(platform.subgraphs.economy, () => ok(admin, q, { r: county }));
    for (let i = 0; i < 5; i += 1) await propose({ villageCode: villageB, title: `乙村事项${i}` }, cadreB);
    const large = await countQueries(platform.subgraphs.economy, () => ok(admin, q, { r: county }));
    expect(large.result.majorMatters.totalCount).toBe(small.result.majorMatters.totalCount + 5);
    expect(large.count).toBe(small.count);
    const proposedOnly = await ok(admin, q, { r: county, s: 'PROPOSED' });
    expect(proposedOnly.majorMatters.nodes.every((n: any) => n.step === 'PROPOSED')).toBe(true);
    const asA = await ok(cadreA, q, { r: county });
    expect(asA.majorMatters.nodes.every((n: any) => n.villageCode === villageA)).toBe(true);
    const bMatter = large.result.majorMatters.nodes.find((n: any) => n.villageCode === villageB);
    const byId = await gql(cadreA, `query($id: ID!) { majorMatter(id: $id) { id } }`, { id: bMatter.id });
    expect(codeOf(byId)).toBe('NOT_FOUND');
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on MajorMatter { id villageCode } } }`;
    const aMatter = asA.majorMatters.nodes[0];
    const answer = await subgraphQuery(cadreA, entities, { r: [{ __typename: 'MajorMatter', id: bMatter.id }, { __typename: 'MajorMatter', id: aMatter.id }] });
    expect(answer.data._entities).toEqual([null, { id: aMatter.id, villageCode: villageA }]);
  });
});

const DISCLOSURE = 'id villageCode kind period publishedOn dueOn late version items { title content amount }';
const PUBLISH = `mutation($i: PublishDisclosureInput!) { publishDisclosure(input: $i) { ${DISCLOSURE} } }`;

async function publish(village: string, kind: string, period: string, publishedOn: string, actor: Actor = admin, extra: Record<string, unknown> = {}): Promise<any> {
  return (await ok(actor, PUBLISH, { i: { villageCode: village, kind, period, title: `${period} 公开`, items: [{ title: '收入', content: '鱼塘承包费', amount: '12000.50' }], publishedOn, ...extra } })).publishDisclosure;
}

describe('三务公开 disclosures', () => {
  const OVERDUE = `query($r: String!, $asOf: LocalDate!, $since: LocalDate) { overdueDisclosures(regionCode: $r, asOf: $asOf, since: $since) { villageCode kind period dueOn publishedOn daysOverdue } }`;
  let disclosureA: any;

  beforeAll(async () => {
    // January 2024 finances are due on the 10th of February — a Saturday inside the Spring Festival
    // break (2024-02-10 … 02-17) — so the due day moves to the next working day, Sunday 2024-02-18
    // (a weekend day worked, 调休上班). A publishes on 02-15 (on time), B on 02-19 (late), C never.
    disclosureA = await publish(villageA, 'FINANCE', '2024-01', '2024-02-15');
    await publish(villageB, 'FINANCE', '2024-01', '2024-02-19');
  });

  it('moves a due day that falls on a statutory holiday to the next working day', () => {
    expect(disclosureA).toMatchObject({ dueOn: '2024-02-18', late: false, items: [{ title: '收入', content: '鱼塘承包费', amount: '12000.50' }] });
  });

  it('states the county’s schedule: what is due, by which day', async () => {
    const { disclosureSchedule } = await ok(cadreA, `query($r: String!) { disclosureSchedule(regionCode: $r, year: 2024) { kind period dueOn } }`, { r: villageA });
    expect(disclosureSchedule).toHaveLength(12 + 4 + 4);
    expect(disclosureSchedule.slice(0, 2)).toEqual([
      { kind: 'FINANCE', period: '2024-01', dueOn: '2024-02-18' },
      { kind: 'FINANCE', period: '2024-02', dueOn: '2024-03-11' },
    ]);
    expect(disclosureSchedule.filter((d: any) => d.period === '2024-Q3')).toEqual([
      { kind: 'PARTY', period: '2024-Q3', dueOn: '2024-10-10' },
      { kind: 'VILLAGE', period: '2024-Q3', dueOn: '2024-10-10' },
    ]);
    // December 2024 is due on Friday 10 January 2025
    expect(disclosureSchedule.find((d: any) => d.period === '2024-12')).toEqual({ kind: 'FINANCE', period: '2024-12', dueOn: '2025-01-10' });
  });

  it('reports villages × due periods without a disclosure by the due day, against hand-computed expectations', async () => {
    const since = '2024-02-01';
    // as of the 12th nothing is overdue (without the holiday rule January would be two days late)
    expect((await ok(officer, OVERDUE, { r: township, asOf: '2024-02-12', since })).overdueDisclosures).toEqual([]);
    // due on the 18th: overdue only from the 19th
    expect((await ok(officer, OVERDUE, { r: township, asOf: '2024-02-18', since })).overdueDisclosures).toEqual([]);
    expect((await ok(officer, OVERDUE, { r: township, asOf: '2024-02-19', since })).overdueDisclosures).toEqual([
      { villageCode: villageB, kind: 'FINANCE', period: '2024-01', dueOn: '2024-02-18', publishedOn: '2024-02-19', daysOverdue: 1 },
      { villageCode: villageC, kind: 'FINANCE', period: '2024-01', dueOn: '2024-02-18', publishedOn: null, daysOverdue: 1 },
    ]);
    // by 2024-04-11: Feb finances (due Mon 03-11), Mar finances (due Wed 04-10) and Q1 village and Party affairs (due 04-10) for every village
    const april = (await ok(officer, OVERDUE, { r: township, asOf: '2024-04-11', since })).overdueDisclosures;
    const expected = [villageA, villageB, villageC].flatMap((v) => [
      ...(v === villageA ? [] : [{ villageCode: v, kind: 'FINANCE', period: '2024-01', dueOn: '2024-02-18', publishedOn: v === villageB ? '2024-02-19' : null, daysOverdue: v === villageB ? 1 : 53 }]),
      { villageCode: v, kind: 'FINANCE', period: '2024-02', dueOn: '2024-03-11', publishedOn: null, daysOverdue: 31 },
      { villageCode: v, kind: 'FINANCE', period: '2024-03', dueOn: '2024-04-10', publishedOn: null, daysOverdue: 1 },
      { villageCode: v, kind: 'PARTY', period: '2024-Q1', dueOn: '2024-04-10', publishedOn: null, daysOverdue: 1 },
      { villageCode: v, kind: 'VILLAGE', period: '2024-Q1', dueOn: '2024-04-10', publishedOn: null, daysOverdue: 1 },
    ]);
    expect(april).toEqual(expected);
  });

  it('answers the overdue report in a number of statements flat in the number of villages, within the caller’s scope', async () => {
    const q = { r: county, asOf: '2024-04-11', since: '2024-02-01' };
    const { count: n, result } = await countQueries(platform.subgraphs.economy, () => ok(admin, OVERDUE, q));
    expect(result.overdueDisclosures.map((r: any) => r.villageCode)).toContain(otherTownshipVillage);
    expect(n).toBe(1);
    const asB = await ok(cadreB, OVERDUE, q);
    expect(new Set(asB.overdueDisclosures.map((r: any) => r.villageCode))).toEqual(new Set([villageB]));
  });

  it('refuses an overdue report over 2000 lines (BAD_USER_INPUT naming the field, the bound and the smaller regions) in one statement', async () => {
    // 110 more villages (projection rows, removed below): about 24 overdue lines each from February 2024 to April 2025
    const township = '990102199000';
    await ds.query(
      `INSERT INTO region_ref (code, name, level, parent_code, valid_from) SELECT '990102199' || lpad(i::text, 3, '0'), '界限村' || i, 'VILLAGE', $1, DATE '2000-01-01' FROM generate_series(1, 110) AS i`,
      [township],
    );
    try {
      const q = { r: county, asOf: '2025-04-11', since: '2024-02-01' };
      const over = await countQueries(platform.subgraphs.economy, () => gql(admin, OVERDUE, q));
      expect(codeOf(over.result)).toBe('BAD_USER_INPUT');
      expect(over.result.errors![0].extensions).toMatchObject({ field: 'overdueDisclosures', max: 2000, instead: expect.stringContaining('each township or village') });
      expect(over.result.errors![0].message).toMatch(/overdueDisclosures 最多列出 2000 项.*overdueDisclosures lists at most 2000 items/s);
      expect(over.count).toBe(1);
      const one = (await ok(admin, OVERDUE, { ...q, r: '990102199001' })).overdueDisclosures;
      expect(one.length).toBeGreaterThan(2000 / 110);
    } finally {
      await ds.query(`DELETE FROM region_ref WHERE code LIKE '990102199%'`);
    }
  });

  it('refuses a second disclosure of the same village, kind and period, and a period of the wrong frequency', async () => {
    const again = await gql(admin, PUBLISH, { i: { villageCode: villageA, kind: 'FINANCE', period: '2024-01', title: 'x', items: [{ title: 'a', content: 'b' }], publishedOn: '2024-02-20' } });
    expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'DISCLOSURE_EXISTS' });
    const quarterly = await gql(admin, PUBLISH, { i: { villageCode: villageA, kind: 'FINANCE', period: '2024-Q1', title: 'x', items: [{ title: 'a', content: 'b' }], publishedOn: '2024-04-02' } });
    expect(quarterly.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.period', rule: 'PERIOD_FREQUENCY' });
  });

  it('creates one disclosure per idempotency key and records a published event', async () => {
    const before = await count('disclosure');
    const first = await publish(villageC, 'PARTY', '2024-Q2', '2024-07-05', admin, { idempotencyKey: 'disclosure-key-1' });
    const second = await publish(villageC, 'PARTY', '2024-Q2', '2024-07-05', admin, { idempotencyKey: 'disclosure-key-1' });
    expect(second.id).toBe(first.id);
    expect(await count('disclosure')).toBe(before + 1);
    expect(await count('economy_event', `name = 'economy.disclosure.published' AND payload->>'disclosureId' = $1`, [first.id])).toBe(1);
  });

  it('creates once when two calls with the same key arrive together', async () => {
    const input = { villageCode: villageC, kind: 'PARTY', period: '2024-Q3', title: '并发', items: [{ title: 'a', content: 'b' }], publishedOn: '2024-10-08', idempotencyKey: 'disclosure-key-race' };
    const [a, b] = await Promise.all([ok(admin, PUBLISH, { i: input }), ok(admin, PUBLISH, { i: input })]);
    expect(a.publishDisclosure.id).toBe(b.publishDisclosure.id);
    expect(await count('disclosure', `village_code = $1 AND kind = 'PARTY' AND period = '2024-Q3'`, [villageC])).toBe(1);
  });

  describe('objections', () => {
    const OBJECT = `mutation($i: ObjectToDisclosureInput!) { objectToDisclosure(input: $i) { id raisedOn answerDueOn answer version resident { id } } }`;
    const ANSWER = `mutation($i: AnswerObjectionInput!) { answerObjection(input: $i) { id answer answeredOn version } }`;

    it('refuses a resident of another village, and a deceased one, writing nothing', async () => {
      const before = await count('disclosure_objection');
      const other = await gql(cadreA, OBJECT, { i: { disclosureId: disclosureA.id, residentId: residentB, text: '收入数字不对', raisedOn: '2024-02-20' } });
      expect(other.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.residentId', rule: 'RESIDENT_OTHER_VILLAGE', value: residentB });
      const dead = await gql(cadreA, OBJECT, { i: { disclosureId: disclosureA.id, residentId: deceasedA, text: '收入数字不对', raisedOn: '2024-02-20' } });
      expect(dead.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'RESIDENT_NOT_LIVING' });
      expect(await count('disclosure_objection')).toBe(before);
    });

    it('takes an objection from a resident of the village, due in 10 working days, answered once with the version read', async () => {
      const resident: Actor = { id: 'resident-a', roles: [Role.RESIDENT], scope: villageA, residentId: residentA };
      const forOther = await gql(resident, OBJECT, { i: { disclosureId: disclosureA.id, residentId: deceasedA, text: '代他人', raisedOn: '2024-02-20' } });
      expect(codeOf(forOther)).toBe('FORBIDDEN');
      // raised Tue 2024-02-20: ten working days are 02-21 … 03-05
      const objection = (await ok(resident, OBJECT, { i: { disclosureId: disclosureA.id, residentId: residentA, text: '收入数字不对', raisedOn: '2024-02-20' } })).objectToDisclosure;
      expect(objection).toMatchObject({ raisedOn: '2024-02-20', answerDueOn: '2024-03-05', answer: null, version: 1, resident: { id: residentA } });
      const stale = await gql(cadreA, ANSWER, { i: { id: objection.id, expectedVersion: 2, answer: '已核实', answeredOn: '2024-02-22' } });
      expect(codeOf(stale)).toBe('CONFLICT');
      const answered = (await ok(cadreA, ANSWER, { i: { id: objection.id, expectedVersion: 1, answer: '已核实，数字无误', answeredOn: '2024-02-22' } })).answerObjection;
      expect(answered).toMatchObject({ answer: '已核实，数字无误', answeredOn: '2024-02-22', version: 2 });
      const twice = await gql(cadreA, ANSWER, { i: { id: objection.id, expectedVersion: 2, answer: '再答', answeredOn: '2024-02-23' } });
      expect(twice.errors![0].extensions).toMatchObject({ rule: 'OBJECTION_ALREADY_ANSWERED' });
    });
  });
});

describe('registers and contracts', () => {
  let orgA: string;
  let pond: any;
  let hall: any;
  const CONTRACT = 'id villageCode total termMonths version outstanding schedule { seq dueOn months amount paid } resource { id contracted } majorMatter { id }';
  const REGISTER_CONTRACT = `mutation($i: RegisterContractInput!) { registerContract(input: $i) { ${CONTRACT} } }`;
  const PAY = `mutation($i: RecordContractPaymentInput!) { recordContractPayment(input: $i) { ${CONTRACT} } }`;

  beforeAll(async () => {
    const org = await ok(admin, `mutation($i: RegisterCollectiveOrganizationInput!) { registerCollectiveOrganization(input: $i) { id } }`, {
      i: { villageCode: villageA, name: '甲村股份经济合作社', creditCode: withCheckChar('N2990102MA1234567'), foundedOn: '2018-06-01', developmentModel: 'RESOURCE' },
    });
    orgA = org.registerCollectiveOrganization.id;
    pond = (await ok(cadreA, `mutation($i: RegisterResourceInput!) { registerResource(input: $i) { id areaMu contracted version kind } }`, { i: { organizationId: orgA, name: '东塘', kind: 'WATER', areaMu: '35.5' } })).registerResource;
    hall = (await ok(cadreA, `mutation($i: RegisterAssetInput!) { registerAsset(input: $i) { id originalValue category } }`, { i: { organizationId: orgA, name: '村集体厂房', category: 'BUILDING', acquiredOn: '2019-04-01', originalValue: '860000.00' } })).registerAsset;
  });

  it('keeps areas as decimals with two places, values in fen, and refuses a stale resource edit (CONFLICT)', async () => {
    expect(pond).toMatchObject({ areaMu: '35.50', contracted: false, version: 1, kind: 'WATER' });
    expect(hall).toMatchObject({ originalValue: '860000.00', category: 'BUILDING' });
    const [{ area }] = (await ds.query(`SELECT area_mu::text AS area FROM collective_resource WHERE id = $1`, [pond.id])) as { area: string }[];
    expect(area).toBe('35.50');
    const bad = await gql(cadreA, `mutation($i: RegisterResourceInput!) { registerResource(input: $i) { id } }`, { i: { organizationId: orgA, name: '西塘', kind: 'WATER', areaMu: '3.333' } });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    const edited = (await ok(cadreA, `mutation($i: UpdateResourceInput!) { updateResource(input: $i) { areaMu version } }`, { i: { id: pond.id, expectedVersion: 1, areaMu: '36.25' } })).updateResource;
    expect(edited).toEqual({ areaMu: '36.25', version: 2 });
    const stale = await gql(cadreA, `mutation($i: UpdateResourceInput!) { updateResource(input: $i) { areaMu } }`, { i: { id: pond.id, expectedVersion: 1, areaMu: '1.00' } });
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2, expectedVersion: 1 });
    pond.version = 2;
  });

  it('refuses a contract above the threshold without an adopted matter, and with an unadopted or other village’s matter, writing nothing', async () => {
    // 3 years at 20,000.00 a year: 60,000.00 in all, above the baseline threshold of 50,000.00
    const input = { resourceId: pond.id, counterparty: '李渔户', termStart: '2025-04-01', termEnd: '2028-03-31', yearlyAmount: '20000.00', paymentFrequency: 'YEARLY', signedOn: '2025-03-20' };
    const before = { contracts: await count('lease_contract'), instalments: await count('lease_instalment'), audit: await count('audit_log') };
    const none = await gql(cadreA, REGISTER_CONTRACT, { i: input });
    expect(none.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.majorMatterId', rule: 'MAJOR_MATTER_REQUIRED' });
    expect(none.errors![0].message).toContain('60000.00');
    const pending = await propose({ amount: '60000.00' });
    const notAdopted = await gql(cadreA, REGISTER_CONTRACT, { i: { ...input, majorMatterId: pending.id } });
    expect(notAdopted.errors![0].extensions).toMatchObject({ rule: 'MAJOR_MATTER_NOT_ADOPTED', value: pending.id });
    const otherVillage = await propose({ villageCode: villageB, amount: '60000.00' }, cadreB);
    const wrongVillage = await gql(cadreA, REGISTER_CONTRACT, { i: { ...input, majorMatterId: otherVillage.id } });
    expect(wrongVillage.errors![0].extensions).toMatchObject({ rule: 'MAJOR_MATTER_OTHER_VILLAGE' });
    expect({ contracts: await count('lease_contract'), instalments: await count('lease_instalment'), audit: await count('audit_log') }).toEqual({ ...before, audit: before.audit + 2 });
  });

  it('accepts it with an adopted matter: schedule generated from the term, summing to the total exactly; overdue payments reported', async () => {
    const matter = await adoptedMatter({ amount: '60000.00' });
    const key = 'contract-key-0001';
    const input = { resourceId: pond.id, counterparty: '李渔户', termStart: '2025-04-01', termEnd: '2028-03-31', yearlyAmount: '20000.00', paymentFrequency: 'YEARLY', signedOn: '2025-03-20', majorMatterId: matter.id, idempotencyKey: key };
    const contract = (await ok(cadreA, REGISTER_CONTRACT, { i: input })).registerContract;
    const again = (await ok(cadreA, REGISTER_CONTRACT, { i: input })).registerContract;
    expect(again.id).toBe(contract.id);
    expect(await count('lease_contract', 'resource_id = $1', [pond.id])).toBe(1);
    expect(contract).toMatchObject({ total: '60000.00', termMonths: 36, outstanding: '60000.00', resource: { contracted: true }, majorMatter: { id: matter.id } });
    const linked = await ok(cadreA, `query($id: ID!) { majorMatter(id: $id) { contracts { id } projects { id } } }`, { id: matter.id });
    expect(linked.majorMatter).toEqual({ contracts: [{ id: contract.id }], projects: [] });
    expect(contract.schedule).toEqual([
      { seq: 1, dueOn: '2025-04-01', months: 12, amount: '20000.00', paid: '0.00' },
      { seq: 2, dueOn: '2026-04-01', months: 12, amount: '20000.00', paid: '0.00' },
      { seq: 3, dueOn: '2027-04-01', months: 12, amount: '20000.00', paid: '0.00' },
    ]);
    const overlap = await gql(cadreA, REGISTER_CONTRACT, { i: { ...input, idempotencyKey: null, counterparty: '王某', termStart: '2027-01-01', termEnd: '2027-12-31', yearlyAmount: '1000.00' } });
    expect(overlap.errors![0].extensions).toMatchObject({ rule: 'LEASE_TERM_OVERLAP' });

    // a small lease of the hall, below the threshold: no matter needed; quarterly, 10 months at 1,000.01 a year
    const small = (await ok(cadreA, REGISTER_CONTRACT, { i: { assetId: hall.id, counterparty: '某加工厂', termStart: '2025-01-01', termEnd: '2025-10-31', yearlyAmount: '1000.01', paymentFrequency: 'QUARTERLY', signedOn: '2024-12-20' } })).registerContract;
    // total = ⌊100001 fen × 10 / 12⌋ = 83334 fen; cumulative ⌊100001 × m / 12⌋ after 3, 6, 9, 10 months is
    // 25000, 50000, 75000, 83334 fen, so the instalments are 250.00, 250.00, 250.00 and 83.34
    expect(small.total).toBe('833.34');
    expect(small.schedule.map((i: any) => [i.dueOn, i.months, i.amount])).toEqual([
      ['2025-01-01', 3, '250.00'],
      ['2025-04-01', 3, '250.00'],
      ['2025-07-01', 3, '250.00'],
      ['2025-10-01', 1, '83.34'],
    ]);

    // the pond paid 25,000.00 on 2025-04-10: instalment 1 in full and 5,000.00 of instalment 2
    const paid = (await ok(cadreA, PAY, { i: { contractId: contract.id, paidOn: '2025-04-10', amount: '25000.00' } })).recordContractPayment;
    expect(paid.schedule.map((i: any) => i.paid)).toEqual(['20000.00', '5000.00', '0.00']);
    expect(paid.outstanding).toBe('35000.00');
    const tooMuch = await gql(cadreA, PAY, { i: { contractId: contract.id, paidOn: '2025-04-11', amount: '35000.01' } });
    expect(tooMuch.errors![0].extensions).toMatchObject({ rule: 'PAYMENT_EXCEEDS_OUTSTANDING' });

    const OVERDUE = `query($r: String!, $asOf: LocalDate!) { overduePayments(regionCode: $r, asOf: $asOf) { contractId seq dueOn amount paid outstanding daysOverdue } }`;
    const report = await countQueries(platform.subgraphs.economy, () => ok(officer, OVERDUE, { r: township, asOf: '2026-05-01' }));
    expect(report.count).toBe(1);
    expect(report.result.overduePayments).toEqual([
      { contractId: small.id, seq: 1, dueOn: '2025-01-01', amount: '250.00', paid: '0.00', outstanding: '250.00', daysOverdue: 485 },
      { contractId: small.id, seq: 2, dueOn: '2025-04-01', amount: '250.00', paid: '0.00', outstanding: '250.00', daysOverdue: 395 },
      { contractId: small.id, seq: 3, dueOn: '2025-07-01', amount: '250.00', paid: '0.00', outstanding: '250.00', daysOverdue: 304 },
      { contractId: small.id, seq: 4, dueOn: '2025-10-01', amount: '83.34', paid: '0.00', outstanding: '83.34', daysOverdue: 212 },
      { contractId: contract.id, seq: 2, dueOn: '2026-04-01', amount: '20000.00', paid: '5000.00', outstanding: '15000.00', daysOverdue: 30 },
    ]);
    expect((await ok(cadreB, OVERDUE, { r: township, asOf: '2026-05-01' })).overduePayments).toEqual([]);
  });

  it('refuses overduePayments over 2000 lines (BAD_USER_INPUT naming the field, the bound and the smaller regions) in one statement, and answers 2000', async () => {
    const OVERDUE = `query($r: String!, $asOf: LocalDate!) { overduePayments(regionCode: $r, asOf: $asOf) { contractId seq } }`;
    const [lease] = (await ds.query(`SELECT contract_id AS id FROM lease_instalment WHERE village_code = $1 LIMIT 1`, [villageA])) as { id: string }[];
    const [{ n }] = (await ds.query(`SELECT count(*)::int AS n FROM lease_instalment WHERE village_code LIKE $1 AND due_on < '2026-05-01' AND paid_fen < amount_fen`, [`${township.slice(0, 9)}%`])) as { n: number }[];
    // instalments far beyond any real schedule, removed again below
    await ds.query(
      `INSERT INTO lease_instalment (contract_id, village_code, seq, due_on, months, amount_fen) SELECT $1, $2, 10000 + i, DATE '2020-01-01' + i, 1, 100 FROM generate_series(1, $3::int) AS i`,
      [lease.id, villageA, 2001 - Number(n)],
    );
    try {
      const over = await countQueries(platform.subgraphs.economy, () => gql(officer, OVERDUE, { r: township, asOf: '2026-05-01' }));
      expect(codeOf(over.result)).toBe('BAD_USER_INPUT');
      expect(over.result.errors![0].extensions).toMatchObject({ field: 'overduePayments', max: 2000, instead: expect.stringContaining('each township or village') });
      expect(over.result.errors![0].message).toMatch(/overduePayments 最多列出 2000 项.*overduePayments lists at most 2000 items/s);
      expect(over.count).toBe(1);
      await ds.query(`DELETE FROM lease_instalment WHERE contract_id = $1 AND seq = 10001`, [lease.id]);
      expect((await ok(officer, OVERDUE, { r: township, asOf: '2026-05-01' })).overduePayments).toHaveLength(2000);
    } finally {
      await ds.query(`DELETE FROM lease_instalment WHERE contract_id = $1 AND seq > 10000`, [lease.id]);
    }
  });

  it('lists leases with their schedules, payments, resources and matters in statements flat in the list size; _entities keeps the scope', async () => {
    const q = `query($r: String!) { leaseContracts(regionCode: $r, first: 100) { totalCount nodes { id villageCode outstanding schedule { seq } payments { amount } resource { id } asset { id } majorMatter { id } } } }`;
    const small = await countQueries(platform.subgraphs.economy, () => ok(admin, q, { r: county }));
    const extra = (await ok(cadreA, `mutation($i: RegisterAssetInput!) { registerAsset(input: $i) { id } }`, { i: { organizationId: orgA, name: '旧仓库', category: 'BUILDING', acquiredOn: '2010-01-01', originalValue: '50000.00' } })).registerAsset;
    for (let i = 0; i < 3; i += 1) {
      await ok(cadreA, REGISTER_CONTRACT, { i: { assetId: extra.id, counterparty: `租户${i}`, termStart: `${2030 + i}-01-01`, termEnd: `${2030 + i}-12-31`, yearlyAmount: '1200.00', paymentFrequency: 'MONTHLY', signedOn: '2025-01-01' } });
    }
    const large = await countQueries(platform.subgraphs.economy, () => ok(admin, q, { r: county }));
    expect(large.result.leaseContracts.totalCount).toBe(small.result.leaseContracts.totalCount + 3);
    expect(large.count).toBe(small.count);
    const ids = large.result.leaseContracts.nodes.map((n: any) => n.id);
    const answer = await subgraphQuery(cadreB, `query($r: [_Any!]!) { _entities(representations: $r) { ... on LeaseContract { id } } }`, { r: ids.map((id: string) => ({ __typename: 'LeaseContract', id })) });
    expect(answer.data._entities.every((e: unknown) => e === null)).toBe(true);
  });
});

describe('projects and alliances', () => {
  const PROJECT = 'id status funding income version alliance { id }';
  const REGISTER = `mutation($i: RegisterProjectInput!) { registerProject(input: $i) { ${PROJECT} } }`;
  const ADVANCE_PROJECT = `mutation($i: AdvanceProjectInput!) { advanceProject(input: $i) { ${PROJECT} } }`;
  const FORM = `mutation($i: FormAllianceInput!) { formAlliance(input: $i) { id name leadVillageCode members { villageCode role } } }`;

  it('forms a 1+N+1 alliance in one county; a village cannot lead and follow in it', async () => {
    const both = await gql(admin, FORM, { i: { name: '抱团发展联合体', leadVillageCode: villageA, memberVillageCodes: [villageB, villageA], enterpriseName: '县农投公司', foundedOn: '2025-01-10' } });
    expect(both.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.memberVillageCodes[1]', rule: 'ALLIANCE_VILLAGE_BOTH_ROLES' });
    const otherCounty = await gql(admin, FORM, { i: { name: '跨县', leadVillageCode: villageA, memberVillageCodes: ['990103101201'], enterpriseName: '某公司', foundedOn: '2025-01-10' } });
    expect(otherCounty.errors![0].extensions).toMatchObject({ rule: 'ALLIANCE_OTHER_COUNTY' });
    const alliance = (await ok(admin, FORM, { i: { name: '抱团发展联合体', leadVillageCode: villageA, memberVillageCodes: [villageB, villageC], enterpriseName: '县农投公司', foundedOn: '2025-01-10' } })).formAlliance;
    expect(alliance.members).toEqual([
      { villageCode: villageA, role: 'LEAD' },
      { villageCode: villageB, role: 'MEMBER' },
      { villageCode: villageC, role: 'MEMBER' },
    ]);
    const project = (await ok(cadreB, REGISTER, { i: { villageCode: villageB, name: '光伏发电', fundingSource: 'CENTRAL', funding: '50000.00', proposedOn: '2025-02-01', allianceId: alliance.id } })).registerProject;
    expect(project).toMatchObject({ status: 'PROPOSED', funding: '50000.00', alliance: { id: alliance.id } });
    const listed = await ok(cadreB, `query($r: String!) { villageAlliances(regionCode: $r) { id } }`, { r: villageB });
    expect(listed.villageAlliances).toEqual([{ id: alliance.id }]);
  });

  it('moves a project through its statuses one at a time, refusing skips and stale versions; funding above the threshold needs a matter', async () => {
    const above = await gql(cadreA, REGISTER, { i: { villageCode: villageA, name: '冷库', fundingSource: 'COUNTY', funding: '50000.01', proposedOn: '2025-02-01' } });
    expect(above.errors![0].extensions).toMatchObject({ rule: 'MAJOR_MATTER_REQUIRED' });
    const key = 'project-key-0001';
    const before = await count('weak_village_project');
    let p = (await ok(cadreA, REGISTER, { i: { villageCode: villageA, name: '茶叶加工', fundingSource: 'STATE_ENTERPRISE', funding: '30000.00', proposedOn: '2025-02-01', idempotencyKey: key } })).registerProject;
    const same = (await ok(cadreA, REGISTER, { i: { villageCode: villageA, name: '茶叶加工', fundingSource: 'STATE_ENTERPRISE', funding: '30000.00', proposedOn: '2025-02-01', idempotencyKey: key } })).registerProject;
    expect(same.id).toBe(p.id);
    expect(await count('weak_village_project')).toBe(before + 1);
    const skip = await gql(cadreA, ADVANCE_PROJECT, { i: { id: p.id, expectedVersion: 1, status: 'IN_PROGRESS', on: '2025-03-01' } });
    expect(skip.errors![0].extensions).toMatchObject({ rule: 'PROJECT_STATUS_TRANSITION', expected: 'APPROVED' });
    const statuses: [string, string, string | null][] = [
      ['APPROVED', '2025-03-01', null],
      ['IN_PROGRESS', '2025-04-01', null],
      ['COMPLETED', '2025-09-30', '8000.00'],
      ['EVALUATED', '2025-12-31', '12500.50'],
    ];
    for (const [status, on, income] of statuses) p = (await ok(cadreA, ADVANCE_PROJECT, { i: { id: p.id, expectedVersion: p.version, status, on, income } })).advanceProject;
    expect(p).toMatchObject({ status: 'EVALUATED', income: '12500.50', version: 5 });
    const stale = await gql(cadreA, ADVANCE_PROJECT, { i: { id: p.id, expectedVersion: 4, status: 'EVALUATED', on: '2026-01-01' } });
    expect(codeOf(stale)).toBe('CONFLICT');
    const after = await gql(cadreA, ADVANCE_PROJECT, { i: { id: p.id, expectedVersion: 5, status: 'EVALUATED', on: '2026-01-01' } });
    expect(after.errors![0].extensions).toMatchObject({ rule: 'PROJECT_STATUS_TRANSITION', expected: null });
  });
});

describe('schema', () => {
  it('describes every governance type, field, argument and enum value in both languages', async () => {
    const { __schema } = await ok(admin, `{ __schema { types { name kind description fields { name description args { name description } } inputFields { name description } enumValues { name description } } } }`);
    const ours = /^(MajorMatter|Disclosure|OverdueDisclosure|DisclosureDue|DisclosureItem|Collective(Asset|Resource)|AssetCategory|ResourceKind|Lease|PaymentFrequency|OverduePayment|WeakVillageProject|VillageAlliance|AllianceRole|ProjectStatus|FundingSource|ProposeMajorMatter|AdvanceMajorMatter|PublishDisclosure|ObjectToDisclosure|AnswerObjection|Register(Asset|Resource|Contract|Project)Input|UpdateResourceInput|RecordContractPayment|AdvanceProject|FormAlliance)/;
    const bilingual = (d: string | null | undefined) => !!d && /[\u4e00-\u9fff]/.test(d) && /\/ [A-Za-z0-9"“]/.test(d);
    const missing: string[] = [];
    const types = __schema.types.filter((t: any) => ours.test(t.name));
    expect(types.length).toBeGreaterThan(25);
    for (const t of types) {
      if (!bilingual(t.description)) missing.push(t.name);
      for (const f of [...(t.fields ?? []), ...(t.inputFields ?? [])]) {
        if (!bilingual(f.description)) missing.push(`${t.name}.${f.name}`);
        for (const a of f.args ?? []) if (!bilingual(a.description)) missing.push(`${t.name}.${f.name}(${a.name})`);
      }
      for (const v of t.enumValues ?? []) if (!bilingual(v.description)) missing.push(`${t.name}.${v.name}`);
    }
    const query = __schema.types.find((t: any) => t.name === 'Query');
    const mutation = __schema.types.find((t: any) => t.name === 'Mutation');
    const names = ['majorMatters', 'majorMatter', 'disclosures', 'disclosure', 'overdueDisclosures', 'disclosureSchedule', 'collectiveAssets', 'collectiveResources', 'leaseContracts', 'overduePayments', 'weakVillageProjects', 'villageAlliances'];
    const mutations = ['proposeMajorMatter', 'advanceMajorMatter', 'publishDisclosure', 'objectToDisclosure', 'answerObjection', 'registerAsset', 'registerResource', 'updateResource', 'registerContract', 'recordContractPayment', 'registerProject', 'advanceProject', 'formAlliance'];
    for (const f of [...query.fields.filter((x: any) => names.includes(x.name)), ...mutation.fields.filter((x: any) => mutations.includes(x.name))]) {
      if (!bilingual(f.description)) missing.push(`${f.name}`);
      for (const a of f.args) if (!bilingual(a.description)) missing.push(`${f.name}(${a.name})`);
    }
    expect(missing).toEqual([]);
  });
});
