import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { composeIdNumber, type GridsMergerApplyCommand } from '@xiangzhi/grids-api';
import { Role, type Actor } from '@xiangzhi/kernel';
import { countQueries, graphqlClient, startTestPlatform, testFixtures, type TestPlatform } from '@xiangzhi/testing';
import { subgraph as grids } from '../index';
import { applyVillageMerger, compensateVillageMerger } from './merger.consumer';

/**
 * 村建制调整 the grids capability on a real database: refusals write nothing but the reply; an apply
 * moves grids, households and residents set-based (the same statements whatever the number of rows),
 * twice the same saga applies once; compensation restores the snapshot exactly.
 */
const admin: Actor = { id: 'admin-511102', roles: [Role.COUNTY_ADMIN], scope: '511102000000' };
const [A, B, C] = ['511102101201', '511102101202', '511102101203'];
const NEW = '511102101360';

describe('grids village-merger capability', () => {
  let p: TestPlatform;
  let seq = 0;
  const db = () => p.subgraphs.grids.db.dataSource;
  const run = (work: (manager: EntityManager) => Promise<void>) => db().transaction(work);
  const replies = async (sagaId: string) =>
    (await db().query(`SELECT name, payload FROM grids_event WHERE name LIKE 'grids.merger.%' AND payload->>'sagaId' = $1 ORDER BY id`, [sagaId])) as { name: string; payload: Record<string, unknown> }[];

  async function village(code: string, households: number): Promise<void> {
    await testFixtures(p, code).village({ code, as: admin });
    const client = graphqlClient(p);
    const grid = await client.ok<{ createGrid: { id: string } }>(admin, `mutation($i: CreateGridInput!) { createGrid(input: $i) { id } }`, { i: { villageCode: code, name: '一组网格' } });
    for (let h = 1; h <= households; h += 1) {
      const hh = await client.ok<{ createHousehold: { id: string } }>(admin, `mutation($i: CreateHouseholdInput!) { createHousehold(input: $i) { id } }`, {
        i: { villageCode: code, number: String(h).padStart(3, '0'), gridId: grid.createGrid.id },
      });
      seq += 1;
      await client.ok(admin, `mutation($i: RegisterResidentInput!) { registerResident(input: $i) { id } }`, {
        i: { householdId: hh.createHousehold.id, name: `户主${seq}`, idNumber: composeIdNumber('511102', '1965-05-05', seq * 2 + 1), relationToHead: 'HEAD' },
      });
    }
  }

  const snapshot = async () => ({
    regions: await db().query(`SELECT code, name, valid_from::text, valid_to::text FROM region WHERE code LIKE '511102101%' ORDER BY code`),
    grids: await db().query(`SELECT id, code, village_code FROM grid ORDER BY id`),
    households: await db().query(`SELECT id, village_code, number, grid_id FROM household ORDER BY id`),
    residents: await db().query(`SELECT id, village_code FROM resident ORDER BY id`),
    counters: await db().query(`SELECT * FROM region_counter WHERE prefix LIKE '511102%' ORDER BY prefix`),
  });

  beforeAll(async () => {
    p = await startTestPlatform({ subgraphs: [grids] });
    await village(A, 1);
    await village(B, 3);
    await village(C, 1);
  }, 180_000);
  afterAll(() => p?.stop());

  const command = (sagaId: string, sourceCodes: string[], targetCode = NEW): GridsMergerApplyCommand => ({ sagaId, targetCode, targetName: '联合村', sourceCodes, effectiveDate: '2026-01-01' });

  it('refuses an unknown source, a single source and a taken new code, writing nothing but the refusal', async () => {
    const before = await snapshot();
    for (const [sources, target, rule, value] of [
      [[A, '511102101299'], NEW, 'SOURCE_UNKNOWN', '511102101299'],
      [[A], NEW, 'SOURCES_AT_LEAST_TWO', A],
      [[A, B], C, 'TARGET_CODE_TAKEN', C],
    ] as const) {
      const sagaId = randomUUID();
      await run((m) => applyVillageMerger(m, command(sagaId, [...sources], target)));
      expect(await replies(sagaId)).toEqual([{ name: 'grids.merger.refused', payload: expect.objectContaining({ sagaId, rule, value }) }]);
    }
    expect(await snapshot()).toEqual(before);
    expect(await db().query(`SELECT count(*)::int AS n FROM village_merger_log`)).toEqual([{ n: 0 }]);
  });

  it('moves villages with the same statements whatever their size, once per saga, and compensates exactly', async () => {
    const before = await snapshot();
    const small = randomUUID();
    const { count: smallCount } = await countQueries(p.subgraphs.grids, () => run((m) => applyVillageMerger(m, command(small, [A, C]))));
    await run((m) => compensateVillageMerger(m, small));
    expect(await snapshot()).toEqual(before);

    const sagaId = randomUUID();
    const [{ last }] = (await db().query(`SELECT coalesce(max(id), 0)::int AS last FROM grids_event`)) as { last: number }[];
    const { count } = await countQueries(p.subgraphs.grids, () => run((m) => applyVillageMerger(m, command(sagaId, [A, B, C]))));
    expect(count).toBe(smallCount); // 5 households instead of 2: no statement per row
    await run((m) => applyVillageMerger(m, command(sagaId, [A, B, C])));
    const applied = await replies(sagaId);
    expect(applied.map((r) => r.name)).toEqual(['grids.merger.applied', 'grids.merger.applied']);
    expect(applied[0].payload).toEqual({ sagaId, targetCode: NEW, createdTarget: true, retiredCodes: [A, B, C], grids: 3, households: 5, residents: 5 });
    expect(await db().query(`SELECT number FROM household WHERE village_code = $1 ORDER BY number`, [NEW])).toEqual(
      ['201-001', '202-001', '202-002', '202-003', '203-001'].map((number) => ({ number })),
    );
    expect(await db().query(`SELECT households::int, residents::int, grids::int FROM region_counter WHERE prefix = $1`, [NEW])).toEqual([{ households: 5, residents: 5, grids: 3 }]);
    // the new code, the three retired codes and the five moved residents, for the other subgraphs' projections
    expect(await db().query(`SELECT name, count(*)::int AS n FROM grids_event WHERE id > $1 AND name NOT LIKE 'grids.merger.%' GROUP BY name ORDER BY name`, [last])).toEqual([
      { name: 'grids.region.retired', n: 3 },
      { name: 'grids.region.upserted', n: 1 },
      { name: 'grids.resident.upserted', n: 5 },
    ]);
    await run((m) => compensateVillageMerger(m, sagaId));
    await run((m) => compensateVillageMerger(m, sagaId)); // again: nothing more to undo
    expect(await snapshot()).toEqual(before);
    expect((await replies(sagaId)).map((r) => r.name)).toEqual(['grids.merger.applied', 'grids.merger.applied', 'grids.merger.compensated', 'grids.merger.compensated']);
  });
});
