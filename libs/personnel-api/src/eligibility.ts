import { createExtensionPoint, type RuleViolation } from '@xiangzhi/kernel';
import { EDUCATION_TITLES, EducationLevel, educationAtLeast, PostCategory, yearsBetween } from './common';

/** 直系亲属关系 a direct-line or close relation declared by a cadre or candidate. */
export enum KinRelation {
  SPOUSE = 'SPOUSE',
  PARENT = 'PARENT',
  CHILD = 'CHILD',
  SIBLING = 'SIBLING',
  GRANDPARENT = 'GRANDPARENT',
  GRANDCHILD = 'GRANDCHILD',
  PARENT_IN_LAW = 'PARENT_IN_LAW',
  CHILD_IN_LAW = 'CHILD_IN_LAW',
}

/** 联审部门 a department of the joint vetting (联审) and what it found. */
export interface VettingResult {
  /** e.g. 纪委监委, 组织部, 政法委, 公安, 检察院, 法院, 信访, 卫健, 农业农村 */
  department: string;
  passed: boolean;
  /** Why it did not pass. */
  note?: string | null;
}

/** A department of a county's joint vetting (联审) and the words its name is recognised by. */
export interface VettingDepartmentDefinition {
  /** Stable code, e.g. `POLICE`; a vetting result whose department is the code itself also counts. */
  code: string;
  zh: string;
  en: string;
  /** A vetting result belongs to this department when its department name contains one of these. */
  keywords: string[];
}

/**
 * 联审部门 the nine departments of the joint vetting of village cadres named in the source documents:
 * 纪检、组织、政法、公安、检察、法院、信访、卫健、农业 (county models take them as their default list).
 */
export const JOINT_VETTING_DEPARTMENTS: readonly VettingDepartmentDefinition[] = [
  { code: 'DISCIPLINE', zh: '纪检监察', en: 'discipline inspection and supervision', keywords: ['纪检', '纪委', '监委'] },
  { code: 'ORGANISATION', zh: '组织部门', en: 'organisation department', keywords: ['组织'] },
  { code: 'POLITICS_LAW', zh: '政法委', en: 'politics and law commission', keywords: ['政法'] },
  { code: 'POLICE', zh: '公安机关', en: 'public security', keywords: ['公安'] },
  { code: 'PROCURATORATE', zh: '检察院', en: 'procuratorate', keywords: ['检察'] },
  { code: 'COURT', zh: '法院', en: 'court', keywords: ['法院'] },
  { code: 'PETITIONS', zh: '信访部门', en: 'petitions bureau', keywords: ['信访'] },
  { code: 'HEALTH', zh: '卫生健康部门', en: 'health commission', keywords: ['卫健', '卫生健康'] },
  { code: 'AGRICULTURE', zh: '农业农村部门', en: 'agriculture and rural affairs', keywords: ['农业'] },
];

/** Whether a vetting result (its free-text department) is the given department's. */
export function vettedBy(result: VettingResult, department: VettingDepartmentDefinition): boolean {
  const name = result.department.trim();
  return name.toUpperCase() === department.code || department.keywords.some((k) => name.includes(k));
}

/** What a policy knows about a candidate for a post. */
export interface CandidateFacts {
  birthDate: string;
  educationLevel: EducationLevel;
  partyMember: boolean;
  /** 入党日期 (full membership or probationary admission); null when not a member. */
  partyJoinDate: string | null;
  /** Codes of declared disqualifying situations (e.g. `CRIMINAL_RECORD`), empty when none. */
  situations: string[];
  vetting: VettingResult[];
  /** Whether the candidate held this post category before (换届连任 re-appointment). */
  reappointment: boolean;
  /** Marked as an exceptional candidate (e.g. 特别优秀) where a policy allows exceptions. */
  exceptional: boolean;
}

/** A serving cadre of the same village who is a close relative of the candidate. */
export interface ServingRelative {
  cadreId: string;
  name: string;
  relation: KinRelation;
  postTitle: string;
}

/** The post and circumstances of an eligibility check. */
export interface EligibilityContext {
  post: { code: string; title: string; category: PostCategory; villageCode: string };
  /** The date the check is for (appointment date), `YYYY-MM-DD`. */
  asOf: string;
  /** Close relatives of the candidate now serving in the same village (both directions of declaration). */
  servingRelatives: ServingRelative[];
}

/** 任职资格 who may hold a post. Returns every failed rule, not only the first; empty means eligible. */
export interface EligibilityPolicy {
  check(candidate: CandidateFacts, context: EligibilityContext): RuleViolation[];
}

export const eligibilityPolicyPoint = createExtensionPoint<EligibilityPolicy>({
  id: 'personnel.eligibility',
  subgraph: 'personnel',
  title: { zh: '任职资格', en: 'Eligibility' },
});

