import { z } from 'zod';

/** The plugin's name: the key under `plugins:` and `counties.<code>.plugins:` in a deployment. */
export const PLUGIN_NAME = 'qixingguan-fanben';

/** 三级梯次 the three tiers, lowest first: 规范村 → 示范村 → 典范村. */
export const TIERS = ['STANDARD', 'MODEL', 'EXEMPLARY'] as const;
export type TierName = (typeof TIERS)[number];

/** 十二字总标准 the 12-character goal the standards are grouped under: 组织强、环境美、乡风纯、产业兴. */
export const GOALS = ['ORGANIZATION', 'ENVIRONMENT', 'CIVILITY', 'INDUSTRY'] as const;
export type GoalName = (typeof GOALS)[number];

/**
 * 考核指标 where each indicator's figure comes from:
 * - TEAM_COMPLETE_PERCENT — personnel: share of the village's active posts with a holder (%)
 * - CADRES_COMPETENT_PERCENT — personnel: share of the cadres with a final annual rating of the year rated 称职 or better (%)
 * - ENVIRONMENT_SCORE — recorded by the township (`recordVillageIndicator`): 村庄环境检查得分 0–100
 * - SELF_GOVERNANCE_SCORE — recorded by the township: 村民自治（村规民约、村务议起来）检查得分 0–100
 * - OPEN_DISPUTES — legal events: disputes opened by the year's end and not closed by then
 * - SAFE_VILLAGE_DESIGNATIONS — legal events: safe-village designations (无诉村等) made for the year
 * - STAR_HOUSEHOLD_PERCENT — civility events: share of the households rated that year with at least `starLevel` stars (%)
 * - BLACK_LIST_MONTHS — civility events: months of the year whose published black list names a household
 * - OPERATING_INCOME — economy events: the collective's operating income of the year (yuan, kept in fen)
 * - PER_CAPITA_INCOME — recorded by the township: 居民人均可支配收入 of the year (yuan, kept in fen)
 */
export const INDICATORS = [
  'TEAM_COMPLETE_PERCENT',
  'CADRES_COMPETENT_PERCENT',
  'ENVIRONMENT_SCORE',
  'SELF_GOVERNANCE_SCORE',
  'OPEN_DISPUTES',
  'SAFE_VILLAGE_DESIGNATIONS',
  'STAR_HOUSEHOLD_PERCENT',
  'BLACK_LIST_MONTHS',
  'OPERATING_INCOME',
  'PER_CAPITA_INCOME',
] as const;
export type IndicatorName = (typeof INDICATORS)[number];

/** The indicators a township records itself (no subgraph holds them). */
export const RECORDED_INDICATORS = ['ENVIRONMENT_SCORE', 'SELF_GOVERNANCE_SCORE', 'PER_CAPITA_INCOME'] as const satisfies readonly IndicatorName[];

/** Money indicators: thresholds in yuan in the parameters, figures kept in fen. */
export const MONEY_INDICATORS: readonly IndicatorName[] = ['OPERATING_INCOME', 'PER_CAPITA_INCOME'];

/** 比较方式 MIN: figure ≥ threshold; ABOVE: figure > threshold; MAX: figure ≤ threshold. */
export const COMPARISONS = ['MIN', 'ABOVE', 'MAX'] as const;
export type ComparisonName = (typeof COMPARISONS)[number];

const thresholds = z.strictObject({
  STANDARD: z.number().int().min(0),
  MODEL: z.number().int().min(0),
  EXEMPLARY: z.number().int().min(0),
});

const standard = z.strictObject({
  /** Stable code of the standard (named in results). */
  code: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/),
  goal: z.enum(GOALS),
  zh: z.string().min(1),
  en: z.string().min(1),
  indicator: z.enum(INDICATORS),
  comparison: z.enum(COMPARISONS),
  /** Threshold per tier: yuan for money indicators, % for percentages, points for scores, a count otherwise. */
  thresholds,
});
export type StandardConfig = z.output<typeof standard>;

/**
 * 十条主要标准 the ten main standards (seed 003: “分类分级提出了‘一核多元’基层组织服务体系建设、村庄环境面貌、
 * 社会治安、村民自治、文化生活、发展壮大村级集体经济、发展优势产业和特色经济等10条主要标准……每一项都有具体细化、量化的标准”).
 * The seed names seven of them and quantifies two (income ≥ 3万元, per-capita income > 7350元); every
 * other figure below is an assumption of this plugin, to be replaced by the county's own 工作方案.
 */
