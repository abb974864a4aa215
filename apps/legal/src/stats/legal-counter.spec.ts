import 'reflect-metadata';
import { Role, signInternalToken, type Actor } from '@xiangzhi/kernel';
import { countQueries, runRandomWrites, type RandomWrite, seededRandom, startTestPlatform, TEST_SECRETS, type TestPlatform } from '@xiangzhi/testing';
import type { DataSource, EntityManager } from 'typeorm';
import { legalSubgraph } from '../subgraph';
import { legalCounterRebuild } from './legal-counter';

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

    await ds.query('UPDATE legal_region_counter SET disputes = disputes + 2, petitions = petitions - 1');
    const lines: string[] = [];
    await ds.transaction((m) => legalCounterRebuild.rebuild(m, (p) => lines.push(`${p.label} ${p.done}/${p.total}`)));
    expect(lines).toEqual(['dispute 1/3', 'dispute_escalation 2/3', 'petition 3/3']);
    expect(await counters(ds)).toEqual(await recount(ds));
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
});
