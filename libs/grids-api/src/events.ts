/**
 * 网格子图事件 events the grids subgraph records in its outbox (`grids_event`, written in the same
 * transaction as the change) and publishes on the event bus for other subgraphs and plugins to
 * consume into projections of their own (subject = the event name; bus id `grids_event:<row id>`).
 * Payloads carry what other subgraphs need to check references — never ID numbers, names of
 * residents, phones or birth dates.
 */

/** 区划层级 as published (the kernel's `RegionLevel` values). */
export type RegionLevelName = 'PROVINCE' | 'CITY' | 'COUNTY' | 'TOWNSHIP' | 'VILLAGE';

/**
 * 居民状态 a resident's status as grids records it: living in the village, deceased, or moved out
 * (户籍迁出). Other subgraphs refuse a deceased or moved-out resident where a living one is meant.
 */
export enum ResidentStatus {
  LIVING = 'LIVING',
  DECEASED = 'DECEASED',
  MOVED_OUT = 'MOVED_OUT',
}

/** A region as created or changed (renamed, re-dated): its full current state. */
export interface RegionUpsertedEvent {
  code: string;
  name: string;
  level: RegionLevelName;
  parentCode: string | null;
  /** First day the code is in use (`YYYY-MM-DD`). */
  validFrom: string;
  /** First day the code is no longer in use (`YYYY-MM-DD`), null while current. */
  validTo: string | null;
}

/** A region's code retired from `validTo` on (the codes below it are retired with their own events). */
export interface RegionRetiredEvent {
  code: string;
  validTo: string;
}

/**
 * A resident as registered or changed: the key, where they live and their status. Grids keeps every
 * resident's record (a death or a move is a status, never a deletion), so there is no removal event.
 */
export interface ResidentUpsertedEvent {
  id: string;
  villageCode: string;
  householdId: string;
  status: ResidentStatus;
}

export interface GridsEvents {
  'grids.region.upserted': RegionUpsertedEvent;
  'grids.region.retired': RegionRetiredEvent;
  'grids.resident.upserted': ResidentUpsertedEvent;
}

export type GridsEventName = keyof GridsEvents;

/** The subjects grids publishes, for consumers' `subjects`. */
export const GRIDS_EVENT_SUBJECTS = {
  regions: 'grids.region.>',
  residents: 'grids.resident.>',
} as const;
