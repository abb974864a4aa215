/**
 * 德治·文明实践子图事件 events the civility subgraph records in its outbox (`civility_event`, in the same
 * transaction as the change) and publishes on the event bus (subject = the event name; bus id
 * `civility_event:<row id>`), for plugins and other subgraphs to consume into projections of their own
 * (Qixingguan's 乡风纯 indicator, the Jiangxi 135 dashboard).
 */
export interface CivilityEvents {
  /**
   * 积分审核通过 a household points entry was approved: it now counts in the household's balance.
   * `points` is signed (+ earned, − deducted); `month` is the month of `occurredOn` (`YYYY-MM`).
   */
  'civility.points.approved': {
    entryId: string;
    villageCode: string;
    householdId: string;
    ruleCode: string;
    points: number;
    occurredOn: string;
    month: string;
    /** The household's balance after the approval. */
    balance: number;
  };
  /** 红黑榜发布 a village's monthly red and black list was published (frozen from now on). */
  'civility.list.published': {
    listId: string;
    villageCode: string;
    month: string;
    red: { householdId: string; points: number; rank: number }[];
    black: { householdId: string; ruleCode: string; points: number }[];
    /** Which `civility.list` policy decided (plugin name or `baseline`). */
    policy: string;
  };
  /**
   * 星级文明户评定完成 star households of a village were rated for a finished year (one event per
   * village of the region a rating run covered).
   */
  'civility.stars.rated': {
    /** The region the run was asked for (the village or a region above it). */
    regionCode: string;
    villageCode: string;
    year: number;
    /** Which `civility.starRating` policy decided (plugin name or `baseline`). */
    policy: string;
    ratings: { householdId: string; stars: number; points: number }[];
  };
}

export type CivilityEventName = keyof CivilityEvents;

/** The subjects civility publishes, for consumers' `subjects`. */
export const CIVILITY_EVENT_SUBJECTS = {
  all: 'civility.>',
  pointsApproved: 'civility.points.approved',
  listPublished: 'civility.list.published',
  starsRated: 'civility.stars.rated',
} as const;
