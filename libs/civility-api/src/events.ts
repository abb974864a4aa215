/**
 * 德治·文明实践子图事件 events the civility subgraph records in its outbox (`civility_event`, in the same
 * transaction as the change) and publishes on the event bus (subject = the event name; bus id
 * `civility_event:<row id>`), for plugins and other subgraphs to consume into projections of their own.
 */
export interface CivilityEvents {
  /** Placeholder until the first event: the subgraph has started to record events. */
  'civility.outbox.started': { at: string };
}

export type CivilityEventName = keyof CivilityEvents;

/** The subjects civility publishes, for consumers' `subjects`. */
export const CIVILITY_EVENT_SUBJECTS = {
  all: 'civility.>',
} as const;
