import { join } from 'node:path';
import { loadDeploymentConfig } from '@xiangzhi/deployment';
import { subgraph as grids } from '@xiangzhi/grids';
import jiangxi135 from '@xiangzhi/jiangxi-135';
import { Role, type Actor, type PluginDefinition } from '@xiangzhi/kernel';
import leshanMerger from '@xiangzhi/leshan-merger';
import longshanQihua from '@xiangzhi/longshan-qihua';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { subgraph as economy } from '@xiangzhi/economy';
import { subgraph as legal } from '@xiangzhi/legal';
import { subgraph as civility } from '@xiangzhi/civility';
import qixingguanFanben from '@xiangzhi/qixingguan-fanben';
import suyuSanding from '@xiangzhi/suyu-sanding';
import { nonNullPluginFields, startTestPlatform, type TestPlatform } from '@xiangzhi/testing';

/**
 * Every field a plugin adds — root queries and mutations, fields on the subgraphs' types — is
 * nullable, so that PLUGIN_NOT_ENABLED stays on that field and the rest of the answer survives.
 */
const INSTALLED: PluginDefinition[] = [suyuSanding, longshanQihua, jiangxi135, qixingguanFanben, leshanMerger].map((p) => p as PluginDefinition);

describe('plugin fields are nullable', () => {
  it('the check covers every plugin of the default deployment', () => {
    const { config } = loadDeploymentConfig(join(__dirname, '../../deploy/xiangzhi.yaml'));
    expect(Object.keys(config.plugins).sort()).toEqual(INSTALLED.map((p) => p.name).sort());
  });

  it.each(INSTALLED.map((p) => [p.name, p] as const))('%s declares no non-null field on the graph', async (_name, plugin) => {
    expect(await nonNullPluginFields(plugin, [grids, personnel, economy, legal, civility])).toEqual([]);
  });

  describe('a plugin root field asked outside its county (through the gateway)', () => {
    let platform: TestPlatform;
    beforeAll(async () => {
      platform = await startTestPlatform({
        subgraphs: [grids, personnel],
        plugins: INSTALLED,
        countyParams: { '433130': { 'longshan-qihua': {} }, '321311': { 'suyu-sanding': {} } },
      });
    }, 240_000);
    afterAll(() => platform?.stop());

    it('longshanTasks for a Suyu village answers null with PLUGIN_NOT_ENABLED on its path; the rest of the answer stands', async () => {
      const admin: Actor = { id: 'nullable-admin', roles: [Role.COUNTY_ADMIN], scope: '321311000000' };
      const res = await platform.query<{ longshanTasks: unknown; households: { totalCount: number } }>(
        '{ longshanTasks(villageCode: "321311100200", month: "2025-01") { id } households(regionCode: "321311000000") { totalCount } }',
        {},
        admin,
      );
      expect(res.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['longshanTasks'], 'PLUGIN_NOT_ENABLED']]);
      expect(res.data).toEqual({ longshanTasks: null, households: { totalCount: 0 } });
    });
  });
});
