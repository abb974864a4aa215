import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { collectiveInventory, withCheckChar, type EconomyMergerApplyCommand } from '@xiangzhi/economy-api';
import { subgraph as grids } from '@xiangzhi/grids';
import { Role, type Actor } from '@xiangzhi/kernel';
import { graphqlClient, startTestPlatform, testFixtures, type TestPlatform } from '@xiangzhi/testing';
import { subgraph as economy } from '../index';
import { applyEconomyMerger, compensateEconomyMerger } from './merger.consumer';

/**
 * 村建制调整 the economy capability on a real database: the confirmed inventory is checked against the
 * ledger (a difference refuses and writes nothing), the merged village's organisation is registered
 * with its chart when needed, the sources become its sub-organisations once per saga, and
 * compensation restores parents and statuses and removes what it registered.
 */
const admin: Actor = { id: 'admin-511102', roles: [Role.COUNTY_ADMIN], scope: '511102000000' };
const [A, B] = ['511102102201', '511102102202'];
const NEW = '511102102370';

describe('economy village-merger capability', () => {
  let p: TestPlatform;
  const orgs: string[] = [];
  const db = () => p.subgraphs.economy.db.dataSource;
  const run = (work: (manager: EntityManager) => Promise<void>) => db().transaction(work);
  const replies = async (sagaId: string) =>
    (await db().query(`SELECT name, payload FROM economy_event WHERE name LIKE 'economy.merger.%' AND payload->>'sagaId' = $1 ORDER BY id`, [sagaId])) as { name: string; payload: Record<string, unknown> }[];
  const state = () => db().query(`SELECT id, village_code, parent_id, status FROM collective_organization WHERE village_code LIKE '511102102%' ORDER BY village_code, id`);
  const command = async (sagaId: string, targetCode: string, newOrganization: EconomyMergerApplyCommand['newOrganization']): Promise<EconomyMergerApplyCommand> => ({
    sagaId,
    targetCode,
    effectiveDate: '2026-01-01',
    newOrganization,
    sources: await collectiveInventory(db(), orgs),
  });

  beforeAll(async () => {
    p = await startTestPlatform({ subgraphs: [grids, economy] });
    const client = graphqlClient(p);
    for (const [i, code] of [A, B].entries()) {
      await testFixtures(p, code).village({ code, as: admin });
      const org = await client.ok<{ registerCollectiveOrganization: { id: string } }>(admin, `mutation($i: RegisterCollectiveOrganizationInput!) { registerCollectiveOrganization(input: $i) { id } }`, {
        i: { villageCode: code, name: `${code.slice(9)}村经济合作社`, creditCode: withCheckChar(`N2511102MF000010${i}`), foundedOn: '2019-06-01', developmentModel: 'LAND' },
      });
      orgs.push(org.registerCollectiveOrganization.id);
      await client.ok(admin, `mutation($i: PostVoucherInput!) { postVoucher(input: $i) { id } }`, {
        i: { organizationId: org.registerCollectiveOrganization.id, date: '2025-12-01', summary: '林木资产', lines: [{ accountCode: '132', debit: `${1000 + i}.00` }, { accountCode: '202', credit: `${1000 + i}.00` }] },
      });
    }
  }, 180_000);
  afterAll(() => p?.stop());

  it('reads the inventory from the ledger and refuses a changed one or a new village without its organisation, writing nothing', async () => {
    const figures = await collectiveInventory(db(), orgs);
    expect(figures.map(({ assetsFen, liabilitiesFen, resourcesFen }) => ({ assetsFen, liabilitiesFen, resourcesFen }))).toEqual([
      { assetsFen: '0', liabilitiesFen: '100000', resourcesFen: '100000' },
      { assetsFen: '0', liabilitiesFen: '100100', resourcesFen: '100100' },
    ]);
    const before = await state();
    const changed = randomUUID();
    const cmd = await command(changed, NEW, { name: '联合村经济合作社', creditCode: withCheckChar('N2511102MF0000199') });
    cmd.sources[1] = { ...cmd.sources[1], resourcesFen: '99999' };
    await run((m) => applyEconomyMerger(m, cmd));
    expect(await replies(changed)).toEqual([{ name: 'economy.merger.refused', payload: expect.objectContaining({ rule: 'INVENTORY_CHANGED', value: `${B}.resourcesFen=100100≠99999` }) }]);
    const missing = randomUUID();
    const withoutOrganization = await command(missing, NEW, null);
    await run((m) => applyEconomyMerger(m, withoutOrganization));
    expect(await replies(missing)).toEqual([{ name: 'economy.merger.refused', payload: expect.objectContaining({ rule: 'NEW_ORGANIZATION_REQUIRED', value: NEW }) }]);
    expect(await state()).toEqual(before);
    expect(await db().query(`SELECT count(*)::int AS n FROM economy_merger_log`)).toEqual([{ n: 0 }]);
  });

  it('registers the new village’s organisation with its chart, makes the sources its sub-organisations once, and compensates exactly', async () => {
    const before = await state();
    const sagaId = randomUUID();
    const cmd = await command(sagaId, NEW, { name: '联合村经济合作社', creditCode: withCheckChar('N2511102MF0000199') });
    await run((m) => applyEconomyMerger(m, cmd));
    await run((m) => applyEconomyMerger(m, cmd));
    const [applied, again] = await replies(sagaId);
    expect(applied).toEqual(again);
    const parentId = applied.payload.organizationId as string;
    expect(applied.payload).toMatchObject({ createdOrganization: true, subOrganizationIds: [...orgs].sort() });
    expect(await db().query(`SELECT count(*)::int AS n FROM collective_organization WHERE village_code = $1`, [NEW])).toEqual([{ n: 1 }]);
    expect(await db().query(`SELECT count(*)::int AS n FROM ledger_account WHERE organization_id = $1`, [parentId])).toEqual(
      await db().query(`SELECT count(*)::int AS n FROM ledger_account WHERE organization_id = $1`, [orgs[0]]),
    );
    expect(await db().query(`SELECT parent_id, status FROM collective_organization WHERE id = ANY($1::uuid[])`, [orgs])).toEqual([
      { parent_id: parentId, status: 'MERGED' },
      { parent_id: parentId, status: 'MERGED' },
    ]);
    // 四不变: the ledgers give the same figures
    expect(await collectiveInventory(db(), orgs)).toEqual(cmd.sources);

    await run((m) => compensateEconomyMerger(m, sagaId));
    expect(await state()).toEqual(before);
    expect(await db().query(`SELECT count(*)::int AS n FROM ledger_account WHERE organization_id = $1`, [parentId])).toEqual([{ n: 0 }]);
    expect((await replies(sagaId)).map((r) => r.name)).toEqual(['economy.merger.applied', 'economy.merger.applied', 'economy.merger.compensated']);
  });

  it('keeps the target’s own collective as the parent when the target is one of the sources', async () => {
    const sagaId = randomUUID();
    const own = await command(sagaId, A, null);
    await run((m) => applyEconomyMerger(m, own));
    const [applied] = await replies(sagaId);
    expect(applied.payload).toMatchObject({ organizationId: orgs[0], createdOrganization: false, subOrganizationIds: [orgs[1]] });
    await run((m) => compensateEconomyMerger(m, sagaId));
    expect(await db().query(`SELECT parent_id, status FROM collective_organization WHERE id = $1`, [orgs[1]])).toEqual([{ parent_id: null, status: 'ACTIVE' }]);
  });
});
