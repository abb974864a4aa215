import { IdempotentInput } from '@xiangzhi/kernel';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

/** 范本村级别 the tier a village applies for and is rated at. */
export enum QixingguanTier {
  STANDARD = 'STANDARD',
  MODEL = 'MODEL',
  EXEMPLARY = 'EXEMPLARY',
}
registerEnumType(QixingguanTier, {
  name: 'QixingguanTier',
  description: '七星关区范本村级别 / Qixingguan exemplar tier',
  valuesConfig: {
    STANDARD: { description: '规范村（社区）/ Standard village' },
    MODEL: { description: '示范村（社区）/ Model village' },
    EXEMPLARY: { description: '典范村（社区）/ Exemplary village' },
  },
});

/** 十二字总标准 the goal a standard belongs to. */
export enum QixingguanGoal {
  ORGANIZATION = 'ORGANIZATION',
  ENVIRONMENT = 'ENVIRONMENT',
  CIVILITY = 'CIVILITY',
  INDUSTRY = 'INDUSTRY',
}
registerEnumType(QixingguanGoal, {
  name: 'QixingguanGoal',
  description: '十二字总标准 / The 12-character goal',
  valuesConfig: {
    ORGANIZATION: { description: '组织强 / Strong organisation' },
    ENVIRONMENT: { description: '环境美 / Beautiful environment' },
    CIVILITY: { description: '乡风纯 / Wholesome customs' },
    INDUSTRY: { description: '产业兴 / Thriving industry' },
  },
});

/** 考核指标 where a standard's figure comes from. */
export enum QixingguanIndicator {
  TEAM_COMPLETE_PERCENT = 'TEAM_COMPLETE_PERCENT',
  CADRES_COMPETENT_PERCENT = 'CADRES_COMPETENT_PERCENT',
  ENVIRONMENT_SCORE = 'ENVIRONMENT_SCORE',
  SELF_GOVERNANCE_SCORE = 'SELF_GOVERNANCE_SCORE',
  OPEN_DISPUTES = 'OPEN_DISPUTES',
  SAFE_VILLAGE_DESIGNATIONS = 'SAFE_VILLAGE_DESIGNATIONS',
  STAR_HOUSEHOLD_PERCENT = 'STAR_HOUSEHOLD_PERCENT',
  BLACK_LIST_MONTHS = 'BLACK_LIST_MONTHS',
  OPERATING_INCOME = 'OPERATING_INCOME',
  PER_CAPITA_INCOME = 'PER_CAPITA_INCOME',
}
registerEnumType(QixingguanIndicator, {
  name: 'QixingguanIndicator',
  description: '范本村考核指标 / Exemplar-village indicator',
  valuesConfig: {
    TEAM_COMPLETE_PERCENT: { description: '村班子岗位配齐比例（%，人事）/ Share of the team’s posts filled (%, personnel)' },
    CADRES_COMPETENT_PERCENT: { description: '年度考核称职以上干部比例（%，人事）/ Share of cadres rated competent or better (%, personnel)' },
    ENVIRONMENT_SCORE: { description: '村庄环境检查得分（乡镇录入）/ Environment inspection score (recorded by the township)' },
    SELF_GOVERNANCE_SCORE: { description: '村民自治检查得分（乡镇录入）/ Self-government check score (recorded by the township)' },
    OPEN_DISPUTES: { description: '年末未办结纠纷数（法治）/ Disputes open at the year’s end (legal)' },
    SAFE_VILLAGE_DESIGNATIONS: { description: '年度平安法治创建命名数（法治）/ Safe-village designations of the year (legal)' },
    STAR_HOUSEHOLD_PERCENT: { description: '星级文明户比例（%，德治）/ Share of star households (%, civility)' },
    BLACK_LIST_MONTHS: { description: '有农户上黑榜的月份数（德治）/ Months with a household on the black list (civility)' },
    OPERATING_INCOME: { description: '村集体年经营性收入（元，集体经济）/ Collective operating income of the year (yuan, economy)' },
    PER_CAPITA_INCOME: { description: '居民人均可支配收入（元，乡镇录入）/ Per-capita disposable income (yuan, recorded by the township)' },
  },
});

