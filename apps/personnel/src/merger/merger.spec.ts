import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { subgraph as grids } from '@xiangzhi/grids';
import { Role, todayInChina, type Actor } from '@xiangzhi/kernel';
import type { PersonnelMergerApplyCommand } from '@xiangzhi/personnel-api';
import { graphqlClient, startTestPlatform, testFixtures, type TestPlatform, type VillageFixture } from '@xiangzhi/testing';
import { subgraph as personnel } from '../index';
import { applyPersonnelMerger, compensatePersonnelMerger } from './merger.consumer';

/**
 * 村建制调整 the personnel capability on a real database: the new team's posts from the county's
 * template, kept cadres assigned, a leaving cadre discharged with the subsidy, a moved cadre's
 * assignment ended; a decision that no longer matches a cadre refuses the whole command; compensation
 * undoes exactly what the apply did.
 */
const admin: Actor = { id: 'admin-511102', roles: [Role.COUNTY_ADMIN], scope: '511102000000' };
const [A, B] = ['511102103201', '511102103202'];
const NEW = '511102103380';

describe('personnel village-merger capability', () => {
  let p: TestPlatform;
  let a: VillageFixture;
  let b: VillageFixture;
  const db = () => p.subgraphs.personnel.db.dataSource;
  const run = (work: (manager: EntityManager) => Promise<void>) => db().transaction(work);
  const replies = async (sagaId: string) =>
    (await db().query(`SELECT name, payload FROM personnel_event WHERE name LIKE 'personnel.merger.%' AND payload->>'sagaId' = $1 ORDER BY id`, [sagaId])) as { name: string; payload: Record<string, unknown> }[];
  const snapshot = async () => ({
    cadres: await db().query(`SELECT id, village_code, status, departure_type, departure_date::text, departure_reason FROM cadre ORDER BY id`),
    posts: await db().query(`SELECT id, village_code, code, holder_id FROM post ORDER BY id`),
    assignments: await db().query(`SELECT id, post_id, cadre_id, start_date::text, end_date::text, end_reason FROM post_assignment ORDER BY id`),
    subsidies: await db().query(`SELECT * FROM cadre_departure_subsidy`),
  });
  const command = (sagaId: string): PersonnelMergerApplyCommand => ({
    sagaId,
    targetCode: NEW,
    effectiveDate: todayInChina(),
    cadres: [
      { cadreId: a.cadres[0].id, villageCode: A, decision: 'KEPT', postCode: 'secretary', subsidyFen: null },
      { cadreId: a.cadres[1].id, villageCode: A, decision: 'LEAVING', postCode: null, subsidyFen: '1500000' },
      { cadreId: b.cadres[0].id, villageCode: B, decision: 'KEPT', postCode: 'director', subsidyFen: null },
      { cadreId: b.cadres[1].id, villageCode: B, decision: 'MOVED', postCode: null, subsidyFen: null },
    ],
  });

  beforeAll(async () => {
    p = await startTestPlatform({ subgraphs: [grids, personnel] });
    a = await testFixtures(p, A).village({ code: A, cadres: 2, as: admin });
    b = await testFixtures(p, B).village({ code: B, cadres: 2, as: admin });
  }, 180_000);
  afterAll(() => p?.stop());

  it('applies the diversion once per saga and compensates exactly', async () => {
    const before = await snapshot();
    const sagaId = randomUUID();
    await run((m) => applyPersonnelMerger(m, p.subgraphs.personnel.policies, command(sagaId)));
    await run((m) => applyPersonnelMerger(m, p.subgraphs.personnel.policies, command(sagaId)));
    const [applied, again] = await replies(sagaId);
    expect(applied).toEqual(again);
    expect(applied.payload).toEqual({ sagaId, postsCreated: 5, kept: 2, moved: 1, left: 1 });
    expect(await db().query(`SELECT code, holder_id FROM post WHERE village_code = $1 AND holder_id IS NOT NULL ORDER BY code`, [NEW])).toEqual([
      { code: 'director', holder_id: b.cadres[0].id },
      { code: 'secretary', holder_id: a.cadres[0].id },
    ]);
    expect(await db().query(`SELECT village_code, status FROM cadre WHERE id = ANY($1::uuid[]) ORDER BY village_code, status`, [[a.cadres[0].id, a.cadres[1].id, b.cadres[1].id]])).toEqual([
      { village_code: A, status: 'LEFT' },
      { village_code: B, status: 'ACTIVE' },
      { village_code: NEW, status: 'ACTIVE' },
    ]);
    expect(await db().query(`SELECT count(*)::int AS n FROM post_assignment WHERE cadre_id = $1 AND end_date IS NULL`, [b.cadres[1].id])).toEqual([{ n: 0 }]);
    expect(await db().query(`SELECT amount_fen::text AS fen FROM cadre_departure_subsidy WHERE cadre_id = $1`, [a.cadres[1].id])).toEqual([{ fen: '1500000' }]);

    await run((m) => compensatePersonnelMerger(m, sagaId));
    expect(await snapshot()).toEqual(before);
    expect((await replies(sagaId)).map((r) => r.name)).toEqual(['personnel.merger.applied', 'personnel.merger.applied', 'personnel.merger.compensated']);
  });

  it('refuses the whole command, writing nothing, when a cadre left after the plan was approved', async () => {
    const cadre = await graphqlClient(p).ok<{ cadre: { version: number } }>(admin, `query($id: ID!) { cadre(id: $id) { version } }`, { id: b.cadres[0].id });
    await graphqlClient(p).ok(admin, `mutation($i: DischargeCadreInput!) { dischargeCadre(input: $i) { cadre { id } } }`, {
      i: { cadreId: b.cadres[0].id, departureType: 'RESIGNED', reason: '辞职', date: todayInChina(), expectedVersion: cadre.cadre.version },
    });
    const before = await snapshot();
    const sagaId = randomUUID();
    await run((m) => applyPersonnelMerger(m, p.subgraphs.personnel.policies, command(sagaId)));
    expect(await replies(sagaId)).toEqual([
      { name: 'personnel.merger.refused', payload: expect.objectContaining({ sagaId, rule: 'CADRE_STATE_CHANGED', value: `${b.cadres[0].id}:LEFT@${B}` }) },
    ]);
    expect(await snapshot()).toEqual(before);
  });
});
