import { IdempotentInput, PageArgs } from '@xiangzhi/kernel';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ArrayMaxSize, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';

@InputType('ShareInput', { description: '某类股份数 / Shares of one class' })
export class ShareInput {
  @Field(() => String, { description: '股权类别代码（见 shareClasses）/ Share class code (see shareClasses)' })
  @Matches(/^[A-Z_]{2,32}$/, { message: '$property must be a share class code' })
  shareClass!: string;

  @Field(() => Int, { description: '股数（不能为负）/ Number of shares (never negative)' })
  @IsInt()
  count!: number;
}

@InputType('AdmitMemberInput', { description: '确认集体经济组织成员：须为本村在世居民 / Admit a member: a living resident registered in the organisation’s village' })
export class AdmitMemberInput extends IdempotentInput {
  @Field(() => ID, { description: '集体经济组织 / Organisation' })
  @IsUUID()
  organizationId!: string;

  @Field(() => ID, { description: '居民（网格子图）/ Resident (grids)' })
  @IsUUID()
  residentId!: string;

  @Field(() => GraphQLLocalDate, { description: '确认日期（不晚于今天，不早于组织成立）/ Date admitted (not in the future, not before the organisation was founded)' })
  @IsString()
  admittedOn!: string;

  @Field(() => [ShareInput], { defaultValue: [], description: '初始股权 / Shares from admission' })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  shares!: ShareInput[];
}

@InputType('ExitMemberInput', { description: '成员退出（须提交版本号）/ A member exits (send the version read)' })
export class ExitMemberInput {
  @Field(() => ID, { description: '成员 / Member' })
  @IsUUID()
  memberId!: string;

  @Field(() => Int, { description: '读取时的版本号 / Version read' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => GraphQLLocalDate, { description: '退出日期（退出当日起不再是成员）/ Date of exit (no longer a member from that day)' })
  @IsString()
  exitedOn!: string;

  @Field(() => String, { description: '原因（1–200字）/ Reason (1–200 characters)' })
  @IsString()
  @Length(1, 200)
  reason!: string;
}

@InputType('SetMemberSharesInput', { description: '调整成员股权（自某日起；须提交版本号）/ Change a member’s shares from a date (send the version read)' })
export class SetMemberSharesInput {
  @Field(() => ID, { description: '成员 / Member' })
  @IsUUID()
  memberId!: string;

  @Field(() => Int, { description: '读取时的版本号 / Version read' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => GraphQLLocalDate, { description: '生效日期 / Effective from' })
  @IsString()
  effectiveOn!: string;

  @Field(() => [ShareInput], { description: '各类股份数（未列出的类别不变）/ Counts per class (classes not listed are unchanged)' })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  shares!: ShareInput[];
}

@ArgsType()
export class MembersArgs extends PageArgs {
  @Field(() => ID, { description: '集体经济组织 / Organisation' })
  @IsUUID()
  organizationId!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: '某日的成员名单（省略为今天）/ Members on this date (today when omitted)' })
  @IsOptional()
  @IsString()
  asOf?: string | null;
}
