import { Role, type Actor } from '@xiangzhi/kernel';
import { countQueries, graphqlClient, runRandomWrites, type RandomWrite, seededRandom, startTestPlatform, type TestPlatform } from '@xiangzhi/testing';
import type { DataSource, EntityManager } from 'typeorm';
import { subgraph as grids } from '../index';
import { readOpenIncidentCounters, rebuildIncidentCounters } from './incident-counter';

/**
 * 未办结事件计数 the open-incident counters follow every write to incidents — set-based and single-row
 * reports, transitions between open statuses and out of them (resolved, closed, rejected), moves
 * between villages, deletions, some rolled back — and always equal a full recount;
 * `RegionStats.openIncidents` reads them in the same number of statements however many incidents
 * the county has.
 */
const COUNTIES = ['987001000000', '987002000000'];
const TOWNSHIPS = ['987001001000', '987001002000', '987002001000'];
const VILLAGES = ['987001001201', '987001001202', '987001002201', '987002001201', '987002001202'];
const OPEN = ['REPORTED', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'ESCALATED'];
const STATUSES = [...OPEN, 'RESOLVED', 'CLOSED', 'REJECTED'];

/** Open incidents per village, township and county prefix from a full count (non-zero only). */
async function recount(ds: DataSource): Promise<Record<string, number>> {
  const rows = (await ds.query(
    `SELECT p.prefix, count(*)::int AS n FROM incident i
     CROSS JOIN LATERAL (VALUES (i.village_code), (left(i.village_code, 9)), (left(i.village_code, 6))) AS p (prefix)
     WHERE i.status = ANY($1::text[]) GROUP BY p.prefix`,
    [OPEN],
  )) as { prefix: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.prefix, r.n]));
}

async function counters(ds: DataSource): Promise<Record<string, number>> {
  const rows = (await ds.query('SELECT prefix, open_incidents::int AS n FROM incident_counter WHERE open_incidents <> 0')) as { prefix: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.prefix, r.n]));
}

/** `n` incidents in random villages and statuses, one multi-row INSERT … SELECT. */
async function insertIncidents(m: Pick<EntityManager, 'query'>, n: number, seed: number): Promise<void> {
  await m.query(
    `INSERT INTO incident (county_code, village_code, source, category, title, reported_by, status, rating, deadline)
     SELECT left(v, 6) || '000000', v, 'GRID_PATROL', 'OTHER', '计数' || g, 'counter-test', s, CASE WHEN s = 'CLOSED' THEN 5 END, now() + interval '3 days'
       FROM generate_series(1, $1::int) AS g
       CROSS JOIN LATERAL (SELECT ($2::text[])[1 + abs(hashtext(g::text || $4)) % array_length($2::text[], 1)] AS v,
                                  ($3::text[])[1 + abs(hashtext($4 || g::text)) % array_length($3::text[], 1)] AS s) AS r`,
    [n, VILLAGES, STATUSES, String(seed)],
  );
}

