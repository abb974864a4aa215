import { subgraph as grids } from '@xiangzhi/grids';
import { composeIdNumber } from '@xiangzhi/grids-api';
import { Role, type Actor } from '@xiangzhi/kernel';
import { checkIdempotentCreate, startTestPlatform, type GraphQLResult, type TestPlatform } from '@xiangzhi/testing';

/**
 * Issue 15 §6 "lost update" and "retries" on incidents (the grids subgraph, demo data):
 * - two concurrent edits of one incident at the same version → exactly one succeeds, the other is
 *   CONFLICT (the UPDATE … WHERE version = $v finds no row); the history has one entry for it;
 * - a report sent twice with one idempotency key (one after the other, and at once) makes one incident;
 * - a transition retried with its key (closeIncident among them) answers the incident instead of a
 *   CONFLICT and writes nothing more; the same key with another input is CONFLICT (IDEMPOTENCY_KEY_REUSED);
 * - grids' everyday creates (a grid without a sequence, a household, a resident) retried with a key
 *   answer the first record instead of a second grid or a CONFLICT;
 * - a grid member and a zone created with a key twice, three times at once, and the key reused with
 *   another input: one record per key, the first answered, the reuse CONFLICT (IDEMPOTENCY_KEY_REUSED).
 */
let platform: TestPlatform;
let village: string;
let worker: string;
let cadre: Actor;
const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => platform.subgraphs.grids.db.dataSource.query(text, params) as Promise<T[]>;

const FIELDS = 'id status version history { seq action }';
type Incident = { id: string; status: string; version: number; history: { seq: number; action: string }[] };
async function act(name: string, input: Record<string, unknown>): Promise<GraphQLResult<Record<string, Incident>>> {
  const type = `${name[0].toUpperCase()}${name.slice(1)}Input`;
  return platform.query<Record<string, Incident>>(`mutation($i: ${type}!) { ${name}(input: $i) { ${FIELDS} } }`, { i: input }, cadre);
}
async function ok(name: string, input: Record<string, unknown>): Promise<Incident> {
  const res = await act(name, input);
  if (res.errors) throw new Error(`${name}: ${JSON.stringify(res.errors)}`);
  return (res.data as Record<string, Incident>)[name];
}
const report = (title: string, idempotencyKey?: string) => act('reportIncident', { villageCode: village, category: 'INFRASTRUCTURE', title, idempotencyKey });

beforeAll(async () => {
  platform = await startTestPlatform({ subgraphs: [grids], seed: true });
  [{ village_code: village, id: worker }] = await sql<{ village_code: string; id: string }>('SELECT village_code, id FROM grid_worker ORDER BY village_code, id LIMIT 1');
  cadre = { id: 'faults-cadre', roles: [Role.VILLAGE_CADRE], scope: village };
});
afterAll(() => platform?.stop());

describe('lost update', () => {
  it('two concurrent edits at the same version: exactly one CONFLICT, one history entry', async () => {
    for (let round = 0; round < 5; round += 1) {
      const inc = (await report(`并发受理 ${round}`)).data?.reportIncident as Incident;
      const answers = await Promise.all([
        act('acceptIncident', { id: inc.id, expectedVersion: 1, note: 'A' }),
        act('acceptIncident', { id: inc.id, expectedVersion: 1, note: 'B' }),
      ]);
      const codes = answers.map((a) => a.errors?.[0]?.extensions?.code ?? 'OK').sort();
      expect(codes).toEqual(['CONFLICT', 'OK']);
      const [row] = await sql<{ version: number; status: string }>('SELECT version, status FROM incident WHERE id = $1', [inc.id]);
      expect(row).toEqual({ version: 2, status: 'ACCEPTED' });
      expect(await sql('SELECT action FROM incident_history WHERE incident_id = $1 ORDER BY seq', [inc.id])).toEqual([{ action: 'REPORT' }, { action: 'ACCEPT' }]);
    }
  });
});

