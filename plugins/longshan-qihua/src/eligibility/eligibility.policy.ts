import type { RuleViolation } from '@xiangzhi/kernel';
import {
  EDUCATION_TITLES,
  educationAtLeast,
  PostCategory,
  yearsBetween,
  type CandidateFacts,
  type EducationLevel,
  type EligibilityContext,
  type EligibilityPolicy,
  type VettingResult,
  vettedBy,
} from '@xiangzhi/personnel-api';
import type { LongshanQihuaConfig } from '../config';

type EligibilityConfig = LongshanQihuaConfig['eligibility'];

const PARTY_POSTS: readonly PostCategory[] = [PostCategory.PARTY_SECRETARY, PostCategory.PARTY_COMMITTEE];

/**
 * 严格人选条件 Longshan's eligibility (seed: 多元化选任), returning every failed rule:
 * - every post: at least `minAge`; none of the county's disqualifying situations (十种情形; a code not
 *   on the list is refused as unknown); every joint-vetting department (纪检、组织、政法、公安、检察、
 *   法院、信访、卫健、农业) has vetted and passed the candidate (a missing department and a failed one are
 *   both violations); no close relative serving in the village (直系亲属任职回避, as the baseline);
 * - Party secretary: a new one under 57, a re-appointed one not over 60; Party member of at least one
 *   year; the other posts' minimum education;
 * - full-time secretary (全职化秘书, category FULL_TIME_STAFF): not over 35, or 40 when marked
 *   exceptional (特别优秀); college (大专) or higher;
 * - auxiliary police (辅警): not over 45; senior high school or higher;
 * - other posts (part time): the national baseline (not over 60, junior high school, Party membership
 *   for Party committee posts).
 */
export class LongshanEligibilityPolicy implements EligibilityPolicy {
  private readonly e: EligibilityConfig;

  constructor(config: LongshanQihuaConfig) {
    this.e = config.eligibility;
  }

  check(c: CandidateFacts, ctx: EligibilityContext): RuleViolation[] {
    const out: RuleViolation[] = [];
    const age = yearsBetween(c.birthDate, ctx.asOf);
    if (age < this.e.minAge) out.push({ rule: 'AGE_MIN', zh: `年龄${age}岁，未满${this.e.minAge}周岁`, en: `aged ${age}, under ${this.e.minAge}` });
    out.push(...this.postRules(c, ctx, age));
    out.push(...this.situationRules(c));
    out.push(...this.vettingRules(c.vetting));
    for (const r of ctx.servingRelatives) {
      out.push({ rule: 'RELATIVE_RECUSAL', zh: `直系亲属${r.name}在本村任${r.postTitle}，须任职回避`, en: `close relative ${r.name} serves as ${r.postTitle} in this village (recusal)` });
    }
    return out;
  }

