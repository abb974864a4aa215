import { z } from 'zod';

/** The plugin's name: the key under `plugins:` and `counties.<code>.plugins:` in a deployment. */
export const PLUGIN_NAME = 'jiangxi-135';

const money = z.number().min(0).max(1_000_000);
/** One amount per service band. */
const gradeRow = z.array(money).min(1).max(20);

/**
 * 乡村网格化治理 grid sizing (seed: "以现有村民小组为基本单元，按照50户左右规模划分网格……每名网格员联系10户左右农户").
 */
const gridConfig = z.strictObject({
  /** 每个网格约50户 households per grid (seed) */
  householdsPerGrid: z.number().int().min(1).max(1000).default(50),
  /** 每名网格员联系约10户 households linked to one grid member (seed) */
  householdsPerMember: z.number().int().min(1).max(200).default(10),
  /** "左右"的容差 relative tolerance around both targets; assumption: ±20% (the national baseline's), not in the seed */
  tolerance: z.number().min(0).lt(1).default(0.2),
  /**
   * 人口集中的村民小组或中心社区适当扩大网格户数规模: the factor a grid in a community (社区, village part
   * 001–199) may be larger by; assumption: 1.5 (about 75 households), not in the seed.
   */
  denseAreaFactor: z.number().min(1).max(5).default(1.5),
});

/**
 * 网格长、网格员年度考核 the yearly appraisal of grid workers (seed: "每年对网格长、网格员工作绩效进行考核，根据
 * 考核结果差异化给予工作补贴，对表现优秀的给予奖励，对不胜任的及时予以调整"). The seed gives no numbers;
 * every threshold and amount below is an assumption. Below `basicMin` a worker is 不称职: no allowance,
 * flagged for adjustment.
 */
const gridWorkerAppraisalConfig = z
  .strictObject({
    /** 优秀 from this score (0–100); assumption: 90 */
    excellentMin: z.number().min(0).max(100).default(90),
    /** 称职 from this score; assumption: 70 */
    competentMin: z.number().min(0).max(100).default(70),
    /** 基本称职 from this score; below it 不称职; assumption: 60 */
    basicMin: z.number().min(0).max(100).default(60),
    /** 优秀 yearly work allowance, yuan; assumption: 3,600 */
    excellentAllowance: money.default(3600),
    /** 称职 yearly work allowance, yuan; assumption: 3,000 */
    competentAllowance: money.default(3000),
    /** 基本称职 yearly work allowance, yuan; assumption: 1,800 */
    basicAllowance: money.default(1800),
    /** 对表现优秀的给予奖励: award on top for 优秀, yuan; assumption: 1,000 */
    excellentAward: money.default(1000),
  })
  .refine((c) => c.excellentMin > c.competentMin && c.competentMin > c.basicMin, {
    message: 'thresholds must fall: excellentMin > competentMin > basicMin',
  })
  .refine((c) => c.excellentAllowance >= c.competentAllowance && c.competentAllowance >= c.basicAllowance, {
    message: 'allowances must not rise as the tier falls',
  });

/**
 * 岗位等级薪酬 post-grade pay "与工作职责、年限、业绩相挂钩" (duties: the 大岗位制 post class; years: service
 * bands from `serviceStart`; results: last year's rating and the month's appraisal). The seed names the
 * principle only; every amount is an assumption (yuan a month).
 */
const payConfig = z
  .strictObject({
    /** 任职年限档次 lower bounds of the service-year bands, ascending from 0; assumption: 0, 3, 6, 10, 15 years */
    serviceBands: z.array(z.number().int().min(0).max(60)).min(1).max(20).default([0, 3, 6, 10, 15]),
    /** 正职岗 monthly post-grade pay per band; assumption: 2,600 … 3,200 */
    principalGrades: gradeRow.default([2600, 2750, 2900, 3050, 3200]),
    /** 副职岗 monthly post-grade pay per band; assumption: 2,100 … 2,580 */
    deputyGrades: gradeRow.default([2100, 2220, 2340, 2460, 2580]),
    /** 委员岗 monthly post-grade pay per band; assumption: 1,700 … 2,100 */
    memberGrades: gradeRow.default([1700, 1800, 1900, 2000, 2100]),
    /** 正职岗 performance pay at an appraisal total of 100; assumption: 1,200 */
    principalPerformance: money.default(1200),
    /** 副职岗 performance pay at 100; assumption: 1,000 */
    deputyPerformance: money.default(1000),
    /** 委员岗 performance pay at 100; assumption: 800 */
    memberPerformance: money.default(800),
    /** 业绩 monthly result pay after an 优秀 year; assumption: 300 */
    excellentResultPay: money.default(300),
    /** after a 称职 year; assumption: 150 */
    competentResultPay: money.default(150),
    /** after a 基本称职 year; assumption: 0 */
    basicResultPay: money.default(0),
    /** 不称职 the year before: the post grade is paid this many bands lower; assumption: 1 */
    incompetentBandsDown: z.number().int().min(0).max(20).default(1),
    /** Whether the baseline rank pay (职级报酬) is paid on top; assumption: no, the post grade replaces it */
    includeRankPay: z.boolean().default(false),
  })
  .refine((c) => c.serviceBands[0] === 0 && c.serviceBands.every((b, i) => i === 0 || b > c.serviceBands[i - 1]), {
    message: 'serviceBands must start at 0 and rise',
    path: ['serviceBands'],
  })
  .refine((c) => [c.principalGrades, c.deputyGrades, c.memberGrades].every((row) => row.length === c.serviceBands.length), {
    message: 'each grade row needs one amount per service band',
  });

