import 'reflect-metadata';
import { subgraph as grids } from '@xiangzhi/grids';
import { composeIdNumber } from '@xiangzhi/grids-api';
import { bindPolicy, definePlugin, Role, signInternalToken, type Actor } from '@xiangzhi/kernel';
import { CIVILITY_EVENT_SUBJECTS, pointsPolicyPoint, type PointsPolicy } from '@xiangzhi/civility-api';
import { z } from 'zod';
import { countQueries, graphqlClient, rowCounter, startTestPlatform, TEST_SECRETS, testFixtures, waitFor, type TestPlatform } from '@xiangzhi/testing';
import { civilitySubgraph } from '../subgraph';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are read field by field */

/** A county model adding its 520 文明集市 rule to the catalogue, with its own cap. */
const market520 = definePlugin({
  name: 'civility-520-test',
  version: '0.0.0',
  title: { zh: '520文明集市（测试）', en: '520 market (test)' },
  config: z.object({ cap: z.number().default(10) }),
  subgraphs: {
    civility: {
      policies: [
        bindPolicy(pointsPolicyPoint, (c: { cap: number }, next): PointsPolicy => ({
          catalogueAdditions: () => [{ code: 'E-520', description: '520文明集市志愿服务', points: 5, evidenceRequired: false, monthlyCap: null, articleRef: null }],
          monthlyCap: (rule) => (rule.code === 'E-520' ? c.cap : next().monthlyCap(rule)),
        })),
      ],
    },
  },
});

let platform: TestPlatform;
const { gql, ok, codeOf } = graphqlClient<any>(() => platform);
const count = rowCounter(() => platform.subgraphs.civility.db.dataSource);

const A = '360722101200';
const B = '360722101201';
const C = '360722102200';
const county = '360722000000';
const admin: Actor = { id: 'county-admin', roles: [Role.COUNTY_ADMIN], scope: county };
const cadreA: Actor = { id: 'cadre-a', roles: [Role.VILLAGE_CADRE], scope: A };
const cadreA2: Actor = { id: 'cadre-a2', roles: [Role.VILLAGE_CADRE], scope: A };
const workerA: Actor = { id: 'worker-a', roles: [Role.GRID_WORKER], scope: A };
const cadreB: Actor = { id: 'cadre-b', roles: [Role.VILLAGE_CADRE], scope: B };
const workerB: Actor = { id: 'worker-b', roles: [Role.GRID_WORKER], scope: B };
const cadreC: Actor = { id: 'cadre-c', roles: [Role.VILLAGE_CADRE], scope: C };

const hA: string[] = [];
const hB: string[] = [];
let seq = 0;

async function household(village: string, n: number): Promise<string> {
  const h = await ok(admin, `mutation($i: CreateHouseholdInput!) { createHousehold(input: $i) { id } }`, { i: { villageCode: village, number: String(n), address: `${n}号` } });
  seq += 1;
  await ok(admin, `mutation($i: RegisterResidentInput!) { registerResident(input: $i) { id } }`, {
    i: { householdId: h.createHousehold.id, name: `户主${seq}`, idNumber: composeIdNumber('360722', '1970-03-03', seq), relationToHead: 'HEAD' },
  });
  return h.createHousehold.id;
}

const RECORD = `mutation($i: RecordPointsInput!) { recordPoints(input: $i) { id status points month ruleCode household { id } } }`;
const APPROVE = `mutation($i: ApprovePointsInput!) { approvePoints(input: $i) { id status decidedBy } }`;

async function earn(h: string, ruleCode: string, occurredOn: string, recorder = workerA, approver = cadreA): Promise<string> {
  const e = await ok(recorder, RECORD, { i: { householdId: h, ruleCode, occurredOn } });
  await ok(approver, APPROVE, { i: { entryId: e.recordPoints.id } });
  return e.recordPoints.id;
}

async function rule(code: string, points: number, extra: Record<string, unknown> = {}): Promise<void> {
  await ok(admin, `mutation($i: DefinePointsRuleInput!) { definePointsRule(input: $i) { id } }`, {
    i: { regionCode: county, code, description: `${code} 细则`, points, effectiveFrom: '2024-01-01', ...extra },
  });
}

async function audits(action: string): Promise<number> {
  return count('audit_log', 'action = $1', [action]);
}

