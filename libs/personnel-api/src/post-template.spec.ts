import { DefaultAttendancePolicy } from './attendance';
import { LeaveApprover, PostCategory } from './common';
import { DefaultPostTemplatePolicy, postTemplatePolicyPoint } from './post-template';

describe('DefaultPostTemplatePolicy (村"两委"基本岗位)', () => {
  const policy = new DefaultPostTemplatePolicy();

  it('is the personnel.postTemplate extension point', () => {
    expect(postTemplatePolicyPoint.id).toBe('personnel.postTemplate');
    expect(postTemplatePolicyPoint.subgraph).toBe('personnel');
    expect(policy.templateName).toBe('村（社区）"两委"基本岗位');
  });

  it('gives a village the five baseline posts in order, with categories, full-time flags and leave approvers', () => {
    const posts = policy.postsFor({ code: '321302101201', kind: 'VILLAGE' });
    expect(posts.map((p) => [p.code, p.title, p.category, p.fullTime, p.leaveApprover])).toEqual([
      ['secretary', '党组织书记', PostCategory.PARTY_SECRETARY, true, LeaveApprover.TOWNSHIP],
      ['organisation', '党组织委员（组织）', PostCategory.PARTY_COMMITTEE, false, LeaveApprover.VILLAGE_SECRETARY],
      ['director', '村民委员会主任', PostCategory.COMMITTEE_DIRECTOR, true, LeaveApprover.TOWNSHIP],
      ['clerk', '村民委员会委员（文书）', PostCategory.COMMITTEE_MEMBER, false, LeaveApprover.VILLAGE_SECRETARY],
      ['supervision', '村务监督委员会主任', PostCategory.SUPERVISION, false, LeaveApprover.VILLAGE_SECRETARY],
    ]);
  });

  it('names the residents\' committee (居民委员会) for a community', () => {
    const posts = policy.postsFor({ code: '321302101001', kind: 'COMMUNITY' });
    expect(posts.map((p) => p.title)).toEqual(['党组织书记', '党组织委员（组织）', '居民委员会主任', '居民委员会委员（文书）', '村务监督委员会主任']);
    expect(posts.map((p) => p.code)).toEqual(['secretary', 'organisation', 'director', 'clerk', 'supervision']);
  });

  it('lists responsibilities and annual targets for every post (the township sets the income target)', () => {
    const posts = policy.postsFor({ code: '321302101201', kind: 'VILLAGE' });
    for (const p of posts) {
      expect(p.responsibilities.length).toBeGreaterThanOrEqual(3);
      expect(p.targets.length).toBeGreaterThanOrEqual(1);
    }
    const secretary = posts[0];
    expect(secretary.responsibilities).toContain('落实"四议两公开"');
    expect(secretary.targets).toEqual([
      { title: '召开"三会一课"', measure: '次', target: 12 },
      { title: '集体经济经营性收入增长', measure: '%', target: null },
    ]);
    expect(posts.find((p) => p.code === 'clerk')?.targets).toEqual([{ title: '档案归档率', measure: '%', target: 100 }]);
  });

  it('agrees with the baseline attendance policy on who approves each post\'s leave', () => {
    const attendance = new DefaultAttendancePolicy();
    for (const kind of ['VILLAGE', 'COMMUNITY'] as const) {
      for (const p of policy.postsFor({ code: '321302101201', kind })) {
        expect([p.code, attendance.leaveApprover(p.category)]).toEqual([p.code, p.leaveApprover]);
      }
    }
  });

  it('returns fresh objects for every call (callers may change their copy)', () => {
    const a = policy.postsFor({ code: '321302101201', kind: 'VILLAGE' });
    a[0].responsibilities.push('changed');
    const b = policy.postsFor({ code: '321302101201', kind: 'VILLAGE' });
    expect(b[0].responsibilities).not.toContain('changed');
  });
});
