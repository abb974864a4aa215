import { ConnectionType } from '@xiangzhi/kernel';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { DeductionPeriod, LeaveApprover, SanctionMeasure } from '../shared/enums';
import type { StoredDecision } from '../shared/decision';
import { numericColumn } from '../shared/columns';

/** 坐班打卡 hours a cadre spent on duty at the village service centre on a day. */
@Entity({ name: 'duty_check_in' })
@ObjectType('DutyCheckIn', { description: '坐班记录 / Duty check-in at the village service centre' })
export class DutyCheckIn {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '村（社区）/ Village' })
  villageCode!: string;

  @Column({ name: 'cadre_id', type: 'uuid' })
  cadreId!: string;

  @Column({ name: 'duty_date', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '日期 / Date' })
  dutyDate!: string;

  @Column({ name: 'hours', type: 'numeric', precision: 4, scale: 2, transformer: numericColumn })
  @Field(() => Float, { description: '在岗小时数 / Hours on duty' })
  hours!: number;

  @Column({ name: 'note', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '备注 / Note' })
  note!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '登记时间 / Recorded at' })
  createdAt!: Date;
}

/** 请假状态 leave request status: requested → approved/rejected → reported back (销假). */
export enum LeaveStatus {
  REQUESTED = 'REQUESTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  REPORTED_BACK = 'REPORTED_BACK',
}
registerEnumType(LeaveStatus, {
  name: 'LeaveStatus',
  description: '请假状态 / Leave status',
  valuesConfig: {
    REQUESTED: { description: '已申请，待审批 / Requested' },
    APPROVED: { description: '已批准 / Approved' },
    REJECTED: { description: '未批准 / Rejected' },
    REPORTED_BACK: { description: '已销假 / Reported back' },
  },
});

/** 请销假 a leave request: request → approve/reject → report back (销假). */
@Entity({ name: 'leave_request' })
@ObjectType('LeaveRequest', { description: '请假（请假—审批—销假）/ Leave request (request, approval, reporting back)' })
export class LeaveRequest {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '村（社区）/ Village' })
  villageCode!: string;

  @Column({ name: 'cadre_id', type: 'uuid' })
  cadreId!: string;

  @Column({ name: 'from_date', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '开始日期 / From' })
  fromDate!: string;

  @Column({ name: 'to_date', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '结束日期 / To (inclusive)' })
  toDate!: string;

  /** Personal data (may say why: illness, family): exposed through a resolver that withholds it from roles that do not need it. */
  @Column({ name: 'reason', type: 'text' })
  reason!: string;

  @Column({ name: 'status', type: 'text' })
  @Field(() => LeaveStatus, { description: '状态 / Status' })
  status!: LeaveStatus;

  @Column({ name: 'approver_level', type: 'text' })
  @Field(() => LeaveApprover, { description: '审批层级（由考勤政策按岗位决定）/ Approval level (decided by the attendance policy from the post)' })
  approverLevel!: LeaveApprover;

  /** Why this approval level (policy and rule). */
  @Column({ name: 'approver_decision', type: 'jsonb' })
  approverDecision!: StoredDecision;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '审批人 / Decided by (actor id)' })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  @Field(() => GraphQLISODateTime, { nullable: true, description: '审批时间 / Decided at' })
  decidedAt!: Date | null;

  /** Personal data, like `reason`. */
  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote!: string | null;

  @Column({ name: 'reported_back_on', type: 'date', nullable: true })
  @Field(() => GraphQLLocalDate, { nullable: true, description: '销假日期 / Date reported back' })
  reportedBackOn!: string | null;

  @VersionColumn({ name: 'version', type: 'int' })
  @Field(() => Int, { description: '版本号（乐观锁）/ Version (optimistic locking)' })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '申请时间 / Requested at' })
  createdAt!: Date;
}

export const LeaveRequestConnection = ConnectionType(LeaveRequest, 'LeaveRequest', '请假');

/** 督查发现 an unreported absence found by inspection. */
@Entity({ name: 'inspection_finding' })
@ObjectType('InspectionFinding', { description: '督查发现的擅自离岗 / Unreported absence found by inspection' })
export class InspectionFinding {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '村（社区）/ Village' })
  villageCode!: string;

  @Column({ name: 'cadre_id', type: 'uuid' })
  cadreId!: string;

  @Column({ name: 'found_on', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '发现日期 / Date found' })
  foundOn!: string;

  /** 1 = the cadre's first finding in that calendar year. */
  @Column({ name: 'occurrence_in_year', type: 'int' })
  @Field(() => Int, { description: '当年第几次 / Occurrence within the calendar year' })
  occurrenceInYear!: number;

  @Column({ name: 'note', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '情况说明 / Note' })
  note!: string | null;

  @Column({ name: 'inspector', type: 'text' })
  @Field(() => String, { description: '督查人 / Inspector (actor id)' })
  inspector!: string;

  @Column({ name: 'sanction_id', type: 'uuid', nullable: true })
  sanctionId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** 处理决定 a sanction decided by the county's attendance policy. */
@Entity({ name: 'sanction' })
@ObjectType('Sanction', { description: '处理决定（由考勤政策作出）/ Sanction decided by the attendance policy' })
export class Sanction {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '村（社区）/ Village' })
  villageCode!: string;

  @Column({ name: 'cadre_id', type: 'uuid' })
  cadreId!: string;

  @Column({ name: 'finding_id', type: 'uuid', nullable: true })
  findingId!: string | null;

  @Column({ name: 'decided_on', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '决定日期 / Date decided' })
  decidedOn!: string;

  @Column({ name: 'measures', type: 'jsonb' })
  @Field(() => [SanctionMeasure], { description: '处理措施 / Measures' })
  measures!: SanctionMeasure[];

  @Column({ name: 'deduction_share', type: 'numeric', precision: 5, scale: 4, transformer: numericColumn })
  @Field(() => Float, { description: '扣减绩效报酬比例（0–1）/ Share of performance pay deducted (0–1)' })
  deductionShare!: number;

  @Column({ name: 'deduction_period', type: 'text', nullable: true })
  @Field(() => DeductionPeriod, { nullable: true, description: '扣减期间 / Deduction period' })
  deductionPeriod!: DeductionPeriod | null;

  /** `YYYY-MM` of the finding; a QUARTER deduction applies to every month of its quarter. */
  @Column({ name: 'deduction_month', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '扣减所在月份（YYYY-MM）/ Month of the deduction (YYYY-MM)' })
  deductionMonth!: string | null;

  @Column({ name: 'disciplinary', type: 'boolean' })
  @Field(() => Boolean, { description: '是否纪律处分 / Disciplinary sanction' })
  disciplinary!: boolean;

  @Column({ name: 'decision', type: 'jsonb' })
  decision!: StoredDecision;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
