/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON, checked field by field with expect() */
import { subgraph as grids } from '@xiangzhi/grids';
import { Role, signInternalToken, todayInChina, type Actor } from '@xiangzhi/kernel';
import { subgraph as legal } from '@xiangzhi/legal';
import { codeOf, graphqlClient, rowCounter, startTestPlatform, TEST_SECRETS, testFixtures, type TestPlatform } from '@xiangzhi/testing';
import { randomUUID } from 'node:crypto';

/**
 * The legal subgraph beside grids behind the gateway: disputes through the tiers, the overdue job,
 * closing rules, scope (lists, by id, `_entities`), the taken-over incident link, and bad input that
 * writes nothing.
 */
const county = '990101000000';
const townshipA = '990101101000';
const villageA = '990101101201';
const villageB = '990101101202';
const villageC = '990101102201';

const admin: Actor = { id: 'legal-admin', roles: [Role.COUNTY_ADMIN], scope: county };
const officer: Actor = { id: 'legal-officer', roles: [Role.TOWNSHIP_OFFICER], scope: townshipA };
const cadreA: Actor = { id: 'legal-cadre-a', roles: [Role.VILLAGE_CADRE], scope: villageA };
const cadreB: Actor = { id: 'legal-cadre-b', roles: [Role.VILLAGE_CADRE], scope: villageB };

const residentsA = [randomUUID(), randomUUID(), randomUUID()];
const residentB = randomUUID();

let platform: TestPlatform;
const { gql, ok } = graphqlClient<Record<string, any>>(() => platform);
const rows = rowCounter(() => platform.subgraphs.legal.db.dataSource);

