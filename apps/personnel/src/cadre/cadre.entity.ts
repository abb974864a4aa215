import { ConnectionType } from '@xiangzhi/kernel';
import { IsEnum, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BeforeInsert, BeforeUpdate, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { nameInitials, nameSearchTerms } from './name-search';
import { DepartureType, EducationLevel, KinRelation } from '../shared/enums';
import type { StoredDecision } from '../shared/decision';
import { numericColumn } from '../shared/columns';

/** 干部状态 a cadre's status. */
export enum CadreStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  LEFT = 'LEFT',
}
registerEnumType(CadreStatus, {
  name: 'CadreStatus',
  description: '干部状态 / Cadre status',
  valuesConfig: {
    ACTIVE: { description: '在职 / Serving' },
    SUSPENDED: { description: '停职 / Suspended' },
    LEFT: { description: '已离任 / Left' },
  },
});

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
registerEnumType(Gender, { name: 'CadreGender', description: '性别 / Gender', valuesConfig: { MALE: { description: '男 / Male' }, FEMALE: { description: '女 / Female' } } });

/** 亲属申报 a close relative a cadre declared (for 任职回避 recusal). */
@ObjectType('DeclaredRelative', { description: '申报的亲属（用于任职回避）/ A declared close relative (for recusal)' })
@InputType('DeclaredRelativeInput', { description: '申报的亲属 / A declared close relative' })
export class DeclaredRelative {
  @Field(() => String, { description: '姓名 / Name' })
  @IsString()
  @Length(1, 40)
  name!: string;

  @Field(() => KinRelation, { description: '关系 / Relation' })
  @IsEnum(KinRelation)
  relation!: KinRelation;

  @Field(() => ID, { nullable: true, description: '居民标识（网格子图 Resident.id）/ Resident id in the grids subgraph' })
  @IsOptional()
  @IsUUID()
  residentId?: string | null;
}

/** 村干部 a village cadre: the personnel record (干部档案) of a person serving (or having served) in a village. */
@Entity({ name: 'cadre' })
@ObjectType('Cadre', { description: '村（社区）干部 / Village cadre' })
@Directive('@key(fields: "id")')
export class Cadre {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '任职村（社区）区划代码 / Division code of the village served' })
  villageCode!: string;

  /** Key of the person in the grids subgraph; the graph resolves it (`Cadre.resident`). */
  @Column({ name: 'resident_id', type: 'uuid', nullable: true })
  residentId!: string | null;

  @Column({ name: 'name', type: 'text' })
  @Field(() => String, { description: '姓名 / Name' })
  name!: string;

  /** 姓名拼音首字母 (张三丰 → zsf), filled on every write (`fillNameSearch`). */
  @Column({ name: 'name_initials', type: 'text', default: '' })
  @Field(() => String, { description: '姓名拼音首字母（张三丰 → zsf）/ Pinyin initials of the name (张三丰 → zsf)' })
  nameInitials!: string;

  /** Every part of the name and of its initials, for the indexed name search (`name-search.ts`). */
  @Column({ name: 'name_terms', type: 'text', array: true, default: () => "'{}'" })
  nameTerms!: string[];

  @BeforeInsert()
  @BeforeUpdate()
  fillNameSearch(): void {
    if (typeof this.name !== 'string') return;
    this.nameInitials = nameInitials(this.name);
    this.nameTerms = nameSearchTerms(this.name);
  }

  @Column({ name: 'gender', type: 'text' })
  @Field(() => Gender, { description: '性别 / Gender' })
  gender!: Gender;

  /** Personal data: exposed through a resolver that masks it for roles that do not need it. */
  @Column({ name: 'birth_date', type: 'date' })
  birthDate!: string;

  @Column({ name: 'education_level', type: 'text' })
  @Field(() => EducationLevel, { description: '学历 / Education level' })
  educationLevel!: EducationLevel;

  /** Keyed hash of the ID number (`@xiangzhi/grids-api` `idNumberHash`) of a cadre imported from a register; null for one appointed directly. Never exposed. */
  @Column({ name: 'id_number_hash', type: 'text', nullable: true, select: false })
  idNumberHash!: string | null;

  @Column({ name: 'party_member', type: 'boolean' })
  @Field(() => Boolean, { description: '是否中共党员 / Party member' })
  partyMember!: boolean;

  @Column({ name: 'party_join_date', type: 'date', nullable: true })
  @Field(() => GraphQLLocalDate, { nullable: true, description: '入党日期 / Date of joining the Party' })
  partyJoinDate!: string | null;

  @Column({ name: 'status', type: 'text' })
  @Field(() => CadreStatus, { description: '状态 / Status' })
  status!: CadreStatus;

  @Column({ name: 'full_time', type: 'boolean' })
  @Field(() => Boolean, { description: '是否全职 / Full-time' })
  fullTime!: boolean;

  @Column({ name: 'service_start', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '任村干部起始日期 / Date service as a village cadre began' })
  serviceStart!: string;

  /** Personal data of third parties: exposed through a resolver that hides it from roles that do not need it. */
  @Column({ name: 'close_relatives', type: 'jsonb', default: () => "'[]'" })
  closeRelatives!: DeclaredRelative[];

  /** 职级 current rank level (see the county's rank policy); null when unranked. */
  @Column({ name: 'rank_level', type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: '当前职级 / Current rank level' })
  rankLevel!: number | null;

  /** 后备干部/人才库 where the cadre came from, when appointed from the talent pool. */
  @Column({ name: 'talent_id', type: 'uuid', nullable: true })
  talentId!: string | null;

  @Column({ name: 'departure_type', type: 'text', nullable: true })
  @Field(() => DepartureType, { nullable: true, description: '离任类型 / Departure type' })
  departureType!: DepartureType | null;

  @Column({ name: 'departure_date', type: 'date', nullable: true })
  @Field(() => GraphQLLocalDate, { nullable: true, description: '离任日期 / Departure date' })
  departureDate!: string | null;

  @Column({ name: 'departure_reason', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '离任原因 / Departure reason' })
  departureReason!: string | null;

  /** 离任荣誉 what the honour policy decided on departure (honour, payment and the rule). */
  @Column({ name: 'honor', type: 'jsonb', nullable: true })
  honor!: (StoredDecision & { honor: string | null; payment: number }) | null;

  @Column({ name: 'honor_payment', type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: numericColumn })
  honorPayment!: number | null;

  @VersionColumn({ name: 'version', type: 'int' })
  @Field(() => Int, { description: '版本号（乐观锁）/ Version (optimistic locking)' })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

