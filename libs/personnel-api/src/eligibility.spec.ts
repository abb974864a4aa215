import { EducationLevel, PostCategory } from './common';
import {
  BASELINE_ELIGIBILITY,
  BASELINE_SITUATIONS,
  type CandidateFacts,
  DefaultEligibilityPolicy,
  type EligibilityContext,
  eligibilityPolicyPoint,
  KinRelation,
} from './eligibility';

const AS_OF = '2026-06-15';

function candidate(over: Partial<CandidateFacts> = {}): CandidateFacts {
  return {
    birthDate: '1980-03-10',
    educationLevel: EducationLevel.HIGH_SCHOOL,
    partyMember: true,
    partyJoinDate: '2010-07-01',
    situations: [],
    vetting: [
      { department: '纪委监委', passed: true },
      { department: '公安', passed: true },
    ],
    reappointment: false,
    exceptional: false,
    ...over,
  };
}

function context(category: PostCategory, title: string, over: Partial<EligibilityContext> = {}): EligibilityContext {
  return { post: { code: 'post', title, category, villageCode: '321302101201' }, asOf: AS_OF, servingRelatives: [], ...over };
}

const secretary = (over: Partial<EligibilityContext> = {}) => context(PostCategory.PARTY_SECRETARY, '党组织书记', over);
const clerk = (over: Partial<EligibilityContext> = {}) => context(PostCategory.COMMITTEE_MEMBER, '村民委员会委员（文书）', over);
const rules = (v: { rule: string }[]) => v.map((x) => x.rule);

