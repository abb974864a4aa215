import { subgraph as economy } from '@xiangzhi/economy';
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

/** 四议两公开 through the gateway: a 40,000 CNY project needs an adopted major matter in the pilot county (above 30,000), not elsewhere (baseline 50,000). */
describe('jiangxi-135 in economy (gateway)', () => {
  let p: PluginTestPlatform;
  beforeAll(async () => {
    p = await startPluginTestPlatform({ plugin, subgraphs: [economy] });
    await knownVillages(p, 'economy');
  }, 120_000);
  afterAll(() => p?.stop());

  const REGISTER = `mutation($i: RegisterProjectInput!) { registerProject(input: $i) { id funding } }`;
  const project = (villageCode: string) => ({ villageCode, name: '油茶基地扩建', fundingSource: 'COUNTY', funding: '40000.00', proposedOn: '2026-03-02' });

  it('refuses a 40,000.00 project without an adopted matter in the pilot county, writing nothing', async () => {
    const before = await p.rows('economy')('weak_village_project');
    const res = await p.client.gql(actors.countyAdmin(p.county.code), REGISTER, { i: project(p.county.village()) });
    expect(p.client.codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions).toMatchObject({ field: 'input.majorMatterId', rule: 'MAJOR_MATTER_REQUIRED' });
    expect(res.errors![0].message).toContain('超过本县四议两公开门槛 30000.00 元');
    expect(await p.rows('economy')('weak_village_project')).toBe(before);
  });

  it('registers the same project without a matter in a county on the national threshold', async () => {
    const data = await p.client.ok<{ registerProject: { funding: string } }>(actors.countyAdmin(p.control.code), REGISTER, { i: project(p.control.village()) });
    expect(data.registerProject.funding).toBe('40000.00');
  });
});