/** 乡镇录入的指标 the indicators a township records. */
export enum QixingguanRecordedIndicator {
  ENVIRONMENT_SCORE = 'ENVIRONMENT_SCORE',
  SELF_GOVERNANCE_SCORE = 'SELF_GOVERNANCE_SCORE',
  PER_CAPITA_INCOME = 'PER_CAPITA_INCOME',
}
registerEnumType(QixingguanRecordedIndicator, {
  name: 'QixingguanRecordedIndicator',
  description: '乡镇录入的范本村指标（其他子图没有的数据）/ Exemplar indicators a township records (held by no subgraph)',
  valuesConfig: {
    ENVIRONMENT_SCORE: { description: '村庄环境检查得分（0–100）/ Environment inspection score (0–100)' },
    SELF_GOVERNANCE_SCORE: { description: '村民自治检查得分（0–100）/ Self-government check score (0–100)' },
    PER_CAPITA_INCOME: { description: '居民人均可支配收入（元，两位小数）/ Per-capita disposable income (yuan, two decimals)' },
  },
});

/** 比较方式 how a figure meets its threshold. */
export enum QixingguanComparison {
  MIN = 'MIN',
  ABOVE = 'ABOVE',
  MAX = 'MAX',
}
registerEnumType(QixingguanComparison, {
  name: 'QixingguanComparison',
  description: '达标方式 / How a figure meets its threshold',
  valuesConfig: {
    MIN: { description: '不低于门槛 / At least the threshold' },
    ABOVE: { description: '高于门槛 / Above the threshold' },
    MAX: { description: '不高于门槛 / At most the threshold' },
  },
});

/** 申报状态 where an application stands. */
export enum QixingguanApplicationStatus {
  APPLIED = 'APPLIED',
  SCREENED = 'SCREENED',
  DECLINED = 'DECLINED',
  RATED = 'RATED',
  NOT_RATED = 'NOT_RATED',
}
registerEnumType(QixingguanApplicationStatus, {
  name: 'QixingguanApplicationStatus',
  description: '范本村申报状态 / Exemplar application status',
  valuesConfig: {
    APPLIED: { description: '村级已申报，待乡镇把关 / Applied by the village, awaiting the township’s screening' },
    SCREENED: { description: '乡镇把关通过，待区级考评 / Passed the township’s screening, awaiting the district panel' },
    DECLINED: { description: '乡镇把关未通过 / Declined by the township' },
    RATED: { description: '区级考评达标，已命名 / Rated by the district panel' },
    NOT_RATED: { description: '区级考评未达标 / Not rated by the district panel' },
  },
});

@ObjectType('QixingguanApplication', { description: '范本村申报（村级申报、乡级把关、区级审核）/ Exemplar application (village applies, township screens, district assesses)' })
export class QixingguanApplication {
  @Field(() => ID, { description: '标识 / Identifier' }) id!: string;
  @Field(() => String, { description: '村（社区）区划代码 / Village division code' }) villageCode!: string;
  @Field(() => Int, { description: '创建年度 / Year' }) year!: number;
  @Field(() => QixingguanTier, { description: '申报级别 / Tier applied for' }) tier!: QixingguanTier;
  @Field(() => QixingguanApplicationStatus, { description: '状态 / Status' }) status!: QixingguanApplicationStatus;
  @Field(() => String, { description: '申报人 / Applied by' }) appliedBy!: string;
  @Field(() => GraphQLISODateTime, { description: '申报时间 / Applied at' }) appliedAt!: Date;
  @Field(() => String, { nullable: true, description: '乡镇把关人 / Screened by' }) screenedBy!: string | null;
  @Field(() => String, { nullable: true, description: '乡镇把关意见 / Screening note' }) screeningNote!: string | null;
  @Field(() => Int, { description: '版本号 / Version' }) version!: number;
}

