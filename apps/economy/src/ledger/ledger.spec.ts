/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON, checked field by field with expect() */
import { subgraph as grids } from '@xiangzhi/grids';
import { Role, signInternalToken, type Actor } from '@xiangzhi/kernel';
import { formatFen, withCheckChar } from '@xiangzhi/economy-api';
import { countQueries, graphqlClient, rowCounter, startTestPlatform, TEST_SECRETS, testFixtures, type TestPlatform } from '@xiangzhi/testing';
import type { DataSource } from 'typeorm';
import { subgraph as economy } from '../index';
import { bulkInsertPostings } from './bulk';
import { writeVouchers } from './postings';

/**
 * The collective organisations and their books through the gateway: registration (credit code,
 * idempotency key, stale versions), double-entry vouchers (unbalanced, unknown account, closed month,
 * future date: refused with nothing written), reversal, month close, trial balance and balance sheet,
 * operating income, members and shares, distribution, the region roll-up and the caller's scope.
 */
const county = '990103000000';
const township = '990103101000';
const villageA = '990103101201';
const villageB = '990103101202';
const villageC = '990103101203';

const admin: Actor = { id: 'books-admin', roles: [Role.COUNTY_ADMIN], scope: county };
const cadreA: Actor = { id: 'books-cadre-a', roles: [Role.VILLAGE_CADRE], scope: villageA };
const cadreB: Actor = { id: 'books-cadre-b', roles: [Role.VILLAGE_CADRE], scope: villageB };

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

let codeSeq = 0;
/** A fresh valid credit code of an agricultural collective (N2 + division + body + check character). */
function creditCode(): string {
  codeSeq += 1;
  return withCheckChar(`N2990103MF${String(codeSeq).padStart(7, '0')}`);
}

const ORG = 'id villageCode name creditCode foundedOn developmentModel status version';
const REGISTER = `mutation($i: RegisterCollectiveOrganizationInput!) { registerCollectiveOrganization(input: $i) { ${ORG} } }`;

async function register(villageCode: string, extra: Record<string, unknown> = {}, actor: Actor = admin): Promise<any> {
  return (await ok(actor, REGISTER, { i: { villageCode, name: `${villageCode.slice(9)}村股份经济合作社`, creditCode: creditCode(), foundedOn: '2019-06-01', developmentModel: 'ASSET', ...extra } }))
    .registerCollectiveOrganization;
}

const POST = `mutation($i: PostVoucherInput!) { postVoucher(input: $i) { id number date kind debitTotal lines { line accountCode debit credit } } }`;

function voucher(organizationId: string, date: string, amount: string, dr = '101', cr = '501', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { organizationId, date, summary: '收入', lines: [{ accountCode: dr, debit: amount }, { accountCode: cr, credit: amount }], ...extra };
}

async function post(input: Record<string, unknown>, actor: Actor = cadreA): Promise<any> {
  return (await ok(actor, POST, { i: input })).postVoucher;
}

const TB = `query($o: ID!, $m: String!) { trialBalance(organizationId: $o, month: $m) { month closed balanced openingDebit openingCredit periodDebit periodCredit closingDebit closingCredit rows { accountCode openingDebit openingCredit periodDebit periodCredit closingDebit closingCredit } } }`;

let orgA: any;
let orgB: any;

const residentA1 = '0d7f5b0e-1a1a-4a1a-8a1a-0000000000a1';
const residentA2 = '0d7f5b0e-1a1a-4a1a-8a1a-0000000000a2';
const residentA3 = '0d7f5b0e-1a1a-4a1a-8a1a-0000000000a3';
const residentB1 = '0d7f5b0e-1a1a-4a1a-8a1a-0000000000b1';
const deceasedA = '0d7f5b0e-1a1a-4a1a-8a1a-0000000000d1';
const unknownResident = '0d7f5b0e-1a1a-4a1a-8a1a-0000000000ff';
const residentsC = Array.from({ length: 7 }, (_, i) => `0d7f5b0e-1a1a-4a1a-8a1a-0000000000c${i}`);

beforeAll(async () => {
  platform = await startTestPlatform({ subgraphs: [grids, economy] });
  ds = platform.subgraphs.economy.db.dataSource;
  for (const code of [villageA, villageB, villageC]) await fixtures.village({ code });
  // residents as grids' events leave them in economy's projection
  await ds.query(
    `INSERT INTO resident_ref (id, village_code, status) SELECT id, v, s FROM unnest($1::uuid[], $2::text[], $3::text[]) AS r(id, v, s)`,
    [
      [residentA1, residentA2, residentA3, residentB1, deceasedA, ...residentsC],
      [villageA, villageA, villageA, villageB, villageA, ...residentsC.map(() => villageC)],
      ['LIVING', 'LIVING', 'LIVING', 'LIVING', 'DECEASED', ...residentsC.map(() => 'LIVING')],
    ],
  );
  orgA = await register(villageA);
  orgB = await register(villageB);
}, 240_000);
afterAll(() => platform?.stop());

