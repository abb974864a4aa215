import { Role, type Actor, type RunningSubgraph } from '@xiangzhi/kernel';
import { codeOf, graphqlClient } from './client';
import type { TestPlatform } from './test-platform';

/** The date imported regions come into use: before any appointment a fixture or a spec makes. */
export const FIXTURE_REGIONS_VALID_FROM = '2000-01-01';

/** One cadre to appoint; every field has a default that passes the national baseline's eligibility. */
export interface CadreFixtureInput {
  /** Code of the template post to appoint to (`secretary`, `director`…); default the next post of the template. */
  post?: string;
  /** Default `张一` `王二`… in order. */
  name?: string;
  gender?: 'MALE' | 'FEMALE';
  /** Default 1980-05-01 (age within 18–60 for years to come). */
  birthDate?: string;
  /** An `EducationLevel` value; default `HIGH_SCHOOL`. */
  educationLevel?: string;
  /** Default 2005-07-01 (a Party member of many years, as a secretary must be); `null`: not a member. */
  partyJoinDate?: string | null;
  /** Default 2020-01-01. */
  startDate?: string;
  /** Joint vetting findings (counties that require their departments' vetting, e.g. Longshan, Suyu). */
  vetting?: { department: string; passed: boolean; note?: string | null }[];
  /** Any further `AppointCadreInput` fields (`closeRelatives`, `situations`, `residentId`, `exceptional`…). */
  input?: Record<string, unknown>;
}

export interface VillageFixtureOptions {
  /** The village's 12-digit code (a code ending 001–199 is a community); default the kit's test county's first village. */
  code?: string;
  /** Its name; default `<last three digits>村` (or `社区`). */
  name?: string;
  /** Cadres to appoint: a number (that many default people, one per template post in order) or one entry each. Default none. */
  cadres?: number | CadreFixtureInput[];
  /** Apply the county's post template (when personnel runs). Default true; also true whenever cadres are asked for. */
  posts?: boolean;
  /** Who writes in personnel; default a county administrator of the village's county. */
  as?: Actor;
}

/** A post the village's template created (or found). */
export interface FixturePost {
  id: string;
  code: string;
  title: string;
  version: number;
}

/** A cadre the fixture appointed. */
export interface FixtureCadre {
  id: string;
  name: string;
  version: number;
  post: FixturePost;
}

/** What `village()` built. */
export interface VillageFixture {
  /** 12-digit codes of the village and of the regions above it. */
  code: string;
  townshipCode: string;
  countyCode: string;
  cityCode: string;
  provinceCode: string;
  /** The regions the fixture imported into grids (those that were not there already). */
  imported: string[];
  /** The posts of the county's template in this village (empty when personnel does not run or `posts: false`). */
  posts: FixturePost[];
  /** The cadres appointed, in the order asked for. */
  cadres: FixtureCadre[];
  /** A county administrator of the village's county. */
  admin: Actor;
}

/** Test data built through the platform's own GraphQL operations, as users build it. */
export interface TestFixtures {
  /**
   * 村 a village with its territory and, optionally, its cadres: the province, city, county and
   * township above it and the village itself are imported into grids (`importRegions`, only the codes
   * not there yet), the events reach the other subgraphs (`settle()`), the county's post template is
   * applied (`applyPostTemplate`) and the cadres are appointed (`appointCadre`), every step through the
   * gateway. Subgraphs that are not running are skipped: without grids nothing is imported, without
   * personnel there are no posts or cadres. Each call is one village; calling it again for another
   * village of the same township imports only that village.
   */
  village: (options?: VillageFixtureOptions) => Promise<VillageFixture>;
  /**
   * Lets every event written so far reach its consumers: each subgraph's outbox is relayed and each
   * subgraph's consumers drain, until nothing more is published.
   */
  settle: () => Promise<void>;
}

/** What `settle()` uses of a running subgraph when the kernel offers it (event relay and consumers). */
type SettlingSubgraph = RunningSubgraph & {
  relayOutboxes?: () => Promise<number>;
  consumers?: { drain: () => Promise<void> };
};

const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙'];
const GIVEN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

const REGION = 'query($code: ID!) { region(code: $code) { code } }';
const IMPORT = 'mutation($i: ImportRegionsInput!) { importRegions(input: $i) { inserted } }';
const TEMPLATE = 'mutation($v: String!) { applyPostTemplate(villageCode: $v) { created { id code title version } existing { id code title version } } }';
const APPOINT = 'mutation($i: AppointCadreInput!) { appointCadre(input: $i) { cadre { id name version } } }';

/** Names of generated regions: readable, and stable so that importing again changes nothing. */
function regionName(code: string, level: 'province' | 'city' | 'county' | 'township' | 'village'): string {
  switch (level) {
    case 'province':
      return `测试省${code.slice(0, 2)}`;
    case 'city':
      return `测试市${code.slice(2, 4)}`;
    case 'county':
      return `测试县${code.slice(4, 6)}`;
    case 'township':
      return `测试镇${code.slice(6, 9)}`;
    default:
      return `${code.slice(9)}${Number(code.slice(9)) < 200 ? '社区' : '村'}`;
  }
}

