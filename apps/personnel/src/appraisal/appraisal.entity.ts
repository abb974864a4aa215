import { ConnectionType } from '@xiangzhi/kernel';
import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { Rating } from '../shared/enums';
import type { StoredDecision } from '../shared/decision';
import { numericColumn } from '../shared/columns';

/** 考核周期 appraisal period kind. */
export enum AppraisalPeriodType {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}
registerEnumType(AppraisalPeriodType, {
  name: 'AppraisalPeriodType',
  description: '考核周期 / Appraisal period',
  valuesConfig: {
    MONTH: { description: '月度（岗位绩效）/ Monthly (post performance)' },
    QUARTER: { description: '季度（岗位绩效）/ Quarterly (post performance)' },
    YEAR: { description: '年度（评定等次）/ Annual (rating)' },
  },
});

/** 考核得分 one dimension's score. */
@ObjectType('AppraisalScore', { description: '维度得分 / Score of one dimension' })
export class AppraisalScore {
  @Field(() => String, { description: '维度代码 / Dimension code' })
  dimension!: string;

  @Field(() => String, { description: '维度名称 / Dimension title' })
  title!: string;

  @Field(() => Float, { description: '权重 / Weight' })
  weight!: number;

  @Field(() => Float, { description: '得分（0–100）/ Score (0–100)' })
  score!: number;
}

/**
 * 考核 an appraisal of a cadre for a period: monthly/quarterly post appraisals feed performance pay;
 * the annual one gets a rating (provisional from thresholds, final once the township's quotas are
 * applied by `finalizeAnnualRatings`).
 */
@Entity({ name: 'appraisal' })
@ObjectType('Appraisal', { description: '考核（月度、季度岗位考核；年度评定等次）/ Appraisal (monthly or quarterly post appraisal; annual rating)' })
export class Appraisal {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @Column({ name: 'township_code', type: 'text' })
  townshipCode!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '村（社区）/ Village' })
  villageCode!: string;

  @Column({ name: 'cadre_id', type: 'uuid' })
  cadreId!: string;

  @Column({ name: 'period_type', type: 'text' })
  @Field(() => AppraisalPeriodType, { description: '周期 / Period type' })
  periodType!: AppraisalPeriodType;

  /** `2024-03` (month), `2024-Q1` (quarter) or `2024` (year). */
  @Column({ name: 'period', type: 'text' })
  @Field(() => String, { description: '期间：YYYY-MM、YYYY-Qn 或 YYYY / Period: YYYY-MM, YYYY-Qn or YYYY' })
  period!: string;

  @Column({ name: 'scores', type: 'jsonb' })
  @Field(() => [AppraisalScore], { description: '各维度得分 / Scores by dimension' })
  scores!: AppraisalScore[];

  @Column({ name: 'total', type: 'numeric', precision: 5, scale: 2, transformer: numericColumn })
  @Field(() => Float, { description: '加权总分 / Weighted total' })
  total!: number;

  /** Annual only: rating from the thresholds, before quotas. */
  @Column({ name: 'provisional_rating', type: 'text', nullable: true })
  @Field(() => Rating, { nullable: true, description: '初评等次（年度，未经名额控制）/ Provisional rating (annual, before quotas)' })
  provisionalRating!: Rating | null;

  @Column({ name: 'rating_decision', type: 'jsonb', nullable: true })
  ratingDecision!: StoredDecision | null;

  /** Annual only: the rating after `finalizeAnnualRatings`. */
  @Column({ name: 'final_rating', type: 'text', nullable: true })
  @Field(() => Rating, { nullable: true, description: '最终等次（乡镇名额控制后）/ Final rating (after the township quotas)' })
  finalRating!: Rating | null;

  @Column({ name: 'final_decision', type: 'jsonb', nullable: true })
  finalDecision!: StoredDecision | null;

  @Column({ name: 'policy', type: 'text' })
  @Field(() => String, { description: '考核政策来源 / Appraisal policy source' })
  policy!: string;

  @Column({ name: 'appraiser', type: 'text' })
  @Field(() => String, { description: '考核人 / Appraiser (actor id)' })
  appraiser!: string;

  @VersionColumn({ name: 'version', type: 'int' })
  @Field(() => Int, { description: '版本号（乐观锁）/ Version (optimistic locking)' })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '登记时间 / Recorded at' })
  createdAt!: Date;
}

export const AppraisalConnection = ConnectionType(Appraisal, 'Appraisal', '考核');

/** 职级变动 one rank review result (rank history). */
@Entity({ name: 'rank_change' })
@ObjectType('RankChange', { description: '职级评定记录 / Rank review result (rank history)' })
export class RankChange {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @Column({ name: 'village_code', type: 'text' })
  villageCode!: string;

  @Column({ name: 'cadre_id', type: 'uuid' })
  cadreId!: string;

  @Column({ name: 'year', type: 'int' })
  @Field(() => Int, { description: '评定年度 / Review year' })
  year!: number;

  @Column({ name: 'from_level', type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: '原职级（首次定级为空）/ Level before (empty when first ranked)' })
  fromLevel!: number | null;

  @Column({ name: 'to_level', type: 'int' })
  @Field(() => Int, { description: '评定后职级 / Level after' })
  toLevel!: number;

  @Column({ name: 'decision', type: 'jsonb' })
  decision!: StoredDecision;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '评定时间 / Reviewed at' })
  createdAt!: Date;
}
