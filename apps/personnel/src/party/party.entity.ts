import { ConnectionType } from '@xiangzhi/kernel';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

/** 党组织类型 kinds of Party organisation. */
export enum PartyOrganizationKind {
  /** 党委 Party committee (村/社区党委) */
  COMMITTEE = 'COMMITTEE',
  /** 党总支 general branch */
  GENERAL_BRANCH = 'GENERAL_BRANCH',
  /** 党支部 branch (e.g. 网格党支部) */
  BRANCH = 'BRANCH',
  /** 党小组 group (e.g. 片区党小组) */
  GROUP = 'GROUP',
}
registerEnumType(PartyOrganizationKind, {
  name: 'PartyOrganizationKind',
  description: '党组织类型 / Party organisation kind',
  valuesConfig: {
    COMMITTEE: { description: '党委 / Party committee' },
    GENERAL_BRANCH: { description: '党总支 / General branch' },
    BRANCH: { description: '党支部 / Branch' },
    GROUP: { description: '党小组 / Group' },
  },
});

/** 党组织 a Party organisation of a village (or township), optionally built on a grid (支部建在网格上). */
@Entity({ name: 'party_organization' })
@ObjectType('PartyOrganization', { description: '党组织（党委、党总支、党支部、党小组）/ Party organisation' })
@Directive('@key(fields: "id")')
export class PartyOrganization {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode!: string;

  /** The village (or township) the organisation belongs to. */
  @Column({ name: 'region_code', type: 'text' })
  @Field(() => String, { description: '所属区划代码 / Division code of its village or township' })
  regionCode!: string;

  @Column({ name: 'name', type: 'text' })
  @Field(() => String, { description: '名称 / Name' })
  name!: string;

  @Column({ name: 'kind', type: 'text' })
  @Field(() => PartyOrganizationKind, { description: '类型 / Kind' })
  kind!: PartyOrganizationKind;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  /** The grid (grids subgraph key) a branch or group is built on. */
  @Column({ name: 'grid_id', type: 'uuid', nullable: true })
  gridId!: string | null;

  @Column({ name: 'secretary_cadre_id', type: 'uuid', nullable: true })
  secretaryCadreId!: string | null;

  @VersionColumn({ name: 'version', type: 'int' })
  @Field(() => Int, { description: '版本号（乐观锁）/ Version (optimistic locking)' })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** 党员状态 membership status. */
export enum PartyMemberStatus {
  /** 正式党员 full member */
  FULL = 'FULL',
  /** 预备党员 probationary member */
  PROBATIONARY = 'PROBATIONARY',
}
registerEnumType(PartyMemberStatus, {
  name: 'PartyMemberStatus',
  description: '党员状态 / Membership status',
  valuesConfig: { FULL: { description: '正式党员 / Full member' }, PROBATIONARY: { description: '预备党员 / Probationary member' } },
});

/** 党员 a Party member of an organisation; mobile members (流动党员) are registered with their origin organisation. */
@Entity({ name: 'party_member' })
@ObjectType('PartyMember', { description: '党员 / Party member' })
@Directive('@key(fields: "id")')
export class PartyMember {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode!: string;

  /** Region of the member's organisation (scope checks). */
  @Column({ name: 'region_code', type: 'text' })
  regionCode!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'resident_id', type: 'uuid', nullable: true })
  residentId!: string | null;

  @Column({ name: 'name', type: 'text' })
  @Field(() => String, { description: '姓名 / Name' })
  name!: string;

  @Column({ name: 'joined_on', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '入党日期 / Date joined' })
  joinedOn!: string;

  @Column({ name: 'status', type: 'text' })
  @Field(() => PartyMemberStatus, { description: '状态 / Status' })
  status!: PartyMemberStatus;

  /** 流动党员 a member working away from home. */
  @Column({ name: 'mobile', type: 'boolean', default: false })
  @Field(() => Boolean, { description: '是否流动党员 / Mobile member (working away)' })
  mobile!: boolean;

  /** Personal data (where a person lives): exposed through a resolver that hides it from roles that do not need it. */
  @Column({ name: 'current_location', type: 'text', nullable: true })
  currentLocation!: string | null;

  /** 设岗定责 the duty post a member took on. */
  @Column({ name: 'duty', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '设岗定责岗位 / Member’s duty post (设岗定责)' })
  duty!: string | null;

  @Column({ name: 'points', type: 'int', default: 0 })
  @Field(() => Int, { description: '积分余额 / Points balance' })
  points!: number;

  @VersionColumn({ name: 'version', type: 'int' })
  @Field(() => Int, { description: '版本号（乐观锁）/ Version (optimistic locking)' })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

export const PartyMemberConnection = ConnectionType(PartyMember, 'PartyMember', '党员');

/** 积分记录 one entry of a member's points ledger (党员积分). */
@Entity({ name: 'party_point_entry' })
@ObjectType('PartyPointEntry', { description: '党员积分记录 / Points ledger entry' })
export class PartyPointEntry {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Column({ name: 'entry_date', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '日期 / Date' })
  entryDate!: string;

  @Column({ name: 'points', type: 'int' })
  @Field(() => Int, { description: '分值（扣分为负）/ Points (negative for deductions)' })
  points!: number;

  @Column({ name: 'reason', type: 'text' })
  @Field(() => String, { description: '事由 / Reason' })
  reason!: string;

  @Column({ name: 'recorded_by', type: 'text' })
  @Field(() => String, { description: '登记人 / Recorded by (actor id)' })
  recordedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '登记时间 / Recorded at' })
  createdAt!: Date;
}
