import type { JiangxiGridWorkerAppraisalConfig } from '../config';

/** 考核等次 the tier of a grid worker's yearly appraisal. */
export enum JiangxiGridWorkerTier {
  /** 优秀 */
  EXCELLENT = 'EXCELLENT',
  /** 称职 */
  COMPETENT = 'COMPETENT',
  /** 基本称职 */
  BASIC = 'BASIC',
  /** 不称职 */
  INCOMPETENT = 'INCOMPETENT',
}

export const TIER_TITLES: Record<JiangxiGridWorkerTier, { zh: string; en: string }> = {
  EXCELLENT: { zh: '优秀', en: 'excellent' },
  COMPETENT: { zh: '称职', en: 'competent' },
  BASIC: { zh: '基本称职', en: 'basically competent' },
  INCOMPETENT: { zh: '不称职', en: 'incompetent' },
};

/** What a score earns: the tier, the yearly allowance, an award, and whether the worker is to be adjusted. */
export interface GridWorkerTierDecision {
  tier: JiangxiGridWorkerTier;
  /** 工作补贴 yearly work allowance, yuan */
  allowance: number;
  /** 奖励 award for an excellent year, yuan */
  award: number;
  /** 对不胜任的及时予以调整 flagged for adjustment (replacement or reassignment) */
  needsAdjustment: boolean;
  rule: string;
  zh: string;
  en: string;
}

/**
 * 网格员年度考核 "根据考核结果差异化给予工作补贴，对表现优秀的给予奖励，对不胜任的及时予以调整": a score
 * of 0–100 falls in a tier by the county's thresholds (优秀 ≥ 90, 称职 ≥ 70, 基本称职 ≥ 60, 不称职 below,
 * by default); each tier has its yearly allowance, 优秀 adds an award, 不称职 gets no allowance and is
 * flagged for adjustment.
 */
export class JiangxiGridWorkerTiers {
  constructor(private readonly config: JiangxiGridWorkerAppraisalConfig) {}

  decide(score: number): GridWorkerTierDecision {
    const c = this.config;
    if (score >= c.excellentMin) {
      return {
        tier: JiangxiGridWorkerTier.EXCELLENT,
        allowance: c.excellentAllowance,
        award: c.excellentAward,
        needsAdjustment: false,
        rule: 'JIANGXI_GRID_WORKER_EXCELLENT',
        zh: `考核${score}分（≥${c.excellentMin}）为优秀：全年工作补贴${c.excellentAllowance}元，另给予奖励${c.excellentAward}元`,
        en: `score ${score} (≥ ${c.excellentMin}) is excellent: a yearly allowance of ${c.excellentAllowance} and an award of ${c.excellentAward}`,
      };
    }
    if (score >= c.competentMin) {
      return {
        tier: JiangxiGridWorkerTier.COMPETENT,
        allowance: c.competentAllowance,
        award: 0,
        needsAdjustment: false,
        rule: 'JIANGXI_GRID_WORKER_COMPETENT',
        zh: `考核${score}分（≥${c.competentMin}）为称职：全年工作补贴${c.competentAllowance}元`,
        en: `score ${score} (≥ ${c.competentMin}) is competent: a yearly allowance of ${c.competentAllowance}`,
      };
    }
    if (score >= c.basicMin) {
      return {
        tier: JiangxiGridWorkerTier.BASIC,
        allowance: c.basicAllowance,
        award: 0,
        needsAdjustment: false,
        rule: 'JIANGXI_GRID_WORKER_BASIC',
        zh: `考核${score}分（≥${c.basicMin}）为基本称职：全年工作补贴${c.basicAllowance}元`,
        en: `score ${score} (≥ ${c.basicMin}) is basically competent: a yearly allowance of ${c.basicAllowance}`,
      };
    }
    return {
      tier: JiangxiGridWorkerTier.INCOMPETENT,
      allowance: 0,
      award: 0,
      needsAdjustment: true,
      rule: 'JIANGXI_GRID_WORKER_INCOMPETENT',
      zh: `考核${score}分（低于${c.basicMin}）为不称职：不发工作补贴，及时予以调整`,
      en: `score ${score} (below ${c.basicMin}) is incompetent: no allowance, to be adjusted promptly`,
    };
  }
}