@ObjectType('QixingguanStandardResult', { description: '一条主要标准的考核情况 / How one main standard was assessed' })
export class QixingguanStandardResult {
  @Field(() => Int, { nullable: true, description: '考核顺序（1为最短板；未考核为空）/ Order assessed (1 = the short board; null: not assessed)' }) order!: number | null;
  @Field(() => String, { description: '标准代码 / Standard code' }) code!: string;
  @Field(() => QixingguanGoal, { description: '所属总标准 / Goal' }) goal!: QixingguanGoal;
  @Field(() => String, { description: '标准（中文）/ Standard (Chinese)' }) zh!: string;
  @Field(() => String, { description: '标准（英文）/ Standard (English)' }) en!: string;
  @Field(() => QixingguanIndicator, { description: '指标 / Indicator' }) indicator!: QixingguanIndicator;
  @Field(() => QixingguanComparison, { description: '达标方式 / Comparison' }) comparison!: QixingguanComparison;
  @Field(() => String, { description: '该级别门槛（金额为元，两位小数；其余为整数）/ The tier’s threshold (money in yuan with two decimals; otherwise an integer)' }) threshold!: string;
  @Field(() => String, { nullable: true, description: '村的数值（无数据为空）/ The village’s figure (null: no figure)' }) value!: string | null;
  @Field(() => Boolean, { nullable: true, description: '是否达标（未考核为空）/ Passed (null: not assessed)' }) passed!: boolean | null;
  @Field(() => String, { description: '说明（中文）/ Explanation (Chinese)' }) explanationZh!: string;
  @Field(() => String, { description: '说明（英文）/ Explanation (English)' }) explanationEn!: string;
}

@ObjectType('QixingguanReward', { description: '范本村奖励（月报酬+年奖励）/ Exemplar reward' })
export class QixingguanReward {
  @Field(() => QixingguanTier, { description: '级别 / Tier' }) tier!: QixingguanTier;
  @Field(() => String, { description: '每名村干部奖励（元，两位小数）/ Reward per cadre (yuan, two decimals)' }) perCadre!: string;
  @Field(() => String, { description: '村级活动经费增加（元，两位小数）/ Additional activity funds (yuan, two decimals)' }) activityFunds!: string;
  @Field(() => String, { description: '随报酬发放的月份（YYYY-MM）/ Month paid with the payroll (YYYY-MM)' }) payMonth!: string;
}

@ObjectType('QixingguanAssessment', { description: '区级考评结果（短板优先）/ District panel assessment (short board first)' })
export class QixingguanAssessment {
  @Field(() => ID, { description: '标识 / Identifier' }) id!: string;
  @Field(() => ID, { description: '申报标识 / Application' }) applicationId!: string;
  @Field(() => String, { description: '村（社区）区划代码 / Village division code' }) villageCode!: string;
  @Field(() => Int, { description: '年度 / Year' }) year!: number;
  @Field(() => QixingguanTier, { description: '申报级别 / Tier applied for' }) tier!: QixingguanTier;
  @Field(() => Boolean, { description: '是否命名 / Rated' }) rated!: boolean;
  @Field(() => QixingguanTier, { nullable: true, description: '命名级别（未达标为空）/ Tier rated (null when not rated)' }) ratedTier!: QixingguanTier | null;
  @Field(() => String, { nullable: true, description: '止步的标准（最短板未达标）/ The standard that stopped the assessment (the failed short board)' }) stoppedBy!: string | null;
  @Field(() => QixingguanIndicator, { nullable: true, description: '止步的指标 / The indicator that stopped it' }) stoppedByIndicator!: QixingguanIndicator | null;
  @Field(() => String, { description: '结论（中文）/ Conclusion (Chinese)' }) conclusionZh!: string;
  @Field(() => String, { description: '结论（英文）/ Conclusion (English)' }) conclusionEn!: string;
  @Field(() => [QixingguanStandardResult], { description: '各标准（按考核顺序，未考核的在后）/ Every standard, in the order assessed (those not assessed last)' }) standards!: QixingguanStandardResult[];
  @Field(() => QixingguanReward, { nullable: true, description: '奖励（命名时）/ Reward (when rated)' }) reward!: QixingguanReward | null;
  @Field(() => String, { description: '考评人 / Assessed by' }) assessedBy!: string;
  @Field(() => GraphQLISODateTime, { description: '考评时间 / Assessed at' }) assessedAt!: Date;
}

