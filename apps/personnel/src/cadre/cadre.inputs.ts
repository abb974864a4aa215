import { IDEMPOTENCY_KEY_DESCRIPTION, IDEMPOTENCY_KEY_PATTERN, IdempotentInput, PageArgs } from '@xiangzhi/kernel';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { DepartureType, EducationLevel } from '../shared/enums';
import { CadreStatus, DeclaredRelative, Gender, TalentKind, TalentStatus } from './cadre.entity';

export const CODE = /^\d{12}$/;
export const CODE_MESSAGE = '$property must be a 12-digit division code';

@ArgsType()
export class CadresArgs extends PageArgs {
  @Field(() => String, { description: '区划代码：村、乡镇或县（辖区以外的部分不列出）/ Region code: village, township or county (nothing outside your scope is listed)' })
  @Matches(CODE, { message: CODE_MESSAGE })
  regionCode!: string;

  @Field(() => CadreStatus, { nullable: true, description: '状态（省略时列出全部）/ Status (all when omitted)' })
  @IsOptional()
  @IsEnum(CadreStatus)
  status?: CadreStatus | null;

  @Field(() => String, {
    nullable: true,
    description:
      '按姓名查找：姓名的任一部分或其拼音首字母的任一部分（“三丰”“zsf”“sf” 均可找到张三丰；1–10个字符，不区分大小写）/ ' +
      'Search by name: any part of the name or of its pinyin initials (“三丰”, “zsf” and “sf” all find 张三丰; 1–10 characters, case-insensitive)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 10)
  name?: string | null;
}

@ArgsType()
export class TalentsArgs extends PageArgs {
  @Field(() => String, { description: '区划代码：村、乡镇或县（辖区以外的部分不列出）/ Region code: village, township or county (nothing outside your scope is listed)' })
  @Matches(CODE, { message: CODE_MESSAGE })
  regionCode!: string;

  @Field(() => TalentStatus, { nullable: true, description: '状态（省略时列出在库和已任用的，不含已出库）/ Status (when omitted: in the pool and appointed, not removed)' })
  @IsOptional()
  @IsEnum(TalentStatus)
  status?: TalentStatus | null;
}

/** 联审意见 one department's finding in the joint vetting. */
@InputType('VettingInput', { description: '联审部门意见 / One department’s finding in the joint vetting' })
export class VettingInput {
  @Field(() => String, { description: '部门（纪委监委、组织部、政法委、公安……）/ Department (discipline inspection, organisation, politics and law, police…)' })
  @IsString()
  @Length(1, 60)
  department!: string;

  @Field(() => Boolean, { description: '是否通过 / Passed' })
  @IsBoolean()
  passed!: boolean;

  @Field(() => String, { nullable: true, description: '未通过的原因 / Why it did not pass' })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  note?: string | null;
}

/**
 * The candidate of an eligibility check or an appointment: an existing cadre (`cadreId`) or a
 * person described by their facts, and the findings on them.
 */
@InputType('CandidateInput', { description: '候选人（已有干部或个人信息）及审查情况 / A candidate (an existing cadre or a person’s facts) and the findings on them' })
export abstract class CandidateInput {
  @Field(() => ID, { description: '岗位 / Post' })
  @IsUUID()
  postId!: string;

  @Field(() => ID, { nullable: true, description: '已有干部（给出时不再填写个人信息）/ An existing cadre (then leave the person’s facts out)' })
  @IsOptional()
  @IsUUID()
  cadreId?: string | null;

  @Field(() => String, { nullable: true, description: '姓名（新人选必填）/ Name (required for a new person)' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  name?: string | null;

  @Field(() => Gender, { nullable: true, description: '性别（新人选必填）/ Gender (required for a new person)' })
  @IsOptional()
  @IsEnum(Gender)
  gender?: Gender | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: '出生日期（新人选必填）/ Birth date (required for a new person)' })
  @IsOptional()
  birthDate?: string | null;

  @Field(() => EducationLevel, { nullable: true, description: '学历（新人选必填）/ Education level (required for a new person)' })
  @IsOptional()
  @IsEnum(EducationLevel)
  educationLevel?: EducationLevel | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: '入党日期（为空表示非党员）/ Date of joining the Party (empty: not a member)' })
  @IsOptional()
  partyJoinDate?: string | null;

  @Field(() => ID, { nullable: true, description: '居民标识（网格子图 Resident.id）/ Resident id in the grids subgraph' })
  @IsOptional()
  @IsUUID()
  residentId?: string | null;

