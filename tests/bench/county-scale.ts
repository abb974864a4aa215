/**
 * `npm run bench -- --county-scale`: a synthetic county at real size (七星关区: 508 villages,
 * 1.58 M residents, ~450 k households; `--residents N` to scale it down) written THROUGH the bulk
 * import path (`importFile`, the writer of `xz import`), with its throughput, then five requests
 * measured before (demo data) and after (county scale), side by side on PostgreSQL and PGlite:
 * the README's first query, a households page, a resident search, the two-subgraph query and
 * `computePayroll` for a village — 10 concurrent clients (`--clients N`), requests/s, p50/p95/p99, SQL
 * statements per request, and the ratio county-scale ÷ demo; then each request alone (one client,
 * `BENCH_SINGLE_REQUESTS`, default 50: its own latency, no queueing); at county scale the search's
 * SQL statement as the resolver sends it, explained (`EXPLAIN (ANALYZE, BUFFERS)`) for a common pair
 * in the county and in a village, a common surname alone and a name not present. PGlite gets `--pglite-residents N` (default
 * 100,000): at 1.58 M its single connection makes the run long.
 *
 * `--only import` runs the imports alone (no requests measured; PostgreSQL only unless
 * `--pglite-residents N` is given), `--writers N` sets the PostgreSQL writers (default 2), and
 * `--compare-paths` imports the same residents' file twice side by side on PostgreSQL — once with the
 * `unnest` writer and the name tokens' SQL function used before, once with `COPY` into a staging
 * table and the PL/pgSQL name tokens — into two schemas booted
 * together, one after the other, and prints the rows/s of each and their ratio.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoRegions, syntheticHouseholdCount, syntheticHouseholdsCsv, syntheticResidentsCsv, type SyntheticCountyOptions } from '@xiangzhi/demo';
import { subgraph as grids } from '@xiangzhi/grids';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { composeIdNumber } from '@xiangzhi/grids-api';
import { formatImportProgress, importFile, Role, type Actor, type BulkImporter, type ImportSession } from '@xiangzhi/kernel';
import type { EntityManager } from 'typeorm';
import { startTestPlatform, type TestPlatform } from '@xiangzhi/testing';

const COUNTY = '520502000000';
const VILLAGE = '520502101200';
const TOWNSHIP = '520502101000';
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
/** Requests of the one-client measurement (each request alone: its own latency, no queueing). */
const SINGLE_REQUESTS = Number(process.env.BENCH_SINGLE_REQUESTS ?? 50);

const admin: Actor = { id: 'bench-county', roles: [Role.COUNTY_ADMIN], scope: COUNTY };

