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
      /** 年度考核 the secretary's latest annual appraisal total; assumption: 0.4 */
      appraisal: z.number().min(0).max(1).default(0.4),
      /** 教育培训 training days this year against `trainingDaysTarget`; assumption: 0.15 */
      training: z.number().min(0).max(1).default(0.15),
      /** 党员积分 the village's average Party member points against `partyPointsTarget`; assumption: 0.15 */
      partyPoints: z.number().min(0).max(1).default(0.15),
      /** 事件按期办结率 closed incidents resolved by their deadline ÷ incidents this year (grids); assumption: 0.2 */
      incidentOnTime: z.number().min(0).max(1).default(0.2),
      /** 群众评价 residents' average rating ÷ 5 (grids); assumption: 0.1 */
      incidentRating: z.number().min(0).max(1).default(0.1),
    })
    .prefault({})
    .refine((w) => Math.abs(Object.values(w).reduce((a, b) => a + b, 0) - 1) < 1e-6, { message: 'weights must add up to 1' }),
  /** 每年全员轮训 training days a year that score 100; assumption: 5 */
  trainingDaysTarget: z.number().min(0.5).max(100).default(5),
  /** average Party member points that score 100; assumption: 30 */
  partyPointsTarget: z.number().min(1).max(10_000).default(30),
});

/** 村干部学历提升计划 (seed: "三年内大专以上学历村干部占比达到70%以上"). */
const collegeTargetConfig = z.strictObject({
  /** 大专以上学历占比目标 70% (seed) */
  targetShare: z.number().min(0).max(1).default(0.7),
  /** 目标年度: the pilot began in 2023 (seed: 2023年7月) + three years = 2026 */
  deadlineYear: z.number().int().min(2000).max(2100).default(2026),
});

/** Per-county parameters; each default is the seed's number or a documented assumption. */
export const jiangxi135Config = z.strictObject({
  grid: gridConfig.prefault({}),
  gridWorkerAppraisal: gridWorkerAppraisalConfig.prefault({}),
  pay: payConfig.prefault({}),
  headGoose: headGooseConfig.prefault({}),
  collegeTarget: collegeTargetConfig.prefault({}),
});

export type Jiangxi135Config = z.output<typeof jiangxi135Config>;
export type JiangxiGridConfig = Jiangxi135Config['grid'];
export type JiangxiGridWorkerAppraisalConfig = Jiangxi135Config['gridWorkerAppraisal'];
export type JiangxiPayConfig = Jiangxi135Config['pay'];
export type JiangxiHeadGooseConfig = Jiangxi135Config['headGoose'];
export type JiangxiCollegeTargetConfig = Jiangxi135Config['collegeTarget'];
