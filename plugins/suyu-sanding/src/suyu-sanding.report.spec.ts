import { subgraph as grids } from '@xiangzhi/grids';
import { todayInChina } from '@xiangzhi/kernel';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { yearsBetween } from '@xiangzhi/personnel-api';
import { actors, countQueries, startPluginTestPlatform, type CountyCodes, type PluginTestPlatform } from '@xiangzhi/testing';
import plugin from './index';

/**
 * The county report through the real gateway: Region.suyuZoningReport from the grids subgraph and
 * Region.suyuCadreProfile from the personnel subgraph, in one query; scope-limited, batched, and
 * PLUGIN_NOT_ENABLED in the control county.
 */
describe('suyu-sanding plugin: county report (grids + personnel, gateway)', () => {
  let p: PluginTestPlatform;
  const admin = () => actors.countyAdmin(p.county.code);

  /** The county row goes straight into the grids database (its parent city is not part of the test); the rest through importRegions. */
  async function regions(county: CountyCodes, rows: { code: string; name: string }[]): Promise<void> {
    await p.subgraphs.grids.db.dataSource.query(
      `INSERT INTO region (code, name, level, parent_code, county_code, valid_from) VALUES ($1, $2, 'COUNTY', NULL, $1, '2024-01-01')`,
      [county.code, `测试县${county.code.slice(4, 6)}`],
    );
    await p.client.ok(actors.countyAdmin(county.code), `mutation($i: ImportRegionsInput!) { importRegions(input: $i) { inserted } }`, {
      i: { regions: rows, validFrom: '2024-01-01' },
    });
  }

  /** `zones` zones and `grids` grids in a village, the grids spread over the zones. */
  async function zoning(village: string, zones: number, gridCount: number): Promise<void> {
    const zoneIds: string[] = [];
    for (let z = 1; z <= zones; z += 1) {
      const data = await p.client.ok<{ createZone: { id: string } }>(admin(), `mutation($i: CreateZoneInput!) { createZone(input: $i) { id } }`, {
        i: { villageCode: village, name: `片区${z}` },
      });
      zoneIds.push(data.createZone.id);
    }
    for (let g = 1; g <= gridCount; g += 1) {
      await p.client.ok(admin(), `mutation($i: CreateGridInput!) { createGrid(input: $i) { id } }`, {
        i: { villageCode: village, name: `第${g}网格`, zoneId: zoneIds.length ? zoneIds[g % zoneIds.length] : null },
      });
    }
  }

  const TEMPLATE = `mutation($v: String!) { applyPostTemplate(villageCode: $v) { created { id code } existing { id code } } }`;
  async function postsOf(village: string): Promise<Record<string, string>> {
    const data = await p.client.ok<{ applyPostTemplate: { created: { id: string; code: string }[]; existing: { id: string; code: string }[] } }>(admin(), TEMPLATE, { v: village });
    return Object.fromEntries([...data.applyPostTemplate.created, ...data.applyPostTemplate.existing].map((x) => [x.code, x.id]));
  }
  /** 凡进必审: every joint-vetting department of the county, passed. */
  const VETTED = ['区纪委监委', '区委组织部', '区委政法委', '区公安分局', '区检察院', '区法院', '区信访局', '区卫健委', '区农业农村局'].map((department) => ({ department, passed: true }));
  async function appoint(postId: string, name: string, birthDate: string, educationLevel: string): Promise<{ id: string; version: number }> {
    const data = await p.client.ok<{ appointCadre: { cadre: { id: string; version: number } } }>(
      admin(),
      `mutation($i: AppointCadreInput!) { appointCadre(input: $i) { cadre { id version } } }`,
      { i: { postId, name, gender: 'FEMALE', birthDate, educationLevel, partyJoinDate: '2012-07-01', vetting: VETTED, startDate: '2024-01-01' } },
    );
    return data.appointCadre.cadre;
  }

  const births = { secretary1: '1984-03-15', deputy1: '1990-11-02', staff1: '1996-01-20', secretary2: '1979-07-08', left: '1966-01-01' };
  const age = (birth: string) => yearsBetween(birth, todayInChina());
  const round1 = (n: number) => Math.round(n * 10) / 10;

  beforeAll(async () => {
    p = await startPluginTestPlatform({ plugin, subgraphs: [grids, personnel] });
    const c = p.county;
    await regions(c, [
      { code: c.township(1), name: '一镇' },
      { code: c.township(2), name: '二镇' },
      { code: c.village(1, 1), name: '一村' },
      { code: c.village(2, 1), name: '二村' },
      { code: c.community(1, 1), name: '一社区' },
      { code: c.village(1, 2), name: '三村' },
    ]);
    await regions(p.control, [
      { code: p.control.township(1), name: '对照镇' },
      { code: p.control.village(1, 1), name: '对照村' },
    ]);
    await zoning(c.village(1, 1), 2, 5);
    await zoning(c.village(2, 1), 1, 3);
    await zoning(c.village(1, 2), 1, 2);

    const v1 = await postsOf(c.village(1, 1));
    await appoint(v1.secretary, '书记一', births.secretary1, 'BACHELOR');
    await appoint(v1['suyu.deputySecretary'], '副书记一', births.deputy1, 'HIGH_SCHOOL');
    await appoint(v1['suyu.gridGovernance'], '网格专干一', births.staff1, 'COLLEGE');
    const leaving = await appoint(v1['suyu.committeeMember'], '离任委员', births.left, 'POSTGRADUATE');
    await p.client.ok(admin(), `mutation($i: DischargeCadreInput!) { dischargeCadre(input: $i) { cadre { status } } }`, {
      i: { cadreId: leaving.id, departureType: 'NORMAL', reason: '到龄', date: '2025-01-01', expectedVersion: leaving.version },
    });
    const c1 = await postsOf(c.community(1, 1));
    await appoint(c1.secretary, '书记二', births.secretary2, 'COLLEGE');
  });
  afterAll(() => p?.stop());

  const REPORT = `query($r: ID!) { region(code: $r) {
    suyuZoningReport { regionCode villages villagesTotal grids zones gridsPerVillage targetVillages targetGrids targetGridsPerVillage }
    suyuCadreProfile { regionCode asOf
      secretaries { count averageAge collegeShare targetAverageAge targetCollegeShare }
      committeeMembers { count averageAge collegeShare targetAverageAge targetCollegeShare } } } }`;
  interface Group {
    count: number;
    averageAge: number | null;
    collegeShare: number;
    targetAverageAge: number | null;
    targetCollegeShare: number | null;
  }
  interface Report {
    region: {
      suyuZoningReport: Record<string, unknown>;
      suyuCadreProfile: { regionCode: string; asOf: string; secretaries: Group; committeeMembers: Group };
    };
  }

  it('reports zoning and the cadre profile of the county beside the seed’s figures', async () => {
    const data = await p.client.ok<Report>(admin(), REPORT, { r: p.county.code });
    expect(data.region.suyuZoningReport).toEqual({
      regionCode: p.county.code,
      villages: 3,
      villagesTotal: 4,
      grids: 10,
      zones: 4,
      gridsPerVillage: 3.33,
      targetVillages: 72,
      targetGrids: 370,
      targetGridsPerVillage: 5.14,
    });
    const profile = data.region.suyuCadreProfile;
    expect(profile.asOf).toBe(todayInChina());
    // secretaries: 书记一 (bachelor) and 书记二 (college); committee members: both secretaries and 副书记一 (high school);
    // the grid-governance staff member is neither, the member who left is not counted
    expect(profile.secretaries).toEqual({
      count: 2,
      averageAge: round1((age(births.secretary1) + age(births.secretary2)) / 2),
      collegeShare: 1,
      targetAverageAge: 40.4,
      targetCollegeShare: 0.829,
    });
    expect(profile.committeeMembers).toEqual({
      count: 3,
      averageAge: round1((age(births.secretary1) + age(births.secretary2) + age(births.deputy1)) / 3),
      collegeShare: 0.6667,
      targetAverageAge: 37.5,
      targetCollegeShare: 0.67,
    });
  });

  it('limits both parts to the caller’s scope: a township officer asking about the county sees the township', async () => {
    const data = await p.client.ok<Report>(actors.townshipOfficer(p.county.township(2)), REPORT, { r: p.county.code });
    expect(data.region.suyuZoningReport).toMatchObject({ villages: 1, villagesTotal: 1, grids: 2, zones: 1, gridsPerVillage: 2 });
    expect(data.region.suyuCadreProfile.secretaries).toMatchObject({ count: 0, averageAge: null, collegeShare: 0 });
    const township1 = await p.client.ok<Report>(admin(), REPORT, { r: p.county.township(1) });
    expect(township1.region.suyuZoningReport).toMatchObject({ villages: 2, villagesTotal: 3, grids: 8, zones: 3, gridsPerVillage: 4 });
    expect(township1.region.suyuCadreProfile.committeeMembers.count).toBe(3);
  });

  it('masks the average age for roles that may not see personal data (a village of one secretary would show her age)', async () => {
    const village = p.county.village(1, 1);
    const ages = `query($r: ID!) { region(code: $r) { suyuCadreProfile { secretaries { count averageAge collegeShare } committeeMembers { count averageAge } } } }`;
    type Ages = { region: { suyuCadreProfile: { secretaries: { count: number; averageAge: number | null; collegeShare: number }; committeeMembers: { count: number; averageAge: number | null } } } };
    const cadre = await p.client.ok<Ages>(actors.villageCadre(village), ages, { r: village });
    expect(cadre.region.suyuCadreProfile.secretaries).toEqual({ count: 1, averageAge: age(births.secretary1), collegeShare: 1 });
    expect(cadre.region.suyuCadreProfile.committeeMembers).toEqual({ count: 2, averageAge: round1((age(births.secretary1) + age(births.deputy1)) / 2) });
    for (const actor of [actors.resident(village), actors.gridWorker(village), actors.auditor(p.county.code)]) {
      const masked = await p.client.ok<Ages>(actor, ages, { r: village });
      expect(masked.region.suyuCadreProfile.secretaries).toEqual({ count: 1, averageAge: null, collegeShare: 1 });
      expect(masked.region.suyuCadreProfile.committeeMembers).toEqual({ count: 2, averageAge: null });
    }
  });

  it('answers PLUGIN_NOT_ENABLED for both fields in the control county', async () => {
    const controlAdmin = actors.countyAdmin(p.control.code);
    const zoningRes = await p.client.gql(controlAdmin, `query($r: ID!) { region(code: $r) { name suyuZoningReport { grids } } }`, { r: p.control.code });
    expect(p.client.codeOf(zoningRes)).toBe('PLUGIN_NOT_ENABLED');
    const profileRes = await p.client.gql(controlAdmin, `query($r: ID!) { region(code: $r) { name suyuCadreProfile { secretaries { count } } } }`, { r: p.control.village(1, 1) });
    expect(p.client.codeOf(profileRes)).toBe('PLUGIN_NOT_ENABLED');
  });

  it('reads both parts for a list of regions in a flat number of statements per subgraph (no N+1)', async () => {
    const list = `query($r: ID!) { region(code: $r) { children { code suyuZoningReport { grids } suyuCadreProfile { committeeMembers { count } } } } }`;
    type Data = { region: { children: { code: string; suyuZoningReport: { grids: number }; suyuCadreProfile: { committeeMembers: { count: number } } }[] } };
    const run = async (code: string) => {
      const gridsCount = await countQueries(p.subgraphs.grids, async () => {
        const personnelCount = await countQueries(p.subgraphs.personnel, () => p.client.ok<Data>(admin(), list, { r: code }));
        return personnelCount;
      });
      return { data: gridsCount.result.result, grids: gridsCount.count, personnel: gridsCount.result.count };
    };
    const county = await run(p.county.code);
    const township = await run(p.county.township(1));
    expect(county.data.region.children.map((c) => [c.code, c.suyuZoningReport.grids, c.suyuCadreProfile.committeeMembers.count])).toEqual([
      [p.county.township(1), 8, 3],
      [p.county.township(2), 2, 0],
    ]);
    expect(township.data.region.children).toHaveLength(3);
    expect(township.grids).toBe(county.grids);
    expect(township.personnel).toBe(county.personnel);
    expect(county.personnel).toBe(1);
  });
});
