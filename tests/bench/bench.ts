/**
 * `npm run bench`: side-by-side measurements in one run (this machine is shared and noisy, so only
 * ratios measured together mean anything). Every measurement goes through real HTTP.
 *
 *  1. PostgreSQL vs embedded PGlite: the same queries through the gateway.
 *  2. Gateway vs direct subgraph: the cost of the federation hop for the same query.
 *  3. SQL statements per request as the result grows (must stay flat: no N+1), for the grids region
 *     tree and for the personnel `region { children { cadres { posts } } }` join and `computePayroll`.
 *  4. A county plugin vs the national baseline on the same platform: `computePayroll` and
 *     `checkEligibility` in a 龙山县 village (longshan-qihua: pay bands, tasks and awards as pay items)
 *     and in a 七星关区 village (no plugin).
 *  5. Events: a township of 100 villages imported into grids until personnel's region projection
 *     has it (import, outbox relay, consumer), on the in-process bus vs NATS JetStream.
 *  6. The 三资 ledger: `trialBalance` of an organisation with 100,000 postings vs one with its demo
 *     year, and `Region.collectiveEconomy` rolled up over counties of 65 to 508 villages, with SQL
 *     statements counted (flat in the number of villages), on PGlite and PostgreSQL
 *     (`npm run bench -- --only economy` runs this section alone).
 *  7. `--county-scale` (alone): a synthetic county of 1.58 M residents (`--residents N`, PGlite
 *     `--pglite-residents N`) written through the bulk-import path, then the README's first query, a
 *     households page, a resident search, the two-subgraph query and `computePayroll` at 10 clients
 *     on demo data and at county scale, on PostgreSQL and PGlite (`county-scale.ts`).
 *
 * The platforms run the default deployment's county models: suyu-sanding in 宿豫区, longshan-qihua in
 * 龙山县, jiangxi-135 in 信丰县.
 *
 * Iterations alternate between the compared setups so drift affects both alike.
 */
import { featuredVillages } from '@xiangzhi/demo';
import { subgraph as grids } from '@xiangzhi/grids';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { bulkInsertPostings, subgraph as economy } from '@xiangzhi/economy';
import { Role, signInternalToken, type Actor } from '@xiangzhi/kernel';
import { TEST_SECRETS, startTestPlatform, type TestPlatform, type TestPlatformOptions } from '@xiangzhi/testing';
import jiangxi135 from '@xiangzhi/jiangxi-135';
import longshanQihua from '@xiangzhi/longshan-qihua';
import suyuSanding from '@xiangzhi/suyu-sanding';
import pg from 'pg';
import { natsUnreachable, TEST_NATS_URL } from '@xiangzhi/testing';
import { countyScale } from './county-scale';
import { importProfile } from './import-profile';
import { countersBench } from './counters';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 40);
const WARMUP = 5;
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const admin: Actor = { id: 'bench', roles: [Role.COUNTY_ADMIN], scope: '433130000000' };
const village = featuredVillages().find((v) => v.code.startsWith('433130'))!;

const REGION_TREE = '{ region(code: "433130000000") { name level children { code name level stats { households residents grids openIncidents } } } }';
const HOUSEHOLDS = `{ households(regionCode: "${village.code}", first: 50) { totalCount nodes { number address grid { name } members { name gender } } } }`;
/** Both subgraphs: a township's villages with their cadres and posts (personnel) under the region tree (grids). */
const CADRE_TREE = `{ region(code: "${village.code.slice(0, 9)}000") { name children { name cadres { name posts { title } } cadreStats { count averageAge collegeShare } } } }`;
/** The county models of the default deployment. */
const COUNTY_MODELS: Pick<TestPlatformOptions, 'plugins' | 'countyParams'> = {
  plugins: [suyuSanding, longshanQihua, jiangxi135],
  countyParams: { '321311': { 'suyu-sanding': {} }, '433130': { 'longshan-qihua': {} }, '360722': { 'jiangxi-135': {} } },
};
const baselineVillage = featuredVillages().find((v) => v.code.startsWith('520502'))!;
const baselineAdmin: Actor = { id: 'bench-520502', roles: [Role.COUNTY_ADMIN], scope: '520502000000' };
const ELIGIBILITY = (postId: string): string =>
  `{ checkEligibility(input: { postId: "${postId}", name: "候选人", gender: MALE, birthDate: "1969-05-01", educationLevel: BACHELOR, partyJoinDate: "1995-07-01", situations: [], exceptional: false, asOf: "2026-11-23", vetting: [{ department: "县纪委监委", passed: true }, { department: "县委组织部", passed: true }, { department: "县委政法委", passed: true }, { department: "县公安局", passed: true }, { department: "县检察院", passed: true }, { department: "县法院", passed: true }, { department: "县信访局", passed: true }, { department: "县卫健局", passed: true }, { department: "县农业农村局", passed: true }] }) { eligible policy } }`;

