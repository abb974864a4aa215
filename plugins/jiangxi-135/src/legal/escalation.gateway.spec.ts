import { subgraph as legal } from '@xiangzhi/legal';
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

/** 三源共治 through the gateway: a dispute opened in the pilot county gets the pilot's 初诊 deadline; in another county the national one. */
describe('jiangxi-135 in legal (gateway)', () => {
  let p: PluginTestPlatform;
  beforeAll(async () => {
    p = await startPluginTestPlatform({ plugin, subgraphs: [legal] });
    await knownVillages(p, 'legal');
  }, 120_000);
  afterAll(() => p?.stop());

  const OPEN = `mutation($i: OpenDisputeInput!) { openDispute(input: $i) { tier deadline policySource } }`;
  const open = (county: string, villageCode: string) =>
    p.client.ok<{ openDispute: { tier: string; deadline: string; policySource: string } }>(actors.countyAdmin(county), OPEN, {
      i: {
        villageCode,
        category: 'NEIGHBOUR',
        summary: '宅基地滴水纠纷',
        riskLevel: 'LOW',
        openedOn: '2026-03-02',
        parties: [
          { name: '刘甲', role: 'APPLICANT' },
          { name: '刘乙', role: 'RESPONDENT' },
        ],
      },
    });

  it('gives the village tier 3 working days in the pilot county (Monday 2 March 2026 → Thursday 5 March)', async () => {
    expect((await open(p.county.code, p.county.village())).openDispute).toEqual({ tier: 'VILLAGE', deadline: '2026-03-05', policySource: 'jiangxi-135' });
  });

  it('gives the national 7 working days in a county that has not enabled the pilot (→ Wednesday 11 March)', async () => {
    expect((await open(p.control.code, p.control.village())).openDispute).toEqual({ tier: 'VILLAGE', deadline: '2026-03-11', policySource: 'baseline' });
  });
});
