import { checkReferences, householdVillages } from '@xiangzhi/grids-api';
import { HouseholdRef } from '../shared/grids-stubs';
import { pointsPolicyPoint } from '@xiangzhi/civility-api';
import { badInput, conflict, mutate, mutateOnce, notFound, isUuid, type RequestContext } from '@xiangzhi/kernel';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { recordEvents } from '../events/outbox';
import { ruleForEntry } from '../rules/rules.service';
import { CADRE_ROLES, CivilityAccess, RECORDER_ROLES } from '../shared/access';
import { countyCodeOf, requireNotFuture } from '../shared/checks';
import { rows, type Sql } from '../shared/sql';
import { PointsEntry, PointsEntryStatus, type ApprovePointsInput, type RecordPointsInput } from './points.types';

interface EntryRow {
  id: string;
  village_code: string;
  household_id: string;
  rule_code: string;
  points: number;
  occurred_on: string;
  month: string;
  evidence: string | null;
  note: string | null;
  status: PointsEntryStatus;
  recorded_by: string;
  decided_by: string | null;
  decided_at: Date | null;
}

export const ENTRY_COLUMNS = `id::text AS id, village_code, household_id::text AS household_id, rule_code, points, to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on, month, evidence, note, status, recorded_by, decided_by, decided_at`;

export function toEntry(r: EntryRow): PointsEntry {
  return Object.assign(new PointsEntry(), {
    id: r.id,
    household: HouseholdRef.of(r.household_id),
    villageCode: r.village_code,
    ruleCode: r.rule_code,
    points: r.points,
    occurredOn: r.occurred_on,
    month: r.month,
    evidence: r.evidence,
    note: r.note,
    status: r.status,
    recordedBy: r.recorded_by,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
  });
}

async function entryById(db: Sql | EntityManager, id: string): Promise<PointsEntry> {
  const [row] = isUuid(id) ? await rows<EntryRow>(db, `SELECT ${ENTRY_COLUMNS} FROM points_entry WHERE id = $1`, [id]) : [];
  if (!row) throw notFound('积分记录', 'Points entry', id);
  return toEntry(row);
}

/**
 * Creates the household's balance row when it has none and locks it for the transaction: every write
 * to one household's points (entries and their caps, approvals, redemptions) queues here.
 */