/** The id of a village's Party secretary post. */
async function secretaryPost(platform: TestPlatform, villageCode: string, actor: Actor): Promise<string> {
  const res = await platform.query<{ region: { posts: { id: string; category: string }[] } }>(`{ region(code: "${villageCode}") { posts { id category } } }`, {}, actor);
  const post = res.data?.region.posts.find((p) => p.category === 'PARTY_SECRETARY');
  if (!post) throw new Error(`no secretary post in ${villageCode}: ${JSON.stringify(res.errors)}`);
  return post.id;
}
const PAYROLL = (code: string): string => `mutation { computePayroll(villageCode: "${code}", month: "2026-10") { total records { total } } }`;

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

async function pgReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

type Run = () => Promise<void>;

function viaGateway(platform: TestPlatform, query: string, actor: Actor = admin): Run {
  return async () => {
    const res = await platform.query(query, {}, actor);
    if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
  };
}

function direct(platform: TestPlatform, query: string): Run {
  const url = platform.subgraphs.grids.url;
  return async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-xz-actor': signInternalToken(admin, TEST_SECRETS.internalSecret) },
      body: JSON.stringify({ query }),
    });
    const body = (await res.json()) as { errors?: unknown[] };
    if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
  };
}

interface Stats {
  median: number;
  p90: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], p90: sorted[Math.floor(sorted.length * 0.9)] };
}

/** Runs the setups in alternation and returns per-setup latency statistics (ms). */
async function compare(label: string, runs: Record<string, Run>): Promise<Record<string, Stats>> {
  const names = Object.keys(runs);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < WARMUP; i += 1) for (const n of names) await runs[n]();
  for (let i = 0; i < ITERATIONS; i += 1) {
    const order = i % 2 === 0 ? names : [...names].reverse();
    for (const n of order) {
      const t0 = process.hrtime.bigint();
      await runs[n]();
      samples[n].push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    if ((i + 1) % 10 === 0) log(`${label}: ${i + 1}/${ITERATIONS}`);
  }
  return Object.fromEntries(names.map((n) => [n, stats(samples[n])]));
}

/** Display width: CJK characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

function cell(value: string | number, columns: number): string {
  const text = typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(2)) : value;
  return text + ' '.repeat(Math.max(1, columns - width(text)));
}

function row(cells: (string | number)[]): string {
  return cells.map((c, i) => cell(c, i === 0 ? 48 : 14)).join('');
}

async function statementsFor(platform: TestPlatform, query: string, actor: Actor, subgraph = 'grids'): Promise<number> {
  const stop = platform.subgraphs[subgraph].db.queries.start();
  await viaGateway(platform, query, actor)();
  return stop();
}

/** Arranges `count` extra full-time posts, each with its own serving cadre holding it since 2020 (post and assignment), in a village. */
async function addPostHolders(platform: TestPlatform, villageCode: string, count: number): Promise<void> {
  const county = `${villageCode.slice(0, 6)}000000`;
  await platform.subgraphs.personnel.db.dataSource.query(
    `WITH c AS (
       INSERT INTO cadre (county_code, village_code, name, gender, birth_date, education_level, party_member, status, full_time, service_start, rank_level)
       SELECT $1, $2, '专干' || g, 'MALE', DATE '1985-01-01', 'COLLEGE', false, 'ACTIVE', true, DATE '2020-01-01', 6 FROM generate_series(1, $3::int) g
       RETURNING id, name)
     , p AS (
       INSERT INTO post (county_code, village_code, code, title, category, full_time, leave_approver, template, holder_id)
       SELECT $1, $2, 'bench-' || c.name, c.name || '岗', 'FULL_TIME_STAFF', true, 'VILLAGE_SECRETARY', '{"policy":"bench","rule":"BENCH_FIXTURE","zh":"基准测试数据","en":"benchmark fixture"}'::jsonb, c.id FROM c
       RETURNING id, holder_id)
     INSERT INTO post_assignment (county_code, village_code, post_id, cadre_id, start_date, vetting)
     SELECT $1, $2, p.id, p.holder_id, DATE '2020-01-01', '{"policy":"bench","departments":[]}'::jsonb FROM p`,
    [county, villageCode, count],
  );
}

