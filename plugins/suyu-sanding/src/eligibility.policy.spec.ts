import { EducationLevel, PostCategory, type CandidateFacts, type EligibilityContext } from '@xiangzhi/personnel-api';
import { DEFAULT_EXIT_SITUATIONS, suyuSandingConfig } from './config';
import { SuyuEligibilityPolicy } from './eligibility.policy';

const candidate = (overrides: Partial<CandidateFacts> = {}): CandidateFacts => ({
  birthDate: '1988-04-01',
  educationLevel: EducationLevel.COLLEGE,
  partyMember: true,
  partyJoinDate: '2012-07-01',
  situations: [],
  vetting: [],
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
    const violations = policy.check(candidate({ birthDate: '1960-01-01', situations: ['ILLEGAL_RELIGION', 'SOMETHING_ELSE'], vetting: [{ department: '公安', passed: false }] }), context);
    expect(violations.map((v) => v.rule)).toEqual(['AGE_MAX', 'DISQUALIFYING_SITUATION', 'VETTING_FAILED', 'SUYU_EXIT_SITUATION']);
  });

  it('takes a county’s own list', () => {
    const own = new SuyuEligibilityPolicy(suyuSandingConfig.parse({ exitSituations: [{ code: 'GAMBLING', zh: '参与赌博', en: 'gambling' }] }));
    expect(own.check(candidate({ situations: ['GAMBLING'] }), context)).toEqual([
      { rule: 'SUYU_EXIT_SITUATION', zh: '存在1种刚性退出情形之一：参与赌博（凡进必审）', en: 'one of the 1 hard exit situations: gambling (every entrant is vetted)' },
    ]);
  });
});
