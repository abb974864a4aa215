import { subgraph as civility } from '@xiangzhi/civility';
import { subgraph as economy } from '@xiangzhi/economy';
import { subgraph as grids } from '@xiangzhi/grids';
import { grantAppRole, openRequestDatabase, RequestRolledBackError, Role, type Actor } from '@xiangzhi/kernel';
import { subgraph as legal } from '@xiangzhi/legal';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { startTestPlatform, testFixtures, type TestPlatform } from '@xiangzhi/testing';
import type { DataSource } from 'typeorm';

/**
 * Issue 15 §2, the second wall: PostgreSQL row-level security keeps counties apart even where a
 * resolver forgot its own check. Requests run as the app role (`XZ_DB_APP_ROLE`, neither owner nor
 * BYPASSRLS) in one transaction each, carrying the caller's county in `xz.scope` (`set_config(…, true)`).
 *
 * The wall's own rows run on PostgreSQL only: PGlite runs as its superuser, whom row-level security
 * never applies to. The migrations' rows (every table holding county data is walled) run on both.
 */
const testUrl = process.env.TEST_DATABASE_URL;
const describePostgres = testUrl ? describe : describe.skip;
if (!testUrl) {
  console.warn('rls.spec: the row-level security rows are skipped: TEST_DATABASE_URL is not set (PGlite runs as a superuser, to whom row-level security never applies)');
}
const APP_ROLE = 'xz_app';

/**
 * Tables with a county or village code column that are not walled, and why: administrative
 * divisions are public reference data; saga bookkeeping is written and read by consumers (the owner).
 */
const UNWALLED: Record<string, string> = {
  region: 'administrative divisions (public)',
  region_ref: 'administrative divisions (public)',
  audit_log: 'append-only by its triggers; rows of national jobs have no region',
  village_merger_log: 'saga bookkeeping (consumers)',
  village_merger_move: 'saga bookkeeping (consumers)',
  personnel_merger_log: 'saga bookkeeping (consumers)',
};

describe('county wall migrations', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ subgraphs: [grids, personnel, economy, legal, civility] });
  }, 240_000);
  afterAll(() => platform?.stop());

  it('enables and forces row-level security, with the owner policy and the county wall, on every table holding county data', async () => {
    for (const [name, sg] of Object.entries(platform.subgraphs)) {
      const rows = (await sg.db.dataSource.query(
        `SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
                array(SELECT p.polname::text FROM pg_policy p WHERE p.polrelid = c.oid ORDER BY 1) AS policies,
                EXISTS (SELECT 1 FROM information_schema.columns k WHERE k.table_schema = n.nspname AND k.table_name = c.relname
                        AND k.column_name IN ('county_code', 'village_code')) AS coded
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = $1 AND c.relkind = 'r' ORDER BY 1`,
        [sg.db.schema],
      )) as { table: string; enabled: boolean; forced: boolean; policies: string[]; coded: boolean }[];
      const walled = rows.filter((r) => r.enabled);
      for (const r of walled) expect({ subgraph: name, table: r.table, forced: r.forced, policies: r.policies }).toEqual({ subgraph: name, table: r.table, forced: true, policies: ['xz_county_wall', 'xz_owner_all'] });
      const open = rows.filter((r) => r.coded && !r.enabled).map((r) => r.table);
      expect({ subgraph: name, unwalled: open.filter((t) => !(t in UNWALLED)) }).toEqual({ subgraph: name, unwalled: [] });
      expect(walled.length).toBeGreaterThan(5);
    }
  });
});

