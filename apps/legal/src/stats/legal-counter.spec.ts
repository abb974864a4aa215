import 'reflect-metadata';
import { Role, signInternalToken, type Actor } from '@xiangzhi/kernel';
import { countQueries, runRandomWrites, type RandomWrite, seededRandom, startTestPlatform, TEST_SECRETS, type TestPlatform } from '@xiangzhi/testing';
import type { DataSource, EntityManager } from 'typeorm';
import { legalSubgraph } from '../subgraph';
import { legalCounterRebuild, legalMonthCounterRebuild } from './legal-counter';
import { splitPeriod } from './stats';

/**
 * 法治计数 the rule-of-law counters follow every write to disputes, escalations and petitions —
 * set-based and single-row, closings (mediated or not), crime-risk changes, disputes moving between
 * villages with their escalations, deletions, some rolled back — and always equal a full recount;
 * `Region.ruleOfLaw(year)` reads them in the same number of statements however many rows the county has.
 */
const VILLAGES = ['986001001201', '986001001202', '986001002201', '986002001201', '986002001202'];
type Figures = { disputes: number; mediated: number; crime_risk: number; escalations: number; petitions: number };
const COLUMNS: (keyof Figures)[] = ['disputes', 'mediated', 'crime_risk', 'escalations', 'petitions'];

/** Per prefix and year, what a full count of the rows gives (non-zero rows only). */
async function recount(ds: DataSource): Promise<Record<string, Figures>> {
  const rows = (await ds.query(
    `SELECT p.prefix, t.year, sum(t.disputes)::int AS disputes, sum(t.mediated)::int AS mediated, sum(t.crime_risk)::int AS crime_risk,
            sum(t.escalations)::int AS escalations, sum(t.petitions)::int AS petitions FROM (
       SELECT village_code, extract(year FROM opened_on)::int AS year, 1 AS disputes, (outcome = 'MEDIATED')::int AS mediated, crime_risk::int AS crime_risk, 0 AS escalations, 0 AS petitions FROM dispute
       UNION ALL SELECT d.village_code, extract(year FROM e.escalated_on)::int, 0, 0, 0, 1, 0 FROM dispute_escalation e JOIN dispute d ON d.id = e.dispute_id
       UNION ALL SELECT village_code, extract(year FROM received_on)::int, 0, 0, 0, 0, 1 FROM petition) AS t
     CROSS JOIN LATERAL (VALUES (t.village_code), (left(t.village_code, 9)), (left(t.village_code, 6))) AS p (prefix)
     GROUP BY p.prefix, t.year`,
  )) as ({ prefix: string; year: number } & Figures)[];
  return Object.fromEntries(rows.map(({ prefix, year, ...f }) => [`${prefix}/${year}`, f]));
}

/** Per prefix and month, a full count and the month counters (non-zero rows only). */
async function monthRecount(ds: DataSource): Promise<Record<string, Figures>> {
  const rows = (await ds.query(
    `SELECT p.prefix, to_char(t.month, 'YYYY-MM') AS month, sum(t.disputes)::int AS disputes, sum(t.mediated)::int AS mediated, sum(t.crime_risk)::int AS crime_risk,
            sum(t.escalations)::int AS escalations, sum(t.petitions)::int AS petitions FROM (
       SELECT village_code, date_trunc('month', opened_on) AS month, 1 AS disputes, (outcome = 'MEDIATED')::int AS mediated, crime_risk::int AS crime_risk, 0 AS escalations, 0 AS petitions FROM dispute
       UNION ALL SELECT d.village_code, date_trunc('month', e.escalated_on), 0, 0, 0, 1, 0 FROM dispute_escalation e JOIN dispute d ON d.id = e.dispute_id
       UNION ALL SELECT village_code, date_trunc('month', received_on), 0, 0, 0, 0, 1 FROM petition) AS t
     CROSS JOIN LATERAL (VALUES (t.village_code), (left(t.village_code, 9)), (left(t.village_code, 6))) AS p (prefix)
     GROUP BY 1, 2`,
  )) as ({ prefix: string; month: string } & Figures)[];
  return Object.fromEntries(rows.map(({ prefix, month, ...f }) => [`${prefix}/${month}`, f]));
}
async function monthCounters(ds: DataSource): Promise<Record<string, Figures>> {
  const rows = (await ds.query(
    `SELECT prefix, to_char(month, 'YYYY-MM') AS month, ${COLUMNS.map((c) => `${c}::int`).join(', ')} FROM legal_month_counter WHERE (${COLUMNS.join(', ')}) <> (0, 0, 0, 0, 0)`,
  )) as ({ prefix: string; month: string } & Figures)[];
  return Object.fromEntries(rows.map(({ prefix, month, ...f }) => [`${prefix}/${month}`, f]));
}

