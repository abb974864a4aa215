import { subgraph as grids } from '@xiangzhi/grids';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { actors, startPluginTestPlatform, type PluginTestPlatform } from '@xiangzhi/testing';
import plugin from '../index';

/**
 * 学历提升 the 70% college target of a township, on villages built by the test kit's fixture
 * (`p.fixtures.village`): territory imported into grids, the county's 大岗位制 template applied and
 * the cadres appointed, all through the gateway.
 */
describe('jiangxi-135 college target on fixture villages (gateway)', () => {
  let p: PluginTestPlatform;

  beforeAll(async () => {
    p = await startPluginTestPlatform({ plugin, subgraphs: [grids, personnel] });
  });
  afterAll(() => p?.stop());

  const query = `query($r: String!) { jiangxiCollegeTarget(regionCode: $r) {
    servingCadres collegeCadres share met townships { townshipCode township { name } servingCadres collegeCadres met shortfall } } }`;
  type Report = {
    jiangxiCollegeTarget: {
      servingCadres: number;
      collegeCadres: number;
      share: number;
      met: boolean;
      townships: { townshipCode: string; township: { name: string }; servingCadres: number; collegeCadres: number; met: boolean; shortfall: number }[];
    };
  };

  it('counts the cadres of two fixture villages of one township: 2 of 3 college-educated is short of 70%', async () => {
    const first = await p.fixtures.village({
      code: p.county.village(1, 1),
      cadres: [
        { post: 'jiangxi.principal', name: '刘书记', educationLevel: 'BACHELOR' },
        { post: 'jiangxi.member.clerk', name: '陈文书', educationLevel: 'HIGH_SCHOOL', partyJoinDate: null },
      ],
    });
    expect(first.imported).toEqual([`${p.county.code.slice(0, 2)}0000000000`, `${p.county.code.slice(0, 4)}00000000`, p.county.code, p.county.township(1), p.county.village(1, 1)]);
    expect(first.posts.map((x) => x.code)).toContain('jiangxi.principal');
    const second = await p.fixtures.village({ code: p.county.village(2, 1), cadres: [{ post: 'jiangxi.deputy.deputyDirector', name: '周主任', educationLevel: 'COLLEGE', partyJoinDate: null }] });
    expect(second.imported).toEqual([p.county.village(2, 1)]);

    const { jiangxiCollegeTarget: report } = await p.client.ok<Report>(actors.countyAdmin(p.county.code), query, { r: p.county.code });
    expect(report).toMatchObject({ servingCadres: 3, collegeCadres: 2, share: 0.6667, met: false });
    expect(report.townships).toEqual([{ townshipCode: p.county.township(1), township: { name: '测试镇101' }, servingCadres: 3, collegeCadres: 2, met: false, shortfall: 1 }]);
  });

  it('meets it once a college-educated cadre of a third village joins: 3 of 4', async () => {
    await p.fixtures.village({ code: p.county.village(3, 1), cadres: [{ post: 'jiangxi.principal', name: '吴书记', educationLevel: 'COLLEGE' }] });
    const { jiangxiCollegeTarget: report } = await p.client.ok<Report>(actors.countyAdmin(p.county.code), query, { r: p.county.township(1) });
    expect(report.townships).toEqual([{ townshipCode: p.county.township(1), township: { name: '测试镇101' }, servingCadres: 4, collegeCadres: 3, met: true, shortfall: 0 }]);
  });
});