/**
 * 测试数据 fixtures over a running test platform (`startTestPlatform` or `startPluginTestPlatform`):
 *
 * ```ts
 * const { village } = testFixtures(p);
 * const v = await village({ code: p.county.village(), cadres: 2 });   // territory in grids, posts and two cadres in personnel
 * await p.client.ok(v.admin, 'mutation($v: String!, $m: String!) { computePayroll(villageCode: $v, month: $m) { total } }', { v: v.code, m: '2026-01' });
 * ```
 */
export function testFixtures(platform: TestPlatform | (() => TestPlatform), defaultVillage = '990101101200'): TestFixtures {
  const current = () => (typeof platform === 'function' ? platform() : platform);
  const client = graphqlClient(current);

  const settle = async (): Promise<void> => {
    const subgraphs = Object.values(current().subgraphs) as SettlingSubgraph[];
    for (let round = 0; round < 10; round += 1) {
      let published = 0;
      for (const sg of subgraphs) if (sg.relayOutboxes) published += await sg.relayOutboxes();
      for (const sg of subgraphs) if (sg.consumers) await sg.consumers.drain();
      if (published === 0) return;
    }
  };

  const village = async (options: VillageFixtureOptions = {}): Promise<VillageFixture> => {
    const code = options.code ?? defaultVillage;
    if (!/^\d{12}$/.test(code) || code.endsWith('000') || code.slice(6, 9) === '000') throw new Error(`fixtures.village: not a village code: ${code}`);
    const provinceCode = `${code.slice(0, 2)}0000000000`;
    const cityCode = `${code.slice(0, 4)}00000000`;
    const countyCode = `${code.slice(0, 6)}000000`;
    const townshipCode = `${code.slice(0, 9)}000`;
    const admin: Actor = options.as ?? { id: `fixtures-admin-${countyCode}`, roles: [Role.COUNTY_ADMIN], scope: countyCode };
    const provinceAdmin: Actor = { id: `fixtures-admin-${provinceCode}`, roles: [Role.COUNTY_ADMIN], scope: provinceCode };
    const { subgraphs } = current();

    const imported: string[] = [];
    if (subgraphs.grids) {
      const chain = [
        { code: provinceCode, level: 'province' as const },
        { code: cityCode, level: 'city' as const },
        { code: countyCode, level: 'county' as const },
        { code: townshipCode, level: 'township' as const },
        { code, level: 'village' as const },
      ];
      const rows: { code: string; name: string }[] = [];
      for (const region of chain) {
        const res = await client.gql(provinceAdmin, REGION, { code: region.code });
        if (codeOf(res) === 'NOT_FOUND') rows.push({ code: region.code, name: region.level === 'village' && options.name ? options.name : regionName(region.code, region.level) });
        else if (res.errors?.length) throw new Error(`fixtures.village: region ${region.code}: ${JSON.stringify(res.errors)}`);
      }
      if (rows.length > 0) {
        await client.ok(provinceAdmin, IMPORT, { i: { regions: rows, validFrom: FIXTURE_REGIONS_VALID_FROM } });
        imported.push(...rows.map((r) => r.code));
      }
      await settle();
    }

    const wanted: CadreFixtureInput[] = typeof options.cadres === 'number' ? Array.from({ length: options.cadres }, () => ({})) : (options.cadres ?? []);
    let posts: FixturePost[] = [];
    const cadres: FixtureCadre[] = [];
    if (subgraphs.personnel && (options.posts !== false || wanted.length > 0)) {
      const data = await client.ok<{ applyPostTemplate: { created: FixturePost[]; existing: FixturePost[] } }>(admin, TEMPLATE, { v: code });
      posts = [...data.applyPostTemplate.created, ...data.applyPostTemplate.existing];
      const free = [...posts];
      for (const [i, person] of wanted.entries()) {
        const post = person.post ? free.find((p) => p.code === person.post) : free[0];
        if (!post) {
          throw new Error(
            person.post
              ? `fixtures.village: the template of ${code} has no free post ${person.post} (posts: ${posts.map((p) => p.code).join(', ')})`
              : `fixtures.village: ${wanted.length} cadres asked for, the template of ${code} has ${posts.length} posts`,
          );
        }
        free.splice(free.indexOf(post), 1);
        const name = person.name ?? `${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]}`;
        const appointed = await client.ok<{ appointCadre: { cadre: { id: string; name: string; version: number } } }>(admin, APPOINT, {
          i: {
            postId: post.id,
            name,
            gender: person.gender ?? 'MALE',
            birthDate: person.birthDate ?? '1980-05-01',
            educationLevel: person.educationLevel ?? 'HIGH_SCHOOL',
            partyJoinDate: person.partyJoinDate === undefined ? '2005-07-01' : person.partyJoinDate,
            startDate: person.startDate ?? '2020-01-01',
            vetting: person.vetting ?? [],
            ...person.input,
          },
        });
        cadres.push({ ...appointed.appointCadre.cadre, post });
      }
      await settle();
    }
    return { code, townshipCode, countyCode, cityCode, provinceCode, imported, posts, cadres, admin };
  };

  return { village, settle };
}
