import { createExtensionPoint } from '@xiangzhi/kernel';

/**
 * 集体经济收入目标 `economy.incomeTarget`: the lines a county measures its villages' collective
 * operating income (经营性收入) against — the 薄弱村 (weak village) threshold, the 强村 line and the
 * yearly target of a village. Resolved per county (by a village code of the county); amounts in
 * integer fen.
 */
export interface IncomeTargetPolicy {
  /** 薄弱村线 a village whose collective operating income for `year` is below this is weak. */
  weakThresholdFen(year: number): bigint;
  /** 强村线 a village at or above this is strong (a "1" of a 1+N+1 alliance). */
  strongThresholdFen(year: number): bigint;
  /** 年度目标 a village's operating-income target for `year`, given what it earned the year before. */
  villageTargetFen(year: number, previousYearFen: bigint): bigint;
}

export const incomeTargetPolicyPoint = createExtensionPoint<IncomeTargetPolicy>({
  id: 'economy.incomeTarget',
  subgraph: 'economy',
  title: { zh: '集体经济收入目标（薄弱村线、强村线）', en: 'Collective income targets (weak- and strong-village lines)' },
});

/**
 * National baseline: weak below 30,000 CNY a year (the 3万元 line of 集体经济薄弱村, the minimum of
 * Qixingguan's 规范/示范 villages, seed 003), strong at 1,000,000 CNY, and a yearly target of the
 * weak line or 10 % growth, whichever is higher.
 */
export const BASELINE_INCOME_TARGET = {
  weakThresholdFen: 3_000_000n,
  strongThresholdFen: 100_000_000n,
  growthPercent: 10n,
} as const;

export class DefaultIncomeTargetPolicy implements IncomeTargetPolicy {
  weakThresholdFen(): bigint {
    return BASELINE_INCOME_TARGET.weakThresholdFen;
  }

  strongThresholdFen(): bigint {
    return BASELINE_INCOME_TARGET.strongThresholdFen;
  }

  villageTargetFen(_year: number, previousYearFen: bigint): bigint {
    // growth rounded up to the fen: a target is never below the stated percentage
    const grown = previousYearFen + (previousYearFen * BASELINE_INCOME_TARGET.growthPercent + 99n) / 100n;
    return grown > BASELINE_INCOME_TARGET.weakThresholdFen ? grown : BASELINE_INCOME_TARGET.weakThresholdFen;
  }
}
