import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATA_LOCK_FILE, DataFolderLockedError, startSubgraph, type RunningSubgraph } from '@xiangzhi/kernel';
import { notesSubgraph } from './support/notes-subgraph';

/**
 * One owner per data folder: a second platform on the same `XZ_DATA_DIR` refuses to start, naming the
 * holder, while the first keeps serving; a lock left by a process that is gone is taken over; a second
 * subgraph on one folder in the same process is refused too; a clean stop releases the folder.
 */
const root = path.resolve(__dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xz-lock-'));
const configPath = path.join(tmp, 'deployment.yaml');
fs.writeFileSync(configPath, ['subgraphs:', '  grids:', "    package: '@xiangzhi/grids'", 'counties:', "  '433130':", '    name: 龙山县', ''].join('\n'));

interface Platform {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** `npm start`'s entry point (apps/platform/src/main.ts) in a child process of its own, on `dataRoot`. */
function startPlatform(dataRoot: string): Platform {
  const child = spawn(process.execPath, [path.join(root, 'tests/e2e/support/ts-child.cjs'), 'apps/platform/src/main.ts'], {
    cwd: root,
    env: { ...process.env, XZ_DEPLOYMENT: configPath, XZ_DATA_DIR: dataRoot, PORT: '0', XZ_SEED: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'development' },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function ready(p: Platform): Promise<{ url: string; token: string }> {
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    const url = /GraphQL\s+(http:\/\/\S+\/graphql)/.exec(p.stdout())?.[1];
    const token = /TOKEN=(\S+)/.exec(p.stdout())?.[1];
    if (url && token) return { url, token };
    if (p.child.exitCode !== null) throw new Error(`the platform exited (${p.child.exitCode}): ${p.stderr()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the platform did not start: ${p.stderr()}`);
}

async function households(at: { url: string; token: string }): Promise<unknown> {
  const res = await fetch(at.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${at.token}` },
    body: JSON.stringify({ query: '{ households(regionCode: "433130000000") { totalCount } }' }),
  });
  return res.json();
}

async function stop(p: Platform): Promise<number | null> {
  if (p.child.exitCode === null) p.child.kill('SIGTERM');
  return p.exited;
}

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('one owner per data folder', () => {
  const running: Platform[] = [];
  afterAll(async () => {
    for (const p of running) await stop(p);
  });

  it('refuses a second platform on the same folder, naming the holder; the first keeps serving and releases it on a clean stop', async () => {
    const dataRoot = path.join(tmp, 'shared');
    const first = startPlatform(dataRoot);
    running.push(first);
    const at = await ready(first);
    const lockFile = path.join(dataRoot, 'grids', DATA_LOCK_FILE);
    expect(JSON.parse(fs.readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: first.child.pid, host: os.hostname(), command: expect.stringContaining('main.ts') });

    const second = startPlatform(dataRoot);
    running.push(second);
    const code = await second.exited;
    expect(code).not.toBe(0);
    expect(second.stderr()).toContain(`数据目录 ${path.join(dataRoot, 'grids')} 正被另一进程使用（pid ${first.child.pid}`);
    expect(second.stderr()).toContain(`in use by another process (pid ${first.child.pid} on ${os.hostname()}, since `);
    expect(second.stderr()).toContain('command: node apps/platform/src/main.ts');

    expect(await households(at)).toEqual({ data: { households: { totalCount: 0 } } });
    expect(first.child.exitCode).toBeNull();

    expect(await stop(first)).toBe(0);
    expect(fs.existsSync(lockFile)).toBe(false);
  }, 300_000);

  it('takes over a lock left by a process that is gone, with a warning', async () => {
    const dataRoot = path.join(tmp, 'stale');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    fs.mkdirSync(path.join(dataRoot, 'grids'), { recursive: true });
    const lockFile = path.join(dataRoot, 'grids', DATA_LOCK_FILE);
    fs.writeFileSync(lockFile, JSON.stringify({ pid: dead, since: '2026-01-01T00:00:00.000Z', host: os.hostname(), command: 'node crashed.js', processStart: 1 }));
    const platform = startPlatform(dataRoot);
    running.push(platform);
    const at = await ready(platform);
    expect(platform.stderr()).toContain(`process ${dead} is gone`);
    expect(JSON.parse(fs.readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: platform.child.pid });
    expect(await households(at)).toEqual({ data: { households: { totalCount: 0 } } });
    expect(await stop(platform)).toBe(0);
  }, 300_000);

  it('refuses a second subgraph on the same folder in the same process; a clean stop releases it', async () => {
    const dataDir = path.join(tmp, 'in-process');
    const options = { internalSecret: 'lock-test-secret', dataDir, port: 0 };
    const first: RunningSubgraph = await startSubgraph(notesSubgraph, options);
    try {
      const refused = await startSubgraph(notesSubgraph, options).then(
        (sg) => sg.stop().then(() => null),
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(DataFolderLockedError);
      expect((refused as DataFolderLockedError).holder.pid).toBe(process.pid);
      expect((refused as Error).message).toContain(`pid ${process.pid}`);
    } finally {
      await first.stop();
    }
    expect(fs.existsSync(path.join(dataDir, DATA_LOCK_FILE))).toBe(false);
    const again = await startSubgraph(notesSubgraph, options);
    await again.stop();
  }, 120_000);
});
