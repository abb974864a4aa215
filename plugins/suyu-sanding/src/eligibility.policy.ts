import type { RuleViolation } from '@xiangzhi/kernel';
import {
  BASELINE_SITUATIONS,
  DefaultEligibilityPolicy,
  unknownSituation,
  type CandidateFacts,
  type EligibilityContext,
  type EligibilityPolicy,
  vettedBy,
} from '@xiangzhi/personnel-api';
import type { ExitSituation, SuyuSandingConfig, SuyuVettingDepartment } from './config';

/**
 * 任职资格 "凡进必审": the national baseline rules (age, education, Party membership for Party posts,
 * failed joint vetting, relative recusal); every one of the county's joint-vetting departments
 * (`vettingDepartments`) must have vetted the candidate (`VETTING_MISSING` for each one missing); a
 * candidate declaring any of the county's 13 hard exit situations (13种刚性退出情形) is refused, each
 * situation named. A baseline situation outside the county's list is judged by the baseline; a code
 * on neither list is refused as `UNKNOWN_SITUATION`.
 */
export class SuyuEligibilityPolicy implements EligibilityPolicy {
  private readonly baseline = new DefaultEligibilityPolicy();
  private readonly situations: Map<string, ExitSituation>;
  private readonly departments: SuyuVettingDepartment[];

  constructor(config: SuyuSandingConfig) {
    this.situations = new Map(config.exitSituations.map((s) => [s.code, s]));
    this.departments = config.vettingDepartments;
  }

  check(candidate: CandidateFacts, context: EligibilityContext): RuleViolation[] {
    const ours = candidate.situations.filter((code) => this.situations.has(code));
    const baselineOnly = candidate.situations.filter((code) => !this.situations.has(code) && code in BASELINE_SITUATIONS);
    const unknown = candidate.situations.filter((code) => !this.situations.has(code) && !(code in BASELINE_SITUATIONS));
    const out = this.baseline.check({ ...candidate, situations: baselineOnly }, context);
    const known = [...this.situations.keys(), ...Object.keys(BASELINE_SITUATIONS).filter((code) => !this.situations.has(code))];
    for (const code of unknown) out.push(unknownSituation(code, known));
    for (const d of this.departments) {
      if (!candidate.vetting.some((v) => vettedBy(v, d))) {
        out.push({ rule: 'VETTING_MISSING', zh: `缺少联审部门意见：${d.zh}（凡进必审）`, en: `joint vetting missing: ${d.en} (every entrant is vetted)` });
      }
    }
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
