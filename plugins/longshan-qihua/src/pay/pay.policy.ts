import type { ConfigProblem, RuleViolation } from '@xiangzhi/kernel';
import {
  deductionComponents,
  PayComponentKind,
  performanceOf,
  PostCategory,
  roundYuan,
  type PayComponent,
  type PayInput,
  type PayPolicy,
} from '@xiangzhi/personnel-api';
import type { LongshanQihuaConfig, PostPayConfig } from '../config';
import { LongshanRankPolicy } from '../rank/rank.policy';

/** Which pay parameters a post takes. */
export type PayClass = 'secretary' | 'auxiliaryPolice' | 'fullTimeSecretary' | 'partTime';

const PAY_CLASS_TITLES: Record<PayClass, { zh: string; en: string }> = {
  secretary: { zh: '村（社区）党组织书记', en: 'Party secretary' },
  auxiliaryPolice: { zh: '辅警', en: 'auxiliary police' },
  fullTimeSecretary: { zh: '全职化秘书', en: 'full-time secretary' },
  partTime: { zh: '兼职干部', en: 'part-time cadre' },
};

/** Highest first: a cadre holding several posts is paid by the first of these they hold. */
const PRECEDENCE: readonly PayClass[] = ['secretary', 'auxiliaryPolice', 'fullTimeSecretary', 'partTime'];

export function payClassOf(category: PostCategory): PayClass {
  switch (category) {
    case PostCategory.PARTY_SECRETARY:
      return 'secretary';
    case PostCategory.AUXILIARY_POLICE:
      return 'auxiliaryPolice';
    case PostCategory.FULL_TIME_STAFF:
      return 'fullTimeSecretary';
    default:
      return 'partTime';
  }
}

/** The post a cadre is paid by, and its pay class (null when the cadre holds no post). */
export function payingPost(posts: PayInput['posts']): { post: PayInput['posts'][number]; payClass: PayClass } | null {
  let best: { post: PayInput['posts'][number]; payClass: PayClass } | null = null;
  for (const post of posts) {
    const payClass = payClassOf(post.category);
    if (!best || PRECEDENCE.indexOf(payClass) < PRECEDENCE.indexOf(best.payClass)) best = { post, payClass };
  }
  return best;
}

/** A band as text: `40000–45000` or `不低于40000` / `at least 40000`. */
function bandText(p: PostPayConfig): { zh: string; en: string } {
  if (p.annualMin !== null && p.annualMax !== null) return { zh: `${p.annualMin}–${p.annualMax}元`, en: `${p.annualMin}–${p.annualMax}` };
  if (p.annualMin !== null) return { zh: `不低于${p.annualMin}元`, en: `at least ${p.annualMin}` };
  if (p.annualMax !== null) return { zh: `不高于${p.annualMax}元`, en: `at most ${p.annualMax}` };
  return { zh: '不限', en: 'unbounded' };
}

/**
 * 长效化保障 Longshan's pay (seed: "基本报酬+工作绩效"; 书记年报酬4–4.5万元、全职化秘书3.56–4.23万元、辅警不低于
 * 4万元; target structure 基本报酬+职级报酬+绩效报酬):
 * - base pay of the post the cadre is paid by (secretary, then auxiliary police, then full-time
 *   secretary, then any part-time post);
 * - performance pay: the post's monthly performance standard × the period's appraisal total ÷ 100
 *   (none when not appraised);
 * - rank pay of the cadre's level, for full-time posts only (seed: 全职化人员职级报酬); a cadre not
 *   yet ranked (e.g. appointed before the county enabled the plugin) is paid the starting level's;
 * - the county's pay items of the month: dispatched-task results (PERFORMANCE) and 双有双奖 awards
 *   (AWARD);
 * - sanction deductions as shares of the whole performance pay (task results included).
 *
 * `validate` — 年化标准报酬 annualised standard pay = (base + rank pay + performance standard) × 12,
 * i.e. a month paid in full at an appraisal total of 100, before task results, awards and deductions.
 * A cadre paid by a post with a band whose annualised standard pay lies outside it is refused
 * (`LONGSHAN_PAY_BAND`, naming the band), one violation per cadre.
 */
