import { outboxRelayJobName, OutboxEvent, recordOutboxEvents } from '@xiangzhi/kernel';
import type { GridsEventName, GridsEvents } from '@xiangzhi/grids-api';
import { Entity, type EntityManager } from 'typeorm';

/** The outbox table of grids events. */
export const GRIDS_EVENT_TABLE = 'grids_event';

/**
 * The job that publishes the outbox on the event bus (every 2 s while serving; tests call
 * `runJob(GRIDS_EVENT_RELAY_JOB)`). Each event's bus id is `grids_event:<row id>`.
 */
export const GRIDS_EVENT_RELAY_JOB = outboxRelayJobName(GRIDS_EVENT_TABLE);

/** 事件发件箱 one grids event (the kernel's outbox columns). */
@Entity({ name: GRIDS_EVENT_TABLE })
export class GridsEvent extends OutboxEvent {}

/**
 * Records events in the outbox with the caller's transaction manager: one multi-row INSERT per 500
 * events (a county import never writes one outbox row per round trip), in the order given.
 */
export async function recordEvents<N extends GridsEventName>(manager: EntityManager, name: N, payloads: readonly GridsEvents[N][]): Promise<void> {
  await recordOutboxEvents(manager, GRIDS_EVENT_TABLE, name, payloads);
}

/** Records one event in the outbox with the caller's transaction manager. */
export async function recordEvent<N extends GridsEventName>(manager: EntityManager, name: N, payload: GridsEvents[N]): Promise<void> {
  await recordEvents(manager, name, [payload]);
}

/**
 * SQL of a `grids.region.upserted` payload built from a `region` row (alias `r`): used by statements
 * that write regions and their events together (`WITH … INSERT INTO grids_event … SELECT`).
 */
export const REGION_UPSERTED_PAYLOAD_SQL = `jsonb_build_object('code', r.code, 'name', r.name, 'level', r.level, 'parentCode', r.parent_code, 'validFrom', to_char(r.valid_from, 'YYYY-MM-DD'), 'validTo', to_char(r.valid_to, 'YYYY-MM-DD'))`;

/** SQL of a `grids.resident.upserted` payload built from a `resident` row (alias `r`). */
export const RESIDENT_UPSERTED_PAYLOAD_SQL = `jsonb_build_object('id', r.id, 'villageCode', r.village_code, 'householdId', r.household_id, 'status', r.status)`;

/** Depth of a region level, parents first (`ORDER BY` of region events). */
export const REGION_DEPTH_SQL = `CASE r.level WHEN 'PROVINCE' THEN 0 WHEN 'CITY' THEN 1 WHEN 'COUNTY' THEN 2 WHEN 'TOWNSHIP' THEN 3 ELSE 4 END`;
