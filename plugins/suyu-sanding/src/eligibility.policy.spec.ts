import { EducationLevel, PostCategory, type CandidateFacts, type EligibilityContext } from '@xiangzhi/personnel-api';
import { DEFAULT_EXIT_SITUATIONS, DEFAULT_VETTING_DEPARTMENTS, suyuSandingConfig } from './config';
import { SuyuEligibilityPolicy } from './eligibility.policy';

/** Every default joint-vetting department, as a township enters them, passed. */
const ALL_VETTING = ['区纪委监委', '区委组织部', '区委政法委', '区公安分局', '区检察院', '区法院', '区信访局', '区卫健委', '区农业农村局'].map((department) => ({ department, passed: true }));

const candidate = (overrides: Partial<CandidateFacts> = {}): CandidateFacts => ({
  birthDate: '1988-04-01',
  educationLevel: EducationLevel.COLLEGE,
  partyMember: true,
  partyJoinDate: '2012-07-01',
  situations: [],
  vetting: ALL_VETTING,
  reappointment: false,
  exceptional: false,
  ...overrides,
});

const context: EligibilityContext = {
  post: { code: 'suyu.gridGovernance', title: '网格治理岗', category: PostCategory.FULL_TIME_STAFF, villageCode: '321311101201' },
  asOf: '2025-06-01',
  servingRelatives: [],
};

describe('SuyuEligibilityPolicy (凡进必审)', () => {
  const policy = new SuyuEligibilityPolicy(suyuSandingConfig.parse({}));

  it('accepts a candidate with none of the situations', () => {
    expect(policy.check(candidate(), context)).toEqual([]);
  });

  it('refuses a candidate declaring any of the 13 hard exit situations, naming it', () => {
    expect(DEFAULT_EXIT_SITUATIONS).toHaveLength(13);
    for (const s of DEFAULT_EXIT_SITUATIONS) {
      const violations = policy.check(candidate({ situations: [s.code] }), context);
      expect(violations).toEqual([{ rule: 'SUYU_EXIT_SITUATION', zh: `存在13种刚性退出情形之一：${s.zh}（凡进必审）`, en: expect.stringContaining(s.en) }]);
    }
  });

  it('keeps the baseline rules and lists every failed rule, unknown situations included', () => {
    const vetting = ALL_VETTING.map((v) => (v.department.includes('公安') ? { ...v, passed: false } : v));
    const violations = policy.check(candidate({ birthDate: '1960-01-01', situations: ['ILLEGAL_RELIGION', 'SOMETHING_ELSE'], vetting }), context);
    expect(violations.map((v) => v.rule)).toEqual(['AGE_MAX', 'VETTING_FAILED', 'UNKNOWN_SITUATION', 'SUYU_EXIT_SITUATION']);
  });

  it('refuses an unknown situation code as UNKNOWN_SITUATION, listing the county’s codes (never judged by its raw code)', () => {
    const [v] = policy.check(candidate({ situations: ['SOMETHING_ELSE'] }), context);
    expect(v.rule).toBe('UNKNOWN_SITUATION');
    expect(v.zh).toMatch(/^未知的情形代码SOMETHING_ELSE（本县的13种情形：CRIMINAL_RECORD, PARTY_DISCIPLINE/);
    expect(v.en).toMatch(/^unknown situation code SOMETHING_ELSE \(the county’s 13: /);
  });

  it('凡进必审: every one of the county’s joint-vetting departments is required (none given: nine missing)', () => {
    expect(DEFAULT_VETTING_DEPARTMENTS.map((d) => d.code)).toEqual(['DISCIPLINE', 'ORGANISATION', 'POLITICS_LAW', 'POLICE', 'PROCURATORATE', 'COURT', 'PETITIONS', 'HEALTH', 'AGRICULTURE']);
    const none = policy.check(candidate({ vetting: [] }), context);
    expect(none.map((v) => v.rule)).toEqual(Array(9).fill('VETTING_MISSING'));
    expect(none[0]).toEqual({ rule: 'VETTING_MISSING', zh: '缺少联审部门意见：纪检监察（凡进必审）', en: 'joint vetting missing: discipline inspection and supervision (every entrant is vetted)' });
    const withoutHealth = ALL_VETTING.filter((v) => !v.department.includes('卫健'));
    expect(policy.check(candidate({ vetting: withoutHealth }), context)).toEqual([
      { rule: 'VETTING_MISSING', zh: '缺少联审部门意见：卫生健康部门（凡进必审）', en: 'joint vetting missing: health commission (every entrant is vetted)' },
    ]);
    // a department may be named by its code; a county may set its own list (empty: none required)
    expect(policy.check(candidate({ vetting: DEFAULT_VETTING_DEPARTMENTS.map((d) => ({ department: d.code, passed: true })) }), context)).toEqual([]);
    const own = new SuyuEligibilityPolicy(suyuSandingConfig.parse({ vettingDepartments: [] }));
    expect(own.check(candidate({ vetting: [] }), context)).toEqual([]);
  });

  it('takes a county’s own list', () => {
    const own = new SuyuEligibilityPolicy(suyuSandingConfig.parse({ exitSituations: [{ code: 'GAMBLING', zh: '参与赌博', en: 'gambling' }] }));
    expect(own.check(candidate({ situations: ['GAMBLING'] }), context)).toEqual([
      { rule: 'SUYU_EXIT_SITUATION', zh: '存在1种刚性退出情形之一：参与赌博（凡进必审）', en: 'one of the 1 hard exit situations: gambling (every entrant is vetted)' },
    ]);
  });
});
