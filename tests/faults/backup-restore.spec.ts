import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { bootPlatform } from '@xiangzhi/platform';
import pg from 'pg';
import { provinceToken, writeGridsDeployment, writeSampleData, xz } from './support/grids-data';

/**
 * Issue 15 §1: `xz backup` and `xz restore` of a grids database written through the gateway — a PGlite data folder, or with
 * `TEST_DATABASE_URL` a PostgreSQL database (pg_dump / pg_restore) — give back every table with the
 * same rows (row counts and a checksum of every row), and the restored audit chain verifies.
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xz-backup-'));
const configPath = writeGridsDeployment(tmp);
const testUrl = process.env.TEST_DATABASE_URL || undefined;
const tag = `${process.pid}_${Date.now() % 100_000}`;
const databaseUrlOf = (database: string) => {
  const u = new URL(testUrl ?? 'postgres://localhost/x');
  u.pathname = `/${database}`;
  return u.toString();
};

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

/** Every table of the grids schema: its row count and an md5 of all its rows in a fixed order. */
async function fingerprint(query: Query): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = (await query(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'grids' AND table_type = 'BASE TABLE' ORDER BY 1`)).map((r) => String(r.t));
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const t of tables) {
    const [r] = await query(`SELECT count(*)::int AS rows, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS md5 FROM grids."${t}" x`);
    out[t] = { rows: Number(r.rows), md5: String(r.md5) };
  }
  return out;
}

async function withPglite<T>(dir: string, work: (q: Query) => Promise<T>): Promise<T> {
  const db = await PGlite.create(dir);
  try {
    return await work(async (sql) => (await db.query<Record<string, unknown>>(sql)).rows);
  } finally {
    await db.close();
  }
}

async function withPostgres<T>(url: string, work: (q: Query) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(async (sql) => (await client.query<Record<string, unknown>>(sql)).rows);
  } finally {
    await client.end();
  }
}

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Boots the platform (grids) on a data root or a database, writes the sample data through the gateway, stops it. */
async function writeThroughPlatform(target: { dataRoot: string } | { databaseUrl: string }): Promise<void> {
  const platform = await bootPlatform({ configPath, port: 0, seed: false, env: { JEST_WORKER_ID: '1' }, ...target });
  try {
    await writeSampleData(platform.url, provinceToken(platform.secrets.jwtSecret));
  } finally {
    await platform.stop();
  }
}

function expectSame(before: Record<string, { rows: number; md5: string }>, after: Record<string, { rows: number; md5: string }>) {
  expect(Object.keys(before).length).toBeGreaterThan(10);
  expect(before.resident.rows).toBe(20);
  expect(before.audit_log.rows).toBeGreaterThan(0);
  expect(after).toEqual(before);
}

const describePglite = testUrl ? describe.skip : describe;
const describePostgres = testUrl ? describe : describe.skip;

describePglite('xz backup / xz restore of a PGlite data folder', () => {
  it('restores every table row for row into a new folder; refuses a non-empty target and a folder in use', async () => {
    const source = path.join(tmp, 'data');
    await writeThroughPlatform({ dataRoot: source });
    const backupFile = path.join(tmp, 'grids.tar.gz');
    const backup = await xz(['backup', path.join(source, 'grids'), '--out', backupFile]);
    expect(backup).toMatchObject({ code: 0, stdout: expect.stringContaining('backed up') });

    const restoredRoot = path.join(tmp, 'restored');
    const restore = await xz(['restore', backupFile, '--to', path.join(restoredRoot, 'grids')]);
    expect(restore).toMatchObject({ code: 0, stdout: expect.stringContaining('restored') });
    expect(fs.existsSync(path.join(restoredRoot, 'grids', 'xiangzhi.lock'))).toBe(false);

    const before = await withPglite(path.join(source, 'grids'), fingerprint);
    const after = await withPglite(path.join(restoredRoot, 'grids'), fingerprint);
    expectSame(before, after);
    const verified = await xz(['audit', 'verify', '-c', configPath, '--data-dir', restoredRoot]);
    expect(verified).toMatchObject({ code: 0, stdout: expect.stringContaining('grids: 审计链完整 (audit chain intact)') });

    const again = await xz(['restore', backupFile, '--to', path.join(restoredRoot, 'grids')]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('is not empty and is not overwritten');
    const garbage = path.join(tmp, 'garbage.bin');
    fs.writeFileSync(garbage, 'not a backup');
    expect((await xz(['restore', garbage, '--to', path.join(tmp, 'x')])).stderr).toContain('is not a backup made by xz backup');
  }, 300_000); // several platform boots: minutes on a busy machine
});

describePostgres('xz backup / xz restore of a PostgreSQL database (pg_dump / pg_restore)', () => {
  const sourceDb = `xz_backup_src_${tag}`;
  const targetDb = `xz_backup_dst_${tag}`;
  beforeAll(() => withPostgres(testUrl!, async (q) => {
    await q(`CREATE DATABASE ${sourceDb}`);
    await q(`CREATE DATABASE ${targetDb}`);
  }));
  afterAll(() => withPostgres(testUrl!, async (q) => {
    await q(`DROP DATABASE IF EXISTS ${sourceDb} WITH (FORCE)`);
    await q(`DROP DATABASE IF EXISTS ${targetDb} WITH (FORCE)`);
  }));

  it('restores every table row for row into another database, in one transaction', async () => {
    await writeThroughPlatform({ databaseUrl: databaseUrlOf(sourceDb) });
    const backupFile = path.join(tmp, 'grids.pgdump');
    const backup = await xz(['backup', databaseUrlOf(sourceDb), '--schema', 'grids', '--out', backupFile]);
    expect(backup).toMatchObject({ code: 0, stdout: expect.stringContaining('(backed up) postgres') });
    const restore = await xz(['restore', backupFile, '--to', databaseUrlOf(targetDb)]);
    expect(restore).toMatchObject({ code: 0 });

    const before = await withPostgres(databaseUrlOf(sourceDb), fingerprint);
    const after = await withPostgres(databaseUrlOf(targetDb), fingerprint);
    expectSame(before, after);
    const verified = await xz(['audit', 'verify', '-c', configPath], { DATABASE_URL: databaseUrlOf(targetDb) });
    expect(verified).toMatchObject({ code: 0, stdout: expect.stringContaining('grids: 审计链完整 (audit chain intact)') });

    // a second restore into the same database fails as a whole and says why
    const again = await xz(['restore', backupFile, '--to', databaseUrlOf(targetDb)]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('pg_restore failed');
    expect(again.stderr).not.toMatch(/\n\s+at /);
  }, 300_000); // several platform boots: minutes on a busy machine
});
