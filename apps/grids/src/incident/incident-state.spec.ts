import { ErrorCode, XzError } from '@xiangzhi/kernel';
import { IncidentAction as A, IncidentStatus as S, allowedActions, nextStatus, transition } from './incident-state';

describe('incident state machine', () => {
  it('walks the closed loop reported → accepted → dispatched → in progress → resolved → closed', () => {
    let s = S.REPORTED;
    for (const [action, expected] of [
      [A.ACCEPT, S.ACCEPTED],
      [A.DISPATCH, S.DISPATCHED],
      [A.START, S.IN_PROGRESS],
      [A.RESOLVE, S.RESOLVED],
      [A.CLOSE, S.CLOSED],
    ] as const) {
      s = transition(s, action);
      expect(s).toBe(expected);
    }
  });

  it('rejects only before work starts', () => {
    expect(nextStatus(S.REPORTED, A.REJECT)).toBe(S.REJECTED);
    expect(nextStatus(S.ACCEPTED, A.REJECT)).toBe(S.REJECTED);
    expect(nextStatus(S.ESCALATED, A.REJECT)).toBe(S.REJECTED);
    expect(nextStatus(S.DISPATCHED, A.REJECT)).toBeNull();
    expect(nextStatus(S.IN_PROGRESS, A.REJECT)).toBeNull();
  });

  it('escalates open incidents, which the next tier then accepts', () => {
    for (const s of [S.REPORTED, S.ACCEPTED, S.DISPATCHED, S.IN_PROGRESS, S.ESCALATED]) {
      expect(nextStatus(s, A.ESCALATE)).toBe(S.ESCALATED);
    }
    expect(nextStatus(S.ESCALATED, A.ACCEPT)).toBe(S.ACCEPTED);
    expect(nextStatus(S.ESCALATED, A.DISPATCH)).toBeNull();
    for (const s of [S.RESOLVED, S.CLOSED, S.REJECTED]) expect(nextStatus(s, A.ESCALATE)).toBeNull();
  });

  it('lets nothing leave CLOSED or REJECTED', () => {
    expect(allowedActions(S.CLOSED)).toEqual([]);
    expect(allowedActions(S.REJECTED)).toEqual([]);
  });

  it('refuses every illegal transition with BAD_USER_INPUT naming both states', () => {
    const statuses = Object.values(S);
    const actions = Object.values(A);
    let refused = 0;
    for (const s of statuses) {
      for (const a of actions) {
        if (nextStatus(s, a)) continue;
        refused += 1;
        try {
          transition(s, a);
          throw new Error(`expected ${s} × ${a} to be refused`);
        } catch (error) {
          expect(error).toBeInstanceOf(XzError);
          expect((error as XzError).code).toBe(ErrorCode.BAD_USER_INPUT);
          expect((error as XzError).message).toContain(s);
          expect((error as XzError).message).toContain(a);
        }
      }
    }
    // 8 states × 7 actions = 56 pairs, of which 14 are legal
    expect(refused).toBe(56 - 14);
  });

  it('skipping a step is illegal: reported cannot be resolved directly', () => {
    expect(() => transition(S.REPORTED, A.RESOLVE)).toThrow('REPORTED');
  });
});
