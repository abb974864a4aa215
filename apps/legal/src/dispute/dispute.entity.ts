import { DisputeCategory, DisputeTier } from '@xiangzhi/legal-api';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

registerEnumType(DisputeTier, {
  name: 'DisputeTier',
  description: '化解层级 / Dispute tier',
  valuesConfig: {
    VILLAGE: { description: '村矛调室“初诊” / Village mediation room' },
    TOWNSHIP: { description: '镇矛调中心“会诊” / Township mediation centre' },
    COUNTY: { description: '县“三源”治理中心“联诊” / County three-sources centre' },
  },
});

registerEnumType(DisputeCategory, {
  name: 'DisputeCategory',
  description: '纠纷类别 / Dispute category',
  valuesConfig: {
    LAND: { description: '土地山林 / Land and forest' },
    FAMILY: { description: '婚姻家庭 / Marriage and family' },
    NEIGHBOUR: { description: '邻里 / Neighbours' },
    LABOUR: { description: '劳动 / Labour and wages' },
    DAMAGES: { description: '损害赔偿 / Damages' },
    CONTRACT: { description: '合同债务 / Contracts and debts' },
    REQUISITION: { description: '征地拆迁 / Land requisition and demolition' },
    OTHER: { description: '其他 / Other' },
  },
});

/** 风险等级 risk level of a dispute. */
export enum DisputeRiskLevel {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}
registerEnumType(DisputeRiskLevel, {
  name: 'DisputeRiskLevel',
  description: '风险等级 / Risk level',
  valuesConfig: { LOW: { description: '低 / Low' }, MEDIUM: { description: '中 / Medium' }, HIGH: { description: '高 / High' } },
});

/** 状态 whether a dispute is open. */
export enum DisputeStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(DisputeStatus, {
  name: 'DisputeStatus',
  description: '纠纷状态 / Dispute status',
  valuesConfig: { OPEN: { description: '化解中 / Open' }, CLOSED: { description: '已办结 / Closed' } },
});

/** 办结方式 how a dispute ended. */
export enum DisputeOutcome {
  MEDIATED = 'MEDIATED',
  WITHDRAWN = 'WITHDRAWN',
  REFERRED_TO_COURT = 'REFERRED_TO_COURT',
  REFERRED_TO_ARBITRATION = 'REFERRED_TO_ARBITRATION',
}
registerEnumType(DisputeOutcome, {
  name: 'DisputeOutcome',
  description: '办结方式 / Outcome',
  valuesConfig: {
    MEDIATED: { description: '调解成功（须有调解协议）/ Mediated (needs a mediation agreement)' },
    WITHDRAWN: { description: '当事人撤回 / Withdrawn' },
    REFERRED_TO_COURT: { description: '引导诉讼 / Referred to court' },
    REFERRED_TO_ARBITRATION: { description: '引导仲裁 / Referred to arbitration' },
  },
});

/** 当事人角色 a party's side. */
export enum PartyRole {
  APPLICANT = 'APPLICANT',
  RESPONDENT = 'RESPONDENT',
}
registerEnumType(PartyRole, {
  name: 'DisputePartyRole',
  description: '当事人角色 / Party role',
  valuesConfig: { APPLICANT: { description: '申请人 / Applicant' }, RESPONDENT: { description: '被申请人 / Respondent' } },
});

/** 调解结果 result of a mediation session. */
export enum MediationResult {
  AGREEMENT = 'AGREEMENT',
  PARTIAL = 'PARTIAL',
  NO_AGREEMENT = 'NO_AGREEMENT',
}
registerEnumType(MediationResult, {
  name: 'MediationResult',
  description: '调解结果 / Mediation result',
  valuesConfig: {
    AGREEMENT: { description: '达成调解协议 / Agreement reached' },
    PARTIAL: { description: '部分达成 / Partly agreed' },
    NO_AGREEMENT: { description: '未达成 / No agreement' },
  },
});