describe('collective organisations', () => {
  it('registers with the standard chart; a wrong check character is refused naming the rule, nothing written', async () => {
    const chart = await ok(cadreA, `query($id: ID!) { collectiveOrganization(id: $id) { accounts { code name category incomeKind } closedThrough } }`, { id: orgA.id });
    expect(chart.collectiveOrganization.accounts.map((a: any) => a.code)).toEqual(expect.arrayContaining(['101', '102', '501', '502', '511', '522', '541']));
    expect(chart.collectiveOrganization.accounts.find((a: any) => a.code === '502')).toEqual({ code: '502', name: '发包及上交收入', category: 'INCOME', incomeKind: 'OPERATING' });
    const good = creditCode();
    const wrongCheck = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    const before = { orgs: await count('collective_organization'), accounts: await count('ledger_account'), audit: await count('audit_log') };
    const res = await gql(admin, REGISTER, { i: { villageCode: villageC, name: '丙村经济合作社', creditCode: wrongCheck, foundedOn: '2019-06-01', developmentModel: 'LAND' } });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions).toMatchObject({ field: 'creditCode', rule: 'CREDIT_CODE_CHECK', value: wrongCheck, expected: good[17] });
    expect(res.errors![0].message).toMatch(/^统一社会信用代码校验位错误.*\(The check character/);
    expect({ orgs: await count('collective_organization'), accounts: await count('ledger_account'), audit: await count('audit_log') }).toEqual(before);
  });
});

