import { createExtensionPoint } from '@xiangzhi/kernel';
import { LeaveApprover, PostCategory } from './common';

/** 年度目标 one annual target of a post, set by the township. */
export interface PostTargetTemplate {
  title: string;
  /** How it is measured (unit or standard), e.g. `件`, `%`, `完成`. */
  measure: string;
  /** Target value for the year; null when the township sets it. */
  target: number | null;
}

/** 岗位模板 one post a village must have. */
export interface PostTemplateEntry {
  /** Stable code within the template, e.g. `secretary`, `longshan.auxiliaryPolice`. */
  code: string;
  title: string;
  category: PostCategory;
  /** 职责清单 responsibilities list. */
  responsibilities: string[];
  /** Default annual targets (the township may change them per post). */
  targets: PostTargetTemplate[];
  /** 全职 whether the holder works full time. */
  fullTime: boolean;
  /** Who approves the holder's leave. */
  leaveApprover: LeaveApprover;
}

/** The village a template is applied to. */
export interface TemplateVillage {
  code: string;
  /** 社区 (residents' committee, village part 001–199) or 行政村 (villagers' committee). */
  kind: 'COMMUNITY' | 'VILLAGE';
}

/** 定岗 which posts a village must have (`applyPostTemplate`). */
export interface PostTemplatePolicy {
  /** Name of the template, e.g. `村两委基本岗位`, `一委两站五岗`. */
  readonly templateName: string;
  postsFor(village: TemplateVillage): PostTemplateEntry[];
}

export const postTemplatePolicyPoint = createExtensionPoint<PostTemplatePolicy>({
  id: 'personnel.postTemplate',
  subgraph: 'personnel',
  title: { zh: '定岗模板', en: 'Post template' },
});

/**
 * National baseline: the posts of the two village committees (村"两委") under the Organic Law of
 * Villagers' Committees and the Party's rules for rural grass-roots organisations — Party secretary,
 * Party committee member (organisation), committee director, committee member (records), and the
 * village affairs supervision committee chair.
 */
export class DefaultPostTemplatePolicy implements PostTemplatePolicy {
  readonly templateName = '村（社区）"两委"基本岗位';

  postsFor(village: TemplateVillage): PostTemplateEntry[] {
    const committee = village.kind === 'COMMUNITY' ? '居民委员会' : '村民委员会';
    return [
      {
        code: 'secretary',
        title: '党组织书记',
        category: PostCategory.PARTY_SECRETARY,
        responsibilities: ['主持党组织全面工作', '落实"四议两公开"', '抓党员教育管理', '推动集体经济发展'],
        targets: [
          { title: '召开"三会一课"', measure: '次', target: 12 },
          { title: '集体经济经营性收入增长', measure: '%', target: null },
        ],
        fullTime: true,
        leaveApprover: LeaveApprover.TOWNSHIP,
      },
      {
        code: 'organisation',
        title: '党组织委员（组织）',
        category: PostCategory.PARTY_COMMITTEE,
        responsibilities: ['党员发展与管理', '党费收缴', '党员积分管理'],
        targets: [{ title: '党员积分按月公示', measure: '次', target: 12 }],
        fullTime: false,
        leaveApprover: LeaveApprover.VILLAGE_SECRETARY,
      },
      {
        code: 'director',
        title: `${committee}主任`,
        category: PostCategory.COMMITTEE_DIRECTOR,
        responsibilities: ['主持村（居）务', '组织实施村（居）民会议决定', '便民服务'],
        targets: [{ title: '村（居）务公开', measure: '次', target: 4 }],
        fullTime: true,
        leaveApprover: LeaveApprover.TOWNSHIP,
      },
      {
        code: 'clerk',
        title: `${committee}委员（文书）`,
        category: PostCategory.COMMITTEE_MEMBER,
        responsibilities: ['档案管理', '会议记录', '统计报表'],
        targets: [{ title: '档案归档率', measure: '%', target: 100 }],
        fullTime: false,
        leaveApprover: LeaveApprover.VILLAGE_SECRETARY,
      },
      {
        code: 'supervision',
        title: '村务监督委员会主任',
        category: PostCategory.SUPERVISION,
        responsibilities: ['监督村务公开', '监督集体"三资"管理', '列席"两委"会议'],
        targets: [{ title: '监督检查', measure: '次', target: 4 }],
        fullTime: false,
        leaveApprover: LeaveApprover.VILLAGE_SECRETARY,
      },
    ];
  }
}
