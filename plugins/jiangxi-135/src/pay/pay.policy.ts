import type { ConfigProblem, RuleViolation } from '@xiangzhi/kernel';
import {
  deductionComponents,
  PayComponentKind,
  performanceOf,
  Rating,
  RATING_TITLES,
  roundYuan,
  yearsBetween,
  type PayComponent,
  type PayInput,
  type PayPolicy,
} from '@xiangzhi/personnel-api';
import type { JiangxiPayConfig } from '../config';
import { highestClass, JiangxiPostClass, POST_CLASS_TITLES } from '../posts/post-class';

/** A cadre's post grade: class (duties) × service band (years). */
export interface PostGrade {
  postClass: JiangxiPostClass;
  /** Whole years of service on the first day of the pay month. */
  years: number;
  /** 0-based band the years fall in (before any lowering). */
  band: number;
  /** 0-based band paid (lowered after an 不称职 year). */
  paidBand: number;
  monthly: number;
}

/**
 * 岗位等级薪酬 the county's post-grade pay, "与工作职责、年限、业绩相挂钩":
 * - 职责 duties: the 大岗位制 class of the highest post held (正职岗 / 副职岗 / 委员岗);
 * - 年限 years: the service band of `cadre.serviceStart` on the first day of the month
 *   (`serviceBands`, lower bounds in years);
 * - 业绩 results: last year's final rating (result pay a month; 不称职 lowers the grade by
 *   `incompetentBandsDown` bands) and the month's appraisal total (performance pay = the class's
 *   amount at 100 × total ÷ 100; none without an appraisal).
 * Components: post-grade pay (BASE), performance (PERFORMANCE), result pay (AWARD), the baseline's
 * rank pay only when `includeRankPay`, the county's pay items, and sanction deductions as shares
 * of the performance pay (as the baseline deducts).
 */
export class JiangxiPayPolicy implements PayPolicy {
  constructor(private readonly config: JiangxiPayConfig) {}

  private gradeRow(postClass: JiangxiPostClass): number[] {
    const c = this.config;
    return postClass === JiangxiPostClass.PRINCIPAL ? c.principalGrades : postClass === JiangxiPostClass.DEPUTY ? c.deputyGrades : c.memberGrades;
  }

  private performanceAtFull(postClass: JiangxiPostClass): number {
    const c = this.config;
    return postClass === JiangxiPostClass.PRINCIPAL ? c.principalPerformance : postClass === JiangxiPostClass.DEPUTY ? c.deputyPerformance : c.memberPerformance;
  }

  /** Monthly result pay after a year rated `rating`. */
  resultPay(rating: Rating): number {
    const c = this.config;
    switch (rating) {
      case Rating.EXCELLENT:
        return c.excellentResultPay;
      case Rating.COMPETENT:
        return c.competentResultPay;
      case Rating.BASIC:
        return c.basicResultPay;
      default:
        return 0;
    }
  }

  /** The grade of a cadre holding posts of `postClass` with service from `serviceStart`, paid in `month`. */
  gradeOf(postClass: JiangxiPostClass, serviceStart: string, month: string, lastRating: Rating | null): PostGrade {
    const years = Math.max(0, yearsBetween(serviceStart, `${month}-01`));
    const bands = this.config.serviceBands;
    let band = 0;
    bands.forEach((from, i) => {
      if (years >= from) band = i;
    });
    const paidBand = lastRating === Rating.INCOMPETENT ? Math.max(0, band - this.config.incompetentBandsDown) : band;
    return { postClass, years, band, paidBand, monthly: this.gradeRow(postClass)[paidBand] };
  }

