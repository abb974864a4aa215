import { IdempotentInput, PageArgs } from '@xiangzhi/kernel';
import { MoneyScalar } from '@xiangzhi/economy-api';
import { IsBoolean, IsEnum, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Min } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { AssetCategory, ResourceKind } from './register.entity';

const CODE = /^\d{12}$/;
const CODE_MESSAGE = '$property must be a 12-digit division code';
/** 亩 with at most two decimals, as a string (never a float). */
export const AREA = /^\d{1,12}(\.\d{1,2})?$/;
const AREA_MESSAGE = '$property must be an area in mu with at most two decimals (e.g. "12.50")';

@InputType('RegisterAssetInput', { description: '登记固定资产 / Register a fixed asset' })
export class RegisterAssetInput extends IdempotentInput {
  @Field(() => ID, { description: '所属集体经济组织 / Organisation' })
  @IsUUID()
  organizationId!: string;

  @Field(() => String, { description: '名称（1–100字）/ Name (1–100 characters)' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @Field(() => AssetCategory, { description: '类别 / Category' })
  @IsEnum(AssetCategory)
  category!: AssetCategory;

  @Field(() => GraphQLLocalDate, { description: '取得日期（不晚于今天）/ Date acquired (not in the future)' })
  @IsISO8601({ strict: true })
  acquiredOn!: string;

  @Field(() => MoneyScalar, { description: '原值（元）/ Original value (yuan)' })
  originalValue!: bigint;
}

@InputType('RegisterResourceInput', { description: '登记集体资源 / Register a resource' })
export class RegisterResourceInput extends IdempotentInput {
  @Field(() => ID, { description: '所属集体经济组织 / Organisation' })
  @IsUUID()
  organizationId!: string;

  @Field(() => String, { description: '名称（1–100字）/ Name (1–100 characters)' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @Field(() => ResourceKind, { description: '类别 / Kind' })
  @IsEnum(ResourceKind)
  kind!: ResourceKind;

  @Field(() => String, { description: '面积（亩，最多两位小数的字符串）/ Area in mu (string with at most two decimals)' })
  @Matches(AREA, { message: AREA_MESSAGE })
  areaMu!: string;
}

@InputType('UpdateResourceInput', { description: '修改集体资源（须提交版本号）/ Change a resource (send the version read)' })
export class UpdateResourceInput {
  @Field(() => ID, { description: '资源 / Resource' })
  @IsUUID()
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 / Version read' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: '新名称 / New name' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string | null;

  @Field(() => String, { nullable: true, description: '新面积（亩）/ New area (mu)' })
  @IsOptional()
  @Matches(AREA, { message: AREA_MESSAGE })
  areaMu?: string | null;
}

@ArgsType()
export class RegisterListArgs extends PageArgs {
  @Field(() => String, { description: '区划代码（县、乡镇或村）/ Division code (county, township or village)' })
  @Matches(CODE, { message: CODE_MESSAGE })
  regionCode!: string;
}

@ArgsType()
export class ResourcesArgs extends RegisterListArgs {
  @Field(() => ResourceKind, { nullable: true, description: '类别 / Kind' })
  @IsOptional()
  @IsEnum(ResourceKind)
  kind?: ResourceKind | null;

  @Field(() => Boolean, { nullable: true, description: '是否已发包 / Contracted or not' })
  @IsOptional()
  @IsBoolean()
  contracted?: boolean | null;
}
