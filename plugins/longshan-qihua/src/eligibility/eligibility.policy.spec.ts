import { EducationLevel, KinRelation, PostCategory, type CandidateFacts, type EligibilityContext } from '@xiangzhi/personnel-api';
import { longshanQihuaConfig } from '../config';
import { LongshanEligibilityPolicy } from './eligibility.policy';
import { NINE_VETTING_DEPARTMENTS, TEN_SITUATIONS } from './situations';

const AS_OF = '2024-06-30';
const bornAged = (age: number) => `${2024 - age}-01-01`;
const ALL_VETTING = ['县纪委监委', '县委组织部', '县委政法委', '县公安局', '县检察院', '县法院', '县信访局', '县卫健局', '县农业农村局'].map((department) => ({ department, passed: true }));

function candidate(age: number, fields: Partial<CandidateFacts> = {}): CandidateFacts {
  return {
    birthDate: bornAged(age),
    educationLevel: EducationLevel.BACHELOR,
    partyMember: true,
    partyJoinDate: '2010-07-01',
    situations: [],
    vetting: ALL_VETTING,
    reappointment: false,
    exceptional: false,
    ...fields,
  };
}

function post(category: PostCategory, title: string): EligibilityContext {
  return { post: { code: 'p', title, category, villageCode: '433130101201' }, asOf: AS_OF, servingRelatives: [] };
}

const SECRETARY = post(PostCategory.PARTY_SECRETARY, '村党组织书记');
const CLERK = post(PostCategory.FULL_TIME_STAFF, '全职化秘书');
const POLICE = post(PostCategory.AUXILIARY_POLICE, '辅警');
const DIRECTOR = post(PostCategory.COMMITTEE_DIRECTOR, '村民委员会主任');

