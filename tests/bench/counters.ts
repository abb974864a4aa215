/**
 * `npm run bench -- --counters`: the per-request counts that `Region.incidentHandling` and
 * `ruleOfLawStats` replaced, side by side with the statements they run now, on 100,000 incidents
 * (with their resolutions in the history) and 100,000 disputes and petitions in 400 villages of 20
 * townships, inserted set-based, then vacuumed and analysed (as autovacuum leaves a table at rest),
 * on PGlite and PostgreSQL. Each statement answers a county and its 20 townships; the median of 15
 * runs, old and new alternating, after 3 warm-up runs.
 */
import { subgraph as grids } from '@xiangzhi/grids';
import { subgraph as legal } from '@xiangzhi/legal';
import { startTestPlatform } from '@xiangzhi/testing';
import os from 'node:os';
import type { DataSource } from 'typeorm';

const ROWS = 100_000;
const RUNS = 15;
const COUNTY = '981001';
const TOWNSHIPS = Array.from({ length: 20 }, (_, t) => `${COUNTY}${String(t + 1).padStart(3, '0')}`);
const VILLAGES = TOWNSHIPS.flatMap((t) => Array.from({ length: 20 }, (_, v) => `${t}${String(v + 201).padStart(3, '0')}`));
const PREFIXES = [COUNTY, ...TOWNSHIPS];
const OPEN = `('REPORTED', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'ESCALATED')`;

async function load(grid: DataSource, law: DataSource): Promise<void> {
  const regions = [`${COUNTY}000000`, ...TOWNSHIPS.map((t) => `${t}000`), ...VILLAGES];
  const level = (c: string) => (c.endsWith('000000') ? 'COUNTY' : c.endsWith('000') ? 'TOWNSHIP' : 'VILLAGE');
  const parent = (c: string) => (level(c) === 'COUNTY' ? null : level(c) === 'TOWNSHIP' ? `${COUNTY}000000` : `${c.slice(0, 9)}000`);
  await grid.query(
    `INSERT INTO region (code, name, level, parent_code, county_code) SELECT c, '计数' || right(c, 6), l, p, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS r (c, l, p)`,
    [regions, regions.map(level), regions.map(parent), `${COUNTY}000000`],
  );
  await law.query(`INSERT INTO region_ref (code, name, level, parent_code, valid_from) SELECT c, '计数' || right(c, 6), l, p, DATE '2020-01-01' FROM unnest($1::text[], $2::text[], $3::text[]) AS r (c, l, p)`, [
    regions,
    regions.map(level),
    regions.map(parent),
  ]);
  const year = new Date().getUTCFullYear();
  await grid.query(
    `INSERT INTO incident (county_code, village_code, source, category, title, reported_by, status, rating, deadline, created_at)
     SELECT $3 , ($2::text[])[1 + g % 400], 'GRID_PATROL', 'OTHER', '计数' || g, 'bench', s, CASE WHEN s = 'CLOSED' THEN 1 + g % 5 END,
            now() + ((g % 61) - 30) * interval '1 day', make_timestamptz($4, 1, 2, 0, 0, 0, 'UTC') + (g % 330) * interval '1 day'
       FROM generate_series(1, $1::int) AS g
       CROSS JOIN LATERAL (SELECT (ARRAY['REPORTED', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'ESCALATED', 'RESOLVED', 'CLOSED', 'CLOSED', 'CLOSED', 'REJECTED'])[1 + (g * 7) % 10] AS s) AS st`,
    [ROWS, VILLAGES, `${COUNTY}000000`, year],
  );
  await grid.query(
    `INSERT INTO incident_history (incident_id, county_code, village_code, seq, action, from_status, to_status, from_tier, to_tier, actor_id, at)
     SELECT id, county_code, village_code, 4, 'RESOLVE', 'IN_PROGRESS', 'RESOLVED', 'VILLAGE', 'VILLAGE', 'bench', deadline + (CASE WHEN hashtext(id::text) % 3 = 0 THEN 1 ELSE -1 END) * interval '2 hours'
       FROM incident WHERE status IN ('RESOLVED', 'CLOSED')`,
  );
  const day = `make_date(2024 + g % 2, 1 + (g / 7) % 12, 1 + (g / 3) % 28)`;
  await law.query(
    `INSERT INTO dispute (village_code, category, summary, risk_level, crime_risk, tier, deadline, status, outcome, opened_on, closed_on, policy_source)
     SELECT ($2::text[])[1 + g % 400], 'NEIGHBOUR', '计数' || g, 'LOW', g % 9 = 0, 'VILLAGE', DATE '2026-12-31', CASE WHEN g % 3 = 0 THEN 'CLOSED' ELSE 'OPEN' END,
            CASE WHEN g % 3 = 0 THEN 'MEDIATED' END, ${day}, CASE WHEN g % 3 = 0 THEN DATE '2026-01-02' END, 'baseline'
       FROM generate_series(1, $1::int) AS g`,
    [ROWS, VILLAGES],
  );
  await law.query(
    `INSERT INTO dispute_escalation (dispute_id, from_tier, to_tier, escalated_on, deadline, automatic, reason, actor_id, policy_source)
     SELECT id, 'VILLAGE', 'TOWNSHIP', opened_on + 3, DATE '2026-12-31', false, '升级', 'bench', 'baseline' FROM dispute WHERE hashtext(id::text) % 10 = 0`,
  );
  await law.query(
    `INSERT INTO petition (village_code, petitioner_name, level, summary, received_on, deadline)
     SELECT ($2::text[])[1 + g % 400], '信访人' || g, 'VILLAGE', '计数', ${day}, DATE '2026-12-31' FROM generate_series(1, $1::int) AS g`,
    [ROWS, VILLAGES],
  );
  for (const t of ['region', 'incident', 'incident_history']) await grid.query(`VACUUM ANALYZE ${t}`);
  for (const t of ['region_ref', 'dispute', 'dispute_escalation', 'petition', 'legal_month_counter']) await law.query(`VACUUM ANALYZE ${t}`);
}