/**
 * 头雁指数 the head-goose index of a village Party secretary (seed: "建立'头雁指数'量化指标体系，及时调整
 * 不胜任、不尽职村党组织书记"). The seed gives no indicators or weights; all below are assumptions.
 * Weights must add up to 1; a weight of 0 leaves the part out.
 */
const headGooseConfig = z.strictObject({
  weights: z
    .strictObject({
      /** 年度考核 the secretary's latest annual appraisal total; assumption: 0.3 */
      appraisal: z.number().min(0).max(1).default(0.3),
      /** 教育培训 training days this year against `trainingDaysTarget`; assumption: 0.1 */
      training: z.number().min(0).max(1).default(0.1),
      /** 党员积分 the village's average Party member points against `partyPointsTarget`; assumption: 0.1 */
      partyPoints: z.number().min(0).max(1).default(0.1),
      /** 事件按期办结率 closed incidents resolved by their deadline ÷ incidents this year (grids); assumption: 0.15 */
      incidentOnTime: z.number().min(0).max(1).default(0.15),
      /** 群众评价 residents' average rating ÷ 5 (grids); assumption: 0.05 */
      incidentRating: z.number().min(0).max(1).default(0.05),
      /** 矛盾纠纷化解 disputes closed ÷ disputes opened this year (legal events); assumption: 0.1 */
      disputesResolved: z.number().min(0).max(1).default(0.1),
      /** 乡风文明 red-black lists without a black-list household ÷ lists published this year (civility events); assumption: 0.1 */
      civilityLists: z.number().min(0).max(1).default(0.1),
      /** 三务公开 disclosures on time ÷ disclosures published this year (economy events); assumption: 0.05 */
      disclosureOnTime: z.number().min(0).max(1).default(0.05),
      /** 集体经济 operating income this year against `collectiveIncomeTargetYuan` (economy events); assumption: 0.05 */
      collectiveIncome: z.number().min(0).max(1).default(0.05),
    })
    .prefault({})
    .refine((w) => Math.abs(Object.values(w).reduce((a, b) => a + b, 0) - 1) < 1e-6, { message: 'weights must add up to 1' }),
  /** 每年全员轮训 training days a year that score 100; assumption: 5 */
  trainingDaysTarget: z.number().min(0.5).max(100).default(5),
  /** average Party member points that score 100; assumption: 30 */
  partyPointsTarget: z.number().min(1).max(10_000).default(30),
  /** 集体经济持续壮大 a year's operating income that scores 100, yuan; assumption: 100,000 */
  collectiveIncomeTargetYuan: z.number().int().min(1).max(100_000_000).default(100_000),
});

/** 村干部学历提升计划 (seed: "三年内大专以上学历村干部占比达到70%以上"). */
const collegeTargetConfig = z.strictObject({
  /** 大专以上学历占比目标 70% (seed) */
  targetShare: z.number().min(0).max(1).default(0.7),
  /** 目标年度: the pilot began in 2023 (seed: 2023年7月) + three years = 2026 */
  deadlineYear: z.number().int().min(2000).max(2100).default(2026),
});

/**
 * 三源共治 分级化解 (seed: "实行矛源、访源、诉源'三源共治'，建立村矛调室'初诊'、镇矛调中心'会诊'、县'三源'治理
 * 中心'联诊'分级化解机制"). The seed names the three tiers and their bodies but no deadlines: the days
 * are assumptions (shorter than the national baseline's 7 / 15 / 30, the pilot's 快速化解), counted in
 * working days of the county's calendar.
 */
const legalConfig = z
  .strictObject({
    /** 村矛调室“初诊”期限（工作日）; assumption: 3 */
    villageDays: z.number().int().min(1).max(90).default(3),
    /** 镇矛调中心“会诊”期限（工作日）; assumption: 7 */
    townshipDays: z.number().int().min(1).max(90).default(7),
    /** 县“三源”治理中心“联诊”期限（工作日）; assumption: 15 */
    countyDays: z.number().int().min(1).max(180).default(15),
  })
  .refine((c) => c.villageDays <= c.townshipDays && c.townshipDays <= c.countyDays, {
    message: 'a higher tier must not have fewer days than a lower one (villageDays ≤ townshipDays ≤ countyDays)',
  });

/** One rule the pilot adds to a county's points catalogue (civility's `PointsRuleSpec`). */
const pointsRule = z.strictObject({
  code: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  description: z.string().min(1).max(200),
  points: z
    .number()
    .int()
    .min(-1000)
    .max(1000)
    .refine((n) => n !== 0, { message: 'points must not be zero' }),
  evidenceRequired: z.boolean(),
  monthlyCap: z.number().int().min(1).max(10_000).nullable(),
  articleRef: z.string().min(1).max(60).nullable(),
});