export async function lockHousehold(m: EntityManager, householdId: string, villageCode: string): Promise<number> {
  await m.query(`INSERT INTO household_points (household_id, county_code, village_code) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [householdId, countyCodeOf(villageCode), villageCode]);
  const [row] = await rows<{ balance: number }>(m, `SELECT balance FROM household_points WHERE household_id = $1 FOR UPDATE`, [householdId]);
  return row.balance;
}

/**
 * 登记积分 records a pending entry for a household in the recorder's scope, under a rule in force on
 * the day, with evidence when the rule asks for it and within the rule's monthly cap per household
 * (pending and approved entries of the month count).
 */
export async function recordPoints(ctx: RequestContext, input: RecordPointsInput): Promise<PointsEntry> {
  const access = CivilityAccess.of(ctx);
  access.requireRole(RECORDER_ROLES);
  requireNotFuture(input.occurredOn, 'occurredOn', { zh: '发生日期', en: 'date it happened' });
  await checkReferences(ctx.dataSource, { households: [{ field: 'householdId', id: input.householdId, within: access.scope }] });
  const villageCode = (await householdVillages(ctx.dataSource, [input.householdId])).get(input.householdId.toLowerCase()) as string;
  const month = input.occurredOn.slice(0, 7);
  return mutateOnce(
    ctx,
    { operation: 'recordPoints', key: input.idempotencyKey, input, idOf: (e) => e.id, replay: (id) => entryById(ctx.dataSource, id) },
    { action: 'recordPoints', targetType: 'PointsEntry', regionCode: villageCode, targetId: (e) => e.id, payload: { householdId: input.householdId, ruleCode: input.ruleCode, occurredOn: input.occurredOn } },
    async (m) => {
      const rule = await ruleForEntry(ctx, m, villageCode, input.ruleCode, input.occurredOn);
      if (rule.evidence_required && !input.evidence?.trim()) {
        throw badInput(`细则${rule.code}须附佐证：evidence`, `Rule ${rule.code} requires evidence: evidence`, { field: 'evidence', rule: 'EVIDENCE_REQUIRED', value: null });
      }
      await lockHousehold(m, input.householdId, villageCode);
      const cap = ctx.policies.get(pointsPolicyPoint, villageCode).monthlyCap({
        code: rule.code,
        description: rule.description,
        points: rule.points,
        evidenceRequired: rule.evidence_required,
        monthlyCap: rule.monthly_cap,
        articleRef: rule.article_ref,
        countyCode: rule.county_code,
        villageCode: rule.village_code,
      });
      if (cap !== null) {
        const [{ used }] = await rows<{ used: number }>(
          m,
          `SELECT coalesce(sum(abs(points)), 0)::int AS used FROM points_entry WHERE household_id = $1 AND rule_id = $2 AND month = $3 AND status <> 'REJECTED'`,
          [input.householdId, rule.id, month],
        );
        if (used + Math.abs(rule.points) > cap) {
          throw badInput(
            `细则${rule.code}每户每月上限${cap}分，${month}已记${used}分，再记${Math.abs(rule.points)}分将超出：ruleCode = ${rule.code}`,
            `Rule ${rule.code} is capped at ${cap} points per household a month; ${used} already recorded in ${month}, ${Math.abs(rule.points)} more would exceed it: ruleCode = ${rule.code}`,
            { field: 'ruleCode', rule: 'MONTHLY_CAP_EXCEEDED', value: rule.code, cap, used },
          );
        }
      }
      const id = randomUUID();
      await m.query(
        `INSERT INTO points_entry (id, county_code, village_code, household_id, rule_id, rule_code, points, occurred_on, month, evidence, note, status, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'PENDING', $12)`,
        [id, countyCodeOf(villageCode), villageCode, input.householdId, rule.id, rule.code, rule.points, input.occurredOn, month, input.evidence?.trim() || null, input.note?.trim() || null, ctx.actor.id],
      );
      return entryById(m, id);
    },
  );
}

/** 审核积分 approves (or rejects) a pending entry; never the recorder's own. An approval adds to the household's balance and is published. */
export async function approvePoints(ctx: RequestContext, input: ApprovePointsInput): Promise<PointsEntry> {
  const entry = await entryById(ctx.dataSource, input.entryId);
  const access = CivilityAccess.of(ctx);
  access.requireVisible(entry.villageCode, { zh: '积分记录', en: 'Points entry', key: input.entryId });
  access.requireWrite(entry.villageCode, CADRE_ROLES);
  access.requireNotSelf(entry.recordedBy, 'entryId', input.entryId);
  const status = input.approve ? PointsEntryStatus.APPROVED : PointsEntryStatus.REJECTED;
  return mutate(ctx, { action: 'approvePoints', targetType: 'PointsEntry', regionCode: entry.villageCode, targetId: (e) => e.id, payload: { status } }, async (m) => {
    await lockHousehold(m, entry.household.id, entry.villageCode);
    const done = await rows<{ id: string }>(m, `UPDATE points_entry SET status = $2, decided_by = $3, decided_at = now() WHERE id = $1 AND status = 'PENDING' RETURNING id::text AS id`, [input.entryId, status, ctx.actor.id]);
    if (done.length === 0) {
      throw conflict(`积分记录已审核（${entry.status}）：entryId = ${input.entryId}`, `The entry was already decided (${entry.status}): entryId = ${input.entryId}`, { field: 'entryId', rule: 'ENTRY_DECIDED', value: input.entryId });
    }
    if (input.approve) {
      const p = entry.points;
      const [{ balance }] = await rows<{ balance: number }>(
        m,
        `UPDATE household_points SET balance = balance + $2, earned = earned + greatest($2, 0), deducted = deducted + greatest(-$2, 0) WHERE household_id = $1 RETURNING balance`,
        [entry.household.id, p],
      );
      await m.query(
        `INSERT INTO household_month_points (household_id, month, county_code, village_code, points) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (household_id, month) DO UPDATE SET points = household_month_points.points + EXCLUDED.points`,
        [entry.household.id, entry.month, countyCodeOf(entry.villageCode), entry.villageCode, p],
      );
      await recordEvents(m, 'civility.points.approved', [
        { entryId: entry.id, villageCode: entry.villageCode, householdId: entry.household.id, ruleCode: entry.ruleCode, points: p, occurredOn: entry.occurredOn, month: entry.month, balance },
      ]);
    }
    return entryById(m, input.entryId);
  });
}

/** Whether the caller may read a household's civility data: in scope, and a resident only their own household. */
export function householdAccessLoader(ctx: RequestContext) {
  return ctx.loaders.get<string, string | null>('civility:householdVillage', async (ids) => {
    const access = CivilityAccess.of(ctx);
    const villages = await householdVillages(ctx.dataSource, ids);
    let own: string | null = null;
    if (access.isResident) {
      const residentId = ctx.actor.residentId;
      const [row] = residentId && isUuid(residentId) ? await rows<{ household_id: string | null }>(ctx.dataSource, `SELECT household_id::text AS household_id FROM resident_ref WHERE id = $1`, [residentId]) : [];
      own = row?.household_id ?? null;
    }
    return ids.map((id) => {
      const village = villages.get(id.toLowerCase()) ?? null;
      if (village === null || !access.canSee(village)) return null;
      if (access.isResident && own?.toLowerCase() !== id.toLowerCase()) return null;
      return village;
    });
  });
}

/** Current balances (running balance table), one statement per batch; a household without entries has 0. */
export function balanceLoader(ctx: RequestContext) {
  return ctx.loaders.get<string, number>('civility:balance', async (ids) => {
    const found = await rows<{ household_id: string; balance: number }>(ctx.dataSource, `SELECT household_id::text AS household_id, balance FROM household_points WHERE household_id = ANY($1::uuid[])`, [[...ids]]);
    const map = new Map(found.map((r) => [r.household_id, r.balance]));
    return ids.map((id) => map.get(id) ?? 0);
  });
}

/** The balance at the end of a day: approved entries up to it minus redemptions up to it (one statement per batch). */
export function balanceOnLoader(ctx: RequestContext) {
  return ctx.loaders.get<{ id: string; on: string }, number>(
    'civility:balanceOn',
    async (keys) => {
      const ids = keys.map((k) => k.id);
      const ons = keys.map((k) => k.on);
      const found = await rows<{ i: number; balance: number }>(
        ctx.dataSource,
        `SELECT k.i::int AS i,
           coalesce((SELECT sum(e.points) FROM points_entry e WHERE e.household_id = k.id AND e.status = 'APPROVED' AND e.occurred_on <= k.d), 0)::int
           - coalesce((SELECT sum(r.points) FROM redemption r WHERE r.household_id = k.id AND r.redeemed_on <= k.d), 0)::int AS balance
         FROM unnest($1::uuid[], $2::date[]) WITH ORDINALITY AS k(id, d, i)`,
        [ids, ons],
      );
      const map = new Map(found.map((r) => [Number(r.i), r.balance]));
      return keys.map((_, i) => map.get(i + 1) ?? 0);
    },
    (k) => `${k.id}|${k.on}`,
  );
}

/** The latest entries of each household (a window over one statement per batch). */
export function entriesLoader(ctx: RequestContext) {
  return ctx.loaders.get<{ id: string; first: number; status: PointsEntryStatus | null }, PointsEntry[]>(
    'civility:entries',
    async (keys) => {
      const first = Math.max(...keys.map((k) => k.first));
      const found = await rows<EntryRow & { rn: number }>(
        ctx.dataSource,
        `SELECT * FROM (SELECT ${ENTRY_COLUMNS}, row_number() OVER (PARTITION BY household_id, status ORDER BY occurred_on DESC, created_at DESC, id) AS rn,
            row_number() OVER (PARTITION BY household_id ORDER BY occurred_on DESC, created_at DESC, id) AS rn_all
          FROM points_entry WHERE household_id = ANY($1::uuid[])) x WHERE x.rn <= $2 OR x.rn_all <= $2 ORDER BY occurred_on DESC, id`,
        [[...new Set(keys.map((k) => k.id))], first],
      );
      return keys.map((k) =>
        found
          .filter((r) => r.household_id === k.id && (k.status === null || r.status === k.status))
          .slice(0, k.first)
          .map(toEntry),
      );
    },
    (k) => `${k.id}|${k.first}|${k.status ?? ''}`,
  );
}

/** Stars of each household for a year (null when not rated), one statement per batch. */
export function starsLoader(ctx: RequestContext) {
  return ctx.loaders.get<{ id: string; year: number }, number | null>(
    'civility:stars',
    async (keys) => {
      const found = await rows<{ household_id: string; year: number; stars: number }>(
        ctx.dataSource,
        `SELECT household_id::text AS household_id, year, stars FROM star_rating WHERE household_id = ANY($1::uuid[]) AND year = ANY($2::int[])`,
        [[...new Set(keys.map((k) => k.id))], [...new Set(keys.map((k) => k.year))]],
      );
      const map = new Map(found.map((r) => [`${r.household_id}|${r.year}`, r.stars]));
      return keys.map((k) => map.get(`${k.id}|${k.year}`) ?? null);
    },
    (k) => `${k.id}|${k.year}`,
  );
}
