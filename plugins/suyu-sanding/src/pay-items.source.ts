import { PayComponentKind, type PayItem, type PayItemQuery, type PayItemSource } from '@xiangzhi/personnel-api';

interface ItemRow {
  kind: 'SPECIAL_WORK' | 'DEVELOPMENT';
  cadre_id: string;
  amount: string | number;
  title: string;
}

/**
 * 报酬事项来源 the month's special-work and development pay from the plugin's table, in one statement
 * for every cadre of the village. (The recorded 四岗20级 grade is not an amount: the pay policy reads
 * it in its `prepare` step.)
 */
export class SuyuPayItemSource implements PayItemSource {
  async itemsFor({ manager, month, cadreIds }: PayItemQuery): Promise<Map<string, PayItem[]>> {
    const out = new Map<string, PayItem[]>();
    if (cadreIds.length === 0) return out;
    const rows = (await manager.query(
      `SELECT i.kind, i.cadre_id::text AS cadre_id, i.amount, i.title
         FROM suyu_pay_item i
        WHERE i.cadre_id = ANY($1::uuid[]) AND i.month = $2
        ORDER BY i.created_at, i.id`,
      [cadreIds, month],
    )) as ItemRow[];
    for (const row of rows) {
      const item = this.toItem(row);
      const list = out.get(row.cadre_id);
      if (list) list.push(item);
      else out.set(row.cadre_id, [item]);
    }
    return out;
  }

  private toItem(row: ItemRow): PayItem {
    const amount = Number(row.amount);
    if (row.kind === 'SPECIAL_WORK') {
      return { kind: PayComponentKind.SPECIAL_WORK, amount, rule: 'SUYU_SPECIAL_WORK', zh: `专项工作报酬：${row.title}`, en: `special-work pay: ${row.title}` };
    }
    return { kind: PayComponentKind.DEVELOPMENT, amount, rule: 'SUYU_DEVELOPMENT_PAY', zh: `发展报酬：${row.title}`, en: `development pay: ${row.title}` };
  }
}
