import { createExtensionPoint } from '@xiangzhi/kernel';
import { type Decision, decision, Rating, RATING_TITLES } from './common';

/** 职级 one rank level. */
export interface RankLevelDefinition {
  /** Level number; which end is highest is the policy's (Longshan: 10 lowest … 1 highest). */
  level: number;
  title: string;
  /** 职级报酬 rank pay per month, yuan. */
  monthlyPay: number;
}

/** What a rank review decided. */
export interface RankDecision extends Decision {
  /** The level after the review (may equal the current one). */
  level: number;
}

/** 职级评定 rank levels and the yearly review. */
export interface RankPolicy {
  /** All levels, lowest first. */
  levels(): RankLevelDefinition[];
  /** The level a newly appointed cadre starts at. */
  initialLevel(): number;
  /** The yearly review (一年一评定、一年一升降) from the year's final rating (null when not rated). */
  review(input: { currentLevel: number; rating: Rating | null }): RankDecision;
}

export const rankPolicyPoint = createExtensionPoint<RankPolicy>({
  id: 'personnel.rank',
  subgraph: 'personnel',
  title: { zh: '职级评定', en: 'Rank review' },
});

/** Baseline: six levels, 6 lowest … 1 highest, 100 yuan a month more per level above 6. */
export const BASELINE_RANKS: RankLevelDefinition[] = [6, 5, 4, 3, 2, 1].map((level) => ({
  level,
  title: `${['', '一', '二', '三', '四', '五', '六'][level]}级`,
  monthlyPay: (6 - level) * 100,
}));

/**
 * National baseline: six levels (6 lowest … 1 highest); 优秀 moves one level up, 不称职 one level
 * down, 称职 and 基本称职 keep the level; an unrated year keeps it too.
 */
export class DefaultRankPolicy implements RankPolicy {
  levels(): RankLevelDefinition[] {
    return BASELINE_RANKS.map((r) => ({ ...r }));
  }

  initialLevel(): number {
    return 6;
  }

  review({ currentLevel, rating }: { currentLevel: number; rating: Rating | null }): RankDecision {
    if (rating === null) return { level: currentLevel, ...decision('RANK_NOT_RATED', '本年度未评定等次，职级不变', 'not rated this year: level unchanged') };
    const t = RATING_TITLES[rating];
    if (rating === Rating.EXCELLENT && currentLevel > 1) {
      return { level: currentLevel - 1, ...decision('RANK_UP_EXCELLENT', `年度${t.zh}，晋升一级（${currentLevel}→${currentLevel - 1}级）`, `rated ${t.en}: up one level (${currentLevel} → ${currentLevel - 1})`) };
    }
    if (rating === Rating.INCOMPETENT && currentLevel < 6) {
      return { level: currentLevel + 1, ...decision('RANK_DOWN_INCOMPETENT', `年度${t.zh}，降低一级（${currentLevel}→${currentLevel + 1}级）`, `rated ${t.en}: down one level (${currentLevel} → ${currentLevel + 1})`) };
    }
    return { level: currentLevel, ...decision('RANK_KEPT', `年度${t.zh}，职级不变`, `rated ${t.en}: level unchanged`) };
  }
}