/** 不宜提名人选情形 national disqualifying situations (baseline list; counties add their own). */
export const BASELINE_SITUATIONS: Record<string, { zh: string; en: string }> = {
  CRIMINAL_RECORD: { zh: '受过刑事处罚', en: 'has a criminal conviction' },
  ORGANISED_CRIME: { zh: '涉黑涉恶、参与宗族恶势力', en: 'involved in organised crime or clan gangs' },
  PARTY_DISCIPLINE: { zh: '受党纪政务处分尚在影响期内', en: 'under a Party or government disciplinary sanction still in effect' },
  UNDER_INVESTIGATION: { zh: '正在被纪检监察机关立案审查调查或被司法机关立案侦查', en: 'under investigation by discipline or judicial organs' },
  ELECTION_FRAUD: { zh: '有贿选等破坏选举行为', en: 'bribed or otherwise undermined an election' },
  PETITION_AGITATION: { zh: '煽动群众闹事、扰乱公共秩序', en: 'incited disturbances or disrupted public order' },
  DEFAULTER: { zh: '被列为失信被执行人', en: 'listed as a judgment defaulter' },
};

/** Baseline parameters (exposed so that plugins can start from them). */
export const BASELINE_ELIGIBILITY = {
  minAge: 18,
  /** Not over this age on the appointment date. */
  maxAge: 60,
  minEducation: EducationLevel.JUNIOR_HIGH,
  /** Party posts need Party membership; the secretary at least this many years of it. */
  secretaryPartyYears: 1,
} as const;

/**
 * The violation for a situation code the county does not know (`UNKNOWN_SITUATION`), listing the
 * codes it does know: a code that is not on the list is refused as unknown, never judged by its raw
 * code. Shared by the baseline and county policies so that every county answers it the same way.
 */
export function unknownSituation(code: string, known: readonly string[]): RuleViolation {
  const codes = known.join(', ');
  return {
    rule: 'UNKNOWN_SITUATION',
    zh: `未知的情形代码${code}（本县的${known.length}种情形：${codes}）`,
    en: `unknown situation code ${code} (the county’s ${known.length}: ${codes})`,
  };
}

const PARTY_POSTS: readonly PostCategory[] = [PostCategory.PARTY_SECRETARY, PostCategory.PARTY_COMMITTEE];

/**
 * National baseline: age 18–60, at least junior high school, Party membership for Party posts (a
 * secretary at least one year), none of the disqualifying situations (a code not on the list is
 * refused as `UNKNOWN_SITUATION`), every joint-vetting
 * department passed, and no close relative serving in the same village (任职回避).
 */
export class DefaultEligibilityPolicy implements EligibilityPolicy {
  check(c: CandidateFacts, ctx: EligibilityContext): RuleViolation[] {
    const out: RuleViolation[] = [];
    const p = BASELINE_ELIGIBILITY;
    const age = yearsBetween(c.birthDate, ctx.asOf);
    if (age < p.minAge) out.push({ rule: 'AGE_MIN', zh: `年龄${age}岁，未满${p.minAge}周岁`, en: `aged ${age}, under ${p.minAge}` });
    if (age > p.maxAge) out.push({ rule: 'AGE_MAX', zh: `年龄${age}岁，超过${p.maxAge}周岁`, en: `aged ${age}, over ${p.maxAge}` });
    if (!educationAtLeast(c.educationLevel, p.minEducation)) {
      const min = EDUCATION_TITLES[p.minEducation];
      out.push({ rule: 'EDUCATION_MIN', zh: `学历低于${min.zh}`, en: `education below ${min.en}` });
    }
    if (PARTY_POSTS.includes(ctx.post.category)) {
      if (!c.partyMember || !c.partyJoinDate) {
        out.push({ rule: 'PARTY_MEMBERSHIP', zh: `${ctx.post.title}须为中共党员`, en: `${ctx.post.title} must be a Party member` });
      } else if (ctx.post.category === PostCategory.PARTY_SECRETARY && yearsBetween(c.partyJoinDate, ctx.asOf) < p.secretaryPartyYears) {
        out.push({ rule: 'PARTY_YEARS', zh: `党龄不足${p.secretaryPartyYears}年`, en: `Party membership under ${p.secretaryPartyYears} year(s)` });
      }
    }
    for (const code of c.situations) {
      const s = BASELINE_SITUATIONS[code];
      out.push(
        s
          ? { rule: 'DISQUALIFYING_SITUATION', zh: `存在不宜提名情形：${s.zh}`, en: `disqualifying situation: ${s.en}` }
          : unknownSituation(code, Object.keys(BASELINE_SITUATIONS)),
      );
    }
    for (const v of c.vetting.filter((x) => !x.passed)) {
      out.push({ rule: 'VETTING_FAILED', zh: `联审未通过：${v.department}${v.note ? `（${v.note}）` : ''}`, en: `joint vetting failed: ${v.department}${v.note ? ` (${v.note})` : ''}` });
    }
    for (const r of ctx.servingRelatives) {
      out.push({ rule: 'RELATIVE_RECUSAL', zh: `直系亲属${r.name}在本村任${r.postTitle}，须任职回避`, en: `close relative ${r.name} serves as ${r.postTitle} in this village (recusal)` });
    }
    return out;
  }
}
