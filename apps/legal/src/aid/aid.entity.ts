import { HardshipBasis, LegalAidMatterKind } from '@xiangzhi/legal-api';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

registerEnumType(HardshipBasis, {
  name: 'HardshipBasis',
  description: '经济困难依据 / Economic-hardship basis',
  valuesConfig: {
    THREE_CATEGORIES: { description: '农村“三类人员”（免审查）/ Rural monitored households (no means test)' },
    URBAN_EXTREME_POVERTY: { description: '城市特困人员（免审查）/ Urban extreme poverty (no means test)' },
    RURAL_EXTREME_POVERTY: { description: '农村特困人员（免审查）/ Rural extreme poverty (no means test)' },
    MINIMUM_LIVING_ALLOWANCE: { description: '低保家庭（免审查）/ Minimum-allowance household (no means test)' },
    MEANS_TEST: { description: '其他（经济状况审查）/ Anyone else (means test)' },
  },
});

registerEnumType(LegalAidMatterKind, {
  name: 'LegalAidMatterKind',
  description: '援助事项类型 / Kind of legal-aid matter',
  valuesConfig: {
    REPRESENTATION: { description: '代理、辩护 / Representation or defence' },
    ADVICE: { description: '咨询、代写文书 / Advice and drafting' },
    NOTARISATION: { description: '免费公证（21项目录）/ Fee-waived notarisation (21-matter catalogue)' },
    FORENSIC_APPRAISAL: { description: '免费司法鉴定（5类目录）/ Fee-waived forensic appraisal (5-kind catalogue)' },
  },
});

/** 审批状态 of an application. */
export enum LegalAidStatus {
  PENDING = 'PENDING',
  GRANTED = 'GRANTED',
  REFUSED = 'REFUSED',
}
registerEnumType(LegalAidStatus, {
  name: 'LegalAidStatus',
  description: '法律援助申请状态 / Legal-aid application status',
  valuesConfig: { PENDING: { description: '待审批 / Pending' }, GRANTED: { description: '给予援助 / Granted' }, REFUSED: { description: '不予援助 / Refused' } },
});

/** A reason of an assessment or a decision: a stable rule code and its sentence. */
@ObjectType('LegalAidReason', { description: '理由（规则代码与说明）/ Reason (rule code and sentence)' })
export class LegalAidReasonType {
  @Field(() => String, { description: '规则代码 / Rule code' })
  rule!: string;

  @Field(() => String, { description: '中文说明 / Chinese' })
  zh!: string;

  @Field(() => String, { description: '英文说明 / English' })
  en!: string;
}

/** 法律援助申请 an application for legal aid by a resident. */
@Entity({ name: 'legal_aid_application' })
@ObjectType('LegalAidApplication', { description: '法律援助申请 / Legal-aid application' })
@Directive('@key(fields: "id")')
export class LegalAidApplication {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '申请人所在村 / Applicant’s village' })
  villageCode!: string;

  @Column({ name: 'applicant_resident_id', type: 'uuid' })
  @Field(() => ID, { description: '申请人（居民标识）/ Applicant (resident id)' })
  applicantResidentId!: string;

  @Column({ name: 'matter', type: 'text' })
  @Field(() => String, { description: '援助事项 / Matter' })
  matter!: string;

  @Column({ name: 'kind', type: 'text' })
  @Field(() => LegalAidMatterKind, { description: '事项类型 / Kind' })
  kind!: LegalAidMatterKind;

  @Column({ name: 'catalogue_code', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '免费目录代码（公证、鉴定）/ Fee-waiver catalogue code (notarisation, forensic appraisal)' })
  catalogueCode!: string | null;

  @Column({ name: 'basis', type: 'text' })
  @Field(() => HardshipBasis, { description: '经济困难依据 / Hardship basis' })
  basis!: HardshipBasis;

  @Column({ name: 'monthly_income_per_head_fen', type: 'bigint', nullable: true })
  monthlyIncomePerHeadFen!: string | null;

  @Column({ name: 'assessment', type: 'jsonb' })
  assessment!: { eligible: boolean; meansTestWaived: boolean; reasons: { rule: string; zh: string; en: string }[] };

  @Column({ name: 'policy_source', type: 'text' })
  @Field(() => String, { description: '审查依据（插件名或 baseline）/ The policy that assessed it (plugin or baseline)' })
  policySource!: string;

  @Column({ name: 'status', type: 'text' })
  @Field(() => LegalAidStatus, { description: '状态 / Status' })
  status!: LegalAidStatus;

  @Column({ name: 'decision_reasons', type: 'jsonb', nullable: true })
  decisionReasons!: { rule: string; zh: string; en: string }[] | null;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '审批人 / Decided by' })
  decidedBy!: string | null;

  @Column({ name: 'decided_on', type: 'date', nullable: true })
  @Field(() => GraphQLLocalDate, { nullable: true, description: '审批日期 / Date decided' })
  decidedOn!: string | null;

  @Column({ name: 'applied_on', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '申请日期 / Date applied' })
  appliedOn!: string;

  @VersionColumn({ name: 'version', type: 'int' })
  @Field(() => Int, { description: '版本号（乐观锁）/ Version (optimistic locking)' })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