export const CadreConnection = ConnectionType(Cadre, 'Cadre', '干部');

/** 培训记录 a training a cadre attended. */
@Entity({ name: 'training_record' })
@ObjectType('TrainingRecord', { description: '培训记录 / Training record' })
export class TrainingRecord {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @Column({ name: 'village_code', type: 'text' })
  villageCode!: string;

  @Column({ name: 'cadre_id', type: 'uuid' })
  cadreId!: string;

  @Column({ name: 'title', type: 'text' })
  @Field(() => String, { description: '培训名称 / Title' })
  title!: string;

  @Column({ name: 'organizer', type: 'text' })
  @Field(() => String, { description: '举办单位 / Organiser' })
  organizer!: string;

  @Column({ name: 'start_date', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '开始日期 / Start date' })
  startDate!: string;

  @Column({ name: 'days', type: 'numeric', precision: 5, scale: 1, transformer: numericColumn })
  @Field(() => Number, { description: '天数 / Days' })
  days!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** 人才类别 kinds of talent-pool entries. */
export enum TalentKind {
  /** 后备干部 reserve cadre */
  RESERVE_CADRE = 'RESERVE_CADRE',
  /** 返乡人才 returned talent (返乡兴村新村干) */
  RETURNED_TALENT = 'RETURNED_TALENT',
  /** 高校毕业生 college graduate */
  COLLEGE_GRADUATE = 'COLLEGE_GRADUATE',
  /** 致富能手、退役军人等 other capable villager */
  CAPABLE_VILLAGER = 'CAPABLE_VILLAGER',
}
registerEnumType(TalentKind, {
  name: 'TalentKind',
  description: '人才类别 / Talent-pool kind',
  valuesConfig: {
    RESERVE_CADRE: { description: '后备干部 / Reserve cadre' },
    RETURNED_TALENT: { description: '返乡人才 / Returned talent' },
    COLLEGE_GRADUATE: { description: '高校毕业生 / College graduate' },
    CAPABLE_VILLAGER: { description: '致富能手、退役军人等 / Other capable villager' },
  },
});

export enum TalentStatus {
  ACTIVE = 'ACTIVE',
  APPOINTED = 'APPOINTED',
  REMOVED = 'REMOVED',
}
registerEnumType(TalentStatus, {
  name: 'TalentStatus',
  description: '人才库状态 / Talent-pool status',
  valuesConfig: {
    ACTIVE: { description: '在库 / In the pool' },
    APPOINTED: { description: '已任用 / Appointed' },
    REMOVED: { description: '已出库 / Removed' },
  },
});

/** 人才库 a person in a village's talent pool / reserve cadres (人才库、后备力量). */
@Entity({ name: 'talent' })
@ObjectType('Talent', { description: '人才库人员（后备干部、返乡人才等）/ Talent-pool entry (reserve cadre, returned talent…)' })
export class Talent {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '所属村（社区）/ Village' })
  villageCode!: string;

  @Column({ name: 'resident_id', type: 'uuid', nullable: true })
  residentId!: string | null;

  @Column({ name: 'name', type: 'text' })
  @Field(() => String, { description: '姓名 / Name' })
  name!: string;

  @Column({ name: 'gender', type: 'text' })
  @Field(() => Gender, { description: '性别 / Gender' })
  gender!: Gender;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate!: string;

  @Column({ name: 'education_level', type: 'text' })
  @Field(() => EducationLevel, { description: '学历 / Education level' })
  educationLevel!: EducationLevel;

  @Column({ name: 'kind', type: 'text' })
  @Field(() => TalentKind, { description: '类别 / Kind' })
  kind!: TalentKind;

  @Column({ name: 'note', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '备注（特长、经历）/ Note (skills, experience)' })
  note!: string | null;

  @Column({ name: 'status', type: 'text' })
  @Field(() => TalentStatus, { description: '状态 / Status' })
  status!: TalentStatus;

  @Column({ name: 'cadre_id', type: 'uuid', nullable: true })
  cadreId!: string | null;

  @VersionColumn({ name: 'version', type: 'int' })
  @Field(() => Int, { description: '版本号（乐观锁）/ Version (optimistic locking)' })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

export const TalentConnection = ConnectionType(Talent, 'Talent', '人才库');