@ObjectType('QixingguanVillageIndicator', { description: '乡镇录入的村指标 / A village figure recorded by the township' })
export class QixingguanVillageIndicator {
  @Field(() => String, { description: '村（社区）区划代码 / Village division code' }) villageCode!: string;
  @Field(() => Int, { description: '年度 / Year' }) year!: number;
  @Field(() => QixingguanRecordedIndicator, { description: '指标 / Indicator' }) indicator!: QixingguanRecordedIndicator;
  @Field(() => String, { description: '数值（金额为元，两位小数；得分为整数）/ Figure (money in yuan with two decimals; scores as integers)' }) value!: string;
  @Field(() => String, { description: '录入人 / Recorded by' }) recordedBy!: string;
}

const CODE = /^\d{12}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

@InputType('ApplyForExemplarTierInput', { description: '村级申报范本村 / A village applies for an exemplar tier' })
export class ApplyForExemplarTierInput extends IdempotentInput {
  @Field(() => String, { description: '村（社区）区划代码 / Village division code' }) @IsString() @Matches(CODE) villageCode!: string;
  @Field(() => Int, { description: '创建年度（2000–2100）/ Year (2000–2100)' }) @IsInt() @Min(2000) @Max(2100) year!: number;
  @Field(() => QixingguanTier, { description: '申报级别 / Tier applied for' }) @IsEnum(QixingguanTier) tier!: QixingguanTier;
}

@InputType('ScreenExemplarApplicationInput', { description: '乡镇把关 / The township screens an application' })
export class ScreenExemplarApplicationInput {
  @Field(() => ID, { description: '申报标识 / Application' }) @IsUUID() applicationId!: string;
  @Field(() => Boolean, { description: '是否择优上报区级 / Forward to the district panel' }) @IsBoolean() approve!: boolean;
  @Field(() => String, { nullable: true, description: '把关意见（至多500字）/ Note (at most 500 characters)' }) @IsOptional() @IsString() @MaxLength(500) note?: string | null;
  @Field(() => Int, { description: '申报的当前版本号 / The application’s current version' }) @IsInt() @Min(1) expectedVersion!: number;
}

@InputType('AssessExemplarVillageInput', { description: '区级考评组考评 / The district panel assesses an application' })
export class AssessExemplarVillageInput extends IdempotentInput {
  @Field(() => ID, { description: '申报标识 / Application' }) @IsUUID() applicationId!: string;
  @Field(() => String, { nullable: true, description: '奖励随报酬发放的月份（YYYY-MM，默认本月）/ Month the reward is paid with (YYYY-MM, default this month)' })
  @IsOptional()
  @Matches(MONTH)
  payMonth?: string | null;
}

@InputType('RecordVillageIndicatorInput', { description: '乡镇录入村指标 / The township records a village figure' })
export class RecordVillageIndicatorInput {
  @Field(() => String, { description: '村（社区）区划代码 / Village division code' }) @IsString() @Matches(CODE) villageCode!: string;
  @Field(() => Int, { description: '年度（2000–2100）/ Year (2000–2100)' }) @IsInt() @Min(2000) @Max(2100) year!: number;
  @Field(() => QixingguanRecordedIndicator, { description: '指标 / Indicator' }) @IsEnum(QixingguanRecordedIndicator) indicator!: QixingguanRecordedIndicator;
  @Field(() => String, { description: '数值：得分为0–100的整数，收入为元（至多两位小数）/ Figure: a score 0–100 as an integer, income in yuan (at most two decimals)' })
  @IsString()
  @Matches(/^\d{1,12}(\.\d{1,2})?$/)
  value!: string;
}
