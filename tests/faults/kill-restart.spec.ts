import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { DEVELOPMENT_SECRETS } from '@xiangzhi/deployment';
import pg from 'pg';
import { COUNTY, IMPORT_REGIONS, importRegionChain, post, provinceToken, writeGridsDeployment, xz } from './support/grids-data';

/**
 * Issue 15 §1 and §6 (atomicity): `npm start` killed with SIGKILL while it boots (in its migrations),
 * then while 8 clients write 10-village imports through the gateway (each one multi-row mutation with
 * its audit row), and started again on the same PGlite folder (or, with `TEST_DATABASE_URL`, the same
 * PostgreSQL database): it boots, every acknowledged import is there, every import is all there or
 * not at all, each import present has its one audit row, and the audit chain verifies.
 */
const root = path.resolve(__dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xz-kill-'));
const configPath = writeGridsDeployment(tmp);
const testUrl = process.env.TEST_DATABASE_URL || undefined;
const database = `xz_kill_${process.pid}_${Date.now() % 100_000}`;
const databaseUrl = testUrl ? Object.assign(new URL(testUrl), { pathname: `/${database}` }).toString() : undefined;
const dataRoot = path.join(tmp, 'data');
const BATCH = 10;
const CLIENTS = 8;

interface Platform {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<NodeJS.Signals | number | null>;
}

function startPlatform(): Platform {
  const child = spawn(process.execPath, [path.join(root, 'tests/e2e/support/ts-child.cjs'), 'apps/platform/src/main.ts'], {
    cwd: root,
    env: { ...process.env, XZ_DEPLOYMENT: configPath, XZ_DATA_DIR: dataRoot, DATABASE_URL: databaseUrl ?? '', PORT: '0', XZ_SEED: 'false', LOG_LEVEL: 'info', NODE_ENV: 'development' },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function until(what: string, p: Platform, done: () => boolean, timeoutMs = 150_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (p.child.exitCode !== null || p.child.signalCode !== null) throw new Error(`the platform exited while waiting for ${what}: ${p.stderr()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${p.stderr()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const urlOf = (p: Platform) => /GraphQL\s+(http:\/\/\S+\/graphql)/.exec(p.stdout())?.[1];

/** The codes of batch `b`: 10 villages of one township. */
const batchCodes = (b: number): string[] => {
  const township = `${COUNTY}1${String(1 + Math.floor(b / 60)).padStart(2, '0')}`;
  return Array.from({ length: BATCH }, (_, j) => `${township}${String(100 + (b % 60) * 10 + j + 1)}`);
};

async function readBack(): Promise<{ regions: Set<string>; audited: number }> {
  const sql = {
    regions: `SELECT code FROM grids.region WHERE level = 'VILLAGE' OR length(code) = 12 AND right(code, 3) <> '000'`,
    audited: `SELECT count(*)::int AS n FROM grids.audit_log WHERE action = 'importRegions'`,
  };
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const regions = (await client.query<{ code: string }>(sql.regions)).rows.map((r) => r.code);
      return { regions: new Set(regions), audited: (await client.query<{ n: number }>(sql.audited)).rows[0].n };
    } finally {
      await client.end();
    }
  }
  const db = await PGlite.create(path.join(dataRoot, 'grids'));
  try {
    const regions = (await db.query<{ code: string }>(sql.regions)).rows.map((r) => r.code);
    return { regions: new Set(regions), audited: (await db.query<{ n: number }>(sql.audited)).rows[0].n };
  } finally {
    await db.close();
  }
}

const running: Platform[] = [];
beforeAll(async () => {
  if (!testUrl) return;
  const client = new pg.Client({ connectionString: testUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${database}`);
  await client.end();
});
afterAll(async () => {
  for (const p of running) {
    if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await p.exited;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  if (!testUrl) return;
  const client = new pg.Client({ connectionString: testUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await client.end();
});

describe('kill -9 during boot and in the middle of writes', () => {
  it('boots again after a kill in its migrations, and again after a kill mid-writes with every acknowledged write whole', async () => {
    // killed while it migrates
    const booting = startPlatform();
    running.push(booting);
    await until('the migrations to start', booting, () => /migration/i.test(booting.stderr()) || urlOf(booting) !== undefined);
    booting.child.kill('SIGKILL');
    expect(await booting.exited).toBe('SIGKILL');

    const first = startPlatform();
    running.push(first);
    await until('the platform to listen', first, () => urlOf(first) !== undefined);
    const url = urlOf(first)!;
    const token = provinceToken(DEVELOPMENT_SECRETS.jwtSecret);
    await importRegionChain(url, token, 10);

    // 8 clients import batches of 10 villages until the process is killed under them
    const acknowledged = new Set<number>();
    const attempted = new Set<number>();
    let next = 0;
    let killed = false;
    const client = async () => {
      while (!killed) {
        const b = next++;
        attempted.add(b);
        const regions = batchCodes(b).map((code, j) => ({ code, name: `批${b}村${j}` }));
        const answer = await post(url, token, IMPORT_REGIONS, { i: { regions, validFrom: '2000-01-01' } }).catch(() => null);
        if (answer === null) return; // the connection died with the process
        const inserted = (answer.data as { importRegions?: { inserted: number } } | null)?.importRegions?.inserted;
        if (inserted === BATCH) acknowledged.add(b);
        else if (!killed) throw new Error(`batch ${b} refused: ${JSON.stringify(answer)}`);
      }
    };
    const clients = Array.from({ length: CLIENTS }, () => client());
    await until('20 acknowledged imports', first, () => acknowledged.size >= 20);
    first.child.kill('SIGKILL');
    killed = true;
    await Promise.all(clients);
    expect(await first.exited).toBe('SIGKILL');

    // started again on the same data: it boots and answers
    const second = startPlatform();
    running.push(second);
    await until('the restarted platform to listen', second, () => urlOf(second) !== undefined);
    const answer = await post(urlOf(second)!, token, `{ region(code: "${batchCodes([...acknowledged][0])[0]}") { level } }`);
    expect(answer.data).toEqual({ region: { level: 'VILLAGE' } });
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const { regions, audited } = await readBack();
    const present = [...attempted].filter((b) => batchCodes(b).some((c) => regions.has(c)));
    for (const b of attempted) {
      const found = batchCodes(b).filter((c) => regions.has(c)).length;
      expect({ batch: b, found: found === 0 || found === BATCH ? 'all or nothing' : found }).toEqual({ batch: b, found: 'all or nothing' });
    }
    for (const b of acknowledged) expect(present).toContain(b);
    // one audit row per import present (and the region chain's), nothing for an import rolled back
    expect(audited).toBe(present.length + 1);
    expect(attempted.size).toBeGreaterThan(acknowledged.size);

    const verify = await xz(['audit', 'verify', '-c', configPath, '--data-dir', dataRoot], { DATABASE_URL: databaseUrl });
    expect(verify).toMatchObject({ code: 0, stdout: expect.stringContaining('grids: 审计链完整 (audit chain intact)') });
  }, 300_000); // several platform boots: minutes on a busy machine
});
