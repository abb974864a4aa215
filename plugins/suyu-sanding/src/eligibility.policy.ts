import type { RuleViolation } from '@xiangzhi/kernel';
import { DefaultEligibilityPolicy, type CandidateFacts, type EligibilityContext, type EligibilityPolicy } from '@xiangzhi/personnel-api';
import type { ExitSituation, SuyuSandingConfig } from './config';

/**
 * 任职资格 "凡进必审": the national baseline rules (age, education, Party membership for Party posts,
 * joint vetting, relative recusal), and a candidate declaring any of the county's 13 hard exit
 * situations (13种刚性退出情形) is refused, each situation named. Situations outside the county's list
 * are judged by the baseline.
 */
export class SuyuEligibilityPolicy implements EligibilityPolicy {
  private readonly baseline = new DefaultEligibilityPolicy();
  private readonly situations: Map<string, ExitSituation>;

  constructor(config: SuyuSandingConfig) {
    this.situations = new Map(config.exitSituations.map((s) => [s.code, s]));
  }

  check(candidate: CandidateFacts, context: EligibilityContext): RuleViolation[] {
    const ours = candidate.situations.filter((code) => this.situations.has(code));
    const others = candidate.situations.filter((code) => !this.situations.has(code));
    const out = this.baseline.check({ ...candidate, situations: others }, context);
    const total = this.situations.size;
    for (const code of ours) {
      const s = this.situations.get(code) as ExitSituation;
      out.push({
        rule: 'SUYU_EXIT_SITUATION',
        zh: `存在${total}种刚性退出情形之一：${s.zh}（凡进必审）`,
        en: `one of the ${total} hard exit situations: ${s.en} (every entrant is vetted)`,
      });
    }
    return out;
  }
}