describe('retries with an idempotency key', () => {
  it('a report sent twice, or twice at once, with one key makes one incident', async () => {
    const first = await report('重复上报', 'report-key-0001');
    const again = await report('重复上报', 'report-key-0001');
    expect(again.data?.reportIncident.id).toBe(first.data?.reportIncident.id);
    const concurrent = await Promise.all(Array.from({ length: 4 }, () => report('同时上报', 'report-key-0002')));
    expect(new Set(concurrent.map((r) => r.data?.reportIncident.id)).size).toBe(1);
    expect(await sql('SELECT title, count(*)::int AS n FROM incident WHERE title IN ($1, $2) GROUP BY title ORDER BY title', ['同时上报', '重复上报'])).toEqual([
      { title: '同时上报', n: 1 },
      { title: '重复上报', n: 1 },
    ]);
    const reused = await report('另一件事', 'report-key-0001');
    expect(reused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' });
  });

  it('every transition retried with its key, closeIncident included, answers the incident and writes once', async () => {
    let inc = (await report('路灯不亮')).data?.reportIncident as Incident;
    const steps: [string, Record<string, unknown>][] = [
      ['acceptIncident', {}],
      ['dispatchIncident', { assigneeKind: 'GRID_WORKER', assigneeId: worker }],
      ['startIncident', {}],
      ['resolveIncident', { resolution: '已更换灯泡' }],
      ['closeIncident', { rating: 5, comment: '及时' }],
    ];
    for (const [name, extra] of steps) {
      const input = { id: inc.id, expectedVersion: inc.version, idempotencyKey: `${name}-${inc.id}`, ...extra };
      const done = await ok(name, input);
      const retried = await Promise.all([ok(name, input), ok(name, input)]);
      expect(retried.map((r) => r.version)).toEqual([done.version, done.version]);
      // without the key the same retry is the lost-update CONFLICT
      const { idempotencyKey: _key, ...unkeyed } = input;
      expect((await act(name, unkeyed)).errors?.[0].extensions?.code).toBe('CONFLICT');
      inc = done;
    }
    expect(inc).toMatchObject({ status: 'CLOSED', version: 6 });
    expect(inc.history.map((h) => h.action)).toEqual(['REPORT', 'ACCEPT', 'DISPATCH', 'START', 'RESOLVE', 'CLOSE']);
    const [{ n }] = await sql<{ n: number }>('SELECT count(*)::int AS n FROM incident_history WHERE incident_id = $1', [inc.id]);
    expect(n).toBe(6);
    const other = await act('closeIncident', { id: inc.id, expectedVersion: 5, idempotencyKey: `closeIncident-${inc.id}`, rating: 1 });
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('a grid, a household and a resident created twice with one key: one record each, the first answered', async () => {
    const twice = async <T>(name: string, input: Record<string, unknown>, fields: string): Promise<[T, T]> => {
      const type = `${name[0].toUpperCase()}${name.slice(1)}Input`;
      const run = async () => {
        const res = await platform.query<Record<string, T>>(`mutation($i: ${type}!) { ${name}(input: $i) { ${fields} } }`, { i: input }, cadre);
        if (res.errors) throw new Error(`${name}: ${JSON.stringify(res.errors)}`);
        return (res.data as Record<string, T>)[name];
      };
      const first = await run();
      return [first, await run()];
    };
    const grids = await twice<{ id: string; code: string }>('createGrid', { villageCode: village, name: '重试网格', idempotencyKey: 'grid-key-0001' }, 'id code');
    expect(grids[1]).toEqual(grids[0]);
    expect(await sql('SELECT count(*)::int AS n FROM grid WHERE name = $1', ['重试网格'])).toEqual([{ n: 1 }]);
    const households = await twice<{ id: string }>('createHousehold', { villageCode: village, number: 'R-0001', address: '重试路1号', idempotencyKey: 'household-key-0001' }, 'id');
    expect(households[1]).toEqual(households[0]);
    const idNumber = composeIdNumber(village.slice(0, 6), '1980-05-06', 987);
    const residents = await twice<{ id: string }>(
      'registerResident',
      { householdId: households[0].id, name: '重试居民', idNumber, relationToHead: 'HEAD', idempotencyKey: 'resident-key-0001' },
      'id',
    );
    expect(residents[1]).toEqual(residents[0]);
    expect(await sql('SELECT count(*)::int AS n FROM resident WHERE household_id = $1', [households[0].id])).toEqual([{ n: 1 }]);
  });

  it('a grid member and a zone: one record per key, also at once; the key with another input is CONFLICT', async () => {
    const [{ id: gridId }] = await sql<{ id: string }>('SELECT id FROM grid WHERE village_code = $1 ORDER BY code LIMIT 1', [village]);
    const members = await checkIdempotentCreate(platform, cadre, {
      mutation: 'createGridWorker',
      input: { gridId, role: 'GRID_MEMBER', name: '重试网格员', phone: '13800001234' },
      other: { gridId, role: 'GRID_MEMBER', name: '另一网格员', phone: '13800001235' },
      select: 'id name role',
      count: async () => (await sql<{ n: number }>('SELECT count(*)::int AS n FROM grid_worker WHERE grid_id = $1', [gridId]))[0].n,
    });
    expect(members).toMatchObject({ written: 2, first: { name: '重试网格员', role: 'GRID_MEMBER' } });
    const zones = await checkIdempotentCreate(platform, cadre, {
      mutation: 'createZone',
      input: { villageCode: village, name: '重试片区一' },
      second: { villageCode: village, name: '重试片区二' },
      other: { villageCode: village, name: '重试片区三' },
      select: 'id name',
      count: async () => (await sql<{ n: number }>('SELECT count(*)::int AS n FROM zone WHERE village_code = $1', [village]))[0].n,
    });
    expect(zones.written).toBe(2);
  });
});
