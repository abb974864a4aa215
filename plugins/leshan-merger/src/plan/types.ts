import { IdempotentInput } from '@xiangzhi/kernel';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum MergerPlanStatus {
  DRAFT = 'DRAFT',
  APPROVED = 'APPROVED',
  EXECUTING = 'EXECUTING',
  EXECUTED = 'EXECUTED',
  COMPENSATING = 'COMPENSATING',
  COMPENSATED = 'COMPENSATED',
}
registerEnumType(MergerPlanStatus, {
  name: 'MergerPlanStatus',
  description: '村建制调整方案状态 / Status of a village-merger plan',
  valuesConfig: {
    DRAFT: { description: '草案 / Draft' },
    APPROVED: { description: '已批准 / Approved' },
    EXECUTING: { description: '执行中 / Executing' },
    EXECUTED: { description: '已执行 / Executed' },
    COMPENSATING: { description: '某步失败，正在撤销已完成的步骤 / A step failed: undoing the steps done' },
    COMPENSATED: { description: '执行失败，已全部撤销 / Failed and undone' },
  },
});

export enum MergerRiskLevel {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}
registerEnumType(MergerRiskLevel, {
  name: 'MergerRiskLevel',
  description: '社会稳定风险等级 / Social-stability risk level',
  valuesConfig: { LOW: { description: '低 / Low' }, MEDIUM: { description: '中 / Medium' }, HIGH: { description: '高 / High' } },
});

export enum CandidateReviewLevel {
  VILLAGE = 'VILLAGE',
  TOWNSHIP = 'TOWNSHIP',
  DEPARTMENT_JOINT = 'DEPARTMENT_JOINT',
  COUNTY_LEADING_GROUP = 'COUNTY_LEADING_GROUP',
}
registerEnumType(CandidateReviewLevel, {
  name: 'CandidateReviewLevel',
  description: '候选人四级审核 / The four review levels of a candidate',
  valuesConfig: {
    VILLAGE: { description: '村初审 / Village first review' },
    TOWNSHIP: { description: '镇街复审 / Township second review' },
    DEPARTMENT_JOINT: { description: '部门联审 / Joint review by departments' },
    COUNTY_LEADING_GROUP: { description: '领导小组终审 / Final review by the leading group' },
  },
});

export enum CadreDiversion {
  KEPT = 'KEPT',
  MOVED = 'MOVED',
  LEAVING = 'LEAVING',
}
registerEnumType(CadreDiversion, {
  name: 'CadreDiversion',
  description: '干部分流（一人一策）/ Cadre diversion (one plan per person)',
  valuesConfig: {
    KEPT: { description: '留任新村班子 / Kept in the merged village’s team' },
    MOVED: { description: '转岗 / Moved to other work' },
    LEAVING: { description: '离任（领取离任补助）/ Leaving, with a departure subsidy' },
  },
});

export enum MergerStepState {
  PENDING = 'PENDING',
  SENT = 'SENT',
  APPLIED = 'APPLIED',
  FAILED = 'FAILED',
  COMPENSATING = 'COMPENSATING',
  COMPENSATED = 'COMPENSATED',
}
registerEnumType(MergerStepState, {
  name: 'MergerStepState',
  description: '执行步骤状态 / State of a saga step',
  valuesConfig: {
    PENDING: { description: '未开始 / Not started' },
    SENT: { description: '已发出指令 / Command sent' },
    APPLIED: { description: '已完成 / Applied' },
    FAILED: { description: '被拒绝（未写入）/ Refused (nothing written)' },
    COMPENSATING: { description: '撤销中 / Being undone' },
    COMPENSATED: { description: '已撤销 / Undone' },
  },
});

@ObjectType('MergerRiskItem', { description: '风险评估事项 / A risk-assessment item' })
export class MergerRiskItem {
  @Field(() => String, { description: '风险点 / Risk' }) description!: string;
  @Field(() => MergerRiskLevel, { description: '等级 / Level' }) level!: MergerRiskLevel;
  @Field(() => String, { description: '化解措施 / Mitigation' }) mitigation!: string;
}

