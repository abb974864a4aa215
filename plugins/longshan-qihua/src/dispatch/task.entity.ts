import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numericColumn } from '../shared/columns';

/**
 * 派单 a task dispatched to a village for a month (seed: 推行村级班子和村级干部"派单式"管理，按月派单、按月
 * 考核，根据考核结果兑现奖惩). Addressed to named cadres of the village, or to the whole village team
 * when `cadreIds` is empty; assessed once a month with a score of 0–100.
 */
@Entity({ name: 'longshan_task' })
@ObjectType('LongshanTask', { description: '龙山派单任务（按月派单、按月考核）/ Longshan dispatched task (dispatched and assessed monthly)' })
export class LongshanTask {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '村（社区）区划代码 / Village division code' })
  villageCode!: string;

  @Column({ name: 'month', type: 'text' })
  @Field(() => String, { description: '派单月份（YYYY-MM）/ Month dispatched for (YYYY-MM)' })
  month!: string;

  @Column({ name: 'title', type: 'text' })
  @Field(() => String, { description: '任务内容 / Task' })
  title!: string;

  /** Cadres the task is addressed to; empty: the whole village team. */
  @Column({ name: 'cadre_ids', type: 'jsonb' })
  @Field(() => [ID], { description: '承办干部标识（为空表示全村班子）/ Cadres addressed (empty: the whole village team)' })
  cadreIds!: string[];

  @Column({ name: 'score', type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: numericColumn })
  @Field(() => Float, { nullable: true, description: '考核得分（0–100，未考核为空）/ Assessment score (0–100; null until assessed)' })
  score!: number | null;

  @Column({ name: 'dispatched_by', type: 'text' })
  @Field(() => String, { description: '派单人 / Dispatched by (actor id)' })
  dispatchedBy!: string;

  @Column({ name: 'assessed_by', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '考核人 / Assessed by (actor id)' })
  assessedBy!: string | null;

  @Column({ name: 'assessed_at', type: 'timestamptz', nullable: true })
  @Field(() => GraphQLISODateTime, { nullable: true, description: '考核时间 / Assessed at' })
  assessedAt!: Date | null;

  @Column({ name: 'version', type: 'int', default: 1 })
  @Field(() => Int, { description: '版本号（乐观锁）/ Version (optimistic locking)' })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '派单时间 / Dispatched at' })
  createdAt!: Date;
}
