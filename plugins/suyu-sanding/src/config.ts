import { JOINT_VETTING_DEPARTMENTS } from '@xiangzhi/personnel-api';
import { z } from 'zod';

/** The plugin's name: the key under `plugins:` and `counties.<code>.plugins:` in a deployment. */
export const PLUGIN_NAME = 'suyu-sanding';

/**
 * 四岗 the four post classes of the "四岗20级" base-pay scale. The seed names the scale (4 post
 * classes × 20 grades) but not the classes; assumption, not in the seed: 书记岗 (Party secretary),
 * 副职岗 (deputy secretary, committee director), 委员岗 (other members of the two committees),
 * 专职岗 (full-time staff: station and specialist-post holders outside the two committees).
 */
export const POST_CLASSES = ['SECRETARY', 'DEPUTY', 'MEMBER', 'STAFF'] as const;
export type PostClass = (typeof POST_CLASSES)[number];

export const POST_CLASS_TITLES: Record<PostClass, { zh: string; en: string }> = {
  SECRETARY: { zh: '书记岗', en: 'secretary class' },
  DEPUTY: { zh: '副职岗', en: 'deputy class' },
  MEMBER: { zh: '委员岗', en: 'member class' },
  STAFF: { zh: '专职岗', en: 'full-time staff class' },
};

/** Post categories as the personnel subgraph publishes them (`PostCategory`), for config keys. */
export const POST_CATEGORIES = ['PARTY_SECRETARY', 'PARTY_COMMITTEE', 'COMMITTEE_DIRECTOR', 'COMMITTEE_MEMBER', 'SUPERVISION', 'FULL_TIME_STAFF', 'AUXILIARY_POLICE'] as const;

const postClass = z.enum(POST_CLASSES);
const postCategory = z.enum(POST_CATEGORIES);
const yuan = z.number().min(0).max(1_000_000);
const weight = z.number().min(0).max(1);
const sumsToOne = (weights: number[]) => Math.abs(weights.reduce((s, w) => s + w, 0) - 1) < 1e-6;

/** One class of the base-pay scale: grade 1 and the raise per grade (monthly, yuan). */
const payClass = (grade1: number, step: number) =>
  z
    .strictObject({
      /** 第1级月基本报酬 monthly base pay at grade 1 */
      grade1: yuan.default(grade1),
      /** 每晋一级增加 monthly raise per grade */
      step: yuan.default(step),
    })
    .prefault({});

/** A 刚性退出情形 hard exit situation (also a refusal ground at entry: 凡进必审). */
const situation = z.strictObject({
  /** Stable code, e.g. `CRIMINAL_RECORD` (what candidates and flags name). */
  code: z.string().regex(/^[A-Z][A-Z0-9_]{0,59}$/, 'code must be SCREAMING_CASE, at most 60 characters'),
  zh: z.string().min(1).max(200),
  en: z.string().min(1).max(300),
});
export type ExitSituation = z.output<typeof situation>;

/**
 * 13种刚性退出情形 the seed names the count ("明确干部选任标准、程序和13种刚性退出情形") but not the
 * items. Assumption, not in the seed: composed from the national rules for village cadres (the
 * 村"两委"换届 qualification rules and the joint-vetting negative lists); the seven baseline
 * disqualifying situations keep their baseline codes.
 */