  @Field(() => [DeclaredRelative], { nullable: true, description: '申报的亲属（用于任职回避）/ Declared close relatives (for recusal)' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  closeRelatives?: DeclaredRelative[] | null;

  @Field(() => [String], { defaultValue: [], description: '存在的不宜提名情形代码（如 CRIMINAL_RECORD）/ Codes of disqualifying situations found (e.g. CRIMINAL_RECORD)' })
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  situations!: string[];

  @Field(() => [VettingInput], { defaultValue: [], description: '联审部门意见 / Joint vetting findings' })
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  vetting!: VettingInput[];

  @Field(() => Boolean, { defaultValue: false, description: '是否作为特别优秀人选（政策允许破格时）/ Marked as exceptional (where a policy allows exceptions)' })
  @IsBoolean()
  exceptional!: boolean;
}

@InputType('CheckEligibilityInput', { description: '任职资格审查（不写入任何数据）/ Eligibility check (writes nothing)' })
export class CheckEligibilityInput extends CandidateInput {
  @Field(() => GraphQLLocalDate, { nullable: true, description: '审查所依据的日期（默认今天）/ Date the check is for (default today)' })
  @IsOptional()
  asOf?: string | null;
}

@InputType('AppointCadreInput', { description: '任职（先做任职资格审查，不符合则不写入）/ Appoint a cadre to a post (the eligibility check runs first; nothing is written when it fails)' })
export class AppointCadreInput extends CandidateInput {
  @Field(() => GraphQLLocalDate, { description: '任职日期 / Start date' })
  startDate!: string;

  @Field(() => ID, { nullable: true, description: '人才库人员（从人才库任用时）/ Talent-pool entry the cadre comes from' })
  @IsOptional()
  @IsUUID()
  talentId?: string | null;

  @Field(() => Int, { nullable: true, description: '岗位读取时的版本号（给出且已变化则冲突）/ Post version read (CONFLICT when given and changed since)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedPostVersion?: number | null;

  // CandidateInput is shared with the eligibility check (a query), so the key is declared here as IdempotentInput declares it
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  @IsOptional()
  @Matches(IDEMPOTENCY_KEY_PATTERN)
  idempotencyKey?: string | null;
}

@InputType('DischargeCadreInput', { description: '干部离任 / Discharge a cadre' })
export class DischargeCadreInput {
  @Field(() => ID, { description: '干部 / Cadre' })
  @IsUUID()
  cadreId!: string;

  @Field(() => DepartureType, { description: '离任类型 / Departure type' })
  @IsEnum(DepartureType)
  departureType!: DepartureType;

  @Field(() => String, { description: '离任原因 / Reason' })
  @IsString()
  @Length(1, 500)
  reason!: string;

  @Field(() => GraphQLLocalDate, { description: '离任日期 / Departure date' })
  date!: string;

  @Field(() => Int, { description: '读取时的版本号（已被他人修改则冲突）/ Version read (CONFLICT when someone changed it since)' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}

@InputType('UpdateCadreInput', { description: '修改干部档案（省略的字段不变）/ Update a cadre record (omitted fields stay as they are)' })
export class UpdateCadreInput {
  @Field(() => ID, { description: '干部 / Cadre' })
  @IsUUID()
  cadreId!: string;

  @Field(() => Int, { description: '读取时的版本号（已被他人修改则冲突）/ Version read (CONFLICT when someone changed it since)' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => EducationLevel, { nullable: true, description: '学历 / Education level' })
  @IsOptional()
  @IsEnum(EducationLevel)
  educationLevel?: EducationLevel | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: '入党日期（显式传 null 表示非党员）/ Date of joining the Party (an explicit null: not a member)' })
  @IsOptional()
  partyJoinDate?: string | null;

  @Field(() => [DeclaredRelative], { nullable: true, description: '申报的亲属（整体替换）/ Declared close relatives (replaces the list)' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  closeRelatives?: DeclaredRelative[] | null;

  @Field(() => Boolean, { nullable: true, description: '是否全职 / Full-time' })
  @IsOptional()
  @IsBoolean()
  fullTime?: boolean | null;

  @Field(() => CadreStatus, { nullable: true, description: '状态（仅在职或停职；离任请用 dischargeCadre）/ Status (ACTIVE or SUSPENDED only; use dischargeCadre to leave)' })
  @IsOptional()
  @IsEnum(CadreStatus)
  status?: CadreStatus | null;
}

@InputType('RecordTrainingInput', { description: '登记培训 / Record a training' })
export class RecordTrainingInput extends IdempotentInput {
  @Field(() => ID, { description: '干部 / Cadre' })
  @IsUUID()
  cadreId!: string;

  @Field(() => String, { description: '培训名称 / Title' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @Field(() => String, { description: '举办单位 / Organiser' })
  @IsString()
  @Length(1, 100)
  organizer!: string;

  @Field(() => GraphQLLocalDate, { description: '开始日期 / Start date' })
  startDate!: string;

  @Field(() => Float, { description: '天数（大于0，最多一位小数）/ Days (more than 0, one decimal at most)' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 })
  @Min(0.1)
  @Max(366)
  days!: number;
}

@InputType('AddTalentInput', { description: '人才入库 / Add a person to the talent pool' })
export class AddTalentInput extends IdempotentInput {
  @Field(() => String, { description: '村（社区）区划代码 / Village division code' })
  @Matches(CODE, { message: CODE_MESSAGE })
  villageCode!: string;

  @Field(() => String, { description: '姓名 / Name' })
  @IsString()
  @Length(1, 40)
  name!: string;

  @Field(() => Gender, { description: '性别 / Gender' })
  @IsEnum(Gender)
  gender!: Gender;

  @Field(() => GraphQLLocalDate, { description: '出生日期 / Birth date' })
  birthDate!: string;

  @Field(() => EducationLevel, { description: '学历 / Education level' })
  @IsEnum(EducationLevel)
  educationLevel!: EducationLevel;

  @Field(() => TalentKind, { description: '类别 / Kind' })
  @IsEnum(TalentKind)
  kind!: TalentKind;

  @Field(() => String, { nullable: true, description: '备注（特长、经历）/ Note (skills, experience)' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string | null;

  @Field(() => ID, { nullable: true, description: '居民标识（网格子图 Resident.id）/ Resident id in the grids subgraph' })
  @IsOptional()
  @IsUUID()
  residentId?: string | null;
}

@InputType('RemoveTalentInput', { description: '人才出库 / Remove a person from the talent pool' })
export class RemoveTalentInput {
  @Field(() => ID, { description: '人才库人员 / Talent-pool entry' })
  @IsUUID()
  talentId!: string;

  @Field(() => Int, { description: '读取时的版本号（已被他人修改则冲突）/ Version read (CONFLICT when someone changed it since)' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}