/** Villages per imported township in the events comparison. */
const EVENT_BATCH_VILLAGES = 100;
const EVENT_COUNTY = '990301000000';
const eventAdmin: Actor = { id: 'bench-events', roles: [Role.COUNTY_ADMIN], scope: '990000000000' };
const IMPORT_REGIONS = 'mutation($i: ImportRegionsInput!) { importRegions(input: $i) { inserted } }';
let eventTownship = 100;

/** Imports province, city and county of the events comparison (a code no demo data uses). */
async function importEventCounty(platform: TestPlatform): Promise<void> {
  const regions = [
    { code: '990000000000', name: '基准省', parentCode: null },
    { code: '990300000000', name: '基准市', parentCode: '990000000000' },
    { code: EVENT_COUNTY, name: '基准县', parentCode: '990300000000' },
  ];
  const res = await platform.query(IMPORT_REGIONS, { i: { regions, validFrom: '2024-01-01' } }, eventAdmin);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  await platform.drainEvents();
}

/** One run: a new township of `EVENT_BATCH_VILLAGES` villages imported into grids, then relayed and consumed until personnel has every code. */
function importTownship(platform: TestPlatform): Run {
  return async () => {
    eventTownship += 1;
    const township = `${EVENT_COUNTY.slice(0, 6)}${String(eventTownship).padStart(3, '0')}000`;
    const regions = [{ code: township, name: `基准镇${eventTownship}`, parentCode: EVENT_COUNTY }];
    for (let i = 0; i < EVENT_BATCH_VILLAGES; i += 1) regions.push({ code: `${township.slice(0, 9)}${String(200 + i).padStart(3, '0')}`, name: `基准村${eventTownship}-${i}`, parentCode: township });
    const res = await platform.query(IMPORT_REGIONS, { i: { regions, validFrom: '2024-01-01' } }, eventAdmin);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    await platform.drainEvents();
    const [{ n }] = (await platform.subgraphs.personnel.db.dataSource.query('SELECT count(*)::int AS n FROM region_ref WHERE parent_code = $1', [township])) as { n: number }[];
    if (Number(n) !== EVENT_BATCH_VILLAGES) throw new Error(`personnel's projection has ${n} of ${EVENT_BATCH_VILLAGES} villages of ${township}`);
  };
}

const LEDGER_POSTINGS = Number(process.env.BENCH_LEDGER_POSTINGS ?? 100_000);
const ROLL_UP = (code: string): string => `{ region(code: "${code}") { collectiveEconomy(year: 2025) { operatingIncome villages weakVillages } } }`;
const TRIAL_BALANCE = (organizationId: string): string => `{ trialBalance(organizationId: "${organizationId}", month: "2025-12") { closingDebit closingCredit balanced } }`;

