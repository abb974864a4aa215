import { IdempotentInput } from '@xiangzhi/kernel';
import { MONTH_PATTERN } from '@xiangzhi/personnel-api';
import { ArrayMaxSize, IsArray, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';

export const CODE = /^\d{12}$/;
export const CODE_MESSAGE = '$property must be a 12-digit division code';
export const MONTH_MESSAGE = '$property must be a month YYYY-MM';

@InputType('DispatchLongshanTaskInput', { description: '龙山派单：向村（社区）下派当月任务（县、乡镇）/ Longshan: dispatch a task to a village for a month (county and township)' })
export class DispatchLongshanTaskInput extends IdempotentInput {
  @Field(() => String, { description: '村（社区）区划代码 / Village division code' })
  @Matches(CODE, { message: CODE_MESSAGE })
  villageCode!: string;

  @Field(() => String, { description: '派单月份（YYYY-MM）/ Month (YYYY-MM)' })
  @Matches(MONTH_PATTERN, { message: MONTH_MESSAGE })
  month!: string;

  @Field(() => String, { description: '任务内容（1–200字）/ Task (1–200 characters)' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @Field(() => [ID], { nullable: true, description: '承办干部（须为本村在任干部；省略或为空表示全村班子）/ Cadres addressed (serving cadres of the village; omitted or empty: the whole village team)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  cadreIds?: string[] | null;
}

@InputType('AssessLongshanTaskInput', { description: '龙山派单考核：为任务评分（0–100）（县、乡镇）/ Longshan: assess a dispatched task with a score of 0–100 (county and township)' })
export class AssessLongshanTaskInput {
  @Field(() => ID, { description: '派单任务 / Task' })
  @IsUUID()
  taskId!: string;

  @Field(() => Float, { description: '考核得分（0–100，最多两位小数）/ Score (0–100, two decimals at most)' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  score!: number;

  @Field(() => Int, { nullable: true, description: '修改已考核的任务时提交读取时的版本号（已被他人修改则冲突）/ Version read, when revising an assessed task (CONFLICT when changed since)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number | null;
}