@ObjectType('MergerInventory', { description: '清产核资（确认后冻结）/ Inventory of a source collective, frozen once confirmed' })
export class MergerInventory {
  @Field(() => ID, { description: '集体经济组织 / Collective organisation' }) organizationId!: string;
  @Field(() => String, { description: '资产（分）/ Assets (fen)' }) assetsFen!: string;
  @Field(() => String, { description: '负债（分）/ Liabilities (fen)' }) liabilitiesFen!: string;
  @Field(() => String, { description: '资源性资产（分）/ Resource assets (fen)' }) resourcesFen!: string;
  @Field(() => String, { description: '确认人 / Confirmed by' }) confirmedBy!: string;
  @Field(() => GraphQLISODateTime, { description: '确认时间 / Confirmed at' }) confirmedAt!: Date;
}

@ObjectType('MergerSourceVillage', { description: '被合并村 / A source village' })
export class MergerSourceVillage {
  @Field(() => String, { description: '村区划代码 / Village division code' }) villageCode!: string;
  @Field(() => Int, { description: '户籍人口 / Registered population' }) registeredPopulation!: number;
  @Field(() => Int, { description: '面积（公顷）/ Area (hectares)' }) areaHectares!: number;
  @Field(() => MergerInventory, { nullable: true, description: '清产核资（未确认为空）/ Inventory (null until confirmed)' }) inventory!: MergerInventory | null;
}

@ObjectType('MergerCandidateReview', { description: '候选人审核记录 / A review of a candidate' })
export class MergerCandidateReview {
  @Field(() => CandidateReviewLevel, { description: '审核层级 / Level' }) level!: CandidateReviewLevel;
  @Field(() => Boolean, { description: '是否通过 / Passed' }) passed!: boolean;
  @Field(() => String, { description: '审核人 / Reviewer' }) reviewer!: string;
  @Field(() => GraphQLLocalDate, { description: '审核日期 / Date' }) reviewedOn!: string;
  @Field(() => String, { nullable: true, description: '意见 / Note' }) note!: string | null;
}

@ObjectType('MergerCandidate', { description: '新班子候选人 / A candidate for the merged village’s team' })
export class MergerCandidate {
  @Field(() => ID, { description: '标识 / Identifier' }) id!: string;
  @Field(() => String, { description: '姓名 / Name' }) name!: string;
  @Field(() => String, { description: '拟任岗位代码 / Post code' }) postCode!: string;
  @Field(() => [MergerCandidateReview], { description: '已进行的审核（按层级顺序）/ Reviews so far, in order' }) reviews!: MergerCandidateReview[];
  @Field(() => Boolean, { description: '已通过四级审核 / Passed all four levels' }) approved!: boolean;
  @Field(() => Boolean, { description: '已被取消资格 / Rejected' }) rejected!: boolean;
}

@ObjectType('MergerCadreDecision', { description: '干部分流决定与谈心谈话 / A cadre’s diversion and the one-on-one talk' })
export class MergerCadreDecision {
  @Field(() => ID, { description: '干部 / Cadre' }) cadreId!: string;
  @Field(() => String, { description: '原村 / Source village' }) villageCode!: string;
  @Field(() => CadreDiversion, { description: '分流决定 / Decision' }) decision!: CadreDiversion;
  @Field(() => String, { nullable: true, description: '留任岗位代码 / Post kept (KEPT)' }) postCode!: string | null;
  @Field(() => String, { nullable: true, description: '离任补助（分）/ Departure subsidy (fen, LEAVING)' }) subsidyFen!: string | null;
  @Field(() => GraphQLLocalDate, { description: '谈话日期 / Date of the talk' }) talkedOn!: string;
  @Field(() => String, { description: '谈话人 / Talked by' }) talkedBy!: string;
  @Field(() => String, { description: '谈话要点 / Summary' }) talkSummary!: string;
}

@ObjectType('MergerStep', { description: '执行步骤（事务）/ A saga step' })
export class MergerStep {
  @Field(() => String, { description: '步骤：GRIDS、ECONOMY、PERSONNEL / Step' }) step!: string;
  @Field(() => MergerStepState, { description: '状态 / State' }) state!: MergerStepState;
  @Field(() => GraphQLISODateTime, { nullable: true, description: '指令发出时间 / Command sent at' }) sentAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: '完成时间 / Applied at' }) appliedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: '失败时间 / Failed at' }) failedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: '撤销完成时间 / Undone at' }) compensatedAt!: Date | null;
  @Field(() => String, { nullable: true, description: '失败原因 / Reason of the failure' }) reason!: string | null;
}

