import { EscalationTier, IncidentCategory } from '@xiangzhi/grids-api';
import { ConnectionType } from '@xiangzhi/kernel';
import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
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

/** 处置人类别 who an incident can be dispatched to. */
export enum IncidentAssigneeKind {
  /** 网格员（本村网格长、网格员）a grid worker of the incident's village */
  GRID_WORKER = 'GRID_WORKER',
  /** 干部（村、乡镇、县，人员信息在干部子图）a cadre (village, township, county; see the personnel subgraph) */
  CADRE = 'CADRE',
}

/** 流转动作 what a history entry records: the report itself, or an action on the incident. */
export enum IncidentHistoryAction {
  REPORT = 'REPORT',
  ACCEPT = 'ACCEPT',
  DISPATCH = 'DISPATCH',
  START = 'START',
  RESOLVE = 'RESOLVE',
  CLOSE = 'CLOSE',
  REJECT = 'REJECT',
  ESCALATE = 'ESCALATE',
}

registerEnumType(IncidentStatus, {
  name: 'IncidentStatus',
  description: '事件状态 / Incident status',
  valuesConfig: {
    REPORTED: { description: '已上报，待受理 / Reported, awaiting acceptance' },
    ACCEPTED: { description: '已受理 / Accepted by the tier handling it' },
    DISPATCHED: { description: '已派单 / Dispatched to an assignee' },
    IN_PROGRESS: { description: '处理中 / Being handled' },
    RESOLVED: { description: '已办结，待群众评价 / Resolved, awaiting the resident’s rating' },
    CLOSED: { description: '已关闭（已评价）/ Closed with the resident’s rating' },
    REJECTED: { description: '不予受理 / Rejected, with a reason' },
    ESCALATED: { description: '已升级，待上一层级受理 / Escalated, awaiting acceptance at the higher tier' },
  },
});
registerEnumType(IncidentAction, {
  name: 'IncidentAction',
  description: '事件操作 / Action on an incident',
  valuesConfig: {
    ACCEPT: { description: '受理 / Accept' },
    DISPATCH: { description: '派单 / Dispatch to an assignee' },
    START: { description: '开始处理 / Start handling' },
    RESOLVE: { description: '办结 / Resolve' },
    CLOSE: { description: '关闭并评价 / Close with a rating' },
    REJECT: { description: '不予受理 / Reject' },
    ESCALATE: { description: '升级到上一层级 / Escalate to the next tier' },
  },
});
registerEnumType(IncidentHistoryAction, {
  name: 'IncidentHistoryAction',
  description: '流转动作（上报或某一操作）/ What a history entry records: the report or an action',
  valuesConfig: {
    REPORT: { description: '上报 / Reported' },
    ACCEPT: { description: '受理 / Accepted' },
    DISPATCH: { description: '派单 / Dispatched' },
    START: { description: '开始处理 / Started' },
    RESOLVE: { description: '办结 / Resolved' },
    CLOSE: { description: '关闭并评价 / Closed with a rating' },
    REJECT: { description: '不予受理 / Rejected' },
    ESCALATE: { description: '升级 / Escalated' },
  },
});
registerEnumType(IncidentSource, {
  name: 'IncidentSource',
  description: '事件来源 / Incident source',
  valuesConfig: {
    RESIDENT_REQUEST: { description: '群众点单 / Resident request' },
    GRID_PATROL: { description: '网格巡查 / Grid patrol report' },
    HOTLINE: { description: '热线 / Hotline case' },
  },
});
registerEnumType(IncidentCategory, {
  name: 'IncidentCategory',
  description: '事件类别 / Incident category',
  valuesConfig: {
    DISPUTE: { description: '矛盾纠纷 / Dispute' },
    PUBLIC_SECURITY: { description: '社会治安 / Public order' },
    SAFETY_HAZARD: { description: '安全隐患 / Safety hazard' },
    ENVIRONMENT: { description: '环境卫生 / Sanitation and environment' },
    INFRASTRUCTURE: { description: '基础设施（道路、水电、路灯）/ Infrastructure (roads, water, power, lights)' },
    LIVELIHOOD: { description: '民生服务（社保、医疗、救助）/ Livelihood services (social security, health, assistance)' },
    LAND: { description: '土地山林 / Land and forest' },
    OTHER: { description: '其他 / Other' },
  },
});
registerEnumType(EscalationTier, {
  name: 'EscalationTier',
  description: '处置层级：村初诊、乡镇会诊、县联诊 / Handling tier: village, township, county',
  valuesConfig: {
    VILLAGE: { description: '村级调解室“初诊” / Village mediation room (initial diagnosis)' },
    TOWNSHIP: { description: '乡镇调解中心“会诊” / Township mediation centre (consultation)' },
    COUNTY: { description: '县三源治理中心“联诊” / County centre (joint diagnosis)' },
  },
});
registerEnumType(IncidentAssigneeKind, {
  name: 'IncidentAssigneeKind',
  description: '处置人类别 / Kind of assignee',
  valuesConfig: {
    GRID_WORKER: { description: '网格员（本村）/ Grid worker of the incident’s village' },
    CADRE: { description: '干部 / Cadre' },
  },
});

