import { Role, type Actor } from '@xiangzhi/kernel';
import { countQueries, graphqlClient, runRandomWrites, seededRandom, startTestPlatform, type TestPlatform } from '@xiangzhi/testing';
import type { DataSource, EntityManager } from 'typeorm';
import { subgraph as grids } from '../../index';
import { readRegionCounters, rebuildRegionCounters } from './region-counter';

/**
 * 区划计数 the region counters follow every write to households, residents and grids — set-based and
 * single-row, moves between villages, status changes, deletions, in one transaction or several, some
 * rolled back — and always equal a full recount; `Region.stats` reads them without touching the
 * household or resident tables.
 */
const COUNTIES = ['988001000000', '988002000000'];
const TOWNSHIPS = ['988001001000', '988001002000', '988002001000'];
const VILLAGES = ['988001001201', '988001001202', '988001002201', '988002001201', '988002001202'];

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
type Counts = Record<string, { households: number; residents: number; grids: number }>;

/** The counts a full recount gives, per village, township and county prefix (non-zero rows only). */
async function recount(ds: DataSource): Promise<Counts> {
  const rows = (await ds.query(
    `SELECT p.prefix, t.kind, sum(t.n)::int AS n FROM (
       SELECT village_code, 'households' AS kind, count(*) AS n FROM household GROUP BY village_code
       UNION ALL SELECT village_code, 'residents', count(*) FROM resident GROUP BY village_code
       UNION ALL SELECT village_code, 'grids', count(*) FROM grid GROUP BY village_code) AS t
     CROSS JOIN LATERAL (VALUES (t.village_code), (left(t.village_code, 9)), (left(t.village_code, 6))) AS p (prefix)
     GROUP BY p.prefix, t.kind`,
  )) as { prefix: string; kind: 'households' | 'residents' | 'grids'; n: number }[];
  const counts: Counts = {};
  for (const r of rows) (counts[r.prefix] ??= { households: 0, residents: 0, grids: 0 })[r.kind] = r.n;
  return counts;
}

async function counters(ds: DataSource): Promise<Counts> {
  const rows = (await ds.query(
    'SELECT prefix, households::int, residents::int, grids::int FROM region_counter WHERE households <> 0 OR residents <> 0 OR grids <> 0',
  )) as { prefix: string; households: number; residents: number; grids: number }[];
  return Object.fromEntries(rows.map(({ prefix, ...c }) => [prefix, c]));
}

