import { subgraph } from '@xiangzhi/personnel';
import { actors, startPluginTestPlatform, type PluginTestPlatform } from '@xiangzhi/testing';
import plugin from './index';

/** Through the real gateway on PGlite: the plugin answers in the county enabling it, and only there. */
describe('longshan-qihua plugin (gateway, PGlite)', () => {
  let p: PluginTestPlatform;
  beforeAll(async () => {
    p = await startPluginTestPlatform({ plugin, subgraphs: [subgraph] });
  });
  afterAll(() => p?.stop());

  const settings = 'query ($region: String!) { longshanQihuaSettings(regionCode: $region) { countyCode parameters { key value } } }';

  it('answers the county’s parameters where it is enabled', async () => {
    const data = await p.client.ok<{ longshanQihuaSettings: { countyCode: string; parameters: { key: string; value: number }[] } }>(
      actors.countyAdmin(p.county.code),
      settings,
      { region: p.county.village() },
    );
    expect(data.longshanQihuaSettings.countyCode).toBe(p.county.code);
    expect(data.longshanQihuaSettings.parameters.length).toBeGreaterThan(0);
  });

  it('answers PLUGIN_NOT_ENABLED in a county that has not enabled it', async () => {
    const res = await p.client.gql(actors.countyAdmin(p.control.code), settings, { region: p.control.village() });
    expect(p.client.codeOf(res)).toBe('PLUGIN_NOT_ENABLED');
  });

  it('applies its policy in the enabling county and the baseline elsewhere', async () => {
    // a weekend with nobody on duty: uncovered under the plugin (1 a day), fine under the baseline (0)
    const coverage = `query ($village: String!) {
  dutyCoverage(villageCode: $village, from: "2026-11-21", to: "2026-11-23") { policy uncoveredRestDays { date required onDuty } }
}`;
    type Report = { dutyCoverage: { policy: string; uncoveredRestDays: { date: string; required: number; onDuty: number }[] } };
    const here = await p.client.ok<Report>(actors.countyAdmin(p.county.code), coverage, { village: p.county.village() });
    const there = await p.client.ok<Report>(actors.countyAdmin(p.control.code), coverage, { village: p.control.village() });
    expect(here.dutyCoverage.policy).toBe('longshan-qihua');
    expect(here.dutyCoverage.uncoveredRestDays).toEqual([
      { date: '2026-11-21', required: 1, onDuty: 0 },
      { date: '2026-11-22', required: 1, onDuty: 0 },
    ]);
    expect(there.dutyCoverage).toEqual({ policy: 'baseline', uncoveredRestDays: [] });
  });

  it('refuses bad county parameters at start-up, naming the county, the plugin and the key', async () => {
    await expect(
      startPluginTestPlatform({ plugin, subgraphs: [subgraph], params: { workdayHours: -1 } }),
    ).rejects.toThrow(/counties\.\d{12}\.plugins\.longshan-qihua\.workdayHours/);
  });
});
