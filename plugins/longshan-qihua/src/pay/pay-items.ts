import { PayComponentKind, roundYuan, type PayItem, type PayItemQuery, type PayItemSource } from '@xiangzhi/personnel-api';
import { LongshanAwardKind } from '../awards/award.entity';
import { collectiveShareItems } from '../collective-share/collective-share';
import type { LongshanQihuaConfig } from '../config';

/** An assessed task of the month, as the payroll sees it. */
export interface AssessedTask {
  id: string;
  title: string;
  score: number;
  /** Cadres addressed; empty: the whole village team. */
  cadreIds: string[];
}

/** An award paid in the month. */
export interface MonthAward {
  id: string;
  kind: LongshanAwardKind;
  year: number;
  title: string;
  amount: number;
}

function push(map: Map<string, PayItem[]>, cadreId: string, item: PayItem): void {
  const list = map.get(cadreId);
  if (list) list.push(item);
  else map.set(cadreId, [item]);
}

/**
 * 派单考核结果 each paid cadre's dispatched-task result of a month: the tasks assessed that month that
 * are addressed to the cadre or to the whole team; the cadre gets `reward` × their average score ÷ 100
 * as performance pay (a PERFORMANCE item, so sanction deductions take their share of it too).
 * Tasks not yet assessed do not count; a cadre without an assessed task gets no item.
 */
export function taskResultItems(tasks: AssessedTask[], cadreIds: readonly string[], reward: number): Map<string, PayItem[]> {
  const out = new Map<string, PayItem[]>();
  for (const cadreId of cadreIds) {
    const own = tasks.filter((t) => t.cadreIds.length === 0 || t.cadreIds.includes(cadreId));
    if (own.length === 0) continue;
    const average = roundYuan(own.reduce((sum, t) => sum + t.score, 0) / own.length);
    push(out, cadreId, {
      kind: PayComponentKind.PERFORMANCE,
      amount: roundYuan((reward * average) / 100),
      rule: 'LONGSHAN_TASK_RESULT',
      zh: `派单考核：本月${own.length}项任务平均${average}分，奖励标准${reward}元×${average}÷100`,
      en: `dispatched tasks: ${own.length} assessed this month, average ${average}; reward ${reward} × ${average} ÷ 100`,
    });
  }
  return out;
}

const AWARD_TEXT: Record<LongshanAwardKind, { rule: string; zh: (a: MonthAward) => string; en: (a: MonthAward) => string }> = {
  [LongshanAwardKind.HONOUR]: { rule: 'LONGSHAN_HONOUR_AWARD', zh: (a) => `双有双奖·有荣誉「${a.title}」`, en: (a) => `honour award “${a.title}”` },
  [LongshanAwardKind.TEN_NO]: { rule: 'LONGSHAN_TEN_NO_AWARD', zh: (a) => `双有双奖·有业绩（${a.year}年度实现十无目标）`, en: (a) => `${a.year} award for reaching the 十无 goals` },
  [LongshanAwardKind.FIRST_CLASS_TEAM]: { rule: 'LONGSHAN_FIRST_CLASS_AWARD', zh: (a) => `${a.year}年度一类班子奖励`, en: (a) => `${a.year} first-class team award` },
};

/**
 * 奖励分配 each award of the month split equally among the cadres paid that month, in fen: the fen
 * left over by an uneven split go one each to the first cadres in payroll order (by name, then id),
 * so the shares add up to the award exactly.
 */
export function awardItems(awards: MonthAward[], cadreIds: readonly string[]): Map<string, PayItem[]> {
  const out = new Map<string, PayItem[]>();
  const n = cadreIds.length;
  if (n === 0) return out;
  for (const a of awards) {
    const cents = Math.round(a.amount * 100);
    const each = Math.floor(cents / n);
    const extra = cents - each * n;
    const text = AWARD_TEXT[a.kind];
    cadreIds.forEach((cadreId, i) => {
      const share = (each + (i < extra ? 1 : 0)) / 100;
      push(out, cadreId, {
        kind: PayComponentKind.AWARD,
        amount: share,
        rule: text.rule,
        zh: `${text.zh(a)}：奖励${a.amount}元，本月${n}名干部平分，每人${share}元`,
        en: `${text.en(a)}: ${a.amount} split equally among ${n} cadres paid this month, ${share} each`,
      });
    });
  }
  return out;
}

interface ItemRow {
  source: 'TASK' | 'AWARD' | 'INCOME';
  id: string;
  title: string;
  score: number | null;
  cadre_ids: string[] | null;
  kind: LongshanAwardKind | null;
  year: number | null;
  amount: number | null;
  /** INCOME: the village's operating income of the month, integer fen as text (null when none is projected). */
  income_fen: string | null;
}

/**
 * 报酬事项 the month's dispatched-task results, awards and the village's operating income of the
 * month (for the collective-economy share 村集体经济提成, from the plugin's projection of economy
 * events), read in one statement for every cadre of the payroll.
 */
export class LongshanPayItemSource implements PayItemSource {
  private readonly reward: number;
  private readonly collectiveShare: LongshanQihuaConfig['collectiveShare'];

  constructor(config: LongshanQihuaConfig) {
    this.reward = config.dispatch.taskRewardMonthly;
    this.collectiveShare = config.collectiveShare;
  }

  async itemsFor({ manager, villageCode, month, cadreIds }: PayItemQuery): Promise<Map<string, PayItem[]>> {
    const [year, monthOfYear] = month.split('-').map(Number);
    const rows: ItemRow[] = await manager.query(
      `SELECT 'TASK' AS source, t.id, t.title, t.score::float8 AS score, t.cadre_ids, NULL AS kind, NULL::int AS year, NULL::float8 AS amount, NULL::text AS income_fen, t.created_at
         FROM longshan_task t
        WHERE t.village_code = $1 AND t.month = $2 AND t.score IS NOT NULL
       UNION ALL
       SELECT 'AWARD', a.id, a.title, NULL::float8, NULL::jsonb, a.kind, a.year, a.amount::float8, NULL::text, a.created_at
         FROM longshan_award a
        WHERE a.village_code = $1 AND a.month = $2
       UNION ALL
       SELECT 'INCOME', NULL::uuid, '', NULL::float8, NULL::jsonb, NULL, NULL::int, NULL::float8, sum(i.month_total_fen)::text, NULL::timestamptz
         FROM longshan_collective_income i
        WHERE i.village_code = $1 AND i.year = $3 AND i.month = $4
       ORDER BY source DESC, created_at, id`,
      [villageCode, month, year, monthOfYear],
    );
    const tasks: AssessedTask[] = [];
    const awards: MonthAward[] = [];
    let incomeFen = 0n;
    for (const r of rows) {
      if (r.source === 'TASK') tasks.push({ id: r.id, title: r.title, score: Number(r.score), cadreIds: r.cadre_ids ?? [] });
      else if (r.source === 'AWARD') awards.push({ id: r.id, kind: r.kind as LongshanAwardKind, year: Number(r.year), title: r.title, amount: Number(r.amount) });
      else if (r.income_fen !== null) incomeFen = BigInt(r.income_fen);
    }
    const out = taskResultItems(tasks, cadreIds, this.reward);
    for (const [cadreId, items] of awardItems(awards, cadreIds)) out.set(cadreId, [...(out.get(cadreId) ?? []), ...items]);
    for (const [cadreId, items] of collectiveShareItems(incomeFen, cadreIds, this.collectiveShare, month)) out.set(cadreId, [...(out.get(cadreId) ?? []), ...items]);
    return out;
  }
}