export const DEFAULT_STANDARDS: StandardConfig[] = [
  // 组织强 — seed: “以‘一核多元’基层服务体系建设作为‘组织强’的核心指标”; assumption: every post of the team filled at every tier
  { code: 'ONE_CORE_MULTI', goal: 'ORGANIZATION', zh: '“一核多元”基层组织服务体系建设（班子配齐）', en: 'One core, many actors: the village team complete', indicator: 'TEAM_COMPLETE_PERCENT', comparison: 'MIN', thresholds: { STANDARD: 100, MODEL: 100, EXEMPLARY: 100 } },
  // 组织强 — assumption (seed: “用好绩效考核手段”): share of cadres rated 称职 or better in the year's final ratings
  { code: 'CADRE_PERFORMANCE', goal: 'ORGANIZATION', zh: '村干部年度考核称职以上比例', en: 'Cadres rated competent or better in the annual appraisal', indicator: 'CADRES_COMPETENT_PERCENT', comparison: 'MIN', thresholds: { STANDARD: 80, MODEL: 90, EXEMPLARY: 100 } },
  // 环境美 — seed: “村庄环境面貌”“大力开展村庄美化、绿化、亮化”; assumption: the township's inspection score 70/80/90
  { code: 'VILLAGE_ENVIRONMENT', goal: 'ENVIRONMENT', zh: '村庄环境面貌（美化、绿化、亮化检查得分）', en: 'Village environment (inspection score)', indicator: 'ENVIRONMENT_SCORE', comparison: 'MIN', thresholds: { STANDARD: 70, MODEL: 80, EXEMPLARY: 90 } },
  // 乡风纯 — seed: “村民自治”“制定切实可行的‘村（居）规民约’”; assumption: the township's check score 70/80/90
  { code: 'SELF_GOVERNANCE', goal: 'CIVILITY', zh: '村民自治（村规民约、村务议起来）', en: 'Villagers’ self-government (village rules, deliberation)', indicator: 'SELF_GOVERNANCE_SCORE', comparison: 'MIN', thresholds: { STANDARD: 70, MODEL: 80, EXEMPLARY: 90 } },
  // 乡风纯 — seed: “社会治安”“将信访维稳、社会治安……作为重要考核内容”; assumption: open disputes at the year's end ≤ 2/1/0
  { code: 'PUBLIC_SECURITY', goal: 'CIVILITY', zh: '社会治安（年末未办结纠纷）', en: 'Public security (disputes still open at the year’s end)', indicator: 'OPEN_DISPUTES', comparison: 'MAX', thresholds: { STANDARD: 2, MODEL: 1, EXEMPLARY: 0 } },
  // 乡风纯 — assumption (seed: “信访维稳”): a safe-village designation of the year for 示范 and 典范
  { code: 'RULE_OF_LAW', goal: 'CIVILITY', zh: '平安法治创建命名（无诉村等）', en: 'Rule-of-law designation of the year (no-litigation village…)', indicator: 'SAFE_VILLAGE_DESIGNATIONS', comparison: 'MIN', thresholds: { STANDARD: 0, MODEL: 1, EXEMPLARY: 1 } },
  // 乡风纯 — seed: “文化生活”“崇德向善、孝老爱亲、邻里和睦”; assumption: share of star households (≥ starLevel stars) 30/50/70 %
  { code: 'CULTURAL_LIFE', goal: 'CIVILITY', zh: '文化生活与文明户（星级文明户比例）', en: 'Cultural life (share of star households)', indicator: 'STAR_HOUSEHOLD_PERCENT', comparison: 'MIN', thresholds: { STANDARD: 30, MODEL: 50, EXEMPLARY: 70 } },
  // 乡风纯 — assumption: months of the year with a household on the published black list ≤ 6/3/0
  { code: 'CIVILITY_LISTS', goal: 'CIVILITY', zh: '乡风文明（上黑榜月份）', en: 'Civility (months with a household on the black list)', indicator: 'BLACK_LIST_MONTHS', comparison: 'MAX', thresholds: { STANDARD: 6, MODEL: 3, EXEMPLARY: 0 } },
  // 产业兴 — seed: “创建为规范、示范的村（社区）集体经济年经营性收入至少达到了3万元”; 典范 100,000 is an assumption
  { code: 'COLLECTIVE_ECONOMY', goal: 'INDUSTRY', zh: '发展壮大村级集体经济（年经营性收入）', en: 'Collective economy (operating income of the year)', indicator: 'OPERATING_INCOME', comparison: 'MIN', thresholds: { STANDARD: 30_000, MODEL: 30_000, EXEMPLARY: 100_000 } },
  // 产业兴 — seed: “居民人均可支配收入都超过了7350元” (strictly above); the same line for 典范 is an assumption
  { code: 'FEATURED_INDUSTRY', goal: 'INDUSTRY', zh: '发展优势产业和特色经济（居民人均可支配收入）', en: 'Featured industries (per-capita disposable income)', indicator: 'PER_CAPITA_INCOME', comparison: 'ABOVE', thresholds: { STANDARD: 7_350, MODEL: 7_350, EXEMPLARY: 7_350 } },
];

const reward = z.strictObject({
  /** 每名村（社区）干部的年奖励（元）/ yearly reward per cadre (yuan) */
  perCadre: z.number().int().min(0).max(1_000_000),
  /** 村级活动经费增加（元）/ additional village activity funds (yuan) */
  activityFunds: z.number().int().min(0).max(10_000_000),
});

/** 七星关区“规范·示范·典范” the county's parameters (seed 003). */
export const qixingguanConfig = z
  .strictObject({
    /** 十条主要标准 the ten main standards (see DEFAULT_STANDARDS for the seed's words and the assumptions). */
    standards: z.array(standard).min(1).max(30).default(DEFAULT_STANDARDS),
    /** 星级文明户 the stars a household needs to count as a star household — assumption: 3 stars. */
    starLevel: z.number().int().min(1).max(5).default(3),
    /**
     * 奖励 rewards per tier — seed: “规范村……每人1万元奖励，村级活动经费增加1万元；示范村……2万元……2万元；
     * 典范村……3万元……3万元”.
     */
    rewards: z
      .strictObject({ STANDARD: reward, MODEL: reward, EXEMPLARY: reward })
      .default({ STANDARD: { perCadre: 10_000, activityFunds: 10_000 }, MODEL: { perCadre: 20_000, activityFunds: 20_000 }, EXEMPLARY: { perCadre: 30_000, activityFunds: 30_000 } }),
  })
  .superRefine((c, ctx) => {
    const codes = new Set<string>();
    c.standards.forEach((s, i) => {
      if (codes.has(s.code)) ctx.addIssue({ code: 'custom', path: ['standards', i, 'code'], message: `标准代码重复 (duplicate standard code): ${s.code}` });
      codes.add(s.code);
    });
  });

export type QixingguanConfig = z.output<typeof qixingguanConfig>;

export const DEFAULT_CONFIG: QixingguanConfig = qixingguanConfig.parse({});
