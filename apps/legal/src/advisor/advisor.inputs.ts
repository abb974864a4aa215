import { IdempotentInput } from '@xiangzhi/kernel';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CODE, CODE_MESSAGE } from '../dispute/dispute.inputs';
import { ServiceKind } from './advisor.entity';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType('RegisterLegalAdvisorInput', { description: '登记法律顾问 / Register a legal advisor' })
export class RegisterLegalAdvisorInput extends IdempotentInput {
  @Field(() => String, { description: '服务区县的12位区划代码 / 12-digit code of the county served' })
  @Matches(CODE, { message: CODE_MESSAGE })
  countyCode!: string;

  @Field(() => String, { description: '姓名（1–30字）/ Name (1–30 characters)' })
  @IsString()
  @Length(1, 30)
  name!: string;

  @Field(() => String, { description: '执业机构（1–80字）/ Law firm (1–80 characters)' })
  @IsString()
  @Length(1, 80)
  lawFirm!: string;

  @Field(() => String, {
    description:
      '律师执业证号：17位，第1位证书类型1，第2–3位省级代码，第4–5位市级代码，第6–9位首次执业年度，第10位执业类别1–9，第11位性别0/1，末6位顺序号 / Practising-certificate number: 17 digits — type 1, province (2), city (2), year of first practice (4), category 1–9, sex 0/1, sequence (6)',
  })
  @IsString()
  certificateNo!: string;

  @Field(() => Int, { defaultValue: 5, description: '最多服务村数（1–20，默认5）/ Most villages at once (1–20, default 5)' })
  @IsInt()
  @Min(1)
  @Max(20)
  maxVillages!: number;
}

@InputType('AssignLegalAdvisorInput', { description: '聘任法律顾问到村（同一村同一顾问期间不得重叠）/ Assign an advisor to a village (no overlapping periods for the same advisor and village)' })
export class AssignLegalAdvisorInput extends IdempotentInput {
  @Field(() => ID, { description: '法律顾问 / Advisor' })
  @IsUUID()
  advisorId!: string;

  @Field(() => String, { description: '村（社区）的12位区划代码 / 12-digit code of the village' })
  @Matches(CODE, { message: CODE_MESSAGE })
  villageCode!: string;

  @Field(() => GraphQLLocalDate, { description: '起始日期 / First day' })
  @Matches(DATE)
  startDate!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: '截止日期（含当日，省略为长期）/ Last day (inclusive; omitted: open-ended)' })
  @IsOptional()
  @Matches(DATE)
  endDate?: string | null;
}

@InputType('RecordLegalServiceInput', { description: '记录法律顾问服务 / Record an advisor’s service' })
export class RecordLegalServiceInput extends IdempotentInput {
  @Field(() => ID, { description: '法律顾问 / Advisor' })
  @IsUUID()
  advisorId!: string;

  @Field(() => String, { description: '服务的村（须在当日聘任期内）/ Village served (assigned on that day)' })
  @Matches(CODE, { message: CODE_MESSAGE })
  villageCode!: string;

  @Field(() => GraphQLLocalDate, { description: '服务日期（不得晚于今天）/ Date (not in the future)' })
  @Matches(DATE)
  serviceDate!: string;

  @Field(() => ServiceKind, { description: '方式 / Kind' })
  @IsEnum(ServiceKind)
  kind!: ServiceKind;

  @Field(() => Int, { description: '时长（分钟，1–720）/ Minutes (1–720)' })
  @IsInt()
  @Min(1)
  @Max(720)
  minutes!: number;

  @Field(() => Int, { defaultValue: 0, description: '解答咨询人次（0–500）/ Consultations answered (0–500)' })
  @IsInt()
  @Min(0)
  @Max(500)
  consultations!: number;

  @Field(() => String, { nullable: true, description: '备注（至多500字）/ Note (up to 500 characters)' })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  note?: string | null;
}