type StatsRow = { regionCode: string; name: string; disputes: number; mediated: number; mediatedRate: number | null; escalations: number; crimeRiskCases: number; petitions: number; lawsuits: number };

/** The statement `ruleOfLawStats` ran before the month counters (a caller whose scope holds the region). */
async function statsRecount(ds: DataSource, regionCode: string, from: string, to: string): Promise<StatsRow[]> {
  const own = regionCode.endsWith('000000') ? regionCode.slice(0, 6) : regionCode.endsWith('000') ? regionCode.slice(0, 9) : regionCode;
  const childLength = ({ 6: 9, 9: 12, 12: 12 } as Record<number, number>)[own.length];
  const rows = (await ds.query(
    `WITH f AS (
       SELECT village_code, 1 AS disputes, (outcome = 'MEDIATED')::int AS mediated, crime_risk::int AS crime, 0 AS escalations, 0 AS petitions, 0 AS lawsuits
         FROM dispute WHERE village_code LIKE $1 AND opened_on BETWEEN $2::date AND $3::date
       UNION ALL
       SELECT d.village_code, 0, 0, 0, 1, 0, 0 FROM dispute_escalation e JOIN dispute d ON d.id = e.dispute_id
        WHERE d.village_code LIKE $1 AND e.escalated_on BETWEEN $2::date AND $3::date
       UNION ALL
       SELECT village_code, 0, 0, 0, 0, 1, 0 FROM petition WHERE village_code LIKE $1 AND received_on BETWEEN $2::date AND $3::date
       UNION ALL
       SELECT village_code, 0, 0, 0, 0, 0, lawsuits FROM lawsuit_count WHERE village_code LIKE $1 AND year BETWEEN $4 AND $5
     )
     SELECT r.code, r.name, COALESCE(sum(f.disputes), 0)::int AS disputes, COALESCE(sum(f.mediated), 0)::int AS mediated, COALESCE(sum(f.crime), 0)::int AS crime,
            COALESCE(sum(f.escalations), 0)::int AS escalations, COALESCE(sum(f.petitions), 0)::int AS petitions, COALESCE(sum(f.lawsuits), 0)::int AS lawsuits
       FROM region_ref r LEFT JOIN f ON rpad(left(f.village_code, $6), 12, '0') = r.code
      WHERE ${own.length === 12 ? 'r.code = $7' : 'r.parent_code = $7'} AND r.code LIKE $8
      GROUP BY r.code, r.name
      ORDER BY r.code`,
    [`${own}%`, from, to, Number(from.slice(0, 4)), Number(to.slice(0, 4)), childLength, regionCode, `${own.slice(0, childLength)}%`],
  )) as { code: string; name: string; disputes: number; mediated: number; crime: number; escalations: number; petitions: number; lawsuits: number }[];
  return rows.map((r) => ({
    regionCode: r.code,
    name: r.name,
    disputes: r.disputes,
    mediated: r.mediated,
    mediatedRate: r.disputes === 0 ? null : Math.round((r.mediated / r.disputes) * 10_000) / 10_000,
    escalations: r.escalations,
    crimeRiskCases: r.crime,
    petitions: r.petitions,
    lawsuits: r.lawsuits,
  }));
}

