import { Role, type Actor } from '@xiangzhi/kernel';
import { countQueries, graphqlClient, runRandomWrites, type RandomWrite, seededRandom, startTestPlatform, type TestPlatform } from '@xiangzhi/testing';
import type { DataSource, EntityManager } from 'typeorm';
import { subgraph as grids } from '../index';
import { chinaYearBounds } from './incident-handling';
import { rebuildIncidentHandlingCounters } from './incident-handling-counter';

/**
 * 事件办理计数 `Region.incidentHandling` reads counters kept by triggers (and the open incidents past
 * their deadline from an index) and answers exactly what the per-request count it replaced answers
 * (that SQL is kept below), after thousands of random reports, transitions, resolutions written into
 * the history, deadline changes, moves and deletions, some rolled back; its statements do not grow
 * with the incidents.
 */
const COUNTY = '986001000000';
const TOWNSHIPS = ['986001001000', '986001002000'];
const VILLAGES = ['986001001201', '986001001202', '986001002201', '986001002202'];
const STATUSES = ['REPORTED', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'ESCALATED', 'RESOLVED', 'CLOSED', 'REJECTED'];

interface Handling {
  total: number;
  closed: number;
  due: number;
  closedOnTime: number;
  averageRating: number | null;
}

/** The statement `Region.incidentHandling` ran before the counters, for one prefix at `now`. */
async function recount(ds: DataSource, prefix: string, now: Date): Promise<Handling> {
  const { from, to } = chinaYearBounds(Number(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 4)));
  const rows = (await ds.query(
    `SELECT count(*)::int AS total,
            count(*) FILTER (WHERE i.status = $3)::int AS closed,
            count(*) FILTER (WHERE i.status IN ($3, $4) OR (i.status <> $6 AND i.deadline <= $5))::int AS due,
            count(*) FILTER (WHERE i.status = $3 AND EXISTS (
              SELECT 1 FROM incident_history h WHERE h.incident_id = i.id AND h.to_status = $4 AND h.at <= i.deadline))::int AS closed_on_time,
            count(i.rating) FILTER (WHERE i.status = $3)::int AS rated,
            coalesce(sum(i.rating) FILTER (WHERE i.status = $3), 0)::int AS rating_sum
       FROM incident i
      WHERE i.created_at >= $1 AND i.created_at < $2 AND i.village_code LIKE $7`,
    [from, to, 'CLOSED', 'RESOLVED', now, 'REJECTED', `${prefix}%`],
  )) as { total: number; closed: number; due: number; closed_on_time: number; rated: number; rating_sum: number }[];
  const r = rows[0];
  return { total: r.total, closed: r.closed, due: r.due, closedOnTime: r.closed_on_time, averageRating: r.rated > 0 ? Math.round((r.rating_sum / r.rated) * 100) / 100 : null };
}

/** The counter rows (non-zero), and the same figures from a full count. */
async function counterRows(ds: DataSource): Promise<string[]> {
  const rows = (await ds.query(
    `SELECT prefix, year, total, closed, settled, closed_on_time, rated, rating_sum FROM incident_handling_counter
      WHERE (total, closed, settled, closed_on_time, rated, rating_sum) <> (0, 0, 0, 0, 0, 0) ORDER BY prefix, year`,
  )) as Record<string, unknown>[];
  return rows.map((r) => Object.values(r).map(String).join(' '));
}
async function fullCount(ds: DataSource): Promise<string[]> {
  const rows = (await ds.query(
    `SELECT p.prefix, extract(year FROM (i.created_at AT TIME ZONE 'UTC') + interval '8 hours')::int AS year, count(*) AS total,
            count(*) FILTER (WHERE status = 'CLOSED') AS closed, count(*) FILTER (WHERE status IN ('CLOSED', 'RESOLVED')) AS settled,
            count(*) FILTER (WHERE status = 'CLOSED' AND EXISTS (SELECT 1 FROM incident_history h WHERE h.incident_id = i.id AND h.to_status = 'RESOLVED' AND h.at <= i.deadline)) AS closed_on_time,
            count(rating) FILTER (WHERE status = 'CLOSED') AS rated, coalesce(sum(rating) FILTER (WHERE status = 'CLOSED'), 0) AS rating_sum
       FROM incident i CROSS JOIN LATERAL (VALUES (i.village_code), (left(i.village_code, 9)), (left(i.village_code, 6))) AS p (prefix)
      GROUP BY 1, 2 ORDER BY 1, 2`,
  )) as Record<string, unknown>[];
  return rows.map((r) => Object.values(r).map(String).join(' '));
}

/**
 * `n` incidents in random villages and statuses, reported in the last 400 days, due between 20 days
 * ago and 20 days ahead but never within an hour of now (so the answer does not depend on the
 * milliseconds between the field and the recount).
 */
