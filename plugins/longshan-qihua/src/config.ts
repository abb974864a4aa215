import { EducationLevel, Rating } from '@xiangzhi/personnel-api';
import { z } from 'zod';
import { NINE_VETTING_DEPARTMENTS, TEN_SITUATIONS } from './eligibility/situations';

/** The plugin's name: the key under `plugins:` and `counties.<code>.plugins:` in a deployment. */
export const PLUGIN_NAME = 'longshan-qihua';

const age = z.number().int().min(16).max(80);
const yuan = z.number().min(0).max(1_000_000);
const share = z.number().min(0).max(1);

/** 人选条件 who may hold which post (seed: 多元化选任 — 严格人选条件, 从严审核把关). */
const eligibility = z
  .strictObject({
    /** 最低年龄 minimum age for every post (national baseline, not in the seed). */
    minAge: age.default(18),
    /** 新任书记年龄须在此以下 a new secretary must be under this age (seed: 57周岁以下; 57 is refused). */
    newSecretaryAgeBelow: age.default(57),
    /** 连任书记年龄不超过 a re-appointed secretary may not be over this age (seed: 连任不超过60周岁). */
    reappointedSecretaryMaxAge: age.default(60),
    /** 书记党龄（年）years of Party membership a secretary needs (seed: 一年以上党龄). */
    secretaryPartyYears: z.number().int().min(0).max(30).default(1),
    /** 全职化秘书年龄一般不超过 full-time secretary: not over this age (seed: 一般不超35周岁). */
    fullTimeSecretaryMaxAge: age.default(35),
    /** 特别优秀的全职化秘书不超过 a full-time secretary marked exceptional: not over this age (seed: 特别优秀的不超过40周岁). */
    fullTimeSecretaryExceptionalMaxAge: age.default(40),
    /** 全职化秘书最低学历 full-time secretary's minimum education (seed: 一般具有大专及以上学历). */
    fullTimeSecretaryMinEducation: z.enum(EducationLevel).default(EducationLevel.COLLEGE),
    /**
     * 辅警年龄不超过 auxiliary police: not over this age (seed: 一般在45周岁以下, read as "45 or
     * younger"; a county reading it strictly sets 44).
     */
    auxiliaryPoliceMaxAge: age.default(45),
    /** 辅警最低学历 auxiliary police's minimum education (seed: 高中及以上学历). */
    auxiliaryPoliceMinEducation: z.enum(EducationLevel).default(EducationLevel.HIGH_SCHOOL),
    /** 其他岗位年龄上限 the other (part-time) posts: not over this age (national baseline, not in the seed). */
    otherPostsMaxAge: age.default(60),
    /** 其他岗位最低学历 the other posts' minimum education (national baseline, not in the seed). */
    otherPostsMinEducation: z.enum(EducationLevel).default(EducationLevel.JUNIOR_HIGH),
    /** 十种情形 the disqualifying situations (seed: 十种情形; the ten are an assumption, see `situations.ts`). */
    situations: z
      .array(z.strictObject({ code: z.string().regex(/^[A-Z][A-Z0-9_]{1,59}$/), zh: z.string().min(1), en: z.string().min(1) }))
      .min(1)
      .max(50)
      .default(TEN_SITUATIONS),
    /** 联审部门 the joint-vetting departments (seed: 纪检、组织、政法、公安、检察、法院、信访、卫健、农业). */
    vettingDepartments: z
      .array(
        z.strictObject({
          code: z.string().regex(/^[A-Z][A-Z0-9_]{1,59}$/),
          zh: z.string().min(1),
          en: z.string().min(1),
          keywords: z.array(z.string().min(1)).min(1),
        }),
      )
      .max(30)
      .default(() => [...NINE_VETTING_DEPARTMENTS]),
  })
  .refine((e) => e.fullTimeSecretaryExceptionalMaxAge >= e.fullTimeSecretaryMaxAge, {
    message: 'fullTimeSecretaryExceptionalMaxAge must not be below fullTimeSecretaryMaxAge',
    path: ['fullTimeSecretaryExceptionalMaxAge'],
  })
  .refine((e) => new Set(e.situations.map((s) => s.code)).size === e.situations.length, { message: 'situation codes must be unique', path: ['situations'] })
  .refine((e) => new Set(e.vettingDepartments.map((d) => d.code)).size === e.vettingDepartments.length, {
    message: 'department codes must be unique',
    path: ['vettingDepartments'],
  });

