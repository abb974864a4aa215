import { RATING_TITLES, type Rating, type RankDecision, type RankLevelDefinition, type RankPolicy } from '@xiangzhi/personnel-api';
import type { LongshanQihuaConfig } from '../config';

/**
 * 职级化晋升 Longshan's rank levels (seed: 10个级别，从低到高依次为第10级至第1级; 一年一考核、一年一评定、
 * 一年一升降、一年一兑现; 每晋升1个职级其报酬相应增加):
 * - levels 10 (lowest, where a new appointee starts) … 1 (highest);
 * - rank pay per month rises one step with each level: level L pays step × (levels + 1 − L), i.e. 40
 *   at level 10 up to 400 at level 1 with the default step;
 * - the yearly review from the year's final annual rating: 优秀 one level up, 不称职 one level down,
 *   称职 and 基本称职 (and an unrated year) keep the level (the ratings are configurable); never above
 *   level 1 nor below the lowest. A level outside the scale (set under another policy) is first
 *   brought inside it.
 */
export class LongshanRankPolicy implements RankPolicy {
  private readonly r: LongshanQihuaConfig['rank'];

  constructor(config: LongshanQihuaConfig) {
    this.r = config.rank;
  }

  /** 月职级报酬 monthly rank pay of a level. */
  monthlyPayOf(level: number): number {
    return Math.round(this.r.monthlyPayStep * (this.r.levels + 1 - level) * 100) / 100;
  }

  levels(): RankLevelDefinition[] {
    const out: RankLevelDefinition[] = [];
    for (let level = this.r.levels; level >= 1; level -= 1) out.push({ level, title: `第${level}级`, monthlyPay: this.monthlyPayOf(level) });
    return out;
  }

  initialLevel(): number {
    return this.r.levels;
  }

  review({ currentLevel, rating }: { currentLevel: number; rating: Rating | null }): RankDecision {
    const lowest = this.r.levels;
    const level = Math.min(lowest, Math.max(1, Math.round(currentLevel)));
    if (rating === null) return { level, rule: 'LONGSHAN_RANK_NOT_RATED', zh: `本年度未评定等次，职级不变（第${level}级）`, en: `not rated this year: level unchanged (${level})` };
    const t = RATING_TITLES[rating];
    if (this.r.promoteOn.includes(rating)) {
      if (level === 1) return { level, rule: 'LONGSHAN_RANK_TOP', zh: `年度${t.zh}，已是最高职级第1级`, en: `rated ${t.en}: already at the highest level 1` };
      return { level: level - 1, rule: 'LONGSHAN_RANK_UP', zh: `年度${t.zh}，晋升一级（第${level}级→第${level - 1}级）`, en: `rated ${t.en}: up one level (${level} → ${level - 1})` };
    }
    if (this.r.demoteOn.includes(rating)) {
      if (level === lowest) return { level, rule: 'LONGSHAN_RANK_BOTTOM', zh: `年度${t.zh}，已是最低职级第${lowest}级`, en: `rated ${t.en}: already at the lowest level ${lowest}` };
      return { level: level + 1, rule: 'LONGSHAN_RANK_DOWN', zh: `年度${t.zh}，降低一级（第${level}级→第${level + 1}级）`, en: `rated ${t.en}: down one level (${level} → ${level + 1})` };
    }
    return { level, rule: 'LONGSHAN_RANK_KEPT', zh: `年度${t.zh}，职级不变（第${level}级）`, en: `rated ${t.en}: level unchanged (${level})` };
  }
}
