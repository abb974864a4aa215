import { defineConsumer, type ConsumedEvent, type EventConsumerContext } from '@xiangzhi/kernel';
import { CIVILITY_EVENT_SUBJECTS, type CivilityEvents } from '@xiangzhi/civility-api';
import type { EconomyEventName, EconomyEvents } from '@xiangzhi/economy-api';
import { LEGAL_EVENT_SUBJECTS, type LegalEvents } from '@xiangzhi/legal-api';
import { PLUGIN_NAME } from '../config';

/** Only villages of counties that enable the plugin are kept: the projections stay the size of those counties. */
function kept(ctx: EventConsumerContext, villageCode: unknown): villageCode is string {
  return typeof villageCode === 'string' && /^\d{12}$/.test(villageCode) && ctx.policies.isEnabled(PLUGIN_NAME, villageCode);
}

function payload<T>(event: ConsumedEvent): T {
  return event.payload as unknown as T;
}

/**
 * 产业兴 operating income of each village and year, summed from `economy.income.recorded` (the change
 * each voucher makes, negative for a reversal), in fen.
 */
export const incomeConsumer = defineConsumer({
  name: 'qixingguan-income',
  subjects: ['economy.income.recorded' satisfies EconomyEventName],
  aggregateOf: (e) => String(e.payload.villageCode ?? ''),
  handle: async (event, ctx) => {
    if (event.subject !== 'economy.income.recorded') return;
    const e = payload<EconomyEvents['economy.income.recorded']>(event);
    if (!kept(ctx, e.villageCode)) return;
    await ctx.manager.query(
      `INSERT INTO qxg_village_income (village_code, year, operating_income_fen) VALUES ($1, $2, $3::bigint)
       ON CONFLICT (village_code, year) DO UPDATE SET operating_income_fen = qxg_village_income.operating_income_fen + EXCLUDED.operating_income_fen`,
      [e.villageCode, e.year, e.operatingIncomeFen],
    );
  },
  reset: async (manager) => {
    await manager.query('DELETE FROM qxg_village_income');
  },
});

/**
 * 乡风纯 the months each village's published black list named households (`civility.list.published`,
 * frozen once published) and the star households of each year (`civility.stars.rated`, one event per
 * village of a rating run: a new run replaces the village's counts of the year).
 */
export const civilityConsumer = defineConsumer({
  name: 'qixingguan-civility',
  subjects: [CIVILITY_EVENT_SUBJECTS.listPublished, CIVILITY_EVENT_SUBJECTS.starsRated],
  aggregateOf: (e) => String(e.payload.villageCode ?? ''),
  handle: async (event, ctx) => {
    if (event.subject === 'civility.list.published') {
      const e = payload<CivilityEvents['civility.list.published']>(event);
      if (!kept(ctx, e.villageCode)) return;
      await ctx.manager.query(
        `INSERT INTO qxg_black_list (village_code, month, black_rows) VALUES ($1, $2, $3)
         ON CONFLICT (village_code, month) DO UPDATE SET black_rows = EXCLUDED.black_rows`,
        [e.villageCode, e.month, e.black.length],
      );
    } else if (event.subject === 'civility.stars.rated') {
      const e = payload<CivilityEvents['civility.stars.rated']>(event);
      if (!kept(ctx, e.villageCode)) return;
      await ctx.manager.query(`DELETE FROM qxg_star_count WHERE village_code = $1 AND year = $2`, [e.villageCode, e.year]);
      const counts = new Map<number, number>();
      for (const r of e.ratings) counts.set(r.stars, (counts.get(r.stars) ?? 0) + 1);
      if (counts.size === 0) return;
      await ctx.manager.query(
        `INSERT INTO qxg_star_count (village_code, year, stars, households)
         SELECT $1, $2, v.stars, v.households FROM unnest($3::int[], $4::int[]) AS v(stars, households)`,
        [e.villageCode, e.year, [...counts.keys()], [...counts.values()]],
      );
    }
  },
  reset: async (manager) => {
    await manager.query('DELETE FROM qxg_black_list');
    await manager.query('DELETE FROM qxg_star_count');
  },
});