export class LongshanPayPolicy implements PayPolicy {
  private readonly pay: LongshanQihuaConfig['pay'];
  /** The starting level and its rank pay, for a cadre not yet ranked. */
  private readonly initial: { level: number; monthlyPay: number };

  constructor(config: LongshanQihuaConfig) {
    this.pay = config.pay;
    const ranks = new LongshanRankPolicy(config);
    this.initial = { level: ranks.initialLevel(), monthlyPay: ranks.monthlyPayOf(ranks.initialLevel()) };
  }

  /** Monthly rank pay counted for a cadre paid by this post (full-time posts only; the starting level's when unranked). */
  private rankPay(input: PayInput, fullTime: boolean): number {
    if (!fullTime) return 0;
    return input.rank ? input.rank.monthlyPay : this.initial.monthlyPay;
  }

  /** 年化标准报酬 (base + rank pay + performance standard) × 12, in yuan; null when the cadre holds no post. */
  annualisedStandard(input: PayInput): { annual: number; payClass: PayClass; base: number; rank: number; performance: number } | null {
    const paying = payingPost(input.posts);
    if (!paying) return null;
    const p = this.pay[paying.payClass];
    const rank = this.rankPay(input, paying.post.fullTime);
    return { annual: roundYuan((p.baseMonthly + rank + p.performanceMonthly) * 12), payClass: paying.payClass, base: p.baseMonthly, rank, performance: p.performanceMonthly };
  }

  components(input: PayInput): PayComponent[] {
    const out: PayComponent[] = [];
    const paying = payingPost(input.posts);
    if (paying) {
      const p = this.pay[paying.payClass];
      const title = PAY_CLASS_TITLES[paying.payClass];
      out.push({
        kind: PayComponentKind.BASE,
        amount: p.baseMonthly,
        rule: 'LONGSHAN_BASE_PAY',
        zh: `基本报酬：${paying.post.title}（${title.zh}）每月${p.baseMonthly}元`,
        en: `base pay of ${paying.post.title} (${title.en}): ${p.baseMonthly} a month`,
      });
      if (input.appraisalTotal === null) {
        out.push({ kind: PayComponentKind.PERFORMANCE, amount: 0, rule: 'LONGSHAN_PERFORMANCE_NOT_APPRAISED', zh: '本期未考核，无绩效报酬', en: 'not appraised this period: no performance pay' });
      } else {
        out.push({
          kind: PayComponentKind.PERFORMANCE,
          amount: roundYuan((p.performanceMonthly * input.appraisalTotal) / 100),
          rule: 'LONGSHAN_PERFORMANCE',
          zh: `工作绩效：绩效标准${p.performanceMonthly}元×考核得分${input.appraisalTotal}÷100`,
          en: `performance pay: standard ${p.performanceMonthly} × appraisal total ${input.appraisalTotal} ÷ 100`,
        });
      }
      const rank = this.rankPay(input, paying.post.fullTime);
      if (rank > 0) {
        out.push(
          input.rank
            ? { kind: PayComponentKind.RANK, amount: rank, rule: 'LONGSHAN_RANK_PAY', zh: `职级报酬：${input.rank.title}每月${rank}元`, en: `rank pay: level ${input.rank.level}, ${rank} a month` }
            : {
                kind: PayComponentKind.RANK,
                amount: rank,
                rule: 'LONGSHAN_RANK_PAY_UNRANKED',
                zh: `职级报酬：未定级，按起始职级第${this.initial.level}级每月${rank}元`,
                en: `rank pay: not yet ranked, the starting level ${this.initial.level}: ${rank} a month`,
              },
        );
      }
    }
    out.push(...input.items.map((item) => ({ ...item })));
    out.push(...deductionComponents(input, performanceOf(out)));
    return out;
  }