/** The statements `Region.incidentHandling` ran before (one) and runs now (two), for the county and its townships. */
function handling(grid: DataSource): { before: () => Promise<unknown>; after: () => Promise<unknown> } {
  const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
  const from = new Date(`${year}-01-01T00:00:00+08:00`);
  const to = new Date(`${year + 1}-01-01T00:00:00+08:00`);
  const likes = (first: number) => PREFIXES.map((_, n) => `i.village_code LIKE $${n + first}`).join(' OR ');
  const patterns = PREFIXES.map((p) => `${p}%`);
  return {
    before: () =>
      grid.query(
        `SELECT i.village_code, count(*)::int AS total, count(*) FILTER (WHERE i.status = $3)::int AS closed,
                count(*) FILTER (WHERE i.status IN ($3, $4) OR (i.status <> $6 AND i.deadline <= $5))::int AS due,
                count(*) FILTER (WHERE i.status = $3 AND EXISTS (
                  SELECT 1 FROM incident_history h WHERE h.incident_id = i.id AND h.to_status = $4 AND h.at <= i.deadline))::int AS closed_on_time,
                count(i.rating) FILTER (WHERE i.status = $3)::int AS rated, coalesce(sum(i.rating) FILTER (WHERE i.status = $3), 0)::int AS rating_sum
           FROM incident i WHERE i.created_at >= $1 AND i.created_at < $2 AND (${likes(7)}) GROUP BY i.village_code`,
        [from, to, 'CLOSED', 'RESOLVED', new Date(), 'REJECTED', ...patterns],
      ),
    after: async () => {
      await grid.query(
        `SELECT prefix, total, closed, settled, closed_on_time, rated, rating_sum FROM incident_handling_counter
          WHERE (prefix = ANY($1::text[]) OR (length(prefix) = 6 AND prefix LIKE ANY($2::text[]))) AND year = $3`,
        [PREFIXES, [], year],
      );
      return grid.query(
        `SELECT i.village_code, count(*)::int AS overdue FROM incident i
          WHERE i.status IN ${OPEN} AND i.deadline <= $3 AND i.created_at >= $1 AND i.created_at < $2 AND (${likes(4)}) GROUP BY i.village_code`,
        [from, to, new Date(), ...patterns],
      );
    },
  };
}