/** 坐班值守与执纪处置 duty and absence sanctions (seed: 脱产化工作). */
const attendance = z.strictObject({
  /** 村坐班服务不少于（小时）hours a working day in a village (seed: 不少于6小时). */
  villageWorkdayHours: z.number().min(0).max(12).default(6),
  /** 社区坐班服务不少于（小时）hours a working day in a community (seed: 不少于7小时). */
  communityWorkdayHours: z.number().min(0).max(12).default(7),
  /** 双休日、节假日每天至少坐班人数 people on duty each rest day (seed: 至少安排一名). */
  restDayCoverage: z.number().int().min(0).max(10).default(1),
  /** 第一次：扣除当月绩效比例 1st finding: share of the month's performance pay (seed: 30%). */
  firstAbsenceShare: share.default(0.3),
  /** 第二次：扣除当月绩效比例 2nd finding: share of the month's performance pay (seed: 扣除当月绩效 = 100%). */
  secondAbsenceShare: share.default(1),
  /** 第三次：扣除当季绩效比例 3rd finding: share of the quarter's performance pay (seed: 扣除当季绩效 = 100%). */
  thirdAbsenceShare: share.default(1),
  /**
   * Whether the 3rd finding's removal counts as a disciplinary sanction (纪律处分). Assumption (not in
   * the seed): no — 诫勉谈话 and 免职 are organisational measures (组织处理), not 党纪政务处分.
   */
  thirdAbsenceDisciplinary: z.boolean().default(false),
});

/** 职级化晋升 rank levels (seed: 10个级别，从低到高依次为第10级至第1级). */
const rank = z
  .strictObject({
    /** 职级数 number of levels; the lowest is this number, the highest 1 (seed: 10). */
    levels: z.number().int().min(2).max(30).default(10),
    /**
     * 每级职级报酬（元/月）monthly rank pay per level: level L pays step × (levels + 1 − L), so the
     * starting level 10 pays one step and level 1 ten. Assumption (not in the seed, which says only
     * that each level up raises it): 40 yuan, so that every level stays inside the seed's pay bands.
     */
    monthlyPayStep: yuan.default(40),
    /** 晋升一级的年度等次 ratings that move one level up (assumption: 优秀). */
    promoteOn: z.array(z.enum(Rating)).default([Rating.EXCELLENT]),
    /** 降低一级的年度等次 ratings that move one level down (assumption: 不称职). */
    demoteOn: z.array(z.enum(Rating)).default([Rating.INCOMPETENT]),
  })
  .refine((r) => !r.promoteOn.some((x) => r.demoteOn.includes(x)), { message: 'a rating cannot both promote and demote', path: ['demoteOn'] });

/**
 * One post's monthly pay and annual band. Base and performance defaults are assumptions (the seed
 * gives only the annual bands), chosen so that (base + rank pay + performance) × 12 lies inside the
 * band at every rank level with the default rank pay step (see README).
 */
const postPay = (base: number, performance: number, min: number | null, max: number | null) =>
  z
    .strictObject({
      /** 基本报酬（元/月）monthly base pay */
      baseMonthly: yuan.default(base),
      /** 绩效报酬标准（元/月，考核满分100时全额）monthly performance pay at an appraisal total of 100 */
      performanceMonthly: yuan.default(performance),
      /** 年报酬下限（元）annual band minimum; null: none */
      annualMin: yuan.nullable().default(min),
      /** 年报酬上限（元）annual band maximum; null: none */
      annualMax: yuan.nullable().default(max),
    })
    .refine((p) => p.annualMin === null || p.annualMax === null || p.annualMin <= p.annualMax, { message: 'annualMin must not exceed annualMax', path: ['annualMin'] })
    .prefault({});

