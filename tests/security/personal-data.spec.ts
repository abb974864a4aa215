import { subgraph as grids } from '@xiangzhi/grids';
import { composeIdNumber } from '@xiangzhi/grids-api';
import { Role, verifyAuditChain, type Actor } from '@xiangzhi/kernel';
import { startTestPlatform, testFixtures, type TestPlatform } from '@xiangzhi/testing';

/**
 * Issue 15 §5 through the gateway: ID and phone numbers masked for a role that does not need them,
 * in full for a cadre in scope with the read in the (chained) audit log; and a database error that
 * reaches a resolver returns no SQL, no stack, no table name and none of the values sent.
 */
const village = '433130101201';
const cadre: Actor = { id: 'pd-cadre', roles: [Role.VILLAGE_CADRE], scope: village };
const worker: Actor = { id: 'pd-worker', roles: [Role.GRID_WORKER], scope: village };
let platform: TestPlatform;
const sql = (text: string, params: unknown[] = []) => platform.subgraphs.grids.db.dataSource.query(text, params) as Promise<Record<string, unknown>[]>;
const idNumber = composeIdNumber('433130', '1975-03-09', 311);

beforeAll(async () => {
  platform = await startTestPlatform({ subgraphs: [grids] });
  await testFixtures(platform).village({ code: village });
  const hh = await platform.query<{ createHousehold: { id: string } }>(`mutation($v: ID!) { createHousehold(input: { villageCode: $v, number: "0001" }) { id } }`, { v: village }, cadre);
  const registered = await platform.query(
    `mutation($h: ID!, $id: String!) { registerResident(input: { householdId: $h, name: "彭秀英", idNumber: $id, phone: "13807431234", relationToHead: HEAD }) { id } }`,
    { h: hh.data!.createHousehold.id, id: idNumber },
    cadre,
  );
  expect(registered.errors).toBeUndefined();
});
afterAll(() => platform?.stop());

const RESIDENTS = `query($v: ID!) { residents(regionCode: $v, first: 5) { nodes { id name idNumber phone birthDate } } }`;

describe('personal data', () => {
  it('masks the ID and phone numbers (and withholds the birth date) for a grid worker, and audits nothing', async () => {
    const before = Number((await sql(`SELECT count(*) AS n FROM audit_log WHERE action = 'readPersonalData'`))[0].n);
    const res = await platform.query<{ residents: { nodes: { idNumber: string; phone: string; birthDate: string | null }[] } }>(RESIDENTS, { v: village }, worker);
    expect(res.data!.residents.nodes).toEqual([
      expect.objectContaining({ idNumber: `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`, phone: '138****1234', birthDate: null }),
    ]);
    expect(Number((await sql(`SELECT count(*) AS n FROM audit_log WHERE action = 'readPersonalData'`))[0].n)).toBe(before);
  });

  it('shows them in full to the village cadre and writes who read what, when, into the chained audit log', async () => {
    const res = await platform.query<{ residents: { nodes: { id: string; idNumber: string; phone: string }[] } }>(RESIDENTS, { v: village }, cadre);
    const [resident] = res.data!.residents.nodes;
    expect(resident).toMatchObject({ idNumber, phone: '13807431234' });
    const [row] = await sql(`SELECT actor_id, actor_roles, target_type, target_id, region_code, payload, result, at, seq FROM audit_log WHERE action = 'readPersonalData' ORDER BY seq DESC LIMIT 1`);
    expect(row).toMatchObject({ actor_id: 'pd-cadre', actor_roles: 'VILLAGE_CADRE', target_type: 'Resident', target_id: resident.id, region_code: village, result: 'ok', at: expect.any(Date) });
    expect((row.payload as { fields: string[] }).fields).toEqual(expect.arrayContaining(['idNumber', 'phone']));
    expect(await verifyAuditChain(platform.subgraphs.grids.db.dataSource)).toMatchObject({ ok: true });
  });

  it('answers a database error with a bare INTERNAL_SERVER_ERROR: no SQL, stack, table or parameter values', async () => {
    await sql(`ALTER TABLE household RENAME TO household_moved_away`);
    try {
      const res = await fetch(platform.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${platform.token(cadre)}` },
        body: JSON.stringify({
          query: `mutation($v: ID!, $n: String!, $a: String) { createHousehold(input: { villageCode: $v, number: $n, address: $a }) { id } }`,
          variables: { v: village, n: 'LEAK-4711', a: '保密地址 99 号' },
        }),
      });
      const body = await res.text();
      const answer = JSON.parse(body) as { errors: { message: string; extensions: Record<string, unknown> }[] };
      expect(answer.errors.map((e) => e.extensions.code)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(answer.errors[0].message).toContain('服务器内部错误');
      for (const leak of ['LEAK-4711', '保密地址', 'household_moved_away', 'INSERT', 'SELECT', 'relation', 'QueryFailedError', 'stacktrace', '.ts:', 'node_modules', '$1']) {
        expect({ leak, found: body.includes(leak) }).toEqual({ leak, found: false });
      }
    } finally {
      await sql(`ALTER TABLE household_moved_away RENAME TO household`);
    }
  });
});