beforeAll(async () => {
  platform = await startTestPlatform({ subgraphs: [grids, civilitySubgraph], plugins: [market520], countyParams: { '360722': { 'civility-520-test': {} } } });
  const { village } = testFixtures(() => platform);
  await village({ code: A });
  await village({ code: B });
  await village({ code: C });
  for (let i = 0; i < 12; i += 1) hA.push(await household(A, i + 1));
  for (let i = 0; i < 2; i += 1) hB.push(await household(B, i + 1));
  await platform.drainEvents();
  await rule('E-HELP', 10);
  await rule('E-CLEAN', 5, { monthlyCap: 15 });
  await rule('E-EVID', 4, { evidenceRequired: true });
  await rule('D-LITTER', -5);
  await rule('D-FIGHT', -10);
  await rule('E-OLD', 3, { effectiveFrom: '2020-01-01', effectiveTo: '2024-01-01' });
}, 180_000);

afterAll(() => platform?.stop());

describe('points entries: bad input refused with nothing written', () => {
  it('refuses a household outside the recorder’s scope', async () => {
    const before = [await count('points_entry'), await count('household_points'), await audits('recordPoints')];
    const res = await gql(cadreC, RECORD, { i: { householdId: hA[0], ruleCode: 'E-HELP', occurredOn: '2025-11-03' } });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions).toMatchObject({ field: 'householdId', rule: 'HOUSEHOLD_OTHER_REGION', value: hA[0] });
    expect(res.errors?.[0]?.message).toMatch(/^户不属于区划360722102200.*\(The household is not in region 360722102200/);
    expect([await count('points_entry'), await count('household_points'), await audits('recordPoints')]).toEqual(before);
  });

  it('refuses a rule not in force on the entry’s date, an unknown rule and missing evidence', async () => {
    const before = [await count('points_entry'), await count('household_points'), await audits('recordPoints')];
    const old = await gql(workerA, RECORD, { i: { householdId: hA[11], ruleCode: 'E-OLD', occurredOn: '2025-01-05' } });
    expect(old.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ruleCode', rule: 'RULE_NOT_IN_FORCE', value: 'E-OLD' });
    expect(old.errors?.[0]?.extensions?.messageZh).toBe('细则在2025-01-05不在有效期内（有效期：2020-01-01–2024-01-01）：ruleCode = E-OLD');
    const unknown = await gql(workerA, RECORD, { i: { householdId: hA[11], ruleCode: 'NOPE', occurredOn: '2025-01-05' } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ rule: 'RULE_UNKNOWN' });
    const evidence = await gql(workerA, RECORD, { i: { householdId: hA[11], ruleCode: 'E-EVID', occurredOn: '2025-01-05' } });
    expect(evidence.errors?.[0]?.extensions).toMatchObject({ field: 'evidence', rule: 'EVIDENCE_REQUIRED' });
    const future = await gql(workerA, RECORD, { i: { householdId: hA[11], ruleCode: 'E-HELP', occurredOn: '2999-01-01' } });
    expect(future.errors?.[0]?.extensions).toMatchObject({ field: 'occurredOn', rule: 'DATE_IN_FUTURE' });
    expect([await count('points_entry'), await count('household_points'), await audits('recordPoints')]).toEqual(before);
    const withEvidence = await ok(workerA, RECORD, { i: { householdId: hA[11], ruleCode: 'E-EVID', occurredOn: '2024-06-05', evidence: '照片 IMG_0001' } });
    expect(withEvidence.recordPoints).toMatchObject({ status: 'PENDING', points: 4, month: '2024-06' });
    await ok(cadreA, `mutation($i: ApprovePointsInput!) { approvePoints(input: $i) { id } }`, { i: { entryId: withEvidence.recordPoints.id, approve: false } });
  });

  it('refuses an approver who recorded the entry, and a second decision', async () => {
    const e = await ok(cadreA, RECORD, { i: { householdId: hA[11], ruleCode: 'D-LITTER', occurredOn: '2025-11-20' } });
    const before = await audits('approvePoints');
    const self = await gql(cadreA, APPROVE, { i: { entryId: e.recordPoints.id } });
    expect(codeOf(self)).toBe('FORBIDDEN');
    expect(self.errors?.[0]?.extensions).toMatchObject({ field: 'entryId', rule: 'SELF_APPROVAL', value: e.recordPoints.id });
    expect(self.errors?.[0]?.message).toBe(`登记人不能审核自己登记的记录：entryId = ${e.recordPoints.id} (The recorder cannot approve their own entry: entryId = ${e.recordPoints.id})`);
    expect(await count('points_entry', `id = $1 AND status = 'PENDING'`, [e.recordPoints.id])).toBe(1);
    expect(await audits('approvePoints')).toBe(before);
    expect((await ok(cadreA2, APPROVE, { i: { entryId: e.recordPoints.id } })).approvePoints).toMatchObject({ status: 'APPROVED', decidedBy: 'cadre-a2' });
    expect(codeOf(await gql(cadreA2, APPROVE, { i: { entryId: e.recordPoints.id } }))).toBe('CONFLICT');
    expect(codeOf(await gql(workerA, APPROVE, { i: { entryId: e.recordPoints.id } }))).toBe('FORBIDDEN');
  });

  it('caps a rule per household per month (pending entries count)', async () => {
    for (let i = 0; i < 3; i += 1) await ok(workerA, RECORD, { i: { householdId: hA[10], ruleCode: 'E-CLEAN', occurredOn: `2024-05-0${i + 1}` } });
    const before = await count('points_entry');
    const over = await gql(workerA, RECORD, { i: { householdId: hA[10], ruleCode: 'E-CLEAN', occurredOn: '2024-05-20' } });
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ruleCode', rule: 'MONTHLY_CAP_EXCEEDED', cap: 15, used: 15 });
    expect(await count('points_entry')).toBe(before);
    await ok(workerA, RECORD, { i: { householdId: hA[10], ruleCode: 'E-CLEAN', occurredOn: '2024-06-01' } });
    // concurrent entries queue on the household: the cap holds
    const parallel = await Promise.all(Array.from({ length: 6 }, (_, i) => gql(workerA, RECORD, { i: { householdId: hA[7], ruleCode: 'E-CLEAN', occurredOn: `2024-07-0${i + 1}` } })));
    expect(parallel.filter((r) => !r.errors)).toHaveLength(3);
    expect(parallel.filter((r) => r.errors).map((r) => r.errors?.[0]?.extensions?.rule)).toEqual(Array(3).fill('MONTHLY_CAP_EXCEEDED'));
  });

  it('a county plugin adds a catalogue rule (created on first use) and caps it', async () => {
    const RULES = `query($c: String!) { pointsRules(regionCode: $c, on: "2025-02-01") { id code source monthlyCap } }`;
    const before = (await ok(cadreA, RULES, { c: A })).pointsRules.find((r: any) => r.code === 'E-520');
    expect(before).toEqual({ id: null, code: 'E-520', source: 'civility-520-test', monthlyCap: null });
    await earn(hA[8], 'E-520', '2024-02-01');
    await earn(hA[8], 'E-520', '2024-02-02');
    const over = await gql(workerA, RECORD, { i: { householdId: hA[8], ruleCode: 'E-520', occurredOn: '2024-02-03' } });
    expect(over.errors?.[0]?.extensions).toMatchObject({ rule: 'MONTHLY_CAP_EXCEEDED', cap: 10, used: 10 });
    const after = (await ok(cadreA, RULES, { c: A })).pointsRules.filter((r: any) => r.code === 'E-520');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ code: 'E-520', source: 'civility-520-test' });
    expect(after[0].id).not.toBeNull();
    expect(await count('points_rule', `code = 'E-520'`)).toBe(1);
  });

  it('creates once per idempotency key', async () => {
    const i = { householdId: hA[9], ruleCode: 'E-HELP', occurredOn: '2024-03-01', idempotencyKey: 'points-key-0001' };
    const [a, b] = await Promise.all([ok(workerA, RECORD, { i }), ok(workerA, RECORD, { i })]);
    expect(a.recordPoints.id).toBe(b.recordPoints.id);
    expect(await count('points_entry', 'household_id = $1 AND occurred_on = $2', [hA[9], '2024-03-01'])).toBe(1);
    const reused = await gql(workerA, RECORD, { i: { ...i, ruleCode: 'E-CLEAN' } });
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', rule: 'IDEMPOTENCY_KEY_REUSED' });
  });
});

