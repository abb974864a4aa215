import type { RuleViolation } from '@xiangzhi/kernel';
import {
  deductionComponents,
  itemComponent,
  monthsOfQuarter,
  PayComponentKind,
  performanceOf,
  roundYuan,
  type PayComponent,
  type PayInput,
  type PayItem,
  type PayPolicy,
  type PayrollQuery,
} from '@xiangzhi/personnel-api';
import { POST_CLASS_TITLES, POST_CLASSES, type PostClass, type SuyuSandingConfig } from './config';
import { PayScale } from './pay-scale';

/** A pay item as a component: its data and source are stored with it. */
const asComponent = (item: PayItem): PayComponent => itemComponent(item);

/** Rule of the base pay of a cadre with a recorded grade. */
export const BASE_PAY_GRADE_RULE = 'SUYU_BASE_PAY_GRADE';

/** A cadre's recorded 四岗20级 class and grade (`setSuyuPayGrade`). */
export interface RecordedGrade {
  postClass: PostClass;
  grade: number;
}

/** What `prepare` reads once per payroll: the recorded grades of the cadres paid. */
export interface SuyuPayFacts {
  grades: Map<string, RecordedGrade>;
}

/**
 * 报酬 Suyu's pay: 基本工资 + 考核报酬 + 专项工作报酬 + 发展报酬 ("4部分组成"):
 * - base pay on the 四岗20级 scale: the cadre's recorded class and grade (`setSuyuPayGrade`, read for
 *   every cadre of the payroll at once by `prepare`, stored with the component as its data), else
 *   grade 1 of the class of the highest post held;
 * - appraisal pay: the amount, at a total of 100, of the class the cadre is paid in (the recorded
 *   grade's class, else the highest post's) × the appraisal total ÷ 100 — every month
 *   under MONTH assessment; under QUARTER assessment three months' worth in the last month of each
 *   quarter (from the quarter's total) and nothing in the other months;
 * - special-work and development pay: the amounts recorded for the month (pay items);
 * - sanction deductions as shares of the month's appraisal pay (the national rule). Under QUARTER
 *   assessment a month without appraisal pay has nothing to deduct from.
 * The 四岗20级 grade is Suyu's rank: no separate rank pay is added.
 */
export class SuyuPayPolicy implements PayPolicy<SuyuPayFacts | undefined> {
  private readonly scale: PayScale;

  constructor(private readonly config: SuyuSandingConfig) {
    this.scale = new PayScale(config);
  }

  /** The recorded grades of every cadre of the payroll, in one statement. */
  async prepare({ manager, cadres }: PayrollQuery): Promise<SuyuPayFacts> {
    const grades = new Map<string, RecordedGrade>();
    if (cadres.length === 0) return { grades };
    const rows = (await manager.query(`SELECT cadre_id::text AS cadre_id, post_class, grade FROM suyu_pay_grade WHERE cadre_id = ANY($1::uuid[])`, [cadres.map((c) => c.id)])) as {
      cadre_id: string;
      post_class: PostClass;
      grade: number;
    }[];
    for (const r of rows) grades.set(r.cadre_id, { postClass: r.post_class, grade: Number(r.grade) });
    return { grades };
  }

  /** The base pay of a recorded grade (a grade beyond the county's scale is paid at its top, and says so). */
  gradeComponent({ postClass, grade }: RecordedGrade): PayComponent {
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

  components(input: PayInput, facts?: SuyuPayFacts): PayComponent[] {
    const out: PayComponent[] = [];
    const postClass = this.scale.highestClass(input.posts);
    const recorded = facts?.grades.get(input.cadre.id) ?? null;
    // a grade handed in as a pay item (the earlier model) is still honoured
    const gradeItems = input.items.filter((i) => i.kind === PayComponentKind.BASE && i.rule === BASE_PAY_GRADE_RULE);
    if (recorded) {
      out.push(this.gradeComponent(recorded));
    } else if (gradeItems.length > 0) {
      out.push(...gradeItems.map(asComponent));
    } else if (postClass) {
      const amount = this.scale.monthlyBase(postClass, 1);
      const d = this.scale.describe(postClass, 1);
      out.push({
        kind: PayComponentKind.BASE,
        amount,
        rule: 'SUYU_BASE_PAY_DEFAULT_GRADE',
        zh: `基本工资（四岗20级）：未定级，按所任最高岗位${d.zh}，${amount}元`,
        en: `base pay (4 classes × 20 grades): no grade recorded, highest post held puts the cadre at ${d.en}: ${amount}`,
      });
    }
    // appraisal pay follows the class the cadre is paid in: the recorded grade's, else the highest post's
    const recordedClass = recorded?.postClass ?? gradeItems[0]?.data?.postClass;
    const payClass = POST_CLASSES.find((c) => c === recordedClass) ?? postClass;
    if (payClass) out.push(this.appraisalPay(payClass, input));
    out.push(...input.items.filter((i) => !gradeItems.includes(i)).map(asComponent));
    out.push(...deductionComponents(input, performanceOf(out)));
    return out;
  }

  private appraisalPay(postClass: PostClass, input: PayInput): PayComponent {
    const full = this.config.appraisalPay[postClass];
    const cls = POST_CLASS_TITLES[postClass];
    const quarterly = this.config.assessment === 'QUARTER';
    if (quarterly && monthsOfQuarter(input.month)[2] !== input.month) {
      return {
        kind: PayComponentKind.PERFORMANCE,
        amount: 0,
        rule: 'SUYU_APPRAISAL_PAY_QUARTERLY',
        zh: '考核报酬按季度考核、季末发放，本月不发放',
        en: 'appraisal pay follows the quarterly appraisal and is paid in the last month of the quarter: none this month',
      };
    }
    // under QUARTER assessment the quarter's own total, even when a monthly appraisal was also recorded
    const total = quarterly ? input.quarterAppraisalTotal : input.appraisalTotal;
    if (total === null) {
      return {
        kind: PayComponentKind.PERFORMANCE,
        amount: 0,
        rule: 'SUYU_APPRAISAL_PAY_NOT_APPRAISED',
        zh: `本${quarterly ? '季度' : '月'}未考核，无考核报酬`,
        en: `not appraised this ${quarterly ? 'quarter' : 'month'}: no appraisal pay`,
      };
    }
    const months = quarterly ? 3 : 1;
    const amount = roundYuan((full * months * total) / 100);
    return {
      kind: PayComponentKind.PERFORMANCE,
      amount,
      rule: quarterly ? 'SUYU_APPRAISAL_PAY_QUARTER' : 'SUYU_APPRAISAL_PAY_MONTH',
      zh: quarterly
        ? `考核报酬（按季发放）：${cls.zh}每月${full}元×3个月×季度考核得分${total}÷100`
        : `考核报酬（按月发放）：${cls.zh}${full}元×月度考核得分${total}÷100`,
      en: quarterly
        ? `appraisal pay (quarterly): ${cls.en} ${full} a month × 3 months × quarter total ${total} ÷ 100`
        : `appraisal pay (monthly): ${cls.en} ${full} × month total ${total} ÷ 100`,
    };
  }

  validate(): RuleViolation[] {
    return [];
  }
}