describe('DefaultEligibilityPolicy (任职资格)', () => {
  const policy = new DefaultEligibilityPolicy();

  it('is the personnel.eligibility extension point with the national parameters', () => {
    expect(eligibilityPolicyPoint.id).toBe('personnel.eligibility');
    expect(BASELINE_ELIGIBILITY).toEqual({ minAge: 18, maxAge: 60, minEducation: EducationLevel.JUNIOR_HIGH, secretaryPartyYears: 1 });
  });

  it('finds nothing to object to in a qualified candidate', () => {
    expect(policy.check(candidate(), secretary())).toEqual([]);
    expect(policy.check(candidate({ partyMember: false, partyJoinDate: null }), clerk())).toEqual([]);
  });

  it('returns EVERY failed rule at once: age 61, no Party membership for a secretary, failed vetting and a serving relative', () => {
    const violations = policy.check(
      candidate({
        birthDate: '1965-06-01',
        partyMember: false,
        partyJoinDate: null,
        vetting: [
          { department: '纪委监委', passed: true },
          { department: '公安', passed: false, note: '有治安处罚记录' },
        ],
      }),
      secretary({ servingRelatives: [{ cadreId: 'c-1', name: '王建国', relation: KinRelation.SPOUSE, postTitle: '村民委员会主任' }] }),
    );
    expect(violations).toEqual([
      { rule: 'AGE_MAX', zh: '年龄61岁，超过60周岁', en: 'aged 61, over 60' },
      { rule: 'PARTY_MEMBERSHIP', zh: '党组织书记须为中共党员', en: '党组织书记 must be a Party member' },
      { rule: 'VETTING_FAILED', zh: '联审未通过：公安（有治安处罚记录）', en: 'joint vetting failed: 公安 (有治安处罚记录)' },
      { rule: 'RELATIVE_RECUSAL', zh: '直系亲属王建国在本村任村民委员会主任，须任职回避', en: 'close relative 王建国 serves as 村民委员会主任 in this village (recusal)' },
    ]);
  });

  it('accepts 18 on the exact 18th birthday and refuses the day before', () => {
    expect(policy.check(candidate({ birthDate: '2008-06-15' }), clerk())).toEqual([]);
    expect(policy.check(candidate({ birthDate: '2008-06-16' }), clerk())).toEqual([{ rule: 'AGE_MIN', zh: '年龄17岁，未满18周岁', en: 'aged 17, under 18' }]);
  });

  it('accepts 60 (up to the day before the 61st birthday) and refuses from the 61st birthday', () => {
    expect(policy.check(candidate({ birthDate: '1966-06-15' }), clerk())).toEqual([]);
    expect(policy.check(candidate({ birthDate: '1965-06-16' }), clerk())).toEqual([]);
    expect(rules(policy.check(candidate({ birthDate: '1965-06-15' }), clerk()))).toEqual(['AGE_MAX']);
  });

  it('requires junior high school or higher', () => {
    expect(policy.check(candidate({ educationLevel: EducationLevel.PRIMARY }), clerk())).toEqual([
      { rule: 'EDUCATION_MIN', zh: '学历低于初中', en: 'education below junior high school' },
    ]);
    expect(policy.check(candidate({ educationLevel: EducationLevel.JUNIOR_HIGH }), clerk())).toEqual([]);
  });

  it('requires Party membership for Party posts only, including a member without a join date', () => {
    const outsider = candidate({ partyMember: false, partyJoinDate: null });
    expect(rules(policy.check(outsider, context(PostCategory.PARTY_COMMITTEE, '党组织委员（组织）')))).toEqual(['PARTY_MEMBERSHIP']);
    expect(rules(policy.check(candidate({ partyJoinDate: null }), secretary()))).toEqual(['PARTY_MEMBERSHIP']);
    for (const category of [PostCategory.COMMITTEE_DIRECTOR, PostCategory.COMMITTEE_MEMBER, PostCategory.SUPERVISION, PostCategory.FULL_TIME_STAFF, PostCategory.AUXILIARY_POLICE]) {
      expect(policy.check(outsider, context(category, 'post'))).toEqual([]);
    }
  });

  it('requires a secretary to have at least one year of Party membership, to the day', () => {
    expect(policy.check(candidate({ partyJoinDate: '2025-06-16' }), secretary())).toEqual([
      { rule: 'PARTY_YEARS', zh: '党龄不足1年', en: 'Party membership under 1 year(s)' },
    ]);
    expect(policy.check(candidate({ partyJoinDate: '2025-06-15' }), secretary())).toEqual([]);
    // a Party committee member needs membership but no minimum years
    expect(policy.check(candidate({ partyJoinDate: '2026-06-01' }), context(PostCategory.PARTY_COMMITTEE, '党组织委员（组织）'))).toEqual([]);
  });

  it('reports each disqualifying situation by its title, and refuses an unknown code as UNKNOWN_SITUATION (never a raw code as a situation)', () => {
    const violations = policy.check(candidate({ situations: ['CRIMINAL_RECORD', 'DEFAULTER', 'LONGSHAN_X'] }), clerk());
    expect(violations).toEqual([
      { rule: 'DISQUALIFYING_SITUATION', zh: `存在不宜提名情形：${BASELINE_SITUATIONS.CRIMINAL_RECORD.zh}`, en: 'disqualifying situation: has a criminal conviction' },
      { rule: 'DISQUALIFYING_SITUATION', zh: '存在不宜提名情形：被列为失信被执行人', en: 'disqualifying situation: listed as a judgment defaulter' },
      {
        rule: 'UNKNOWN_SITUATION',
        zh: `未知的情形代码LONGSHAN_X（本县的7种情形：${Object.keys(BASELINE_SITUATIONS).join(', ')}）`,
        en: `unknown situation code LONGSHAN_X (the county’s 7: ${Object.keys(BASELINE_SITUATIONS).join(', ')})`,
      },
    ]);
  });

  it('reports every failed vetting department, without a note when none was given', () => {
    const violations = policy.check(
      candidate({ vetting: [{ department: '法院', passed: false }, { department: '信访', passed: true }, { department: '检察院', passed: false, note: null }] }),
      clerk(),
    );
    expect(violations).toEqual([
      { rule: 'VETTING_FAILED', zh: '联审未通过：法院', en: 'joint vetting failed: 法院' },
      { rule: 'VETTING_FAILED', zh: '联审未通过：检察院', en: 'joint vetting failed: 检察院' },
    ]);
  });

  it('reports one recusal per serving relative', () => {
    const violations = policy.check(
      candidate(),
      clerk({
        servingRelatives: [
          { cadreId: 'c-1', name: '李梅', relation: KinRelation.PARENT, postTitle: '党组织书记' },
          { cadreId: 'c-2', name: '李强', relation: KinRelation.SIBLING, postTitle: '村务监督委员会主任' },
        ],
      }),
    );
    expect(rules(violations)).toEqual(['RELATIVE_RECUSAL', 'RELATIVE_RECUSAL']);
    expect(violations[1].zh).toBe('直系亲属李强在本村任村务监督委员会主任，须任职回避');
  });
});
