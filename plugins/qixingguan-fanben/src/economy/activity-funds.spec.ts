import { subgraph as economy } from '@xiangzhi/economy';
import { subgraph as grids } from '@xiangzhi/grids';
import { recordOutboxEvents } from '@xiangzhi/kernel';
import { startPluginTestPlatform, type PluginTestPlatform } from '@xiangzhi/testing';
import type { DataSource } from 'typeorm';
import plugin from '../index';
import type { QixingguanEvents } from '../projections/consumers';
import { publisherOutbox } from '../testing/publisher-outbox';

/**
 * The economy side of a rating: `qixingguan.rating.decided`, published from the plugin's outbox
 * `qxg_event` in personnel, reaches the plugin's consumer in the economy subgraph through the bus,
 * which records the village's activity funds for the year once, also when the event comes again.
 * (The personnel part's outbox is stood in for by a `qxg_event` table registered with the bus, as
 * personnel does not compose with economy in one test process yet: see `testing/publisher-outbox.ts`.)
 */
describe('qixingguan-fanben activity funds (economy part)', () => {
  let p: PluginTestPlatform;
  let outbox: DataSource;

  beforeAll(async () => {
    p = await startPluginTestPlatform({ plugin, subgraphs: [grids, economy], county: '520502000000' });
    outbox = await publisherOutbox(p, 'qxg_event', 'personnel');
  }, 120_000);
  afterAll(() => p?.stop());

  it('records the activity funds of each rating on the economy side, once per village and year', async () => {
    const rating = (villageCode: string, tier: string, fen: string): QixingguanEvents['qixingguan.rating.decided'] => ({
      villageCode,
      year: 2025,
      tier,
      perCadreFen: fen,
      activityFundsFen: fen,
      decidedOn: '2026-01-10',
    });
    await outbox.transaction((m) => recordOutboxEvents(m, 'qxg_event', 'qixingguan.rating.decided', [rating(p.county.village(1), 'MODEL', '2000000'), rating(p.county.village(2), 'STANDARD', '1000000')]));
    await p.drainEvents();
    await p.drainEvents();
    const rows = (await p.subgraphs.economy.db.dataSource.query(`SELECT village_code, year, tier, amount_fen::text AS fen, decided_on::text AS decided_on FROM qxg_activity_fund ORDER BY village_code`)) as Record<string, unknown>[];
    expect(rows).toEqual([
      { village_code: p.county.village(1), year: 2025, tier: 'MODEL', fen: '2000000', decided_on: '2026-01-10' },
      { village_code: p.county.village(2), year: 2025, tier: 'STANDARD', fen: '1000000', decided_on: '2026-01-10' },
    ]);
  });
});
