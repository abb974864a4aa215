import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numericColumn } from '../shared/columns';

/** 双有双奖 what an award is for. */
export enum LongshanAwardKind {
  /** 有荣誉 an honour won by the village team (3,000–50,000 per honour) */
  HONOUR = 'HONOUR',
  /** 有业绩：实现十无目标 the 十无 goals reached for a year (10,000) */
  TEN_NO = 'TEN_NO',
  /** 一类班子 one of the county's top 10% village teams of a year (10,000) */
  FIRST_CLASS_TEAM = 'FIRST_CLASS_TEAM',
}
registerEnumType(LongshanAwardKind, {
  name: 'LongshanAwardKind',
  description: '龙山双有双奖类别 / Longshan award kind',
  valuesConfig: {
    HONOUR: { description: '有荣誉：每项荣誉差异式奖励 / An honour won (differentiated award per honour)' },
    TEN_NO: { description: '有业绩：实现十无目标的年度综合奖励 / The 十无 goals reached for a year' },
    FIRST_CLASS_TEAM: { description: '一类班子奖励 / Named one of the county’s first-class village teams' },
  },
});

/**
 * 村级班子奖励 an award to a village team (seed: 双有双奖, 一类班子). The money goes to the team's cadres
 * as performance awards (所获奖励资金用于对村(社区)干部进行绩效奖励): split equally among the cadres paid
 * in `month`, as AWARD pay items of that month's payroll.
 */
@Entity({ name: 'longshan_award' })
@ObjectType('LongshanAward', { description: '龙山村级班子奖励（双有双奖、一类班子）/ Longshan award to a village team' })
export class LongshanAward {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '村（社区）区划代码 / Village division code' })
  villageCode!: string;

  @Column({ name: 'kind', type: 'text' })
  @Field(() => LongshanAwardKind, { description: '奖励类别 / Kind' })
  kind!: LongshanAwardKind;

  @Column({ name: 'year', type: 'int' })
  @Field(() => Int, { description: '奖励所属年度 / Year the award is for' })
  year!: number;

  @Column({ name: 'month', type: 'text' })
  @Field(() => String, { description: '发放月份（YYYY-MM，计入该月报酬）/ Month paid (YYYY-MM; part of that month’s pay)' })
  month!: string;

  @Column({ name: 'title', type: 'text' })
  @Field(() => String, { description: '奖励事由 / What it is for' })
  title!: string;

  @Column({ name: 'amount', type: 'numeric', precision: 12, scale: 2, transformer: numericColumn })
  @Field(() => Float, { description: '奖励金额（元，由当月领取报酬的干部平分）/ Amount in yuan (split equally among the cadres paid that month)' })
  amount!: number;

  @Column({ name: 'granted_by', type: 'text' })
  @Field(() => String, { description: '授予人 / Granted by (actor id)' })
  grantedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '授予时间 / Granted at' })
  createdAt!: Date;
}

/**
 * 一类班子评选 one village's place in its county's yearly team rating: the average of its cadres'
 * final annual appraisal totals, its rank, and whether it was named 一类班子 (with the award).
 */
@Entity({ name: 'longshan_team_rating' })
@ObjectType('LongshanTeamRating', { description: '龙山村级班子年度评选（一类班子）/ Longshan yearly village team rating (first-class teams)' })
export class LongshanTeamRating {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'county_code', type: 'text' })
  @Field(() => String, { description: '区县区划代码 / County division code' })
  countyCode!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '村（社区）区划代码 / Village division code' })
  villageCode!: string;

  @Column({ name: 'year', type: 'int' })
  @Field(() => Int, { description: '评选年度 / Year' })
  year!: number;

  @Column({ name: 'average', type: 'numeric', precision: 5, scale: 2, transformer: numericColumn })
  @Field(() => Float, { description: '班子成员年度考核最终总分的平均分 / Average of the team’s final annual appraisal totals' })
  average!: number;

  @Column({ name: 'rated_cadres', type: 'int' })
  @Field(() => Int, { description: '参与计算的干部人数 / Cadres counted' })
  ratedCadres!: number;

  @Column({ name: 'rank', type: 'int' })
  @Field(() => Int, { description: '全县名次（1为最高）/ Place in the county (1 is best)' })
  rank!: number;

  @Column({ name: 'first_class', type: 'boolean' })
  @Field(() => Boolean, { description: '是否评为一类班子 / Named a first-class team' })
  firstClass!: boolean;

  @Column({ name: 'award_id', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: '一类班子奖励（LongshanAward 标识）/ The first-class award (LongshanAward id)' })
  awardId!: string | null;

  @Column({ name: 'award_amount', type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: numericColumn })
  @Field(() => Float, { nullable: true, description: '一类班子奖励金额（元）/ First-class award in yuan' })
  awardAmount!: number | null;

  @Column({ name: 'decided_by', type: 'text' })
  @Field(() => String, { description: '评选人 / Rated by (actor id)' })
  decidedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '评选时间 / Rated at' })
  createdAt!: Date;
}
