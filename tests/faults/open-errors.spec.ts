import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireDataLock, databaseOpenError } from '@xiangzhi/kernel';
import { writeGridsDeployment, xz } from './support/grids-data';

/**
 * Issue 15 §1: a data folder or database that cannot be opened — damaged, held by another process, not
 * accessible, or a DATABASE_URL that leads nowhere — stops `xz` and `npm start` with exit code 1 and a
 * bilingual message that says what to do, without a stack trace (and without the password).
 */
const root = path.resolve(__dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xz-open-'));
const configPath = writeGridsDeployment(tmp);
const testUrl = process.env.TEST_DATABASE_URL || undefined;
const STACK_LINE = /\n\s+at [^\n]+:\d+:\d+/;

/** `npm start`'s entry point in a child process; resolves with its exit code and stderr. */
function startPlatform(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [path.join(root, 'tests/e2e/support/ts-child.cjs'), 'apps/platform/src/main.ts'], {
    cwd: root,
    env: { ...process.env, XZ_DEPLOYMENT: configPath, PORT: '0', XZ_SEED: 'false', LOG_LEVEL: 'silent', NODE_ENV: 'development', DATABASE_URL: '', ...env },
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('a database that cannot be opened', () => {
  it('a damaged PGlite folder: xz and npm start exit 1, name the folder and say how to restore it', async () => {
    const dataRoot = path.join(tmp, 'damaged');
    expect((await xz(['migrate', '-c', configPath, '--data-dir', dataRoot])).code).toBe(0);
    fs.writeFileSync(path.join(dataRoot, 'grids', 'PG_VERSION'), 'not a version\n');

    const migrate = await xz(['migrate', '-c', configPath, '--data-dir', dataRoot]);
    expect(migrate.code).toBe(1);
    expect(migrate.stderr).toContain(`数据目录 ${path.join(dataRoot, 'grids')} 无法打开，可能已损坏`);
    expect(migrate.stderr).toContain('it may be damaged');
    expect(migrate.stderr).toContain(`xz restore <backup.tar.gz> --to ${path.join(dataRoot, 'grids')}.restored`);
    expect(migrate.stderr).not.toMatch(STACK_LINE);

    const started = await startPlatform({ XZ_DATA_DIR: dataRoot });
    expect(started.code).toBe(1);
    expect(started.stderr).toContain('可能已损坏');
    expect(started.stderr).toContain('xz restore');
    expect(started.stderr).not.toMatch(STACK_LINE);
  }, 300_000); // several platform boots: minutes on a busy machine

  it('a folder another process holds: exit 1 naming the holder', async () => {
    const dataRoot = path.join(tmp, 'held');
    const lock = acquireDataLock(path.join(dataRoot, 'grids'));
    try {
      const migrate = await xz(['migrate', '-c', configPath, '--data-dir', dataRoot]);
      expect(migrate.code).toBe(1);
      expect(migrate.stderr).toContain(`pid ${process.pid}`);
      expect(migrate.stderr).toContain('stop it first');
      expect(migrate.stderr).not.toMatch(STACK_LINE);
    } finally {
      lock.release();
    }
  });

  it('a DATABASE_URL that leads nowhere: exit 1, what to check, the password hidden', async () => {
    const refused = await xz(['migrate', '-c', configPath], { DATABASE_URL: 'postgres://xz:s3cret-pw@127.0.0.1:1/xiangzhi' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('无法连接 PostgreSQL postgres://xz:***@127.0.0.1:1/xiangzhi');
    expect(refused.stderr).toContain('pg_isready');
    expect(refused.stderr).not.toContain('s3cret-pw');
    expect(refused.stderr).not.toMatch(STACK_LINE);

    const started = await startPlatform({ DATABASE_URL: 'postgres://xz:s3cret-pw@127.0.0.1:1/xiangzhi' });
    expect(started.code).toBe(1);
    expect(started.stderr).toContain('cannot reach PostgreSQL');
    expect(started.stderr).not.toContain('s3cret-pw');
    expect(started.stderr).not.toMatch(STACK_LINE);
  }, 300_000); // several platform boots: minutes on a busy machine

  (testUrl ? it : it.skip)('a database that does not exist on a reachable server: createdb', async () => {
    const u = new URL(testUrl!);
    u.pathname = '/xz_no_such_database';
    const missing = await xz(['migrate', '-c', configPath], { DATABASE_URL: u.toString() });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('the database of');
    expect(missing.stderr).toContain('createdb');
    expect(missing.stderr).not.toMatch(STACK_LINE);
  });

  it('permission denied on a data folder (EACCES, as a non-root user meets it): chown, or another XZ_DATA_DIR', () => {
    const denied = Object.assign(new Error('EACCES: permission denied, open /srv/xz/grids/PG_VERSION'), { code: 'EACCES' });
    const error = databaseOpenError(denied, { kind: 'pglite', dataDir: '/srv/xz/grids' });
    expect(error.message).toContain('无法访问数据目录 /srv/xz/grids：权限不足');
    expect(error.message).toContain('chown -R "$(id -un)" /srv/xz/grids');
    expect(error.message).toContain('XZ_DATA_DIR');
    expect(error).toMatchObject({ code: 'DATABASE_UNAVAILABLE', cause: denied });
  });
});
