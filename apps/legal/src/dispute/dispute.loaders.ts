import { byKey, groupByKey, isUuid, type RequestContext } from '@xiangzhi/kernel';
import type DataLoader from 'dataloader';
import { In } from 'typeorm';
import { groupByPrefix, LegalAccess, regionPatterns, visibleOnly } from '../shared/access';
import { Dispute, DisputeEscalation, DisputeParty, DisputeStatus, Mediation } from './dispute.entity';

/**
 * For a resident, only the disputes they are a party to (one statement for the batch); anyone else
 * keeps every dispute of the list (already limited to their scope).
 */
export async function ownDisputesOnly<T extends Dispute | null>(ctx: RequestContext, disputes: T[]): Promise<T[]> {
  const access = LegalAccess.of(ctx);
  if (!access.residentOnly) return disputes;
  const own = access.ownResidentId;
  const ids = disputes.flatMap((d) => (d ? [d.id] : []));
  if (!own || !isUuid(own) || ids.length === 0) return disputes.map(() => null as T);
  const mine = new Set(
    ((await ctx.dataSource.query(`SELECT DISTINCT dispute_id::text AS id FROM dispute_party WHERE dispute_id = ANY($1::uuid[]) AND resident_id = $2::uuid`, [ids, own])) as { id: string }[]).map((r) => r.id),
  );
  return disputes.map((d) => (d && mine.has(d.id) ? d : (null as T)));
}

/** Disputes by id (missing, not a UUID, outside the scope or, for a resident, not theirs: null). */
export function disputeLoader(ctx: RequestContext): DataLoader<string, Dispute | null> {
  return ctx.loaders.get<string, Dispute | null>('legal:dispute', async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = byKey(ids, valid.length ? await ctx.dataSource.getRepository(Dispute).findBy({ id: In(valid) }) : [], (d) => d.id);
    return ownDisputesOnly(ctx, visibleOnly(ctx, rows, (d) => d.villageCode));
  });
}

/** The dispute a grids incident was taken over as (null when none, or outside the scope). */
export function disputeByIncidentLoader(ctx: RequestContext): DataLoader<string, Dispute | null> {
  return ctx.loaders.get<string, Dispute | null>('legal:disputeByIncident', async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = byKey(ids, valid.length ? await ctx.dataSource.getRepository(Dispute).findBy({ incidentId: In(valid) }) : [], (d) => d.incidentId ?? '');
    return ownDisputesOnly(ctx, visibleOnly(ctx, rows, (d) => d.villageCode));
  });
}

export function partiesLoader(ctx: RequestContext): DataLoader<string, DisputeParty[]> {
  return ctx.loaders.get<string, DisputeParty[]>('legal:disputeParties', async (ids) =>
    groupByKey(ids, await ctx.dataSource.getRepository(DisputeParty).find({ where: { disputeId: In([...ids]) }, order: { position: 'ASC' } }), (p) => p.disputeId),
  );
}

export function mediationsLoader(ctx: RequestContext): DataLoader<string, Mediation[]> {
  return ctx.loaders.get<string, Mediation[]>('legal:disputeMediations', async (ids) =>
    groupByKey(ids, await ctx.dataSource.getRepository(Mediation).find({ where: { disputeId: In([...ids]) }, order: { heldOn: 'ASC', createdAt: 'ASC' } }), (m) => m.disputeId),
  );
}

export function escalationsLoader(ctx: RequestContext): DataLoader<string, DisputeEscalation[]> {
  return ctx.loaders.get<string, DisputeEscalation[]>('legal:disputeEscalations', async (ids) =>
    groupByKey(ids, await ctx.dataSource.getRepository(DisputeEscalation).find({ where: { disputeId: In([...ids]) }, order: { createdAt: 'ASC' } }), (e) => e.disputeId),
  );
}

/** Filters of a region's dispute list (part of the loader's name, so one statement per distinct filter). */
export interface DisputeFilter {
  status: DisputeStatus | null;
  crimeRisk: boolean | null;
  limit: number;
}

/**
 * The newest disputes under each requested region (within the caller's scope), `limit` per region:
 * one statement for every region of the batch (a lateral join per region pattern).
 */
export function disputesByRegionLoader(ctx: RequestContext, f: DisputeFilter): DataLoader<string, Dispute[]> {
  return ctx.loaders.get<string, Dispute[]>(`legal:disputesByRegion:${f.status ?? '*'}:${String(f.crimeRisk)}:${f.limit}`, async (codes) => {
    const { prefixes, patterns } = regionPatterns(ctx, codes);
    if (patterns.length === 0) return codes.map(() => []);
    const params: unknown[] = [patterns, f.limit];
    const where: string[] = [];
    if (f.status) where.push(`AND status = $${params.push(f.status)}`);
    if (f.crimeRisk !== null) where.push(`AND crime_risk = $${params.push(f.crimeRisk)}`);
    const access = LegalAccess.of(ctx);
    if (access.residentOnly) {
      const own = access.ownResidentId;
      if (!own || !isUuid(own)) return codes.map(() => []);
      where.push(`AND EXISTS (SELECT 1 FROM dispute_party pp WHERE pp.dispute_id = dispute.id AND pp.resident_id = $${params.push(own)}::uuid)`);
    }
    const hits = (await ctx.dataSource.query(
      `SELECT DISTINCT x.id::text AS id FROM unnest($1::text[]) AS p(pattern)
       CROSS JOIN LATERAL (SELECT id FROM dispute WHERE village_code LIKE p.pattern ${where.join(' ')} ORDER BY opened_on DESC, id LIMIT $2) x`,
      params,
    )) as { id: string }[];
    const rows = hits.length
      ? await ctx.dataSource.getRepository(Dispute).find({ where: { id: In(hits.map((h) => h.id)) }, order: { openedOn: 'DESC', id: 'ASC' } })
      : [];
    return groupByPrefix(prefixes, rows, (d) => d.villageCode).map((list) => list.slice(0, f.limit));
  });
}

/** Disputes a resident is a party to (within the caller's scope), newest first. */
export function disputesByResidentLoader(ctx: RequestContext): DataLoader<string, Dispute[]> {
  return ctx.loaders.get<string, Dispute[]>('legal:disputesByResident', async (ids) => {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return ids.map(() => []);
    const rows = (await ctx.dataSource.query(`SELECT DISTINCT resident_id::text AS resident_id, dispute_id::text AS dispute_id FROM dispute_party WHERE resident_id = ANY($1::uuid[])`, [valid])) as {
      resident_id: string;
      dispute_id: string;
    }[];
    const disputes = await disputeLoader(ctx).loadMany([...new Set(rows.map((r) => r.dispute_id))]);
    const byId = new Map(disputes.flatMap((d) => (d && !(d instanceof Error) ? [[d.id, d] as const] : [])));
    return ids.map((id) =>
      rows
        .filter((r) => r.resident_id === id.toLowerCase())
        .flatMap((r) => (byId.has(r.dispute_id) ? [byId.get(r.dispute_id) as Dispute] : []))
        .sort((a, b) => (a.openedOn < b.openedOn ? 1 : a.openedOn > b.openedOn ? -1 : a.id.localeCompare(b.id))),
    );
  });
}
