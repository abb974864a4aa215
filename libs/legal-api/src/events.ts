/**
 * 法治子图事件 events the legal subgraph records in its outbox (`legal_event`, in the same
 * transaction as the change) and publishes on the event bus (subject = the event name; bus id
 * `legal_event:<row id>`), for plugins and other subgraphs to consume into projections of their own.
 */
export interface LegalEvents {
  /** Placeholder until the first event: the subgraph has started to record events. */
  'legal.outbox.started': { at: string };
}

export type LegalEventName = keyof LegalEvents;

/** The subjects legal publishes, for consumers' `subjects`. */
export const LEGAL_EVENT_SUBJECTS = {
  all: 'legal.>',
} as const;