  private postRules(c: CandidateFacts, ctx: EligibilityContext, age: number): RuleViolation[] {
    const e = this.e;
    const out: RuleViolation[] = [];
    switch (ctx.post.category) {
      case PostCategory.PARTY_SECRETARY:
        if (c.reappointment) {
          if (age > e.reappointedSecretaryMaxAge) {
            out.push({ rule: 'SECRETARY_REAPPOINTMENT_AGE', zh: `连任书记年龄${age}岁，超过${e.reappointedSecretaryMaxAge}周岁`, en: `re-appointed secretary aged ${age}, over ${e.reappointedSecretaryMaxAge}` });
          }
        } else if (age >= e.newSecretaryAgeBelow) {
          out.push({ rule: 'SECRETARY_NEW_AGE', zh: `新任书记年龄${age}岁，须在${e.newSecretaryAgeBelow}周岁以下`, en: `new secretary aged ${age}, must be under ${e.newSecretaryAgeBelow}` });
        }
        out.push(...this.education(c.educationLevel, e.otherPostsMinEducation, 'EDUCATION_MIN', { zh: ctx.post.title, en: 'the Party secretary' }));
        break;
      case PostCategory.FULL_TIME_STAFF: {
        const max = c.exceptional ? e.fullTimeSecretaryExceptionalMaxAge : e.fullTimeSecretaryMaxAge;
        if (age > max) {
          out.push(
            c.exceptional
              ? { rule: 'FULL_TIME_SECRETARY_AGE', zh: `特别优秀人选年龄${age}岁，超过${max}周岁`, en: `exceptional candidate aged ${age}, over ${max}` }
              : {
                  rule: 'FULL_TIME_SECRETARY_AGE',
                  zh: `全职化秘书年龄${age}岁，超过${max}周岁（特别优秀的不超过${e.fullTimeSecretaryExceptionalMaxAge}周岁）`,
                  en: `full-time secretary aged ${age}, over ${max} (${e.fullTimeSecretaryExceptionalMaxAge} for an exceptional candidate)`,
                },
          );
        }
        out.push(...this.education(c.educationLevel, e.fullTimeSecretaryMinEducation, 'FULL_TIME_SECRETARY_EDUCATION', { zh: ctx.post.title, en: 'the full-time secretary' }));
        break;
      }
      case PostCategory.AUXILIARY_POLICE:
        if (age > e.auxiliaryPoliceMaxAge) {
          out.push({ rule: 'AUXILIARY_POLICE_AGE', zh: `辅警年龄${age}岁，超过${e.auxiliaryPoliceMaxAge}周岁`, en: `auxiliary police aged ${age}, over ${e.auxiliaryPoliceMaxAge}` });
        }
        out.push(...this.education(c.educationLevel, e.auxiliaryPoliceMinEducation, 'AUXILIARY_POLICE_EDUCATION', { zh: ctx.post.title, en: 'the auxiliary police' }));
        break;
      default:
        if (age > e.otherPostsMaxAge) out.push({ rule: 'AGE_MAX', zh: `年龄${age}岁，超过${e.otherPostsMaxAge}周岁`, en: `aged ${age}, over ${e.otherPostsMaxAge}` });
        out.push(...this.education(c.educationLevel, e.otherPostsMinEducation, 'EDUCATION_MIN', { zh: ctx.post.title, en: `the post ${ctx.post.title}` }));
    }
    if (PARTY_POSTS.includes(ctx.post.category)) {
      if (!c.partyMember || !c.partyJoinDate) {
        out.push({ rule: 'PARTY_MEMBERSHIP', zh: `${ctx.post.title}须为中共党员`, en: `${ctx.post.title} must be a Party member` });
      } else if (ctx.post.category === PostCategory.PARTY_SECRETARY && yearsBetween(c.partyJoinDate, ctx.asOf) < e.secretaryPartyYears) {
        out.push({ rule: 'PARTY_YEARS', zh: `党龄不足${e.secretaryPartyYears}年`, en: `Party membership under ${e.secretaryPartyYears} year(s)` });
      }
    }
    return out;
  }

  private education(level: EducationLevel, minimum: EducationLevel, rule: string, post: { zh: string; en: string }): RuleViolation[] {
    if (educationAtLeast(level, minimum)) return [];
    const min = EDUCATION_TITLES[minimum];
    const has = EDUCATION_TITLES[level];
    return [{ rule, zh: `${post.zh}须具有${min.zh}及以上学历（现为${has.zh}）`, en: `${post.en} needs ${min.en} or higher (has ${has.en})` }];
  }

  private situationRules(c: CandidateFacts): RuleViolation[] {
    const known = new Map(this.e.situations.map((s) => [s.code, s]));
    return c.situations.map((code) => {
      const s = known.get(code);
      if (s) return { rule: 'DISQUALIFYING_SITUATION', zh: `存在不宜担任"两委"成员的情形：${s.zh}`, en: `disqualifying situation: ${s.en}` };
      const codes = [...known.keys()].join(', ');
      return { rule: 'UNKNOWN_SITUATION', zh: `未知的情形代码${code}（本县的${known.size}种情形：${codes}）`, en: `unknown situation code ${code} (the county’s ${known.size}: ${codes})` };
    });
  }

  private vettingRules(vetting: VettingResult[]): RuleViolation[] {
    const out: RuleViolation[] = [];
    for (const d of this.e.vettingDepartments) {
      const results = vetting.filter((v) => vettedBy(v, d));
      if (results.length === 0) {
        out.push({ rule: 'VETTING_MISSING', zh: `缺少联审部门意见：${d.zh}`, en: `joint vetting missing: ${d.en}` });
      }
    }
    for (const v of vetting.filter((x) => !x.passed)) {
      const note = v.note ? `（${v.note}）` : '';
      out.push({ rule: 'VETTING_FAILED', zh: `联审未通过：${v.department}${note}`, en: `joint vetting failed: ${v.department}${v.note ? ` (${v.note})` : ''}` });
    }
    return out;
  }
}