describe('open-incident counters', () => {
  let platform: TestPlatform;
  let ds: DataSource;
  const admin: Actor = { id: 'incident-counter-admin', roles: [Role.COUNTY_ADMIN], scope: COUNTIES[0] };
  type Answer = { region: { stats: { openIncidents: number }; children: { code: string; stats: { openIncidents: number } }[] } };
  const { ok } = graphqlClient<Answer>(() => platform);
  const query = `query($c: ID!) { region(code: $c) { stats { openIncidents } children { code stats { openIncidents } } } }`;

  beforeAll(async () => {
    platform = await startTestPlatform({ subgraphs: [grids] });
    ds = platform.subgraphs.grids.db.dataSource;
    for (const code of [...COUNTIES, ...TOWNSHIPS, ...VILLAGES]) {
      const level = code.endsWith('000000') ? 'COUNTY' : code.endsWith('000') ? 'TOWNSHIP' : 'VILLAGE';
      const parent = level === 'COUNTY' ? null : level === 'TOWNSHIP' ? `${code.slice(0, 6)}000000` : `${code.slice(0, 9)}000`;
      await ds.query('INSERT INTO region (code, name, level, parent_code, county_code) VALUES ($1, $2, $3, $4, $5)', [
        code,
        `事件计数${code.slice(-6)}`,
        level,
        parent,
        `${code.slice(0, 6)}000000`,
      ]);
    }
  }, 240_000);
  afterAll(() => platform?.stop());

  it('equal a full recount after thousands of random reports, transitions, moves and deletions (some rolled back), and after a rebuild', async () => {
    const next = seededRandom(20261207);
    const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
    let serial = 0;
    const some = `SELECT id FROM incident ORDER BY md5(id::text || $1) LIMIT $2`;
    const steps: RandomWrite[] = [
      (m) => insertIncidents(m, 1, ++serial),
      (m) => insertIncidents(m, 30, ++serial),
      // a transition of a few incidents (open → open, open → closed/resolved/rejected, and back for the test)
      async (m) => {
        const to = pick(STATUSES);
        await m.query(`UPDATE incident SET status = $3, rating = CASE WHEN $3 = 'CLOSED' THEN 4 END, version = version + 1 WHERE id IN (${some})`, [
          String(++serial),
          1 + Math.floor(next() * 8),
          to,
        ]);
      },
      // a change that is no transition (a description)
      (m) => m.query(`UPDATE incident SET description = 'd' || $1 WHERE id IN (${some})`, [String(++serial), 5]),
      // a move between villages (as a village merger does)
      async (m) => {
        const to = pick(VILLAGES);
        await m.query(`UPDATE incident SET village_code = $3, county_code = left($3, 6) || '000000' WHERE id IN (${some})`, [String(++serial), 1 + Math.floor(next() * 6), to]);
      },
      (m) => m.query(`DELETE FROM incident WHERE id IN (${some})`, [String(++serial), 1 + Math.floor(next() * 4)]),
    ];

    await insertIncidents(ds.manager, 500, 0);
    const { rolledBack, writes } = await runRandomWrites(ds, next, steps, { rounds: 250 });
    expect(rolledBack).toBeGreaterThan(20);
    expect(writes).toBeGreaterThan(500);
    const [{ total, open }] = (await ds.query(`SELECT count(*)::int AS total, count(*) FILTER (WHERE status = ANY($1::text[]))::int AS open FROM incident`, [OPEN])) as {
      total: number;
      open: number;
    }[];
    expect(total).toBeGreaterThan(2000);
    expect(open).toBeGreaterThan(1000);
    expect(await counters(ds)).toEqual(await recount(ds));

    // a rebuild from a full count gives the same counters, reporting its step
    await ds.query('UPDATE incident_counter SET open_incidents = open_incidents + 3');
    const lines: string[] = [];
    await ds.transaction((m) => rebuildIncidentCounters(m, (p) => lines.push(`${p.label} ${p.done}/${p.total}`)));
    expect(lines).toEqual(['incident (open) 1/1']);
    expect(await counters(ds)).toEqual(await recount(ds));
  }, 300_000);

  it('RegionStats.openIncidents reads the counters: the recount’s answer, in statements that do not grow with the incidents', async () => {
    const read = async () => {
      let answer!: Answer;
      const measured = await countQueries(platform.subgraphs.grids, async () => (answer = await ok(admin, query, { c: COUNTIES[0] })));
      return { answer, ...measured };
    };
    const check = (answer: Answer, full: Record<string, number>) => {
      expect(answer.region.stats.openIncidents).toBe(full['987001'] ?? 0);
      expect(answer.region.children.map((c) => [c.code, c.stats.openIncidents])).toEqual(
        TOWNSHIPS.filter((t) => t.startsWith('987001')).map((t) => [t, full[t.slice(0, 9)] ?? 0]),
      );
    };
    const before = await read();
    check(before.answer, await recount(ds));
    await insertIncidents(ds.manager, 5000, 99);
    const after = await read();
    check(after.answer, await recount(ds));
    expect(after.count).toBe(before.count);
    expect(after.statements.filter((q) => q.includes('incident_counter'))).toHaveLength(2);
    expect(after.statements.join('\n')).not.toMatch(/\bFROM incident\b/);
    // a prefix above the county sums the county rows under it
    const full = await recount(ds);
    const wide = await readOpenIncidentCounters(ds, ['98', '987002001', '987001001201']);
    expect(Object.fromEntries(wide)).toEqual({ '98': full['987001'] + full['987002'], '987002001': full['987002001'], '987001001201': full['987001001201'] });
  }, 120_000);
});