  validate(input: PayInput): RuleViolation[] {
    const s = this.annualisedStandard(input);
    if (!s) return [];
    const p = this.pay[s.payClass];
    const below = p.annualMin !== null && s.annual < p.annualMin;
    const above = p.annualMax !== null && s.annual > p.annualMax;
    if (!below && !above) return [];
    const title = PAY_CLASS_TITLES[s.payClass];
    const band = bandText(p);
    return [
      {
        rule: 'LONGSHAN_PAY_BAND',
        zh: `年化标准报酬${s.annual}元（（基本${s.base}+职级${s.rank}+绩效标准${s.performance}）×12）${below ? '低于' : '高于'}${title.zh}年报酬区间${band.zh}`,
        en: `annualised standard pay ${s.annual} ((base ${s.base} + rank ${s.rank} + performance standard ${s.performance}) × 12) is ${below ? 'below' : 'above'} the ${title.en} band ${band.en}`,
      },
    ];
  }
}

/** The pay classes of the seed's full-time posts (书记、全职化秘书、辅警), which earn rank pay. */
const FULL_TIME_CLASSES: readonly PayClass[] = ['secretary', 'fullTimeSecretary', 'auxiliaryPolice'];

/**
 * 参数一致性 a county's pay parameters checked against its own bands, as `validate` will check every
 * payroll: for each pay class with a band, the annualised standard pay (base + rank pay +
 * performance standard) × 12 at every rank level a holder can reach (full-time classes: the lowest
 * to the highest level; part-time: no rank pay) must lie inside the band. A class outside it at
 * every level would refuse every payroll of its holders; outside at some levels, the payrolls of
 * those ranks. One problem per class, keyed by the class's base pay.
 */
export function payBandProblems(config: LongshanQihuaConfig): ConfigProblem[] {
  const ranks = new LongshanRankPolicy(config);
  const levels = ranks.levels();
  const out: ConfigProblem[] = [];
  for (const payClass of PRECEDENCE) {
    const p = config.pay[payClass];
    if (p.annualMin === null && p.annualMax === null) continue;
    const rankPays = FULL_TIME_CLASSES.includes(payClass) ? levels.map((l) => ({ level: l.level, pay: l.monthlyPay })) : [{ level: null, pay: 0 }];
    const outside = rankPays
      .map((r) => ({ ...r, annual: roundYuan((p.baseMonthly + r.pay + p.performanceMonthly) * 12) }))
      .filter((r) => (p.annualMin !== null && r.annual < p.annualMin) || (p.annualMax !== null && r.annual > p.annualMax));
    if (outside.length === 0) continue;
    const title = PAY_CLASS_TITLES[payClass];
    const band = bandText(p);
    const all = outside.length === rankPays.length;
    const range = [...new Set(outside.map((r) => r.annual))].sort((a, b) => a - b);
    const amounts = range.length === 1 ? `${range[0]}` : `${range[0]}–${range[range.length - 1]}`;
    const which = all
      ? { zh: '每一职级', en: 'every rank level' }
      : { zh: `第${outside.map((r) => r.level).join('、')}级`, en: `rank level(s) ${outside.map((r) => r.level).join(', ')}` };
    out.push({
      key: `pay.${payClass}.baseMonthly`,
      message:
        `${title.zh}年化标准报酬（（基本${p.baseMonthly}+职级报酬+绩效标准${p.performanceMonthly}）×12）在${which.zh}为${amounts}元，超出本县年报酬区间${band.zh}，` +
        `${all ? '该岗位每一次' : '这些职级的'}报酬核算都将被拒绝 ` +
        `(the ${title.en}'s annualised standard pay ((base ${p.baseMonthly} + rank pay + performance standard ${p.performanceMonthly}) × 12) is ${amounts} at ${which.en}, ` +
        `outside the county's band ${band.en}: ${all ? 'every payroll of its holders' : 'the payrolls at those ranks'} would be refused)`,
    });
  }
  return out;
}
