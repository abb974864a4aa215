import { PayComponentKind, type PayItem, type PayItemQuery, type PayItemSource } from '@xiangzhi/personnel-api';
import type { PostClass, SuyuSandingConfig } from './config';
import { PayScale } from './pay-scale';
import { BASE_PAY_GRADE_RULE } from './pay.policy';

interface ItemRow {
  kind: 'GRADE' | 'SPECIAL_WORK' | 'DEVELOPMENT';
  cadre_id: string;
  post_class: PostClass | null;
  grade: number | null;
  amount: string | number | null;
  title: string | null;
}

/**
 * 报酬事项来源 what the payroll of a month reads from the plugin's tables, in one statement for every
 * cadre of the village: the recorded 四岗20级 grade (as the month's base-pay item) and the month's
 * special-work and development pay.
 */
export class SuyuPayItemSource implements PayItemSource {
  private readonly scale: PayScale;

  constructor(config: SuyuSandingConfig) {
    this.scale = new PayScale(config);
  }

  async itemsFor({ manager, month, cadreIds }: PayItemQuery): Promise<Map<string, PayItem[]>> {
    const out = new Map<string, PayItem[]>();
    if (cadreIds.length === 0) return out;
    const rows = (await manager.query(
      `SELECT 'GRADE' AS kind, g.cadre_id::text AS cadre_id, g.post_class, g.grade, NULL::numeric AS amount, NULL::text AS title,
              NULL::timestamptz AS created_at, NULL::text AS id
         FROM suyu_pay_grade g
        WHERE g.cadre_id = ANY($1::uuid[])
       UNION ALL
       SELECT i.kind, i.cadre_id::text, NULL, NULL, i.amount, i.title, i.created_at, i.id::text
         FROM suyu_pay_item i
        WHERE i.cadre_id = ANY($1::uuid[]) AND i.month = $2
        ORDER BY created_at NULLS FIRST, id NULLS FIRST`,
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
    if (row.kind === 'GRADE') {
      const postClass = row.post_class as PostClass;
      const grade = Number(row.grade);
      const amount = this.scale.monthlyBase(postClass, grade);
      const d = this.scale.describe(postClass, grade);
      const capped = this.scale.clamp(grade) !== grade;
      return {
        kind: PayComponentKind.BASE,
        amount,
        data: { postClass, grade },
        rule: BASE_PAY_GRADE_RULE,
        zh: `基本工资（四岗${this.scale.grades}级）：${d.zh}${capped ? `（定级${grade}级超出本县级数）` : ''}，${amount}元`,
        en: `base pay (4 classes × ${this.scale.grades} grades): ${d.en}${capped ? ` (recorded grade ${grade} is beyond the county's scale)` : ''}: ${amount}`,
      };
    }
    const amount = Number(row.amount);
    if (row.kind === 'SPECIAL_WORK') {
      return { kind: PayComponentKind.SPECIAL_WORK, amount, rule: 'SUYU_SPECIAL_WORK', zh: `专项工作报酬：${row.title}`, en: `special-work pay: ${row.title}` };
    }
    return { kind: PayComponentKind.DEVELOPMENT, amount, rule: 'SUYU_DEVELOPMENT_PAY', zh: `发展报酬：${row.title}`, en: `development pay: ${row.title}` };
  }
}