export const DEFAULT_EXIT_SITUATIONS: ExitSituation[] = [
  { code: 'CRIMINAL_RECORD', zh: '受过刑事处罚', en: 'has a criminal conviction' },
  { code: 'PARTY_DISCIPLINE', zh: '受到党纪政务处分尚在影响期内', en: 'under a Party or administrative disciplinary penalty still in force' },
  { code: 'UNDER_INVESTIGATION', zh: '正在被纪检监察机关立案审查调查或被司法机关立案侦查', en: 'under investigation by discipline or judicial organs' },
  { code: 'ORGANISED_CRIME', zh: '涉黑涉恶、充当黑恶势力"保护伞"或参与宗族恶势力', en: 'involved in organised crime, protecting it, or in clan gangs' },
  { code: 'ELECTION_FRAUD', zh: '有贿选、拉票等破坏选举行为', en: 'bribed voters or otherwise undermined an election' },
  { code: 'DEFAULTER', zh: '被列为失信被执行人', en: 'listed as a judgment defaulter' },
  { code: 'ILLEGAL_RELIGION', zh: '参与非法宗教活动或邪教组织', en: 'takes part in illegal religious activity or a cult' },
  { code: 'FAMILY_PLANNING', zh: '违反人口与计划生育法律法规且未处理完毕', en: 'violated the population and family planning laws without settling it' },
  { code: 'PETITION_AGITATION', zh: '煽动群众闹事、扰乱公共秩序或组织缠访闹访', en: 'incited disturbances, disrupted public order or organised disruptive petitions' },
  { code: 'LONG_ABSENCE', zh: '长期不在岗、不能正常履行职责', en: 'long absent from the post and unable to perform the duties' },
  { code: 'REFUSING_WORK', zh: '拒不执行上级党组织决定、拒不完成乡（镇）交办工作任务', en: 'refuses the decisions of the higher Party organisation or the work the township assigns' },
  { code: 'INCOMPETENT_TWICE', zh: '年度考核连续两年被评为不称职', en: 'rated incompetent in the annual appraisal two years running' },
  { code: 'EMBEZZLEMENT', zh: '侵占挪用集体"三资"、优亲厚友或吃拿卡要侵害群众利益', en: 'embezzled collective funds, assets or resources, favoured relatives or extorted residents' },
];

/** A department of the joint vetting (联审联查) and the words its name is recognised by. */
const vettingDepartment = z.strictObject({
  /** Stable code, e.g. `POLICE`; a vetting result whose department is the code itself also counts. */
  code: z.string().regex(/^[A-Z][A-Z0-9_]{1,59}$/, 'code must be SCREAMING_CASE, 2 to 60 characters'),
  zh: z.string().min(1).max(60),
  en: z.string().min(1).max(120),
  /** A vetting result belongs to this department when its department name contains one of these. */
  keywords: z.array(z.string().min(1).max(20)).min(1).max(10),
});
export type SuyuVettingDepartment = z.output<typeof vettingDepartment>;

/**
 * 联审联查部门 凡进必审: every candidate is vetted by each of these departments before appointment.
 * The seed names the district's 《村(社区)干部联审联查实施办法》 but not its departments; assumption,
 * not in the seed: the joint-vetting departments the source documents name for village cadres
 * (纪检、组织、政法、公安、检察、法院、信访、卫健、农业): personnel-api's `JOINT_VETTING_DEPARTMENTS`.
 */
export const DEFAULT_VETTING_DEPARTMENTS: readonly SuyuVettingDepartment[] = JOINT_VETTING_DEPARTMENTS;

/** A dimension of the monthly or quarterly post appraisal. */
const dimension = z.strictObject({
  code: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,40}$/),
  title: z.string().min(1).max(40),
  weight,
});

/**
 * 月度（季度）岗位考核维度 assumption, not in the seed (it says only that townships set each post's
 * annual targets and appraise them monthly or quarterly): target completion 50%, duty performance
 * 20%, work discipline 15%, residents' feedback 15%.
 */
export const DEFAULT_POST_DIMENSIONS = [
  { code: 'targetCompletion', title: '年度目标任务完成', weight: 0.5 },
  { code: 'dutyPerformance', title: '岗位职责履行', weight: 0.2 },
  { code: 'workDiscipline', title: '工作纪律（坐班、请销假）', weight: 0.15 },
  { code: 'residentFeedback', title: '群众评价', weight: 0.15 },
];

/** 星级豫美村干勋章 one tier of the departure honour: after `years` of service, `stars` and a one-off `payment`. */
const honorTier = z.strictObject({
  years: z.number().int().min(1).max(60),
  stars: z.number().int().min(1).max(10),
  payment: yuan,
});

/** 区县报告目标值 figures the county reports beside the actual ones (the seed's own figures by default). */
const cadreTargets = (averageAge: number, collegeShare: number) =>
  z
    .strictObject({
      averageAge: z.number().min(0).max(100).default(averageAge),
      collegeShare: z.number().min(0).max(1).default(collegeShare),
    })
    .prefault({});