async function counters(ds: DataSource): Promise<Record<string, Figures>> {
  const rows = (await ds.query(
    `SELECT prefix, year, ${COLUMNS.map((c) => `${c}::int`).join(', ')} FROM legal_region_counter WHERE (${COLUMNS.join(', ')}) <> (0, 0, 0, 0, 0)`,
  )) as ({ prefix: string; year: number } & Figures)[];
  return Object.fromEntries(rows.map(({ prefix, year, ...f }) => [`${prefix}/${year}`, f]));
}

/** `n` disputes and `n` petitions in random villages and years (multi-row INSERT … SELECT each). */
async function insertRows(m: Pick<EntityManager, 'query'>, n: number, seed: number): Promise<void> {
  const village = `($3::text[])[1 + abs(hashtext(g::text || 'v' || $2)) % 5]`;
  const day = `make_date((ARRAY[2024, 2025])[1 + abs(hashtext(g::text || 'y' || $2)) % 2], 1 + abs(hashtext(g::text || 'm' || $2)) % 12, 1 + abs(hashtext(g::text || 'd' || $2)) % 28)`;
  await m.query(
    `INSERT INTO dispute (village_code, category, summary, risk_level, crime_risk, tier, deadline, status, outcome, opened_on, closed_on, policy_source)
     SELECT ${village}, 'NEIGHBOUR', '计数' || g, 'LOW', abs(hashtext(g::text || 'c' || $2)) % 4 = 0, 'VILLAGE', DATE '2026-12-31', s, o, ${day}, CASE WHEN s = 'CLOSED' THEN DATE '2026-01-02' END, 'baseline'
       FROM generate_series(1, $1::int) AS g
       CROSS JOIN LATERAL (SELECT CASE WHEN abs(hashtext(g::text || 's' || $2)) % 3 = 0 THEN 'CLOSED' ELSE 'OPEN' END AS s) AS st
       CROSS JOIN LATERAL (SELECT CASE WHEN st.s = 'CLOSED' THEN (ARRAY['MEDIATED', 'WITHDRAWN', 'REFERRED_TO_COURT'])[1 + abs(hashtext(g::text || 'o' || $2)) % 3] END AS o) AS oc`,
    [n, String(seed), VILLAGES],
  );
  await m.query(
    `INSERT INTO petition (village_code, petitioner_name, level, summary, received_on, deadline)
     SELECT ${village}, '信访人' || g, 'VILLAGE', '计数', ${day}, DATE '2026-12-31' FROM generate_series(1, $1::int) AS g`,
    [n, String(seed), VILLAGES],
  );
}