  components(input: PayInput): PayComponent[] {
    const out: PayComponent[] = [];
    const postClass = highestClass(input.posts);
    if (postClass) {
      const g = this.gradeOf(postClass, input.cadre.serviceStart, input.month, input.lastAnnualRating);
      const title = POST_CLASS_TITLES[postClass];
      const from = this.config.serviceBands[g.band];
      const lowered = g.paidBand !== g.band;
      out.push({
        kind: PayComponentKind.BASE,
        amount: g.monthly,
        rule: 'JIANGXI_POST_GRADE_PAY',
        zh: `岗位等级工资：${title.zh}第${g.paidBand + 1}档（任职${g.years}年，满${from}年为第${g.band + 1}档${lowered ? `；上年度不称职，降${g.band - g.paidBand}档` : ''}）`,
        en: `post-grade pay: ${title.en}, band ${g.paidBand + 1} (${g.years} years of service; ${from}+ years is band ${g.band + 1}${lowered ? `; incompetent last year, ${g.band - g.paidBand} band(s) lower` : ''})`,
      });
      const full = this.performanceAtFull(postClass);
      if (input.appraisalTotal === null) {
        out.push({ kind: PayComponentKind.PERFORMANCE, amount: 0, rule: 'JIANGXI_PERFORMANCE_NOT_APPRAISED', zh: '本期未考核，无绩效报酬', en: 'not appraised this period: no performance pay' });
      } else {
        out.push({
          kind: PayComponentKind.PERFORMANCE,
          amount: roundYuan((full * input.appraisalTotal) / 100),
          rule: 'JIANGXI_PERFORMANCE_BY_SCORE',
          zh: `绩效报酬：${title.zh}${full}元×考核得分${input.appraisalTotal}÷100`,
          en: `performance pay: ${title.en} ${full} × appraisal total ${input.appraisalTotal} ÷ 100`,
        });
      }
      const rating = input.lastAnnualRating;
      const result = rating ? this.resultPay(rating) : 0;
      if (rating && result > 0) {
        out.push({
          kind: PayComponentKind.AWARD,
          amount: result,
          rule: 'JIANGXI_ANNUAL_RESULT_PAY',
          zh: `业绩报酬：上年度考核${RATING_TITLES[rating].zh}，每月${result}元`,
          en: `result pay: rated ${RATING_TITLES[rating].en} last year, ${result} a month`,
        });
      }
    }
    if (this.config.includeRankPay && input.rank && input.rank.monthlyPay > 0) {
      out.push({ kind: PayComponentKind.RANK, amount: input.rank.monthlyPay, rule: 'RANK_PAY', zh: `职级报酬：${input.rank.title}`, en: `rank pay: level ${input.rank.level}` });
    }
    out.push(...input.items.map((item) => ({ ...item })));
    out.push(...deductionComponents(input, performanceOf(out)));
    return out;
  }

  validate(): RuleViolation[] {
    return [];
  }
}

/**
 * 参数一致性 the county's post-grade pay parameters checked together (`xz check`): pay "与年限相挂钩"
 * rises with the years of service, so no class's grade row may fall from one service band to the
 * next; and at each band 正职岗 ≥ 副职岗 ≥ 委员岗 (duties).
 */
export function jiangxiPayProblems(config: JiangxiPayConfig): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  const rows = [
    { key: 'principalGrades', cls: JiangxiPostClass.PRINCIPAL, row: config.principalGrades },
    { key: 'deputyGrades', cls: JiangxiPostClass.DEPUTY, row: config.deputyGrades },
    { key: 'memberGrades', cls: JiangxiPostClass.MEMBER, row: config.memberGrades },
  ];
  for (const { key, cls, row } of rows) {
    const i = row.findIndex((amount, band) => band > 0 && amount < row[band - 1]);
    if (i > 0) {
      const t = POST_CLASS_TITLES[cls];
      out.push({
        key: `pay.${key}`,
        message: `${t.zh}第${i + 1}档${row[i]}元低于第${i}档${row[i - 1]}元，岗位等级工资应随任职年限上升 (the ${t.en}'s band ${i + 1} pays ${row[i]}, less than band ${i}'s ${row[i - 1]}: post-grade pay rises with the years of service)`,
      });
    }
  }
  rows.forEach(({ key, cls, row }, r) => {
    const above = rows[r - 1];
    if (!above) return;
    const band = row.findIndex((amount, b) => amount > above.row[b]);
    if (band >= 0) {
      const [lo, hi] = [POST_CLASS_TITLES[cls], POST_CLASS_TITLES[above.cls]];
      out.push({
        key: `pay.${key}`,
        message: `${lo.zh}第${band + 1}档${row[band]}元高于${hi.zh}同档的${above.row[band]}元 (the ${lo.en} pays ${row[band]} in band ${band + 1}, more than the ${hi.en}'s ${above.row[band]})`,
      });
    }
  });
  return out;
}
