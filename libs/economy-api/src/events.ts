/**
 * 集体经济子图事件 events the economy subgraph records in its outbox (`economy_event`, in the same
 * transaction as the change) and publishes on the event bus (subject = the event name; bus id
 * `economy_event:<row id>`), for plugins and other subgraphs to consume into projections of their own.
 */
export interface EconomyEvents {
  /** 四议两公开事项决议通过 a villagers' (representatives') meeting adopted a major matter. */
  'economy.matter.adopted': { matterId: string; villageCode: string; year: number; subject: 'DISTRIBUTION' | 'CONTRACT' | 'PROJECT'; amountFen: string; adoptedOn: string };
  /** 三务公开 a disclosure was published (kind PARTY, VILLAGE or FINANCE; period `YYYY-MM` or `YYYY-Qn`). */
  'economy.disclosure.published': { disclosureId: string; villageCode: string; year: number; kind: 'PARTY' | 'VILLAGE' | 'FINANCE'; period: string; publishedOn: string; overdue: boolean };
  /** Placeholder until the first event: the subgraph has started to record events. */
  'economy.outbox.started': { at: string };
}

export type EconomyEventName = keyof EconomyEvents;

/** The subjects economy publishes, for consumers' `subjects`. */
export const ECONOMY_EVENT_SUBJECTS = {
  all: 'economy.>',
} as const;
