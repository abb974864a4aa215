import type { JiangxiCollegeTargetConfig } from '../config';

/** 一个乡镇的学历提升进度 the college-education counts of one township. */
export interface TownshipCollegeProgress {
  townshipCode: string;
  /** 在任村干部 serving village cadres (not departed) */
  servingCadres: number;
  /** 大专及以上 of those, college-educated or higher */
  collegeCadres: number;
  /** collegeCadres ÷ servingCadres (0 when there are none), four decimals */
  share: number;
  target: number;
  met: boolean;
  /** 还差几人 more college-educated cadres needed to meet the target with today's numbers */
  shortfall: number;
}

/**
 * 村干部学历提升计划 "三年内大专以上学历村干部占比达到70%以上": a township meets the target when at least
 * `targetShare` of its serving village cadres are college-educated or higher; `shortfall` is how many
 * more it needs (ceil(target × serving) − college, at least 0).
 */
export function collegeProgress(townshipCode: string, servingCadres: number, collegeCadres: number, config: JiangxiCollegeTargetConfig): TownshipCollegeProgress {
  const share = servingCadres > 0 ? Math.round((collegeCadres / servingCadres) * 10_000) / 10_000 : 0;
  // round away binary noise before the ceiling (0.7 × 10 = 7.000000000000001)
  const needed = Math.ceil(Math.round(config.targetShare * servingCadres * 1e6) / 1e6);
  return {
    townshipCode,
    servingCadres,
    collegeCadres,
    share,
    target: config.targetShare,
    met: servingCadres > 0 && collegeCadres >= needed,
    shortfall: Math.max(0, needed - collegeCadres),
  };
}
