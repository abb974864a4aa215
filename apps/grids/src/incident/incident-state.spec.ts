import { ErrorCode, XzError } from '@xiangzhi/kernel';
import { IncidentAction as A, IncidentStatus as S, allowedActions, isOpen, nextStatus, transition } from './incident-state';

/** The whole legal table, written out: [from, action, to]. Every other pair is illegal. */
const LEGAL: readonly [S, A, S][] = [
  [S.REPORTED, A.ACCEPT, S.ACCEPTED],
  [S.REPORTED, A.REJECT, S.REJECTED],
  [S.REPORTED, A.ESCALATE, S.ESCALATED],
  [S.ACCEPTED, A.DISPATCH, S.DISPATCHED],
  [S.ACCEPTED, A.REJECT, S.REJECTED],
  [S.ACCEPTED, A.ESCALATE, S.ESCALATED],
  [S.DISPATCHED, A.START, S.IN_PROGRESS],
  [S.DISPATCHED, A.ESCALATE, S.ESCALATED],
  [S.IN_PROGRESS, A.RESOLVE, S.RESOLVED],
  [S.IN_PROGRESS, A.ESCALATE, S.ESCALATED],
  [S.RESOLVED, A.CLOSE, S.CLOSED],
  [S.ESCALATED, A.ACCEPT, S.ACCEPTED],
  [S.ESCALATED, A.REJECT, S.REJECTED],
  [S.ESCALATED, A.ESCALATE, S.ESCALATED],
];

const legal = new Map(LEGAL.map(([from, action, to]) => [`${from}/${action}`, to]));
const pairs = Object.values(S).flatMap((from) => Object.values(A).map((action) => [from, action] as const));

describe('incident state machine', () => {
  it('walks the closed loop reported → accepted → dispatched → in progress → resolved → closed', () => {
    let s = S.REPORTED;
    for (const action of [A.ACCEPT, A.DISPATCH, A.START, A.RESOLVE, A.CLOSE]) s = transition(s, action);
    expect(s).toBe(S.CLOSED);
  });

  it.each(LEGAL)('allows %s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
    expect(transition(from, action)).toBe(to);
    expect(allowedActions(from)).toContain(action);
  });

  it('refuses every other pair with BAD_USER_INPUT, a bilingual message naming both states, and the allowed actions', () => {
    const illegal = pairs.filter(([from, action]) => !legal.has(`${from}/${action}`));
    expect(pairs).toHaveLength(8 * 7);
    expect(illegal).toHaveLength(8 * 7 - LEGAL.length);
    for (const [from, action] of illegal) {
      expect(nextStatus(from, action)).toBeNull();
      let error: unknown;
      try {
        transition(from, action);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(XzError);
      const xz = error as XzError;
      expect(xz.code).toBe(ErrorCode.BAD_USER_INPUT);
      const target = { ACCEPT: 'ACCEPTED', DISPATCH: 'DISPATCHED', START: 'IN_PROGRESS', RESOLVE: 'RESOLVED', CLOSE: 'CLOSED', REJECT: 'REJECTED', ESCALATE: 'ESCALATED' }[action];
      expect(xz.message).toContain(`from ${from} to ${target}`);
      expect(xz.extensions).toMatchObject({ from, to: target, action, allowed: allowedActions(from) });
    }
  });

  it('names both states in Chinese too: reported cannot be resolved directly', () => {
    expect(() => transition(S.REPORTED, A.RESOLVE)).toThrow(
      '事件不能从“已上报”变为“已办结”（操作：办结） (An incident cannot go from REPORTED to RESOLVED (action RESOLVE))',
    );
  });

  it('escalates only open incidents; the higher tier then accepts or rejects', () => {
    for (const s of Object.values(S)) expect(nextStatus(s, A.ESCALATE) !== null).toBe(isOpen(s));
    expect(allowedActions(S.ESCALATED)).toEqual([A.ACCEPT, A.REJECT, A.ESCALATE]);
  });

  it('rejects only before work starts, and nothing leaves CLOSED or REJECTED', () => {
    expect(Object.values(S).filter((s) => nextStatus(s, A.REJECT))).toEqual([S.REPORTED, S.ACCEPTED, S.ESCALATED]);
    expect(allowedActions(S.CLOSED)).toEqual([]);
    expect(allowedActions(S.REJECTED)).toEqual([]);
    expect(allowedActions(S.RESOLVED)).toEqual([A.CLOSE]);
  });
});