describe('rule-of-law counters', () => {
  let platform: TestPlatform;
  let ds: DataSource;
  const admin: Actor = { id: 'legal-counter-admin', roles: [Role.COUNTY_ADMIN], scope: '986001000000' };
  const regions = ['986001000000', '986001001000', '986001002000', '986001001201'];
  const readRuleOfLaw = async (year: number) => {
    const res = await fetch(platform.subgraphs.legal.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-xz-actor': signInternalToken(admin, TEST_SECRETS.internalSecret) },
      body: JSON.stringify({
        query: `query($r: [_Any!]!, $y: Int!) { _entities(representations: $r) { ... on Region { ruleOfLaw(year: $y) { disputes mediated crimeRiskCases escalations petitions } } } }`,
        variables: { r: regions.map((code) => ({ __typename: 'Region', code })), y: year },
      }),
    });
    const body = (await res.json()) as { data: { _entities: { ruleOfLaw: { disputes: number; mediated: number; crimeRiskCases: number; escalations: number; petitions: number } }[] } };
    return body.data._entities.map((e) => e.ruleOfLaw);
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ subgraphs: [legalSubgraph] });
    ds = platform.subgraphs.legal.db.dataSource;
  }, 240_000);
  afterAll(() => platform?.stop());

  it('equal a full recount after thousands of random writes, closings, moves and deletions (some rolled back), and after a rebuild', async () => {
    const next = seededRandom(20261207);
    const pickOf = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
    let serial = 0;
    const some = (table: string) => `SELECT id FROM ${table} ORDER BY md5(id::text || $1) LIMIT $2`;
    const steps: RandomWrite[] = [
      (m) => insertRows(m, 1, ++serial),
      (m) => insertRows(m, 25, ++serial),
      // escalations of some disputes (one per tier at most)
      (m) =>
        m.query(
          `INSERT INTO dispute_escalation (dispute_id, from_tier, to_tier, escalated_on, deadline, automatic, reason, actor_id, policy_source)
           SELECT id, 'T' || $3, 'TOWNSHIP', opened_on + 3, DATE '2026-12-31', false, '升级', 'test', 'baseline' FROM dispute WHERE id IN (${some('dispute')})
           ON CONFLICT (dispute_id, from_tier) DO NOTHING`,
          [String(++serial), 1 + Math.floor(next() * 6), String(Math.floor(next() * 3))],
        ),
      // closing (mediated or not), reopening for the test, a crime risk found
      (m) =>
        m.query(
          `UPDATE dispute SET status = 'CLOSED', outcome = $3, closed_on = DATE '2026-01-05', version = version + 1 WHERE id IN (${some('dispute')})`,
          [String(++serial), 1 + Math.floor(next() * 6), pickOf(['MEDIATED', 'WITHDRAWN', 'REFERRED_TO_ARBITRATION'])],
        ),
      (m) => m.query(`UPDATE dispute SET status = 'OPEN', outcome = NULL, closed_on = NULL WHERE id IN (${some('dispute')})`, [String(++serial), 3]),
      (m) => m.query(`UPDATE dispute SET crime_risk = NOT crime_risk WHERE id IN (${some('dispute')})`, [String(++serial), 2]),
      // a dispute re-dated into the other year, a petition re-dated
      (m) => m.query(`UPDATE dispute SET opened_on = opened_on + CASE WHEN opened_on < DATE '2025-01-01' THEN 365 ELSE -365 END WHERE id IN (${some('dispute')})`, [String(++serial), 2]),
      (m) => m.query(`UPDATE petition SET received_on = received_on - 365 WHERE id IN (${some('petition')}) AND received_on >= DATE '2025-01-01'`, [String(++serial), 3]),
      // disputes and petitions moving to another village (as a village merger does), escalations along
      (m) => m.query(`UPDATE dispute SET village_code = $3 WHERE id IN (${some('dispute')})`, [String(++serial), 1 + Math.floor(next() * 5), pickOf(VILLAGES)]),
      (m) => m.query(`UPDATE petition SET village_code = $3 WHERE id IN (${some('petition')})`, [String(++serial), 1 + Math.floor(next() * 5), pickOf(VILLAGES)]),
      // deletions: escalations, petitions, disputes without escalations
      (m) => m.query(`DELETE FROM dispute_escalation WHERE id IN (${some('dispute_escalation')})`, [String(++serial), 1 + Math.floor(next() * 3)]),
      (m) => m.query(`DELETE FROM petition WHERE id IN (${some('petition')})`, [String(++serial), 1 + Math.floor(next() * 4)]),
      (m) =>
        m.query(`DELETE FROM dispute WHERE id IN (SELECT id FROM dispute d WHERE NOT EXISTS (SELECT 1 FROM dispute_escalation e WHERE e.dispute_id = d.id) ORDER BY md5(id::text || $1) LIMIT $2)`, [
          String(++serial),
          1 + Math.floor(next() * 3),
        ]),
    ];

    await insertRows(ds.manager, 300, 0);
    const { rolledBack, writes } = await runRandomWrites(ds, next, steps, { rounds: 220 });
    expect(rolledBack).toBeGreaterThan(20);
    expect(writes).toBeGreaterThan(500);
    const [{ disputes, escalations, petitions }] = (await ds.query(
      'SELECT (SELECT count(*)::int FROM dispute) AS disputes, (SELECT count(*)::int FROM dispute_escalation) AS escalations, (SELECT count(*)::int FROM petition) AS petitions',
    )) as { disputes: number; escalations: number; petitions: number }[];
    expect(disputes).toBeGreaterThan(1000);
    expect(petitions).toBeGreaterThan(1000);
    expect(escalations).toBeGreaterThan(50);
    expect(await counters(ds)).toEqual(await recount(ds));
    expect(await monthCounters(ds)).toEqual(await monthRecount(ds));

    await ds.query('UPDATE legal_region_counter SET disputes = disputes + 2, petitions = petitions - 1');
    const lines: string[] = [];
    await ds.transaction((m) => legalCounterRebuild.rebuild(m, (p) => lines.push(`${p.label} ${p.done}/${p.total}`)));
    expect(lines).toEqual(['dispute 1/3', 'dispute_escalation 2/3', 'petition 3/3']);
    expect(await counters(ds)).toEqual(await recount(ds));

    await ds.query('UPDATE legal_month_counter SET disputes = disputes + 2, escalations = escalations - 1');
    const monthLines: string[] = [];
    await ds.transaction((m) => legalMonthCounterRebuild.rebuild(m, (p) => monthLines.push(`${p.label} ${p.done}/${p.total}`)));
    expect(monthLines).toEqual(['dispute 1/3', 'dispute_escalation 2/3', 'petition 3/3']);
    expect(await monthCounters(ds)).toEqual(await monthRecount(ds));
  }, 300_000);

  it('Region.ruleOfLaw(year) reads the counters: the recount’s figures, in statements that do not grow with the rows', async () => {
    const expected = (full: Record<string, Figures>, year: number) =>
      regions.map((code) => {
        const prefix = code.endsWith('000000') ? code.slice(0, 6) : code.endsWith('000') ? code.slice(0, 9) : code;
        const f = full[`${prefix}/${year}`] ?? { disputes: 0, mediated: 0, crime_risk: 0, escalations: 0, petitions: 0 };
        return { disputes: f.disputes, mediated: f.mediated, crimeRiskCases: f.crime_risk, escalations: f.escalations, petitions: f.petitions };
      });
    const before = await countQueries(platform.subgraphs.legal, () => readRuleOfLaw(2025));
    expect(before.result).toEqual(expected(await recount(ds), 2025));
    await insertRows(ds.manager, 5000, 77);
    const after = await countQueries(platform.subgraphs.legal, () => readRuleOfLaw(2025));
    const full = await recount(ds);
    expect(after.result).toEqual(expected(full, 2025));
    expect(await readRuleOfLaw(2024)).toEqual(expected(full, 2024));
    expect(after.count).toBe(before.count);
    expect(after.statements.filter((q) => q.includes('legal_region_counter'))).toHaveLength(1);
    expect(after.statements.join('\n')).not.toMatch(/\b(FROM|JOIN) (dispute|petition|dispute_escalation)\b/);
  }, 120_000);

  it('ruleOfLawStats over any dates reads whole months from the month counters and counts only the partial ones: the old statement’s answer, in statements that do not grow with the rows', async () => {
    for (const code of ['986001000000', '986001001000', '986001002000', ...VILLAGES.filter((v) => v.startsWith('986001'))]) {
      const level = code.endsWith('000000') ? 'COUNTY' : code.endsWith('000') ? 'TOWNSHIP' : 'VILLAGE';
      const parent = level === 'COUNTY' ? null : level === 'TOWNSHIP' ? '986001000000' : `${code.slice(0, 9)}000`;
      await ds.query(`INSERT INTO region_ref (code, name, level, parent_code, valid_from) VALUES ($1, $2, $3, $4, DATE '2020-01-01') ON CONFLICT (code) DO NOTHING`, [code, `法治${code.slice(-6)}`, level, parent]);
    }
    await ds.query(`INSERT INTO lawsuit_count (village_code, year, lawsuits, recorded_by) VALUES ('986001001201', 2024, 3, 'test'), ('986001002201', 2025, 2, 'test') ON CONFLICT DO NOTHING`);
    const read = async (regionCode: string, from: string, to: string): Promise<StatsRow[]> => {
      const res = await fetch(platform.subgraphs.legal.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-xz-actor': signInternalToken(admin, TEST_SECRETS.internalSecret) },
        body: JSON.stringify({
          query: `query($c: String!, $f: LocalDate!, $t: LocalDate!) { ruleOfLawStats(regionCode: $c, from: $f, to: $t) { regionCode name disputes mediated mediatedRate escalations crimeRiskCases petitions lawsuits } }`,
          variables: { c: regionCode, f: from, t: to },
        }),
      });
      const body = (await res.json()) as { data: { ruleOfLawStats: StatsRow[] } };
      return body.data.ruleOfLawStats;
    };
    const periods: [string, string][] = [
      ['2024-01-01', '2025-12-31'], // whole months only
      ['2025-01-01', '2025-01-31'],
      ['2024-03-15', '2025-02-10'], // both edges partial
      ['2024-02-01', '2024-11-20'], // a partial end
      ['2024-02-29', '2024-06-30'], // a partial start
      ['2025-05-03', '2025-05-27'], // inside one month
      ['2024-12-31', '2025-01-01'], // across a year, no whole month
      ['2025-07-14', '2025-07-14'],
      ['2023-06-01', '2026-03-31'],
    ];
    for (const [from, to] of periods) {
      for (const code of ['986001000000', '986001001000', '986001002201']) expect([code, from, to, await read(code, from, to)]).toEqual([code, from, to, await statsRecount(ds, code, from, to)]);
    }
    const before = await countQueries(platform.subgraphs.legal, () => read('986001000000', '2024-03-15', '2025-02-10'));
    await insertRows(ds.manager, 3000, 78);
    const after = await countQueries(platform.subgraphs.legal, () => read('986001000000', '2024-03-15', '2025-02-10'));
    expect(after.result).toEqual(await statsRecount(ds, '986001000000', '2024-03-15', '2025-02-10'));
    expect(after.count).toBe(before.count);
    expect(after.statements.filter((q) => q.includes('legal_month_counter'))).toHaveLength(1);
  }, 120_000);
});

describe('splitPeriod', () => {
  it('splits a period into whole months and its partial ends', () => {
    expect(splitPeriod('2025-01-01', '2025-12-31')).toEqual({ months: ['2025-01-01', '2025-12-01'], edges: [] });
    expect(splitPeriod('2025-01-15', '2025-03-10')).toEqual({ months: ['2025-02-01', '2025-02-01'], edges: [['2025-01-15', '2025-01-31'], ['2025-03-01', '2025-03-10']] });
    expect(splitPeriod('2025-01-15', '2025-02-10')).toEqual({ months: null, edges: [['2025-01-15', '2025-02-10']] });
    expect(splitPeriod('2024-02-29', '2024-12-31')).toEqual({ months: ['2024-03-01', '2024-12-01'], edges: [['2024-02-29', '2024-02-29']] });
    expect(splitPeriod('2024-01-01', '2024-02-28')).toEqual({ months: ['2024-01-01', '2024-01-01'], edges: [['2024-02-01', '2024-02-28']] });
    expect(splitPeriod('2025-07-14', '2025-07-14')).toEqual({ months: null, edges: [['2025-07-14', '2025-07-14']] });
  });
});