describe('balances and concurrent redemptions', () => {
  let item: string;

  it('20 concurrent redemptions against a balance that covers 5: exactly 5 succeed, never negative', async () => {
    for (let i = 0; i < 5; i += 1) await earn(hB[0], 'E-HELP', `2025-10-0${i + 1}`, workerB, cadreB);
    item = (await ok(cadreB, `mutation($i: CreateMarketItemInput!) { createMarketItem(input: $i) { id stock } }`, { i: { villageCode: B, name: '洗衣粉', price: 10, stock: 100 } })).createMarketItem.id;
    const results = await Promise.all(Array.from({ length: 20 }, () => gql(cadreB, `mutation($i: RedeemPointsInput!) { redeemPoints(input: $i) { id balanceAfter stockAfter } }`, { i: { householdId: hB[0], itemId: item } })));
    const succeeded = results.filter((r) => !r.errors);
    expect(succeeded).toHaveLength(5);
    expect(results.filter((r) => r.errors).every((r) => r.errors?.[0]?.extensions?.rule === 'BALANCE_INSUFFICIENT')).toBe(true);
    expect(succeeded.map((r) => r.data.redeemPoints.balanceAfter).sort((a: number, b: number) => a - b)).toEqual([0, 10, 20, 30, 40]);
    expect(await count('redemption', 'household_id = $1', [hB[0]])).toBe(5);
    expect(await audits('redeemPoints')).toBe(5);
    const [row] = await platform.subgraphs.civility.db.dataSource.query(`SELECT balance, redeemed FROM household_points WHERE household_id = $1`, [hB[0]]);
    expect(row).toEqual({ balance: 0, redeemed: 50 });
    const stock = await ok(cadreB, `query($v: String!) { marketItems(villageCode: $v) { id stock } }`, { v: B });
    expect(stock.marketItems).toEqual([{ id: item, stock: 95 }]);
  });

  it('10 concurrent redemptions against a stock of 3: exactly 3 succeed, stock ends at 0', async () => {
    for (let i = 0; i < 9; i += 1) await earn(hB[1], 'E-HELP', `2025-10-1${i}`, workerB, cadreB);
    const small = (await ok(cadreB, `mutation($i: CreateMarketItemInput!) { createMarketItem(input: $i) { id } }`, { i: { villageCode: B, name: '毛巾', price: 10, stock: 3 } })).createMarketItem.id;
    const results = await Promise.all(Array.from({ length: 10 }, () => gql(cadreB, `mutation($i: RedeemPointsInput!) { redeemPoints(input: $i) { id } }`, { i: { householdId: hB[1], itemId: small } })));
    expect(results.filter((r) => !r.errors)).toHaveLength(3);
    expect(results.filter((r) => r.errors).map((r) => r.errors?.[0]?.extensions?.rule)).toEqual(Array(7).fill('STOCK_INSUFFICIENT'));
    const [row] = await platform.subgraphs.civility.db.dataSource.query(`SELECT stock FROM market_item WHERE id = $1`, [small]);
    expect(row.stock).toBe(0);
    const viaSubgraph = await subgraphQuery(cadreB, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Household { civility { balance } } } }`, { r: [{ __typename: 'Household', id: hB[1] }] });
    expect(viaSubgraph.data._entities).toEqual([{ civility: { balance: 60 } }]);
  });

  it('refuses a household of another village and quantities above the balance, writing nothing', async () => {
    const before = [await count('redemption'), await audits('redeemPoints')];
    const other = await gql(cadreB, `mutation($i: RedeemPointsInput!) { redeemPoints(input: $i) { id } }`, { i: { householdId: hA[0], itemId: item } });
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'householdId', rule: 'HOUSEHOLD_OTHER_REGION' });
    const tooMany = await gql(cadreB, `mutation($i: RedeemPointsInput!) { redeemPoints(input: $i) { id } }`, { i: { householdId: hB[1], itemId: item, quantity: 7 } });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quantity', rule: 'BALANCE_INSUFFICIENT', balance: 60, cost: 70 });
    expect(tooMany.errors?.[0]?.extensions?.messageZh).toBe('积分余额60分，不足以兑换7件“洗衣粉”（需70分）：quantity = 7');
    expect([await count('redemption'), await audits('redeemPoints')]).toEqual(before);
  });
});

async function subgraphQuery(actor: Actor, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const res = await fetch(platform.subgraphs.civility.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-xz-actor': signInternalToken(actor, TEST_SECRETS.internalSecret) },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

const LIST = `query($c: ID!, $m: String!) { region(code: $c) { redBlackList(month: $m) { published policy red { rank household { id } points } black { household { id } rule points } } } }`;

describe('red and black lists, star households', () => {
  beforeAll(async () => {
    // 2025-11 in village A (hand-computed below): h0 30, h1 20, h2 20 − 10 (D-FIGHT), h3…h10 10 each, h11 −5 (D-LITTER, from an earlier test)
    for (let i = 0; i < 3; i += 1) await earn(hA[0], 'E-HELP', `2025-11-0${i + 1}`);
    for (let i = 0; i < 2; i += 1) await earn(hA[1], 'E-HELP', `2025-11-0${i + 1}`);
    for (let i = 0; i < 2; i += 1) await earn(hA[2], 'E-HELP', `2025-11-0${i + 1}`);
    await earn(hA[2], 'D-FIGHT', '2025-11-15');
    for (let h = 3; h <= 10; h += 1) await earn(hA[h], 'E-HELP', '2025-11-10');
    // 2025-03: h0 +50; h1 +40 and −10 (D-FIGHT: black list in March, not published)
    for (let i = 0; i < 5; i += 1) await earn(hA[0], 'E-HELP', `2025-03-0${i + 1}`);
    for (let i = 0; i < 4; i += 1) await earn(hA[1], 'E-HELP', `2025-03-0${i + 1}`);
    await earn(hA[1], 'D-FIGHT', '2025-03-20');
    // a pending entry counts nowhere
    await ok(workerA, RECORD, { i: { householdId: hA[3], ruleCode: 'E-HELP', occurredOn: '2025-11-11' } });
  });

  const tiedAtTen = () => [...hA.slice(2, 11)].sort();

  it('the baseline list of a month: top ten by points, black list with the rule', async () => {
    const data = await ok(cadreA, LIST, { c: A, m: '2025-11' });
    const list = data.region.redBlackList;
    expect(list.published).toBe(false);
    expect(list.policy).toBe('baseline');
    const expectedRed = [hA[0], hA[1], ...tiedAtTen().slice(0, 8)];
    expect(list.red.map((r: any) => r.household.id)).toEqual(expectedRed);
    expect(list.red.map((r: any) => r.points)).toEqual([30, 20, 10, 10, 10, 10, 10, 10, 10, 10]);
    expect(list.red.map((r: any) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(list.black).toEqual([{ household: { id: hA[2] }, rule: 'D-FIGHT', points: -10 }]);
  });

  it('publishes and freezes the list; later entries do not change it; future months and a second publication refused', async () => {
    const published = await ok(cadreA, `mutation($i: PublishRedBlackListInput!) { publishRedBlackList(input: $i) { published red { household { id } } black { household { id } rule } } }`, { i: { villageCode: A, month: '2025-11' } });
    expect(published.publishRedBlackList.published).toBe(true);
    expect(await count('red_black_list_row')).toBe(11);
    await earn(hA[11], 'E-HELP', '2025-11-25');
    await earn(hA[11], 'E-HELP', '2025-11-26');
    await earn(hA[11], 'E-HELP', '2025-11-27');
    await earn(hA[11], 'E-HELP', '2025-11-28');
    const after = (await ok(cadreA, LIST, { c: A, m: '2025-11' })).region.redBlackList;
    expect(after.published).toBe(true);
    expect(after.red.map((r: any) => r.household.id)).toEqual([hA[0], hA[1], ...tiedAtTen().slice(0, 8)]);
    expect(after.red.map((r: any) => r.household.id)).not.toContain(hA[11]);
    const again = await gql(cadreA, `mutation($i: PublishRedBlackListInput!) { publishRedBlackList(input: $i) { published } }`, { i: { villageCode: A, month: '2025-11' } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', rule: 'LIST_ALREADY_PUBLISHED' });
    const future = await gql(cadreA, `mutation($i: PublishRedBlackListInput!) { publishRedBlackList(input: $i) { published } }`, { i: { villageCode: A, month: '2999-01' } });
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month', rule: 'MONTH_IN_FUTURE' });
    expect(await count('red_black_list')).toBe(1);
    expect(codeOf(await gql(cadreC, LIST, { c: A, m: '2025-11' }))).toBe('NOT_FOUND');
  });

  it('rates star households of a finished year: thresholds and the black-list cap', async () => {
    const thisYear = await gql(admin, `mutation { rateStarHouseholds(regionCode: "${A}", year: 2999) { households } }`);
    expect(thisYear.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'YEAR_NOT_FINISHED' });
    expect(codeOf(await gql(cadreA, `mutation { rateStarHouseholds(regionCode: "${A}", year: 2025) { households } }`))).toBe('FORBIDDEN');
    const run = await ok(admin, `mutation { rateStarHouseholds(regionCode: "${A}", year: 2025) { households stars { stars households } } }`);
    // h0: 80 → 4 stars; h1: 20 + 30 = 50 → 2 stars, capped at 1 (black list in March); h2: 10 → 0; h3…h10: 10 → 0; h11: −5 + 40 = 35 → 1
    expect(run.rateStarHouseholds.households).toBe(12);
    expect(run.rateStarHouseholds.stars).toEqual([
      { stars: 0, households: 9 },
      { stars: 1, households: 2 },
      { stars: 2, households: 0 },
      { stars: 3, households: 0 },
      { stars: 4, households: 1 },
      { stars: 5, households: 0 },
    ]);
    const [capped] = await platform.subgraphs.civility.db.dataSource.query(`SELECT points, stars, rule FROM star_rating WHERE household_id = $1 AND year = 2025`, [hA[1]]);
    expect(capped).toEqual({ points: 50, stars: 1, rule: 'STAR_CAPPED_BLACK_LIST' });
    const stats = await ok(admin, `query($c: ID!) { region(code: $c) { civility(year: 2025) { starHouseholds } } }`, { c: A });
    expect(stats.region.civility.starHouseholds).toBe(3);
    // a second run replaces, not adds
    await ok(admin, `mutation { rateStarHouseholds(regionCode: "${A}", year: 2025) { households } }`);
    expect(await count('star_rating', 'year = 2025')).toBe(12);
  });

  it('Household.civility: balance = approved entries − redemptions, balance on a date, stars, entries; scope also through _entities', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Household { id civility { balance march: balance(on: "2025-03-31") stars(year: 2025) entries(first: 2) { points status } } } } }`;
    const mine = await subgraphQuery(cadreA, q, { r: [{ __typename: 'Household', id: hA[0] }, { __typename: 'Household', id: hB[0] }] });
    expect(mine.data._entities).toEqual([
      { id: hA[0], civility: { balance: 80, march: 50, stars: 4, entries: [{ points: 10, status: 'APPROVED' }, { points: 10, status: 'APPROVED' }] } },
      { id: hB[0], civility: null },
    ]);
    const [{ sum }] = await platform.subgraphs.civility.db.dataSource.query(
      `SELECT (SELECT coalesce(sum(points), 0) FROM points_entry WHERE household_id = $1 AND status = 'APPROVED') - (SELECT coalesce(sum(points), 0) FROM redemption WHERE household_id = $1) AS sum`,
      [hB[1]],
    );
    const b = await subgraphQuery(cadreB, q, { r: [{ __typename: 'Household', id: hB[1] }] });
    expect(b.data._entities[0].civility.balance).toBe(Number(sum));
    const outsider = await subgraphQuery(cadreC, q, { r: [{ __typename: 'Household', id: hA[0] }] });
    expect(outsider.data._entities).toEqual([{ id: hA[0], civility: null }]);
    const [{ id: residentId }] = await platform.subgraphs.civility.db.dataSource.query(`SELECT id::text AS id FROM resident_ref WHERE household_id = $1`, [hA[0]]);
    const resident: Actor = { id: 'resident-a0', roles: [Role.RESIDENT], scope: A, residentId };
    const own = await subgraphQuery(resident, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Household { civility { balance } } } }`, {
      r: [{ __typename: 'Household', id: hA[0] }, { __typename: 'Household', id: hA[1] }],
    });
    expect(own.data._entities).toEqual([{ civility: { balance: 80 } }, { civility: null }]);
  });

  it('reads stay flat in the number of households shown', async () => {
    const list = (n: number) =>
      countQueries(platform.subgraphs.civility, () => ok(admin, `query($c: ID!) { households(regionCode: $c, first: ${n}) { nodes { id civility { balance stars(year: 2025) entries(first: 3) { points } } } } }`, { c: A }));
    const small = await list(2);
    const large = await list(12);
    expect((small.result as any).households.nodes).toHaveLength(2);
    expect((large.result as any).households.nodes).toHaveLength(12);
    expect(large.count).toBe(small.count);
    const board = (n: number) => countQueries(platform.subgraphs.civility, () => ok(admin, `query($c: ID!) { region(code: $c) { pointsLeaderboard(month: "2025-11", first: ${n}) { rank points household { id } } } }`, { c: county }));
    const top2 = await board(2);
    const top12 = await board(12);
    expect((top12.result as any).region.pointsLeaderboard.slice(0, 2)).toEqual((top2.result as any).region.pointsLeaderboard);
    expect((top12.result as any).region.pointsLeaderboard[0]).toEqual({ rank: 1, points: 35, household: { id: hA[11] } });
    expect(top12.count).toBe(top2.count);
    const perVillage = `redBlackList(month: "2025-10") { red { points } black { rule } } pointsLeaderboard(month: "2025-10", first: 3) { points }`;
    const one = await countQueries(platform.subgraphs.civility, () => ok(admin, `query($c: ID!) { region(code: $c) { ${perVillage} } }`, { c: A }));
    const both = await countQueries(platform.subgraphs.civility, () => ok(admin, `{ region(code: "360722101000") { children { code ${perVillage} } } }`));
    expect((both.result as any).region.children.map((c: any) => c.code)).toEqual([A, B]);
    expect((both.result as any).region.children[1].pointsLeaderboard).toEqual([{ points: 90 }, { points: 50 }]);
    expect(both.count).toBe(one.count);
  });

  it('the monthly counters equal the ledger recounted', async () => {
    const diff = await platform.subgraphs.civility.db.dataSource.query(
      `SELECT household_id, month, sum(points)::int AS points FROM points_entry WHERE status = 'APPROVED' GROUP BY household_id, month
       EXCEPT SELECT household_id, month, points FROM household_month_points`,
    );
    expect(diff).toEqual([]);
    const [{ n }] = await platform.subgraphs.civility.db.dataSource.query(`SELECT count(DISTINCT (household_id, month))::int AS n FROM points_entry WHERE status = 'APPROVED'`);
    expect(await count('household_month_points')).toBe(n);
    expect(n).toBeGreaterThan(10);
  });

  it('publishes events for approvals, lists and ratings', async () => {
    const names = (await platform.subgraphs.civility.db.dataSource.query(`SELECT name, count(*)::int AS n FROM civility_event GROUP BY name ORDER BY name`)) as { name: string; n: number }[];
    const byName = Object.fromEntries(names.map((r) => [r.name, r.n]));
    expect(byName['civility.list.published']).toBe(1);
    expect(byName['civility.stars.rated']).toBe(2);
    expect(byName['civility.points.approved']).toBe(await count('points_entry', `status = 'APPROVED'`));
    const received: { subject: string; payload: Record<string, unknown> }[] = [];
    const sub = await platform.events.subscribe(CIVILITY_EVENT_SUBJECTS.all, async (e) => void received.push(e));
    await platform.drainEvents();
    await waitFor('the civility events on the bus', () => received.length === names.reduce((n, r) => n + r.n, 0));
    await sub.unsubscribe();
    const list = received.find((e) => e.subject === 'civility.list.published');
    expect(list?.payload).toMatchObject({ villageCode: A, month: '2025-11', policy: 'baseline', black: [{ householdId: hA[2], ruleCode: 'D-FIGHT', points: -10 }] });
    const stars = received.filter((e) => e.subject === 'civility.stars.rated');
    expect(stars[0].payload).toMatchObject({ regionCode: A, villageCode: A, year: 2025 });
    expect((stars[0].payload.ratings as { householdId: string; stars: number }[]).find((r) => r.householdId === hA[0])?.stars).toBe(4);
  });
});