/**
 * 农户文明积分 additions to the county catalogue (seed §10–11: "打造'520文明集市'志愿服务品牌"; "围绕喜事新办、
 * 丧事简办、尊老爱幼、扶残助残……整治婚丧嫁娶与升学乔迁大操大办、涉黄涉赌涉毒、封建迷信等不良风气"; "推行农户文明
 * 积分制度"). The seed names the behaviours, not the points: every number is an assumption.
 */
export const DEFAULT_POINTS_ADDITIONS: z.input<typeof pointsRule>[] = [
  { code: 'JX-520-MARKET', description: '参加“520文明集市”志愿服务（每次）', points: 5, evidenceRequired: false, monthlyCap: 20, articleRef: null },
  { code: 'JX-NEW-WEDDING', description: '喜事新办（不收彩礼或低彩礼、不大摆宴席）', points: 10, evidenceRequired: true, monthlyCap: 10, articleRef: null },
  { code: 'JX-SIMPLE-FUNERAL', description: '丧事简办', points: 10, evidenceRequired: true, monthlyCap: 10, articleRef: null },
  { code: 'JX-CARE', description: '尊老爱幼、扶残助残、和谐邻里（经核实）', points: 5, evidenceRequired: true, monthlyCap: 10, articleRef: null },
  { code: 'JX-BAD-LAVISH', description: '婚丧嫁娶、升学乔迁大操大办', points: -20, evidenceRequired: true, monthlyCap: 20, articleRef: null },
  { code: 'JX-BAD-VICE', description: '涉黄涉赌涉毒', points: -20, evidenceRequired: true, monthlyCap: 40, articleRef: null },
  { code: 'JX-BAD-SUPERSTITION', description: '搞封建迷信活动', points: -5, evidenceRequired: true, monthlyCap: 10, articleRef: null },
];

/**
 * 德治：积分、红黑榜 (seed: "推行农户文明积分制度，设立乡风文明'红黑榜'"). The list sizes are the national
 * baseline's (the seed gives none); what the pilot adds is that any deduction under one of its
 * 不良风气 rules (`blackListRules`) puts the household on the month's black list, however small.
 */
const civilityConfig = z
  .strictObject({
    /** 县目录补充细则 rules added to the county's catalogue (defaults: `DEFAULT_POINTS_ADDITIONS`) */
    additions: z.array(pointsRule).max(50).default(DEFAULT_POINTS_ADDITIONS),
    /** 红榜户数 households on the red list (baseline: 10) */
    redListSize: z.number().int().min(1).max(100).default(10),
    /** 单次扣分达到此数上黑榜 a single deduction of this many points puts a household on the black list (baseline: 10) */
    blackListDeduction: z.number().int().min(1).max(1000).default(10),
    /** 不良风气细则：有一次扣分即上黑榜 rules any deduction under which puts a household on the black list */
    blackListRules: z.array(z.string().regex(/^[A-Za-z0-9_-]{1,40}$/)).max(50).default(['JX-BAD-LAVISH', 'JX-BAD-VICE', 'JX-BAD-SUPERSTITION']),
  })
  .refine((c) => new Set(c.additions.map((a) => a.code)).size === c.additions.length, { message: 'addition codes must be unique', path: ['additions'] });

/**
 * 四议两公开 (seed: "严格落实村级重大事项'四议两公开'制度"). The seed fixes no amount; the threshold is an
 * assumption (30,000 CNY, the 3万元 line below which a village is 薄弱, instead of the baseline's
 * 50,000), in yuan. Quorum and majority stay the law's (村民委员会组织法 §22).
 */
const economyConfig = z.strictObject({
  /** 重大事项金额门槛（元）; assumption: 30,000 */
  majorMatterThresholdYuan: z.number().int().min(0).max(100_000_000).default(30_000),
});

/** Per-county parameters; each default is the seed's number or a documented assumption. */
export const jiangxi135Config = z.strictObject({
  grid: gridConfig.prefault({}),
  gridWorkerAppraisal: gridWorkerAppraisalConfig.prefault({}),
  pay: payConfig.prefault({}),
  headGoose: headGooseConfig.prefault({}),
  collegeTarget: collegeTargetConfig.prefault({}),
  legal: legalConfig.prefault({}),
  civility: civilityConfig.prefault({}),
  economy: economyConfig.prefault({}),
});

export type Jiangxi135Config = z.output<typeof jiangxi135Config>;
export type JiangxiGridConfig = Jiangxi135Config['grid'];
export type JiangxiGridWorkerAppraisalConfig = Jiangxi135Config['gridWorkerAppraisal'];
export type JiangxiPayConfig = Jiangxi135Config['pay'];
export type JiangxiHeadGooseConfig = Jiangxi135Config['headGoose'];
export type JiangxiCollegeTargetConfig = Jiangxi135Config['collegeTarget'];
export type JiangxiLegalConfig = Jiangxi135Config['legal'];
export type JiangxiCivilityConfig = Jiangxi135Config['civility'];
export type JiangxiEconomyConfig = Jiangxi135Config['economy'];
