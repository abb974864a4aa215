import { LeaveApprover, PostCategory } from '@xiangzhi/personnel-api';
import { suyuSandingConfig } from './config';
import { SuyuPostTemplatePolicy } from './post-template.policy';

describe('SuyuPostTemplatePolicy (一委两站五岗)', () => {
  const policy = new SuyuPostTemplatePolicy(suyuSandingConfig.parse({}));
  const posts = policy.postsFor({ code: '321311101001', kind: 'COMMUNITY' });

  it('gives the committee, two stations and five specialist posts', () => {
    expect(policy.templateName).toBe('一委两站五岗');
    expect(posts.map((p) => [p.title, p.category])).toEqual([
      ['社区党委书记', PostCategory.PARTY_SECRETARY],
      ['社区党委副书记', PostCategory.PARTY_COMMITTEE],
      ['社区党委委员', PostCategory.PARTY_COMMITTEE],
      ['党建工作站', PostCategory.FULL_TIME_STAFF],
      ['文明实践站', PostCategory.FULL_TIME_STAFF],
      ['便民服务岗', PostCategory.FULL_TIME_STAFF],
      ['产业发展岗', PostCategory.FULL_TIME_STAFF],
      ['生态优居岗', PostCategory.FULL_TIME_STAFF],
      ['网格治理岗', PostCategory.FULL_TIME_STAFF],
      ['富民增收岗', PostCategory.FULL_TIME_STAFF],
    ]);
    expect(posts.filter((p) => p.category === PostCategory.FULL_TIME_STAFF)).toHaveLength(7);
  });

  it('makes every post full-time with a duty list and township-set targets appraised monthly', () => {
    for (const p of posts) {
      expect(p.fullTime).toBe(true);
      expect(p.responsibilities.length).toBeGreaterThanOrEqual(2);
      expect(p.targets.length).toBeGreaterThanOrEqual(1);
      for (const t of p.targets) {
        expect(t.target).toBeNull();
        expect(t.measure).toContain('乡（镇）设定，按月考核');
      }
    }
    expect(posts[0].leaveApprover).toBe(LeaveApprover.TOWNSHIP);
    expect(posts.find((p) => p.title === '网格治理岗')?.responsibilities.join()).toContain('平安乡村小管家');
  });

  it('notes quarterly appraisal when the county appraises by quarter, and names a villagers’ committee 村', () => {
    const quarterly = new SuyuPostTemplatePolicy(suyuSandingConfig.parse({ assessment: 'QUARTER' }));
    const village = quarterly.postsFor({ code: '321311101201', kind: 'VILLAGE' });
    expect(village[0].title).toBe('村党委书记');
    expect(village.every((p) => p.targets.every((t) => t.measure.includes('按季度考核')))).toBe(true);
  });
});
