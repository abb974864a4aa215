import { subgraph as grids } from '@xiangzhi/grids';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { createLogger } from '@xiangzhi/kernel';
import { actors, countQueries, startPluginTestPlatform, type PluginTestPlatform } from '@xiangzhi/testing';
import { jiangxi135Config, type Jiangxi135Config } from '../config';
import plugin from '../index';
import { importRegions, THIS_YEAR, type Ok } from '../testing/arrange';
import { demoScore, seedGridWorkerAppraisals } from './seed';
import { JiangxiGridWorkerTiers } from './grid-worker-tiers';

type Appraisal = { id: string; gridWorkerId: string; workerName: string; year: number; score: number; tier: string; allowance: number; award: number; needsAdjustment: boolean; version: number; decision: { rule: string; zh: string } };
const FIELDS = 'id gridWorkerId workerName year score tier allowance award needsAdjustment version decision { rule zh }';
const appraiseMutation = `mutation($i: AppraiseJiangxiGridWorkerInput!) { appraiseJiangxiGridWorker(input: $i) { ${FIELDS} } }`;

/** 网格化治理: grid sizing by the county's numbers and the yearly grid-worker appraisal with allowance tiers. */
describe('jiangxi-135 grids: grid sizing and grid-worker appraisal (gateway)', () => {
  let p: PluginTestPlatform;
  const ok: Ok = (as, query, variables) => p.client.ok(as, query, variables);
  const admin = () => actors.countyAdmin(p.county.code);
  const controlAdmin = () => actors.countyAdmin(p.control.code);
  let village: string;
  let community: string;
  let gridA: string;
  let gridB: string;
  let controlGrid: string;
  let controlCommunityGrid: string;
  const workers: Record<string, string> = {};
  let controlWorker: string;
  const rows = () => p.rows('grids')('jiangxi_grid_worker_appraisal');

  async function createGrid(as: ReturnType<typeof actors.countyAdmin>, villageCode: string, name: string): Promise<string> {
    const data = await ok<{ createGrid: { id: string } }>(as, 'mutation($i: CreateGridInput!) { createGrid(input: $i) { id } }', { i: { villageCode, name } });
    return data.createGrid.id;
  }

  async function createWorker(as: ReturnType<typeof actors.countyAdmin>, gridId: string, name: string, role = 'GRID_MEMBER'): Promise<string> {
    const data = await ok<{ createGridWorker: { id: string } }>(as, 'mutation($i: CreateGridWorkerInput!) { createGridWorker(input: $i) { id } }', { i: { gridId, role, name } });
    return data.createGridWorker.id;
  }

  /** Households straight into a grid (arrangement only: what validateGrids counts). */
  async function households(villageCode: string, gridId: string, n: number): Promise<void> {
    await p.subgraphs.grids.db.dataSource.query(
      `INSERT INTO household (village_code, county_code, grid_id, number)
       SELECT $1, substr($1, 1, 6) || '000000', $2::uuid, 'H' || g FROM generate_series(1, $3::int) g`,
      [villageCode, gridId, n],
    );
  }

  beforeAll(async () => {
    p = await startPluginTestPlatform({ plugin, subgraphs: [grids, personnel] });
    village = p.county.village();
    community = p.county.community();
    await importRegions(ok, [p.county, p.control], [village, community, p.county.village(1, 2), p.control.village(), p.control.community()]);
    gridA = await createGrid(admin(), village, '第一网格');
    gridB = await createGrid(admin(), village, '第二网格');
    workers.leader = await createWorker(admin(), gridA, '甲网格长', 'GRID_LEADER');
    workers.excellent = await createWorker(admin(), gridA, '乙网格员');
    workers.competent = await createWorker(admin(), gridA, '丙网格员');
    workers.basic = await createWorker(admin(), gridB, '丁网格员');
    workers.incompetent = await createWorker(admin(), gridB, '戊网格员');
    controlGrid = await createGrid(controlAdmin(), p.control.village(), '对照网格');
    controlWorker = await createWorker(controlAdmin(), controlGrid, '对照网格员');
    // a 70-household grid in a community of each county
    const communityGrid = await createGrid(admin(), community, '社区网格');
    await households(community, communityGrid, 70);
    controlCommunityGrid = await createGrid(controlAdmin(), p.control.community(), '对照社区网格');
    await households(p.control.community(), controlCommunityGrid, 70);
  });
  afterAll(() => p?.stop());

  describe('网格规模 grid sizing', () => {
    const validate = `query($v: ID!) { validateGrids(villageCode: $v) { source targets { householdsPerGrid householdsPerMember tolerance } findings { rule expectedMax } } }`;
    type Report = { validateGrids: { source: string; targets: object; findings: { rule: string; expectedMax: number | null }[] } };

    it('checks grids against about 50 households a grid and 10 a member, and lets a community grid of 70 pass', async () => {
      const { validateGrids } = await p.client.ok<Report>(admin(), validate, { v: community });
      expect(validateGrids.source).toBe('jiangxi-135');
      expect(validateGrids.targets).toEqual({ householdsPerGrid: 50, householdsPerMember: 10, tolerance: 0.2 });
      expect(validateGrids.findings.map((f) => f.rule)).not.toContain('GRID_TOO_LARGE');
      expect(validateGrids.findings.map((f) => f.rule)).toContain('GRID_WITHOUT_LEADER');
    });

    it('flags the same community grid under the baseline in the control county', async () => {
      const { validateGrids } = await p.client.ok<Report>(controlAdmin(), validate, { v: p.control.community() });
      expect(validateGrids.source).toBe('baseline');
      expect(validateGrids.findings).toContainEqual({ rule: 'GRID_TOO_LARGE', expectedMax: 60 });
    });
  });

  describe('网格员年度考核 yearly appraisal', () => {
    const year = THIS_YEAR;

    it('rates by the tier table: ≥ 90 excellent with an award, ≥ 70 competent, ≥ 60 basic, below that no allowance and adjustment', async () => {
      const scores: Record<string, number> = { leader: 95, excellent: 90, competent: 75.5, basic: 60, incompetent: 59.9 };
      const got: Record<string, Appraisal> = {};
      for (const [key, score] of Object.entries(scores)) {
        got[key] = (await p.client.ok<{ appraiseJiangxiGridWorker: Appraisal }>(admin(), appraiseMutation, { i: { gridWorkerId: workers[key], year, score } })).appraiseJiangxiGridWorker;
      }
      const view = (a: Appraisal) => [a.tier, a.allowance, a.award, a.needsAdjustment];
      expect(view(got.leader)).toEqual(['EXCELLENT', 3600, 1000, false]);
      expect(view(got.excellent)).toEqual(['EXCELLENT', 3600, 1000, false]);
      expect(view(got.competent)).toEqual(['COMPETENT', 3000, 0, false]);
      expect(view(got.basic)).toEqual(['BASIC', 1800, 0, false]);
      expect(view(got.incompetent)).toEqual(['INCOMPETENT', 0, 0, true]);
      expect(got.incompetent.decision).toEqual({ rule: 'JIANGXI_GRID_WORKER_INCOMPETENT', zh: '考核59.9分（低于60）为不称职：不发工作补贴，及时予以调整' });
      expect(got.leader).toMatchObject({ workerName: '甲网格长', year, score: 95, version: 1 });
      expect(await p.rows('grids')('audit_log', `action = 'appraiseJiangxiGridWorker'`)).toBe(5);
    });

    it('lists a village’s appraisals by name, and a grid’s on Grid', async () => {
      const { jiangxiGridWorkerAppraisals } = await p.client.ok<{ jiangxiGridWorkerAppraisals: Appraisal[] }>(
        actors.villageCadre(village),
        `query($v: String!, $y: Int!) { jiangxiGridWorkerAppraisals(villageCode: $v, year: $y) { workerName tier allowance } }`,
        { v: village, y: year },
      );
      expect(jiangxiGridWorkerAppraisals.map((a) => [a.workerName, a.tier])).toEqual([
        ['丁网格员', 'BASIC'],
        ['丙网格员', 'COMPETENT'],
        ['乙网格员', 'EXCELLENT'],
        ['戊网格员', 'INCOMPETENT'],
        ['甲网格长', 'EXCELLENT'],
      ]);
      const { grid } = await p.client.ok<{ grid: { jiangxiWorkerAppraisals: Appraisal[] } }>(admin(), `query($g: ID!, $y: Int!) { grid(id: $g) { jiangxiWorkerAppraisals(year: $y) { workerName allowance } } }`, {
        g: gridB,
        y: year,
      });
      expect(grid.jiangxiWorkerAppraisals).toEqual([
        { workerName: '丁网格员', allowance: 1800 },
        { workerName: '戊网格员', allowance: 0 },
      ]);
    });

    it('loads the appraisals of every grid of a village with one statement', async () => {
      const query = `query($v: ID!, $y: Int!) { region(code: $v) { grids { id jiangxiWorkerAppraisals(year: $y) { tier } } } }`;
      const without = await countQueries(p.subgraphs.grids, () => p.client.ok(admin(), `query($v: ID!) { region(code: $v) { grids { id } } }`, { v: village }));
      const withField = await countQueries(p.subgraphs.grids, () => p.client.ok<{ region: { grids: { jiangxiWorkerAppraisals: object[] }[] } }>(admin(), query, { v: village, y: year }));
      expect(withField.result.region.grids.map((g) => g.jiangxiWorkerAppraisals.length)).toEqual([3, 2]);
      expect(withField.count - without.count).toBe(1);
    });

    it('re-appraises only with the version read: CONFLICT without it or with a stale one', async () => {
      const again = await p.client.gql(admin(), appraiseMutation, { i: { gridWorkerId: workers.competent, year, score: 92 } });
      expect(p.client.codeOf(again)).toBe('CONFLICT');
      const revised = await p.client.ok<{ appraiseJiangxiGridWorker: Appraisal }>(admin(), appraiseMutation, { i: { gridWorkerId: workers.competent, year, score: 92, expectedVersion: 1 } });
      expect(revised.appraiseJiangxiGridWorker).toMatchObject({ tier: 'EXCELLENT', allowance: 3600, award: 1000, version: 2 });
      const stale = await p.client.gql(admin(), appraiseMutation, { i: { gridWorkerId: workers.competent, year, score: 50, expectedVersion: 1 } });
      expect(p.client.codeOf(stale)).toBe('CONFLICT');
      const nothingToRevise = await p.client.gql(admin(), appraiseMutation, { i: { gridWorkerId: workers.competent, year: year - 1, score: 80, expectedVersion: 1 } });
      expect(p.client.codeOf(nothingToRevise)).toBe('CONFLICT');
      expect(await rows()).toBe(5);
    });

    it('refuses bad input, other roles and workers out of scope before writing anything', async () => {
      const before = await rows();
      const cases: [ReturnType<typeof admin>, Record<string, unknown>, string][] = [
        [admin(), { gridWorkerId: workers.basic, year: year - 2, score: 100.5 }, 'BAD_USER_INPUT'],
        [admin(), { gridWorkerId: workers.basic, year: year + 1, score: 80 }, 'BAD_USER_INPUT'],
        [admin(), { gridWorkerId: '00000000-0000-4000-8000-000000000000', year, score: 80 }, 'NOT_FOUND'],
        [actors.villageCadre(village), { gridWorkerId: workers.basic, year: year - 2, score: 80 }, 'FORBIDDEN'],
        [actors.auditor(p.county.code), { gridWorkerId: workers.basic, year: year - 2, score: 80 }, 'FORBIDDEN'],
        [actors.townshipOfficer(p.county.township(2)), { gridWorkerId: workers.basic, year: year - 2, score: 80 }, 'FORBIDDEN'],
      ];
      for (const [as, input, code] of cases) {
        const res = await p.client.gql(as, appraiseMutation, { i: input });
        expect([input, p.client.codeOf(res)]).toEqual([input, code]);
      }
      expect(await rows()).toBe(before);
      // a township officer of the worker's township may appraise
      const officer = await p.client.ok<{ appraiseJiangxiGridWorker: Appraisal }>(actors.townshipOfficer(p.county.township()), appraiseMutation, {
        i: { gridWorkerId: workers.basic, year: year - 2, score: 71 },
      });
      expect(officer.appraiseJiangxiGridWorker.tier).toBe('COMPETENT');
    });

    it('answers PLUGIN_NOT_ENABLED in the control county, for the mutation, the query and the Grid field', async () => {
      const mutation = await p.client.gql(controlAdmin(), appraiseMutation, { i: { gridWorkerId: controlWorker, year, score: 90 } });
      expect(p.client.codeOf(mutation)).toBe('PLUGIN_NOT_ENABLED');
      const query = await p.client.gql(controlAdmin(), `query($v: String!) { jiangxiGridWorkerAppraisals(villageCode: $v, year: 2025) { id } }`, { v: p.control.village() });
      expect(p.client.codeOf(query)).toBe('PLUGIN_NOT_ENABLED');
      const field = await p.client.gql(controlAdmin(), `query($g: ID!) { grid(id: $g) { name jiangxiWorkerAppraisals(year: 2025) { id } } }`, { g: controlGrid });
      expect(p.client.codeOf(field)).toBe('PLUGIN_NOT_ENABLED');
      expect(await p.rows('grids')('jiangxi_grid_worker_appraisal', 'county_code = $1', [p.control.code])).toBe(0);
    });
  });

  describe('demo seed', () => {
    it('appraises last year every grid worker of the enabling counties only, by the county’s tiers, once', async () => {
      const ds = p.subgraphs.grids.db.dataSource;
      const counties = p.subgraphs.grids.policies.countiesEnabling('jiangxi-135') as { countyCode: string; config: Jiangxi135Config }[];
      const logger = createLogger('jiangxi-135-seed-test');
      const first = await seedGridWorkerAppraisals({ dataSource: ds, logger, counties });
      // five workers in the test county, none of them appraised last year yet; the control county's worker is left alone
      expect(first).toBe(5);
      expect(await seedGridWorkerAppraisals({ dataSource: ds, logger, counties })).toBe(0);
      const tiers = new JiangxiGridWorkerTiers(jiangxi135Config.parse({}).gridWorkerAppraisal);
      const { jiangxiGridWorkerAppraisals } = await p.client.ok<{ jiangxiGridWorkerAppraisals: Appraisal[] }>(
        admin(),
        `query($v: String!, $y: Int!) { jiangxiGridWorkerAppraisals(villageCode: $v, year: $y) { gridWorkerId score tier allowance } }`,
        { v: village, y: THIS_YEAR - 1 },
      );
      expect(jiangxiGridWorkerAppraisals).toHaveLength(5);
      for (const a of jiangxiGridWorkerAppraisals) {
        expect(a.score).toBe(demoScore(a.gridWorkerId, THIS_YEAR - 1));
        expect([a.tier, a.allowance]).toEqual([tiers.decide(a.score).tier, tiers.decide(a.score).allowance]);
      }
      expect(await p.rows('grids')('jiangxi_grid_worker_appraisal', 'county_code = $1', [p.control.code])).toBe(0);
    });
  });

  describe('retries with an idempotency key', () => {
    it('a first appraisal retried with its key, also at once, answers the first instead of the CONFLICT a repeat gets; the key with another score is CONFLICT', async () => {
      const year = THIS_YEAR - 3;
      const input = { gridWorkerId: workers.leader, year, score: 88, idempotencyKey: 'jiangxi-appraise-0001' };
      const first = await p.client.ok<{ appraiseJiangxiGridWorker: Appraisal }>(admin(), appraiseMutation, { i: input });
      const retries = await Promise.all([1, 2, 3].map(() => p.client.ok<{ appraiseJiangxiGridWorker: Appraisal }>(admin(), appraiseMutation, { i: input })));
      for (const r of retries) expect(r).toEqual(first);
      expect(await p.rows('grids')('jiangxi_grid_worker_appraisal', 'grid_worker_id = $1 AND year = $2', [workers.leader, year])).toBe(1);
      const { idempotencyKey: _key, ...unkeyed } = input;
      expect(p.client.codeOf(await p.client.gql(admin(), appraiseMutation, { i: unkeyed }))).toBe('CONFLICT');
      const reused = await p.client.gql(admin(), appraiseMutation, { i: { ...input, score: 60 } });
      expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', rule: 'IDEMPOTENCY_KEY_REUSED' });
    });
  });
});
