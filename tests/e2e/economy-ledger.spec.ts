/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON, checked field by field with expect() */
import { subgraph as economy } from '@xiangzhi/economy';
import { subgraph as grids } from '@xiangzhi/grids';
import { parseYuan } from '@xiangzhi/economy-api';
import { Role, type Actor } from '@xiangzhi/kernel';
import { countQueries, startTestPlatform, type TestPlatform } from '@xiangzhi/testing';

/**
 * The collective economy's roll-up through the real gateway on the demo data: 七星关区's operating
 * income for 2025 equals the sum of its villages' ledgers (the postings of 经营收入、发包及上交收入、
 * 投资收益), its weak villages are those under the 30,000 CNY baseline line, and the number of SQL
 * statements does not grow with the number of villages.
 */
const qixingguan = '520502000000';
const admin: Actor = { id: 'e2e-economy-admin', roles: [Role.COUNTY_ADMIN], scope: qixingguan };
const ROLLUP = `query($c: ID!) { region(code: $c) { collectiveEconomy(year: 2025) { operatingIncome villages weakVillages organizations weakThreshold areas { regionCode operatingIncome villages weakVillages } } } }`;

describe('economy roll-up through the gateway on the demo data (end to end)', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ subgraphs: [grids, economy], seed: true });
  }, 300_000);
  afterAll(() => platform?.stop());

  it('{ region(code: "520502000000") { collectiveEconomy(year: 2025) { operatingIncome villages weakVillages } } } equals the sum of the villages’ ledgers', async () => {
    const res = await platform.query<any>('{ region(code: "520502000000") { collectiveEconomy(year: 2025) { operatingIncome villages weakVillages } } }', {}, admin);
    expect(res.errors).toBeUndefined();
    const answer = res.data.region.collectiveEconomy;
    // the ledgers themselves: every village's postings on its operating-income accounts in 2025
    const ledgers = (await platform.subgraphs.economy.db.dataSource.query(
      `SELECT v.code, coalesce(sum(p.credit_fen - p.debit_fen), 0)::text AS income
       FROM region_ref v
       LEFT JOIN collective_organization o ON o.village_code = v.code
       LEFT JOIN ledger_account a ON a.organization_id = o.id AND a.income_kind = 'OPERATING'
       LEFT JOIN ledger_posting p ON p.organization_id = o.id AND p.account_code = a.code AND p.posted_on BETWEEN '2025-01-01' AND '2025-12-31'
       WHERE v.level = 'VILLAGE' AND v.code LIKE '520502%' AND v.valid_from <= '2025-12-31' AND (v.valid_to IS NULL OR v.valid_to > '2025-01-01')
       GROUP BY v.code`,
    )) as { code: string; income: string }[];
    expect(ledgers.length).toBeGreaterThan(100);
    const total = ledgers.reduce((s, r) => s + BigInt(r.income), 0n);
    expect(parseYuan(answer.operatingIncome)).toBe(total);
    expect(answer.villages).toBe(ledgers.length);
    expect(answer.weakVillages).toBe(ledgers.filter((r) => BigInt(r.income) < 3_000_000n).length);
    // realistic spread: some weak villages, some over 1,000,000 CNY
    expect(answer.weakVillages).toBeGreaterThan(0);
    expect(ledgers.some((r) => BigInt(r.income) > 100_000_000n)).toBe(true);
    // consumers learn the same figures: one economy.income.recorded per organisation and month of the demo
    const [events] = (await platform.subgraphs.economy.db.dataSource.query(
      `SELECT count(*)::int AS n, coalesce(sum((payload->>'operatingIncomeFen')::bigint), 0)::text AS fen FROM economy_event WHERE name = 'economy.income.recorded' AND payload->>'villageCode' LIKE '520502%' AND (payload->>'year')::int = 2025`,
    )) as { n: number; fen: string }[];
    expect(events.n).toBeGreaterThan(0);
    expect(BigInt(events.fen)).toBe(total);
  });

  it('rolls up village → township → county: the townships sum to the county; one organisation’s operatingIncome matches its ledger', async () => {
    const county = (await platform.query<any>(ROLLUP, { c: qixingguan }, admin)).data.region.collectiveEconomy;
    expect(county.weakThreshold).toBe('30000.00');
    expect(county.areas.length).toBeGreaterThan(1);
    expect(county.areas.reduce((s: bigint, a: any) => s + parseYuan(a.operatingIncome), 0n)).toBe(parseYuan(county.operatingIncome));
    expect(county.areas.reduce((s: number, a: any) => s + a.weakVillages, 0)).toBe(county.weakVillages);
    const township = county.areas[0];
    const down = (await platform.query<any>(ROLLUP, { c: township.regionCode }, admin)).data.region.collectiveEconomy;
    expect(down.operatingIncome).toBe(township.operatingIncome);
    expect(down.areas.reduce((s: bigint, a: any) => s + parseYuan(a.operatingIncome), 0n)).toBe(parseYuan(township.operatingIncome));
    const orgs = (await platform.query<any>(`query($r: String!) { collectiveOrganizations(regionCode: $r, first: 3) { nodes { id villageCode } } }`, { r: township.regionCode }, admin)).data.collectiveOrganizations.nodes;
    for (const o of orgs) {
      const income = (await platform.query<any>(`query($o: ID!) { operatingIncome(organizationId: $o, year: 2025) { total } }`, { o: o.id }, admin)).data.operatingIncome.total;
      expect(down.areas.find((a: any) => a.regionCode === o.villageCode).operatingIncome).toBe(income);
    }
  });

  it('the county roll-up runs as many SQL statements as a township’s (flat in the number of villages)', async () => {
    const county = await countQueries(platform.subgraphs.economy, () => platform.query<any>(ROLLUP, { c: qixingguan }, admin));
    const firstTownship = county.result.data.region.collectiveEconomy.areas[0].regionCode;
    const township = await countQueries(platform.subgraphs.economy, () => platform.query<any>(ROLLUP, { c: firstTownship }, admin));
    expect(county.result.data.region.collectiveEconomy.villages).toBeGreaterThan(township.result.data.region.collectiveEconomy.villages);
    expect(county.count).toBe(township.count);
    expect(county.count).toBeLessThanOrEqual(2);
  });

  it('a distribution of the demo sums to its surplus to the fen', async () => {
    const [row] = (await platform.subgraphs.economy.db.dataSource.query(
      `SELECT d.organization_id::text AS org, d.surplus_fen::text AS surplus, (SELECT sum(amount_fen) FROM economy_distribution_line l WHERE l.distribution_id = d.id)::text AS paid
       FROM economy_distribution d WHERE d.village_code LIKE '520502%' ORDER BY d.member_count DESC LIMIT 1`,
    )) as { org: string; surplus: string; paid: string }[];
    expect(row).toBeDefined();
    expect(row.paid).toBe(row.surplus);
    const d = (await platform.query<any>(`query($o: ID!) { distribution(organizationId: $o, year: 2025) { surplus members { total } voucher { debitTotal } } }`, { o: row.org }, admin)).data.distribution;
    expect(d.members.reduce((s: bigint, m: any) => s + parseYuan(m.total), 0n)).toBe(parseYuan(d.surplus));
    expect(d.voucher.debitTotal).toBe(d.surplus);
  });
});