/** `ruleOfLawStats` of the county over 2024-03-15 – 2025-02-10 before (one statement) and now (two). */
function ruleOfLaw(law: DataSource): { before: () => Promise<unknown>; after: () => Promise<unknown> } {
  const body = (dates: (column: string) => string) => `WITH f AS (
       SELECT village_code, 1 AS disputes, (outcome = 'MEDIATED')::int AS mediated, crime_risk::int AS crime, 0 AS escalations, 0 AS petitions, 0 AS lawsuits
         FROM dispute WHERE village_code LIKE $1 AND ${dates('opened_on')}
       UNION ALL
       SELECT d.village_code, 0, 0, 0, 1, 0, 0 FROM dispute_escalation e JOIN dispute d ON d.id = e.dispute_id WHERE d.village_code LIKE $1 AND ${dates('e.escalated_on')}
       UNION ALL
       SELECT village_code, 0, 0, 0, 0, 1, 0 FROM petition WHERE village_code LIKE $1 AND ${dates('received_on')}
       UNION ALL
       SELECT village_code, 0, 0, 0, 0, 0, lawsuits FROM lawsuit_count WHERE village_code LIKE $1 AND year BETWEEN $4 AND $5
     )
     SELECT r.code, r.name, COALESCE(sum(f.disputes), 0)::int AS disputes, COALESCE(sum(f.mediated), 0)::int AS mediated, COALESCE(sum(f.crime), 0)::int AS crime,
            COALESCE(sum(f.escalations), 0)::int AS escalations, COALESCE(sum(f.petitions), 0)::int AS petitions, COALESCE(sum(f.lawsuits), 0)::int AS lawsuits
       FROM region_ref r LEFT JOIN f ON rpad(left(f.village_code, $6), 12, '0') = r.code
      WHERE r.parent_code = $7 AND r.code LIKE $8 GROUP BY r.code, r.name ORDER BY r.code`;
  const params = [`${COUNTY}%`, '2024-03-15', '2025-02-10', 2024, 2025, 9, `${COUNTY}000000`, `${COUNTY}%`];
  return {
    before: () => law.query(body((c) => `${c} BETWEEN $2::date AND $3::date`), params),
    after: async () => {
      await law.query(body((c) => `(${c} BETWEEN $2::date AND $3::date OR ${c} BETWEEN $9::date AND $10::date)`), [...params.slice(0, 1), '2024-03-15', '2024-03-31', ...params.slice(3), '2025-02-01', '2025-02-10']);
      return law.query(
        `SELECT prefix, sum(disputes)::bigint AS disputes, sum(mediated)::bigint AS mediated, sum(crime_risk)::bigint AS crime_risk, sum(escalations)::bigint AS escalations, sum(petitions)::bigint AS petitions
           FROM legal_month_counter WHERE (prefix = ANY($1::text[]) OR (length(prefix) = 6 AND prefix LIKE ANY($2::text[]))) AND month BETWEEN $3::date AND $4::date GROUP BY prefix`,
        [TOWNSHIPS, [], '2024-04-01', '2025-01-01'],
      );
    },
  };
}

async function median(run: () => Promise<unknown>, times: number[]): Promise<void> {
  const started = performance.now();
  await run();
  times.push(performance.now() - started);
}
const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Old and new alternating, `RUNS` each after 3 warm-ups; the medians in ms. */
async function compare(pair: { before: () => Promise<unknown>; after: () => Promise<unknown> }): Promise<[number, number]> {
  for (let i = 0; i < 3; i++) {
    await pair.before();
    await pair.after();
  }
  const b: number[] = [];
  const a: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await median(pair.before, b);
    await median(pair.after, a);
  }
  return [mid(b), mid(a)];
}

/** Runs the comparison on PGlite and (when reachable) PostgreSQL, printing a table with the load average. */
export async function countersBench(pgUrl: string, pgOk: boolean): Promise<void> {
  const lines: string[] = [];
  for (const [engine, databaseUrl] of [['PGlite', ''], ...(pgOk ? [['PostgreSQL', pgUrl]] : [])] as [string, string][]) {
    const platform = await startTestPlatform({ subgraphs: [grids, legal], databaseUrl });
    try {
      const grid = platform.subgraphs.grids.db.dataSource;
      const law = platform.subgraphs.legal.db.dataSource;
      const loadStart = Date.now();
      await load(grid, law);
      process.stderr.write(`${engine}: ${ROWS} incidents, disputes and petitions loaded in ${Date.now() - loadStart} ms\n`);
      const before = os.loadavg()[0];
      const [hb, ha] = await compare(handling(grid));
      const [rb, ra] = await compare(ruleOfLaw(law));
      const after = os.loadavg()[0];
      const f = (ms: number) => `${ms.toFixed(1)} ms`;
      lines.push(`| ${engine} | Region.incidentHandling | ${f(hb)} → ${f(ha)} (${(hb / ha).toFixed(1)}×) | load ${before.toFixed(1)}–${after.toFixed(1)} |`);
      lines.push(`| ${engine} | ruleOfLawStats 2024-03-15…2025-02-10 | ${f(rb)} → ${f(ra)} (${(rb / ra).toFixed(1)}×) | load ${before.toFixed(1)}–${after.toFixed(1)} |`);
    } finally {
      await platform.stop();
    }
  }
  process.stdout.write(`\ncounters: ${ROWS} rows each, county + 20 townships, median of ${RUNS} (counted → counters)\n${lines.join('\n')}\n`);
}
