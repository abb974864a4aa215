import { IdempotentInput } from '@xiangzhi/kernel';
import { IsInt, IsNumber, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { MONTH_PATTERN } from '@xiangzhi/personnel-api';
import { CODE, CODE_MESSAGE, MONTH_MESSAGE } from '../dispatch/task.inputs';

@InputType('GrantLongshanHonourInput', {
  description: '龙山双有双奖·有荣誉：村级班子获得一项荣誉的差异式奖励（每项3000–50000元，县级管理员）/ Longshan: award for an honour a village team won (3,000–50,000 per honour; county administrators)',
})
export class GrantLongshanHonourInput extends IdempotentInput {
  @Field(() => String, { description: '村（社区）区划代码 / Village division code' })
  @Matches(CODE, { message: CODE_MESSAGE })
  villageCode!: string;

  @Field(() => String, { description: '发放月份（YYYY-MM），奖励计入该月报酬 / Month paid (YYYY-MM); the award is part of that month’s pay' })
  @Matches(MONTH_PATTERN, { message: MONTH_MESSAGE })
  month!: string;

  @Field(() => String, { description: '荣誉名称（1–200字）/ The honour (1–200 characters)' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @Field(() => Float, { description: '奖励金额（元，须在区县规定的区间内，默认3000–50000）/ Amount in yuan (within the county’s range, by default 3,000–50,000)' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(10_000_000)
  amount!: number;
}

@InputType('GrantLongshanTenNoAwardInput', {
  description: '龙山双有双奖·有业绩：村（社区）实现“十无”目标的年度奖励（默认1万元，每村每年一次，县级管理员）/ Longshan: yearly award for reaching the 十无 goals (10,000 by default; once a village and year; county administrators)',
})
export class GrantLongshanTenNoAwardInput extends IdempotentInput {
  @Field(() => String, { description: '村（社区）区划代码 / Village division code' })
  @Matches(CODE, { message: CODE_MESSAGE })
  villageCode!: string;

  @Field(() => Int, { description: '实现十无目标的年度 / Year the goals were reached' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @Field(() => String, { nullable: true, description: '发放月份（YYYY-MM，默认本月；不早于该年度1月）/ Month paid (YYYY-MM; default this month; not before January of the year)' })
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: MONTH_MESSAGE })
  month?: string | null;
}

@InputType('RateLongshanTeamsInput', {
  description:
    '龙山一类班子评选：按班子成员年度考核最终总分的平均分排名，前10%（向下取整，至少1个）评为一类班子并各奖励1万元；每区县每年一次（县级管理员）/ ' +
    'Longshan: rank the county’s village teams by their cadres’ average final annual appraisal total; the top 10% (rounded down, at least one) are first-class teams with 10,000 each; once a county and year (county administrators)',
})
export class RateLongshanTeamsInput {
  @Field(() => String, { description: '区县区划代码 / County division code' })
  @Matches(CODE, { message: CODE_MESSAGE })
  countyCode!: string;

  @Field(() => Int, { description: '评选年度 / Year' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @Field(() => String, { nullable: true, description: '奖励发放月份（YYYY-MM，默认本月；不早于该年度1月）/ Month the awards are paid (YYYY-MM; default this month; not before January of the year)' })
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: MONTH_MESSAGE })
  month?: string | null;
}
