/**
 * 负载测试 load test: `clients` concurrent clients post the README's queries to a gateway on this
 * machine for a bounded time and report the p50/p95/p99 latency, the error rate and the process
 * memory over time.
 *
 *   npm run build && npx tsc -p tests/load/tsconfig.json && node tests/load/dist/load.js --minutes 5 --clients 30
 *   node tests/e2e/support/ts-child.cjs tests/load/load.ts --minutes 5 --clients 30     (from the sources)
 *
 * Without `--url` it boots grids and personnel with their demo data in this process (PGlite in memory,
 * or PostgreSQL at `TEST_DATABASE_URL` in fresh schemas) and measures this process's memory; with
 * `--url` and `--token` it loads a running platform, which must listen on a loopback address.
 * Limits: at most 100 clients and 30 minutes.
 */
import { Role, type Actor } from '@xiangzhi/kernel';

/** The README's queries: the county's villages with their statistics, and a village's cadres and grids (two subgraphs). */
export const README_QUERIES: readonly string[] = [
  '{ region(code: "433130000000") { name level children { code name level stats { households residents grids } } } }',
  '{ region(code: "433130101200") { name cadres { name posts { title } } grids { name partyBranch { name } } } }',
];

/** The actor the load runs as: 龙山县's county administrator. */
export const LOAD_ACTOR: Actor = { id: 'load-county-admin', roles: [Role.COUNTY_ADMIN], scope: '433130000000' };

export interface LoadOptions {
  url: string;
  token: string;
  clients: number;
  durationMs: number;
  queries?: readonly string[];
  /** How often memory is sampled and a progress line reported (default 1 s). */
  sampleEveryMs?: number;
  /** Called with each progress line (default: nothing). */
  report?: (line: string) => void;
  /** The memory to watch, in bytes (default: this process's resident set size). */
  memory?: () => number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  errorRate: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Requests per second over the run. */
  throughput: number;
  /** Memory samples in MB, one per `sampleEveryMs`. */
  memoryMb: number[];
  /** The mean memory of the last quarter of the run over that of its second quarter (≈ 1: levelled off). */
  memoryGrowth: number;
  /** The first errors seen (at most 5). */
  sampleErrors: string[];
}

const percentile = (sorted: number[], p: number): number => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** Refuses to load anything but this machine. */
export function assertLoopback(url: string): void {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (!['127.0.0.1', 'localhost', '::1'].includes(host) && !host.startsWith('127.')) {
    throw new Error(`负载测试只针对本机 (the load test only targets this machine): ${url}`);
  }
}

/** Runs the load (see the file's comment) and resolves with what it measured. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  assertLoopback(options.url);
  if (!(options.clients >= 1 && options.clients <= 100)) throw new Error('clients: 1 to 100');
  if (!(options.durationMs > 0 && options.durationMs <= 30 * 60_000)) throw new Error('duration: up to 30 minutes');
  const queries = options.queries ?? README_QUERIES;
  const memory = options.memory ?? (() => process.memoryUsage().rss);
  const latencies: number[] = [];
  const sampleErrors: string[] = [];
  const memoryMb: number[] = [];
  let errors = 0;
  const started = Date.now();
  const deadline = started + options.durationMs;
  let lastCount = 0;
  const sampler = setInterval(() => {
    memoryMb.push(Math.round(memory() / 1048576));
    const recent = latencies.slice(lastCount).sort((a, b) => a - b);
    lastCount = latencies.length;
    options.report?.(
      `${Math.round((Date.now() - started) / 1000)}s: ${recent.length} req, p95 ${percentile(recent, 95).toFixed(0)} ms, errors ${errors}, memory ${memoryMb[memoryMb.length - 1]} MB`,
    );
  }, options.sampleEveryMs ?? 1000);
  const client = async (n: number) => {
    for (let i = n; Date.now() < deadline; i += 1) {
      const query = queries[i % queries.length];
      const t0 = performance.now();
      try {
        const res = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
          body: JSON.stringify({ query }),
        });
        const body = (await res.json()) as { errors?: unknown[] };
        if (res.status !== 200 || body.errors?.length) {
          errors += 1;
          if (sampleErrors.length < 5) sampleErrors.push(`${res.status} ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
        }
      } catch (error) {
        errors += 1;
        if (sampleErrors.length < 5) sampleErrors.push(String(error));
      }
      latencies.push(performance.now() - t0);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.clients }, (_, n) => client(n)));
  } finally {
    clearInterval(sampler);
  }
  memoryMb.push(Math.round(memory() / 1048576));
  const sorted = [...latencies].sort((a, b) => a - b);
  const q = Math.max(1, Math.floor(memoryMb.length / 4));
  return {
    requests: latencies.length,
    errors,
    errorRate: errors / Math.max(1, latencies.length),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? 0,
    throughput: latencies.length / ((Date.now() - started) / 1000),
    memoryMb,
    memoryGrowth: mean(memoryMb.slice(-q)) / Math.max(1, mean(memoryMb.slice(q, 2 * q))),
    sampleErrors,
  };
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const minutes = Number(argument('minutes') ?? '5');
  const clients = Number(argument('clients') ?? '30');
  const report = (line: string) => void process.stdout.write(`${line}\n`);
  let url = argument('url');
  let token = argument('token');
  let stop = async () => undefined as void;
  if (!url) {
    const { subgraph: grids } = await import('@xiangzhi/grids');
    const { subgraph: personnel } = await import('@xiangzhi/personnel');
    const { startTestPlatform } = await import('@xiangzhi/testing');
    report('booting grids + personnel with their demo data…');
    const platform = await startTestPlatform({ subgraphs: [grids, personnel], seed: true });
    url = platform.url;
    token = platform.token(LOAD_ACTOR);
    stop = platform.stop;
  }
  if (!token) throw new Error('--token is needed with --url');
  report(`${clients} clients for ${minutes} min on ${url}`);
  try {
    const result = await runLoad({ url, token, clients, durationMs: minutes * 60_000, report, sampleEveryMs: 10_000 });
    report(
      `\n${result.requests} requests (${result.throughput.toFixed(1)}/s), errors ${(result.errorRate * 100).toFixed(2)} %, ` +
        `p50 ${result.p50.toFixed(0)} ms, p95 ${result.p95.toFixed(0)} ms, p99 ${result.p99.toFixed(0)} ms, max ${result.max.toFixed(0)} ms; ` +
        `memory ${result.memoryMb.join(' ')} MB (last quarter / second quarter ${result.memoryGrowth.toFixed(2)})`,
    );
    if (result.sampleErrors.length > 0) report(`errors seen: ${result.sampleErrors.join('\n')}`);
  } finally {
    await stop();
  }
}

if (require.main === module || process.argv[1] === __filename) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
