/**
 * 集体经济子图事件 events the economy subgraph records in its outbox (`economy_event`, in the same
 * transaction as the change) and publishes on the event bus (subject = the event name; bus id
 * `economy_event:<row id>`), for plugins and other subgraphs to consume into projections of their own.
 * Amounts are integer fen as decimal strings (`"3000000"` = 30,000.00 CNY).
 */
export interface EconomyEvents {
  /**
   * 经营性收入入账 a voucher moved an organisation's operating income (经营收入、发包及上交收入、投资收益)
   * for a month: `operatingIncomeFen` is the change (negative for a reversal), `monthTotalFen` the month's total after it.
   */
  'economy.income.recorded': { organizationId: string; villageCode: string; year: number; month: number; voucherId: string; operatingIncomeFen: string; monthTotalFen: string };
  /** 结账 an organisation closed a month of its books (`month` 1–12). */
  'economy.period.closed': { organizationId: string; villageCode: string; year: number; month: number; closedOn: string };
  /** 收益分配完成 a distribution for a year was run: the surplus distributed, the members paid, its voucher. */
  'economy.distribution.completed': { distributionId: string; organizationId: string; villageCode: string; year: number; surplusFen: string; memberCount: number; voucherId: string };
  /** 四议两公开事项决议通过 a villagers' (representatives') meeting adopted a major matter. */
  'economy.matter.adopted': { matterId: string; villageCode: string; year: number; subject: 'DISTRIBUTION' | 'CONTRACT' | 'PROJECT'; amountFen: string; adoptedOn: string };
  /** 三务公开 a disclosure was published (kind PARTY, VILLAGE or FINANCE; period `YYYY-MM` or `YYYY-Qn`). */
  'economy.disclosure.published': { disclosureId: string; villageCode: string; year: number; kind: 'PARTY' | 'VILLAGE' | 'FINANCE'; period: string; publishedOn: string; overdue: boolean };
}

export type EconomyEventName = keyof EconomyEvents;

/** The subjects economy publishes, for consumers' `subjects`. */
export const ECONOMY_EVENT_SUBJECTS = {
  all: 'economy.>',
} as const;
