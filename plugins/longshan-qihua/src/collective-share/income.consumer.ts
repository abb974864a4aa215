import { ECONOMY_EVENT_SUBJECTS, type EconomyEvents } from '@xiangzhi/economy-api';
import { defineConsumer } from '@xiangzhi/kernel';
import { PLUGIN_NAME } from '../config';

type IncomeRecorded = EconomyEvents['economy.income.recorded'];

/**
 * 经营性收入投影 keeps, per collective organisation and month, the operating income total the economy
 * ledger last reported (`economy.income.recorded.monthTotalFen`, the month's total after the voucher).
 * Events of one organisation are applied in publish order, so the row holds the latest total; a
 * replayed event writes the same total again. Villages of counties that do not enable the plugin are
 * not kept.
 */
export const longshanIncomeConsumer = defineConsumer({
  name: 'longshan-collective-income',
  subjects: [ECONOMY_EVENT_SUBJECTS.all],
  aggregateOf: (e) => String(e.payload.organizationId ?? ''),
  handle: async (event, ctx) => {
    if (event.subject !== 'economy.income.recorded') return;
    const e = event.payload as unknown as IncomeRecorded;
    if (typeof e.villageCode !== 'string' || !/^\d{12}$/.test(e.villageCode) || !ctx.policies.isEnabled(PLUGIN_NAME, e.villageCode)) return;
    await ctx.manager.query(
      `INSERT INTO longshan_collective_income (organization_id, village_code, year, month, month_total_fen, last_voucher_id)
       VALUES ($1, $2, $3, $4, $5::bigint, $6)
       ON CONFLICT (organization_id, year, month) DO UPDATE
         SET village_code = EXCLUDED.village_code, month_total_fen = EXCLUDED.month_total_fen,
             last_voucher_id = EXCLUDED.last_voucher_id, updated_at = now()`,
      [e.organizationId, e.villageCode, e.year, e.month, e.monthTotalFen, e.voucherId],
    );
  },
  reset: async (manager) => {
    await manager.query('DELETE FROM longshan_collective_income');
  },
});
