import { ConnectionType } from '@xiangzhi/kernel';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** 股权类别 a share class of the catalogue. */
@Entity({ name: 'economy_share_class' })
@ObjectType('ShareClass', { description: '股权类别（人口股、劳龄股等）/ Share class' })
export class ShareClass {
  @PrimaryColumn({ name: 'code', type: 'text' })
  @Field(() => String, { description: '代码（POPULATION、LABOUR_YEARS…）/ Code' })
  code!: string;

  @Column({ name: 'name', type: 'text' })
  @Field(() => String, { description: '名称 / Name' })
  name!: string;

  @Column({ name: 'name_en', type: 'text' })
  @Field(() => String, { description: '英文名称 / English name' })
  nameEn!: string;

  @Column({ name: 'sort', type: 'int' })
  sort!: number;
}

/** 集体经济组织成员 a member of a collective organisation: a resident, admitted on a date, possibly exited since. */
@Entity({ name: 'economy_member' })
@ObjectType('CollectiveMember', { description: '集体经济组织成员 / Member of a collective economic organisation' })
export class CollectiveMember {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '所属村（社区）代码 / Division code of the village' })
  villageCode!: string;

  @Column({ name: 'resident_id', type: 'uuid' })
  residentId!: string;

  @Column({ name: 'admitted_on', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '确认成员身份日期 / Date admitted' })
  admittedOn!: string;

  @Column({ name: 'version', type: 'int' })
  @Field(() => Int, { description: '版本号（乐观锁）/ Version (optimistic locking)' })
  version!: number;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '登记时间 / Recorded at' })
  createdAt!: Date;
}

/** 退出 a member's exit (one per membership; never changed). */
@Entity({ name: 'economy_member_exit' })
export class MemberExit {
  @PrimaryColumn({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Column({ name: 'exited_on', type: 'date' })
  exitedOn!: string;

  @Column({ name: 'reason', type: 'text' })
  reason!: string;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy!: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}

/** 持股 a member's count of one share class from a date on. */
@Entity({ name: 'economy_share_holding' })
export class ShareHoldingRow {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'bigint' })
  id!: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Column({ name: 'share_class', type: 'text' })
  shareClass!: string;

  @Column({ name: 'effective_on', type: 'date' })
  effectiveOn!: string;

  @Column({ name: 'count', type: 'int' })
  count!: number;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy!: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}

/** A member's holding of one class on a date. */
@ObjectType('ShareHolding', { description: '持股（某日某类股份数）/ Shares of one class held on a date' })
export class ShareHolding {
  @Field(() => String, { description: '股权类别代码 / Share class code' })
  shareClass!: string;

  @Field(() => Int, { description: '股数 / Number of shares' })
  count!: number;

  @Field(() => GraphQLLocalDate, { description: '自何日起 / Held since' })
  since!: string;
}

export const CollectiveMemberConnection = ConnectionType(CollectiveMember, 'CollectiveMember', '集体经济组织成员 / Members');
