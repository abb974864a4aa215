import { ArrayMaxSize, IsInt, IsOptional, IsString, IsUUID, Length, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { PostTarget } from './post.entity';

@InputType('UpdatePostInput', { description: '修改岗位：名称、职责清单、年度目标（乡镇下达）（省略的字段不变）/ Update a post: title, responsibilities, annual targets set by the township (omitted fields stay as they are)' })
export class UpdatePostInput {
  @Field(() => ID, { description: '岗位 / Post' })
  @IsUUID()
  postId!: string;

  @Field(() => Int, { description: '读取时的版本号（已被他人修改则冲突）/ Version read (CONFLICT when someone changed it since)' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: '岗位名称 / Title' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  title?: string | null;

  @Field(() => [String], { nullable: true, description: '职责清单（整体替换）/ Responsibilities list (replaces the list)' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  responsibilities?: string[] | null;

  @Field(() => [PostTarget], { nullable: true, description: '年度目标（整体替换）/ Annual targets (replaces the list)' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  targets?: PostTarget[] | null;
}