/** Posts straight to the legal subgraph as the gateway would (for `_entities`). */
async function subgraphQuery(actor: Actor, query: string, variables: Record<string, unknown>): Promise<any> {
  const res = await fetch(platform.subgraphs.legal.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-xz-actor': signInternalToken(actor, TEST_SECRETS.internalSecret) },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

const DISPUTE = 'id villageCode tier deadline status outcome version amount overdue crimeRisk incidentId parties { name role resident { id } } escalations { fromTier toTier automatic actorId reason } mediations { result agreement }';
const OPEN = `mutation($i: OpenDisputeInput!) { openDispute(input: $i) { ${DISPUTE} } }`;

function disputeInput(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    villageCode: villageA,
    category: 'NEIGHBOUR',
    summary: '宅基地滴水檐纠纷',
    amount: '1200.50',
    riskLevel: 'LOW',
    parties: [
      { residentId: residentsA[0], name: '张一', role: 'APPLICANT' },
      { residentId: residentsA[1], name: '王二', role: 'RESPONDENT' },
    ],
    ...extra,
  };
}

beforeAll(async () => {
  platform = await startTestPlatform({ subgraphs: [grids, legal] });
  const { village } = testFixtures(platform);
  for (const code of [villageA, villageB, villageC]) await village({ code });
  const ds = platform.subgraphs.legal.db.dataSource;
  // the resident projection as grids.resident.upserted events would have left it
  await ds.query(`INSERT INTO resident_ref (id, village_code, status) VALUES ($1, $4, 'LIVING'), ($2, $4, 'LIVING'), ($3, $4, 'DECEASED'), ($5, $6, 'LIVING')`, [
    residentsA[0],
    residentsA[1],
    residentsA[2],
    villageA,
    residentB,
    villageB,
  ]);
}, 120_000);

afterAll(() => platform?.stop());

describe('disputes (矛盾纠纷) through 初诊 → 会诊 → 联诊', () => {
  it('opens a dispute at the village tier with a working-day deadline, money in yuan and its parties', async () => {
    const d = (await ok(cadreA, OPEN, { i: disputeInput() })).openDispute;
    expect(d).toMatchObject({ villageCode: villageA, tier: 'VILLAGE', status: 'OPEN', amount: '1200.50', overdue: false, version: 1 });
    expect(d.parties).toEqual([
      { name: '张一', role: 'APPLICANT', resident: { id: residentsA[0] } },
      { name: '王二', role: 'RESPONDENT', resident: { id: residentsA[1] } },
    ]);
    expect(d.deadline > todayInChina()).toBe(true);
    expect(await rows('dispute_party', 'dispute_id = $1', [d.id])).toBe(2);
    expect(await rows('legal_event', `name = 'legal.dispute.opened' AND payload->>'disputeId' = $1`, [d.id])).toBe(1);
  });

  it('escalates a dispute past its village deadline to the township by the job, records the step, and does it once', async () => {
    const d = (await ok(cadreA, OPEN, { i: disputeInput({ openedOn: '2026-03-02', summary: '逾期纠纷' }) })).openDispute;
    // 7 working days from Monday 2 March 2026: Wednesday 11 March
    expect(d.deadline).toBe('2026-03-11');
    const job = platform.subgraphs.legal;
    expect(await job.runJob('escalate-overdue-disputes', new Date('2026-03-11T08:00:00Z'))).toBe(0);
    const now = new Date('2026-03-12T02:00:00Z');
    const escalated = (await job.runJob('escalate-overdue-disputes', now)) as number;
    expect(escalated).toBeGreaterThanOrEqual(1);
    const after = (await ok(officer, `query($id: ID!) { dispute(id: $id) { ${DISPUTE} } }`, { id: d.id })).dispute;
    expect(after.tier).toBe('TOWNSHIP');
    expect(after.version).toBe(2);
    expect(after.escalations).toEqual([{ fromTier: 'VILLAGE', toTier: 'TOWNSHIP', automatic: true, actorId: 'system', reason: expect.stringContaining('2026-03-11') }]);
    // 15 working days from Thursday 12 March 2026
    expect(after.deadline).toBe('2026-04-02');
    expect(await job.runJob('escalate-overdue-disputes', now)).toBe(0);
    expect(await rows('dispute_escalation', 'dispute_id = $1', [d.id])).toBe(1);
    expect(await rows('legal_event', `name = 'legal.dispute.escalated' AND payload->>'disputeId' = $1`, [d.id])).toBe(1);
    expect(await rows('audit_log', `action = 'escalateOverdueDispute' AND target_id = $1`, [d.id])).toBe(1);

    // closing it as mediated without an agreement is refused, nothing written
    const close = `mutation($i: CloseDisputeInput!) { closeDispute(input: $i) { ${DISPUTE} } }`;
    const refused = await gql(officer, close, { i: { disputeId: d.id, expectedVersion: 2, outcome: 'MEDIATED' } });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].extensions).toMatchObject({ field: 'input.outcome', rule: 'MEDIATION_AGREEMENT_REQUIRED', value: 'MEDIATED' });
    expect(refused.errors?.[0].message).toMatch(/^调解成功办结须有调解协议.*\(Closing as mediated needs a mediation agreement/);
    expect(await rows('dispute', `id = $1 AND status = 'OPEN' AND version = 2`, [d.id])).toBe(1);

    const noText = await gql(officer, `mutation($i: RecordMediationInput!) { recordMediation(input: $i) { id } }`, {
      i: { disputeId: d.id, mediator: '李调解', heldOn: '2026-03-13', result: 'AGREEMENT' },
    });
    expect(noText.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.agreement', rule: 'MEDIATION_AGREEMENT_TEXT_REQUIRED' });
    await ok(officer, `mutation($i: RecordMediationInput!) { recordMediation(input: $i) { id } }`, {
      i: { disputeId: d.id, mediator: '李调解', heldOn: '2026-03-13', result: 'AGREEMENT', agreement: '被申请人改建滴水檐，双方不再追究', idempotencyKey: `mediation-${d.id}` },
    });
    const stale = await gql(officer, close, { i: { disputeId: d.id, expectedVersion: 2, outcome: 'MEDIATED' } });
    expect(codeOf(stale)).toBe('CONFLICT');
    const closed = (await ok(officer, close, { i: { disputeId: d.id, expectedVersion: 3, outcome: 'MEDIATED', closedOn: '2026-03-13' } })).closeDispute;
    expect(closed).toMatchObject({ status: 'CLOSED', outcome: 'MEDIATED', overdue: false, mediations: [{ result: 'AGREEMENT' }] });
  });

  it('refuses an escalation past the county tier', async () => {
    const d = (await ok(cadreA, OPEN, { i: disputeInput({ summary: '土地边界' }) })).openDispute;
    const esc = `mutation($i: EscalateDisputeInput!) { escalateDispute(input: $i) { tier version } }`;
    expect((await ok(officer, esc, { i: { disputeId: d.id, expectedVersion: 1, reason: '村级调解不成' } })).escalateDispute).toEqual({ tier: 'TOWNSHIP', version: 2 });
    expect((await ok(admin, esc, { i: { disputeId: d.id, expectedVersion: 2, reason: '镇级调解不成' } })).escalateDispute).toEqual({ tier: 'COUNTY', version: 3 });
    // at the county tier (联诊) only county administrators act
    expect(codeOf(await gql(officer, `mutation($i: RecordMediationInput!) { recordMediation(input: $i) { id } }`, { i: { disputeId: d.id, mediator: '李', heldOn: todayInChina(), result: 'NO_AGREEMENT' } }))).toBe('FORBIDDEN');
    const top = await gql(admin, esc, { i: { disputeId: d.id, expectedVersion: 3, reason: '再升' } });
    expect(top.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'ESCALATION_PAST_COUNTY', value: 'COUNTY' });
    expect(await rows('dispute_escalation', 'dispute_id = $1', [d.id])).toBe(2);
  });

  it('refuses a party who is not a living resident of the village, writing nothing', async () => {
    const before = [await rows('dispute'), await rows('dispute_party'), await rows('audit_log'), await rows('legal_event')];
    for (const [party, rule] of [
      [residentB, 'RESIDENT_OTHER_VILLAGE'],
      [residentsA[2], 'RESIDENT_NOT_LIVING'],
      [randomUUID(), 'RESIDENT_UNKNOWN'],
    ] as const) {
      const res = await gql(cadreA, OPEN, { i: disputeInput({ parties: [{ residentId: residentsA[0], name: '张一', role: 'APPLICANT' }, { residentId: party, name: '外人', role: 'RESPONDENT' }] }) });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parties[1].residentId', rule, value: party });
    }
    expect([await rows('dispute'), await rows('dispute_party'), await rows('audit_log'), await rows('legal_event')]).toEqual(before);
  });

  it('takes over a grids incident once and shows the dispute on the incident', async () => {
    const incidentId = randomUUID();
    const d = (await ok(cadreA, OPEN, { i: disputeInput({ incidentId, idempotencyKey: `incident-${incidentId}` }) })).openDispute;
    expect(d.incidentId).toBe(incidentId);
    const again = (await ok(cadreA, OPEN, { i: disputeInput({ incidentId, idempotencyKey: `incident-${incidentId}` }) })).openDispute;
    expect(again.id).toBe(d.id);
    const twice = await gql(cadreA, OPEN, { i: disputeInput({ incidentId }) });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'INCIDENT_ALREADY_TAKEN_OVER' });
    const notUuid = await gql(cadreA, OPEN, { i: disputeInput({ incidentId: 'incident-7' }) });
    expect(codeOf(notUuid)).toBe('BAD_USER_INPUT');
    const entity = await subgraphQuery(cadreA, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Incident { id dispute { id tier } } } }', {
      r: [{ __typename: 'Incident', id: incidentId }],
    });
    expect(entity.data._entities).toEqual([{ id: incidentId, dispute: { id: d.id, tier: 'VILLAGE' } }]);
    const outside = await subgraphQuery(cadreB, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Incident { id dispute { id } } } }', {
      r: [{ __typename: 'Incident', id: incidentId }],
    });
    expect(outside.data._entities).toEqual([{ id: incidentId, dispute: null }]);
  });

  it('shows a village cadre only their village’s disputes: lists, by id, residents and _entities', async () => {
    const b = (await ok(cadreB, OPEN, { i: disputeInput({ villageCode: villageB, parties: [{ residentId: residentB, name: '赵三', role: 'APPLICANT' }, { name: '外村某公司', role: 'RESPONDENT' }] }) })).openDispute;
    const a = (await ok(cadreA, OPEN, { i: disputeInput({ summary: '家庭赡养' , category: 'FAMILY' }) })).openDispute;
    const list = await ok(cadreB, `query($c: ID!) { region(code: $c) { disputes(first: 100) { id villageCode } } }`, { c: townshipA });
    expect(list.region.disputes.map((x: any) => x.villageCode)).toEqual([villageB]);
    const officerList = await ok(officer, `query($c: ID!) { region(code: $c) { disputes(first: 100) { id } } }`, { c: county });
    expect(officerList.region.disputes.map((x: any) => x.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(codeOf(await gql(cadreB, `query($id: ID!) { dispute(id: $id) { id } }`, { id: a.id }))).toBe('NOT_FOUND');
    const refs = await subgraphQuery(cadreB, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Dispute { id } } }', {
      r: [{ __typename: 'Dispute', id: a.id }, { __typename: 'Dispute', id: b.id }],
    });
    expect(refs.data._entities).toEqual([null, { id: b.id }]);
    const resident = await subgraphQuery(cadreB, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Resident { id disputes { id } } } }', {
      r: [{ __typename: 'Resident', id: residentsA[0] }, { __typename: 'Resident', id: residentB }],
    });
    expect(resident.data._entities).toEqual([{ id: residentsA[0], disputes: [] }, { id: residentB, disputes: [{ id: b.id }] }]);
    const mutationOutside = await gql(cadreB, `mutation($i: EscalateDisputeInput!) { escalateDispute(input: $i) { id } }`, { i: { disputeId: a.id, expectedVersion: 1, reason: 'x' } });
    expect(codeOf(mutationOutside)).toBe('NOT_FOUND');
    expect(codeOf(await gql(cadreB, OPEN, { i: disputeInput() }))).toBe('FORBIDDEN');
  });

  it('lists a region’s disputes with their parties, mediations and escalations in statements flat in the list size', async () => {
    const officerC: Actor = { id: 'legal-officer-c', roles: [Role.TOWNSHIP_OFFICER], scope: '990101102000' };
    for (let i = 0; i < 4; i += 1) {
      await ok(officerC, OPEN, { i: disputeInput({ villageCode: villageC, summary: `纠纷${i}`, parties: [{ name: `甲${i}`, role: 'APPLICANT' }, { name: `乙${i}`, role: 'RESPONDENT' }] }) });
    }
    const q = `query($c: ID!, $n: Int!) { region(code: $c) { disputes(first: $n) { id parties { name } mediations { result } escalations { toTier } } } }`;
    const sg = platform.subgraphs.legal;
    let stop = sg.db.queries.start();
    const one = await ok(officerC, q, { c: villageC, n: 1 });
    const few = stop();
    stop = sg.db.queries.start();
    const four = await ok(officerC, q, { c: villageC, n: 4 });
    expect(stop()).toBe(few);
    expect(one.region.disputes).toHaveLength(1);
    expect(four.region.disputes).toHaveLength(4);
    expect(four.region.disputes.every((d: any) => d.parties.length === 2)).toBe(true);
  });

  it('shows a resident only the disputes they are a party to, in lists, by id and on residents', async () => {
    const residentA: Actor = { id: 'legal-resident-a', roles: [Role.RESIDENT], scope: villageA, residentId: residentsA[1] };
    const theirs = (await ok(cadreA, OPEN, { i: disputeInput({ summary: '甲乙之间', parties: [{ residentId: residentsA[0], name: '张一', role: 'APPLICANT' }, { name: '外村人', role: 'RESPONDENT' }] }) })).openDispute;
    const mine = (await ok(cadreA, OPEN, { i: disputeInput({ summary: '与我有关' }) })).openDispute;
    const listed = await ok(residentA, `query($c: ID!) { region(code: $c) { disputes(first: 100) { id } } }`, { c: villageA });
    const ids = listed.region.disputes.map((d: any) => d.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect(ids.length).toBe(await rows('dispute_party', `resident_id = $1`, [residentsA[1]]));
    expect(codeOf(await gql(residentA, `query($id: ID!) { dispute(id: $id) { id } }`, { id: theirs.id }))).toBe('NOT_FOUND');
    expect((await ok(residentA, `query($id: ID!) { dispute(id: $id) { id } }`, { id: mine.id })).dispute.id).toBe(mine.id);
    const onResident = await subgraphQuery(residentA, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Resident { disputes { id } } } }', {
      r: [{ __typename: 'Resident', id: residentsA[0] }],
    });
    expect(onResident.data._entities[0].disputes.map((d: any) => d.id)).not.toContain(theirs.id);
  });
});
