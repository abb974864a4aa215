import { PayComponentKind, type PayItem } from '@xiangzhi/personnel-api';
import type { LongshanQihuaConfig } from '../config';

/** The rule every collective-economy share names. */
export const COLLECTIVE_SHARE_RULE = 'LONGSHAN_COLLECTIVE_SHARE';

const fenText = (fen: bigint): string => {
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  return `${neg ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
};

/**
 * 村集体经济提成 each cadre's share of a month: pool = ⌊income × basisPoints ÷ 10,000⌋ fen, split
 * equally among the cadres paid that month (payroll order; the fen an uneven split leaves go one each
 * to the first cadres), each share capped at `monthlyCapPerCadre`. No income (or a negative month after
 * reversals), a rate of 0 or no cadre: no item. Pure: integer fen throughout, yuan only at the end.
 */
export function collectiveShareItems(incomeFen: bigint, cadreIds: readonly string[], params: LongshanQihuaConfig['collectiveShare'], month: string): Map<string, PayItem[]> {
  const out = new Map<string, PayItem[]>();
  const n = BigInt(cadreIds.length);
  if (n === 0n || incomeFen <= 0n || params.basisPoints === 0) return out;
  const poolFen = (incomeFen * BigInt(params.basisPoints)) / 10_000n;
  if (poolFen === 0n) return out;
  const capFen = params.monthlyCapPerCadre === null ? null : BigInt(Math.round(params.monthlyCapPerCadre * 100));
  const each = poolFen / n;
  const extra = poolFen - each * n;
  const rate = params.basisPoints / 100;
  cadreIds.forEach((cadreId, i) => {
    const equal = each + (BigInt(i) < extra ? 1n : 0n);
    const capped = capFen !== null && equal > capFen;
    const fen = capped ? capFen : equal;
    if (fen === 0n) return;
    const amount = Number(fen) / 100;
    out.set(cadreId, [
      {
        kind: PayComponentKind.DEVELOPMENT,
        amount,
        rule: COLLECTIVE_SHARE_RULE,
        zh:
          `村集体经济提成：${month}村集体经营性收入${fenText(incomeFen)}元×${rate}%=${fenText(poolFen)}元，本月${n}名干部平分，每人${fenText(equal)}元` +
          (capped ? `，超过每人每月上限${fenText(capFen)}元，按上限发放` : ''),
        en:
          `collective-economy share: ${month} operating income ${fenText(incomeFen)} × ${rate}% = ${fenText(poolFen)}, split among ${n} cadres paid this month, ${fenText(equal)} each` +
          (capped ? `; above the monthly cap of ${fenText(capFen)} per cadre, paid at the cap` : ''),
        data: {
          operatingIncomeFen: incomeFen.toString(),
          basisPoints: params.basisPoints,
          poolFen: poolFen.toString(),
          cadres: cadreIds.length,
          capped,
        },
      },
    ]);
  });
  return out;
}

/**
 * 参数一致性 a share rate above 0 with a per-cadre cap of 0 would pay nothing every month: the two
 * parameters contradict each other.
 */
export function collectiveShareProblems(config: LongshanQihuaConfig): { key: string; message: string }[] {
  const c = config.collectiveShare;
  if (c.basisPoints > 0 && c.monthlyCapPerCadre === 0) {
    return [
      {
        key: 'collectiveShare.monthlyCapPerCadre',
        message: `村集体经济提成比例为${c.basisPoints / 100}%，但每人每月上限为0元，提成永远为0 (a share of ${c.basisPoints / 100}% with a monthly cap of 0 per cadre never pays anything)`,
      },
    ];
  }
  return [];
}
