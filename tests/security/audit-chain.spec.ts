import { subgraph as grids } from '@xiangzhi/grids';
import { restrictAuditLog, Role, verifyAuditChain, type Actor } from '@xiangzhi/kernel';
import { startTestPlatform, testFixtures, type TestPlatform } from '@xiangzhi/testing';

/**
 * Issue 15 §5: the audit log is append-only and hash-chained in the database. Concurrent writers
 * through the gateway leave one unbroken chain; UPDATE, DELETE and TRUNCATE are refused even to the
 * table's owner; a row altered or removed by someone who disabled the trigger is found at that row.
 */
const admin: Actor = { id: 'audit-admin', roles: [Role.COUNTY_ADMIN], scope: '433130000000' };
const IMPORT = 'mutation($input: ImportRegionsInput!) { importRegions(input: $input) { inserted } }';
let platform: TestPlatform;
const sql = (text: string, params: unknown[] = []) => platform.subgraphs.grids.db.dataSource.query(text, params) as Promise<Record<string, unknown>[]>;

beforeAll(async () => {
  platform = await startTestPlatform({ subgraphs: [grids] });
});
afterAll(() => platform?.stop());

describe('append-only, hash-chained audit log', () => {
  it('keeps one chain under 24 concurrent writers: every write audited with who, when, what and result', async () => {
    await testFixtures(platform).village({ code: '433130101700' });
    const writes = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        platform.query(IMPORT, {
          input: { regions: [{ code: `4331301017${String(i + 1).padStart(2, '0')}`, name: `审计村${i}` }] },
        }, admin),
      ),
    );
    expect(writes.map((w) => w.errors)).toEqual(writes.map(() => undefined));
    const rows = await sql(`SELECT actor_id, actor_roles, action, result, at, seq FROM audit_log WHERE action = 'importRegions' ORDER BY seq`);
    expect(rows).toHaveLength(25); // the fixture's village, then the 24
    expect(rows[1]).toMatchObject({ actor_id: 'audit-admin', actor_roles: 'COUNTY_ADMIN', action: 'importRegions', result: 'ok', at: expect.any(Date) });
    const seqs = (await sql(`SELECT seq FROM audit_log ORDER BY seq`)).map((r) => Number(r.seq));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const report = await verifyAuditChain(platform.subgraphs.grids.db.dataSource);
    expect(report).toMatchObject({ ok: true, rows: seqs.length, breaks: [], truncated: false, head: { seq: seqs.length } });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the audit log and rewinding its head, to the table owner too', async () => {
    for (const statement of [
      `UPDATE audit_log SET actor_id = 'someone-else' WHERE seq = 1`,
      `DELETE FROM audit_log WHERE seq = 2`,
      `TRUNCATE audit_log`,
      `UPDATE audit_chain_head SET seq = 1`,
      `DELETE FROM audit_chain_head`,
    ]) {
      await expect(sql(statement)).rejects.toThrow(/append-only/);
    }
    expect((await verifyAuditChain(platform.subgraphs.grids.db.dataSource)).ok).toBe(true);
  });

  it('finds a row altered with the trigger disabled at that row, and a removed row at the next one', async () => {
    const ds = platform.subgraphs.grids.db.dataSource;
    const [victim] = await sql(`SELECT id, seq FROM audit_log WHERE seq = 5`);
    await sql(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    try {
      await sql(`UPDATE audit_log SET payload = '{"forged":true}' WHERE seq = 5`);
      let report = await verifyAuditChain(ds);
      expect(report.ok).toBe(false);
      expect(report.breaks).toEqual([{ id: Number(victim.id), seq: 5, reason: 'altered' }]);

      // the forger recomputes that row's hash: then the next row no longer links to it
      await sql(`UPDATE audit_log a SET hash = audit_log_hash(a.prev_hash, a) WHERE seq = 5`);
      report = await verifyAuditChain(ds);
      expect(report.breaks).toEqual([{ id: expect.any(Number), seq: 6, reason: 'unlinked' }]);

      await sql(`DELETE FROM audit_log WHERE seq = 10`);
      report = await verifyAuditChain(ds);
      expect(report.breaks.map((b) => [b.seq, b.reason])).toEqual([[6, 'unlinked'], [11, 'gap']]);

      const last = Number((await sql(`SELECT max(seq) AS n FROM audit_log`))[0].n);
      await sql(`DELETE FROM audit_log WHERE seq = $1`, [last]);
      expect((await verifyAuditChain(ds)).truncated).toBe(true);
    } finally {
      await sql(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
    }
  });

  (process.env.TEST_DATABASE_URL ? it : it.skip)('PostgreSQL: an app role of its own may append but has no UPDATE, DELETE or TRUNCATE right on the audit', async () => {
    const ds = platform.subgraphs.grids.db.dataSource;
    const schema = platform.subgraphs.grids.db.schema;
    const role = `xz_audit_app_${process.pid}`;
    await ds.query(`CREATE ROLE ${role} NOLOGIN`);
    const runner = ds.createQueryRunner();
    try {
      await ds.query(`GRANT USAGE ON SCHEMA "${schema}" TO ${role}; GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA "${schema}" TO ${role}; GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "${schema}" TO ${role}`);
      await restrictAuditLog(ds, schema, role);
      await runner.query(`SET ROLE ${role}`);
      await runner.query(`INSERT INTO audit_log (actor_id, actor_roles, action, target_type) VALUES ('app', 'SYSTEM', 'appendAsAppRole', 'Test')`);
      for (const statement of [`UPDATE audit_log SET actor_id = 'x'`, `DELETE FROM audit_log`, `TRUNCATE audit_log`, `DELETE FROM audit_chain_head`]) {
        await expect(runner.query(statement)).rejects.toThrow(/permission denied/);
      }
    } finally {
      await runner.query('RESET ROLE').catch(() => undefined);
      await runner.release();
      await ds.query(`REVOKE ALL ON ALL TABLES IN SCHEMA "${schema}" FROM ${role}; REVOKE ALL ON ALL SEQUENCES IN SCHEMA "${schema}" FROM ${role}; REVOKE ALL ON SCHEMA "${schema}" FROM ${role}; DROP ROLE ${role}`);
    }
    expect(await sql(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'appendAsAppRole'`)).toEqual([{ n: 1 }]);
  });
});