/** The five requests, and the subgraphs whose SQL statements they cause. */
const REQUESTS_MEASURED: { label: string; query: string; subgraphs: string[] }[] = [
  { label: 'region { children { stats } } (county)', query: `{ region(code: "${COUNTY}") { name children { code name stats { households residents grids openIncidents } } } }`, subgraphs: ['grids'] },
  { label: 'households page (50, members, grid)', query: `{ households(regionCode: "${VILLAGE}", first: 50) { nodes { number address grid { name } members { name gender } } } }`, subgraphs: ['grids'] },
  { label: 'searchResidents(name: "王秀") in the county', query: `{ searchResidents(name: "王秀", regionCode: "${COUNTY}", first: 20) { nodes { name household { number } } } }`, subgraphs: ['grids'] },
  { label: 'township villages + cadres (2 subgraphs)', query: `{ region(code: "${TOWNSHIP}") { name children { name cadres { name posts { title } } cadreStats { count averageAge } } } }`, subgraphs: ['grids', 'personnel'] },
  { label: 'computePayroll (village)', query: `mutation { computePayroll(villageCode: "${VILLAGE}", month: "2026-10") { total records { total } } }`, subgraphs: ['personnel', 'grids'] },
];

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function argNumber(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(String(process.argv[at + 1]).replace(/_/g, ''));
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive whole number`);
  return value;
}

interface Load {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  statements: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

/** `--clients N` concurrent clients (default 10). */
function clientCount(): number {
  return argNumber('--clients', 10);
}

/** `requests` requests from `clients` concurrent clients after a warm-up; then one more counted for its SQL statements. */
async function load(platform: TestPlatform, query: string, subgraphs: string[], clients: number, requests: number): Promise<Load> {
  const once = async () => {
    const res = await platform.query(query, {}, admin);
    if (res.errors?.length) throw new Error(`${query}: ${JSON.stringify(res.errors).slice(0, 500)}`);
  };
  for (let i = 0; i < 3; i += 1) await once();
  const samples: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < requests) {
        next += 1;
        const t0 = process.hrtime.bigint();
        await once();
        samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const stops = subgraphs.map((s) => platform.subgraphs[s].db.queries.start());
  await once();
  const statements = stops.reduce((sum, stop) => sum + stop(), 0);
  samples.sort((a, b) => a - b);
  return { rps: samples.length / seconds, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), p99: percentile(samples, 0.99), statements };
}

/** Each request at `--clients` concurrent clients, then alone (one client: the request's own latency). */
async function measureAll(platform: TestPlatform, engine: string, phase: string): Promise<{ loaded: Load; single: Load }[]> {
  const results: { loaded: Load; single: Load }[] = [];
  for (const r of REQUESTS_MEASURED) {
    const loaded = await load(platform, r.query, r.subgraphs, clientCount(), REQUESTS);
    const single = await load(platform, r.query, r.subgraphs, 1, SINGLE_REQUESTS);
    results.push({ loaded, single });
    log(`${engine} ${phase}: ${r.label}: ${loaded.rps.toFixed(1)} req/s at ${clientCount()} clients, p50 ${single.p50.toFixed(1)} ms alone`);
  }
  return results;
}

/** The searches whose SQL is explained at county scale: the measured one, and the kinds of name the index serves differently. */
const SEARCHES_EXPLAINED: { label: string; query: string }[] = [
  { label: 'searchResidents(name: "王秀", regionCode: county, first: 20)', query: `{ searchResidents(name: "王秀", regionCode: "${COUNTY}", first: 20) { nodes { id } } }` },
  { label: 'searchResidents(name: "王", first: 20)', query: `{ searchResidents(name: "王", first: 20) { nodes { id } } }` },
  { label: 'searchResidents(name: "王秀", regionCode: village, first: 20)', query: `{ searchResidents(name: "王秀", regionCode: "${VILLAGE}", first: 20) { nodes { id } } }` },
  { label: 'searchResidents(name: "无此人", first: 20)', query: `{ searchResidents(name: "无此人", first: 20) { nodes { id } } }` },
];

/**
 * The SQL statement a search runs on the resident table, as the resolver sends it (text and
 * parameters, read from the data source's logger while the request runs), with its plan and
 * timings (`EXPLAIN (ANALYZE, BUFFERS)`, run a second time so the cache is warm).
 */
async function explainSearch(platform: TestPlatform, query: string): Promise<string[]> {
  const dataSource = platform.subgraphs.grids.db.dataSource;
  const logger = dataSource.logger;
  const logQuery = logger.logQuery.bind(logger);
  const seen: { sql: string; params: unknown[] }[] = [];
  logger.logQuery = (sql, params, runner) => {
    if (/FROM ("[^"]+"\.)?"resident"/.test(sql) && !/count\(\*\)/.test(sql)) seen.push({ sql, params: Array.isArray(params) ? params : [] });
    return logQuery(sql, params, runner);
  };
  try {
    const res = await platform.query(query, {}, admin);
    if (res.errors?.length) throw new Error(`${query}: ${JSON.stringify(res.errors).slice(0, 500)}`);
  } finally {
    logger.logQuery = logQuery;
  }
  const statement = seen[0];
  if (!statement) return ['  (no statement on the resident table seen)'];
  const plan = async () => (await dataSource.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.params)) as { 'QUERY PLAN': string }[];
  await plan();
  return [`  ${statement.sql}`, `  -- ${JSON.stringify(statement.params)}`, ...(await plan()).map((r) => `    ${r['QUERY PLAN']}`)];
}

/** Writes the synthetic county's two CSV files (once per size) and returns their paths. */
function countyFiles(dir: string, residents: number): { households: string; residents: string; householdCount: number } {
  const villageCodes = demoRegions()
    .filter((r) => r.level === 'VILLAGE' && r.code.startsWith(COUNTY.slice(0, 6)))
    .map((r) => r.code);
  const options: SyntheticCountyOptions = { villageCodes, residents, addressCode: '520599', composeIdNumber, numberPrefix: 'S' };
  const files = { households: path.join(dir, `households-${residents}.csv`), residents: path.join(dir, `residents-${residents}.csv`), householdCount: syntheticHouseholdCount(options) };
  const write = (file: string, chunks: Iterable<string>) => {
    const fd = fs.openSync(file, 'w');
    try {
      for (const chunk of chunks) fs.writeSync(fd, chunk);
    } finally {
      fs.closeSync(fd);
    }
  };
  if (!fs.existsSync(files.households)) write(files.households, syntheticHouseholdsCsv(options));
  if (!fs.existsSync(files.residents)) {
    log(`generating ${residents} residents in ${villageCodes.length} villages…`);
    write(files.residents, syntheticResidentsCsv(options));
  }
  return files;
}

interface ImportFigures {
  kind: string;
  rows: number;
  checkSeconds: number;
  writeSeconds: number;
}

/** The residents' importer writing with the `unnest` arrays, as before `COPY` (`--compare-paths`). */
function unnestResidentImporter(): BulkImporter {
  const { writeResidents } = require('@xiangzhi/grids/dist/territory/import/register-import') as {
    writeResidents: (m: EntityManager, records: readonly unknown[], options?: { staged?: boolean }) => Promise<void>;
  };
  const importer = (grids.importers ?? []).find((i) => i.kind === 'residents') as BulkImporter;
  return {
    ...importer,
    async open(manager, scope): Promise<ImportSession<unknown>> {
      const session = await importer.open(manager, scope);
      return {
        check: (rows, options) => session.check(rows, options),
        async write(m, records) {
          await writeResidents(m, records, { staged: false });
          return records.map((r) => (r as { id: string }).id);
        },
      };
    },
  };
}

async function importInto(platform: TestPlatform, engine: string, kind: string, file: string, importerOverride?: BulkImporter): Promise<ImportFigures> {
  const importer = importerOverride ?? ((grids.importers ?? []).find((i) => i.kind === kind) as BulkImporter);
  const writers = argNumber('--writers', 2);
  const result = await importFile({
    writers,
    dataSource: platform.subgraphs.grids.db.dataSource,
    importer,
    open: () => fs.createReadStream(file, { highWaterMark: 1 << 20 }),
    fileName: path.basename(file),
    countyCode: COUNTY,
    actor: { id: 'bench', roles: ['CLI'] },
    onProgress: (p) => process.stderr.write(`  ${engine} ${kind}: ${formatImportProgress(p)}\n`),
  });
  return { kind, rows: result.written, checkSeconds: result.checkSeconds, writeSeconds: result.writeSeconds };
}

function cell(value: string | number, columns: number): string {
  const text = typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(value >= 100 ? 0 : 1)) : value;
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return text + ' '.repeat(Math.max(1, columns - w));
}

function row(cells: (string | number)[]): string {
  return cells.map((c, i) => cell(c, i === 0 ? 46 : 11)).join('');
}

/** One engine: boot with demo data, measure, import the county, measure again. */
async function engineRun(engine: string, databaseUrl: string, residents: number, dir: string, lines: string[]): Promise<void> {
  log(`${engine}: booting grids + personnel + gateway with demo data…`);
  const platform = await startTestPlatform({ subgraphs: [grids, personnel], seed: true, databaseUrl });
  const importOnly = onlyImport();
  try {
    const demo = importOnly ? [] : await measureAll(platform, engine, 'demo data');
    const files = countyFiles(dir, residents);
    log(`${engine}: importing ${files.householdCount} households and ${residents} residents through the bulk-import path…`);
    const imported = [await importInto(platform, engine, 'households', files.households), await importInto(platform, engine, 'residents', files.residents)];
    const [{ n }] = (await platform.subgraphs.grids.db.dataSource.query(`SELECT count(*)::int AS n FROM resident WHERE county_code = $1`, [COUNTY])) as { n: number }[];
    lines.push('');
    lines.push(`${engine}: bulk import into ${COUNTY} (七星关区, 508 villages) — ${n} residents in the county afterwards; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    lines.push(row(['file', 'rows', 'check s', 'write s', 'rows/s']));
    for (const f of imported) lines.push(row([`  ${f.kind}`, f.rows, f.checkSeconds, f.writeSeconds, Math.round(f.rows / (f.checkSeconds + f.writeSeconds))]));
    if (importOnly) {
      process.stderr.write(`${lines.join('\n')}\n`);
      return;
    }
    const scaled = await measureAll(platform, engine, 'county scale');
    lines.push(
      row([`${engine}: ${clientCount()} clients × ${REQUESTS} requests; 1 client × ${SINGLE_REQUESTS}`, 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'SQL/req', 'p50 ratio']) +
        ` (load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`,
    );
    REQUESTS_MEASURED.forEach((r, i) => {
      const [d, s] = [demo[i], scaled[i]];
      lines.push(row([`  ${r.label} — demo`, d.loaded.rps, d.loaded.p50, d.loaded.p95, d.loaded.p99, d.loaded.statements, 1]));
      lines.push(row([`  ${r.label} — county`, s.loaded.rps, s.loaded.p50, s.loaded.p95, s.loaded.p99, s.loaded.statements, s.loaded.p50 / d.loaded.p50]));
      lines.push(row([`  ${r.label} — demo, 1 client`, d.single.rps, d.single.p50, d.single.p95, d.single.p99, d.single.statements, 1]));
      lines.push(row([`  ${r.label} — county, 1 client`, s.single.rps, s.single.p50, s.single.p95, s.single.p99, s.single.statements, s.single.p50 / d.single.p50]));
    });
    lines.push(`${engine}: the search's SQL at county scale, as the resolver runs it (EXPLAIN ANALYZE, warm cache)`);
    for (const search of SEARCHES_EXPLAINED) lines.push(`  ${search.label}`, ...(await explainSearch(platform, search.query)));
    // each engine's table as soon as it is measured (a long PGlite run may be cut short)
    process.stderr.write(`${lines.join('\n')}\n`);
  } finally {
    await platform.stop();
  }
}

