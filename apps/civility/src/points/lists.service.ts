import { checkReferences } from '@xiangzhi/grids-api';
import { HouseholdRef } from '../shared/grids-stubs';
import { listPolicyPoint, starRatingPolicyPoint, type HouseholdMonthFacts, type RedBlackListDecision } from '@xiangzhi/civility-api';
import { badInput, conflict, forbidden, mutate, mutateOnce, regionPrefix, type RequestContext } from '@xiangzhi/kernel';
import { randomUUID } from 'node:crypto';
import { recordEvents } from '../events/outbox';
import { CADRE_ROLES, CivilityAccess, MANAGER_ROLES } from '../shared/access';
import { countyCodeOf, requireMonth, requireMonthNotFuture, requireRegionCode, requireVillageCode, requireYearFinished } from '../shared/checks';
import { rows, type Sql } from '../shared/sql';
import { BlackListEntry, PointsLeaderboardEntry, RedBlackList, RedListEntry, StarCount, StarRatingRun, type PublishRedBlackListInput } from './points.types';

function monthDays(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

interface FactRow {
  village_code: string;
  month: string;
  household_id: string;
  points: number;
}

interface DeductionRow extends FactRow {
  rule_code: string;
  largest: number;
}

/**
 * The month facts of every village and month under a prefix in a period, two grouped statements
 * whatever the number of households: net approved points per household and month, and per deducting
 * rule the total and the largest single deduction.
 */
async function monthFacts(db: Sql, patterns: string[], months: string[]): Promise<Map<string, HouseholdMonthFacts[]>> {
  const totals = await rows<FactRow>(
    db,
    `SELECT village_code, month, household_id::text AS household_id, sum(points)::int AS points FROM points_entry
     WHERE village_code LIKE ANY($1::text[]) AND month = ANY($2::text[]) AND status = 'APPROVED' GROUP BY village_code, month, household_id`,
    [patterns, months],
  );
  const deductions = await rows<DeductionRow>(
    db,
    `SELECT village_code, month, household_id::text AS household_id, rule_code, sum(points)::int AS points, min(points)::int AS largest FROM points_entry
     WHERE village_code LIKE ANY($1::text[]) AND month = ANY($2::text[]) AND status = 'APPROVED' AND points < 0 GROUP BY village_code, month, household_id, rule_code`,
    [patterns, months],
  );
  const out = new Map<string, HouseholdMonthFacts[]>();
  const byHousehold = new Map<string, HouseholdMonthFacts>();
  for (const t of totals) {
    const facts: HouseholdMonthFacts = { householdId: t.household_id, points: t.points, deductions: [] };
    byHousehold.set(`${t.village_code}|${t.month}|${t.household_id}`, facts);
    const key = `${t.village_code}|${t.month}`;
    out.set(key, [...(out.get(key) ?? []), facts]);
  }
  for (const d of deductions) byHousehold.get(`${d.village_code}|${d.month}|${d.household_id}`)?.deductions.push({ ruleCode: d.rule_code, total: d.points, largest: d.largest });
  return out;
}

function toList(villageCode: string, month: string, decision: RedBlackListDecision, meta: { published: boolean; publishedAt: Date | null; policy: string }): RedBlackList {
  return Object.assign(new RedBlackList(), {
    villageCode,
    month,
    ...meta,
    red: decision.red.map((r) => Object.assign(new RedListEntry(), { rank: r.rank, household: HouseholdRef.of(r.householdId), points: r.points })),
    black: decision.black.map((b) => Object.assign(new BlackListEntry(), { household: HouseholdRef.of(b.householdId), rule: b.ruleCode, points: b.points })),
  });
}

async function compile(ctx: RequestContext, db: Sql, villageCode: string, month: string): Promise<{ decision: RedBlackListDecision; policy: string }> {
  const facts = (await monthFacts(db, [villageCode], [month])).get(`${villageCode}|${month}`) ?? [];
  const { policy, source } = ctx.policies.resolve(listPolicyPoint, villageCode);
  return { decision: policy.compile({ villageCode, month, households: facts }), policy: source };
}

interface StoredListRow {
  id: string;
  village_code: string;
  month: string;
  policy: string;
  published_at: Date;
}

async function storedLists(db: Sql, keys: { villageCode: string; month: string }[]): Promise<Map<string, RedBlackList>> {
  if (keys.length === 0) return new Map();
  const lists = await rows<StoredListRow>(
    db,
    `SELECT l.id::text AS id, l.village_code, l.month, l.policy, l.published_at FROM red_black_list l JOIN unnest($1::text[], $2::text[]) AS k(v, m) ON l.village_code = k.v AND l.month = k.m`,
    [keys.map((k) => k.villageCode), keys.map((k) => k.month)],
  );
  if (lists.length === 0) return new Map();
  const listRows = await rows<{ list_id: string; kind: string; position: number; household_id: string; points: number; rule_code: string | null }>(
    db,
    `SELECT list_id::text AS list_id, kind, position, household_id::text AS household_id, points, rule_code FROM red_black_list_row WHERE list_id = ANY($1::uuid[]) ORDER BY list_id, kind, position`,
    [lists.map((l) => l.id)],
  );
  const out = new Map<string, RedBlackList>();
  for (const l of lists) {
    const mine = listRows.filter((r) => r.list_id === l.id);
    const decision: RedBlackListDecision = {
      red: mine.filter((r) => r.kind === 'RED').map((r) => ({ householdId: r.household_id, points: r.points, rank: r.position })),
      black: mine.filter((r) => r.kind === 'BLACK').map((r) => ({ householdId: r.household_id, ruleCode: r.rule_code ?? '', points: r.points })),
    };
    out.set(`${l.village_code}|${l.month}`, toList(l.village_code, l.month, decision, { published: true, publishedAt: l.published_at, policy: l.policy }));
  }
  return out;
}

/**
 * 红黑榜 each village's list of a month: the published (frozen) one, or the one the policy gives now.
 * Batched per request: the stored lists of every village asked for in two statements, the month facts
 * of those not published in two more, whatever the number of villages and households.
 */
export function redBlackListLoader(ctx: RequestContext) {
  return ctx.loaders.get<{ code: string; month: string }, RedBlackList | Error>(
    'civility:redBlackList',
    async (keys) => {
      const access = CivilityAccess.of(ctx);
      const checked = keys.map((k): Error | null => {
        try {
          requireVillageCode(k.code, 'code');
          requireMonth(k.month);
          if (access.listPrefix(k.code) === null) throw forbidden(`无权访问辖区（${access.scope}）以外的区域`, `You may only access regions inside your scope ${access.scope}`, { scope: access.scope });
          return null;
        } catch (error) {
          return error as Error;
        }
      });
      const wanted = keys.filter((_, i) => checked[i] === null).map((k) => ({ villageCode: k.code, month: k.month }));
      const stored = await storedLists(ctx.dataSource, wanted);
      const live = wanted.filter((k) => !stored.has(`${k.villageCode}|${k.month}`));
      const facts = live.length ? await monthFacts(ctx.dataSource, [...new Set(live.map((k) => k.villageCode))], [...new Set(live.map((k) => k.month))]) : new Map<string, HouseholdMonthFacts[]>();
      return keys.map((k, i) => {
        const problem = checked[i];
        if (problem) return problem;
        const found = stored.get(`${k.code}|${k.month}`);
        if (found) return found;
        const { policy, source } = ctx.policies.resolve(listPolicyPoint, k.code);
        const decision = policy.compile({ villageCode: k.code, month: k.month, households: facts.get(`${k.code}|${k.month}`) ?? [] });
        return toList(k.code, k.month, decision, { published: false, publishedAt: null, policy: source });
      });
    },
    (k) => `${k.code}|${k.month}`,
  );
}

/** 发布红黑榜 publishes (freezes) a village's list for a past or the current month. */
export async function publishRedBlackList(ctx: RequestContext, input: PublishRedBlackListInput): Promise<RedBlackList> {
  requireVillageCode(input.villageCode);
  requireMonthNotFuture(input.month);
  CivilityAccess.of(ctx).requireWrite(input.villageCode, CADRE_ROLES);
  await checkReferences(ctx.dataSource, { regions: [{ field: 'villageCode', code: input.villageCode, on: monthDays(input.month) }] });
  // a published list is known by its village and month: the key stores them and a retry reads the list again
  const once = {
    operation: 'publishRedBlackList',
    key: input.idempotencyKey,
    input,
    idOf: (list: RedBlackList) => `${list.villageCode}|${list.month}`,
    replay: async (stored: string) => {
      const [code, month] = stored.split('|');
      const list = await redBlackListLoader(ctx).load({ code, month });
      if (list instanceof Error) throw list;
      return list;
    },
  };
  return mutateOnce(ctx, once, { action: 'publishRedBlackList', targetType: 'RedBlackList', regionCode: input.villageCode, payload: { month: input.month } }, async (m) => {
    const id = randomUUID();
    const { decision, policy } = await compile(ctx, m, input.villageCode, input.month);
    const inserted = await rows<{ published_at: Date }>(
      m,
      `INSERT INTO red_black_list (id, county_code, village_code, month, policy, published_by) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (village_code, month) DO NOTHING RETURNING published_at`,
      [id, countyCodeOf(input.villageCode), input.villageCode, input.month, policy, ctx.actor.id],
    );
    if (inserted.length === 0) {
      throw conflict(`${input.villageCode}的${input.month}红黑榜已发布，不能重新发布：month = ${input.month}`, `The ${input.month} list of ${input.villageCode} is already published and frozen: month = ${input.month}`, {
        field: 'month',
        rule: 'LIST_ALREADY_PUBLISHED',
        value: input.month,
      });
    }
    const listRows = [
      ...decision.red.map((r) => [id, 'RED', r.rank, r.householdId, r.points, null]),
      ...decision.black.map((b, i) => [id, 'BLACK', i + 1, b.householdId, b.points, b.ruleCode]),
    ];
    for (let i = 0; i < listRows.length; i += 500) {
      const chunk = listRows.slice(i, i + 500);
      await m.query(`INSERT INTO red_black_list_row (list_id, kind, position, household_id, points, rule_code) VALUES ${chunk.map((_, j) => `($${j * 6 + 1}, $${j * 6 + 2}, $${j * 6 + 3}, $${j * 6 + 4}, $${j * 6 + 5}, $${j * 6 + 6})`).join(', ')}`, chunk.flat());
    }
    await recordEvents(m, 'civility.list.published', [
      {
        listId: id,
        villageCode: input.villageCode,
        month: input.month,
        red: decision.red.map((r) => ({ householdId: r.householdId, points: r.points, rank: r.rank })),
        black: decision.black.map((b) => ({ householdId: b.householdId, ruleCode: b.ruleCode, points: b.points })),
        policy,
      },
    ]);
    return toList(input.villageCode, input.month, decision, { published: true, publishedAt: inserted[0].published_at, policy });
  });
}

/**
 * 积分排行 the households of each region asked for (scope-narrowed) by a month's approved points: one
 * statement over the monthly counters (`household_month_points`) for every region of a request.
 */
export function pointsLeaderboardLoader(ctx: RequestContext) {
  return ctx.loaders.get<{ code: string; month: string; first: number }, PointsLeaderboardEntry[] | Error>(
    'civility:leaderboard',
    async (keys) => {
      const access = CivilityAccess.of(ctx);
      const checked = keys.map((k): Error | null => {
        try {
          requireMonth(k.month);
          if (!Number.isInteger(k.first) || k.first < 1 || k.first > 100) throw badInput(`first 须为1–100：first = ${k.first}`, `first must be 1–100: first = ${k.first}`, { field: 'first', rule: 'PAGE_SIZE', value: k.first });
          return null;
        } catch (error) {
          return error as Error;
        }
      });
      const wanted = keys.map((k, i) => ({ i: i + 1, p: checked[i] === null ? access.listPrefix(k.code) : null, m: k.month, n: k.first })).filter((w) => w.p !== null);
      const found = wanted.length
        ? await rows<{ i: number; household_id: string; village_code: string; points: number }>(
            ctx.dataSource,
            `SELECT k.i::int AS i, x.household_id, x.village_code, x.points FROM unnest($1::int[], $2::text[], $3::text[], $4::int[]) AS k(i, p, m, n)
             CROSS JOIN LATERAL (SELECT household_id::text AS household_id, village_code, points FROM household_month_points
               WHERE month = k.m AND village_code LIKE k.p || '%' ORDER BY points DESC, household_id LIMIT k.n) x
             ORDER BY k.i, x.points DESC, x.household_id`,
            [wanted.map((w) => w.i), wanted.map((w) => w.p), wanted.map((w) => w.m), wanted.map((w) => w.n)],
          )
        : [];
      return keys.map((_, i) => {
        const problem = checked[i];
        if (problem) return problem;
        return found
          .filter((r) => Number(r.i) === i + 1)
          .map((r, rank) => Object.assign(new PointsLeaderboardEntry(), { rank: rank + 1, household: HouseholdRef.of(r.household_id), villageCode: r.village_code, points: r.points }));
      });
    },
    (k) => `${k.code}|${k.month}|${k.first}`,
  );
}

/**
 * 星级文明户评定 rates every household of a region with a ledger for a finished year by the county's
 * `civility.starRating` policy: the year's net approved points and the months it was on its village's
 * black list (the published list where there is one, otherwise the list policy's list of the month).
 * A new run replaces the region's ratings of that year. The year's points come from the monthly counters.
 */
export async function rateStarHouseholds(ctx: RequestContext, regionCode: string, year: number): Promise<StarRatingRun> {
  requireRegionCode(regionCode);
  requireYearFinished(year);
  CivilityAccess.of(ctx).requireWrite(regionCode, MANAGER_ROLES);
  const prefix = regionPrefix(regionCode);
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  return mutate(ctx, { action: 'rateStarHouseholds', targetType: 'StarRating', regionCode, payload: { year } }, async (m) => {
    const households = await rows<{ household_id: string; village_code: string; points: number }>(
      m,
      `SELECT h.household_id::text AS household_id, h.village_code,
         coalesce((SELECT sum(c.points) FROM household_month_points c WHERE c.household_id = h.household_id AND c.month LIKE $2), 0)::int AS points
       FROM household_points h WHERE h.village_code LIKE $1 ORDER BY h.household_id`,
      [`${prefix}%`, `${year}-%`],
    );
    const facts = await monthFacts(m, [`${prefix}%`], months);
    const published = await rows<{ village_code: string; month: string; household_id: string | null }>(
      m,
      `SELECT l.village_code, l.month, r.household_id::text AS household_id FROM red_black_list l LEFT JOIN red_black_list_row r ON r.list_id = l.id AND r.kind = 'BLACK'
       WHERE l.village_code LIKE $1 AND l.month = ANY($2::text[])`,
      [`${prefix}%`, months],
    );
    const publishedKeys = new Set(published.map((p) => `${p.village_code}|${p.month}`));
    const black = new Map<string, string[]>();
    const mark = (householdId: string, month: string) => black.set(householdId, [...(black.get(householdId) ?? []), month]);
    for (const p of published) if (p.household_id) mark(p.household_id, p.month);
    for (const [key, list] of facts) {
      if (publishedKeys.has(key)) continue;
      const [villageCode, month] = key.split('|');
      for (const b of ctx.policies.get(listPolicyPoint, villageCode).compile({ villageCode, month, households: list }).black) mark(b.householdId, month);
    }
    const ratings = households.map((h) => {
      const { policy, source } = ctx.policies.resolve(starRatingPolicyPoint, h.village_code);
      const blackListMonths = [...new Set(black.get(h.household_id) ?? [])].sort();
      const d = policy.rate({ householdId: h.household_id, year, points: h.points, blackListMonths });
      return { ...h, ...d, policy: source };
    });
    for (let i = 0; i < ratings.length; i += 500) {
      const chunk = ratings.slice(i, i + 500);
      await m.query(
        `INSERT INTO star_rating (household_id, year, county_code, village_code, points, stars, rule, reason, policy, rated_by) VALUES
         ${chunk.map((_, j) => `(${Array.from({ length: 10 }, (__, k) => `$${j * 10 + k + 1}`).join(', ')})`).join(', ')}
         ON CONFLICT (household_id, year) DO UPDATE SET points = EXCLUDED.points, stars = EXCLUDED.stars, rule = EXCLUDED.rule, reason = EXCLUDED.reason, policy = EXCLUDED.policy,
           rated_by = EXCLUDED.rated_by, rated_at = now()`,
        chunk.flatMap((r) => [r.household_id, year, countyCodeOf(r.village_code), r.village_code, r.points, r.stars, r.rule, `${r.zh} / ${r.en}`, r.policy, ctx.actor.id]),
      );
    }
    const villages = [...new Set(ratings.map((r) => r.village_code))];
    await recordEvents(
      m,
      'civility.stars.rated',
      villages.map((villageCode) => {
        const mine = ratings.filter((r) => r.village_code === villageCode);
        return { regionCode, villageCode, year, policy: mine[0].policy, ratings: mine.map((r) => ({ householdId: r.household_id, stars: r.stars, points: r.points })) };
      }),
    );
    const counts = [0, 1, 2, 3, 4, 5].map((stars) => Object.assign(new StarCount(), { stars, households: ratings.filter((r) => r.stars === stars).length }));
    return Object.assign(new StarRatingRun(), { regionCode, year, households: ratings.length, stars: counts });
  });
}
