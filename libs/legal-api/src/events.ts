/**
 * 法治子图事件 events the legal subgraph records in its outbox (`legal_event`, in the same
 * transaction as the change) and publishes on the event bus (subject = the event name; bus id
 * `legal_event:<row id>`), for plugins (Jiangxi 135 三源共治, Qixingguan exemplar villages) and other
 * subgraphs to consume into projections of their own. Every payload names the village (12-digit
 * division code) and its dates (`YYYY-MM-DD` for days, ISO-8601 for instants).
 */
export interface LegalEvents {
  /** 纠纷受理 a dispute was opened at the village tier (初诊). */
  'legal.dispute.opened': {
    disputeId: string;
    villageCode: string;
    category: string;
    tier: string;
    riskLevel: string;
    /** 民转刑 risk flagged at opening (alerts the township). */
    crimeRisk: boolean;
    openedOn: string;
    /** The tier's deadline (`YYYY-MM-DD`, inclusive). */
    deadline: string;
    /** The grids incident taken over, when there is one. */
    incidentId: string | null;
  };
  /** 纠纷升级 a dispute moved up one tier (by a user or by the overdue job). */
  'legal.dispute.escalated': {
    disputeId: string;
    villageCode: string;
    fromTier: string;
    toTier: string;
    escalatedOn: string;
    deadline: string;
    /** Whether the overdue job did it (false: a user's escalation). */
    automatic: boolean;
    reason: string;
  };
  /** 纠纷办结 a dispute was closed with an outcome. */
  'legal.dispute.closed': {
    disputeId: string;
    villageCode: string;
    outcome: string;
    tier: string;
    openedOn: string;
    closedOn: string;
  };
  /** 信访登记 a petition was registered. */
  'legal.petition.registered': {
    petitionId: string;
    villageCode: string;
    level: string;
    receivedOn: string;
    deadline: string;
    disputeId: string | null;
  };
  /** 创建命名 a safe-village designation was decided for a village and a year (designated or not). */
  'legal.designation.made': {
    villageCode: string;
    year: number;
    kind: string;
    designated: boolean;
    decidedOn: string;
    policySource: string;
    reasonsFor: string[];
    reasonsAgainst: string[];
  };
}

export type LegalEventName = keyof LegalEvents;

/** The subjects legal publishes, for consumers' `subjects`. */
export const LEGAL_EVENT_SUBJECTS = {
  all: 'legal.>',
  disputes: 'legal.dispute.>',
  petitions: 'legal.petition.>',
  designations: 'legal.designation.>',
} as const;