describePostgres('county wall on PostgreSQL (row-level security)', () => {
  let platform: TestPlatform;
  let ds: DataSource;
  const counties = { a: '433130', b: '513424' };
  const admins: Record<'a' | 'b', Actor> = {
    a: { id: 'rls-admin-a', roles: [Role.COUNTY_ADMIN], scope: `${counties.a}000000` },
    b: { id: 'rls-admin-b', roles: [Role.COUNTY_ADMIN], scope: `${counties.b}000000` },
  };
  const villages = { a: `${counties.a}101201`, b: `${counties.b}101201` };
  const households: Record<'a' | 'b', string[]> = { a: [], b: [] };
  const saved = { role: process.env.XZ_DB_APP_ROLE, pool: process.env.XZ_DB_POOL_SIZE };

  /** Runs `work` as one request of `scope` would (the app role, one transaction), then commits. */
  const asRequest = async <T>(scope: string, work: (db: DataSource) => Promise<T>): Promise<T> => {
    const request = openRequestDatabase(ds, { role: APP_ROLE, scope });
    let result: T;
    try {
      result = await work(request.dataSource);
    } catch (error) {
      await request.settle().catch(() => undefined);
      throw error;
    }
    await request.settle();
    return result;
  };
  const sortedIds = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

  beforeAll(async () => {
    // the option under test, and a pool of two connections for the subgraph
    process.env.XZ_DB_APP_ROLE = APP_ROLE;
    process.env.XZ_DB_POOL_SIZE = '2';
    try {
      platform = await startTestPlatform({ subgraphs: [grids] });
    } finally {
      for (const [key, value] of [['XZ_DB_APP_ROLE', saved.role], ['XZ_DB_POOL_SIZE', saved.pool]] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
    ds = platform.subgraphs.grids.db.dataSource;
    const fixtures = testFixtures(platform);
    for (const side of ['a', 'b'] as const) {
      await fixtures.village({ code: villages[side] });
      // three households in county A, two in county B, written through the gateway as their county admins
      for (let i = 1; i <= (side === 'a' ? 3 : 2); i += 1) {
        const res = await platform.query<{ createHousehold: { id: string } }>(
          'mutation($v: ID!, $n: String!) { createHousehold(input: { villageCode: $v, number: $n }) { id } }',
          { v: villages[side], n: `000${i}` },
          admins[side],
        );
        expect(res.errors).toBeUndefined();
        households[side].push(res.data!.createHousehold.id);
      }
      households[side].sort();
    }
  }, 240_000);
  afterAll(() => platform?.stop());

  it('serves 1,000 concurrent requests alternating two counties on a pool of 2 connections: each sees only its own county', async () => {
    const pool = (ds.driver as unknown as { master: { options: { max: number } } }).master;
    expect(pool.options.max).toBe(2);
    // straight SQL with no WHERE: only the database's wall keeps the other county out
    const answers = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => {
        const side = i % 2 === 0 ? 'a' : 'b';
        return asRequest(counties[side], async (db) => {
          const rows = (await db.query(`SELECT id, county_code, current_setting('xz.scope', true) AS scope, current_user AS who FROM household`)) as { id: string; county_code: string; scope: string; who: string }[];
          return { side, rows, scope: rows.map((r) => ({ scope: r.scope, who: r.who }))[0] };
        });
      }),
    );
    for (const answer of answers) {
      const side = answer.side as 'a' | 'b';
      expect({ ids: sortedIds(answer.rows), counties: [...new Set(answer.rows.map((r) => r.county_code.slice(0, 6)))], scope: answer.scope }).toEqual({
        ids: households[side],
        counties: [counties[side]],
        scope: { scope: counties[side], who: APP_ROLE },
      });
    }
  }, 400_000);

  it('answers 200 concurrent gateway requests alternating two counties with only their own households', async () => {
    const QUERY = 'query($c: ID!) { households(regionCode: $c, first: 50) { nodes { id villageCode } } }';
    const answers = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const side = i % 2 === 0 ? 'a' : 'b';
        const res = await platform.query<{ households: { nodes: { id: string; villageCode: string }[] } }>(QUERY, { c: `${counties[side]}000000` }, admins[side]);
        return { side, res };
      }),
    );
    for (const { side, res } of answers) {
      expect(res.errors).toBeUndefined();
      expect(sortedIds(res.data!.households.nodes)).toEqual(households[side as 'a' | 'b']);
    }
  }, 300_000);

  it('answers no rows and accepts no write when no scope is set (or an empty one)', async () => {
    for (const scope of ['', null]) {
      const runner = ds.createQueryRunner();
      try {
        await runner.startTransaction();
        await runner.query(`SELECT set_config('role', $1, true)`, [APP_ROLE]);
        if (scope !== null) await runner.query(`SELECT set_config('xz.scope', $1, true)`, [scope]);
        for (const table of ['household', 'resident', 'grid', 'incident', 'zone', 'grid_worker']) {
          expect({ table, rows: Number(((await runner.query(`SELECT count(*) AS n FROM ${table}`)) as { n: string }[])[0].n) }).toEqual({ table, rows: 0 });
        }
        expect(await runner.query(`WITH u AS (UPDATE household SET address = 'x' RETURNING id) SELECT count(*)::int AS n FROM u`)).toEqual([{ n: 0 }]);
        await expect(runner.query(`INSERT INTO household (id, village_code, county_code, number, address) VALUES (gen_random_uuid(), $1, $2, 'rls-x', '')`, [villages.a, counties.a])).rejects.toMatchObject({
          driverError: expect.objectContaining({ code: '42501' }),
        });
      } finally {
        await runner.rollbackTransaction().catch(() => undefined);
        await runner.release();
      }
    }
    // the owner (migrations, jobs, consumers) still sees both counties
    expect(sortedIds((await ds.query('SELECT id FROM household')) as { id: string }[])).toEqual([...households.a, ...households.b].sort());
  });

  it('refuses a write into another county inside a request even when the resolver check is skipped', async () => {
    // through the repository: a copy of county A's household moved to county B
    await expect(
      asRequest(counties.a, async (db) => {
        const repo = db.getRepository('Household');
        const mine = await repo.findOneByOrFail({ id: households.a[0] });
        await repo.insert({ ...mine, id: '6a1f0d1e-0000-4000-8000-000000000001', villageCode: villages.b, countyCode: counties.b, number: 'rls-repo' });
      }),
    ).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '42501' }) });
    // through raw SQL: the request's transaction fails, so the request itself is rolled back
    const request = openRequestDatabase(ds, { role: APP_ROLE, scope: counties.a });
    await expect(
      request.dataSource.query(
        `INSERT INTO household SELECT (jsonb_populate_record(h, jsonb_build_object('id', gen_random_uuid(), 'county_code', $2::text, 'village_code', $3::text, 'number', 'rls-sql'))).* FROM household h WHERE h.id = $1`,
        [households.a[0], counties.b, villages.b],
      ),
    ).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '42501' }) });
    await expect(request.settle()).rejects.toBeInstanceOf(RequestRolledBackError);
    // changing or deleting county B's rows from county A touches nothing
    const touched = await asRequest(counties.a, async (db) => ({
      updated: await db.query(`WITH u AS (UPDATE household SET address = 'moved' WHERE county_code = $1 RETURNING id) SELECT count(*)::int AS n FROM u`, [counties.b]),
      deleted: await db.query(`WITH d AS (DELETE FROM household WHERE id = ANY($1::uuid[]) RETURNING id) SELECT count(*)::int AS n FROM d`, [households.b]),
    }));
    expect(touched).toEqual({ updated: [{ n: 0 }], deleted: [{ n: 0 }] });
    // moving one's own row into the other county is refused too
    await expect(asRequest(counties.a, (db) => db.query(`UPDATE household SET county_code = $2 WHERE id = $1`, [households.a[0], counties.b]))).rejects.toMatchObject({
      driverError: expect.objectContaining({ code: '42501' }),
    });
    expect(await ds.query(`SELECT count(*)::int AS n FROM household WHERE number LIKE 'rls-%' OR address = 'moved' OR county_code <> left(village_code, 6) || '000000'`)).toEqual([{ n: 0 }]);
    expect(sortedIds((await ds.query('SELECT id FROM household')) as { id: string }[])).toEqual([...households.a, ...households.b].sort());
  });

  it('leaves neither the scope nor the role on a pooled connection for its next user', async () => {
    const used = new Set<number>();
    const pidOf = async (db: DataSource) => used.add(((await db.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[])[0].pid);
    await asRequest(counties.a, pidOf);
    await expect(asRequest(counties.b, async (db) => pidOf(db).then(() => db.query('SELECT * FROM no_such_table')))).rejects.toBeDefined();
    // the next users of the pool (the owner's statements, or a request's) find neither setting
    const after = (await Promise.all(
      Array.from({ length: 6 }, () => ds.query(`SELECT current_setting('xz.scope', true) AS scope, current_user AS who, pg_backend_pid() AS pid`)),
    )) as { scope: string | null; who: string; pid: number }[][];
    const owner = new URL(testUrl!).username || 'postgres';
    for (const [row] of after) expect({ scope: row.scope ?? '', who: row.who }).toEqual({ scope: '', who: owner });
    expect(after.some(([row]) => used.has(row.pid))).toBe(true);
  });

  it('keeps the audit log append-only for requests: no UPDATE or DELETE for the app role', async () => {
    for (const sql of [`UPDATE audit_log SET result = 'altered'`, `DELETE FROM audit_log`]) {
      await expect(asRequest(counties.a, (db) => db.query(sql))).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '42501' }) });
    }
  });

  it('refuses an app role that row-level security would not apply to', async () => {
    await expect(grantAppRole(ds, platform.subgraphs.grids.db.schema, 'postgres')).rejects.toThrow(/BYPASSRLS/);
  });
});
