/**
 * 集体经济子图事件 events the economy subgraph records in its outbox (`economy_event`, in the same
 * transaction as the change) and publishes on the event bus (subject = the event name; bus id
 * `economy_event:<row id>`), for plugins and other subgraphs to consume into projections of their own.
 */
export interface EconomyEvents {
  /** Placeholder until the first event: the subgraph has started to record events. */
  'economy.outbox.started': { at: string };
}

export type EconomyEventName = keyof EconomyEvents;

/** The subjects economy publishes, for consumers' `subjects`. */
export const ECONOMY_EVENT_SUBJECTS = {
  all: 'economy.>',
} as const;
