import { subgraph as grids } from '@xiangzhi/grids';
import { Role, type Actor } from '@xiangzhi/kernel';
import { startTestPlatform, type TestPlatform } from '@xiangzhi/testing';
import { subgraph as personnel } from './index';

const admin: Actor = { id: 'fed-admin', roles: [Role.COUNTY_ADMIN], scope: '433130000000' };

/** Federation contract: personnel composes with grids and resolves every entity it owns or extends by key. */
describe('personnel federation contract', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ subgraphs: [grids, personnel] });
  });
  afterAll(() => platform?.stop());

  it('composes with grids', () => {
    expect(platform.supergraphSdl).toContain('type Cadre');
    expect(platform.supergraphSdl).toMatch(/join__type\(graph: PERSONNEL, key: "code"\)/);
  });

  it('answers NOT_FOUND for an unknown cadre', async () => {
    const res = await platform.query('{ cadre(id: "00000000-0000-4000-8000-000000000000") { name } }', {}, admin);
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
