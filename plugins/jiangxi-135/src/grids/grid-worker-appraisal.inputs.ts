import { IdempotentInput } from '@xiangzhi/kernel';
import { IsInt, IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';

@InputType('AppraiseJiangxiGridWorkerInput', {
  description: '江西135试点：登记网格员年度考核（重新考核须提交版本号）/ Jiangxi 135 pilot: record a grid worker’s yearly appraisal (re-appraising needs the version read)',
})
export class AppraiseJiangxiGridWorkerInput extends IdempotentInput {
  @Field(() => ID, { description: '网格长或网格员标识（GridWorker.id）/ Grid leader or member id (GridWorker.id)' })
  @IsUUID()
  gridWorkerId!: string;

  @Field(() => Int, { description: '考核年度（不晚于今年）/ Year appraised (not after this year)' })
  @IsInt()
  @Min(2000)
  @Max(2200)
  year!: number;

  @Field(() => Float, { description: '得分（0–100，最多一位小数）/ Score (0–100, one decimal at most)' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 })
  @Min(0)
  @Max(100)
  score!: number;

  @Field(() => Int, { nullable: true, description: '重新考核时提交读取时的版本号（已被他人修改则冲突）/ Version read, when re-appraising (CONFLICT when changed since)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number | null;
}