function onlyImport(): boolean {
  const at = process.argv.indexOf('--only');
  return at >= 0 && process.argv[at + 1] === 'import';
}

/** `--compare-paths`: the same residents imported with the `unnest` writer and then with `COPY`, into two schemas booted together. */
async function comparePaths(pgUrl: string, residents: number, dir: string, lines: string[]): Promise<void> {
  log(`PostgreSQL: booting two grids schemas to compare the writers on ${residents} residents…`);
  const [before, now] = [await startTestPlatform({ subgraphs: [grids], seed: true, databaseUrl: pgUrl }), await startTestPlatform({ subgraphs: [grids], seed: true, databaseUrl: pgUrl })];
  try {
    // the schema as before: the name tokens' SQL function of migration 1772000000001 (what migration 1774100000000 replaced)
    const { ResidentNameTokensPlpgsql1774100000000: Plpgsql } = require('@xiangzhi/grids/dist/territory/migrations/1774100000000-resident-name-tokens-plpgsql') as {
      ResidentNameTokensPlpgsql1774100000000: new () => { down(q: { query(sql: string): Promise<unknown> }): Promise<void> };
    };
    await new Plpgsql().down(before.subgraphs.grids.db.dataSource);
    const files = countyFiles(dir, residents);
    for (const platform of [before, now]) await importInto(platform, 'PostgreSQL', 'households', files.households);
    const figures: [string, ImportFigures][] = [];
    figures.push(['unnest arrays, SQL name tokens (before)', await importInto(before, 'PostgreSQL unnest', 'residents', files.residents, unnestResidentImporter())]);
    figures.push(['COPY via staging, PL/pgSQL name tokens (now)', await importInto(now, 'PostgreSQL COPY', 'residents', files.residents)]);
    lines.push('');
    lines.push(`PostgreSQL: the same ${residents} residents written two ways, one after the other (load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`);
    lines.push(row(['writer', 'rows', 'check s', 'write s', 'write rows/s']));
    for (const [label, f] of figures) lines.push(row([`  ${label}`, f.rows, f.checkSeconds, f.writeSeconds, Math.round(f.rows / f.writeSeconds)]));
    const [a, b] = figures.map(([, f]) => f.rows / f.writeSeconds);
    lines.push(`  COPY ÷ unnest (write rows/s): ${(b / a).toFixed(2)}`);
    process.stderr.write(`${lines.join('\n')}\n`);
  } finally {
    await before.stop();
    await now.stop();
  }
}

