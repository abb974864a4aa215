import { PageArgs } from '@xiangzhi/kernel';
import { MONTH_PATTERN } from '@xiangzhi/personnel-api';
import { IsOptional, Matches } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class PayRecordsArgs extends PageArgs {
  @Field(() => String, {
    description: '区划代码：村、乡镇或县（辖区以外的部分不列出）/ Region code: village, township or county (nothing outside your scope is listed)',
  })
  @Matches(/^\d{12}$/, { message: '$property must be a 12-digit division code' })
  regionCode!: string;

  @Field(() => String, { nullable: true, description: '只列此月份（YYYY-MM）/ Only this month (YYYY-MM)' })
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: '$property must be YYYY-MM' })
  month?: string | null;
}
