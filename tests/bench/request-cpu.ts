/**
 * CPU per request, A/B: the CPU time (user + system, from /proc) that a platform process (gateway,
 * grids and personnel with their demo data, PGlite in that process, or PostgreSQL at
 * `TEST_DATABASE_URL`) spends on the README queries, for two source trees side by side. Rounds
 * alternate between the trees so that whatever else the machine does affects both alike; the
 * answer is each tree's CPU milliseconds per request and their ratio. CPU time, not latency: it is
 * what a quiet machine's latency under load follows, and it varies far less with the machine's load.
 *
 *   node tests/e2e/support/ts-child.cjs tests/bench/request-cpu.ts --a /tmp/base --b . [--rounds 8] [--requests 50] [--clients 1]
 *   node tests/e2e/support/ts-child.cjs tests/bench/request-cpu.ts --serve FILE   (one platform; writes {url, token, pid} to FILE)
 *
 * Each tree needs this file at `tests/bench/request-cpu.ts` and `node_modules` (a link will do).
 * Only loopback addresses are loaded (the gateways these processes start).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const README_QUERIES = [
  '{ region(code: "433130000000") { name level children { code name level stats { households residents grids } } } }',
  '{ region(code: "433130101200") { name cadres { name posts { title } } grids { name partyBranch { name } } } }',
];

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** CPU time of a process in ms (utime + stime from /proc/PID/stat). */
function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

async function serve(file: string): Promise<void> {
  const { subgraph: grids } = await import('@xiangzhi/grids');
  const { subgraph: personnel } = await import('@xiangzhi/personnel');
  const { startTestPlatform } = await import('@xiangzhi/testing');
  const { Role } = await import('@xiangzhi/kernel');
  const platform = await startTestPlatform({ subgraphs: [grids, personnel], seed: true });
  const token = platform.token({ id: 'load-county-admin', roles: [Role.COUNTY_ADMIN], scope: '433130000000' });
  // with REQUEST_CPU_PROFILE=FILE: a V8 CPU profile of what the requests cost, from here to the end
  const profileFile = process.env.REQUEST_CPU_PROFILE;
  const session = profileFile ? new (await import('node:inspector')).Session() : null;
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session?.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));
  if (session) {
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 200 });
  }
  fs.writeFileSync(`${file}.tmp`, JSON.stringify({ url: platform.url, token, pid: process.pid }));
  fs.renameSync(`${file}.tmp`, file);
  // the driver writes a line once warmed up (start profiling), and closes our stdin to stop us
  process.stdin.once('data', () => void post('Profiler.start'));
  process.stdin.on('end', () => {
    void (async () => {
      if (session && profileFile) fs.writeFileSync(profileFile, JSON.stringify(((await post('Profiler.stop')) as { profile: unknown }).profile));
      await platform.stop();
      process.exit(0);
    })();
  });
}

interface Side {
  name: string;
  child: ChildProcess;
  url: string;
  token: string;
  pid: number;
  cpu: number[];
  wall: number[];
}

async function start(name: string, tree: string, nodeArgs: string[]): Promise<Side> {
  const root = path.resolve(tree);
  const file = path.join(os.tmpdir(), `request-cpu-${process.pid}-${name}.json`);
  fs.rmSync(file, { force: true });
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'tests/e2e/support/ts-child.cjs'), path.join(root, 'tests/bench/request-cpu.ts'), '--serve', file], {
    cwd: root,
    stdio: ['pipe', 'ignore', 'inherit'],
    env: {
      ...process.env,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      REQUEST_CPU_PROFILE: process.env.REQUEST_CPU_PROFILE ? `${process.env.REQUEST_CPU_PROFILE}-${name}.cpuprofile` : '',
    },
  });
  const deadline = Date.now() + 15 * 60_000;
  while (!fs.existsSync(file)) {
    if (child.exitCode !== null) throw new Error(`${name}: the platform exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`${name}: the platform did not start within 15 minutes`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const info = JSON.parse(fs.readFileSync(file, 'utf8')) as { url: string; token: string; pid: number };
  fs.rmSync(file, { force: true });
  if (!/^http:\/\/127\./.test(info.url)) throw new Error(`not a loopback address: ${info.url}`);
  return { name, child, ...info, cpu: [], wall: [] };
}

async function batch(side: Side, requests: number, clients: number): Promise<void> {
  let next = 0;
  let errors = 0;
  const one = async () => {
    while (next < requests) {
      const query = README_QUERIES[next++ % README_QUERIES.length];
      const res = await fetch(side.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${side.token}` },
        body: JSON.stringify({ query }),
      });
      const body = (await res.json()) as { errors?: unknown[] };
      if (res.status !== 200 || body.errors) errors += 1;
    }
  };
  const c0 = cpuMs(side.pid);
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, one));
  side.wall.push((performance.now() - t0) / requests);
  side.cpu.push((cpuMs(side.pid) - c0) / requests);
  if (errors > 0) throw new Error(`${side.name}: ${errors} of ${requests} requests failed`);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function compare(): Promise<void> {
  const rounds = Number(argument('rounds') ?? 8);
  const requests = Number(argument('requests') ?? 50);
  const clients = Number(argument('clients') ?? 1);
  const nodeArgs = (argument('node-args') ?? '').split(' ').filter(Boolean);
  const trees = { A: argument('a') ?? '.', B: argument('b') ?? '.' };
  const log = (m: string) => process.stderr.write(`[request-cpu ${new Date().toISOString().slice(11, 19)}] ${m}\n`);
  log(`booting A (${trees.A}) and B (${trees.B})…`);
  const sides = await Promise.all([start('A', trees.A, nodeArgs), start('B', trees.B, nodeArgs)]);
  try {
    for (const side of sides) await batch(side, 20, clients); // warm-up: JIT, plan and document caches
    for (const side of sides) {
      side.child.stdin?.write('warm\n');
      side.cpu.length = 0;
      side.wall.length = 0;
    }
    for (let r = 0; r < rounds; r += 1) {
      const order = r % 2 === 0 ? sides : [...sides].reverse();
      for (const side of order) await batch(side, requests, clients);
      log(`round ${r + 1}/${rounds}: ${sides.map((s) => `${s.name} ${s.cpu[s.cpu.length - 1].toFixed(2)} ms CPU/req`).join(', ')} (load ${os.loadavg()[0].toFixed(1)})`);
    }
    const [a, b] = sides;
    const ratios = a.cpu.map((x, i) => b.cpu[i] / x);
    process.stdout.write(
      `${rounds} rounds × ${requests} requests (${clients} client${clients > 1 ? 's' : ''}), database ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}\n` +
        `A ${trees.A}: median ${median(a.cpu).toFixed(2)} ms CPU/request, ${median(a.wall).toFixed(1)} ms wall/request\n` +
        `B ${trees.B}: median ${median(b.cpu).toFixed(2)} ms CPU/request, ${median(b.wall).toFixed(1)} ms wall/request\n` +
        `B/A CPU per request: median of the rounds' ratios ${median(ratios).toFixed(3)} (range ${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)})\n`,
    );
  } finally {
    for (const side of sides) side.child.stdin?.end();
    await Promise.all(sides.map((s) => new Promise((r) => (s.child.exitCode !== null ? r(null) : s.child.once('exit', r)))));
  }
}

const serveFile = argument('serve');
(serveFile ? serve(serveFile) : compare()).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
