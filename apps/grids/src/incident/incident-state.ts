import { badInput } from '@xiangzhi/kernel';

/** 事件状态 the states of an incident's closed loop (收集—处理—反馈). */
export enum IncidentStatus {
  /** 已上报 reported, awaiting acceptance */
  REPORTED = 'REPORTED',
  /** 已受理 accepted by the tier handling it */
  ACCEPTED = 'ACCEPTED',
  /** 已派单 dispatched to an assignee */
  DISPATCHED = 'DISPATCHED',
  /** 处理中 being handled */
  IN_PROGRESS = 'IN_PROGRESS',
  /** 已办结 resolved, awaiting the resident's feedback */
  RESOLVED = 'RESOLVED',
  /** 已关闭 closed with the resident's rating */
  CLOSED = 'CLOSED',
  /** 不予受理 rejected, with a reason */
  REJECTED = 'REJECTED',
  /** 已升级 escalated to the next tier, awaiting acceptance there */
  ESCALATED = 'ESCALATED',
}

/** 操作 what can be done to an incident. */
export enum IncidentAction {
  ACCEPT = 'ACCEPT',
  DISPATCH = 'DISPATCH',
  START = 'START',
  RESOLVE = 'RESOLVE',
  CLOSE = 'CLOSE',
  REJECT = 'REJECT',
  ESCALATE = 'ESCALATE',
}

const STATUS_ZH: Record<IncidentStatus, string> = {
  REPORTED: '已上报',
  ACCEPTED: '已受理',
  DISPATCHED: '已派单',
  IN_PROGRESS: '处理中',
  RESOLVED: '已办结',
  CLOSED: '已关闭',
  REJECTED: '不予受理',
  ESCALATED: '已升级',
};

const ACTION_ZH: Record<IncidentAction, string> = {
  ACCEPT: '受理',
  DISPATCH: '派单',
  START: '开始处理',
  RESOLVE: '办结',
  CLOSE: '关闭评价',
  REJECT: '不予受理',
  ESCALATE: '升级',
};

/**
 * The transition table. An escalated incident waits in ESCALATED until the higher tier accepts it;
 * RESOLVED, CLOSED and REJECTED cannot be escalated, and nothing leaves CLOSED or REJECTED.
 */
const TRANSITIONS: Record<IncidentAction, Partial<Record<IncidentStatus, IncidentStatus>>> = {
  ACCEPT: { REPORTED: IncidentStatus.ACCEPTED, ESCALATED: IncidentStatus.ACCEPTED },
  DISPATCH: { ACCEPTED: IncidentStatus.DISPATCHED },
  START: { DISPATCHED: IncidentStatus.IN_PROGRESS },
  RESOLVE: { IN_PROGRESS: IncidentStatus.RESOLVED },
  CLOSE: { RESOLVED: IncidentStatus.CLOSED },
  REJECT: { REPORTED: IncidentStatus.REJECTED, ACCEPTED: IncidentStatus.REJECTED, ESCALATED: IncidentStatus.REJECTED },
  ESCALATE: {
    REPORTED: IncidentStatus.ESCALATED,
    ACCEPTED: IncidentStatus.ESCALATED,
    DISPATCHED: IncidentStatus.ESCALATED,
    IN_PROGRESS: IncidentStatus.ESCALATED,
    ESCALATED: IncidentStatus.ESCALATED,
  },
};

/** Statuses in which an incident is still open (counts as an open incident; can become overdue). */
export const OPEN_STATUSES: readonly IncidentStatus[] = [
  IncidentStatus.REPORTED,
  IncidentStatus.ACCEPTED,
  IncidentStatus.DISPATCHED,
  IncidentStatus.IN_PROGRESS,
  IncidentStatus.ESCALATED,
];

/** The status `action` leads to from `from`, or null when the transition is not allowed. */
export function nextStatus(from: IncidentStatus, action: IncidentAction): IncidentStatus | null {
  return TRANSITIONS[action][from] ?? null;
}

/** The status `action` leads to; BAD_USER_INPUT naming both the state and the action otherwise. */
export function transition(from: IncidentStatus, action: IncidentAction): IncidentStatus {
  const to = nextStatus(from, action);
  if (!to) {
    throw badInput(
      `事件当前状态为“${STATUS_ZH[from]}”，不能“${ACTION_ZH[action]}”`,
      `An incident in state ${from} cannot be given action ${action}`,
      { from, action, allowed: allowedActions(from) },
    );
  }
  return to;
}

/** Every action allowed from a status (what a client may offer). */
export function allowedActions(from: IncidentStatus): IncidentAction[] {
  return (Object.keys(TRANSITIONS) as IncidentAction[]).filter((a) => TRANSITIONS[a][from] !== undefined);
}
