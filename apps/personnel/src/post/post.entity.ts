import { ConnectionType } from '@xiangzhi/kernel';
import { IsNumber, IsOptional, IsString, Length } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Directive, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { LeaveApprover, PostCategory } from '../shared/enums';
import type { StoredDecision } from '../shared/decision';

/** 年度目标 one annual target of a post. */
@ObjectType('PostTarget', { description: '岗位年度目标（乡镇下达）/ Annual target of a post (set by the township)' })
@InputType('PostTargetInput', { description: '岗位年度目标 / Annual target of a post' })
export class PostTarget {
  @Field(() => String, { description: '目标 / Target' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @Field(() => String, { description: '计量（单位或标准）/ Measure (unit or standard)' })
  @IsString()
  @Length(1, 40)
  measure!: string;

  @Field(() => Float, { nullable: true, description: '目标值（为空待乡镇下达）/ Target value (empty until the township sets it)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  target?: number | null;
}

/** 岗位 a post of a village, with its responsibilities list (职责清单), annual targets and holder (定岗、定人、定责). */
@Entity({ name: 'post' })
@ObjectType('Post', { description: '岗位（定岗、定人、定责）/ Post of a village' })
@Directive('@key(fields: "id")')
export class Post {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '所属村（社区）区划代码 / Village division code' })
  villageCode!: string;

  @Column({ name: 'code', type: 'text' })
  @Field(() => String, { description: '岗位代码（模板内唯一）/ Post code (unique within the template)' })
  code!: string;

  @Column({ name: 'title', type: 'text' })
  @Field(() => String, { description: '岗位名称 / Title' })
  title!: string;

  @Column({ name: 'category', type: 'text' })
  @Field(() => PostCategory, { description: '岗位类别 / Category' })
  category!: PostCategory;

  @Column({ name: 'responsibilities', type: 'jsonb' })
  @Field(() => [String], { description: '职责清单 / Responsibilities list' })
  responsibilities!: string[];

  @Column({ name: 'targets', type: 'jsonb' })
  @Field(() => [PostTarget], { description: '年度目标 / Annual targets' })
  targets!: PostTarget[];

  @Column({ name: 'full_time', type: 'boolean' })
  @Field(() => Boolean, { description: '是否全职岗位 / Full-time post' })
  fullTime!: boolean;

  @Column({ name: 'leave_approver', type: 'text' })
  @Field(() => LeaveApprover, { description: '请假审批层级 / Who approves the holder’s leave' })
  leaveApprover!: LeaveApprover;

  /** The template and policy that created the post. */
  @Column({ name: 'template', type: 'jsonb' })
  template!: StoredDecision;

  /** Current holder (null while vacant); history in `post_assignment`. */
  @Column({ name: 'holder_id', type: 'uuid', nullable: true })
  holderId!: string | null;

  @Column({ name: 'active', type: 'boolean', default: true })
  @Field(() => Boolean, { description: '是否有效（模板调整后停用的岗位为否）/ Active (false once a template change retired it)' })
  active!: boolean;

  @VersionColumn({ name: 'version', type: 'int' })
  @Field(() => Int, { description: '版本号（乐观锁，更新时提交）/ Version (optimistic locking; send it with updates)' })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

export const PostConnection = ConnectionType(Post, 'Post', '岗位');

/** 任职记录 one holding of a post (appointment to end), the post's history. */
@Entity({ name: 'post_assignment' })
@ObjectType('PostAssignment', { description: '任职记录 / Post assignment (history of who held a post)' })
export class PostAssignment {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @Column({ name: 'village_code', type: 'text' })
  villageCode!: string;

  @Column({ name: 'post_id', type: 'uuid' })
  postId!: string;

  @Column({ name: 'cadre_id', type: 'uuid' })
  cadreId!: string;

  @Column({ name: 'start_date', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '任职日期 / Start date' })
  startDate!: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  @Field(() => GraphQLLocalDate, { nullable: true, description: '免职日期（为空表示在任）/ End date (empty while holding the post)' })
  endDate!: string | null;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '免职原因 / Why the holding ended' })
  endReason!: string | null;

  /** The eligibility check that cleared the appointment (policy, vetting results). */
  @Column({ name: 'vetting', type: 'jsonb' })
  vetting!: { policy: string; departments: { department: string; passed: boolean; note?: string | null }[] };

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