/** 乡风纯（法治）disputes still open (`legal.dispute.opened` / `closed`) and the designations made (`legal.designation.made`). */
export const legalConsumer = defineConsumer({
  name: 'qixingguan-legal',
  subjects: [LEGAL_EVENT_SUBJECTS.disputes, LEGAL_EVENT_SUBJECTS.designations],
  aggregateOf: (e) => String(e.payload.villageCode ?? ''),
  handle: async (event, ctx) => {
    if (event.subject === 'legal.dispute.opened') {
      const e = payload<LegalEvents['legal.dispute.opened']>(event);
      if (!kept(ctx, e.villageCode)) return;
      await ctx.manager.query(
        `INSERT INTO qxg_dispute (dispute_id, village_code, opened_on) VALUES ($1, $2, $3::date) ON CONFLICT (dispute_id) DO NOTHING`,
        [e.disputeId, e.villageCode, e.openedOn],
      );
    } else if (event.subject === 'legal.dispute.closed') {
      const e = payload<LegalEvents['legal.dispute.closed']>(event);
      if (!kept(ctx, e.villageCode)) return;
      await ctx.manager.query(
        `INSERT INTO qxg_dispute (dispute_id, village_code, opened_on, closed_on) VALUES ($1, $2, $3::date, $4::date)
         ON CONFLICT (dispute_id) DO UPDATE SET closed_on = EXCLUDED.closed_on`,
        [e.disputeId, e.villageCode, e.openedOn, e.closedOn],
      );
    } else if (event.subject === 'legal.designation.made') {
      const e = payload<LegalEvents['legal.designation.made']>(event);
      if (!kept(ctx, e.villageCode)) return;
      await ctx.manager.query(
        `INSERT INTO qxg_designation (village_code, year, kind, designated) VALUES ($1, $2, $3, $4)
         ON CONFLICT (village_code, year, kind) DO UPDATE SET designated = EXCLUDED.designated`,
        [e.villageCode, e.year, e.kind, e.designated],
      );
    }
  },
  reset: async (manager) => {
    await manager.query('DELETE FROM qxg_dispute');
    await manager.query('DELETE FROM qxg_designation');
  },
});

/** 七星关区插件事件 what the plugin publishes from its outbox `qxg_event` (personnel). Amounts are fen as decimal strings. */
export interface QixingguanEvents {
  /** 范本村评定 a district panel rated a village for a year: its tier and the reward it brings. */
  'qixingguan.rating.decided': { villageCode: string; year: number; tier: string; perCadreFen: string; activityFundsFen: string; decidedOn: string };
}

/**
 * 村级活动经费 (economy part) records the activity funds of each rating on the economy side. The
 * economy subgraph has no operation a plugin can post a voucher with yet; until it has, the funds are
 * kept here, one row per village and year.
 */
export const activityFundsConsumer = defineConsumer({
  name: 'qixingguan-activity-funds',
  subjects: ['qixingguan.rating.decided'],
  handle: async (event, ctx) => {
    const e = payload<QixingguanEvents['qixingguan.rating.decided']>(event);
    await ctx.manager.query(
      `INSERT INTO qxg_activity_fund (village_code, year, tier, amount_fen, decided_on) VALUES ($1, $2, $3, $4::bigint, $5::date)
       ON CONFLICT (village_code, year) DO UPDATE SET tier = EXCLUDED.tier, amount_fen = EXCLUDED.amount_fen, decided_on = EXCLUDED.decided_on`,
      [e.villageCode, e.year, e.tier, e.activityFundsFen, e.decidedOn],
    );
  },
  reset: async (manager) => {
    await manager.query('DELETE FROM qxg_activity_fund');
  },
});