describe('vouchers', () => {
  it('posts a balanced voucher, numbered per year, amounts as yuan strings', async () => {
    const v = await post(voucher(orgA.id, '2025-01-10', '1234.50'));
    expect(v).toMatchObject({ number: 1, date: '2025-01-10', kind: 'MANUAL', debitTotal: '1234.50' });
    expect(v.lines).toEqual([
      { line: 1, accountCode: '101', debit: '1234.50', credit: '0.00' },
      { line: 2, accountCode: '501', debit: '0.00', credit: '1234.50' },
    ]);
  });

  it('refuses an unbalanced voucher, an unknown account and a future date, writing nothing', async () => {
    const tables = ['ledger_voucher', 'ledger_posting', 'economy_operating_income', 'economy_event', 'audit_log'];
    const snapshot = async (): Promise<number[]> => Promise.all(tables.map((t) => count(t)));
    const before = await snapshot();
    const unbalanced = await gql(cadreA, POST, { i: { organizationId: orgA.id, date: '2025-02-01', summary: '错账', lines: [{ accountCode: '101', debit: '100.00' }, { accountCode: '501', credit: '99.99' }] } });
    expect(unbalanced.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines', rule: 'VOUCHER_UNBALANCED', debitTotal: '100.00', creditTotal: '99.99' });
    expect(unbalanced.errors![0].message).toMatch(/^借贷不平衡.*\(The voucher does not balance/);
    const unknown = await gql(cadreA, POST, { i: voucher(orgA.id, '2025-02-01', '10.00', '101', '999') });
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines[1].accountCode', rule: 'ACCOUNT_UNKNOWN', value: '999' });
    const future = await gql(cadreA, POST, { i: voucher(orgA.id, '2999-01-01', '10.00') });
    expect(future.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.date', rule: 'DATE_IN_FUTURE' });
    const twoSides = await gql(cadreA, POST, { i: { organizationId: orgA.id, date: '2025-02-01', summary: 'x', lines: [{ accountCode: '101', debit: '1.00', credit: '1.00' }, { accountCode: '501', credit: '0.00' }] } });
    expect(twoSides.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'LINE_ONE_SIDE' });
    const badMoney = await gql(cadreA, POST, { i: voucher(orgA.id, '2025-02-01', '1.005') });
    expect(codeOf(badMoney)).toBe('BAD_USER_INPUT');
    expect(await snapshot()).toEqual(before);
  });
});

describe('idempotency and versions', () => {
  it('registerCollectiveOrganization: the same key twice and concurrent duplicates make one row', async () => {
    const input = { villageCode: villageC, name: '丙村股份经济合作社', creditCode: creditCode(), foundedOn: '2018-03-01', developmentModel: 'LAND', idempotencyKey: 'reg-c-0001' };
    const first = (await ok(admin, REGISTER, { i: input })).registerCollectiveOrganization;
    const second = (await ok(admin, REGISTER, { i: input })).registerCollectiveOrganization;
    expect(second.id).toBe(first.id);
    expect(await count('collective_organization', 'credit_code = $1', [input.creditCode])).toBe(1);
    const concurrent = { ...input, creditCode: creditCode(), name: '丙村第二经济合作社', idempotencyKey: 'reg-c-0002' };
    const answers = await Promise.all([0, 1, 2].map(() => ok(admin, REGISTER, { i: concurrent })));
    expect(new Set(answers.map((a) => a.registerCollectiveOrganization.id)).size).toBe(1);
    expect(await count('collective_organization', 'credit_code = $1', [concurrent.creditCode])).toBe(1);
    const reused = await gql(admin, REGISTER, { i: { ...input, name: '另一个名称' } });
    expect(reused.errors![0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('postVoucher: the same key twice and concurrent duplicates make one voucher', async () => {
    const input = { ...voucher(orgB.id, '2025-03-03', '88.00'), idempotencyKey: 'post-b-0001' };
    const before = await count('ledger_voucher', 'organization_id = $1', [orgB.id]);
    const a = await post(input, cadreB);
    const b = await post(input, cadreB);
    expect(b.id).toBe(a.id);
    const concurrent = { ...voucher(orgB.id, '2025-03-04', '99.00'), idempotencyKey: 'post-b-0002' };
    const answers = await Promise.all([0, 1, 2].map(() => ok(cadreB, POST, { i: concurrent })));
    expect(new Set(answers.map((x) => x.postVoucher.id)).size).toBe(1);
    expect(await count('ledger_voucher', 'organization_id = $1', [orgB.id])).toBe(before + 2);
  });

  it('updateCollectiveOrganization with a stale expectedVersion is CONFLICT and changes nothing', async () => {
    const UPDATE = `mutation($i: UpdateCollectiveOrganizationInput!) { updateCollectiveOrganization(input: $i) { name version developmentModel } }`;
    const org = await register(villageC, { name: '丙村资源开发合作社', developmentModel: 'RESOURCE' });
    const changed = (await ok(admin, UPDATE, { i: { id: org.id, expectedVersion: org.version, developmentModel: 'SERVICE' } })).updateCollectiveOrganization;
    expect(changed).toEqual({ name: '丙村资源开发合作社', version: org.version + 1, developmentModel: 'SERVICE' });
    const stale = await gql(admin, UPDATE, { i: { id: org.id, expectedVersion: org.version, name: '旧版本改名' } });
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: org.version, currentVersion: org.version + 1 });
    const now = await ok(admin, `query($id: ID!) { collectiveOrganization(id: $id) { name version } }`, { id: org.id });
    expect(now.collectiveOrganization).toEqual({ name: '丙村资源开发合作社', version: org.version + 1 });
  });
});

describe('periods, reversals, trial balance and balance sheet', () => {
  let org: any;
  beforeAll(async () => {
    org = await register(villageA, { name: '甲村资产经营合作社' });
    await post(voucher(org.id, '2024-06-01', '500.00', '102', '301'));
    await post(voucher(org.id, '2025-01-05', '3000.00', '102', '502'));
    await post(voucher(org.id, '2025-01-20', '1200.00', '541', '101'));
    await post(voucher(org.id, '2025-02-11', '700.00', '101', '511'));
    await post(voucher(org.id, '2025-02-12', '100.00', '101', '522'));
  });

  it('closes months in order; a closed month refuses vouchers with nothing written', async () => {
    const CLOSE = `mutation($i: ClosePeriodInput!) { closePeriod(input: $i) { month } }`;
    expect((await ok(cadreA, CLOSE, { i: { organizationId: org.id, month: '2025-01' } })).closePeriod.month).toBe('2025-01');
    const tables = ['ledger_voucher', 'ledger_posting', 'economy_operating_income', 'economy_event', 'audit_log'];
    const before = await Promise.all(tables.map((t) => count(t)));
    const closed = await gql(cadreA, POST, { i: voucher(org.id, '2025-01-31', '10.00') });
    expect(closed.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.date', rule: 'PERIOD_CLOSED', value: '2025-01-31', closedThrough: '2025-01' });
    expect(closed.errors![0].message).toMatch(/^会计期间已结账.*\(The period is closed/);
    const earlier = await gql(cadreA, POST, { i: voucher(org.id, '2024-12-31', '10.00') });
    expect(earlier.errors![0].extensions).toMatchObject({ rule: 'PERIOD_CLOSED' });
    const skip = await gql(cadreA, CLOSE, { i: { organizationId: org.id, month: '2025-03' } });
    expect(skip.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'PERIOD_OUT_OF_ORDER', value: '2025-03' });
    const twice = await gql(cadreA, CLOSE, { i: { organizationId: org.id, month: '2025-01' } });
    expect(twice.errors![0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'PERIOD_ALREADY_CLOSED' });
    const current = await gql(cadreA, CLOSE, { i: { organizationId: org.id, month: '2099-01' } });
    expect(current.errors![0].extensions).toMatchObject({ rule: 'MONTH_NOT_ENDED' });
    expect(await Promise.all(tables.map((t) => count(t)))).toEqual(before);
    expect(await count('economy_event', `name = 'economy.period.closed' AND payload->>'organizationId' = $1`, [org.id])).toBe(1);
  });

  it('reverses a voucher once with opposite sides; the original is unchanged', async () => {
    const v = await post(voucher(org.id, '2025-02-14', '45.60', '541', '101'));
    const REVERSE = `mutation($i: ReverseVoucherInput!) { reverseVoucher(input: $i) { id kind number debitTotal reverses { id } lines { accountCode debit credit } } }`;
    const r = (await ok(cadreA, REVERSE, { i: { voucherId: v.id, date: '2025-02-15' } })).reverseVoucher;
    expect(r).toMatchObject({ kind: 'REVERSAL', debitTotal: '45.60', reverses: { id: v.id } });
    expect(r.lines).toEqual([
      { accountCode: '541', debit: '0.00', credit: '45.60' },
      { accountCode: '101', debit: '45.60', credit: '0.00' },
    ]);
    const again = await gql(cadreA, REVERSE, { i: { voucherId: v.id, date: '2025-02-16' } });
    expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'ALREADY_REVERSED' });
    const original = await ok(cadreA, `query($id: ID!) { voucher(id: $id) { lines { accountCode debit credit } reversedBy { id } } }`, { id: v.id });
    expect(original.voucher.reversedBy.id).toBe(r.id);
    expect(original.voucher.lines[0]).toEqual({ accountCode: '541', debit: '45.60', credit: '0.00' });
  });

  it('trial balance and balance sheet balance; earlier years carried on 322; statement count flat in postings', async () => {
    const feb = (await ok(cadreA, TB, { o: org.id, m: '2025-02' })).trialBalance;
    expect(feb).toMatchObject({ month: '2025-02', closed: false, balanced: true });
    const row = (code: string): any => feb.rows.find((r: any) => r.accountCode === code);
    // January: 102 +3000 + 500 (2024); 101 −1200; February: 101 +700 +100 −45.60 +45.60
    expect(row('102')).toMatchObject({ openingDebit: '3500.00', periodDebit: '0.00', closingDebit: '3500.00' });
    expect(row('101')).toMatchObject({ openingCredit: '1200.00', periodDebit: '845.60', periodCredit: '45.60', closingCredit: '400.00' });
    expect(row('502')).toMatchObject({ openingCredit: '3000.00', closingCredit: '3000.00' });
    // 101: 700 + 100 + 45.60 (the reversal); 541: 45.60
    expect(feb.periodDebit).toBe('891.20');
    expect(feb.periodCredit).toBe('891.20');
    const sheet = (await ok(cadreA, `query($o: ID!, $m: String!) { balanceSheet(organizationId: $o, month: $m) { balanced totalAssets totalLiabilities totalEquity yearSurplus } }`, { o: org.id, m: '2025-02' })).balanceSheet;
    // income 3000 + 700 + 100, expense 1200 → 2600; assets 3500 − 400 = 3100 = 500 capital + 2600
    expect(sheet).toEqual({ balanced: true, totalAssets: '3100.00', totalLiabilities: '0.00', totalEquity: '3100.00', yearSurplus: '2600.00' });
    const income = (await ok(cadreA, `query($o: ID!) { operatingIncome(organizationId: $o, year: 2025) { total months } }`, { o: org.id })).operatingIncome;
    expect(income.total).toBe('3700.00');
    expect(income.months.slice(0, 3)).toEqual(['3000.00', '700.00', '0.00']);
    const next = (await ok(cadreA, TB, { o: org.id, m: '2026-01' })).trialBalance;
    expect(next.rows.find((r: any) => r.accountCode === '322')).toMatchObject({ openingCredit: '2600.00' });
    expect(next.rows.find((r: any) => r.accountCode === '502')).toMatchObject({ openingCredit: '0.00', closingCredit: '0.00' });
    expect(next.balanced).toBe(true);
    const small = await countQueries(platform.subgraphs.economy, () => ok(cadreA, TB, { o: org.id, m: '2025-12' }));
    await bulkInsertPostings(ds, { id: org.id, villageCode: villageA }, 2000, { year: 2025, seed: 7 });
    const large = await countQueries(platform.subgraphs.economy, () => ok(cadreA, TB, { o: org.id, m: '2025-12' }));
    expect(large.count).toBe(small.count);
    expect(large.result.trialBalance.balanced).toBe(true);
    // closing months stores their totals: the same trial balances before and after, to the fen
    const before = await Promise.all(['2025-06', '2025-12', '2026-01'].map(async (m) => (await ok(cadreA, TB, { o: org.id, m })).trialBalance));
    for (let month = 2; month <= 11; month += 1) {
      await ok(cadreA, `mutation($i: ClosePeriodInput!) { closePeriod(input: $i) { month } }`, { i: { organizationId: org.id, month: `2025-${String(month).padStart(2, '0')}` } });
    }
    expect(await count('ledger_month_total', 'organization_id = $1', [org.id])).toBeGreaterThan(10);
    const after = await Promise.all(['2025-06', '2025-12', '2026-01'].map(async (m) => (await ok(cadreA, TB, { o: org.id, m })).trialBalance));
    expect(after.map((t) => ({ ...t, closed: undefined }))).toEqual(before.map((t) => ({ ...t, closed: undefined })));
    expect(after.map((t) => t.closed)).toEqual([true, false, false]);
  });
});

describe('property: random postings balance exactly', () => {
  it('3,000 random vouchers of 2–6 lines: totals in the trial balance equal the sums of what was posted, to the fen', async () => {
    const org = await register(villageB, { name: '乙村随机账合作社' });
    let state = 20251;
    const rand = (n: number): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    const codes = ['101', '102', '112', '202', '501', '502', '511', '522', '541', '551'];
    const vouchers: any[] = [];
    let debitTotal = 0n;
    const expectedIncome = Array.from({ length: 12 }, () => 0n);
    for (let i = 0; i < 3000; i += 1) {
      const n = 2 + rand(5);
      const amounts = Array.from({ length: n - 1 }, () => BigInt(1 + rand(9_999_999)));
      const sum = amounts.reduce((s, a) => s + a, 0n);
      const month = 1 + rand(12);
      const date = `2025-${String(month).padStart(2, '0')}-${String(1 + rand(28)).padStart(2, '0')}`;
      const debitSide = rand(2) === 0;
      const lines = amounts.map((a) => ({ accountCode: codes[rand(codes.length)], debitFen: debitSide ? a : 0n, creditFen: debitSide ? 0n : a }));
      lines.push({ accountCode: codes[rand(codes.length)], debitFen: debitSide ? 0n : sum, creditFen: debitSide ? sum : 0n });
      debitTotal += sum;
      for (const l of lines) if (['501', '502', '511'].includes(l.accountCode)) expectedIncome[month - 1] += l.creditFen - l.debitFen;
      vouchers.push({ date, summary: `随机 ${i}`, kind: 'MANUAL', lines });
    }
    await ds.transaction((m) => writeVouchers(m, { id: org.id, villageCode: villageB }, vouchers, { createdBy: 'property', events: false }));
    const dec = (await ok(cadreB, TB, { o: org.id, m: '2025-12' })).trialBalance;
    const toFen = (s: string): bigint => BigInt(s.replace('.', '').replace(/^(-?)0+(?=\d)/, '$1'));
    expect(dec.balanced).toBe(true);
    expect(dec.closingDebit).toBe(dec.closingCredit);
    // every month's debits, summed over the year, equal what was posted
    let monthly = 0n;
    for (let m = 1; m <= 12; m += 1) monthly += toFen((await ok(cadreB, TB, { o: org.id, m: `2025-${String(m).padStart(2, '0')}` })).trialBalance.periodDebit);
    expect(formatFen(monthly)).toBe(formatFen(debitTotal));
    // no postings before 2025: the year's closing balances are the year's movements, debits equal credits
    expect(dec.rows.reduce((sum: bigint, r: any) => sum + toFen(r.closingDebit) - toFen(r.closingCredit), 0n)).toBe(0n);
    const income = (await ok(cadreB, `query($o: ID!) { operatingIncome(organizationId: $o, year: 2025) { total months } }`, { o: org.id })).operatingIncome;
    expect(income.months).toEqual(expectedIncome.map((f) => formatFen(f)));
    // the roll-up's counters agree with the postings to the fen
    const counter = await ds.query(`SELECT coalesce(sum(income_fen), 0)::text AS s FROM economy_operating_income WHERE organization_id = $1 AND year = 2025`, [org.id]);
    expect(formatFen(BigInt(counter[0].s))).toBe(income.total);
  }, 120_000);
});

const ADMIT = `mutation($i: AdmitMemberInput!) { admitMember(input: $i) { id admittedOn version villageCode shares(asOf: "2026-01-01") { shareClass count } } }`;

describe('members and shares', () => {
  it('refuses a resident of another village, an unknown or deceased resident and negative shares, naming the rule; nothing written', async () => {
    const tables = ['economy_member', 'economy_share_holding', 'audit_log'];
    const before = await Promise.all(tables.map((t) => count(t)));
    const base = { organizationId: orgA.id, admittedOn: '2020-01-01', shares: [{ shareClass: 'POPULATION', count: 1 }] };
    const other = await gql(cadreA, ADMIT, { i: { ...base, residentId: residentB1 } });
    expect(other.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.residentId', rule: 'RESIDENT_OTHER_VILLAGE', value: residentB1 });
    const unknown = await gql(cadreA, ADMIT, { i: { ...base, residentId: unknownResident } });
    expect(unknown.errors![0].extensions).toMatchObject({ rule: 'RESIDENT_UNKNOWN' });
    const deceased = await gql(cadreA, ADMIT, { i: { ...base, residentId: deceasedA } });
    expect(deceased.errors![0].extensions).toMatchObject({ rule: 'RESIDENT_NOT_LIVING' });
    const negative = await gql(cadreA, ADMIT, { i: { ...base, residentId: residentA1, shares: [{ shareClass: 'POPULATION', count: -1 }] } });
    expect(negative.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.shares[0].count', rule: 'SHARES_NEGATIVE', value: -1 });
    expect(negative.errors![0].message).toMatch(/^股数不能为负.*\(A share count cannot be negative/);
    const badClass = await gql(cadreA, ADMIT, { i: { ...base, residentId: residentA1, shares: [{ shareClass: 'NO_SUCH', count: 1 }] } });
    expect(badClass.errors![0].extensions).toMatchObject({ rule: 'SHARE_CLASS_UNKNOWN' });
    expect(await Promise.all(tables.map((t) => count(t)))).toEqual(before);
  });

  it('keeps a member list reproducible at any date; shares change by dated rows; negative shares refused on change too', async () => {
    const m1 = (await ok(cadreA, ADMIT, { i: { organizationId: orgA.id, residentId: residentA1, admittedOn: '2020-01-01', shares: [{ shareClass: 'POPULATION', count: 1 }, { shareClass: 'LABOUR_YEARS', count: 3 }] } })).admitMember;
    const m2 = (await ok(cadreA, ADMIT, { i: { organizationId: orgA.id, residentId: residentA2, admittedOn: '2022-05-01', shares: [{ shareClass: 'POPULATION', count: 1 }] } })).admitMember;
    const twice = await gql(cadreA, ADMIT, { i: { organizationId: orgA.id, residentId: residentA1, admittedOn: '2021-01-01', shares: [] } });
    expect(twice.errors![0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'MEMBER_ALREADY_ADMITTED' });
    const SET = `mutation($i: SetMemberSharesInput!) { setMemberShares(input: $i) { version } }`;
    const neg = await gql(cadreA, SET, { i: { memberId: m1.id, expectedVersion: m1.version, effectiveOn: '2023-01-01', shares: [{ shareClass: 'LABOUR_YEARS', count: -2 }] } });
    expect(neg.errors![0].extensions).toMatchObject({ rule: 'SHARES_NEGATIVE' });
    await ok(cadreA, SET, { i: { memberId: m1.id, expectedVersion: m1.version, effectiveOn: '2023-01-01', shares: [{ shareClass: 'LABOUR_YEARS', count: 5 }] } });
    const stale = await gql(cadreA, SET, { i: { memberId: m1.id, expectedVersion: m1.version, effectiveOn: '2024-01-01', shares: [{ shareClass: 'LABOUR_YEARS', count: 6 }] } });
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 1, currentVersion: 2 });
    await ok(cadreA, `mutation($i: ExitMemberInput!) { exitMember(input: $i) { id } }`, { i: { memberId: m2.id, expectedVersion: m2.version, exitedOn: '2024-03-01', reason: '迁出本村' } });
    const LIST = `query($o: ID!, $d: LocalDate) { members(organizationId: $o, asOf: $d) { totalCount nodes { id exitedOn totalShares(asOf: $d) } } }`;
    const at = async (d: string): Promise<any> => (await ok(cadreA, LIST, { o: orgA.id, d })).members;
    expect((await at('2019-12-31')).totalCount).toBe(0);
    expect((await at('2022-12-31')).nodes).toEqual([
      { id: m1.id, exitedOn: null, totalShares: 4 },
      { id: m2.id, exitedOn: '2024-03-01', totalShares: 1 },
    ]);
    expect((await at('2023-06-30')).nodes.map((n: any) => n.totalShares)).toEqual([6, 1]);
    expect((await at('2024-03-01')).nodes.map((n: any) => n.id)).toEqual([m1.id]);
    // the same answer again: nothing was updated in place
    expect((await at('2022-12-31')).nodes).toEqual([
      { id: m1.id, exitedOn: null, totalShares: 4 },
      { id: m2.id, exitedOn: '2024-03-01', totalShares: 1 },
    ]);
  });

  it('Resident.memberships through the gateway: the village cadre sees them, a cadre of another village sees none', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Resident { memberships { id organization { id } } } } }`;
    const mine = await subgraphQuery(cadreA, q, { r: [{ __typename: 'Resident', id: residentA1 }] });
    expect(mine.data._entities[0].memberships.map((m: any) => m.organization.id)).toEqual([orgA.id]);
    const theirs = await subgraphQuery(cadreB, q, { r: [{ __typename: 'Resident', id: residentA1 }] });
    expect(theirs.data._entities[0].memberships).toEqual([]);
  });
});

describe('distribution', () => {
  let org: any;
  const DIST = `id year netSurplus reserve surplus rounding policySource memberCount parts { part amount weight totalShares fallback } members { memberId guaranteedDividend profitDividend wages landRent total } voucher { kind debitTotal lines { accountCode debit credit } }`;
  const RUN = `mutation($i: RunDistributionInput!) { runDistribution(input: $i) { ${DIST} } }`;
  const cadreC: Actor = { id: 'books-cadre-c', roles: [Role.VILLAGE_CADRE], scope: villageC };
  const toFen = (s: string): bigint => BigInt(s.replace('.', ''));

  beforeAll(async () => {
    org = await register(villageC, { name: '丙村分配合作社', developmentModel: 'LAND' });
    // 2025: income 12,345.67 + 2,000.01, expense 1,000.00 → net 13,345.68
    await post(voucher(org.id, '2025-04-01', '12345.67', '102', '502'), cadreC);
    await post(voucher(org.id, '2025-05-01', '2000.01', '101', '501'), cadreC);
    await post(voucher(org.id, '2025-06-01', '1000.00', '541', '101'), cadreC);
    for (const [i, r] of residentsC.entries()) {
      await ok(cadreC, ADMIT, { i: { organizationId: org.id, residentId: r, admittedOn: '2020-01-01', shares: [{ shareClass: 'POPULATION', count: 1 + (i % 3) }, ...(i % 2 ? [{ shareClass: 'LABOUR_YEARS', count: i }] : [])] } });
    }
  });

  it('splits the surplus by the baseline policy; parts and every member’s amounts sum to it to the fen; booked with a voucher', async () => {
    const d = (await ok(cadreC, RUN, { i: { organizationId: org.id, year: 2025, date: '2026-01-15' } })).runDistribution;
    expect(d).toMatchObject({ year: 2025, netSurplus: '13345.68', reserve: '1334.56', surplus: '12011.12', policySource: 'baseline', memberCount: 7 });
    expect(d.rounding).toMatch(/^LARGEST_REMAINDER/);
    expect(d.parts.map((p: any) => p.part)).toEqual(['GUARANTEED_DIVIDEND', 'PROFIT_DIVIDEND', 'WAGES', 'LAND_RENT']);
    expect(d.parts.reduce((s: bigint, p: any) => s + toFen(p.amount), 0n)).toBe(toFen(d.surplus));
    expect(d.members).toHaveLength(7);
    expect(d.members.reduce((s: bigint, m: any) => s + toFen(m.total), 0n)).toBe(toFen(d.surplus));
    for (const m of d.members) expect(toFen(m.guaranteedDividend) + toFen(m.profitDividend) + toFen(m.wages) + toFen(m.landRent)).toBe(toFen(m.total));
    for (const part of ['guaranteedDividend', 'profitDividend', 'wages', 'landRent']) {
      const name = { guaranteedDividend: 'GUARANTEED_DIVIDEND', profitDividend: 'PROFIT_DIVIDEND', wages: 'WAGES', landRent: 'LAND_RENT' }[part] as string;
      expect(d.members.reduce((s: bigint, m: any) => s + toFen(m[part]), 0n)).toBe(toFen(d.parts.find((p: any) => p.part === name).amount));
    }
    expect(d.voucher).toMatchObject({ kind: 'DISTRIBUTION', debitTotal: '12011.12' });
    expect(d.voucher.lines[0]).toEqual({ accountCode: '322', debit: '12011.12', credit: '0.00' });
    expect(await count('economy_event', `name = 'economy.distribution.completed' AND payload->>'organizationId' = $1`, [org.id])).toBe(1);
  });

  it('refuses a second distribution for the same year, writing nothing', async () => {
    const tables = ['economy_distribution', 'economy_distribution_line', 'ledger_voucher', 'ledger_posting', 'economy_event', 'audit_log'];
    const before = await Promise.all(tables.map((t) => count(t)));
    const again = await gql(cadreC, RUN, { i: { organizationId: org.id, year: 2025, date: '2026-01-16' } });
    expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.year', rule: 'DISTRIBUTION_EXISTS', value: 2025 });
    expect(again.errors![0].message).toMatch(/^该组织2025年度已进行收益分配.*\(The organisation's 2025 surplus was already distributed/);
    expect(await Promise.all(tables.map((t) => count(t)))).toEqual(before);
  });

  it('above the county’s major-matter threshold a distribution needs an adopted matter', async () => {
    const big = await register(villageA, { name: '甲村大额分配合作社' });
    await post(voucher(big.id, '2025-07-01', '90000.00', '102', '502'));
    await ok(cadreA, ADMIT, { i: { organizationId: big.id, residentId: residentA3, admittedOn: '2020-01-01', shares: [{ shareClass: 'POPULATION', count: 2 }] } });
    const before = await count('economy_distribution');
    const refused = await gql(cadreA, RUN, { i: { organizationId: big.id, year: 2025, date: '2026-01-15' } });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.majorMatterId', rule: 'MAJOR_MATTER_REQUIRED' });
    expect(await count('economy_distribution')).toBe(before);
    // 四议两公开: proposal, two committees, Party members, villagers' meeting — then the distribution goes through
    const MATTER = 'id version outcome';
    let m = (await ok(cadreA, `mutation($i: ProposeMajorMatterInput!) { proposeMajorMatter(input: $i) { ${MATTER} } }`, { i: { villageCode: villageA, title: '2025年度收益分配方案', subject: 'DISTRIBUTION', amount: '81000.00', proposedOn: '2026-01-02' } })).proposeMajorMatter;
    const advance = async (step: string, heldOn: string, extra: Record<string, unknown> = {}): Promise<any> =>
      (await ok(cadreA, `mutation($i: AdvanceMajorMatterInput!) { advanceMajorMatter(input: $i) { ${MATTER} } }`, { i: { id: m.id, expectedVersion: m.version, step, heldOn, ...extra } })).advanceMajorMatter;
    m = await advance('DELIBERATED', '2026-01-05');
    m = await advance('REVIEWED', '2026-01-08');
    m = await advance('RESOLVED', '2026-01-12', { membersEntitled: 40, attendance: 30, votesFor: 25, votesAgainst: 3, votesAbstain: 2 });
    expect(m.outcome).toBe('ADOPTED');
    const d = (await ok(cadreA, RUN, { i: { organizationId: big.id, year: 2025, date: '2026-01-15', majorMatterId: m.id } })).runDistribution;
    // 90,000.00 less the 10 % reserve
    expect(d).toMatchObject({ surplus: '81000.00', memberCount: 1 });
    expect(d.members).toEqual([{ memberId: expect.any(String), guaranteedDividend: '24300.00', profitDividend: '32400.00', wages: '16200.00', landRent: '8100.00', total: '81000.00' }]);
    expect(d.parts.find((p: any) => p.part === 'WAGES')).toMatchObject({ fallback: true, totalShares: 2 });
  });
});

describe('roll-up and scope', () => {
  const ROLLUP = `query($c: ID!) { region(code: $c) { collectiveEconomy(year: 2025) { operatingIncome villages weakVillages organizations weakThreshold weakVillageCodes areas { regionCode operatingIncome villages weakVillages } } } }`;

  it('Region.collectiveEconomy equals the sum of the villages’ ledgers; statements flat in the number of villages', async () => {
    const orgs = (await ok(admin, `query($r: String!) { collectiveOrganizations(regionCode: $r, first: 100) { nodes { id villageCode } } }`, { r: county })).collectiveOrganizations.nodes;
    let total = 0n;
    const perVillage = new Map<string, bigint>();
    for (const o of orgs) {
      const income = toFenAmount((await ok(admin, `query($o: ID!) { operatingIncome(organizationId: $o, year: 2025) { total } }`, { o: o.id })).operatingIncome.total);
      total += income;
      perVillage.set(o.villageCode, (perVillage.get(o.villageCode) ?? 0n) + income);
    }
    const small = await countQueries(platform.subgraphs.economy, () => ok(admin, ROLLUP, { c: county }));
    const economyOf = small.result.region.collectiveEconomy;
    expect(toFenAmount(economyOf.operatingIncome)).toBe(total);
    expect(economyOf.weakThreshold).toBe('30000.00');
    const weak = [...perVillage.entries()].filter(([, f]) => f < 3_000_000n).map(([v]) => v);
    expect(economyOf.weakVillageCodes).toEqual(expect.arrayContaining(weak));
    expect(economyOf.areas).toEqual([{ regionCode: township, operatingIncome: economyOf.operatingIncome, villages: economyOf.villages, weakVillages: economyOf.weakVillages }]);
    const byTownship = (await ok(admin, ROLLUP, { c: township })).region.collectiveEconomy;
    expect(byTownship.areas.reduce((s: bigint, a: any) => s + toFenAmount(a.operatingIncome), 0n)).toBe(total);
    // more villages with books: the same number of statements
    for (const code of ['990103101204', '990103101205']) {
      await fixtures.village({ code });
      const o = await register(code);
      await post(voucher(o.id, '2025-08-01', '31000.00', '102', '502'), { id: 'books-cadre-x', roles: [Role.VILLAGE_CADRE], scope: code });
    }
    const large = await countQueries(platform.subgraphs.economy, () => ok(admin, ROLLUP, { c: county }));
    expect(large.result.region.collectiveEconomy.villages).toBe(economyOf.villages + 2);
    expect(toFenAmount(large.result.region.collectiveEconomy.operatingIncome)).toBe(total + 6_200_000n);
    expect(large.count).toBe(small.count);
  });

  it('collectiveOrganizations and members list in a constant number of statements', async () => {
    const q = `query($r: String!, $n: Int!) { collectiveOrganizations(regionCode: $r, first: $n) { totalCount nodes { id children { id } accounts { code } closedThrough village { code } } } }`;
    const one = await countQueries(platform.subgraphs.economy, () => ok(admin, q, { r: county, n: 1 }));
    const all = await countQueries(platform.subgraphs.economy, () => ok(admin, q, { r: county, n: 100 }));
    expect(all.result.collectiveOrganizations.nodes.length).toBeGreaterThan(5);
    expect(all.count).toBe(one.count);
    const [c] = (await ds.query(`SELECT organization_id::text AS id FROM economy_member GROUP BY organization_id ORDER BY count(*) DESC LIMIT 1`)) as { id: string }[];
    const m = `query($o: ID!, $n: Int!) { members(organizationId: $o, first: $n, asOf: "2026-01-01") { totalCount nodes { id exitedOn exitReason totalShares shares { shareClass count } resident { id } organization { id } } } }`;
    const few = await countQueries(platform.subgraphs.economy, () => ok(admin, m, { o: c.id, n: 1 }));
    const many = await countQueries(platform.subgraphs.economy, () => ok(admin, m, { o: c.id, n: 100 }));
    expect(many.result.members.nodes.length).toBe(7);
    expect(many.count).toBe(few.count);
  });

  it('a village cadre of village B sees nothing of village A: by id, in lists, in the roll-up, via _entities', async () => {
    const byId = await gql(cadreB, `query($id: ID!) { collectiveOrganization(id: $id) { id } }`, { id: orgA.id });
    expect(codeOf(byId)).toBe('NOT_FOUND');
    const tb = await gql(cadreB, TB, { o: orgA.id, m: '2025-01' });
    expect(codeOf(tb)).toBe('NOT_FOUND');
    const list = (await ok(cadreB, `query($r: String!) { collectiveOrganizations(regionCode: $r, first: 100) { nodes { villageCode } } }`, { r: county })).collectiveOrganizations.nodes;
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((o: any) => o.villageCode === villageB)).toBe(true);
    const rolled = (await ok(cadreB, ROLLUP, { c: county })).region.collectiveEconomy;
    expect(rolled.villages).toBe(1);
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on CollectiveOrganization { id villageCode } } }`;
    const answer = await subgraphQuery(cadreB, entities, { r: [{ __typename: 'CollectiveOrganization', id: orgA.id }, { __typename: 'CollectiveOrganization', id: orgB.id }] });
    expect(answer.data._entities).toEqual([null, { id: orgB.id, villageCode: villageB }]);
    const write = await gql(cadreB, POST, { i: voucher(orgA.id, '2025-09-01', '1.00') });
    expect(codeOf(write)).toBe('NOT_FOUND');
  });
});

function toFenAmount(yuan: string): bigint {
  const negative = yuan.startsWith('-');
  const [whole, dec] = yuan.replace('-', '').split('.');
  const f = BigInt(whole) * 100n + BigInt(dec);
  return negative ? -f : f;
}

describe('schema', () => {
  it('describes every type, field, argument and enum value of organisations, members, ledger, roll-up and distribution in both languages', async () => {
    const { __schema } = await ok(admin, `{ __schema { types { name kind description fields { name description args { name description } } inputFields { name description } enumValues { name description } } } }`);
    const ours =
      /^(CollectiveOrganization(Status|Connection|Edge)?|DevelopmentModel|(Register|Update)CollectiveOrganizationInput|LedgerAccount|AccountCategory|IncomeKind|Voucher(Kind|Line|LineInput|Connection|Edge)?|LedgerPeriod|TrialBalance(Row)?|BalanceSheet(Line)?|OperatingIncome|(Post|Reverse)VoucherInput|ClosePeriodInput|ShareClass|CollectiveMember(Connection|Edge)?|ShareHolding|ShareInput|(Admit|Exit)MemberInput|SetMemberSharesInput|CollectiveEconomy(Area)?|Distribution(Part|PartResult|MemberShare)?|RunDistributionInput)$/;
    const bilingual = (d: string | null | undefined): boolean => !!d && /[\u4e00-\u9fff]/.test(d) && /\/ [A-Za-z0-9"“]/.test(d);
    const missing: string[] = [];
    const types = __schema.types.filter((t: any) => ours.test(t.name));
    expect(types.length).toBeGreaterThan(35);
    for (const t of types) {
      if (!bilingual(t.description)) missing.push(t.name);
      for (const f of [...(t.fields ?? []), ...(t.inputFields ?? [])]) {
        if (!bilingual(f.description)) missing.push(`${t.name}.${f.name}`);
        for (const a of f.args ?? []) if (!bilingual(a.description)) missing.push(`${t.name}.${f.name}(${a.name})`);
      }
      for (const v of t.enumValues ?? []) if (!bilingual(v.description)) missing.push(`${t.name}.${v.name}`);
    }
    const field = (type: string, names: string[]): any[] => __schema.types.find((t: any) => t.name === type).fields.filter((f: any) => names.includes(f.name));
    const roots = [
      ...field('Query', ['collectiveOrganizations', 'collectiveOrganization', 'voucher', 'vouchers', 'trialBalance', 'balanceSheet', 'operatingIncome', 'members', 'shareClasses', 'distribution']),
      ...field('Mutation', ['registerCollectiveOrganization', 'updateCollectiveOrganization', 'postVoucher', 'reverseVoucher', 'closePeriod', 'admitMember', 'exitMember', 'setMemberShares', 'runDistribution']),
      ...field('Region', ['collectiveEconomy', 'collectiveOrganizations']),
      ...field('Resident', ['memberships']),
    ];
    expect(roots).toHaveLength(22);
    for (const f of roots) {
      if (!bilingual(f.description)) missing.push(f.name);
      for (const a of f.args) if (!bilingual(a.description)) missing.push(`${f.name}(${a.name})`);
    }
    expect(missing).toEqual([]);
  });
});
