import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, type ValueTransformer } from 'typeorm';
import { POST_CLASSES, type PostClass } from './config';

/** numeric ↔ number (PostgreSQL returns numeric as text); amounts are yuan with two decimals. */
const numeric: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};

/** 四岗 the GraphQL enum of the four post classes of the base-pay scale. */
export const SuyuPostClass = Object.fromEntries(POST_CLASSES.map((c) => [c, c])) as { [K in PostClass]: K };
registerEnumType(SuyuPostClass, {
  name: 'SuyuPostClass',
  description: '宿豫"四岗20级"岗位类别 / Post class of Suyu’s 4 classes × 20 grades base-pay scale',
  valuesConfig: {
    SECRETARY: { description: '书记岗 / Secretary class' },
    DEPUTY: { description: '副职岗（副书记、主任）/ Deputy class (deputy secretary, committee director)' },
    MEMBER: { description: '委员岗（其他"两委"成员）/ Member class (other members of the two committees)' },
    STAFF: { description: '专职岗（专职工作者）/ Full-time staff class' },
  },
});

/** 报酬事项类别 what a recorded pay item is. */
export enum SuyuPayItemKind {
  /** 专项工作报酬 special-work pay */
  SPECIAL_WORK = 'SPECIAL_WORK',
  /** 发展报酬 development pay */
  DEVELOPMENT = 'DEVELOPMENT',
}
registerEnumType(SuyuPayItemKind, {
  name: 'SuyuPayItemKind',
  description: '宿豫报酬事项类别 / Kind of a Suyu pay item',
  valuesConfig: {
    SPECIAL_WORK: { description: '专项工作报酬 / Special-work pay' },
    DEVELOPMENT: { description: '发展报酬 / Development pay' },
  },
});

/** 基本报酬定级 a cadre's class and grade on the 四岗20级 scale, as a county or township set it. */
@Entity({ name: 'suyu_pay_grade' })
export class SuyuPayGradeRow {
  @PrimaryColumn({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @PrimaryColumn({ name: 'cadre_id', type: 'uuid' })
  cadreId!: string;

  @Column({ name: 'village_code', type: 'text' })
  villageCode!: string;

  @Column({ name: 'post_class', type: 'text' })
  postClass!: PostClass;

  @Column({ name: 'grade', type: 'int' })
  grade!: number;

  @Column({ name: 'set_by', type: 'text' })
  setBy!: string;

  @Column({ name: 'version', type: 'int' })
  version!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** 专项工作报酬、发展报酬 one amount recorded for a cadre and month. */
@Entity({ name: 'suyu_pay_item' })
@ObjectType('SuyuPayItem', { description: '宿豫报酬事项（专项工作报酬、发展报酬）/ A Suyu pay item (special-work or development pay)' })
export class SuyuPayItem {
  @PrimaryColumn({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @PrimaryColumn({ name: 'id', type: 'uuid' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '村（社区）区划代码 / Village division code' })
  villageCode!: string;

  @Column({ name: 'cadre_id', type: 'uuid' })
  @Field(() => ID, { description: '干部 / Cadre' })
  cadreId!: string;

  @Column({ name: 'kind', type: 'text' })
  @Field(() => SuyuPayItemKind, { description: '类别 / Kind' })
  kind!: SuyuPayItemKind;

  @Column({ name: 'month', type: 'text' })
  @Field(() => String, { description: '发放月份（YYYY-MM）/ Pay month (YYYY-MM)' })
  month!: string;

  @Column({ name: 'amount', type: 'numeric', precision: 12, scale: 2, transformer: numeric })
  @Field(() => Float, { description: '金额（元）/ Amount in yuan' })
  amount!: number;

  @Column({ name: 'title', type: 'text' })
  @Field(() => String, { description: '事项（专项工作或发展成效）/ What it is for (the special work, or the development result)' })
  title!: string;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '登记时间 / Recorded at' })
  createdAt!: Date;
}

/** 刚性退出情形 a hard exit situation found on a serving cadre ("凡违必清"). */
@Entity({ name: 'suyu_exit_flag' })
@ObjectType('SuyuExitFlag', { description: '宿豫刚性退出情形标记（凡违必清）/ A Suyu hard exit situation found on a cadre' })
export class SuyuExitFlag {
  @PrimaryColumn({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @PrimaryColumn({ name: 'id', type: 'uuid' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '村（社区）区划代码 / Village division code' })
  villageCode!: string;

  @Column({ name: 'cadre_id', type: 'uuid' })
  @Field(() => ID, { description: '干部 / Cadre' })
  cadreId!: string;

  @Column({ name: 'situation', type: 'text' })
  @Field(() => String, { description: '情形代码（区县13种刚性退出情形之一）/ Situation code (one of the county’s hard exit situations)' })
  situation!: string;

  @Column({ name: 'situation_zh', type: 'text' })
  @Field(() => String, { description: '情形（中文）/ Situation in Chinese' })
  zh!: string;

  @Column({ name: 'situation_en', type: 'text' })
  @Field(() => String, { description: '情形（英文）/ Situation in English' })
  en!: string;

  @Column({ name: 'found_on', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '发现日期 / Date found' })
  foundOn!: string;

  @Column({ name: 'note', type: 'text' })
  @Field(() => String, { description: '说明（事实与依据）/ Note (facts and grounds)' })
  note!: string;

  @Column({ name: 'flagged_by', type: 'text' })
  @Field(() => String, { description: '标记人 / Flagged by' })
  flaggedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '标记时间 / Flagged at' })
  createdAt!: Date;
}

/** 基本报酬定级 a cadre's class and grade on the scale, recorded or (without a record) the default. */
@ObjectType('SuyuPayGrade', { description: '宿豫"四岗20级"基本报酬定级 / A cadre’s class and grade on Suyu’s 4 classes × 20 grades base-pay scale' })
export class SuyuPayGrade {
  @Field(() => ID, { description: '干部 / Cadre' })
  cadreId!: string;

  @Field(() => SuyuPostClass, { nullable: true, description: '岗位类别（无岗位且未定级时为空）/ Post class (null without a post or a recorded grade)' })
  postClass!: PostClass | null;

  @Field(() => Int, { nullable: true, description: '级别（1–20，1为最低）/ Grade (1–20, 1 lowest)' })
  grade!: number | null;

  @Field(() => Float, { nullable: true, description: '月基本工资（元）/ Monthly base pay in yuan' })
  monthlyBase!: number | null;

  @Field(() => Boolean, { description: '是否已定级（否：按所任最高岗位第1级）/ Whether a grade is recorded (otherwise grade 1 of the highest post’s class)' })
  recorded!: boolean;

  @Field(() => Int, { nullable: true, description: '定级记录版本号（修改时提交）/ Version of the recorded grade (send it when changing it)' })
  version!: number | null;
}
