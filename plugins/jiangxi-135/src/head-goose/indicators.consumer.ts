import { CIVILITY_EVENT_SUBJECTS, type CivilityEvents } from '@xiangzhi/civility-api';
import { ECONOMY_EVENT_SUBJECTS, type EconomyEvents } from '@xiangzhi/economy-api';
import { defineConsumer, type ConsumedEvent } from '@xiangzhi/kernel';
import { LEGAL_EVENT_SUBJECTS, type LegalEvents } from '@xiangzhi/legal-api';
import { PLUGIN_NAME } from '../config';

type Counter = 'disputes_opened' | 'disputes_closed' | 'lists_published' | 'lists_clean' | 'disclosures' | 'disclosures_on_time';

const payload = <T>(event: ConsumedEvent): T => event.payload as unknown as T;

/** What one event adds to its village's year: counters and income (fen). */
function delta(event: ConsumedEvent): { villageCode: string; year: number; counters: Counter[]; incomeFen: string | null } | null {
  switch (event.subject) {
    case 'legal.dispute.opened': {
      const e = payload<LegalEvents['legal.dispute.opened']>(event);
      return { villageCode: e.villageCode, year: Number(e.openedOn.slice(0, 4)), counters: ['disputes_opened'], incomeFen: null };
    }
    case 'legal.dispute.closed': {
      const e = payload<LegalEvents['legal.dispute.closed']>(event);
      return { villageCode: e.villageCode, year: Number(e.closedOn.slice(0, 4)), counters: ['disputes_closed'], incomeFen: null };
    }
    case 'civility.list.published': {
      const e = payload<CivilityEvents['civility.list.published']>(event);
      return { villageCode: e.villageCode, year: Number(e.month.slice(0, 4)), counters: e.black.length === 0 ? ['lists_published', 'lists_clean'] : ['lists_published'], incomeFen: null };
    }
    case 'economy.disclosure.published': {
      const e = payload<EconomyEvents['economy.disclosure.published']>(event);
      return { villageCode: e.villageCode, year: Number(e.publishedOn.slice(0, 4)), counters: e.overdue ? ['disclosures'] : ['disclosures', 'disclosures_on_time'], incomeFen: null };
    }
    case 'economy.income.recorded': {
      const e = payload<EconomyEvents['economy.income.recorded']>(event);
      return { villageCode: e.villageCode, year: e.year, counters: [], incomeFen: e.operatingIncomeFen };
    }
    default:
      return null;
  }
}

/**
 * 头雁指数治理指标 counts, per pilot village and year, what the legal, civility and economy subgraphs
 * publish: disputes opened / closed, red-black lists published / without a black-list household,
 * disclosures published / on time, and the change of operating income. The kernel applies each event
 * once (its id is recorded in the same transaction), so the counters are increments. Villages of
 * counties that do not enable the plugin are not kept.
 */
export const headGooseIndicatorsConsumer = defineConsumer({
  name: 'jiangxi-head-goose-indicators',
  subjects: [LEGAL_EVENT_SUBJECTS.disputes, CIVILITY_EVENT_SUBJECTS.listPublished, ECONOMY_EVENT_SUBJECTS.all],
  aggregateOf: (e) => String(e.payload.villageCode ?? ''),
  handle: async (event, ctx) => {
    const d = delta(event);
    if (!d || !/^\d{12}$/.test(d.villageCode) || !Number.isInteger(d.year) || !ctx.policies.isEnabled(PLUGIN_NAME, d.villageCode)) return;
    const inc = (c: Counter) => (d.counters.includes(c) ? 1 : 0);
    await ctx.manager.query(
      `INSERT INTO jiangxi_village_indicator AS t (village_code, year, disputes_opened, disputes_closed, lists_published, lists_clean, disclosures, disclosures_on_time, income_recorded, operating_income_fen)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::bigint)
       ON CONFLICT (village_code, year) DO UPDATE SET
         disputes_opened = t.disputes_opened + EXCLUDED.disputes_opened,
         disputes_closed = t.disputes_closed + EXCLUDED.disputes_closed,
         lists_published = t.lists_published + EXCLUDED.lists_published,
         lists_clean = t.lists_clean + EXCLUDED.lists_clean,
         disclosures = t.disclosures + EXCLUDED.disclosures,
         disclosures_on_time = t.disclosures_on_time + EXCLUDED.disclosures_on_time,
         income_recorded = t.income_recorded OR EXCLUDED.income_recorded,
         operating_income_fen = t.operating_income_fen + EXCLUDED.operating_income_fen`,
      [
        d.villageCode,
        d.year,
        inc('disputes_opened'),
        inc('disputes_closed'),
        inc('lists_published'),
        inc('lists_clean'),
        inc('disclosures'),
        inc('disclosures_on_time'),
        d.incomeFen !== null,
        d.incomeFen ?? '0',
      ],
    );
  },
  reset: async (manager) => {
    await manager.query('DELETE FROM jiangxi_village_indicator');
  },
});
