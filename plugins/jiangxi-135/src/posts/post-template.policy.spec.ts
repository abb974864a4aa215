import { DefaultPostTemplatePolicy, LeaveApprover, PostCategory } from '@xiangzhi/personnel-api';
import { highestClass, JiangxiPostClass, postClassOf } from './post-class';
import { JiangxiPostTemplatePolicy } from './post-template.policy';

describe('JiangxiPostTemplatePolicy (大岗位制: 正职岗, 副职岗, 委员岗)', () => {
  const policy = new JiangxiPostTemplatePolicy();
  const posts = policy.postsFor({ code: '360722101200', kind: 'VILLAGE' });

  it('sets the three classes: one principal post, three deputy posts, three member posts', () => {
    const byClass = (c: JiangxiPostClass) => posts.filter((p) => postClassOf(p) === c).map((p) => p.code);
    expect(byClass(JiangxiPostClass.PRINCIPAL)).toEqual(['jiangxi.principal']);
    expect(byClass(JiangxiPostClass.DEPUTY)).toEqual(['jiangxi.deputy.deputySecretary', 'jiangxi.deputy.deputyDirector', 'jiangxi.deputy.supervision']);
    expect(byClass(JiangxiPostClass.MEMBER)).toEqual(['jiangxi.member.organisation', 'jiangxi.member.governance', 'jiangxi.member.clerk']);
    expect(new Set(posts.map((p) => p.code)).size).toBe(posts.length);
  });

  it('makes the secretary also the committee director (一肩挑), full time, leave approved by the township', () => {
    const principal = posts.find((p) => p.code === 'jiangxi.principal')!;
    expect(principal).toMatchObject({ category: PostCategory.PARTY_SECRETARY, fullTime: true, leaveApprover: LeaveApprover.TOWNSHIP });
    expect(principal.title).toBe('党组织书记、村民委员会主任（正职岗，“一肩挑”）');
    expect(principal.responsibilities).toContain('落实村级重大事项“四议两公开”');
    // no separate director post: the director's duties sit with the principal post
    expect(posts.filter((p) => p.category === PostCategory.COMMITTEE_DIRECTOR)).toEqual([]);
  });

  it('gives every post a duty list (职责清单化) and names its class in the title', () => {
    for (const p of posts) {
      expect(p.responsibilities.length).toBeGreaterThanOrEqual(3);
      expect(p.title).toMatch(/正职岗|副职岗|委员岗/);
      expect(p.targets.length).toBeGreaterThan(0);
    }
  });

  it('maps posts onto categories: Party posts, committee posts and the supervision chair', () => {
    expect(posts.map((p) => p.category)).toEqual([
      PostCategory.PARTY_SECRETARY,
      PostCategory.PARTY_COMMITTEE,
      PostCategory.COMMITTEE_MEMBER,
      PostCategory.SUPERVISION,
      PostCategory.PARTY_COMMITTEE,
      PostCategory.COMMITTEE_MEMBER,
      PostCategory.COMMITTEE_MEMBER,
    ]);
  });

  it('uses the residents’ committee titles in a community', () => {
    const community = policy.postsFor({ code: '360722101001', kind: 'COMMUNITY' });
    expect(community[0].title).toBe('党组织书记、居民委员会主任（正职岗，“一肩挑”）');
    expect(community.map((p) => p.code)).toEqual(posts.map((p) => p.code));
  });

  it('classes posts of the baseline template by category, and a cadre by the highest post held', () => {
    const baseline = new DefaultPostTemplatePolicy().postsFor({ code: '360722101200', kind: 'VILLAGE' });
    expect(baseline.map((p) => [p.code, postClassOf(p)])).toEqual([
      ['secretary', JiangxiPostClass.PRINCIPAL],
      ['organisation', JiangxiPostClass.MEMBER],
      ['director', JiangxiPostClass.PRINCIPAL],
      ['clerk', JiangxiPostClass.MEMBER],
      ['supervision', JiangxiPostClass.DEPUTY],
    ]);
    expect(highestClass([posts[6], posts[3]])).toBe(JiangxiPostClass.DEPUTY);
    expect(highestClass([])).toBeNull();
  });
});
