import { z } from 'zod';

/** The plugin's name: the key under `plugins:` and `counties.<code>.plugins:` in a deployment. */
export const PLUGIN_NAME = 'leshan-merger';

/** 四级审核 the candidate review levels, in order (seed 002: 村初审—镇街复审—部门联审—领导小组终审). */
export const REVIEW_LEVELS = ['VILLAGE', 'TOWNSHIP', 'DEPARTMENT_JOINT', 'COUNTY_LEADING_GROUP'] as const;
export type ReviewLevelName = (typeof REVIEW_LEVELS)[number];

/** 风险等级 risk levels, lowest first. */
export const RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type RiskLevelName = (typeof RISK_LEVELS)[number];

/** The saga's steps, in order. */
export const SAGA_STEPS = ['GRIDS', 'ECONOMY', 'PERSONNEL'] as const;
export type SagaStepName = (typeof SAGA_STEPS)[number];

/**
 * 村建制调整 one county's parameters (seed 002). Defaults are the seed's: 每村4—5名设置干部职数
 * (cadre posts per merged village), a merger joins 2–4 villages (德昌县 “四村合一有5个，三村合一有9个”).
 * The departure subsidy ceiling is an assumption of this plugin (the seed names the 离任补助基金, not its amounts).
 */
export const leshanMergerConfig = z.strictObject({
  /** 被合并村数 the most villages one merger may join (seed: 四村合一). */
  maxSourceVillages: z.number().int().min(2).max(10).default(4),
  /** 干部职数 the cadres a merged village keeps: seed “按照每村4—5名设置干部职数”. */
  keptCadres: z.strictObject({ min: z.number().int().min(1).max(20), max: z.number().int().min(1).max(20) }).default({ min: 4, max: 5 }),
  /** 离任补助上限（元）the largest departure subsidy per cadre, yuan — assumption: 50,000. */
  maxDepartureSubsidyYuan: z.number().int().min(0).max(1_000_000).default(50_000),
});

export type LeshanMergerConfig = z.output<typeof leshanMergerConfig>;

export const DEFAULT_CONFIG: LeshanMergerConfig = leshanMergerConfig.parse({});
