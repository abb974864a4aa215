import { ConnectionType, VillageRecord } from '@xiangzhi/kernel';
import { MoneyScalar } from '@xiangzhi/economy-api';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** 三务公开类别 kinds of disclosure. */
export enum DisclosureKind {
  PARTY = 'PARTY',
  VILLAGE = 'VILLAGE',
  FINANCE = 'FINANCE',
}

export const KIND_TITLES: Record<DisclosureKind, { zh: string; en: string }> = {
  PARTY: { zh: '党务公开', en: 'Party affairs' },
  VILLAGE: { zh: '村务公开', en: 'village affairs' },
  FINANCE: { zh: '财务公开', en: 'finances' },
};

registerEnumType(DisclosureKind, {
  name: 'DisclosureKind',
  description: '三务公开类别 / Kind of disclosure (三务公开)',
  valuesConfig: {
    PARTY: { description: '党务公开 / Party affairs' },
    VILLAGE: { description: '村务公开 / Village affairs' },
    FINANCE: { description: '财务公开 / Finances' },
  },
});

/** One item of a disclosure as stored (amount in fen as a string, JSON has no bigint). */
export interface StoredDisclosureItem {
  title: string;
  content: string;
  amountFen: string | null;
}

@ObjectType('DisclosureItem', { description: '公开事项 / Item of a disclosure' })
export class DisclosureItem {
  @Field(() => String, { description: '事项 / Title' })
  title!: string;

  @Field(() => String, { description: '内容 / Content' })
  content!: string;

  @Field(() => MoneyScalar, { nullable: true, description: '金额（元）/ Amount (yuan)' })
  amount!: bigint | null;
}

/** 三务公开 one disclosure of a village for a period. */
@Entity({ name: 'disclosure' })
@ObjectType('Disclosure', { description: '三务公开（党务、村务、财务）/ Disclosure of Party affairs, village affairs or finances' })
@Directive('@key(fields: "id")')
export class Disclosure extends VillageRecord {
  @Column({ name: 'kind', type: 'text' })
  @Field(() => DisclosureKind, { description: '类别 / Kind' })
  kind!: DisclosureKind;

  @Column({ name: 'period', type: 'text' })
  @Field(() => String, { description: '期间（月 YYYY-MM 或季度 YYYY-Qn）/ Period (month YYYY-MM or quarter YYYY-Qn)' })
  period!: string;

  @Column({ name: 'year', type: 'int' })
  @Field(() => Int, { description: '年度 / Year' })
  year!: number;

  @Column({ name: 'title', type: 'text' })
  @Field(() => String, { description: '标题 / Title' })
  title!: string;

  @Column({ name: 'items', type: 'jsonb' })
  storedItems!: StoredDisclosureItem[];

  @Column({ name: 'published_on', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '公开日期 / Date published' })
  publishedOn!: string;

  @Column({ name: 'due_on', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '应公开截止日（遇节假日顺延至下一工作日）/ Due day (moved to the next working day when a holiday or weekend)' })
  dueOn!: string;

  @Column({ name: 'published_by', type: 'text' })
  @Field(() => String, { description: '公开人 / Published by (actor id)' })
  publishedBy!: string;

  @Column({ name: 'version', type: 'int' })
  @Field(() => Int, { description: '版本号 / Version' })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '登记时间 / Recorded at' })
  createdAt!: Date;
}

/** 异议 a resident's objection to a disclosure, and its answer. */
@Entity({ name: 'disclosure_objection' })
@ObjectType('DisclosureObjection', { description: '群众对公开内容的异议 / A resident’s objection to a disclosure' })
export class DisclosureObjection {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'disclosure_id', type: 'uuid' })
  disclosureId!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '村（社区）代码 / Village division code' })
  villageCode!: string;

  @Column({ name: 'resident_id', type: 'uuid' })
  residentId!: string;

  @Column({ name: 'text', type: 'text' })
  @Field(() => String, { description: '异议内容 / Text' })
  text!: string;

  @Column({ name: 'raised_on', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '提出日期 / Date raised' })
  raisedOn!: string;

  @Column({ name: 'answer_due_on', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '答复期限（按本县工作日计算）/ Answer due by (county working days)' })
  answerDueOn!: string;

  @Column({ name: 'answer', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '答复 / Answer' })
  answer!: string | null;

  @Column({ name: 'answered_on', type: 'date', nullable: true })
  @Field(() => GraphQLLocalDate, { nullable: true, description: '答复日期 / Date answered' })
  answeredOn!: string | null;

  @Column({ name: 'answered_by', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '答复人 / Answered by (actor id)' })
  answeredBy!: string | null;

  @Column({ name: 'raised_by', type: 'text' })
  raisedBy!: string;

  @Column({ name: 'version', type: 'int' })
  @Field(() => Int, { description: '版本号（答复时提交）/ Version (send it when answering)' })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '登记时间 / Recorded at' })
  createdAt!: Date;
}

/** 逾期未公开 one village and period without a disclosure by its due day. */
@ObjectType('OverdueDisclosure', { description: '逾期未公开（村 × 应公开期间）/ A village and period without a disclosure by the due day' })
export class OverdueDisclosure {
  @Field(() => String, { description: '村（社区）代码 / Village division code' })
  villageCode!: string;

  @Field(() => String, { description: '村（社区）名称 / Village name' })
  villageName!: string;

  @Field(() => DisclosureKind, { description: '类别 / Kind' })
  kind!: DisclosureKind;

  @Field(() => String, { description: '期间 / Period' })
  period!: string;

  @Field(() => GraphQLLocalDate, { description: '截止日（遇节假日已顺延）/ Due day (moved past holidays)' })
  dueOn!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: '逾期后补公开的日期；仍未公开为空 / Date published late; null while still missing' })
  publishedOn!: string | null;

  @Field(() => Int, { description: '逾期天数（至补公开日或查询日）/ Days overdue (to the late publication or the date asked)' })
  daysOverdue!: number;
}

/** 应公开期间 one period a county's schedule makes due, and by which day. */
@ObjectType('DisclosureDue', { description: '应公开期间及截止日 / A period due for disclosure and its due day' })
export class DisclosureDue {
  @Field(() => DisclosureKind, { description: '类别 / Kind' })
  kind!: DisclosureKind;

  @Field(() => String, { description: '期间 / Period' })
  period!: string;

  @Field(() => GraphQLLocalDate, { description: '截止日（遇周末、节假日顺延）/ Due day (moved past weekends and holidays)' })
  dueOn!: string;

  @Field(() => String, { description: '应公开内容（中文 / English）/ What must be disclosed' })
  content!: string;
}

export const DisclosureConnection = ConnectionType(Disclosure, 'Disclosure', '三务公开 / Disclosures');
