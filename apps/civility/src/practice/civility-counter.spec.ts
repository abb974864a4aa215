import 'reflect-metadata';
import { Role, signInternalToken, type Actor } from '@xiangzhi/kernel';
import { countQueries, runRandomWrites, type RandomWrite, seededRandom, startTestPlatform, TEST_SECRETS, type TestPlatform } from '@xiangzhi/testing';
import type { DataSource, EntityManager } from 'typeorm';
import { civilitySubgraph } from '../subgraph';
import { civilityCounterRebuild } from './civility-counter';

/**
 * 德治计数 the civility counters follow every write to practice activities (village, township and
 * county ones), volunteer hours and star ratings — set-based and single-row, re-dated, re-rated,
 * moved between villages, deleted, some rolled back — and always equal a full recount;
 * `Region.civility(year)` reads them in the same number of statements however many rows the county has.
 */
const CODES = ['985001001201', '985001001202', '985001002201', '985002001201', '985001001000', '985001000000'];
const VILLAGES = CODES.slice(0, 4);
type Figures = { activities: number; minutes: number; stars: number };
const STATION = '00000000-0000-4000-8000-00000000a001';
const TEAM = '00000000-0000-4000-8000-00000000a002';
const VOLUNTEER = '00000000-0000-4000-8000-00000000a003';

/** Per prefix and year, what a full count gives (non-zero rows only). */
async function recount(ds: DataSource): Promise<Record<string, Figures>> {
  const rows = (await ds.query(
    `SELECT p.prefix, t.year, sum(t.activities)::int AS activities, sum(t.minutes)::int AS minutes, sum(t.stars)::int AS stars FROM (
       SELECT region_code AS code, extract(year FROM held_on)::int AS year, 1 AS activities, 0 AS minutes, 0 AS stars FROM practice_activity
       UNION ALL SELECT village_code, extract(year FROM served_on)::int, 0, minutes, 0 FROM volunteer_hours
       UNION ALL SELECT village_code, year, 0, 0, 1 FROM star_rating WHERE stars >= 1) AS t
     CROSS JOIN LATERAL (VALUES (t.code), (left(t.code, 9)), (left(t.code, 6))) AS p (prefix)
     GROUP BY p.prefix, t.year HAVING (sum(t.activities), sum(t.minutes), sum(t.stars)) <> (0, 0, 0)`,
  )) as ({ prefix: string; year: number } & Figures)[];
  return Object.fromEntries(rows.map(({ prefix, year, ...f }) => [`${prefix}/${year}`, f]));
}

async function counters(ds: DataSource): Promise<Record<string, Figures>> {
  const rows = (await ds.query(
    `SELECT prefix, year, activities::int, minutes::int, stars::int FROM civility_region_counter WHERE (activities, minutes, stars) <> (0, 0, 0)`,
  )) as ({ prefix: string; year: number } & Figures)[];
  return Object.fromEntries(rows.map(({ prefix, year, ...f }) => [`${prefix}/${year}`, f]));
}

/** `n` activities, volunteer hours and star ratings in random places and years (multi-row INSERT … SELECT each). */
async function insertRows(m: Pick<EntityManager, 'query'>, n: number, seed: number): Promise<void> {
  const h = (salt: string, mod: number) => `abs(hashtext(g::text || '${salt}' || $2)) % ${mod}`;
  const day = `make_date(2024 + ${h('y', 2)}, 1 + ${h('m', 12)}, 1 + ${h('d', 28)})`;
  await m.query(
    `INSERT INTO practice_activity (id, county_code, region_code, station_id, held_on, title, participants, recorded_by)
     SELECT gen_random_uuid(), left(c, 6) || '000000', c, '${STATION}', ${day}, '活动' || g, 10, 'test'
       FROM generate_series(1, $1::int) AS g CROSS JOIN LATERAL (SELECT ($3::text[])[1 + ${h('c', CODES.length)}] AS c) AS r`,
    [n, String(seed), CODES],
  );
  await m.query(
    `INSERT INTO volunteer_hours (id, county_code, village_code, volunteer_id, resident_id, served_on, minutes, recorded_by)
     SELECT gen_random_uuid(), left(v, 6) || '000000', v, '${VOLUNTEER}', gen_random_uuid(), ${day}, 30 * (1 + ${h('h', 8)}), 'test'
       FROM generate_series(1, $1::int) AS g CROSS JOIN LATERAL (SELECT ($3::text[])[1 + ${h('v', VILLAGES.length)}] AS v) AS r`,
    [n, String(seed), VILLAGES],
  );
  await m.query(
    `INSERT INTO star_rating (household_id, year, county_code, village_code, points, stars, rule, reason, policy, rated_by)
     SELECT gen_random_uuid(), 2024 + ${h('y', 2)}, left(v, 6) || '000000', v, 50, ${h('s', 6)}, 'R', '计数', 'baseline', 'test'
       FROM generate_series(1, $1::int) AS g CROSS JOIN LATERAL (SELECT ($3::text[])[1 + ${h('v', VILLAGES.length)}] AS v) AS r`,
    [n, String(seed), VILLAGES],
  );
}

