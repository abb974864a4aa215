import { ConnectionType, VersionedVillageRecord } from '@xiangzhi/kernel';
import { MoneyScalar } from '@xiangzhi/economy-api';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { fenColumn } from '../shared/money';

/** 项目状态 status of a weak-village project. */
export enum ProjectStatus {
  PROPOSED = 'PROPOSED',
  APPROVED = 'APPROVED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  EVALUATED = 'EVALUATED',
}

/** 资金来源 funding source. */
export enum FundingSource {
  CENTRAL = 'CENTRAL',
  PROVINCIAL = 'PROVINCIAL',
  COUNTY = 'COUNTY',
  STATE_ENTERPRISE = 'STATE_ENTERPRISE',
  PAIRING_UNIT = 'PAIRING_UNIT',
  COLLECTIVE = 'COLLECTIVE',
  SOCIAL = 'SOCIAL',
}

/** 联建角色 a village's role in an alliance. */
export enum AllianceRole {
  LEAD = 'LEAD',
  MEMBER = 'MEMBER',
}

registerEnumType(ProjectStatus, {
  name: 'ProjectStatus',
  description: '项目状态（依次推进）/ Project status (moves one step at a time)',
  valuesConfig: {
    PROPOSED: { description: '申报 / Proposed' },
    APPROVED: { description: '已批准 / Approved' },
    IN_PROGRESS: { description: '实施中 / In progress' },
    COMPLETED: { description: '已完工 / Completed' },
    EVALUATED: { description: '已评估 / Evaluated' },
  },
});

registerEnumType(FundingSource, {
  name: 'FundingSource',
  description: '项目资金来源 / Funding source of a project',
  valuesConfig: {
    CENTRAL: { description: '中央扶持资金 / Central support funds' },
    PROVINCIAL: { description: '省级资金 / Provincial funds' },
    COUNTY: { description: '县级财政 / County budget' },
    STATE_ENTERPRISE: { description: '县属国有企业定向扶持 / County state enterprise support' },
    PAIRING_UNIT: { description: '定点帮扶单位 / Pairing-assistance unit' },
    COLLECTIVE: { description: '村集体自筹 / The collective’s own funds' },
    SOCIAL: { description: '社会资本（万企兴万村等）/ Private capital' },
  },
});

registerEnumType(AllianceRole, {
  name: 'AllianceRole',
  description: '“1+N+1”联建中的角色 / Role in a 1+N+1 alliance',
  valuesConfig: { LEAD: { description: '强村（牵头）/ Strong village (leading)' }, MEMBER: { description: '薄弱村 / Weak village' } },
});

/** 薄弱村项目 a project of the weak-village project pool. */
@Entity({ name: 'weak_village_project' })
@ObjectType('WeakVillageProject', { description: '薄弱村集体经济发展项目 / Project for a weak village’s collective economy' })
@Directive('@key(fields: "id")')
export class WeakVillageProject extends VersionedVillageRecord {
  @Column({ name: 'name', type: 'text' })
  @Field(() => String, { description: '项目名称 / Name' })
  name!: string;

  @Column({ name: 'funding_source', type: 'text' })
  @Field(() => FundingSource, { description: '资金来源 / Funding source' })
  fundingSource!: FundingSource;

  @Column({ name: 'funding_fen', type: 'bigint', transformer: fenColumn })
  @Field(() => MoneyScalar, { description: '资金额（元）/ Funding (yuan)' })
  funding!: bigint;

  @Column({ name: 'status', type: 'text' })
  @Field(() => ProjectStatus, { description: '状态 / Status' })
  status!: ProjectStatus;

  @Column({ name: 'income_fen', type: 'bigint', transformer: fenColumn })
  @Field(() => MoneyScalar, { description: '项目带来的收益（元）/ Income produced (yuan)' })
  income!: bigint;

  @Column({ name: 'alliance_id', type: 'uuid', nullable: true })
  allianceId!: string | null;

  @Column({ name: 'major_matter_id', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: '授权的四议两公开事项 / The major matter that authorised it' })
  majorMatterId!: string | null;

  @Column({ name: 'proposed_on', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '申报日期 / Date proposed' })
  proposedOn!: string;

  @Column({ name: 'status_on', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '进入当前状态的日期 / Date of the current status' })
  statusOn!: string;
}

/** “1+N+1” 强村带弱村抱团发展联建 an alliance of one strong village, N weak villages and an enterprise. */
@Entity({ name: 'village_alliance' })
@ObjectType('VillageAlliance', { description: '“1+N+1”强村带弱村抱团发展（1个强村+N个薄弱村+1家企业）/ 1+N+1 alliance (one strong village, N weak villages, one enterprise)' })
export class VillageAlliance {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'county_code', type: 'text' })
  @Field(() => String, { description: '区县代码 / County division code' })
  countyCode!: string;

  @Column({ name: 'name', type: 'text' })
  @Field(() => String, { description: '名称 / Name' })
  name!: string;

  @Column({ name: 'lead_village_code', type: 'text' })
  @Field(() => String, { description: '牵头强村 / Strong village leading' })
  leadVillageCode!: string;

  @Column({ name: 'enterprise_name', type: 'text' })
  @Field(() => String, { description: '参与企业 / Enterprise' })
  enterpriseName!: string;

  @Column({ name: 'founded_on', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '组建日期 / Date formed' })
  foundedOn!: string;

  @Column({ name: 'version', type: 'int' })
  @Field(() => Int, { description: '版本号 / Version' })
  version!: number;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** A village in an alliance with its role. */
@Entity({ name: 'village_alliance_member' })
@ObjectType('VillageAllianceMember', { description: '联建成员村 / Village in an alliance' })
export class VillageAllianceMember {
  @PrimaryColumn({ name: 'alliance_id', type: 'uuid' })
  allianceId!: string;

  @PrimaryColumn({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '村（社区）代码 / Village division code' })
  villageCode!: string;

  @Column({ name: 'role', type: 'text' })
  @Field(() => AllianceRole, { description: '角色 / Role' })
  role!: AllianceRole;
}

export const WeakVillageProjectConnection = ConnectionType(WeakVillageProject, 'WeakVillageProject', '薄弱村项目 / Weak-village projects');