/** Section 6: the 三资 ledger at size and the county roll-up, on PGlite and (when reachable) PostgreSQL. */
async function economyComparison(lines: string[], withPostgres: boolean): Promise<void> {
  const setups: Record<string, TestPlatform> = {};
  try {
    log('booting grids + economy with demo data on PGlite for the ledger comparison…');
    setups.pglite = await startTestPlatform({ subgraphs: [grids, economy], seed: true, databaseUrl: '' });
    if (withPostgres) {
      log('booting grids + economy with demo data on PostgreSQL…');
      setups.postgres = await startTestPlatform({ subgraphs: [grids, economy], seed: true, databaseUrl: PG_URL });
    }
    const countyAdmin = (code: string): Actor => ({ id: 'bench-economy', roles: [Role.COUNTY_ADMIN], scope: code });
    lines.push('');
    lines.push(row([`trialBalance (2025-12), PGlite${withPostgres ? ' / PostgreSQL' : ''}`, 'median ms', 'p90 ms', 'ratio (median)']));
    for (const [engine, platform] of Object.entries(setups)) {
      const ds = platform.subgraphs.economy.db.dataSource;
      const orgs = (await ds.query(`SELECT id, village_code AS "villageCode" FROM collective_organization WHERE county_code = '520502000000' ORDER BY village_code LIMIT 2`)) as { id: string; villageCode: string }[];
      const [{ n: demoPostings }] = (await ds.query('SELECT count(*)::int AS n FROM ledger_posting WHERE organization_id = $1', [orgs[1].id])) as { n: number }[];
      const t0 = Date.now();
      const written = await bulkInsertPostings(ds, orgs[0], LEDGER_POSTINGS, { year: 2025 });
      const seconds = (Date.now() - t0) / 1000;
      log(`${engine}: ${written} postings written in ${seconds.toFixed(1)} s (${Math.round(written / seconds)} postings/s)`);
      const actor = countyAdmin('520502000000');
      const r = await compare(`${engine}: trial balance ${LEDGER_POSTINGS} vs demo postings`, {
        demo: viaGateway(platform, TRIAL_BALANCE(orgs[1].id), actor),
        large: viaGateway(platform, TRIAL_BALANCE(orgs[0].id), actor),
      });
      const statements = await statementsFor(platform, TRIAL_BALANCE(orgs[0].id), actor, 'economy');
      lines.push(row([`${engine}: ${Number(demoPostings)} postings (demo year)`, r.demo.median, r.demo.p90, 1]));
      lines.push(row([`${engine}: ${written + Number(demoPostings)} postings, ${statements} SQL statements`, r.large.median, r.large.p90, r.large.median / r.demo.median]));
    }
    lines.push('');
    lines.push(row(['collectiveEconomy(2025) roll-up', 'villages', 'statements', 'median ms']));
    for (const [engine, platform] of Object.entries(setups)) {
      for (const code of ['513424000000', '511102000000', '433130000000', '520502000000']) {
        const query = ROLL_UP(code);
        const statements = await statementsFor(platform, query, countyAdmin(code), 'economy');
        const res = await platform.query<{ region: { collectiveEconomy: { villages: number } } }>(query, {}, countyAdmin(code));
        const r = await compare(`${engine}: roll-up ${code}`, { rollUp: viaGateway(platform, query, countyAdmin(code)) });
        lines.push(row([`${engine}: county ${code}`, res.data?.region.collectiveEconomy.villages ?? 0, statements, r.rollUp.median]));
      }
    }
  } finally {
    for (const platform of Object.values(setups)) await platform.stop();
  }
}

/** Section 5: region events from grids to personnel's projection, in-process bus vs NATS JetStream (both on PGlite, no demo data). */
async function eventComparison(lines: string[]): Promise<void> {
  const unreachable = natsUnreachable(TEST_NATS_URL);
  if (unreachable) {
    log(`${unreachable}: the events comparison is skipped`);
    return;
  }
  log('booting two platforms without demo data for the events comparison (in-process bus, NATS JetStream)…');
  const inProcess = await startTestPlatform({ subgraphs: [grids, personnel], databaseUrl: '' });
  const nats = await startTestPlatform({ subgraphs: [grids, personnel], databaseUrl: '', natsUrl: TEST_NATS_URL });
  try {
    await importEventCounty(inProcess);
    await importEventCounty(nats);
    const r = await compare('events: in-process vs NATS', { inProcess: importTownship(inProcess), nats: importTownship(nats) });
    lines.push('');
    lines.push(row([`import ${EVENT_BATCH_VILLAGES + 1} regions → personnel projection`, 'median ms', 'p90 ms', 'ratio (median)']));
    lines.push(row([`in-process bus (${Math.round(((EVENT_BATCH_VILLAGES + 1) * 1000) / r.inProcess.median)} regions/s)`, r.inProcess.median, r.inProcess.p90, 1]));
    lines.push(row([`NATS JetStream (${Math.round(((EVENT_BATCH_VILLAGES + 1) * 1000) / r.nats.median)} regions/s)`, r.nats.median, r.nats.p90, r.nats.median / r.inProcess.median]));
  } finally {
    await inProcess.stop();
    await nats.stop();
  }
}

