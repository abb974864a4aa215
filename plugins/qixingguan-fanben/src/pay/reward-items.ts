import { formatFen } from '@xiangzhi/economy-api';
import { PayComponentKind, type PayItem, type PayItemQuery, type PayItemSource } from '@xiangzhi/personnel-api';

const TIER_ZH: Record<string, string> = { STANDARD: '规范村', MODEL: '示范村', EXEMPLARY: '典范村' };
const TIER_EN: Record<string, string> = { STANDARD: 'standard', MODEL: 'model', EXEMPLARY: 'exemplary' };

/**
 * 年奖励 seed 003: “月报酬+年奖励”: every cadre paid by the village in the reward's month receives the
 * tier's per-cadre reward (规范 10,000, 示范 20,000, 典范 30,000 by default) as an AWARD item. One
 * statement per payroll. Bound only for counties enabling the plugin, so no other county sees it.
 */
export class QixingguanRewardItemSource implements PayItemSource {
  async itemsFor({ manager, villageCode, month, cadreIds }: PayItemQuery): Promise<Map<string, PayItem[]>> {
    const rows: { year: number; tier: string; per_cadre_fen: string }[] = await manager.query(
      `SELECT year, tier, per_cadre_fen::text AS per_cadre_fen FROM qxg_reward WHERE village_code = $1 AND pay_month = $2 ORDER BY year`,
      [villageCode, month],
    );
    const out = new Map<string, PayItem[]>();
    if (rows.length === 0) return out;
    for (const cadreId of cadreIds) {
      out.set(
        cadreId,
        rows.map((r) => {
          const yuan = formatFen(r.per_cadre_fen);
          return {
            kind: PayComponentKind.AWARD,
            amount: Number(yuan),
            rule: 'QIXINGGUAN_EXEMPLAR_REWARD',
            zh: `${r.year}年度${TIER_ZH[r.tier] ?? r.tier}年奖励：每名村干部${yuan}元`,
            en: `${r.year} ${TIER_EN[r.tier] ?? r.tier} village reward: ${yuan} per cadre`,
            data: { year: String(r.year), tier: r.tier, perCadreFen: r.per_cadre_fen },
          };
        }),
      );
    }
    return out;
  }
}
