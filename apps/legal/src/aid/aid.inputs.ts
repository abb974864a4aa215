import { IdempotentInput } from '@xiangzhi/kernel';
import { HardshipBasis, LegalAidMatterKind } from '@xiangzhi/legal-api';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { YUAN_PATTERN } from '../shared/access';

@InputType('ApplyForLegalAidInput', { description: '申请法律援助 / Apply for legal aid' })
export class ApplyForLegalAidInput extends IdempotentInput {
  @Field(() => ID, { description: '申请人（在册居民）/ Applicant (a living resident)' })
  @IsUUID()
  applicantResidentId!: string;

  @Field(() => String, { description: '援助事项（1–500字）/ Matter (1–500 characters)' })
  @IsString()
  @Length(1, 500)
  matter!: string;

  @Field(() => LegalAidMatterKind, { description: '事项类型 / Kind' })
  @IsEnum(LegalAidMatterKind)
  kind!: LegalAidMatterKind;

  @Field(() => String, { nullable: true, description: '免费目录代码（公证、鉴定时必填，见 legalAidCatalogue）/ Catalogue code (for notarisation and forensic appraisal; see legalAidCatalogue)' })
  @IsOptional()
  @Matches(/^[A-Z_]{2,40}$/)
  catalogueCode?: string | null;

  @Field(() => HardshipBasis, { description: '经济困难依据 / Hardship basis' })
  @IsEnum(HardshipBasis)
  basis!: HardshipBasis;

  @Field(() => String, { nullable: true, description: '家庭人均月收入（元，两位小数；经济状况审查时必填）/ Household income per head and month, yuan (needed for a means test)' })
  @IsOptional()
  @Matches(YUAN_PATTERN, { message: '$property must be yuan with at most two decimals' })
  monthlyIncomePerHead?: string | null;
}

@InputType('LegalAidDecisionReasonInput', { description: '审批理由（规则代码与说明）/ Decision reason (rule code and sentence)' })
export class LegalAidDecisionReasonInput {
  @Field(() => String, { description: '规则代码（大写字母与下划线）/ Rule code (capitals and underscores)' })
  @Matches(/^[A-Z][A-Z_]{2,39}$/)
  rule!: string;

  @Field(() => String, { description: '说明（1–300字）/ Sentence (1–300 characters)' })
  @IsString()
  @Length(1, 300)
  note!: string;
}

@InputType('DecideLegalAidInput', { description: '审批法律援助申请（须附理由）/ Decide a legal-aid application (reasons required)' })
export class DecideLegalAidInput {
  @Field(() => ID, { description: '申请 / Application' })
  @IsUUID()
  applicationId!: string;

  @Field(() => Int, { description: '读取时的版本号 / Version read' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => Boolean, { description: '是否给予援助 / Granted' })
  @IsBoolean()
  granted!: boolean;

  @Field(() => [LegalAidDecisionReasonInput], { description: '理由（至少一条）/ Reasons (at least one)' })
  @ValidateNested({ each: true })
  @ArrayMaxSize(10)
  reasons!: LegalAidDecisionReasonInput[];
}
