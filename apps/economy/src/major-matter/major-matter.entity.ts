import { ConnectionType, VersionedVillageRecord } from '@xiangzhi/kernel';
import { MoneyScalar } from '@xiangzhi/economy-api';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { fenColumn } from '../shared/money';

/** 授权事务 what a major matter authorises. */
export enum MajorMatterSubjectKind {
  DISTRIBUTION = 'DISTRIBUTION',
  CONTRACT = 'CONTRACT',
  PROJECT = 'PROJECT',
}

/** 四议两公开步骤 the steps, in order. */
export enum MajorMatterStep {
  PROPOSED = 'PROPOSED',
  DELIBERATED = 'DELIBERATED',
  REVIEWED = 'REVIEWED',
  RESOLVED = 'RESOLVED',
  DECISION_PUBLISHED = 'DECISION_PUBLISHED',
  RESULT_PUBLISHED = 'RESULT_PUBLISHED',
}

/** 事项结果 where a matter stands. */
export enum MajorMatterOutcome {
  PENDING = 'PENDING',
  ADOPTED = 'ADOPTED',
  REJECTED = 'REJECTED',
}

export const STEP_ORDER: readonly MajorMatterStep[] = [
  MajorMatterStep.PROPOSED,
  MajorMatterStep.DELIBERATED,
  MajorMatterStep.REVIEWED,
  MajorMatterStep.RESOLVED,
  MajorMatterStep.DECISION_PUBLISHED,
  MajorMatterStep.RESULT_PUBLISHED,
];

export const STEP_TITLES: Record<MajorMatterStep, { zh: string; en: string }> = {
  PROPOSED: { zh: '村党组织提议', en: 'proposal by the Party branch' },
  DELIBERATED: { zh: '村两委会议商议', en: 'deliberation by the two committees' },
  REVIEWED: { zh: '党员大会审议', en: "review by the Party members' meeting" },
  RESOLVED: { zh: '村民（代表）会议决议', en: "resolution of the villagers' (representatives') meeting" },
  DECISION_PUBLISHED: { zh: '决议公开', en: 'decision published' },
  RESULT_PUBLISHED: { zh: '实施结果公开', en: 'implementation result published' },
};

registerEnumType(MajorMatterSubjectKind, {
  name: 'MajorMatterSubject',
  description: '四议两公开事项所授权的事务 / What a major matter authorises',
  valuesConfig: {
    DISTRIBUTION: { description: '收益分配 / Distribution' },
    CONTRACT: { description: '资产资源发包（合同）/ Lease of an asset or resource (contract)' },
    PROJECT: { description: '项目 / Project' },
  },
});

registerEnumType(MajorMatterStep, {
  name: 'MajorMatterStep',
  description: '四议两公开步骤（依次进行，不可跳过或重复）/ Step of the major-matter procedure (in order; none skipped or repeated)',
  valuesConfig: Object.fromEntries(STEP_ORDER.map((s) => [s, { description: `${STEP_TITLES[s].zh} / ${STEP_TITLES[s].en}` }])),
});

registerEnumType(MajorMatterOutcome, {
  name: 'MajorMatterOutcome',
  description: '四议两公开事项结果 / Outcome of a major matter',
  valuesConfig: {
    PENDING: { description: '尚未决议 / Not resolved yet' },
    ADOPTED: { description: '村民（代表）会议决议通过 / Adopted by the meeting' },
    REJECTED: { description: '决议未通过，事项终止 / Rejected: the matter ends' },
  },
});

/** 四议两公开事项 a village's major matter going through the procedure. */
@Entity({ name: 'major_matter' })
@ObjectType('MajorMatter', { description: '四议两公开事项 / Major matter under the 4+2 procedure (四议两公开)' })
@Directive('@key(fields: "id")')
export class MajorMatter extends VersionedVillageRecord {
  @Column({ name: 'year', type: 'int' })
  @Field(() => Int, { description: '年度（提议年份）/ Year (of the proposal)' })
  year!: number;

  @Column({ name: 'title', type: 'text' })
  @Field(() => String, { description: '事项名称 / Title' })
  title!: string;

  @Column({ name: 'subject', type: 'text' })
  @Field(() => MajorMatterSubjectKind, { description: '所授权的事务 / What it authorises' })
  subject!: MajorMatterSubjectKind;

  @Column({ name: 'subject_id', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: '关联的项目、合同或分配标识 / The project, contract or distribution it is linked to' })
  subjectId!: string | null;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: fenColumn })
  @Field(() => MoneyScalar, { description: '涉及金额（元）/ Amount (yuan)' })
  amount!: bigint;

  @Column({ name: 'step', type: 'text' })
  @Field(() => MajorMatterStep, { description: '已完成的最后一步 / Last step taken' })
  step!: MajorMatterStep;

  @Column({ name: 'outcome', type: 'text' })
  @Field(() => MajorMatterOutcome, { description: '结果 / Outcome' })
  outcome!: MajorMatterOutcome;

  @Column({ name: 'proposed_on', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '提议日期 / Date proposed' })
  proposedOn!: string;

  @Column({ name: 'adopted_on', type: 'date', nullable: true })
  @Field(() => GraphQLLocalDate, { nullable: true, description: '决议通过日期 / Date adopted' })
  adoptedOn!: string | null;

  /** The base's `created_by` column, shown in the graph for a major matter. */
  @Field(() => String, { description: '登记人 / Recorded by (actor id)' })
  override createdBy!: string;
}

/** 步骤记录 one step taken, with who, when and the figures of a resolution. */
@Entity({ name: 'major_matter_step' })
@ObjectType('MajorMatterStepRecord', { description: '四议两公开步骤记录 / A step of a major matter as taken' })
export class MajorMatterStepRecord {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'matter_id', type: 'uuid' })
  matterId!: string;

  @Column({ name: 'step', type: 'text' })
  @Field(() => MajorMatterStep, { description: '步骤 / Step' })
  step!: MajorMatterStep;

  @Column({ name: 'seq', type: 'int' })
  @Field(() => Int, { description: '序号（1–6）/ Position (1–6)' })
  seq!: number;

  @Column({ name: 'held_on', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '会议或公开日期 / Date held or published' })
  heldOn!: string;

  @Column({ name: 'note', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '说明（会议纪要、公开方式）/ Note (minutes, where published)' })
  note!: string | null;

  @Column({ name: 'members_entitled', type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: '应到人数（仅决议）/ Members entitled (resolution only)' })
  membersEntitled!: number | null;

  @Column({ name: 'attendance', type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: '实到人数（仅决议）/ Attendance (resolution only)' })
  attendance!: number | null;

  @Column({ name: 'votes_for', type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: '赞成票 / Votes for' })
  votesFor!: number | null;

  @Column({ name: 'votes_against', type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: '反对票 / Votes against' })
  votesAgainst!: number | null;

  @Column({ name: 'votes_abstain', type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: '弃权票 / Abstentions' })
  votesAbstain!: number | null;

  @Column({ name: 'decision_rule', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '决议判定规则代码（ADOPTED、MAJORITY_NOT_REACHED）/ Rule that decided the resolution' })
  decisionRule!: string | null;

  @Column({ name: 'decision_text', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '决议判定说明（中文 / English）/ Why the resolution was decided so' })
  decisionText!: string | null;

  @Column({ name: 'recorded_by', type: 'text' })
  @Field(() => String, { description: '记录人 / Recorded by (actor id)' })
  recordedBy!: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '记录时间 / Recorded at' })
  recordedAt!: Date;
}

export const MajorMatterConnection = ConnectionType(MajorMatter, 'MajorMatter', '四议两公开事项 / Major matters');