/** 处置人 who an incident is dispatched to: a person reference, not a copy of the person. */
@ObjectType('IncidentAssignee', { description: '处置人（网格员或干部）/ Assignee of an incident: a grid worker or a cadre' })
export class IncidentAssignee {
  @Field(() => ID, { nullable: true, description: '人员标识（网格员标识或干部标识）/ Person id (grid worker id or cadre id)' })
  id!: string | null;

  @Field(() => String, { description: '姓名 / Name' })
  name!: string;

  @Field(() => IncidentAssigneeKind, { description: '类别 / Kind' })
  kind!: IncidentAssigneeKind;
}

/** 事件 a resident request, grid patrol report or hotline case, handled in a closed loop. */
@Entity({ name: 'incident' })
@ObjectType('Incident', { description: '事件（群众点单、网格巡查、热线）/ Incident: resident request, patrol report or hotline case' })
@Directive('@key(fields: "id")')
export class Incident {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '所在村（社区）区划代码 / Village division code' })
  villageCode!: string;

  @Column({ name: 'grid_id', type: 'uuid', nullable: true })
  gridId!: string | null;

  @Column({ name: 'source', type: 'text' })
  @Field(() => IncidentSource, { description: '来源 / Source' })
  source!: IncidentSource;

  @Column({ name: 'category', type: 'text' })
  @Field(() => IncidentCategory, { description: '类别 / Category' })
  category!: IncidentCategory;

  @Column({ name: 'title', type: 'text' })
  @Field(() => String, { description: '标题 / Title' })
  title!: string;

  @Column({ name: 'description', type: 'text' })
  @Field(() => String, { description: '描述 / Description' })
  description!: string;

  /** The resident who reported (or on whose behalf it was reported); exposed as `reporter`. */
  @Column({ name: 'reporter_resident_id', type: 'uuid', nullable: true })
  reporterResidentId!: string | null;

  /** Actor id of whoever filed it (the first history entry says so too). */
  @Column({ name: 'reported_by', type: 'text' })
  reportedBy!: string;

  @Column({ name: 'assignee_id', type: 'text', nullable: true })
  assigneeId!: string | null;

  @Column({ name: 'assignee_name', type: 'text', nullable: true })
  assigneeName!: string | null;

  @Column({ name: 'assignee_kind', type: 'text', nullable: true })
  assigneeKind!: IncidentAssigneeKind | null;

  @Column({ name: 'tier', type: 'text' })
  @Field(() => EscalationTier, { description: '当前处置层级 / Tier handling it now' })
  tier!: EscalationTier;

  @Column({ name: 'status', type: 'text' })
  @Field(() => IncidentStatus, { description: '状态 / Status' })
  status!: IncidentStatus;

  @Column({ name: 'deadline', type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '当前层级的办理期限（按区县升级规则）/ Deadline at the current tier (from the county’s escalation policy)' })
  deadline!: Date;

  @Column({ name: 'rating', type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: '群众评价 1–5（关闭时）/ Resident rating 1–5, once closed' })
  rating!: number | null;

  @Column({ name: 'feedback', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '群众评语（关闭时）/ Resident comment, once closed' })
  comment!: string | null;

  @Column({ name: 'version', type: 'int' })
  @Field(() => Int, { description: '版本号（乐观锁，操作时作为 expectedVersion 提交）/ Version (optimistic locking; send it as expectedVersion)' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '上报时间 / Reported at' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '最后更新 / Last updated' })
  updatedAt!: Date;
}

