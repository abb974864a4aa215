import { LeaveApprover, PostCategory, type PostTemplateEntry, type PostTemplatePolicy, type TemplateVillage } from '@xiangzhi/personnel-api';
import type { SuyuSandingConfig } from './config';

/** One post of the 一委两站五岗 template before the assessment note is added to its targets. */
interface SuyuPost {
  code: string;
  title: string;
  category: PostCategory;
  responsibilities: string[];
  /** Annual targets: titles and measures; every value is set by the township. */
  targets: { title: string; measure: string }[];
  leaveApprover: LeaveApprover;
}

/**
 * The committee posts of 一委 (the new rural community Party committee, 新型农村社区党委) and the
 * posts of 两站五岗, with duty lists (职责清单) drawn from the seed: the committee "统筹管理村级人财物
 * 等各类资源，全面领导社区各类组织及基层党建、社会治理、农房改善等各项工作"; the stations and the five
 * specialist posts take the work the seed lists for them (三务公开, 全科窗口 and 一件事 lists, 红色物业,
 * 红色公益创投, 370 grids with "大数据+网格化+铁脚板" and the 平安乡村小管家 platform, 返乡兴村…).
 */
const POSTS: SuyuPost[] = [
  {
    code: 'secretary',
    title: '社区党委书记',
    category: PostCategory.PARTY_SECRETARY,
    responsibilities: [
      '全面领导社区各类组织及基层党建、社会治理、农房改善等各项工作',
      '统筹管理村级人财物等各类资源',
      '组织"两站五岗"设岗定责并督促履职',
      '落实"四议两公开"和党务、村务、财务"三务"公开',
    ],
    targets: [
      { title: '社区党建重点任务完成', measure: '项' },
      { title: '村集体经济经营性收入增长', measure: '%' },
    ],
    leaveApprover: LeaveApprover.TOWNSHIP,
  },
  {
    code: 'suyu.deputySecretary',
    title: '社区党委副书记',
    category: PostCategory.PARTY_COMMITTEE,
    responsibilities: ['协助书记主持社区党委日常工作', '分管社区治理和网格党支部建设', '牵头"两站五岗"日常调度'],
    targets: [{ title: '分管工作目标完成', measure: '项' }],
    leaveApprover: LeaveApprover.VILLAGE_SECRETARY,
  },
  {
    code: 'suyu.committeeMember',
    title: '社区党委委员',
    category: PostCategory.PARTY_COMMITTEE,
    responsibilities: ['落实社区党委分工事项', '联系网格党支部和党员中心户'],
    targets: [{ title: '分工事项完成', measure: '项' }],
    leaveApprover: LeaveApprover.VILLAGE_SECRETARY,
  },
  {
    code: 'suyu.partyBuildingStation',
    title: '党建工作站',
    category: PostCategory.FULL_TIME_STAFF,
    responsibilities: [
      '党员教育管理和"三会一课"',
      '推动"支部建在网格上"：社区党委—网格党支部—片区党小组—党员中心户',
      '党务公开（"三务"公开监管平台）',
      '返乡兴村新村干和后备力量培养',
    ],
    targets: [
      { title: '"三会一课"召开', measure: '次' },
      { title: '网格党支部（党小组）覆盖', measure: '%' },
    ],
    leaveApprover: LeaveApprover.VILLAGE_SECRETARY,
  },
  {
    code: 'suyu.civilisationStation',
    title: '文明实践站',
    category: PostCategory.FULL_TIME_STAFF,
    responsibilities: ['组织新时代文明实践活动和志愿服务', '开展"红色公益创投"，对接社会组织和创投项目', '移风易俗和村规民约宣传'],
    targets: [
      { title: '文明实践活动开展', measure: '次' },
      { title: '红色公益创投项目', measure: '个' },
    ],
    leaveApprover: LeaveApprover.VILLAGE_SECRETARY,
  },
  {
    code: 'suyu.convenienceService',
    title: '便民服务岗',
    category: PostCategory.FULL_TIME_STAFF,
    responsibilities: [
      '"互联网+基层全科窗口"一站式服务',
      '按"一件事"清单受理、代办群众事项',
      '减少办事环节、整合办事材料、缩短办事时限',
    ],
    targets: [
      { title: '"一件事"事项按时办结率', measure: '%' },
      { title: '群众办事满意率', measure: '%' },
    ],
    leaveApprover: LeaveApprover.VILLAGE_SECRETARY,
  },
  {
    code: 'suyu.industryDevelopment',
    title: '产业发展岗',
    category: PostCategory.FULL_TIME_STAFF,
    responsibilities: ['谋划和推进村集体产业项目', '盘活村级资产资源', '服务辖区农业经营主体和企业'],
    targets: [
      { title: '产业项目推进', measure: '个' },
      { title: '村集体经营性收入', measure: '万元' },
    ],
    leaveApprover: LeaveApprover.VILLAGE_SECRETARY,
  },
  {
    code: 'suyu.ecologicalLiving',
    title: '生态优居岗',
    category: PostCategory.FULL_TIME_STAFF,
    responsibilities: ['农房改善和人居环境整治', '"红色物业进村"：明确公共管理和群众包保区域', '引导群众参与环境管护，保持村容村貌常态整洁'],
    targets: [
      { title: '人居环境整治考评', measure: '分' },
      { title: '农房改善任务完成', measure: '户' },
    ],
    leaveApprover: LeaveApprover.VILLAGE_SECRETARY,
  },
  {
    code: 'suyu.gridGovernance',
    title: '网格治理岗',
    category: PostCategory.FULL_TIME_STAFF,
    responsibilities: [
      '"村（社区）—网格—片区"网格化管理',
      '落实"大数据+网格化+铁脚板"机制，使用"平安乡村小管家"平台',
      '群众诉求"收集—处理—反馈"闭环办理',
      '矛盾纠纷排查化解和平安建设',
    ],
    targets: [
      { title: '网格事件按时办结率', measure: '%' },
      { title: '矛盾纠纷化解率', measure: '%' },
    ],
    leaveApprover: LeaveApprover.VILLAGE_SECRETARY,
  },
  {
    code: 'suyu.incomeGrowth',
    title: '富民增收岗',
    category: PostCategory.FULL_TIME_STAFF,
    responsibilities: ['拓展农民增收和村集体增收路径', '组织就业技能培训和就业创业服务', '联系服务"返乡兴村"人才'],
    targets: [
      { title: '农民人均可支配收入增长', measure: '%' },
      { title: '就业创业服务', measure: '人次' },
    ],
    leaveApprover: LeaveApprover.VILLAGE_SECRETARY,
  },
];

