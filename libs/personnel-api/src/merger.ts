/**
 * 村建制调整（干部部分）the village-merger capability of the personnel subgraph: the new team's
 * posts in the merged village (the county's post template), and each source cadre's diversion
 * (一人一策): KEPT — assigned to a post of the new team from the effective date; MOVED — their
 * assignments in the source village end; LEAVING — discharged on the effective date with the
 * departure subsidy recorded. The consumer `personnel-village-merger` refuses the whole command
 * (nothing written) when a decision no longer matches the cadre (left, suspended, another village) or
 * a post is unknown or taken; it applies in one transaction with a log keyed by the saga id.
 */

/** 分流决定 what happens to a source cadre. */
export type CadreDiversionKind = 'KEPT' | 'MOVED' | 'LEAVING';

export interface CadreDiversionCommand {
  cadreId: string;
  /** The village the cadre serves in when the plan was approved. */
  villageCode: string;
  decision: CadreDiversionKind;
  /** KEPT: the template post code of the new team (`secretary`, `director`…). */
  postCode: string | null;
  /** LEAVING: 离任补助 in fen (decimal string), else null. */
  subsidyFen: string | null;
}

export interface PersonnelMergerApplyCommand {
  sagaId: string;
  targetCode: string;
  effectiveDate: string;
  cadres: CadreDiversionCommand[];
}

export interface PersonnelMergerCompensateCommand {
  sagaId: string;
}

export interface PersonnelMergerAppliedReply {
  sagaId: string;
  postsCreated: number;
  kept: number;
  moved: number;
  left: number;
}

export interface PersonnelMergerCommands {
  'personnel.merger.apply': PersonnelMergerApplyCommand;
  'personnel.merger.compensate': PersonnelMergerCompensateCommand;
}

/** Replies personnel records in its outbox (`personnel_event`). */
export interface PersonnelMergerReplies {
  'personnel.merger.applied': PersonnelMergerAppliedReply;
  'personnel.merger.refused': { sagaId: string; rule: string; value: string; reason: string };
  'personnel.merger.compensated': { sagaId: string };
}

export const PERSONNEL_MERGER_SUBJECTS = {
  apply: 'personnel.merger.apply',
  compensate: 'personnel.merger.compensate',
  applied: 'personnel.merger.applied',
  refused: 'personnel.merger.refused',
  compensated: 'personnel.merger.compensated',
} as const;
