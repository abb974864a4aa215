import { subgraph as grids } from '@xiangzhi/grids';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { Role, type Actor } from '@xiangzhi/kernel';
import { graphqlClient, startTestPlatform, testFixtures, type TestPlatform } from '@xiangzhi/testing';

/** The kit's village fixture, through the real gateway: territory in grids, posts and cadres in personnel. */
describe('testFixtures(platform).village (grids + personnel through the gateway)', () => {
  let platform: TestPlatform;
  const { ok } = graphqlClient(() => platform);
  const fixtures = testFixtures(() => platform);
  const admin: Actor = { id: 'county-admin', roles: [Role.COUNTY_ADMIN], scope: '990101000000' };

  beforeAll(async () => {
    platform = await startTestPlatform({ subgraphs: [grids, personnel] });
  });
  afterAll(() => platform?.stop());

  const REGION = `query($code: ID!) {
    region(code: $code) { code name level parent { code level parent { code level parent { code level parent { code level } } } }
      cadres { name posts { code } } posts { code } }
  }`;

  type RegionAnswer = {
    region: {
      code: string;
      name: string;
      level: string;
      parent: { code: string; level: string; parent: { code: string; level: string; parent: { code: string; level: string; parent: { code: string; level: string } } } };
      cadres: { name: string; posts: { code: string }[] }[];
      posts: { code: string }[];
    };
  };

  it('imports province, city, county, township and village, applies the post template and appoints the cadres', async () => {
    const village = await fixtures.village({ code: '990101101200', cadres: [{ post: 'secretary', name: '张书记' }, {}] });
    expect(village.imported).toEqual(['990000000000', '990100000000', '990101000000', '990101101000', '990101101200']);
    expect(village).toMatchObject({ code: '990101101200', townshipCode: '990101101000', countyCode: '990101000000', cityCode: '990100000000', provinceCode: '990000000000' });
    expect(village.posts.length).toBeGreaterThanOrEqual(2);
    expect(village.cadres.map((c) => [c.name, c.post.code])).toEqual([
      ['张书记', 'secretary'],
      ['王二', village.posts.find((p) => p.code !== 'secretary')?.code],
    ]);

    const { region } = await ok<RegionAnswer>(admin, REGION, { code: village.code });
    expect(region).toMatchObject({
      code: '990101101200',
      name: '200村',
      level: 'VILLAGE',
      parent: { code: '990101101000', level: 'TOWNSHIP', parent: { code: '990101000000', level: 'COUNTY', parent: { code: '990100000000', level: 'CITY', parent: { code: '990000000000', level: 'PROVINCE' } } } },
    });
    expect(region.posts.map((p) => p.code).sort()).toEqual(village.posts.map((p) => p.code).sort());
    expect(region.cadres.map((c) => c.name).sort()).toEqual(['张书记', '王二'].sort());
    expect(region.cadres.find((c) => c.name === '张书记')?.posts).toEqual([{ code: 'secretary' }]);
  });

  it('imports only what is missing for a second village of the same township, and a community', async () => {
    const second = await fixtures.village({ code: '990101101201', name: '新华村' });
    expect(second.imported).toEqual(['990101101201']);
    expect(second.cadres).toEqual([]);
    expect(second.posts.length).toBeGreaterThan(0);
    const community = await fixtures.village({ code: '990101102001', cadres: 1, posts: true });
    expect(community.imported).toEqual(['990101102000', '990101102001']);
    const { region } = await ok<RegionAnswer>(admin, REGION, { code: '990101102001' });
    expect(region).toMatchObject({ name: '001社区', level: 'VILLAGE' });
    expect(region.cadres).toHaveLength(1);
    expect((await ok<RegionAnswer>(admin, REGION, { code: '990101101201' })).region.name).toBe('新华村');
  });

  it('says which post is missing instead of appointing elsewhere, and refuses a code that is not a village', async () => {
    await expect(fixtures.village({ code: '990101101202', cadres: [{ post: 'no-such-post' }] })).rejects.toThrow(/has no free post no-such-post/);
    await expect(fixtures.village({ code: '990101101000' })).rejects.toThrow(/not a village code/);
  });

  it('passes an appointment the county refuses back as its GraphQL errors', async () => {
    await expect(fixtures.village({ code: '990101101203', cadres: [{ post: 'secretary', birthDate: '1940-01-01' }] })).rejects.toThrow(/POLICY_VIOLATION/);
  });
});
