import { DEMO_COUNTIES, demoGridId, demoResidents, demoVillagePopulation, demoVillages, featuredVillages } from '@xiangzhi/demo';
import { subgraph as grids } from '@xiangzhi/grids';
import { createLogger, Role, type Actor } from '@xiangzhi/kernel';
import { isCollegeOrHigher, type EducationLevel } from '@xiangzhi/personnel-api';
import { graphqlClient, rowCounter, startTestPlatform, type TestPlatform } from '@xiangzhi/testing';
import type { DataSource } from 'typeorm';
import { subgraph as personnel } from '../index';
import { DEMO_APPRAISAL_MONTH, PERSONNEL_SEED_TABLES, seedPersonnelDemo } from './index';

/** The personnel demo seed meets the grids demo in the federated graph and is idempotent. */
describe('personnel demo seed', () => {
  let platform: TestPlatform;
  let ds: DataSource;
  const featured = featuredVillages();
  const village = featured[0];
  const county = `${village.code.slice(0, 6)}000000`;
  const admin: Actor = { id: 'seed-admin', roles: [Role.COUNTY_ADMIN], scope: county };
  const villageCount = DEMO_COUNTIES.reduce((n, c) => n + demoVillages(c).length, 0);

  const sql = async <T>(text: string, params: unknown[] = []): Promise<T[]> => (await ds.query(text, params)) as T[];
  const count = rowCounter(() => ds);
  const counts = (): Promise<number[]> => Promise.all(PERSONNEL_SEED_TABLES.map((t) => count(t)));
  const { ok } = graphqlClient(() => platform);

  beforeAll(async () => {
    platform = await startTestPlatform({ subgraphs: [grids, personnel], seed: true });
    ds = platform.subgraphs.personnel.db.dataSource;
  }, 300_000);

  it('reads the villages from the region projection the grids demo’s events fed before personnel seeded', async () => {
    const [{ n }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM region_ref WHERE level = 'VILLAGE'`);
    expect(Number(n)).toBe(villageCount);
    const [{ r }] = await sql<{ r: number }>(`SELECT count(*)::int AS r FROM resident_ref`);
    expect(Number(r)).toBeGreaterThan(0);
  });
  afterAll(() => platform?.stop());

  it('gives every demo village the five baseline posts held by four cadres (the secretary is also the director)', async () => {
    const [totals] = await sql<{ cadres: number; posts: number; open: number; held: number; villages: number }>(
      `SELECT (SELECT count(*) FROM cadre)::int AS cadres, (SELECT count(*) FROM post)::int AS posts,
              (SELECT count(*) FROM post_assignment WHERE end_date IS NULL)::int AS open,
              (SELECT count(*) FROM post WHERE holder_id IS NOT NULL)::int AS held,
              (SELECT count(DISTINCT village_code) FROM post)::int AS villages`,
    );
    expect(totals).toEqual({ cadres: villageCount * 4, posts: villageCount * 5, open: villageCount * 5, held: villageCount * 5, villages: villageCount });
    // 一肩挑: in every village one cadre holds both the secretary's and the director's post
    const [dual] = await sql<{ n: string }>(
      `SELECT count(*) AS n FROM post s JOIN post d ON d.village_code = s.village_code AND d.code = 'director' WHERE s.code = 'secretary' AND s.holder_id = d.holder_id`,
    );
    expect(Number(dual.n)).toBe(villageCount);
    // every open holding matches the post's holder
    const [mismatch] = await sql<{ n: string }>(`SELECT count(*) AS n FROM post p JOIN post_assignment a ON a.post_id = p.id AND a.end_date IS NULL WHERE a.cadre_id <> p.holder_id`);
    expect(Number(mismatch.n)).toBe(0);
    const templates = await sql<{ policy: string; rule: string }>(`SELECT DISTINCT template->>'policy' AS policy, template->>'rule' AS rule FROM post`);
    expect(templates).toEqual([{ policy: 'baseline', rule: 'POST_TEMPLATE' }]);
  });

  it('makes the cadres plausible: aged 30–58, about half college-educated, Party members in Party posts, rank 6', async () => {
    const cadres = await sql<{ birth_date: string; education_level: EducationLevel; party_member: boolean; rank_level: number; party_post: boolean; age: number }>(
      `SELECT c.birth_date::text, c.education_level, c.party_member, c.rank_level,
              EXISTS (SELECT 1 FROM post p WHERE p.holder_id = c.id AND p.category IN ('PARTY_SECRETARY', 'PARTY_COMMITTEE')) AS party_post,
              extract(year FROM age(DATE '2026-11-20', c.birth_date))::int AS age
         FROM cadre c`,
    );
    expect(Math.min(...cadres.map((c) => c.age))).toBeGreaterThanOrEqual(30);
    expect(Math.max(...cadres.map((c) => c.age))).toBeLessThanOrEqual(58);
    const college = cadres.filter((c) => isCollegeOrHigher(c.education_level)).length / cadres.length;
    expect(college).toBeGreaterThan(0.4);
    expect(college).toBeLessThan(0.65);
    expect(cadres.filter((c) => c.party_post && !c.party_member)).toEqual([]);
    expect(new Set(cadres.map((c) => c.rank_level))).toEqual(new Set([6]));
    // a secretary joined the Party at least a year before taking office
    const [early] = await sql<{ n: string }>(
      `SELECT count(*) AS n FROM cadre c JOIN post p ON p.holder_id = c.id AND p.code = 'secretary' WHERE c.party_join_date > c.service_start - interval '1 year'`,
    );
    expect(Number(early.n)).toBe(0);
  });

  it("answers a featured village's cadres with their posts and every grid with its Party branch", async () => {
    const { region } = await ok<{ region: { name: string; cadres: { name: string; posts: { title: string }[] }[]; grids: { name: string; partyBranch: { name: string } | null }[] } }>(
      admin,
      `query($code: ID!) { region(code: $code) { name cadres { name posts { title } } grids { name partyBranch { name } } } }`,
      { code: village.code },
    );
    expect(region.name).toBe(village.name);
    const expectedCadres = (await sql<{ name: string }>(`SELECT name FROM cadre WHERE village_code = $1`, [village.code])).map((c) => c.name).sort();
    expect(region.cadres.map((c) => c.name).sort()).toEqual(expectedCadres);
    const titles = region.cadres.map((c) => c.posts.map((p) => p.title).sort());
    expect(titles).toHaveLength(4);
    expect(titles).toContainEqual(['党组织书记', '村民委员会主任']);
    expect(titles).toContainEqual(['党组织委员（组织）']);
    expect(titles).toContainEqual(['村民委员会委员（文书）']);
    expect(titles).toContainEqual(['村务监督委员会主任']);
    const population = demoVillagePopulation(village);
    expect(region.grids.map((g) => [g.name, g.partyBranch?.name]).sort()).toEqual(population.grids.map((g) => [g.name, `${g.name}党支部`]).sort());
  });

  it("links each featured cadre to the demo resident with the same name (cross-subgraph)", async () => {
    const ids = (await sql<{ id: string }>(`SELECT id FROM cadre WHERE village_code = $1 ORDER BY id`, [village.code])).map((c) => c.id);
    for (const id of ids) {
      const { cadre } = await ok<{ cadre: { name: string; resident: { name: string } | null } }>(admin, `query($id: ID!) { cadre(id: $id) { name resident { name } } }`, { id });
      expect(cadre.resident?.name).toBe(cadre.name);
    }
  });

  it('takes featured cadres and Party members from the demo residents, with the same name, gender and birth date', async () => {
    const residents = new Map(featured.flatMap((v) => demoResidents(v)).map((r) => [r.id, r]));
    const gridsDb = platform.subgraphs.grids.db.dataSource;
    const cadres = await sql<{ village_code: string; resident_id: string; name: string; gender: string; birth_date: string }>(
      `SELECT village_code, resident_id, name, gender, birth_date::text FROM cadre WHERE resident_id IS NOT NULL`,
    );
    expect(cadres).toHaveLength(featured.length * 4);
    expect(new Set(cadres.map((c) => c.village_code))).toEqual(new Set(featured.map((v) => v.code)));
    // the same people the grids demo wrote
    const stored = (await gridsDb.query(`SELECT id, name, gender, birth_date::text FROM resident WHERE id = ANY($1::uuid[])`, [cadres.map((c) => c.resident_id)])) as { id: string; name: string; gender: string; birth_date: string }[];
    const byId = new Map(stored.map((r) => [r.id, r]));
    for (const c of cadres) {
      expect([c.name, c.gender, c.birth_date]).toEqual([byId.get(c.resident_id)?.name, byId.get(c.resident_id)?.gender, byId.get(c.resident_id)?.birth_date]);
      expect(residents.get(c.resident_id)?.name).toBe(c.name);
    }
    const members = await sql<{ region_code: string; resident_id: string; name: string }>(`SELECT region_code, resident_id, name FROM party_member`);
    for (const m of members) expect(residents.get(m.resident_id)).toEqual(expect.objectContaining({ name: m.name, villageCode: m.region_code }));
    const perVillage = await sql<{ region_code: string; n: string; mobile: string }>(
      `SELECT region_code, count(*) AS n, count(*) FILTER (WHERE mobile) AS mobile FROM party_member GROUP BY region_code`,
    );
    expect(perVillage).toHaveLength(featured.length);
    for (const v of perVillage) {
      expect(Number(v.n)).toBeGreaterThanOrEqual(10);
      expect(Number(v.n)).toBeLessThanOrEqual(20);
    }
    expect(perVillage.reduce((s, v) => s + Number(v.mobile), 0)).toBeGreaterThan(0);
    // every Party-member cadre of a featured village is on the members' roll
    const [missing] = await sql<{ n: string }>(
      `SELECT count(*) AS n FROM cadre c WHERE c.resident_id IS NOT NULL AND c.party_member AND NOT EXISTS (SELECT 1 FROM party_member m WHERE m.resident_id = c.resident_id)`,
    );
    expect(Number(missing.n)).toBe(0);
    // points balances equal the ledger
    const [drift] = await sql<{ n: string }>(
      `SELECT count(*) AS n FROM party_member m WHERE m.points <> COALESCE((SELECT sum(e.points) FROM party_point_entry e WHERE e.member_id = m.id), 0)`,
    );
    expect(Number(drift.n)).toBe(0);
  });

  it('builds the Party organisation of each featured village on its grids, led by the secretary cadre', async () => {
    for (const v of featured) {
      const orgs = await sql<{ name: string; kind: string; grid_id: string | null; secretary_is_secretary: boolean; parent_ok: boolean }>(
        `SELECT o.name, o.kind, o.grid_id,
                EXISTS (SELECT 1 FROM post p WHERE p.holder_id = o.secretary_cadre_id AND p.code = 'secretary') AS secretary_is_secretary,
                (o.parent_id IS NULL) = (o.grid_id IS NULL) AS parent_ok
           FROM party_organization o WHERE o.region_code = $1 ORDER BY o.grid_id NULLS FIRST, o.name`,
        [v.code],
      );
      const gridIds = demoVillagePopulation(v).grids.map((g) => g.id);
      expect(orgs[0]).toEqual({ name: `${v.name}党总支`, kind: 'GENERAL_BRANCH', grid_id: null, secretary_is_secretary: true, parent_ok: true });
      expect(orgs.slice(1).map((o) => o.grid_id).sort()).toEqual([...gridIds].sort());
      expect(gridIds).toEqual([1, 2, 3].map((seq) => demoGridId(v.code, seq)));
      expect(orgs.slice(1).every((o) => o.kind === 'BRANCH' && o.parent_ok)).toBe(true);
    }
    // the branches sit on real grids of the grids demo
    const branchGrids = (await sql<{ grid_id: string }>(`SELECT grid_id FROM party_organization WHERE grid_id IS NOT NULL`)).map((r) => r.grid_id);
    const stored = (await platform.subgraphs.grids.db.dataSource.query(`SELECT count(*) AS n FROM grid WHERE id = ANY($1::uuid[])`, [branchGrids])) as { n: string }[];
    expect(Number(stored[0].n)).toBe(branchGrids.length);
  });

  it("appraises the featured cadres for the demo month and records their duty over the last two weeks", async () => {
    const appraisals = await sql<{ n: string; cadres: string; min: string; max: string }>(
      `SELECT count(*) AS n, count(DISTINCT cadre_id) AS cadres, min(total) AS min, max(total) AS max FROM appraisal WHERE period_type = 'MONTH' AND period = '2026-10'`,
    );
    expect(Number(appraisals[0].n)).toBe(featured.length * 4);
    expect(Number(appraisals[0].cadres)).toBe(featured.length * 4);
    expect(Number(appraisals[0].min)).toBeGreaterThanOrEqual(60);
    expect(Number(appraisals[0].max)).toBeLessThanOrEqual(100);
    const [scores] = await sql<{ scores: { dimension: string; weight: number; score: number }[]; total: string }>(`SELECT scores, total FROM appraisal LIMIT 1`);
    expect(scores.scores.map((s) => s.dimension)).toEqual(['morality', 'ability', 'diligence', 'results', 'integrity']);
    const weighted = Math.round(scores.scores.reduce((s, d) => s + d.weight * d.score, 0) * 100) / 100;
    expect(Number(scores.total)).toBe(weighted);
    const [duty] = await sql<{ n: string; first: string; last: string; weekend: string }>(
      `SELECT count(*) AS n, min(duty_date)::text AS first, max(duty_date)::text AS last, count(*) FILTER (WHERE extract(isodow FROM duty_date) > 5) AS weekend FROM duty_check_in`,
    );
    expect(Number(duty.n)).toBeGreaterThan(featured.length * 4 * 5);
    expect(duty.first >= '2026-11-09' && duty.last <= '2026-11-20').toBe(true);
    expect(Number(duty.weekend)).toBe(0);
  });

  it('adds nothing when run again, and runs well under 15 s', async () => {
    const before = await counts();
    expect(before.every((n) => n > 0)).toBe(true);
    const started = Date.now();
    await seedPersonnelDemo({ dataSource: ds, logger: createLogger('personnel-seed-test') });
    expect(Date.now() - started).toBeLessThan(15000);
    expect(await counts()).toEqual(before);
  });

  it("gives payroll the month's appraisals: performance pay follows each featured cadre's total", async () => {
    const { computePayroll } = await ok<{ computePayroll: { records: { cadre: { id: string }; components: { kind: string; amount: number }[] }[] } }>(
      admin,
      `mutation($v: String!, $m: String!) { computePayroll(villageCode: $v, month: $m) { records { cadre { id } components { kind amount } } } }`,
      { v: village.code, m: DEMO_APPRAISAL_MONTH },
    );
    const totals = new Map((await sql<{ cadre_id: string; total: string }>(`SELECT cadre_id, total FROM appraisal WHERE village_code = $1`, [village.code])).map((a) => [a.cadre_id, Number(a.total)]));
    const records = computePayroll.records;
    expect(records).toHaveLength(4);
    for (const r of records) {
      const performance = r.components.find((c) => c.kind === 'PERFORMANCE');
      expect(performance?.amount).toBeCloseTo((totals.get(r.cadre.id) as number) * 10, 2);
    }
    const bases = records.map((r) => r.components.find((c) => c.kind === 'BASE')?.amount as number).sort((a, b) => a - b);
    expect(bases).toEqual([1500, 2000, 2000, 3000]);
  });
});
