/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON, checked field by field with expect() */
import { subgraph as grids } from '@xiangzhi/grids';
import { Role, signInternalToken, type Actor } from '@xiangzhi/kernel';
import { withCheckChar } from '@xiangzhi/economy-api';
import { countQueries, graphqlClient, rowCounter, startTestPlatform, TEST_SECRETS, testFixtures, type TestPlatform } from '@xiangzhi/testing';
import type { DataSource } from 'typeorm';
import { subgraph as economy } from '../index';
import { bulkInsertPostings } from './bulk';

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
const officer: Actor = { id: 'books-officer', roles: [Role.TOWNSHIP_OFFICER], scope: township };
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

beforeAll(async () => {
  platform = await startTestPlatform({ subgraphs: [grids, economy] });
  ds = platform.subgraphs.economy.db.dataSource;
  for (const code of [villageA, villageB, villageC]) await fixtures.village({ code });
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