/** 矛盾纠纷 a dispute handled by people's mediation through the tiers 初诊 → 会诊 → 联诊. */
@Entity({ name: 'dispute' })
@ObjectType('Dispute', { description: '矛盾纠纷 / Dispute' })
@Directive('@key(fields: "id")')
export class Dispute {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '所在村（社区）区划代码 / Division code of the village' })
  villageCode!: string;

  @Column({ name: 'category', type: 'text' })
  @Field(() => DisputeCategory, { description: '类别 / Category' })
  category!: DisputeCategory;

  @Column({ name: 'summary', type: 'text' })
  @Field(() => String, { description: '纠纷简况 / Summary' })
  summary!: string;

  /** Integer fen, as PostgreSQL returns bigint (a string). */
  @Column({ name: 'amount_fen', type: 'bigint', nullable: true })
  amountFen!: string | null;

  @Column({ name: 'risk_level', type: 'text' })
  @Field(() => DisputeRiskLevel, { description: '风险等级 / Risk level' })
  riskLevel!: DisputeRiskLevel;

  @Column({ name: 'crime_risk', type: 'boolean' })
  @Field(() => Boolean, { description: '民转刑风险（提醒乡镇）/ Risk of turning criminal (alerts the township)' })
  crimeRisk!: boolean;

  @Column({ name: 'tier', type: 'text' })
  @Field(() => DisputeTier, { description: '当前层级 / Current tier' })
  tier!: DisputeTier;

  @Column({ name: 'deadline', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '本层级办理期限（含当日）/ Last day of the current tier (inclusive)' })
  deadline!: string;

  @Column({ name: 'status', type: 'text' })
  @Field(() => DisputeStatus, { description: '状态 / Status' })
  status!: DisputeStatus;

  @Column({ name: 'outcome', type: 'text', nullable: true })
  @Field(() => DisputeOutcome, { nullable: true, description: '办结方式 / Outcome' })
  outcome!: DisputeOutcome | null;

  @Column({ name: 'opened_on', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '受理日期 / Date opened' })
  openedOn!: string;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  @Field(() => GraphQLLocalDate, { nullable: true, description: '办结日期 / Date closed' })
  closedOn!: string | null;

  @Column({ name: 'incident_id', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: '转自网格事件 / The grids incident it was taken over from' })
  incidentId!: string | null;

  @Column({ name: 'policy_source', type: 'text' })
  @Field(() => String, { description: '期限依据（插件名或 baseline）/ The escalation policy that set the deadline (plugin or baseline)' })
  policySource!: string;

  @VersionColumn({ name: 'version', type: 'int' })
  @Field(() => Int, { description: '版本号（乐观锁）/ Version (optimistic locking)' })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** 当事人 a party to a dispute: a resident of the village (by reference) or an outside party (by name). */
@Entity({ name: 'dispute_party' })
@ObjectType('DisputeParty', { description: '纠纷当事人 / Party to a dispute' })
export class DisputeParty {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'dispute_id', type: 'uuid' })
  disputeId!: string;

  @Column({ name: 'resident_id', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: '本村居民（网格子图居民标识）/ Resident of the village (grids resident id)' })
  residentId!: string | null;

  @Column({ name: 'name', type: 'text' })
  @Field(() => String, { description: '姓名或名称 / Name' })
  name!: string;

  @Column({ name: 'role', type: 'text' })
  @Field(() => PartyRole, { description: '角色 / Role' })
  role!: PartyRole;

  @Column({ name: 'position', type: 'int' })
  position!: number;
}

/** 调解 one mediation session of a dispute. */
@Entity({ name: 'dispute_mediation' })
@ObjectType('Mediation', { description: '调解记录 / Mediation session' })
export class Mediation {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'dispute_id', type: 'uuid' })
  disputeId!: string;

  @Column({ name: 'tier', type: 'text' })
  @Field(() => DisputeTier, { description: '调解时的层级 / Tier at the session' })
  tier!: DisputeTier;

  @Column({ name: 'mediator', type: 'text' })
  @Field(() => String, { description: '调解员 / Mediator' })
  mediator!: string;

  @Column({ name: 'held_on', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '调解日期 / Date held' })
  heldOn!: string;

  @Column({ name: 'result', type: 'text' })
  @Field(() => MediationResult, { description: '结果 / Result' })
  result!: MediationResult;

  @Column({ name: 'agreement', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '调解协议内容 / Mediation agreement' })
  agreement!: string | null;

  @Column({ name: 'note', type: 'text' })
  @Field(() => String, { description: '备注 / Note' })
  note!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** 升级记录 one step up the tiers, by a user or by the overdue job. */
@Entity({ name: 'dispute_escalation' })
@ObjectType('DisputeEscalation', { description: '纠纷升级记录 / Escalation step' })
export class DisputeEscalation {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'dispute_id', type: 'uuid' })
  disputeId!: string;

  @Column({ name: 'from_tier', type: 'text' })
  @Field(() => DisputeTier, { description: '原层级 / From tier' })
  fromTier!: DisputeTier;

  @Column({ name: 'to_tier', type: 'text' })
  @Field(() => DisputeTier, { description: '升至层级 / To tier' })
  toTier!: DisputeTier;

  @Column({ name: 'escalated_on', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '升级日期 / Date escalated' })
  escalatedOn!: string;

  @Column({ name: 'deadline', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '新层级办理期限 / Deadline at the new tier' })
  deadline!: string;

  @Column({ name: 'automatic', type: 'boolean' })
  @Field(() => Boolean, { description: '是否逾期自动升级 / Escalated automatically as overdue' })
  automatic!: boolean;

  @Column({ name: 'reason', type: 'text' })
  @Field(() => String, { description: '理由 / Reason' })
  reason!: string;

  @Column({ name: 'actor_id', type: 'text' })
  @Field(() => String, { description: '操作人（system 为定时任务）/ Who escalated (system: the scheduled job)' })
  actorId!: string;

  @Column({ name: 'policy_source', type: 'text' })
  @Field(() => String, { description: '期限依据 / Escalation policy source' })
  policySource!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