/** The `--county-scale` section. */
export async function countyScale(pgUrl: string, withPostgres: boolean): Promise<void> {
  // the platforms' info logs would bury the figures (LOG_LEVEL=info shows them)
  process.env.LOG_LEVEL ??= 'warn';
  const residents = argNumber('--residents', 1_580_000);
  const pgliteResidents = argNumber('--pglite-residents', Math.min(residents, 100_000));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xz-county-scale-'));
  const lines: string[] = [];
  try {
    if (process.argv.includes('--compare-paths')) {
      if (!withPostgres) throw new Error(`--compare-paths needs PostgreSQL at ${pgUrl}`);
      await comparePaths(pgUrl, residents, dir, lines);
    } else {
      if (withPostgres) await engineRun('PostgreSQL', pgUrl, residents, dir, lines);
      else log(`PostgreSQL at ${pgUrl} is not reachable: the PostgreSQL part is skipped`);
      if (!onlyImport() || process.argv.includes('--pglite-residents')) await engineRun('PGlite', '', pgliteResidents, dir, lines);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(
    `\nxiangzhi benchmark (county scale) — PostgreSQL with ${residents} residents, PGlite with ${pgliteResidents}` +
      `${pgliteResidents < residents ? ' (--pglite-residents; PGlite at full size is optional)' : ''}; ${clientCount()} concurrent clients, ${REQUESTS} requests per measurement, then 1 client, ${SINGLE_REQUESTS} requests\n${lines.join('\n')}\n`,
  );
}