@ObjectType('MergerPlan', { description: '村建制调整方案 / Village-merger plan' })
export class MergerPlan {
  @Field(() => ID, { description: '标识 / Identifier' }) id!: string;
  @Field(() => String, { description: '区县代码 / County code' }) countyCode!: string;
  @Field(() => String, { description: '合并后的村代码 / Code of the merged village' }) targetCode!: string;
  @Field(() => String, { description: '合并后的村名称 / Name of the merged village' }) targetName!: string;
  @Field(() => Boolean, { description: '是否启用新村代码 / Whether the merged village gets a new code' }) createsTarget!: boolean;
  @Field(() => GraphQLLocalDate, { description: '生效日期 / Effective date' }) effectiveDate!: string;
  @Field(() => MergerPlanStatus, { description: '状态 / Status' }) status!: MergerPlanStatus;
  @Field(() => MergerRiskLevel, { description: '总体风险等级（各项最高）/ Overall risk level (the highest item)' }) riskLevel!: MergerRiskLevel;
  @Field(() => [MergerRiskItem], { description: '风险评估 / Risk assessment' }) risks!: MergerRiskItem[];
  @Field(() => [MergerSourceVillage], { description: '被合并村 / Source villages' }) sources!: MergerSourceVillage[];
  @Field(() => [MergerCandidate], { description: '新班子候选人 / Candidates of the new team' }) candidates!: MergerCandidate[];
  @Field(() => [MergerCadreDecision], { description: '干部分流 / Cadre diversion' }) cadres!: MergerCadreDecision[];
  @Field(() => [MergerStep], { description: '执行步骤 / Saga steps' }) steps!: MergerStep[];
  @Field(() => String, { nullable: true, description: '失败的步骤 / The step that failed' }) failedStep!: string | null;
  @Field(() => String, { nullable: true, description: '失败规则 / Rule that failed' }) failureRule!: string | null;
  @Field(() => String, { nullable: true, description: '失败原因 / Why it failed' }) failureReason!: string | null;
  @Field(() => Int, { description: '版本号 / Version' }) version!: number;
}

@ObjectType('MergerStatisticsSide', { description: '某日的村建制数据 / Village figures on a date' })
export class MergerStatisticsSide {
  @Field(() => GraphQLLocalDate, { description: '日期 / Date' }) date!: string;
  @Field(() => Int, { description: '建制村数 / Villages' }) villages!: number;
  @Field(() => String, { nullable: true, description: '村平均户籍人口（两位小数）/ Average registered population' }) averagePopulation!: string | null;
  @Field(() => String, { nullable: true, description: '村平均面积（平方公里，两位小数）/ Average area (km²)' }) averageAreaKm2!: string | null;
}

@ObjectType('MergerStatistics', { description: '村建制调整前后对比 / Village figures before and after the mergers' })
export class MergerStatistics {
  @Field(() => String, { description: '区县代码 / County code' }) countyCode!: string;
  @Field(() => MergerStatisticsSide, { description: '调整前 / Before' }) before!: MergerStatisticsSide;
  @Field(() => MergerStatisticsSide, { description: '调整后 / After' }) after!: MergerStatisticsSide;
  @Field(() => String, { nullable: true, description: '村数变化（%，两位小数）/ Change in villages (%)' }) villagesChangePercent!: string | null;
  @Field(() => String, { nullable: true, description: '平均人口变化（%）/ Change in average population (%)' }) populationChangePercent!: string | null;
  @Field(() => String, { nullable: true, description: '平均面积变化（%）/ Change in average area (%)' }) areaChangePercent!: string | null;
}

const CODE = /^\d{12}$/;

@InputType('MergerSourceInput', { description: '被合并村 / A source village' })
export class MergerSourceInput {
  @Field(() => String, { description: '村区划代码 / Village division code' }) @IsString() @Matches(CODE) villageCode!: string;
  @Field(() => Int, { description: '户籍人口 / Registered population' }) @IsInt() @Min(0) @Max(1_000_000) registeredPopulation!: number;
  @Field(() => Int, { description: '面积（公顷）/ Area (hectares)' }) @IsInt() @Min(1) @Max(10_000_000) areaHectares!: number;
}

@InputType('MergerRiskInput', { description: '风险评估事项 / A risk item' })
export class MergerRiskInput {
  @Field(() => String, { description: '风险点 / Risk' }) @IsString() @MinLength(1) @MaxLength(500) description!: string;
  @Field(() => MergerRiskLevel, { description: '等级 / Level' }) @IsEnum(MergerRiskLevel) level!: MergerRiskLevel;
  @Field(() => String, { description: '化解措施 / Mitigation' }) @IsString() @MinLength(1) @MaxLength(1000) mitigation!: string;
}

