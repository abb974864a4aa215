import {
  DefaultPostTemplatePolicy,
  LeaveApprover,
  PostCategory,
  type PostTemplateEntry,
  type PostTemplatePolicy,
  type TemplateVillage,
} from '@xiangzhi/personnel-api';

/** Post codes of the three full-time posts; the secretary keeps the baseline's code so a village switching to the plugin keeps its secretary post. */
export const LONGSHAN_POSTS = {
  secretary: 'secretary',
  fullTimeSecretary: 'longshan.fullTimeSecretary',
  auxiliaryPolice: 'longshan.auxiliaryPolice',
} as const;

/** 四大员 the full-time secretary's four duties (seed: 便民服务管理员、资料员、劳动保障协理员和远教操作员). */
export const FOUR_CLERK_DUTIES = ['便民服务管理员', '资料员', '劳动保障协理员', '远教操作员'] as const;

/** 辅警 duties (seed: 除承担县公安局明确的工作职责外，还兼任村（社区）综治安全专干职责). */
export const AUXILIARY_POLICE_DUTIES = ['承担县公安局明确的辅警工作职责', '兼任村（社区）综治安全专干'] as const;

/**
 * 规范化设岗 Longshan's posts per village (seed: 村（社区）党组织书记、全职化秘书、辅警3名工作人员实行
 * 全职化管理): three full-time posts —
 * - the Party secretary (负责全盘工作; leave approved by the township head, 乡镇主要负责人),
 * - the full-time secretary (全职化秘书, the 四大员 duties),
 * - the auxiliary police (辅警, the county police's duties and 综治安全专干) —
 * the last two with leave approved by the village secretary; plus the baseline's other committee
 * posts (organisation member, committee director, committee member/records, supervision chair),
 * all part time here (seed: 全职干部和兼职干部相结合) with leave approved by the village secretary.
 * Annual targets are left to the township (`target: null`): the seed sets none.
 */
export class LongshanPostTemplatePolicy implements PostTemplatePolicy {
  readonly templateName = '龙山县村（社区）全职化岗位（书记、全职化秘书、辅警）';

  private readonly baseline = new DefaultPostTemplatePolicy();

  postsFor(village: TemplateVillage): PostTemplateEntry[] {
    const place = village.kind === 'COMMUNITY' ? '社区' : '村';
    const baseline = this.baseline.postsFor(village);
    const secretary = baseline.find((p) => p.category === PostCategory.PARTY_SECRETARY);
    const fullTime: PostTemplateEntry[] = [
      {
        code: LONGSHAN_POSTS.secretary,
        title: `${place}党组织书记`,
        category: PostCategory.PARTY_SECRETARY,
        responsibilities: ['负责全盘工作', ...(secretary?.responsibilities ?? [])],
        targets: (secretary?.targets ?? []).map((t) => ({ ...t })),
        fullTime: true,
        leaveApprover: LeaveApprover.TOWNSHIP,
      },
      {
        code: LONGSHAN_POSTS.fullTimeSecretary,
        title: '全职化秘书',
        category: PostCategory.FULL_TIME_STAFF,
        responsibilities: [...FOUR_CLERK_DUTIES],
        targets: [{ title: '便民服务事项办理', measure: '件', target: null }],
        fullTime: true,
        leaveApprover: LeaveApprover.VILLAGE_SECRETARY,
      },
      {
        code: LONGSHAN_POSTS.auxiliaryPolice,
        title: '辅警',
        category: PostCategory.AUXILIARY_POLICE,
        responsibilities: [...AUXILIARY_POLICE_DUTIES],
        targets: [{ title: '矛盾纠纷排查化解', measure: '件', target: null }],
        fullTime: true,
        leaveApprover: LeaveApprover.VILLAGE_SECRETARY,
      },
    ];
    const partTime = baseline
      .filter((p) => p.category !== PostCategory.PARTY_SECRETARY)
      .map((p) => ({ ...p, responsibilities: [...p.responsibilities], targets: p.targets.map((t) => ({ ...t })), fullTime: false, leaveApprover: LeaveApprover.VILLAGE_SECRETARY }));
    return [...fullTime, ...partTime];
  }
}