async function insertIncidents(m: Pick<EntityManager, 'query'>, n: number, seed: number): Promise<void> {
  await m.query(
    `INSERT INTO incident (county_code, village_code, source, category, title, reported_by, status, rating, deadline, created_at)
     SELECT left(v, 6) || '000000', v, 'GRID_PATROL', 'OTHER', '办理' || g, 'handling-test', s, CASE WHEN s = 'CLOSED' THEN 1 + abs(hashtext('r' || g || $4)) % 5 END,
            now() + (CASE WHEN abs(hashtext('d' || g || $4)) % 2 = 0 THEN 1 ELSE -1 END) * (interval '1 hour' + (abs(hashtext('e' || g || $4)) % 28800) * interval '1 minute'),
            now() - (abs(hashtext('c' || g || $4)) % 576000) * interval '1 minute'
       FROM generate_series(1, $1::int) AS g
       CROSS JOIN LATERAL (SELECT ($2::text[])[1 + abs(hashtext(g::text || $4)) % array_length($2::text[], 1)] AS v,
                                  ($3::text[])[1 + abs(hashtext($4 || g::text)) % array_length($3::text[], 1)] AS s) AS r`,
    [n, VILLAGES, STATUSES, String(seed)],
  );
}

describe('incident-handling counters', () => {
  let platform: TestPlatform;
  let ds: DataSource;
  const admin: Actor = { id: 'incident-handling-admin', roles: [Role.COUNTY_ADMIN], scope: COUNTY };
  const fields = 'incidentHandling { total closed due closedOnTime averageRating }';
  type Answer = { region: { incidentHandling: Handling; children: { code: string; incidentHandling: Handling; children: { code: string; incidentHandling: Handling }[] }[] } };
  const { ok } = graphqlClient<Answer>(() => platform);
  const query = `query($c: ID!) { region(code: $c) { ${fields} children { code ${fields} children { code ${fields} } } } }`;

  /** The field for the county, its townships and villages, and the old statement's answer for each. */
  const compare = async (): Promise<{ count: number; statements: string[] }> => {
    let answer!: Answer;
    const measured = await countQueries(platform.subgraphs.grids, async () => (answer = await ok(admin, query, { c: COUNTY })));
    const now = new Date();
    const got: Record<string, Handling> = { [COUNTY]: answer.region.incidentHandling };
    for (const t of answer.region.children) {
      got[t.code] = t.incidentHandling;
      for (const v of t.children) got[v.code] = v.incidentHandling;
    }
    const expected: Record<string, Handling> = {};
    for (const code of [COUNTY, ...TOWNSHIPS, ...VILLAGES]) expected[code] = await recount(ds, code.endsWith('000000') ? code.slice(0, 6) : code.endsWith('000') ? code.slice(0, 9) : code, now);
    expect(got).toEqual(expected);
    return measured;
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ subgraphs: [grids] });
    ds = platform.subgraphs.grids.db.dataSource;
    for (const code of [COUNTY, ...TOWNSHIPS, ...VILLAGES]) {
      const level = code.endsWith('000000') ? 'COUNTY' : code.endsWith('000') ? 'TOWNSHIP' : 'VILLAGE';
      const parent = level === 'COUNTY' ? null : level === 'TOWNSHIP' ? `${code.slice(0, 6)}000000` : `${code.slice(0, 9)}000`;
      await ds.query('INSERT INTO region (code, name, level, parent_code, county_code) VALUES ($1, $2, $3, $4, $5)', [code, `办理计数${code.slice(-6)}`, level, parent, `${code.slice(0, 6)}000000`]);
    }
  }, 240_000);
  afterAll(() => platform?.stop());

  it('answer as the per-request count did after thousands of random writes (some rolled back), and equal a full count, also after a rebuild', async () => {
    const next = seededRandom(20261208);
    const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
    let serial = 0;
    const some = `SELECT id FROM incident ORDER BY md5(id::text || $1) LIMIT $2`;
    const steps: RandomWrite[] = [
      (m) => insertIncidents(m, 1, ++serial),
      (m) => insertIncidents(m, 25, ++serial),
      // a transition of a few incidents (closing rates them)
      async (m) => {
        const to = pick(STATUSES);
        await m.query(`UPDATE incident SET status = $3, rating = CASE WHEN $3 = 'CLOSED' THEN 1 + $4::int END, version = version + 1 WHERE id IN (${some})`, [
          String(++serial),
          1 + Math.floor(next() * 6),
          to,
          Math.floor(next() * 5),
        ]);
      },
      // resolutions written into the history, before or after the deadline
      (m) =>
        m.query(
          `INSERT INTO incident_history (incident_id, county_code, village_code, seq, action, from_status, to_status, from_tier, to_tier, actor_id, at)
           SELECT i.id, i.county_code, i.village_code, 1000 + $3::int, 'RESOLVE', 'IN_PROGRESS', 'RESOLVED', 'VILLAGE', 'VILLAGE', 'handling-test', i.deadline + $4::int * interval '1 minute'
             FROM incident i WHERE i.id IN (${some})`,
          [String(++serial), 1 + Math.floor(next() * 6), serial, Math.floor(next() * 600) - 300],
        ),
      // resolved incidents closed with a rating
      (m) =>
        m.query(
          `UPDATE incident SET status = 'CLOSED', rating = 1 + $3::int WHERE id IN (
             SELECT i.id FROM incident i WHERE i.status <> 'CLOSED' AND EXISTS (SELECT 1 FROM incident_history h WHERE h.incident_id = i.id AND h.to_status = 'RESOLVED') ORDER BY md5(i.id::text || $1) LIMIT $2)`,
          [String(++serial), 1 + Math.floor(next() * 4), Math.floor(next() * 5)],
        ),
      // other history entries (not resolutions), and a deletion of some resolutions
      (m) =>
        m.query(
          `INSERT INTO incident_history (incident_id, county_code, village_code, seq, action, from_status, to_status, from_tier, to_tier, actor_id)
           SELECT i.id, i.county_code, i.village_code, 1000 + $3::int, 'ACCEPT', 'REPORTED', 'ACCEPTED', 'VILLAGE', 'VILLAGE', 'handling-test' FROM incident i WHERE i.id IN (${some})`,
          [String(++serial), 3, serial],
        ),
      (m) => m.query(`DELETE FROM incident_history WHERE id IN (SELECT id FROM incident_history WHERE to_status = 'RESOLVED' ORDER BY md5(id::text || $1) LIMIT 2)`, [String(++serial)]),
      // a resolution moved in time (an UPDATE of the history)
      (m) => m.query(`UPDATE incident_history SET at = at + $2::int * interval '1 minute' WHERE id IN (SELECT id FROM incident_history WHERE to_status = 'RESOLVED' ORDER BY md5(id::text || $1) LIMIT 2)`, [String(++serial), Math.floor(next() * 600) - 300]),
      // a deadline moved (as escalation does) across a resolution
      (m) => m.query(`UPDATE incident SET deadline = deadline + $3::int * interval '1 minute' WHERE id IN (${some})`, [String(++serial), 3, Math.floor(next() * 600) - 300]),
      // a change that counts nothing
      (m) => m.query(`UPDATE incident SET description = 'd' || $1 WHERE id IN (${some})`, [String(++serial), 5]),
      // a move between villages (as a village merger does)
      async (m) => {
        const to = pick(VILLAGES);
        await m.query(`UPDATE incident SET village_code = $3, county_code = left($3, 6) || '000000' WHERE id IN (${some})`, [String(++serial), 1 + Math.floor(next() * 6), to]);
      },
      // deletions (their history goes with them)
      (m) => m.query(`DELETE FROM incident WHERE id IN (${some})`, [String(++serial), 1 + Math.floor(next() * 4)]),
    ];

    await insertIncidents(ds.manager, 400, 0);
    const { rolledBack, writes } = await runRandomWrites(ds, next, steps, { rounds: 250 });
    expect(rolledBack).toBeGreaterThan(20);
    expect(writes).toBeGreaterThan(500);
    const [{ total, onTime, late }] = (await ds.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE status = 'CLOSED' AND resolved_at <= deadline)::int AS "onTime",
              count(*) FILTER (WHERE status = 'CLOSED' AND resolved_at > deadline)::int AS late FROM incident`,
    )) as { total: number; onTime: number; late: number }[];
    expect(total).toBeGreaterThan(1500);
    expect(onTime).toBeGreaterThan(5);
    expect(late).toBeGreaterThan(5);
    expect(await counterRows(ds)).toEqual(await fullCount(ds));
    await compare();

    // a rebuild from a full count gives the same counters, reporting its steps
    await ds.query('UPDATE incident_handling_counter SET total = total + 3, closed_on_time = closed_on_time + 1');
    await ds.query('ALTER TABLE incident DISABLE TRIGGER USER');
    await ds.query('UPDATE incident SET resolved_at = NULL WHERE id IN (SELECT id FROM incident WHERE resolved_at IS NOT NULL LIMIT 5)');
    await ds.query('ALTER TABLE incident ENABLE TRIGGER USER');
    const lines: string[] = [];
    await ds.transaction((m) => rebuildIncidentHandlingCounters(m, (p) => lines.push(`${p.label} ${p.done}/${p.total}`)));
    expect(lines).toEqual(['incident.resolved_at 1/2', 'incident (handling) 2/2']);
    expect(await counterRows(ds)).toEqual(await fullCount(ds));
    await compare();
  }, 400_000);

  it('reads in statements that do not grow with the incidents, none a count of the year’s incidents', async () => {
    const before = await compare();
    await insertIncidents(ds.manager, 5000, 99);
    const after = await compare();
    expect(after.count).toBe(before.count);
    // one counter read and one count of the overdue open incidents per level (county, townships, villages)
    expect(after.statements.filter((q) => q.includes('incident_handling_counter'))).toHaveLength(3);
    expect(after.statements.filter((q) => /\bFROM incident i\b/.test(q))).toHaveLength(3);
    expect(after.statements.filter((q) => /\bFROM incident i\b/.test(q)).every((q) => q.includes(`i.status IN ('REPORTED', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'ESCALATED') AND i.deadline <=`))).toBe(true);
    expect(after.statements.join('\n')).not.toMatch(/incident_history/);
  }, 120_000);
});
