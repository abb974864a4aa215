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

/** 操作 what can be done to an existing incident; each action leads to exactly one status. */
export enum IncidentAction {
  ACCEPT = 'ACCEPT',
  DISPATCH = 'DISPATCH',
  START = 'START',
  RESOLVE = 'RESOLVE',
  CLOSE = 'CLOSE',
  REJECT = 'REJECT',
  ESCALATE = 'ESCALATE',
}

export const STATUS_ZH: Readonly<Record<IncidentStatus, string>> = {
  REPORTED: '已上报',
  ACCEPTED: '已受理',
  DISPATCHED: '已派单',
  IN_PROGRESS: '处理中',
  RESOLVED: '已办结',
  CLOSED: '已关闭',
  REJECTED: '不予受理',
  ESCALATED: '已升级',
};

export const ACTION_ZH: Readonly<Record<IncidentAction, string>> = {
  ACCEPT: '受理',
  DISPATCH: '派单',
  START: '开始处理',
  RESOLVE: '办结',
  CLOSE: '关闭评价',
  REJECT: '不予受理',
  ESCALATE: '升级',
};

/** The status each action leads to. */
export const ACTION_TARGET: Readonly<Record<IncidentAction, IncidentStatus>> = {
  ACCEPT: IncidentStatus.ACCEPTED,
  DISPATCH: IncidentStatus.DISPATCHED,
  START: IncidentStatus.IN_PROGRESS,
  RESOLVE: IncidentStatus.RESOLVED,
  CLOSE: IncidentStatus.CLOSED,
  REJECT: IncidentStatus.REJECTED,
  ESCALATE: IncidentStatus.ESCALATED,
};

/**
 * The statuses each action may start from.
 *
 * Escalation design: escalating moves the incident to the next tier (village → township → county)
 * in the distinct status ESCALATED, where it waits until someone at the new tier accepts it
 * (ESCALATED → ACCEPTED) or rejects it; the assignee of the lower tier is released. So the history
 * shows both facts truthfully: who escalated (and why, or that the job did it because the deadline
 * passed), and who at the higher tier took it on. An ESCALATED incident may be escalated again
 * (the higher tier let its own deadline pass). RESOLVED, CLOSED and REJECTED cannot be escalated,
 * and nothing leaves CLOSED or REJECTED.
 */
const FROM: Readonly<Record<IncidentAction, readonly IncidentStatus[]>> = {
  ACCEPT: [IncidentStatus.REPORTED, IncidentStatus.ESCALATED],
  DISPATCH: [IncidentStatus.ACCEPTED],
  START: [IncidentStatus.DISPATCHED],
  RESOLVE: [IncidentStatus.IN_PROGRESS],
  CLOSE: [IncidentStatus.RESOLVED],
  REJECT: [IncidentStatus.REPORTED, IncidentStatus.ACCEPTED, IncidentStatus.ESCALATED],
  ESCALATE: [IncidentStatus.REPORTED, IncidentStatus.ACCEPTED, IncidentStatus.DISPATCHED, IncidentStatus.IN_PROGRESS, IncidentStatus.ESCALATED],
};

/** Statuses in which an incident is still open (counts as an open incident; can become overdue). */
export const OPEN_STATUSES: readonly IncidentStatus[] = [
  IncidentStatus.REPORTED,
  IncidentStatus.ACCEPTED,
  IncidentStatus.DISPATCHED,
  IncidentStatus.IN_PROGRESS,
  IncidentStatus.ESCALATED,
];

export function isOpen(status: IncidentStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** The status `action` leads to from `from`, or null when the transition is not allowed. */
export function nextStatus(from: IncidentStatus, action: IncidentAction): IncidentStatus | null {
  return FROM[action].includes(from) ? ACTION_TARGET[action] : null;
}

/** Every action allowed from a status (what a client may offer). */
export function allowedActions(from: IncidentStatus): IncidentAction[] {
  return Object.values(IncidentAction).filter((a) => FROM[a].includes(from));
}

/**
 * The status `action` leads to from `from`; otherwise BAD_USER_INPUT with a bilingual message
 * naming both states (and the action), and the allowed actions in `extensions.allowed`.
 */
export function transition(from: IncidentStatus, action: IncidentAction): IncidentStatus {
  const to = nextStatus(from, action);
  if (!to) {
    const target = ACTION_TARGET[action];
    throw badInput(
      `事件不能从“${STATUS_ZH[from]}”变为“${STATUS_ZH[target]}”（操作：${ACTION_ZH[action]}）`,
      `An incident cannot go from ${from} to ${target} (action ${action})`,
      { from, to: target, action, allowed: allowedActions(from) },
    );
  }
  return to;
}
