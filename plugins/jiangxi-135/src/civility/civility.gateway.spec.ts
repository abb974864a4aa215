import { subgraph as civility } from '@xiangzhi/civility';
import { actors, startPluginTestPlatform, type PluginTestPlatform } from '@xiangzhi/testing';
import plugin from '../index';

/** The kit's villages as grids' events would leave them in this subgraph's region projection. */
async function knownVillages(p: PluginTestPlatform, subgraph: string): Promise<void> {
  const rows = [p.county, p.control].flatMap((c) => [
    [c.code, 'COUNTY', null],
    [c.township(), 'TOWNSHIP', c.code],
    [c.village(), 'VILLAGE', c.township()],
  ]);
  await p.subgraphs[subgraph].db.dataSource.query(
    `INSERT INTO region_ref (code, name, level, parent_code, valid_from)
     SELECT r.code, r.code, r.level, r.parent, DATE '2000-01-01' FROM unnest($1::text[], $2::text[], $3::text[]) AS r(code, level, parent)
     ON CONFLICT (code) DO NOTHING`,
    [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
  );
}


/** 农户文明积分 and 红黑榜 through the gateway: the pilot county's catalogue and lists are the plugin's; another county's the national ones. */
describe('jiangxi-135 in civility (gateway)', () => {
  let p: PluginTestPlatform;
  beforeAll(async () => {
    p = await startPluginTestPlatform({ plugin, subgraphs: [civility] });
    await knownVillages(p, 'civility');
  }, 120_000);
  afterAll(() => p?.stop());

  const RULES = `query($r: String!) { pointsRules(regionCode: $r, on: "2026-05-20") { id code points monthlyCap source } }`;
  const PUBLISH = `mutation($i: PublishRedBlackListInput!) { publishRedBlackList(input: $i) { villageCode month policy red { rank } black { rule } } }`;
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

  it('publishes the red and black list by the pilot’s policy in its county, by the national one elsewhere', async () => {
    const here = await p.client.ok<{ publishRedBlackList: { policy: string } }>(actors.countyAdmin(p.county.code), PUBLISH, { i: { villageCode: p.county.village(), month: '2026-04' } });
    expect(here.publishRedBlackList).toMatchObject({ villageCode: p.county.village(), month: '2026-04', policy: 'jiangxi-135' });
    const there = await p.client.ok<{ publishRedBlackList: { policy: string } }>(actors.countyAdmin(p.control.code), PUBLISH, { i: { villageCode: p.control.village(), month: '2026-04' } });
    expect(there.publishRedBlackList.policy).toBe('baseline');
  });
});
