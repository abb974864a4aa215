import { IdempotentInput, PageArgs } from '@xiangzhi/kernel';
import { DevelopmentModel, OrganizationStatus } from '@xiangzhi/economy-api';
import { GraphQLLocalDate } from 'graphql-scalars';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';

const CODE = /^\d{12}$/;
const CODE_MESSAGE = '$property must be a 12-digit division code';

@InputType('RegisterCollectiveOrganizationInput', {
  description: '登记村集体经济组织（同时建立标准会计科目表）/ Register a collective economic organisation (its standard chart of accounts is set up with it)',
})
export class RegisterCollectiveOrganizationInput extends IdempotentInput {
  @Field(() => String, { description: '所属村（社区）的12位区划代码 / 12-digit division code of its village' })
  @Matches(CODE, { message: CODE_MESSAGE })
  villageCode!: string;

  @Field(() => String, { description: '名称（1–100字）/ Name (1–100 characters)' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @Field(() => String, { description: '统一社会信用代码（18位，校验位须正确）/ Unified social credit code (18 characters with a correct check character)' })
  @IsString()
  @Length(18, 18)
  creditCode!: string;

  @Field(() => GraphQLLocalDate, { description: '成立日期（不晚于今天）/ Date founded (not in the future)' })
  @IsString()
  foundedOn!: string;

  @Field(() => DevelopmentModel, { description: '发展模式 / Development model' })
  @IsEnum(DevelopmentModel)
  developmentModel!: DevelopmentModel;

  @Field(() => ID, { nullable: true, description: '上级组织（村合并后原集体作为下属组织存在，四不变）/ Parent organisation (after a merger the original collective lives on under it)' })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;
}

@InputType('UpdateCollectiveOrganizationInput', { description: '修改村集体经济组织（须提交版本号）/ Change a collective economic organisation (send the version read)' })
export class UpdateCollectiveOrganizationInput {
  @Field(() => ID, { description: '组织 / Organisation' })
  @IsUUID()
  id!: string;

  @Field(() => Int, { description: '读取时的版本号（已被他人修改则冲突）/ Version read (CONFLICT when someone changed it since)' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: '新名称（省略则不变）/ New name (unchanged when omitted)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string | null;

  @Field(() => DevelopmentModel, { nullable: true, description: '新发展模式（省略则不变）/ New development model (unchanged when omitted)' })
  @IsOptional()
  @IsEnum(DevelopmentModel)
  developmentModel?: DevelopmentModel | null;

  @Field(() => OrganizationStatus, { nullable: true, description: '新状态（省略则不变）/ New status (unchanged when omitted)' })
  @IsOptional()
  @IsEnum(OrganizationStatus)
  status?: OrganizationStatus | null;

  @Field(() => ID, { nullable: true, description: '新上级组织（省略则不变）/ New parent organisation (unchanged when omitted)' })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;
}

@ArgsType()
export class CollectiveOrganizationsArgs extends PageArgs {
  @Field(() => String, { description: '区划代码（县、乡镇或村）/ Division code (county, township or village)' })
  @Matches(CODE, { message: CODE_MESSAGE })
  regionCode!: string;
}
