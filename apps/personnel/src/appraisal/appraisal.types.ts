import { Field, Float, Int, ObjectType } from 'type-graphql';
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
