import { subgraph as civility } from '@xiangzhi/civility';
import { subgraph as grids } from '@xiangzhi/grids';
import { Role, type Actor } from '@xiangzhi/kernel';
import { graphqlClient, rowCounter, startTestPlatform, type TestPlatform } from '@xiangzhi/testing';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are read field by field */

/**
 * Grids and civility behind the real gateway on the demo data: the red and black list of a Jiangxi
 * demo village, household balances equal to approved entries minus redemptions, a second seed that
 * writes nothing, and 20 concurrent redemptions against a balance that covers 5.
 */
const village = '360722101200';
const countyAdmin: Actor = { id: 'e2e-county-admin', roles: [Role.COUNTY_ADMIN], scope: '360722000000' };
const cadre: Actor = { id: 'e2e-cadre', roles: [Role.VILLAGE_CADRE], scope: village };

describe('gateway + grids + civility on demo data (end to end)', () => {
  let platform: TestPlatform;
  const { ok, gql } = graphqlClient<any>(() => platform);
  const rows = rowCounter(() => platform.subgraphs.civility.db.dataSource);
  const sql = (text: string, params: unknown[] = []) => platform.subgraphs.civility.db.dataSource.query(text, params) as Promise<any[]>;

  beforeAll(async () => {
    platform = await startTestPlatform({ subgraphs: [grids, civility], seed: true });
  }, 300_000);
  afterAll(() => platform?.stop());

  it('shows the published 2025-11 red and black list of 360722101200 through the gateway', async () => {
    const data = await ok(cadre, `{ region(code: "${village}") { name redBlackList(month: "2025-11") { published red { household { id number } points } black { household { id } rule } } } }`);
    const list = data.region.redBlackList;
    expect(data.region.name).toBe('坑口村');
    expect(list.published).toBe(true);
    expect(list.red.length).toBe(10);
    expect(list.red.every((r: any) => typeof r.household.number === 'string')).toBe(true);
    const stored = await sql(`SELECT r.household_id::text AS id, r.points FROM red_black_list l JOIN red_black_list_row r ON r.list_id = l.id WHERE l.village_code = $1 AND l.month = '2025-11' AND r.kind = 'RED' ORDER BY r.position`, [village]);
    expect(list.red.map((r: any) => ({ id: r.household.id, points: r.points }))).toEqual(stored);
    const points = list.red.map((r: any) => r.points);
    expect(points).toEqual([...points].sort((a: number, b: number) => b - a));
  });

  it('Household.civility.balance equals the approved entries minus redemptions for every household shown', async () => {
    const data = await ok(countyAdmin, `{ households(regionCode: "${village}", first: 100) { nodes { id civility { balance stars(year: 2025) } } } }`);
    const expected = await sql(
      `SELECT h.household_id::text AS id,
         (SELECT coalesce(sum(points), 0) FROM points_entry e WHERE e.household_id = h.household_id AND e.status = 'APPROVED')::int
         - (SELECT coalesce(sum(points), 0) FROM redemption r WHERE r.household_id = h.household_id)::int AS balance
       FROM household_points h WHERE h.village_code = $1`,
      [village],
    );
    const byId = new Map(expected.map((e) => [e.id, e.balance]));
    expect(data.households.nodes.length).toBeGreaterThan(50);
    for (const h of data.households.nodes) expect(h.civility.balance).toBe(byId.get(h.id) ?? 0);
    expect(data.households.nodes.some((h: any) => h.civility.stars > 0)).toBe(true);
  });

  it('a second seed writes nothing', async () => {
    const tables = ['village_rules', 'points_rule', 'points_entry', 'household_points', 'household_month_points', 'market_item', 'redemption', 'red_black_list', 'red_black_list_row', 'star_rating', 'practice_activity', 'volunteer_hours', 'role_model_nomination'];
    const before = await Promise.all(tables.map((t) => rows(t)));
    expect(before.every((n) => n > 0)).toBe(true);
    await platform.subgraphs.civility.seed();
    expect(await Promise.all(tables.map((t) => rows(t)))).toEqual(before);
  });

  it('20 concurrent redemptions against a balance that covers 5: exactly 5 succeed, the balance ends right, never negative', async () => {
    const LIST = `{ households(regionCode: "${village}", first: 100) { nodes { id civility { balance } } } }`;
    const shown = (await ok(cadre, LIST)).households.nodes.map((n: any) => ({ id: n.id, balance: n.civility.balance }));
    const h = shown.find((n: any) => n.balance >= 25);
    const price = Math.floor(h.balance / 5);
    const item = (await ok(cadre, `mutation($i: CreateMarketItemInput!) { createMarketItem(input: $i) { id } }`, { i: { villageCode: village, name: '并发测试商品', price, stock: 100 } })).createMarketItem.id;
    const results = await Promise.all(Array.from({ length: 20 }, () => gql(cadre, `mutation($i: RedeemPointsInput!) { redeemPoints(input: $i) { balanceAfter } }`, { i: { householdId: h.id, itemId: item } })));
    expect(results.filter((r) => !r.errors)).toHaveLength(5);
    expect(results.filter((r) => r.errors).map((r) => r.errors?.[0]?.extensions?.rule)).toEqual(Array(15).fill('BALANCE_INSUFFICIENT'));
    const after = await ok(cadre, LIST);
    const balance = after.households.nodes.find((n: any) => n.id === h.id).civility.balance;
    expect(balance).toBe(h.balance - 5 * price);
    expect(balance).toBeGreaterThanOrEqual(0);
  });
});