describe('civility counters', () => {
  let platform: TestPlatform;
  let ds: DataSource;
  const admin: Actor = { id: 'civility-counter-admin', roles: [Role.COUNTY_ADMIN], scope: '985001000000' };
  const regions = ['985001000000', '985001001000', '985001002000', '985001001201'];
  const readCivility = async (year: number) => {
    const res = await fetch(platform.subgraphs.civility.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-xz-actor': signInternalToken(admin, TEST_SECRETS.internalSecret) },
      body: JSON.stringify({
        query: `query($r: [_Any!]!, $y: Int!) { _entities(representations: $r) { ... on Region { civility(year: $y) { activities volunteerHours starHouseholds } } } }`,
        variables: { r: regions.map((code) => ({ __typename: 'Region', code })), y: year },
      }),
    });
    const body = (await res.json()) as { data: { _entities: { civility: { activities: number; volunteerHours: number; starHouseholds: number } }[] } };
    return body.data._entities.map((e) => e.civility);
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ subgraphs: [civilitySubgraph] });
    ds = platform.subgraphs.civility.db.dataSource;
    await ds.query(`INSERT INTO practice_station (id, county_code, region_code, level, name) VALUES ($1, '985001000000', '985001001201', 'STATION', '实践站')`, [STATION]);
    await ds.query(`INSERT INTO volunteer_team (id, county_code, region_code, name) VALUES ($1, '985001000000', '985001001201', '志愿队')`, [TEAM]);
    await ds.query(`INSERT INTO volunteer (id, county_code, village_code, team_id, resident_id, joined_on) VALUES ($1, '985001000000', '985001001201', $2, gen_random_uuid(), DATE '2020-01-01')`, [
      VOLUNTEER,
      TEAM,
    ]);
  }, 240_000);
  afterAll(() => platform?.stop());

  it('equal a full recount after thousands of random writes, re-dates, re-ratings, moves and deletions (some rolled back), and after a rebuild', async () => {
    const next = seededRandom(20261207);
    const pickOf = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
    let serial = 0;
    const some = (table: string, id = 'id') => `SELECT ${id} FROM ${table} ORDER BY md5(${id}::text || $1) LIMIT $2`;
    const steps: RandomWrite[] = [
      (m) => insertRows(m, 1, ++serial),
      (m) => insertRows(m, 25, ++serial),
      (m) => m.query(`UPDATE practice_activity SET held_on = held_on + 200 WHERE id IN (${some('practice_activity')})`, [String(++serial), 3]),
      (m) => m.query(`UPDATE practice_activity SET region_code = $3 WHERE id IN (${some('practice_activity')})`, [String(++serial), 3, pickOf(CODES)]),
      (m) => m.query(`UPDATE volunteer_hours SET minutes = 1 + (minutes + 45) % 600, village_code = $3 WHERE id IN (${some('volunteer_hours')})`, [String(++serial), 4, pickOf(VILLAGES)]),
      (m) => m.query(`UPDATE star_rating SET stars = (stars + 1) % 6 WHERE household_id IN (${some('star_rating', 'household_id')})`, [String(++serial), 5]),
      (m) => m.query(`UPDATE star_rating SET village_code = $3 WHERE household_id IN (${some('star_rating', 'household_id')})`, [String(++serial), 3, pickOf(VILLAGES)]),
      (m) => m.query(`DELETE FROM practice_activity WHERE id IN (${some('practice_activity')})`, [String(++serial), 1 + Math.floor(next() * 3)]),
      (m) => m.query(`DELETE FROM volunteer_hours WHERE id IN (${some('volunteer_hours')})`, [String(++serial), 1 + Math.floor(next() * 3)]),
      (m) => m.query(`DELETE FROM star_rating WHERE household_id IN (${some('star_rating', 'household_id')})`, [String(++serial), 1 + Math.floor(next() * 3)]),
    ];

    await insertRows(ds.manager, 300, 0);
    const { rolledBack, writes } = await runRandomWrites(ds, next, steps, { rounds: 220 });
    expect(rolledBack).toBeGreaterThan(20);
    expect(writes).toBeGreaterThan(500);
    const [{ activities, hours, stars }] = (await ds.query(
      'SELECT (SELECT count(*)::int FROM practice_activity) AS activities, (SELECT count(*)::int FROM volunteer_hours) AS hours, (SELECT count(*)::int FROM star_rating) AS stars',
    )) as { activities: number; hours: number; stars: number }[];
    expect(Math.min(activities, hours, stars)).toBeGreaterThan(1000);
    expect(await counters(ds)).toEqual(await recount(ds));

    await ds.query('UPDATE civility_region_counter SET minutes = minutes + 7');
    const lines: string[] = [];
    await ds.transaction((m) => civilityCounterRebuild.rebuild(m, (p) => lines.push(`${p.label} ${p.done}/${p.total}`)));
    expect(lines).toEqual(['practice_activity 1/3', 'volunteer_hours 2/3', 'star_rating 3/3']);
    expect(await counters(ds)).toEqual(await recount(ds));
  }, 300_000);

  it('Region.civility(year) reads the counters: the recount’s figures, in statements that do not grow with the rows', async () => {
    const expected = (full: Record<string, Figures>, year: number) =>
      regions.map((code) => {
        const prefix = code.endsWith('000000') ? code.slice(0, 6) : code.endsWith('000') ? code.slice(0, 9) : code;
        const f = full[`${prefix}/${year}`] ?? { activities: 0, minutes: 0, stars: 0 };
        return { activities: f.activities, volunteerHours: f.minutes / 60, starHouseholds: f.stars };
      });
    const before = await countQueries(platform.subgraphs.civility, () => readCivility(2025));
    expect(before.result).toEqual(expected(await recount(ds), 2025));
    await insertRows(ds.manager, 5000, 77);
    const after = await countQueries(platform.subgraphs.civility, () => readCivility(2025));
    const full = await recount(ds);
    expect(after.result).toEqual(expected(full, 2025));
    expect(await readCivility(2024)).toEqual(expected(full, 2024));
    expect(after.count).toBe(before.count);
    expect(after.statements.filter((q) => q.includes('civility_region_counter'))).toHaveLength(1);
    expect(after.statements.join('\n')).not.toMatch(/\b(FROM|JOIN) (practice_activity|volunteer_hours|star_rating)\b/);
  }, 120_000);
});
