import { EscalationTier } from '@xiangzhi/grids-api';
import { ConnectionType } from '@xiangzhi/kernel';
import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { IncidentAction, IncidentStatus } from './incident-state';

/** 事件来源 where an incident came from. */
export enum IncidentSource {
  /** 群众点单 a resident's request */
  RESIDENT_REQUEST = 'RESIDENT_REQUEST',
  /** 网格巡查 a grid worker's patrol report */
  GRID_PATROL = 'GRID_PATROL',
  /** 热线 a hotline case */
  HOTLINE = 'HOTLINE',
}

registerEnumType(IncidentStatus, { name: 'IncidentStatus', description: '事件状态 / Incident status' });
registerEnumType(IncidentAction, { name: 'IncidentAction', description: '事件操作 / Action on an incident' });
registerEnumType(IncidentSource, { name: 'IncidentSource', description: '事件来源 / Incident source' });
registerEnumType(EscalationTier, {
  name: 'EscalationTier',
  description: '处置层级：村初诊、乡镇会诊、县联诊 / Handling tier: village, township, county',
});

/** 处置人 who an incident is dispatched to. */
@ObjectType('IncidentAssignee', { description: '处置人 / Assignee of an incident' })
export class IncidentAssignee {
  @Field(() => String, { nullable: true, description: '人员标识（网格员或干部）/ Person id (grid worker or cadre)' })
  id!: string | null;

  @Field(() => String, { description: '姓名 / Name' })
  name!: string;
}

/** 事件 a resident request, grid patrol report or hotline case, handled in a closed loop. */
@Entity({ name: 'incident' })
@ObjectType('Incident', { description: '事件（群众点单、网格巡查、热线）/ Incident: resident request, patrol report or hotline case' })
export class Incident {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: '标识 / Id' })
  id!: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '所在村（社区）代码 / Village code' })
  villageCode!: string;

  @Column({ name: 'grid_id', type: 'uuid', nullable: true })
  gridId!: string | null;

  @Column({ name: 'source', type: 'text' })
  @Field(() => IncidentSource, { description: '来源 / Source' })
  source!: IncidentSource;

  @Column({ name: 'category', type: 'text' })
  @Field(() => String, { description: '类别（如 矛盾纠纷、环境卫生）/ Category (e.g. dispute, sanitation)' })
  category!: string;

  @Column({ name: 'title', type: 'text' })
  @Field(() => String, { description: '标题 / Title' })
  title!: string;

  @Column({ name: 'description', type: 'text' })
  @Field(() => String, { description: '描述 / Description' })
  description!: string;

  @Column({ name: 'reporter_resident_id', type: 'uuid', nullable: true })
  reporterResidentId!: string | null;

  @Column({ name: 'reported_by', type: 'text' })
  reportedBy!: string;

  @Column({ name: 'assignee_id', type: 'text', nullable: true })
  assigneeId!: string | null;

  @Column({ name: 'assignee_name', type: 'text', nullable: true })
  assigneeName!: string | null;

  @Column({ name: 'tier', type: 'text' })
  @Field(() => EscalationTier, { description: '当前处置层级 / Tier handling it now' })
  tier!: EscalationTier;

  @Column({ name: 'status', type: 'text' })
  @Field(() => IncidentStatus, { description: '状态 / Status' })
  status!: IncidentStatus;

  @Column({ name: 'deadline', type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '当前层级的办理期限 / Deadline at the current tier' })
  deadline!: Date;

  @Column({ name: 'rating', type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: '群众评价（1–5）/ Resident rating (1–5), when closed' })
  rating!: number | null;

  @Column({ name: 'feedback', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '群众评语 / Resident comment, when closed' })
  feedback!: string | null;

  @Column({ name: 'version', type: 'int' })
  @Field(() => Int, { description: '版本号（乐观锁）/ Version for optimistic concurrency' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '上报时间 / Reported at' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '最后更新 / Last updated' })
  updatedAt!: Date;
}

/** 事件流转记录 one step of an incident's history. */
@Entity({ name: 'incident_history' })
@ObjectType('IncidentHistoryEntry', { description: '事件流转记录 / One step of an incident history' })
export class IncidentHistoryEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'incident_id', type: 'uuid' })
  incidentId!: string;

  @Column({ name: 'seq', type: 'int' })
  @Field(() => Int, { description: '序号 / Sequence number' })
  seq!: number;

  @Column({ name: 'action', type: 'text' })
  @Field(() => String, { description: '操作（REPORT 或 IncidentAction）/ Action (REPORT or an IncidentAction)' })
  action!: string;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  @Field(() => IncidentStatus, { nullable: true, description: '原状态 / Status before' })
  fromStatus!: IncidentStatus | null;

  @Column({ name: 'to_status', type: 'text' })
  @Field(() => IncidentStatus, { description: '新状态 / Status after' })
  toStatus!: IncidentStatus;

  @Column({ name: 'from_tier', type: 'text', nullable: true })
  @Field(() => EscalationTier, { nullable: true, description: '原层级 / Tier before' })
  fromTier!: EscalationTier | null;

  @Column({ name: 'to_tier', type: 'text' })
  @Field(() => EscalationTier, { description: '新层级 / Tier after' })
  toTier!: EscalationTier;

  @Column({ name: 'actor_id', type: 'text' })
  @Field(() => String, { description: '操作人（system 为定时任务）/ Actor (system for the scheduled job)' })
  actorId!: string;

  @Column({ name: 'note', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '说明 / Note' })
  note!: string | null;

  @Column({ name: 'policy_source', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '决定期限的规则来源（插件名或 baseline）/ Which escalation policy set the deadline' })
  policySource!: string | null;

  @Column({ name: 'at', type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '时间 / When' })
  at!: Date;
}

export const IncidentConnection = ConnectionType(Incident, 'Incident', '事件 / Incidents');
