import { createExtensionPoint } from '@xiangzhi/kernel';
import { type Decision, decision, DepartureType } from './common';

/** What a departure's honour rests on. */
export interface DepartureFacts {
  departureType: DepartureType;
  /** Whole years of service as a village cadre. */
  serviceYears: number;
  /**
   * Disciplinary sanctions during service: the 党纪政务处分 recorded with a decision date from the start
   * of service to the departure (`recordDisciplinarySanction`), and attendance sanctions a county's
   * policy marked disciplinary.
   */
  disciplinarySanctions: number;
}

/** What a departing cadre receives (honour and a one-off payment in yuan; both may be empty). */
export interface HonorDecision extends Decision {
  honor: string | null;
  payment: number;
}

/** 离任荣誉 what a departing cadre receives. */
export interface HonorPolicy {
  onDeparture(facts: DepartureFacts): HonorDecision;
}

export const honorPolicyPoint = createExtensionPoint<HonorPolicy>({
  id: 'personnel.honor',
  subgraph: 'personnel',
  title: { zh: '离任荣誉', en: 'Departure honours' },
});

export const BASELINE_HONOR = { minYears: 10 } as const;

/** National baseline: a certificate of honour after a normal departure with 10+ years and no disciplinary sanction. */
export class DefaultHonorPolicy implements HonorPolicy {
  onDeparture(f: DepartureFacts): HonorDecision {
    const years = BASELINE_HONOR.minYears;
    if (f.departureType !== DepartureType.NORMAL) {
      return { honor: null, payment: 0, ...decision('HONOR_NOT_NORMAL', '非正常离任，不授予荣誉', 'not a normal departure: no honour') };
    }
    if (f.disciplinarySanctions > 0) {
      return { honor: null, payment: 0, ...decision('HONOR_SANCTIONED', `任职期间受过${f.disciplinarySanctions}次纪律处分，不授予荣誉`, `${f.disciplinarySanctions} disciplinary sanction(s) during service: no honour`) };
    }
    if (f.serviceYears < years) {
      return { honor: null, payment: 0, ...decision('HONOR_TOO_SHORT', `任职${f.serviceYears}年，不满${years}年`, `${f.serviceYears} years of service, under ${years}`) };
    }
    return { honor: '村干部荣誉证书', payment: 0, ...decision('HONOR_CERTIFICATE', `正常离任，任职${f.serviceYears}年且无纪律处分：颁发荣誉证书`, `normal departure after ${f.serviceYears} years without disciplinary sanction: certificate of honour`) };
  }
}
