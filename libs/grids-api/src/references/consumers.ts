import { defineConsumer, isRegionCode, isUuid, type ConsumedEvent, type EventConsumer } from '@xiangzhi/kernel';
import { GRIDS_EVENT_SUBJECTS, ResidentStatus, type GridsEvents, type RegionLevelName } from '../events';
import type { EntityManager } from 'typeorm';

/*
 * The payloads are those grids publishes in `@xiangzhi/grids-api` (`GridsEvents`). The consumer
 * still reads each one through a guard: one that does not match fails and, after its retries, lands
 * on the dead-letter list for an operator to see, rather than writing a wrong projection.
 */

const LEVELS: ReadonlySet<string> = new Set<RegionLevelName>(['PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE']);
const STATUSES: ReadonlySet<string> = new Set<string>(Object.values(ResidentStatus));
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type RegionUpserted = GridsEvents['grids.region.upserted'];
type RegionRetired = GridsEvents['grids.region.retired'];
/** A resident event as applied (a household id may be missing from older payloads). */
type ResidentUpserted = Omit<GridsEvents['grids.resident.upserted'], 'householdId'> & { householdId: string | null };

function malformed(event: ConsumedEvent): Error {
  return new Error(`malformed ${event.subject} payload (${event.id}): ${JSON.stringify(event.payload)}`);
}

const isDate = (v: unknown): v is string => typeof v === 'string' && DATE.test(v);

function regionUpserted(event: ConsumedEvent): RegionUpserted {
  const p = event.payload;
  const ok =
    typeof p.code === 'string' && isRegionCode(p.code) && typeof p.name === 'string' && typeof p.level === 'string' && LEVELS.has(p.level) &&
    (p.parentCode === null || (typeof p.parentCode === 'string' && isRegionCode(p.parentCode))) && isDate(p.validFrom) && (p.validTo === null || isDate(p.validTo));
  if (!ok) throw malformed(event);
  return p as unknown as RegionUpserted;
}

function regionRetired(event: ConsumedEvent): RegionRetired {
  const p = event.payload;
  if (!(typeof p.code === 'string' && isRegionCode(p.code) && isDate(p.validTo))) throw malformed(event);
  return p as unknown as RegionRetired;
}

function residentUpserted(event: ConsumedEvent): ResidentUpserted {
  const p = event.payload;
  const ok =
    typeof p.id === 'string' && isUuid(p.id) && typeof p.villageCode === 'string' && isRegionCode(p.villageCode) &&
    (p.householdId === null || p.householdId === undefined || (typeof p.householdId === 'string' && isUuid(p.householdId))) && typeof p.status === 'string' && STATUSES.has(p.status);
  if (!ok) throw malformed(event);
  return { id: p.id as string, villageCode: p.villageCode as string, householdId: (p.householdId as string | null | undefined) ?? null, status: p.status as ResidentStatus };
}


/** Applies `grids.region.upserted` / `grids.region.retired` to `region_ref`. */
export async function applyRegionEvent(manager: EntityManager, event: ConsumedEvent): Promise<void> {
  if (event.subject === 'grids.region.upserted') {
    const r = regionUpserted(event);
    await manager.query(
      `INSERT INTO region_ref (code, name, level, parent_code, valid_from, valid_to, retired)
       VALUES ($1, $2, $3, $4, $5::date, $6::date, $6::date IS NOT NULL)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code,
         valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, retired = EXCLUDED.retired, updated_at = now()`,
      [r.code, r.name, r.level, r.parentCode, r.validFrom, r.validTo],
    );
  } else if (event.subject === 'grids.region.retired') {
    const r = regionRetired(event);
    // a retirement of a code never seen (its upsert not yet applied) is held back and retried
    const [{ n }] = (await manager.query(
      `WITH retired AS (UPDATE region_ref SET valid_to = $2::date, retired = true, updated_at = now() WHERE code = $1 RETURNING code) SELECT count(*)::int AS n FROM retired`,
      [r.code, r.validTo],
    )) as { n: number }[];
    if (Number(n) === 0) throw new Error(`region ${r.code} retired before it was known`);
  }
}

/** Applies `grids.resident.upserted` to `resident_ref`. */
export async function applyResidentEvent(manager: EntityManager, event: ConsumedEvent): Promise<void> {
  if (event.subject !== 'grids.resident.upserted') return;
  const r = residentUpserted(event);
  await manager.query(
    `INSERT INTO resident_ref (id, village_code, household_id, status) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET village_code = EXCLUDED.village_code, household_id = EXCLUDED.household_id, status = EXCLUDED.status, updated_at = now()`,
    [r.id, r.villageCode, r.householdId, r.status],
  );
}

/** Empties `region_ref` for a rebuild from the events. */
export async function resetRegionProjection(manager: EntityManager): Promise<void> {
  await manager.query(`DELETE FROM region_ref`);
}

/** Empties `resident_ref` for a rebuild from the events. */
export async function resetResidentProjection(manager: EntityManager): Promise<void> {
  await manager.query(`DELETE FROM resident_ref`);
}

/** The durable names of a subgraph's two reference consumers (`<subgraph>-regions`, `<subgraph>-residents`). */
export function referenceConsumerNames(subgraph: string): { regions: string; residents: string } {
  return { regions: `${subgraph}-regions`, residents: `${subgraph}-residents` };
}

/**
 * A subgraph's consumers of grids events: `<subgraph>-regions` keeps `region_ref` in order per
 * region code, `<subgraph>-residents` keeps `resident_ref` in order per resident id.
 */
export function referenceConsumers(subgraph: string): EventConsumer[] {
  const names = referenceConsumerNames(subgraph);
  return [
    defineConsumer({
      name: names.regions,
      subjects: [GRIDS_EVENT_SUBJECTS.regions],
      aggregateOf: (event) => String(event.payload.code),
      handle: (event, { manager }) => applyRegionEvent(manager, event),
      reset: resetRegionProjection,
    }),
    defineConsumer({
      name: names.residents,
      subjects: [GRIDS_EVENT_SUBJECTS.residents],
      aggregateOf: (event) => String(event.payload.id),
      handle: (event, { manager }) => applyResidentEvent(manager, event),
      reset: resetResidentProjection,
    }),
  ];
}