/** Per-county parameters; defaults are the seed's numbers, or documented assumptions where it has none. */
export const suyuSandingConfig = z.strictObject({
  /** 按月或按季度考核 how the township appraises posts (seed: "按月或按季度进行考核，发放考核报酬"); MONTH by default. */
  assessment: z.enum(['MONTH', 'QUARTER']).default('MONTH'),

  /** 基本报酬"四岗20级" the base-pay scale. */
  payScale: z
    .strictObject({
      /** 级数 grades per post class (seed: 20). */
      grades: z.number().int().min(1).max(50).default(20),
      /**
       * Grade 1 and the raise per grade of each class, monthly yuan. Assumption, not in the seed
       * (it gives no amounts): 书记岗 3,600 + 80, 副职岗 3,200 + 70, 委员岗 2,800 + 60, 专职岗 2,400 + 50
       * a grade, so grade 20 pays 5,120 / 4,530 / 3,940 / 3,350.
       */
      classes: z
        .strictObject({
          SECRETARY: payClass(3600, 80),
          DEPUTY: payClass(3200, 70),
          MEMBER: payClass(2800, 60),
          STAFF: payClass(2400, 50),
        })
        .prefault({}),
      /** The class a post code puts its holder in (checked before the category), e.g. the deputy secretary. */
      classByPostCode: z.record(z.string().min(1).max(64), postClass).default({ 'suyu.deputySecretary': 'DEPUTY' }),
      /** The class of each post category (assumption, not in the seed). */
      classByCategory: z
        .strictObject({
          PARTY_SECRETARY: postClass.default('SECRETARY'),
          COMMITTEE_DIRECTOR: postClass.default('DEPUTY'),
          PARTY_COMMITTEE: postClass.default('MEMBER'),
          COMMITTEE_MEMBER: postClass.default('MEMBER'),
          SUPERVISION: postClass.default('MEMBER'),
          FULL_TIME_STAFF: postClass.default('STAFF'),
          AUXILIARY_POLICE: postClass.default('STAFF'),
        })
        .prefault({}),
    })
    .prefault({}),

  /**
   * 考核报酬 monthly appraisal pay at a total of 100, by post class (scaled by the appraisal total;
   * paid monthly, or three months' worth at the end of each quarter under QUARTER assessment).
   * Assumption, not in the seed: 1,500 / 1,300 / 1,100 / 900.
   */
  appraisalPay: z
    .strictObject({
      SECRETARY: yuan.default(1500),
      DEPUTY: yuan.default(1300),
      MEMBER: yuan.default(1100),
      STAFF: yuan.default(900),
    })
    .prefault({}),

  /** 专项工作报酬、发展报酬 the largest single amount a township may record (assumption, not in the seed: 20,000). */
  payItemMaxAmount: yuan.default(20000),

  /** 考核评价 appraisal dimensions, the 三位一体 annual weights, rating thresholds and quotas. */
  appraisal: z
    .strictObject({
      /** Monthly / quarterly post appraisal dimensions (weights sum to 1). */
      postDimensions: z
        .array(dimension)
        .min(1)
        .max(20)
        .refine((ds) => sumsToOne(ds.map((d) => d.weight)), 'weights must sum to 1')
        .refine((ds) => new Set(ds.map((d) => d.code)).size === ds.length, 'dimension codes must be unique')
        .default(DEFAULT_POST_DIMENSIONS),
      /**
       * 三位一体 annual evaluation: 区级综合考核 + 乡镇党委工作评价 + 群众满意度测评. The seed names the
       * three parts but gives no weights; assumption: 0.5 / 0.3 / 0.2.
       */
      annualWeights: z
        .strictObject({
          districtAppraisal: weight.default(0.5),
          townshipEvaluation: weight.default(0.3),
          residentSatisfaction: weight.default(0.2),
        })
        .prefault({})
        .refine((w) => sumsToOne([w.districtAppraisal, w.townshipEvaluation, w.residentSatisfaction]), 'weights must sum to 1'),
      /** 等次阈值 assumption, not in the seed (as for public institutions): ≥ 90 优秀, ≥ 70 称职, ≥ 60 基本称职, below 不称职. */
      thresholds: z
        .strictObject({
          excellent: z.number().min(0).max(100).default(90),
          competent: z.number().min(0).max(100).default(70),
          basic: z.number().min(0).max(100).default(60),
        })
        .prefault({})
        .refine((t) => t.excellent >= t.competent && t.competent >= t.basic, 'thresholds must not increase: excellent ≥ competent ≥ basic'),
      /** 优秀比例 at most this share of a township's rated cadres (seed: "参照事业单位人员…比例"; 20% as for public institutions). */
      excellentQuota: z.number().min(0).max(1).default(0.2),
      /**
       * 不称职比例下限 when set, at least this share of a township's rated cadres (the lowest totals,
       * rounded down) is rated 不称职; none by default (the seed sets no such floor).
       */
      incompetentFloor: z.number().min(0).max(1).nullable().default(null),
    })
    .prefault({}),

  /** 13种刚性退出情形 (see DEFAULT_EXIT_SITUATIONS; the seed gives the count 13, the items are assumed). */
  exitSituations: z
    .array(situation)
    .min(1)
    .max(100)
    .refine((list) => new Set(list.map((s) => s.code)).size === list.length, 'situation codes must be unique')
    .default(DEFAULT_EXIT_SITUATIONS),

  /**
   * 联审联查部门 (凡进必审) the departments that must each have vetted and passed a candidate before an
   * appointment (see DEFAULT_VETTING_DEPARTMENTS; an empty list requires none).
   */
  vettingDepartments: z
    .array(vettingDepartment)
    .max(30)
    .refine((list) => new Set(list.map((d) => d.code)).size === list.length, 'department codes must be unique')
    .default(() => [...DEFAULT_VETTING_DEPARTMENTS]),

  /** 正常离任荣誉金和星级豫美村干勋章 the departure honour. */
  honor: z
    .strictObject({
      /** 勋章名称 the medal's name (seed). */
      medal: z.string().min(1).max(60).default('星级豫美村干勋章'),
      /**
       * Tiers by years of service (seed: 5, 10, 15 and 20 years); the highest tier reached applies.
       * The payments and star counts are not in the seed; assumption: 5,000 / 10,000 / 15,000 / 20,000
       * yuan and one to four stars.
       */
      tiers: z
        .array(honorTier)
        .min(1)
        .max(20)
        .refine((ts) => ts.every((t, i) => i === 0 || t.years > ts[i - 1].years), 'tiers must be in increasing years')
        .default([
          { years: 5, stars: 1, payment: 5000 },
          { years: 10, stars: 2, payment: 10000 },
          { years: 15, stars: 3, payment: 15000 },
          { years: 20, stars: 4, payment: 20000 },
        ]),
    })
    .prefault({}),

  /** 干部队伍情况 who the county report counts as secretaries and as members of the two committees (村"两委"成员). */
  profile: z
    .strictObject({
      secretaryCategories: z.array(postCategory).min(1).default(['PARTY_SECRETARY']),
      committeeCategories: z.array(postCategory).min(1).default(['PARTY_SECRETARY', 'PARTY_COMMITTEE', 'COMMITTEE_DIRECTOR', 'COMMITTEE_MEMBER']),
    })
    .prefault({}),

  /**
   * 报告目标值 the seed's own figures, reported beside the actual ones: 72 villages (涉农村、社区)
   * divided into 370 grids; newly nominated secretaries average 40.4 years with 82.9% college or
   * higher, members of the two committees 37.5 years and 67%. `null` reports no targets.
   */
  reportTargets: z
    .strictObject({
      villages: z.number().int().min(0).default(72),
      grids: z.number().int().min(0).default(370),
      secretaries: cadreTargets(40.4, 0.829),
      committeeMembers: cadreTargets(37.5, 0.67),
    })
    .nullable()
    .prefault({}),
});

export type SuyuSandingConfig = z.output<typeof suyuSandingConfig>;
export type SuyuAssessment = SuyuSandingConfig['assessment'];
