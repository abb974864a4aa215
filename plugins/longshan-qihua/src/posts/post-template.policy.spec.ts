import { LeaveApprover, PostCategory } from '@xiangzhi/personnel-api';
import { AUXILIARY_POLICE_DUTIES, FOUR_CLERK_DUTIES, LONGSHAN_POSTS, LongshanPostTemplatePolicy } from './post-template.policy';

describe('LongshanPostTemplatePolicy', () => {
  const policy = new LongshanPostTemplatePolicy();
  const village = policy.postsFor({ code: '433130101201', kind: 'VILLAGE' });

  it('sets three full-time posts per village: secretary, full-time secretary and auxiliary police', () => {
    const fullTime = village.filter((p) => p.fullTime);
    expect(fullTime.map((p) => [p.code, p.title, p.category, p.leaveApprover])).toEqual([
      ['secretary', '村党组织书记', PostCategory.PARTY_SECRETARY, LeaveApprover.TOWNSHIP],
      ['longshan.fullTimeSecretary', '全职化秘书', PostCategory.FULL_TIME_STAFF, LeaveApprover.VILLAGE_SECRETARY],
      ['longshan.auxiliaryPolice', '辅警', PostCategory.AUXILIARY_POLICE, LeaveApprover.VILLAGE_SECRETARY],
    ]);
    expect(fullTime).toHaveLength(3);
  });

  it('gives the full-time secretary the four clerk duties (四大员) and the auxiliary police the county police’s and 综治 duties', () => {
    const byCode = Object.fromEntries(village.map((p) => [p.code, p]));
    expect(byCode[LONGSHAN_POSTS.fullTimeSecretary].responsibilities).toEqual(['便民服务管理员', '资料员', '劳动保障协理员', '远教操作员']);
    expect(byCode[LONGSHAN_POSTS.fullTimeSecretary].responsibilities).toEqual([...FOUR_CLERK_DUTIES]);
    expect(byCode[LONGSHAN_POSTS.auxiliaryPolice].responsibilities).toEqual([...AUXILIARY_POLICE_DUTIES]);
    expect(byCode[LONGSHAN_POSTS.auxiliaryPolice].responsibilities.join()).toContain('综治安全专干');
    expect(byCode.secretary.responsibilities[0]).toBe('负责全盘工作');
  });

  it('keeps the baseline’s other committee posts, part time and with leave approved by the village secretary', () => {
    const partTime = village.filter((p) => !p.fullTime);
    expect(partTime.map((p) => p.code)).toEqual(['organisation', 'director', 'clerk', 'supervision']);
    expect(partTime.every((p) => p.leaveApprover === LeaveApprover.VILLAGE_SECRETARY)).toBe(true);
    expect(partTime.find((p) => p.code === 'director')!.title).toBe('村民委员会主任');
  });

  it('names a community’s posts for a community', () => {
    const community = policy.postsFor({ code: '433130101001', kind: 'COMMUNITY' });
    expect(community[0].title).toBe('社区党组织书记');
    expect(community.find((p) => p.code === 'director')!.title).toBe('居民委员会主任');
    expect(community).toHaveLength(7);
  });
});
