import { IdempotentInput } from '@xiangzhi/kernel';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { AppraisalPeriodType } from './appraisal.entity';

@InputType('AppraisalScoreInput', { description: '一个维度的得分 / Score of one dimension' })
export class AppraisalScoreInput {
  @Field(() => String, { description: '维度代码（见 appraisalDimensions）/ Dimension code (see appraisalDimensions)' })
  @IsString()
  @Length(1, 64)
  dimension!: string;

  @Field(() => Float, { description: '得分（0–100）/ Score (0–100)' })
  @Min(0)
  @Max(100)
  score!: number;
}

@InputType('RecordAppraisalInput', {
  description: '登记考核（月度、季度岗位考核或年度考核）；修改已登记的考核须提交版本号 / Record an appraisal (monthly, quarterly or annual); revising one needs its version',
})
export class RecordAppraisalInput extends IdempotentInput {
  @Field(() => ID, { description: '被考核干部 / Cadre appraised' })
  @IsUUID()
  cadreId!: string;

  @Field(() => AppraisalPeriodType, { description: '考核周期 / Period type' })
  @IsEnum(AppraisalPeriodType)
  periodType!: AppraisalPeriodType;

  @Field(() => String, { description: '期间：月度 YYYY-MM，季度 YYYY-Qn，年度 YYYY / Period: YYYY-MM (month), YYYY-Qn (quarter) or YYYY (year)' })
  @IsString()
  @Matches(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, { message: '$property must be YYYY-MM, YYYY-Qn or YYYY' })
  period!: string;

  @Field(() => [AppraisalScoreInput], { description: '各维度得分，须与政策规定的维度完全一致 / Scores, exactly one per dimension the policy defines' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  scores!: AppraisalScoreInput[];

  @Field(() => Int, { nullable: true, description: '修改已登记的考核时提交读取时的版本号（已被他人修改则冲突）/ Version read, when revising a recorded appraisal (CONFLICT when changed since)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number | null;
}