/** `npm run bench -- --only economy` runs one section by itself (sections: economy). */
function onlySection(): string | null {
  const at = process.argv.indexOf('--only');
  return at >= 0 ? (process.argv[at + 1] ?? null) : null;
}

async function main(): Promise<void> {
  if (process.argv.includes('--import-profile')) {
    // where a resident bulk import spends its time on PostgreSQL (see import-profile.ts)
    await importProfile(PG_URL);
    return;
  }
  if (process.argv.includes('--counters')) {
    // Region.incidentHandling and ruleOfLawStats: the old counts vs the counters at 100,000 rows (see counters.ts)
    await countersBench(PG_URL, await pgReachable());
    return;
  }
  if (process.argv.includes('--county-scale')) {
    // the synthetic county through the bulk-import path, then demo vs county scale (see county-scale.ts)
    await countyScale(PG_URL, await pgReachable());
    return;
  }
  if (onlySection() === 'economy') {
    const lines: string[] = [];
    await economyComparison(lines, await pgReachable());
    process.stdout.write(`\nxiangzhi benchmark (economy section) — ${ITERATIONS} iterations per setup, alternating, after ${WARMUP} warm-up runs\n${lines.join('\n')}\n`);
    return;
  }
  log('booting the platform on embedded PGlite (grids + personnel subgraphs + gateway, demo data)…');
  const lite = await startTestPlatform({ subgraphs: [grids, personnel], seed: true, databaseUrl: '', ...COUNTY_MODELS });
  let postgres: TestPlatform | null = null;
  if (await pgReachable()) {
    log(`booting the platform on PostgreSQL (${PG_URL})…`);
    postgres = await startTestPlatform({ subgraphs: [grids, personnel], seed: true, databaseUrl: PG_URL, ...COUNTY_MODELS });
  } else {
    log(`PostgreSQL at ${PG_URL} is not reachable: the PostgreSQL comparison is skipped`);
  }
  try {
    const lines: string[] = [];
    lines.push(row(['comparison', 'median ms', 'p90 ms', 'ratio (median)']));
    if (postgres) {
      const queries = [
        ['region tree (龙山县, 21 townships)', REGION_TREE],
        ['households page (50, members, grid)', HOUSEHOLDS],
        ['township villages + cadres + posts (2 subgraphs)', CADRE_TREE],
      ] as const;
      for (const [label, query] of queries) {
        const r = await compare(`pg vs pglite: ${label}`, { pglite: viaGateway(lite, query), postgres: viaGateway(postgres, query) });
        lines.push(row([`${label} — PGlite`, r.pglite.median, r.pglite.p90, 1]));
        lines.push(row([`${label} — PostgreSQL`, r.postgres.median, r.postgres.p90, r.postgres.median / r.pglite.median]));
      }
    }
    const hop = await compare('gateway vs direct', { direct: direct(lite, REGION_TREE), gateway: viaGateway(lite, REGION_TREE) });
    lines.push(row(['region tree — direct to subgraph', hop.direct.median, hop.direct.p90, 1]));
    lines.push(row(['region tree — through the gateway', hop.gateway.median, hop.gateway.p90, hop.gateway.median / hop.direct.median]));

    const payrollModels = await compare('plugin vs baseline: computePayroll', {
      baseline: viaGateway(lite, PAYROLL(baselineVillage.code), baselineAdmin),
      longshan: viaGateway(lite, PAYROLL(village.code)),
    });
    lines.push(row([`computePayroll — baseline (七星关区)`, payrollModels.baseline.median, payrollModels.baseline.p90, 1]));
    lines.push(row([`computePayroll — longshan-qihua (龙山县)`, payrollModels.longshan.median, payrollModels.longshan.p90, payrollModels.longshan.median / payrollModels.baseline.median]));
    const [baselinePost, longshanPost] = [await secretaryPost(lite, baselineVillage.code, baselineAdmin), await secretaryPost(lite, village.code, admin)];
    const eligibilityModels = await compare('plugin vs baseline: checkEligibility', {
      baseline: viaGateway(lite, ELIGIBILITY(baselinePost), baselineAdmin),
      longshan: viaGateway(lite, ELIGIBILITY(longshanPost)),
    });
    lines.push(row([`checkEligibility — baseline (七星关区)`, eligibilityModels.baseline.median, eligibilityModels.baseline.p90, 1]));
    lines.push(row([`checkEligibility — longshan-qihua (龙山县)`, eligibilityModels.longshan.median, eligibilityModels.longshan.p90, eligibilityModels.longshan.median / eligibilityModels.baseline.median]));

    lines.push('');
    lines.push(row(['SQL statements per request (region tree)', 'children', 'statements', 'ratio']));
    const counties = ['321311000000', '433130000000', '520502000000'];
    const counted: { code: string; children: number; statements: number }[] = [];
    for (const code of counties) {
      const statements = await statementsFor(lite, REGION_TREE.replace('433130000000', code), { ...admin, scope: code });
      const [{ n }] = await lite.subgraphs.grids.db.dataSource.query('SELECT count(*)::int AS n FROM region WHERE parent_code = $1', [code]);
      counted.push({ code, children: Number(n), statements });
    }
    for (const c of counted) lines.push(row([`county ${c.code}`, c.children, c.statements, c.statements / counted[0].statements]));

    lines.push('');
    lines.push(row(['personnel SQL per request (cadre tree)', 'villages', 'statements', 'ratio']));
    const townships = ['433130101000', '520502101000', '321311001000'];
    const trees: { code: string; villages: number; statements: number }[] = [];
    for (const code of townships) {
      const statements = await statementsFor(lite, CADRE_TREE.replace(/region\(code: "\d{12}"\)/, `region(code: "${code}")`), { ...admin, scope: `${code.slice(0, 6)}000000` }, 'personnel');
      const [{ n }] = await lite.subgraphs.grids.db.dataSource.query('SELECT count(*)::int AS n FROM region WHERE parent_code = $1', [code]);
      trees.push({ code, villages: Number(n), statements });
    }
    for (const t of trees) lines.push(row([`township ${t.code}`, t.villages, t.statements, t.statements / trees[0].statements]));

    lines.push('');
    lines.push(row(['personnel SQL per computePayroll', 'cadres', 'statements', 'ratio']));
    const payrolls: { code: string; cadres: number; statements: number }[] = [];
    // Three villages of 龙山县 with 4, 24 and 64 post holders (extra full-time posts arranged in SQL).
    for (const [code, extra] of [['433130101203', 0], ['433130101204', 20], ['433130101205', 60]] as const) {
      if (extra > 0) await addPostHolders(lite, code, extra);
      const statements = await statementsFor(lite, PAYROLL(code), admin, 'personnel');
      const [{ n }] = await lite.subgraphs.personnel.db.dataSource.query('SELECT count(DISTINCT holder_id)::int AS n FROM post WHERE village_code = $1 AND holder_id IS NOT NULL', [code]);
      payrolls.push({ code, cadres: Number(n), statements });
    }
    for (const p of payrolls) lines.push(row([`village ${p.code}`, p.cadres, p.statements, p.statements / payrolls[0].statements]));
    const baselinePayroll = await statementsFor(lite, PAYROLL(baselineVillage.code), baselineAdmin, 'personnel');
    const [{ n: baselineCadres }] = await lite.subgraphs.personnel.db.dataSource.query('SELECT count(DISTINCT holder_id)::int AS n FROM post WHERE village_code = $1 AND holder_id IS NOT NULL', [baselineVillage.code]);
    lines.push(row([`baseline village ${baselineVillage.code} (no plugin)`, Number(baselineCadres), baselinePayroll, baselinePayroll / payrolls[0].statements]));

    await eventComparison(lines);
    await economyComparison(lines, postgres !== null);

    process.stdout.write(`\nxiangzhi benchmark — ${ITERATIONS} iterations per setup, alternating, after ${WARMUP} warm-up runs\n\n${lines.join('\n')}\n`);
  } finally {
    await lite.stop();
    await postgres?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
