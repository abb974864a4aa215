import { LeaveApprover, PostCategory, type PostTemplateEntry, type PostTemplatePolicy, type TemplateVillage } from '@xiangzhi/personnel-api';
import { JiangxiPostClass, POST_CODE_PREFIX } from './post-class';

/** One post of the template before the village kind fills in the committee's name. */
interface JiangxiPost {
  postClass: JiangxiPostClass;
  /** Code after the class prefix (empty for the one principal post). */
  key: string;
  title: (committee: string) => string;
  category: PostCategory;
  /** 职责清单 responsibilities list (职责清单化); the holder answers for them (分工负责制). */
  responsibilities: string[];
  targets: PostTemplateEntry['targets'];
  fullTime: boolean;
  leaveApprover: LeaveApprover;
}

/**
 * The 大岗位制 posts. 正职岗: the Party secretary who is also the committee director (一肩挑, as the seed's
 * "推动村党组织书记通过法定程序担任……负责人" and "加强村级'一肩挑'人员管理监督" assume); 副职岗: the deputy
 * secretary, the deputy director and the supervision chair; 委员岗: three committee members. Duty lists
 * follow the seed's tasks (四议两公开, 双履职双述职, 网格化, 党员积分, 三源共治, 三务公开, 文明实践…).
 */
const POSTS: readonly JiangxiPost[] = [
  {
    postClass: JiangxiPostClass.PRINCIPAL,
    key: '',
    title: (committee) => `党组织书记、${committee}主任（正职岗，“一肩挑”）`,
    category: PostCategory.PARTY_SECRETARY,
    responsibilities: [
      '主持村党组织和村（居）民委员会全面工作',
      '落实村级重大事项“四议两公开”',
      '抓党员教育管理，两年内至少发展党员一名',
      '推动村级集体经济发展壮大，兼任集体经济组织负责人',
      '每年向乡（镇）党委、党员大会述职述廉，向村（居）民会议述职（双履职双述职）',
    ],
    targets: [
      { title: '召开“三会一课”', measure: '次', target: 12 },
      { title: '述职述廉', measure: '次', target: 2 },
      { title: '集体经济经营性收入增长', measure: '%', target: null },
    ],
    fullTime: true,
    leaveApprover: LeaveApprover.TOWNSHIP,
  },
  {
    postClass: JiangxiPostClass.DEPUTY,
    key: 'deputySecretary',
    title: () => '党组织副书记（副职岗）',
    category: PostCategory.PARTY_COMMITTEE,
    responsibilities: ['协助书记抓党建工作', '负责乡村网格化治理和网格党支部（党小组）建设', '推行党员量化积分管理和党员户挂牌', '流动党员分类教育管理'],
    targets: [{ title: '党员积分按月公示', measure: '次', target: 12 }],
    fullTime: true,
    leaveApprover: LeaveApprover.VILLAGE_SECRETARY,
  },
  {
    postClass: JiangxiPostClass.DEPUTY,
    key: 'deputyDirector',
    title: (committee) => `${committee}副主任（副职岗）`,
    category: PostCategory.COMMITTEE_MEMBER,
    responsibilities: ['协助主任处理村（居）务', '负责产业发展和党员致富带头人培养', '负责便民服务和“帮代办”', '村级公众号、微信群公开党务村务财务（三务公开）'],
    targets: [
      { title: '培养党员致富带头人', measure: '名', target: 3 },
      { title: '三务公开', measure: '次', target: 4 },
    ],
    fullTime: true,
    leaveApprover: LeaveApprover.VILLAGE_SECRETARY,
  },
  {
    postClass: JiangxiPostClass.DEPUTY,
    key: 'supervision',
    title: () => '村务监督委员会主任（副职岗）',
    category: PostCategory.SUPERVISION,
    responsibilities: ['对“小微权力”运行常态化监督', '监督“四议两公开”落实和三务公开', '列席“两委”会议'],
    targets: [{ title: '监督检查', measure: '次', target: 4 }],
    fullTime: false,
    leaveApprover: LeaveApprover.VILLAGE_SECRETARY,
  },
  {
    postClass: JiangxiPostClass.MEMBER,
    key: 'organisation',
    title: () => '党组织委员（组织、宣传）（委员岗）',
    category: PostCategory.PARTY_COMMITTEE,
    responsibilities: ['党员发展和党费收缴', '新时代文明实践和乡风文明（红黑榜、文明积分）', '“好商量”协商议事组织'],
    targets: [{ title: '主题党日', measure: '次', target: 12 }],
    fullTime: false,
    leaveApprover: LeaveApprover.VILLAGE_SECRETARY,
  },
  {
    postClass: JiangxiPostClass.MEMBER,
    key: 'governance',
    title: (committee) => `${committee}委员（综治、调解）（委员岗）`,
    category: PostCategory.COMMITTEE_MEMBER,
    responsibilities: ['平安乡村建设和社会治安综合治理', '矛盾纠纷村级“初诊”调解（三源共治）', '应急处置和社会救助'],
    targets: [{ title: '矛盾纠纷调解成功率', measure: '%', target: 95 }],
    fullTime: false,
    leaveApprover: LeaveApprover.VILLAGE_SECRETARY,
  },
  {
    postClass: JiangxiPostClass.MEMBER,
    key: 'clerk',
    title: (committee) => `${committee}委员（文书、数字化）（委员岗）`,
    category: PostCategory.COMMITTEE_MEMBER,
    responsibilities: ['档案管理、会议记录、统计报表', '数字乡村平台（X政通、X服通、江西党建云）数据上传维护', '“群众在线点单”受理登记'],
    targets: [{ title: '档案归档率', measure: '%', target: 100 }],
    fullTime: false,
    leaveApprover: LeaveApprover.VILLAGE_SECRETARY,
  },
];

/** The template code of a post: the class prefix and the post's key. */
function codeOf(post: JiangxiPost): string {
  return post.postClass === JiangxiPostClass.PRINCIPAL ? POST_CODE_PREFIX.PRINCIPAL : `${POST_CODE_PREFIX[post.postClass]}${post.key}`;
}

/**
 * 大岗位制 the county's post template: one 正职岗 (secretary and director, 一肩挑), three 副职岗 and three
 * 委员岗, each with its duty list and default annual targets. The class is part of the code
 * (`jiangxi.principal`, `jiangxi.deputy.*`, `jiangxi.member.*`) and of the title. Communities get the
 * residents' committee (居民委员会) titles.
 */
export class JiangxiPostTemplatePolicy implements PostTemplatePolicy {
  readonly templateName = '村级组织“大岗位制”（正职岗、副职岗、委员岗）';

  postsFor(village: TemplateVillage): PostTemplateEntry[] {
    const committee = village.kind === 'COMMUNITY' ? '居民委员会' : '村民委员会';
    return POSTS.map((p) => ({
      code: codeOf(p),
      title: p.title(committee),
      category: p.category,
      responsibilities: [...p.responsibilities],
      targets: p.targets.map((t) => ({ ...t })),
      fullTime: p.fullTime,
      leaveApprover: p.leaveApprover,
    }));
  }
}