/** 事件流转记录 one step of an incident's history: every transition, who, when and why. */
@Entity({ name: 'incident_history' })
@ObjectType('IncidentHistoryEntry', { description: '事件流转记录 / One step of an incident’s history' })
export class IncidentHistoryEntry {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id!: string;

  @Column({ name: 'incident_id', type: 'uuid' })
  incidentId!: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @Column({ name: 'village_code', type: 'text' })
  villageCode!: string;

  @Column({ name: 'seq', type: 'int' })
  @Field(() => Int, { description: '序号（等于该步之后的版本号）/ Sequence number (the version after this step)' })
  seq!: number;

  @Column({ name: 'action', type: 'text' })
  @Field(() => IncidentHistoryAction, { description: '动作 / Action' })
  action!: IncidentHistoryAction;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  @Field(() => IncidentStatus, { nullable: true, description: '原状态（上报时为空）/ Status before (empty for the report)' })
  fromStatus!: IncidentStatus | null;

  @Column({ name: 'to_status', type: 'text' })
  @Field(() => IncidentStatus, { description: '新状态 / Status after' })
  toStatus!: IncidentStatus;

  @Column({ name: 'from_tier', type: 'text', nullable: true })
  @Field(() => EscalationTier, { nullable: true, description: '原层级（上报时为空）/ Tier before (empty for the report)' })
  fromTier!: EscalationTier | null;

  @Column({ name: 'to_tier', type: 'text' })
  @Field(() => EscalationTier, { description: '新层级 / Tier after' })
  toTier!: EscalationTier;

  @Column({ name: 'actor_id', type: 'text' })
  @Field(() => String, { description: '操作人标识（定时任务为 system）/ Actor id (`system` for the scheduled job)' })
  actorId!: string;

  @Column({ name: 'actor_name', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '操作人姓名 / Actor name' })
  actorName!: string | null;

  @Column({ name: 'note', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '说明（不予受理、升级的理由，办结情况等）/ Note (reason for a rejection or escalation, how it was resolved…)' })
  note!: string | null;

  @Column({ name: 'policy_source', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '设定期限的升级规则来源（插件名或 baseline）/ Escalation policy that set the deadline (plugin name or baseline)' })
  policySource!: string | null;

  @Column({ name: 'deadline', type: 'timestamptz', nullable: true })
  @Field(() => GraphQLISODateTime, { nullable: true, description: '该步设定的办理期限（上报、升级时）/ Deadline this step set (on report and escalation)' })
  deadline!: Date | null;

  @Column({ name: 'assignee_id', type: 'text', nullable: true })
  assigneeId!: string | null;

  @Column({ name: 'assignee_name', type: 'text', nullable: true })
  assigneeName!: string | null;

  @Column({ name: 'assignee_kind', type: 'text', nullable: true })
  assigneeKind!: IncidentAssigneeKind | null;

  @Column({ name: 'at', type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '时间 / When' })
  at!: Date;
}

export const IncidentConnection = ConnectionType(Incident, 'Incident', '事件 / Incidents');
