import { GraphQLLocalDate } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

/** 法律顾问 a lawyer serving villages of a county as their legal advisor (一村一法律顾问). */
@Entity({ name: 'legal_advisor' })
@ObjectType('LegalAdvisor', { description: '村（居）法律顾问 / Village legal advisor' })
@Directive('@key(fields: "id")')
export class LegalAdvisor {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'county_code', type: 'text' })
  @Field(() => String, { description: '服务区县区划代码 / Division code of the county served' })
  countyCode!: string;

  @Column({ name: 'name', type: 'text' })
  @Field(() => String, { description: '姓名 / Name' })
  name!: string;

  @Column({ name: 'law_firm', type: 'text' })
  @Field(() => String, { description: '执业机构（律师事务所、法律服务所）/ Law firm' })
  lawFirm!: string;

  @Column({ name: 'certificate_no', type: 'text' })
  @Field(() => String, { description: '执业证号（17位）/ Practising-certificate number (17 digits)' })
  certificateNo!: string;

  @Column({ name: 'max_villages', type: 'int' })
  @Field(() => Int, { description: '最多服务村数 / Most villages served at once' })
  maxVillages!: number;

  @VersionColumn({ name: 'version', type: 'int' })
  @Field(() => Int, { description: '版本号（乐观锁）/ Version (optimistic locking)' })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** 聘任 an advisor's assignment to a village for a period. */
@Entity({ name: 'legal_advisor_assignment' })
@ObjectType('LegalAdvisorAssignment', { description: '法律顾问聘任（村、期间）/ Advisor assignment to a village for a period' })
export class AdvisorAssignment {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'advisor_id', type: 'uuid' })
  advisorId!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '村（社区）区划代码 / Division code of the village' })
  villageCode!: string;

  @Column({ name: 'start_date', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '起始日期 / First day' })
  startDate!: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  @Field(() => GraphQLLocalDate, { nullable: true, description: '截止日期（含当日，空为长期）/ Last day (inclusive; empty: open-ended)' })
  endDate!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** 服务方式 kinds of advisor service. */
export enum ServiceKind {
  VISIT = 'VISIT',
  CONSULTATION = 'CONSULTATION',
  LECTURE = 'LECTURE',
  DOCUMENT_REVIEW = 'DOCUMENT_REVIEW',
  MEDIATION = 'MEDIATION',
}
registerEnumType(ServiceKind, {
  name: 'LegalServiceKind',
  description: '法律顾问服务方式 / Kind of advisor service',
  valuesConfig: {
    VISIT: { description: '驻村服务 / Village visit' },
    CONSULTATION: { description: '法律咨询 / Consultation' },
    LECTURE: { description: '法治讲座 / Lecture' },
    DOCUMENT_REVIEW: { description: '审查村规民约、合同 / Document review' },
    MEDIATION: { description: '参与调解 / Mediation' },
  },
});

/** 服务记录 one service an advisor gave a village. */
@Entity({ name: 'legal_service_record' })
@ObjectType('LegalServiceRecord', { description: '法律顾问服务记录 / Advisor service record' })
export class ServiceRecord {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'advisor_id', type: 'uuid' })
  advisorId!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '村（社区）区划代码 / Division code of the village' })
  villageCode!: string;

  @Column({ name: 'service_date', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '服务日期 / Date' })
  serviceDate!: string;

  @Column({ name: 'kind', type: 'text' })
  @Field(() => ServiceKind, { description: '方式 / Kind' })
  kind!: ServiceKind;

  @Column({ name: 'minutes', type: 'int' })
  @Field(() => Int, { description: '时长（分钟）/ Duration in minutes' })
  minutes!: number;

  @Column({ name: 'consultations', type: 'int' })
  @Field(() => Int, { description: '解答咨询人次 / Consultations answered' })
  consultations!: number;

  @Column({ name: 'note', type: 'text' })
  @Field(() => String, { description: '备注 / Note' })
  note!: string;
}
