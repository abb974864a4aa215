import type { QuotaTie } from '@xiangzhi/personnel-api';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PolicyDecision } from '../shared/decision';
import { Appraisal, RankChange } from './appraisal.entity';

/** 考核维度 one dimension of the county's appraisal policy for a post category. */
@ObjectType('AppraisalDimensionView', { description: '考核维度（区县考核政策）/ Appraisal dimension (from the county’s appraisal policy)' })
export class AppraisalDimensionView {
  @Field(() => String, { description: '维度代码（登记得分时使用）/ Dimension code (used when recording scores)' })
  code!: string;

  @Field(() => String, { description: '维度名称 / Title' })
  title!: string;

  @Field(() => Float, { description: '权重（0–1，各维度合计为1）/ Weight (0–1; the weights sum to 1)' })
  weight!: number;

  @Field(() => String, { description: '考核政策来源（插件名，或 baseline 表示全国基线）/ Appraisal policy source (plugin name, or baseline)' })
  policy!: string;
}

/** 同分候选人 a candidate tied at a quota's cut-off. */
@ObjectType('QuotaTiedCandidate', { description: '名额边界同分的候选人 / A candidate tied at a quota’s cut-off' })
export class QuotaTiedCandidate {
  @Field(() => ID, { description: '干部 / Cadre' })
  cadreId!: string;

  @Field(() => String, { description: '姓名 / Name' })
  name!: string;

  @Field(() => Boolean, { description: '是否按同分裁定规则进入名额 / Whether the tie-break kept them inside the quota' })
  admitted!: boolean;
}

/** 名额边界同分 candidates sharing the total at a quota's cut-off, in the tie-break's order. */
@ObjectType('QuotaTie', { description: '名额边界同分：最后一个名额与其后候选人总分相同 / A tie at a quota’s cut-off: the last place inside and the first outside share a total' })
export class QuotaTieView {
  @Field(() => String, { description: '名额（如 EXCELLENT_QUOTA 优秀名额）/ Which quota (e.g. EXCELLENT_QUOTA)' })
  quota!: string;

  @Field(() => Float, { description: '同分的总分 / The total shared' })
  total!: number;

  @Field(() => Int, { description: '留给同分者的名额数 / Places inside the quota left for the tied candidates' })
  places!: number;

  @Field(() => [QuotaTiedCandidate], { description: '同分候选人（按裁定规则排序，进入名额者在前）/ The tied candidates in the tie-break’s order, those admitted first' })
  tied!: QuotaTiedCandidate[];

  static of(t: QuotaTie, nameOf: (cadreId: string) => string): QuotaTieView {
    return Object.assign(new QuotaTieView(), {
      quota: t.quota,
      total: t.total,
      places: t.places,
      tied: t.tied.map((c) => Object.assign(new QuotaTiedCandidate(), { cadreId: c.cadreId, name: nameOf(c.cadreId), admitted: c.admitted })),
    });
  }
}

/** 年度等次评定结果 what `finalizeAnnualRatings` decided for a township and year. */
@ObjectType('AnnualRatingsResult', { description: '乡镇年度等次评定结果（名额控制后）/ A township’s annual ratings after the quotas' })
export class AnnualRatingsResult {
  @Field(() => String, { description: '乡镇（街道）区划代码 / Township division code' })
  townshipCode!: string;

  @Field(() => Int, { description: '年度 / Year' })
  year!: number;

  @Field(() => String, { description: '考核政策来源 / Appraisal policy source' })
  policy!: string;

  @Field(() => [Appraisal], { description: '该乡镇本年度的年度考核（总分从高到低），含最终等次 / The township’s annual appraisals of the year, best total first, with their final ratings' })
  ratings!: Appraisal[];

  @Field(() => PolicyDecision, { nullable: true, description: '名额边界同分裁定规则（政策未说明时为空）/ The tie-break rule at the quotas’ cut-offs (null when the policy states none)' })
  tieBreak!: PolicyDecision | null;

  @Field(() => [QuotaTieView], { description: '名额边界的同分情况及同分候选人（无同分为空）/ Ties at the quotas’ cut-offs, naming the tied candidates (empty when none)' })
  ties!: QuotaTieView[];
}

/** 职级评定结果 what `runRankReview` decided for a county and year. */
@ObjectType('RankReviewResult', { description: '区县年度职级评定结果 / A county’s yearly rank review' })
export class RankReviewResult {
  @Field(() => String, { description: '区县区划代码 / County division code' })
  countyCode!: string;

  @Field(() => Int, { description: '评定年度 / Review year' })
  year!: number;

  @Field(() => String, { description: '职级政策来源 / Rank policy source' })
  policy!: string;

  @Field(() => [RankChange], { description: '每名在职干部一条评定记录 / One review result per serving cadre' })
  changes!: RankChange[];
}

/** 职级 a rank level as the county's rank policy defines it. */
@ObjectType('RankLevelView', { description: '职级（按区县职级政策）/ Rank level (per the county’s rank policy)' })
export class RankLevelView {
  @Field(() => Int, { description: '职级 / Level' })
  level!: number;

  @Field(() => String, { description: '职级名称 / Title' })
  title!: string;

  @Field(() => Float, { description: '每月职级报酬（元）/ Monthly rank pay in yuan' })
  monthlyPay!: number;

  static of(r: { level: number; title: string; monthlyPay: number }): RankLevelView {
    return Object.assign(new RankLevelView(), { level: r.level, title: r.title, monthlyPay: r.monthlyPay });
  }
}