describe('region counters', () => {
  let platform: TestPlatform;
  let ds: DataSource;
  const admin: Actor = { id: 'counter-admin', roles: [Role.COUNTY_ADMIN], scope: COUNTIES[0] };
  type Stats = { households: number; residents: number; grids: number };
  type Answer = { region: { stats: Stats; children: { code: string; stats: Stats }[] } };
  const { ok } = graphqlClient<Answer>(() => platform);

  beforeAll(async () => {
    platform = await startTestPlatform({ subgraphs: [grids] });
    ds = platform.subgraphs.grids.db.dataSource;
    for (const code of [...COUNTIES, ...TOWNSHIPS, ...VILLAGES]) {
      const level = code.endsWith('000000') ? 'COUNTY' : code.endsWith('000') ? 'TOWNSHIP' : 'VILLAGE';
      const parent = level === 'COUNTY' ? null : level === 'TOWNSHIP' ? `${code.slice(0, 6)}000000` : `${code.slice(0, 9)}000`;
      await ds.query('INSERT INTO region (code, name, level, parent_code, county_code) VALUES ($1, $2, $3, $4, $5)', [
        code,
        `计数${code.slice(-6)}`,
        level,
        parent,
        `${code.slice(0, 6)}000000`,
      ]);
    }
  }, 240_000);
  afterAll(() => platform?.stop());

  it('equal a full recount after thousands of random writes, moves, status changes and deletions (some rolled back)', async () => {
    const next = seededRandom(20261207);
    const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
    let serial = 0;
    const idNumber = () => `${String(100000000000000000n + BigInt(++serial)).slice(1)}`.padStart(17, '0') + 'X';
    let gridSerial = 0;

    const insertGrids = async (m: EntityManager, n: number) => {
      const values = Array.from({ length: n }, () => {
        const v = pick(VILLAGES);
        gridSerial += 1;
        return `('${v}${String(gridSerial).padStart(3, '0').slice(-3)}', '${v}', '${v.slice(0, 6)}000000', '网格${gridSerial}')`;
      });
      await m.query(`INSERT INTO grid (code, village_code, county_code, name) VALUES ${values.join(', ')} ON CONFLICT (code) DO NOTHING`);
    };
    const insertHouseholds = async (m: EntityManager, n: number) => {
      const values = Array.from({ length: n }, () => {
        const v = pick(VILLAGES);
        return `('${v}', '${v.slice(0, 6)}000000', 'H${++serial}')`;
      });
      await m.query(`INSERT INTO household (village_code, county_code, number) VALUES ${values.join(', ')}`);
    };
    const insertResidents = async (m: EntityManager, n: number) => {
      // residents join a random household and take its village (set-based: one INSERT … SELECT)
      const numbers = Array.from({ length: n }, () => idNumber());
      await m.query(
        `INSERT INTO resident (household_id, village_code, county_code, name, gender, birth_date, id_number, id_number_hash, relation_to_head)
         SELECT h.id, h.village_code, h.county_code, '张三', 'MALE', '1980-01-01', n.id_number, 'hash-' || n.id_number, 'OTHER'
         FROM unnest(string_to_array($1, ',')) WITH ORDINALITY AS n (id_number, i)
         JOIN LATERAL (SELECT id, village_code, county_code FROM household ORDER BY md5(id::text || n.i::text || $2) LIMIT 1) AS h ON true`,
        [numbers.join(','), String(serial)],
      );
    };
    const moveHouseholds = async (m: EntityManager) => {
      const to = pick(VILLAGES);
      // a household moves with its residents (two statements), a few at a time
      const moved = (await m.query(
        `UPDATE household SET village_code = $1, county_code = $2, number = number || '-m' || $3
         WHERE id IN (SELECT id FROM household WHERE village_code <> $1 ORDER BY md5(id::text || $3) LIMIT $4) RETURNING id`,
        [to, `${to.slice(0, 6)}000000`, String(++serial), 1 + Math.floor(next() * 5)],
      )) as [{ id: string }[], number] | { id: string }[];
      const ids = (Array.isArray(moved[0]) ? moved[0] : moved) as { id: string }[];
      if (ids.length > 0) {
        await m.query(`UPDATE resident SET village_code = $1, county_code = $2 WHERE household_id IN (${ids.map((_, i) => `$${i + 3}`).join(', ')})`, [
          to,
          `${to.slice(0, 6)}000000`,
          ...ids.map((r) => r.id),
        ]);
      }
    };
    const moveGrid = async (m: EntityManager) => {
      const to = pick(VILLAGES);
      gridSerial += 1;
      await m.query(
        `UPDATE grid SET village_code = $1, county_code = $2, code = $3 WHERE id = (SELECT id FROM grid WHERE village_code <> $1 ORDER BY md5(id::text || $3) LIMIT 1)`,
        [to, `${to.slice(0, 6)}000000`, `${to}${String(gridSerial).padStart(3, '0').slice(-3)}`],
      );
    };
    const changeStatus = async (m: EntityManager) => {
      await m.query(`UPDATE resident SET status = $1, status_date = CASE WHEN $1 = 'LIVING' THEN NULL ELSE DATE '2026-01-01' END, version = version + 1
                     WHERE id IN (SELECT id FROM resident ORDER BY md5(id::text || $2) LIMIT 7)`, [pick(['DECEASED', 'MOVED_OUT', 'LIVING']), String(++serial)]);
    };
    const deleteResidents = async (m: EntityManager) => {
      await m.query(`DELETE FROM resident WHERE id IN (SELECT id FROM resident ORDER BY md5(id::text || $1) LIMIT $2)`, [String(++serial), 1 + Math.floor(next() * 6)]);
    };
    const deleteHousehold = async (m: EntityManager) => {
      const [h] = (await m.query(`SELECT id FROM household ORDER BY md5(id::text || $1) LIMIT 1`, [String(++serial)])) as { id: string }[];
      if (!h) return;
      await m.query('DELETE FROM resident WHERE household_id = $1', [h.id]);
      await m.query('DELETE FROM household WHERE id = $1', [h.id]);
    };
    const deleteGrid = async (m: EntityManager) => {
      await m.query(`DELETE FROM grid WHERE id = (SELECT id FROM grid WHERE id NOT IN (SELECT grid_id FROM household WHERE grid_id IS NOT NULL) ORDER BY md5(id::text || $1) LIMIT 1)`, [
        String(++serial),
      ]);
    };
    const steps: ((m: EntityManager) => Promise<void>)[] = [
      (m) => insertHouseholds(m, 1),
      (m) => insertHouseholds(m, 40),
      (m) => insertResidents(m, 1),
      (m) => insertResidents(m, 80),
      (m) => insertGrids(m, 3),
      moveHouseholds,
      moveGrid,
      changeStatus,
      deleteResidents,
      deleteHousehold,
      deleteGrid,
    ];

    await ds.transaction(async (m) => {
      await insertGrids(m, 10);
      await insertHouseholds(m, 200);
      await insertResidents(m, 600);
    });
    // 150 transactions of 1–5 writes, a quarter rolled back, and a write in autocommit every 10th round
    const { rolledBack } = await runRandomWrites(ds, next, steps, { rounds: 150, maxBatch: 5 });
    expect(rolledBack).toBeGreaterThan(5);
    const [{ residents, households }] = (await ds.query('SELECT (SELECT count(*)::int FROM resident) AS residents, (SELECT count(*)::int FROM household) AS households')) as {
      residents: number;
      households: number;
    }[];
    expect(residents).toBeGreaterThan(1000);
    expect(households).toBeGreaterThan(300);
    expect(await counters(ds)).toEqual(await recount(ds));

    // a rebuild from a full count gives the same counters
    await ds.query('UPDATE region_counter SET households = households + 5');
    const steps2: string[] = [];
    await ds.transaction((m) => rebuildRegionCounters(m, (p) => steps2.push(`${p.label} ${p.done}/${p.total}`)));
    expect(steps2).toEqual(['household 1/3', 'resident 2/3', 'grid 3/3']);
    expect(await counters(ds)).toEqual(await recount(ds));
  }, 240_000);

  it('Region.stats reads the counters: the same answer as a recount, in the same statements, none touching households or residents', async () => {
    const full = await recount(ds);
    const query = `query($c: ID!) { region(code: $c) { stats { households residents grids } children { code stats { households residents grids } } } }`;
    let answer!: Answer;
    const { count, statements } = await countQueries(platform.subgraphs.grids, async () => (answer = await ok(admin, query, { c: COUNTIES[0] })));
    expect(answer.region.stats).toEqual(full['988001']);
    expect(answer.region.children.map((c) => [c.code, c.stats])).toEqual(TOWNSHIPS.filter((t) => t.startsWith('988001')).map((t) => [t, full[t.slice(0, 9)]]));
    // the region, its children, the counters of the region, the counters of its children (one each, as the live count took)
    expect(statements.filter((q) => q.includes('region_counter'))).toHaveLength(2);
    expect(count).toBe(4);
    const sql = statements.join('\n');
    expect(sql).toContain('region_counter');
    expect(sql).not.toMatch(/\b(household|resident)\b/);
    // a prefix above the county (a province, a city) sums the county rows under it
    const sum = (a: Counts[string], b: Counts[string]) => ({ households: a.households + b.households, residents: a.residents + b.residents, grids: a.grids + b.grids });
    const read = await readRegionCounters(ds, ['98', '9880', '988002001', '988001001201']);
    expect(Object.fromEntries(read)).toEqual({
      '98': sum(full['988001'], full['988002']),
      '9880': sum(full['988001'], full['988002']),
      '988002001': full['988002001'],
      '988001001201': full['988001001201'],
    });
  });

  it('reads the counter rows by their primary key, whatever the size of the tables', async () => {
    const plan = await ds.transaction(async (m) => {
      await m.query('SET LOCAL enable_seqscan = off');
      const rows = (await m.query(`EXPLAIN SELECT prefix, households, residents, grids FROM region_counter WHERE prefix IN ('988001', '988001001')`)) as { 'QUERY PLAN': string }[];
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/Index (Only )?Scan/);
    expect(plan).not.toMatch(/household|resident/);
  });
});