@InputType('CreateMergerPlanInput', { description: '编制村建制调整方案 / Draw up a village-merger plan' })
export class CreateMergerPlanInput extends IdempotentInput {
  @Field(() => [MergerSourceInput], { description: '被合并村（至少两个）/ Source villages (at least two)' })
  @ValidateNested({ each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  sources!: MergerSourceInput[];
  @Field(() => String, { description: '合并后的村代码：某个被合并村的代码，或本县某乡镇下的新代码 / Merged village code: a source’s code or a new code under a township' })
  @IsString()
  @Matches(CODE)
  targetCode!: string;
  @Field(() => String, { description: '合并后的村名称 / Name of the merged village' }) @IsString() @MinLength(1) @MaxLength(100) targetName!: string;
  @Field(() => GraphQLLocalDate, { description: '生效日期 / Effective date' }) effectiveDate!: string;
  @Field(() => [MergerRiskInput], { description: '社会稳定风险评估 / Risk assessment' })
  @ValidateNested({ each: true })
  @ArrayMaxSize(100)
  risks!: MergerRiskInput[];
  @Field(() => String, { nullable: true, description: '新村集体经济组织名称（新代码时必填）/ Name of the new village’s collective (required for a new code)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  newOrganizationName?: string | null;
  @Field(() => String, { nullable: true, description: '新村集体经济组织统一社会信用代码 / Its unified social credit code' })
  @IsOptional()
  @IsString()
  @MaxLength(18)
  newOrganizationCreditCode?: string | null;
}

@InputType('AddMergerCandidateInput', { description: '新班子候选人 / A candidate of the new team' })
export class AddMergerCandidateInput extends IdempotentInput {
  @Field(() => ID, { description: '方案 / Plan' }) @IsUUID() planId!: string;
  @Field(() => String, { description: '姓名 / Name' }) @IsString() @MinLength(1) @MaxLength(50) name!: string;
  @Field(() => String, { description: '拟任岗位代码 / Post code' }) @IsString() @MinLength(1) @MaxLength(60) postCode!: string;
}

@InputType('ReviewMergerCandidateInput', { description: '候选人审核（按四级顺序）/ A review of a candidate, in order of the four levels' })
export class ReviewMergerCandidateInput {
  @Field(() => ID, { description: '候选人 / Candidate' }) @IsUUID() candidateId!: string;
  @Field(() => CandidateReviewLevel, { description: '审核层级 / Level' }) @IsEnum(CandidateReviewLevel) level!: CandidateReviewLevel;
  @Field(() => Boolean, { description: '是否通过 / Passed' }) @IsBoolean() passed!: boolean;
  @Field(() => String, { description: '审核人 / Reviewer' }) @IsString() @MinLength(1) @MaxLength(100) reviewer!: string;
  @Field(() => GraphQLLocalDate, { description: '审核日期 / Date' }) reviewedOn!: string;
  @Field(() => String, { nullable: true, description: '意见 / Note' }) @IsOptional() @IsString() @MaxLength(1000) note?: string | null;
}

@InputType('DecideCadreDiversionInput', { description: '干部分流决定与谈心谈话（一人一策）/ A cadre’s diversion decision and talk' })
export class DecideCadreDiversionInput {
  @Field(() => ID, { description: '方案 / Plan' }) @IsUUID() planId!: string;
  @Field(() => ID, { description: '干部 / Cadre' }) @IsUUID() cadreId!: string;
  @Field(() => CadreDiversion, { description: '分流决定 / Decision' }) @IsEnum(CadreDiversion) decision!: CadreDiversion;
  @Field(() => String, { nullable: true, description: '留任岗位代码（KEPT 必填）/ Post kept (required for KEPT)' }) @IsOptional() @IsString() @MaxLength(60) postCode?: string | null;
  @Field(() => String, { nullable: true, description: '离任补助（分，LEAVING 必填）/ Departure subsidy in fen (required for LEAVING)' })
  @IsOptional()
  @Matches(/^\d{1,12}$/)
  subsidyFen?: string | null;
  @Field(() => GraphQLLocalDate, { description: '谈话日期 / Date of the talk' }) talkedOn!: string;
  @Field(() => String, { description: '谈话人 / Talked by' }) @IsString() @MinLength(1) @MaxLength(100) talkedBy!: string;
  @Field(() => String, { description: '谈话要点 / Summary' }) @IsString() @MinLength(1) @MaxLength(2000) talkSummary!: string;
}
