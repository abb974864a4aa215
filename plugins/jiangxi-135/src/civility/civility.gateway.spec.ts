import { subgraph as civility } from '@xiangzhi/civility';
import { subgraph as grids } from '@xiangzhi/grids';
import { composeIdNumber } from '@xiangzhi/grids-api';
import type { Actor } from '@xiangzhi/kernel';
import { actors, startPluginTestPlatform, type PluginTestPlatform } from '@xiangzhi/testing';
import plugin from '../index';

/** 农户文明积分 and 红黑榜 through the gateway: the pilot county's catalogue and lists are the plugin's; another county's the national ones. */
describe('jiangxi-135 in civility (gateway)', () => {
  let p: PluginTestPlatform;
  beforeAll(async () => {
    p = await startPluginTestPlatform({ plugin, subgraphs: [grids, civility] });
    await p.fixtures.village({ code: p.county.village() });
    await p.fixtures.village({ code: p.control.village() });
    here = await household(actors.countyAdmin(p.county.code), p.county.village(), 1);
    there = await household(actors.countyAdmin(p.control.code), p.control.village(), 2);
    await p.drainEvents();
  }, 180_000);
  afterAll(() => p?.stop());

  const RULES = `query($r: String!) { pointsRules(regionCode: $r, on: "2026-05-20") { id code points monthlyCap source } }`;
  let here: string;
  let there: string;

  /** A household with its head, registered in grids (civility learns it from grids' events). */
  async function household(admin: Actor, villageCode: string, n: number): Promise<string> {
    const h = await p.client.ok<{ createHousehold: { id: string } }>(admin, `mutation($i: CreateHouseholdInput!) { createHousehold(input: $i) { id } }`, { i: { villageCode, number: String(n), address: `${n}号` } });
    await p.client.ok(admin, `mutation($i: RegisterResidentInput!) { registerResident(input: $i) { id } }`, {
      i: { householdId: h.createHousehold.id, name: `户主${n}`, idNumber: composeIdNumber(villageCode.slice(0, 6), '1970-03-03', n), relationToHead: 'HEAD' },
    });
    return h.createHousehold.id;
  }

  /** Records and approves a deduction (a village cadre records, the county administrator approves). */
  async function deduct(county: string, villageCode: string, householdId: string, ruleCode: string): Promise<void> {
    const e = await p.client.ok<{ recordPoints: { id: string } }>(actors.villageCadre(villageCode), `mutation($i: RecordPointsInput!) { recordPoints(input: $i) { id } }`, {
      i: { householdId, ruleCode, occurredOn: '2026-04-10', evidence: '现场照片' },
    });
    await p.client.ok(actors.countyAdmin(county), `mutation($i: ApprovePointsInput!) { approvePoints(input: $i) { id } }`, { i: { entryId: e.recordPoints.id, approve: true } });
  }

  type Rule = { id: string | null; code: string; points: number; monthlyCap: number | null; source: string };

  it('lists the 520 civilisation market and 移风易俗 rules in the pilot county’s catalogue, none elsewhere', async () => {
    const here = (await p.client.ok<{ pointsRules: Rule[] }>(actors.countyAdmin(p.county.code), RULES, { r: p.county.code })).pointsRules;
    expect(here.find((r) => r.code === 'JX-520-MARKET')).toEqual({ id: null, code: 'JX-520-MARKET', points: 5, monthlyCap: 20, source: 'jiangxi-135' });
    expect(here.filter((r) => r.source === 'jiangxi-135').map((r) => r.code)).toEqual([
      'JX-520-MARKET',
      'JX-NEW-WEDDING',
      'JX-SIMPLE-FUNERAL',
      'JX-CARE',
      'JX-BAD-LAVISH',
      'JX-BAD-VICE',
      'JX-BAD-SUPERSTITION',
    ]);
    const there = (await p.client.ok<{ pointsRules: Rule[] }>(actors.countyAdmin(p.control.code), RULES, { r: p.control.code })).pointsRules;
    expect(there.filter((r) => r.source === 'jiangxi-135')).toEqual([]);
  });

  it('puts a household with a 5-point 封建迷信 deduction on the pilot county’s black list; the national list ignores the same deduction', async () => {
    // the pilot county: the plugin's own rule (created on first use); the control county: the same rule in its own catalogue
    await deduct(p.county.code, p.county.village(), here, 'JX-BAD-SUPERSTITION');
    await p.client.ok(actors.countyAdmin(p.control.code), `mutation($i: DefinePointsRuleInput!) { definePointsRule(input: $i) { id } }`, {
      i: { regionCode: p.control.code, code: 'JX-BAD-SUPERSTITION', description: '搞封建迷信活动', points: -5, evidenceRequired: true, effectiveFrom: '2026-01-01' },
    });
    await deduct(p.control.code, p.control.village(), there, 'JX-BAD-SUPERSTITION');
    type List = { publishRedBlackList: { villageCode: string; month: string; policy: string; black: { household: { id: string }; rule: string; points: number }[] } };
    const PUBLISH_WITH_ROWS = `mutation($i: PublishRedBlackListInput!) { publishRedBlackList(input: $i) { villageCode month policy black { household { id } rule points } } }`;
    const pilot = await p.client.ok<List>(actors.countyAdmin(p.county.code), PUBLISH_WITH_ROWS, { i: { villageCode: p.county.village(), month: '2026-04' } });
    expect(pilot.publishRedBlackList).toEqual({ villageCode: p.county.village(), month: '2026-04', policy: 'jiangxi-135', black: [{ household: { id: here }, rule: 'JX-BAD-SUPERSTITION', points: -5 }] });
    const control = await p.client.ok<List>(actors.countyAdmin(p.control.code), PUBLISH_WITH_ROWS, { i: { villageCode: p.control.village(), month: '2026-04' } });
    expect(control.publishRedBlackList).toMatchObject({ policy: 'baseline', black: [] });
  });
});