/** 长效化保障 pay (seed: 基本报酬+工作绩效; 书记4–4.5万元, 全职化秘书3.56–4.23万元, 辅警不低于4万元). */
const pay = z.strictObject({
  /** 村（社区）党组织书记 Party secretary: 40,000–45,000 a year. */
  secretary: postPay(2400, 900, 40000, 45000),
  /** 全职化秘书 full-time secretary: 35,600–42,300 a year. */
  fullTimeSecretary: postPay(2100, 850, 35600, 42300),
  /** 辅警 auxiliary police: at least 40,000 a year. */
  auxiliaryPolice: postPay(2500, 850, 40000, null),
  /** 兼职岗位 the part-time posts (assumption, not in the seed: 1,200 + 400 a month, no band). */
  partTime: postPay(1200, 400, null, null),
});

/** 派单式管理 dispatch management (seed: 按月派单、按月考核，根据考核结果兑现奖惩). */
const dispatch = z.strictObject({
  /**
   * 派单考核奖励标准（元/人/月）monthly task reward per cadre at an average score of 100; paid as
   * reward × average score ÷ 100 of the month's assessed tasks (assumption, not in the seed: 300).
   */
  taskRewardMonthly: yuan.default(300),
});

/** 双有双奖 awards (seed: 每项荣誉奖励3千至5万元; 十无目标每年1万元; 按10%评选一类班子，每个1万元). */
const awards = z
  .strictObject({
    /** 每项荣誉奖励下限（元）honour award minimum (seed: 3,000). */
    honourMin: yuan.default(3000),
    /** 每项荣誉奖励上限（元）honour award maximum (seed: 50,000). */
    honourMax: yuan.default(50000),
    /** 实现十无目标每年奖励（元）yearly award for reaching the 十无 goals (seed: 10,000). */
    tenNoAward: yuan.min(0.01).default(10000),
    /** 一类班子评选比例 share of the county's rated village teams named 一类班子 (seed: 10%). */
    firstClassShare: share.default(0.1),
    /** 一类班子奖励（元/村）award per 一类班子 (seed: 10,000). */
    firstClassAward: yuan.min(0.01).default(10000),
    /**
     * 一类班子最少个数 at least this many 一类班子 when any village is rated (assumption, not in the
     * seed: 1, so a county with fewer than ten rated villages still names one).
     */
    firstClassMinimum: z.number().int().min(0).max(100).default(1),
  })
  .refine((a) => a.honourMin <= a.honourMax, { message: 'honourMin must not exceed honourMax', path: ['honourMin'] });

/**
 * 村集体经济提成 the collective-economy share of the target pay structure (seed: "形成'基本报酬+职级报酬+
 * 绩效报酬+村集体经济提成'报酬体系"). The seed names the component but gives no rate, basis or cap: every
 * number below is an assumption. Each month the village's cadres paid that month share
 * `basisPoints` ÷ 10,000 of the village's operating income of that month (the economy ledger's
 * 经营收入 + 发包及上交收入 + 投资收益, as recorded), equally, each share capped at `monthlyCapPerCadre`.
 */
const collectiveShare = z.strictObject({
  /** 提成比例（万分比）share of the month's operating income, in basis points; assumption: 500 (5%). 0 turns the component off. */
  basisPoints: z.number().int().min(0).max(5000).default(500),
  /** 每人每月提成上限（元）most one cadre gets a month; assumption: 1,000 yuan; null: no cap. */
  monthlyCapPerCadre: yuan.nullable().default(1000),
});

/** Per-county parameters; each default is the number of the county's source document (or a marked assumption). */
export const longshanQihuaConfig = z.strictObject({
  eligibility: eligibility.prefault({}),
  attendance: attendance.prefault({}),
  rank: rank.prefault({}),
  pay: pay.prefault({}),
  dispatch: dispatch.prefault({}),
  awards: awards.prefault({}),
  collectiveShare: collectiveShare.prefault({}),
});

export type LongshanQihuaConfig = z.output<typeof longshanQihuaConfig>;
/** One post's pay parameters. */
export type PostPayConfig = LongshanQihuaConfig['pay']['secretary'];

/** The defaults, as a county that sets nothing gets them. */
export const DEFAULT_CONFIG: LongshanQihuaConfig = longshanQihuaConfig.parse({});