/**
 * 定岗 一委两站五岗: the community Party committee (secretary, deputy secretary, committee member),
 * the Party-building work station and the civilisation practice station, and the five specialist
 * posts 便民服务岗, 产业发展岗, 生态优居岗, 网格治理岗, 富民增收岗. Every post is full-time ("所有村
 * (社区)干部由兼职全部转为专职"); stations and specialist posts are FULL_TIME_STAFF. Each post's
 * annual targets are set by the township (`target: null`) and appraised monthly or quarterly
 * (`assessment`), which the target's measure says.
 */
export class SuyuPostTemplatePolicy implements PostTemplatePolicy {
  readonly templateName = '一委两站五岗';

  constructor(private readonly config: SuyuSandingConfig) {}

  postsFor(village: TemplateVillage): PostTemplateEntry[] {
    const note = this.config.assessment === 'QUARTER' ? '乡（镇）设定，按季度考核' : '乡（镇）设定，按月考核';
    const committee = village.kind === 'COMMUNITY' ? '社区' : '村';
    return POSTS.map((p) => ({
      code: p.code,
      // a villagers' committee keeps the same posts under the name 村党委 / 村 (the seed's "村(社区)")
      title: p.title.replace(/^社区/, committee),
      category: p.category,
      responsibilities: [...p.responsibilities],
      targets: p.targets.map((t) => ({ title: t.title, measure: `${t.measure}（${note}）`, target: null })),
      fullTime: true,
      leaveApprover: p.leaveApprover,
    }));
  }
}