describe('LongshanEligibilityPolicy', () => {
  const policy = new LongshanEligibilityPolicy(longshanQihuaConfig.parse({}));
  const rules = (c: CandidateFacts, ctx: EligibilityContext) => policy.check(c, ctx).map((v) => v.rule);

  describe('Party secretary', () => {
    it('a new secretary must be under 57: 56 is accepted, 57 refused', () => {
      expect(rules(candidate(56), SECRETARY)).toEqual([]);
      expect(policy.check(candidate(57), SECRETARY)).toEqual([{ rule: 'SECRETARY_NEW_AGE', zh: '新任书记年龄57岁，须在57周岁以下', en: 'new secretary aged 57, must be under 57' }]);
    });

    it('a re-appointed secretary may not be over 60: 60 is accepted, 61 refused', () => {
      expect(rules(candidate(60, { reappointment: true }), SECRETARY)).toEqual([]);
      expect(rules(candidate(61, { reappointment: true }), SECRETARY)).toEqual(['SECRETARY_REAPPOINTMENT_AGE']);
    });

    it('needs at least 1 year of Party membership', () => {
      expect(rules(candidate(40, { partyJoinDate: '2023-06-30' }), SECRETARY)).toEqual([]);
      expect(policy.check(candidate(40, { partyJoinDate: '2023-07-01' }), SECRETARY)).toEqual([{ rule: 'PARTY_YEARS', zh: '党龄不足1年', en: 'Party membership under 1 year(s)' }]);
      expect(rules(candidate(40, { partyMember: false, partyJoinDate: null }), SECRETARY)).toEqual(['PARTY_MEMBERSHIP']);
    });
  });

  describe('full-time secretary (全职化秘书)', () => {
    it('is normally not over 35: 35 accepted, 36 refused', () => {
      expect(rules(candidate(35, { partyMember: false, partyJoinDate: null }), CLERK)).toEqual([]);
      expect(rules(candidate(36), CLERK)).toEqual(['FULL_TIME_SECRETARY_AGE']);
    });

    it('is not over 40 when marked exceptional: 40 accepted, 41 refused', () => {
      expect(rules(candidate(40, { exceptional: true }), CLERK)).toEqual([]);
      expect(policy.check(candidate(41, { exceptional: true }), CLERK)).toEqual([{ rule: 'FULL_TIME_SECRETARY_AGE', zh: '特别优秀人选年龄41岁，超过40周岁', en: 'exceptional candidate aged 41, over 40' }]);
    });

    it('needs college (大专) or higher', () => {
      expect(rules(candidate(30, { educationLevel: EducationLevel.COLLEGE }), CLERK)).toEqual([]);
      expect(policy.check(candidate(30, { educationLevel: EducationLevel.HIGH_SCHOOL }), CLERK)).toEqual([
        { rule: 'FULL_TIME_SECRETARY_EDUCATION', zh: '全职化秘书须具有大专及以上学历（现为高中（中专））', en: 'the full-time secretary needs college or higher (has senior high school)' },
      ]);
    });
  });

  describe('auxiliary police (辅警)', () => {
    it('is not over 45: 45 accepted, 46 refused', () => {
      expect(rules(candidate(45, { educationLevel: EducationLevel.HIGH_SCHOOL, partyMember: false, partyJoinDate: null }), POLICE)).toEqual([]);
      expect(rules(candidate(46), POLICE)).toEqual(['AUXILIARY_POLICE_AGE']);
    });

    it('needs senior high school or higher', () => {
      expect(rules(candidate(30, { educationLevel: EducationLevel.JUNIOR_HIGH }), POLICE)).toEqual(['AUXILIARY_POLICE_EDUCATION']);
    });
  });

  it('keeps the baseline for the part-time posts (not over 60, junior high school)', () => {
    expect(rules(candidate(60, { educationLevel: EducationLevel.JUNIOR_HIGH }), DIRECTOR)).toEqual([]);
    expect(rules(candidate(61, { educationLevel: EducationLevel.PRIMARY }), DIRECTOR)).toEqual(['AGE_MAX', 'EDUCATION_MIN']);
  });

  it('refuses any of the ten situations (十种情形), by its title, and an unknown code as unknown', () => {
    expect(TEN_SITUATIONS).toHaveLength(10);
    for (const s of TEN_SITUATIONS) {
      expect(policy.check(candidate(40, { situations: [s.code] }), SECRETARY)).toEqual([
        { rule: 'DISQUALIFYING_SITUATION', zh: `存在不宜担任"两委"成员的情形：${s.zh}`, en: `disqualifying situation: ${s.en}` },
      ]);
    }
    expect(rules(candidate(40, { situations: ['RELIGION_SUPERSTITION', 'GAMBLING'] }), SECRETARY)).toEqual(['DISQUALIFYING_SITUATION', 'UNKNOWN_SITUATION']);
  });

  it('needs all nine vetting departments: a missing one and a failed one are violations', () => {
    expect(NINE_VETTING_DEPARTMENTS).toHaveLength(9);
    const withoutHealth = ALL_VETTING.filter((v) => v.department !== '县卫健局');
    expect(policy.check(candidate(40, { vetting: withoutHealth }), SECRETARY)).toEqual([{ rule: 'VETTING_MISSING', zh: '缺少联审部门意见：卫生健康部门', en: 'joint vetting missing: health commission' }]);
    const policeFailed = ALL_VETTING.map((v) => (v.department === '县公安局' ? { ...v, passed: false, note: '有违法记录' } : v));
    expect(policy.check(candidate(40, { vetting: policeFailed }), SECRETARY)).toEqual([{ rule: 'VETTING_FAILED', zh: '联审未通过：县公安局（有违法记录）', en: 'joint vetting failed: 县公安局 (有违法记录)' }]);
    expect(rules(candidate(30, { vetting: [] }), CLERK)).toEqual(Array(9).fill('VETTING_MISSING'));
    // a department may also be named by its code
    expect(rules(candidate(40, { vetting: NINE_VETTING_DEPARTMENTS.map((d) => ({ department: d.code, passed: true })) }), SECRETARY)).toEqual([]);
  });

  it('keeps the direct-relative recusal and returns every failed rule at once', () => {
    const ctx = { ...CLERK, servingRelatives: [{ cadreId: 'c1', name: '张三', relation: KinRelation.PARENT, postTitle: '村党组织书记' }] };
    const violations = policy.check(candidate(41, { educationLevel: EducationLevel.HIGH_SCHOOL, situations: ['DEFAULTER'], vetting: ALL_VETTING.slice(1) }), ctx);
    expect(violations.map((v) => v.rule)).toEqual(['FULL_TIME_SECRETARY_AGE', 'FULL_TIME_SECRETARY_EDUCATION', 'DISQUALIFYING_SITUATION', 'VETTING_MISSING', 'RELATIVE_RECUSAL']);
    expect(violations.at(-1)!.zh).toBe('直系亲属张三在本村任村党组织书记，须任职回避');
  });

  it('takes a county’s own limits', () => {
    const tuned = new LongshanEligibilityPolicy(longshanQihuaConfig.parse({ eligibility: { newSecretaryAgeBelow: 55, auxiliaryPoliceMaxAge: 44 } }));
    expect(tuned.check(candidate(55), SECRETARY).map((v) => v.rule)).toEqual(['SECRETARY_NEW_AGE']);
    expect(tuned.check(candidate(45), POLICE).map((v) => v.rule)).toEqual(['AUXILIARY_POLICE_AGE']);
  });
});
