import { IdempotentInput } from '@xiangzhi/kernel';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

/** 条款 one article of a version of the village rules. */
@ObjectType('VillageRulesArticle', { description: '村规民约条款 / Article of the village rules' })
export class VillageRulesArticle {
  @Field(() => String, { description: '条款编号（如 第五条）/ Article number (e.g. 第五条)' })
  number!: string;

  @Field(() => String, { description: '条款内容 / Text of the article' })
  text!: string;
}

/** 村规民约 one adopted version of a village's rules. */
@ObjectType('VillageRules', { description: '村规民约（版本）/ Village rules (one adopted version)' })
export class VillageRules {
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Field(() => String, { description: '村（社区）区划代码 / Village division code' })
  villageCode!: string;

  @Field(() => Int, { description: '版本号（1起）/ Version number (from 1)' })
  version!: number;

  @Field(() => String, { description: '标题 / Title' })
  title!: string;

  @Field(() => String, { description: '全文 / Full text' })
  text!: string;

  @Field(() => [VillageRulesArticle], { description: '条款 / Articles' })
  articles!: VillageRulesArticle[];

  @Field(() => GraphQLLocalDate, { description: '村民会议日期 / Date of the villagers’ meeting' })
  meetingDate!: string;

  @Field(() => Int, { description: '应到人数（有表决权的成员）/ Members entitled to attend and vote' })
  membersEntitled!: number;

  @Field(() => Int, { description: '实到人数 / Attendees' })
  attendees!: number;

  @Field(() => Int, { description: '赞成票 / Votes for' })
  votesFor!: number;

  @Field(() => Int, { description: '反对票 / Votes against' })
  votesAgainst!: number;

  @Field(() => Int, { description: '弃权票 / Abstentions' })
  votesAbstain!: number;

  @Field(() => String, { nullable: true, description: '备案机关（乡镇）；未备案为空 / Township it was filed with; null until filed' })
  filedWith!: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: '备案日期 / Date filed' })
  filedOn!: string | null;

  @Field(() => GraphQLLocalDate, { description: '生效日期 / In force from' })
  effectiveFrom!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: '失效日期（当日起不再有效）；现行为空 / No longer in force from this day; null while current' })
  effectiveTo!: string | null;
}

@InputType('VillageRulesArticleInput', { description: '村规民约条款 / Article of the village rules' })
export class VillageRulesArticleInput {
  @Field(() => String, { description: '条款编号（如 第五条）/ Article number' })
  @IsString()
  @Length(1, 20)
  number!: string;

  @Field(() => String, { description: '条款内容 / Text' })
  @IsString()
  @Length(1, 2000)
  text!: string;
}

@InputType('AdoptVillageRulesInput', { description: '村民会议通过村规民约 / Adopt a version of the village rules by a villagers’ meeting' })
export class AdoptVillageRulesInput extends IdempotentInput {
  @Field(() => String, { description: '村（社区）区划代码 / Village division code' })
  @IsString()
  villageCode!: string;

  @Field(() => String, { description: '标题 / Title' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @Field(() => String, { description: '全文 / Full text' })
  @IsString()
  @Length(1, 50000)
  text!: string;

  @Field(() => [VillageRulesArticleInput], { description: '条款（至少一条）/ Articles (at least one)' })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  articles!: VillageRulesArticleInput[];

  @Field(() => GraphQLLocalDate, { description: '村民会议日期（不晚于今天）/ Date of the villagers’ meeting (not after today)' })
  meetingDate!: string;

  @Field(() => Int, { description: '应到人数（有表决权的成员）/ Members entitled to attend and vote' })
  @IsInt()
  @Min(1)
  @Max(100000)
  membersEntitled!: number;

  @Field(() => Int, { description: '实到人数（须过半数）/ Attendees (more than half of those entitled)' })
  @IsInt()
  @Min(0)
  attendees!: number;

  @Field(() => Int, { description: '赞成票（须超过实到人数的一半）/ Votes for (more than half of the attendees)' })
  @IsInt()
  @Min(0)
  votesFor!: number;

  @Field(() => Int, { description: '反对票 / Votes against' })
  @IsInt()
  @Min(0)
  votesAgainst!: number;

  @Field(() => Int, { defaultValue: 0, description: '弃权票 / Abstentions' })
  @IsInt()
  @Min(0)
  votesAbstain!: number;

  @Field(() => GraphQLLocalDate, { description: '生效日期（不早于会议日期）/ In force from (not before the meeting)' })
  effectiveFrom!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: '失效日期（不填为长期有效）/ No longer in force from (none: until replaced)' })
  @IsOptional()
  effectiveTo?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: '所取代的现行版本：其失效日期设为本版生效日期；不填时与现行版本期间重叠即拒绝 / The version in force this one replaces (it ends when this one starts); without it, an overlap with a version in force is refused',
  })
  @IsOptional()
  @IsUUID()
  supersedesId?: string | null;
}

@InputType('FileVillageRulesInput', { description: '村规民约报乡镇备案 / File a version of the village rules with the township' })
export class FileVillageRulesInput {
  @Field(() => ID, { description: '村规民约版本 / Version of the village rules' })
  @IsUUID()
  id!: string;

  @Field(() => String, { description: '备案机关（乡镇人民政府）/ The township government it is filed with' })
  @IsString()
  @Length(1, 100)
  filedWith!: string;

  @Field(() => GraphQLLocalDate, { description: '备案日期（不早于会议日期，不晚于今天）/ Date filed (not before the meeting, not after today)' })
  filedOn!: string;
}

/** 积分细则 one rule of the points catalogue. */
@ObjectType('PointsRule', { description: '积分细则 / Rule of the civility points catalogue' })
export class PointsRule {
  @Field(() => ID, { nullable: true, description: '标识（县插件补充而尚未使用的细则为空）/ Identifier (null for a plugin addition not used yet)' })
  id!: string | null;

  @Field(() => String, { description: '细则代码 / Rule code' })
  code!: string;

  @Field(() => String, { description: '内容 / Description' })
  description!: string;

  @Field(() => Int, { description: '分值（正为加分，负为扣分）/ Points (positive earns, negative deducts)' })
  points!: number;

  @Field(() => Boolean, { description: '是否须附佐证 / Whether evidence is required' })
  evidenceRequired!: boolean;

  @Field(() => Int, { nullable: true, description: '每户每月上限（分，绝对值）/ Monthly cap per household (points, absolute)' })
  monthlyCap!: number | null;

  @Field(() => String, { nullable: true, description: '依据的村规民约条款 / Article of the village rules it derives from' })
  articleRef!: string | null;

  @Field(() => String, { nullable: true, description: '村级补充细则所属村；县目录为空 / Village that added it; null for the county catalogue' })
  villageCode!: string | null;

  @Field(() => String, { description: '来源（catalogue 县目录、village 村补充、插件名）/ Source (catalogue, village, or the plugin name)' })
  source!: string;

  @Field(() => GraphQLLocalDate, { description: '生效日期 / In force from' })
  effectiveFrom!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: '失效日期 / No longer in force from' })
  effectiveTo!: string | null;
}

@InputType('DefinePointsRuleInput', { description: '制定积分细则（县目录或村补充）/ Define a rule of the points catalogue (county catalogue or village addition)' })
export class DefinePointsRuleInput extends IdempotentInput {
  @Field(() => String, { description: '县级区划代码（县目录）或村级（村补充）/ County code (county catalogue) or village code (village addition)' })
  @IsString()
  regionCode!: string;

  @Field(() => String, { description: '细则代码（字母、数字、-、_）/ Rule code (letters, digits, - and _)' })
  @Matches(/^[A-Za-z0-9_-]{1,40}$/)
  code!: string;

  @Field(() => String, { description: '内容 / Description' })
  @IsString()
  @Length(1, 500)
  description!: string;

  @Field(() => Int, { description: '分值（正加负扣，不为0）/ Points (positive earns, negative deducts; not zero)' })
  @IsInt()
  @Min(-1000)
  @Max(1000)
  points!: number;

  @Field(() => Boolean, { defaultValue: false, description: '是否须附佐证 / Whether evidence is required' })
  @IsBoolean()
  evidenceRequired!: boolean;

  @Field(() => Int, { nullable: true, description: '每户每月上限（分）/ Monthly cap per household (points)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  monthlyCap?: number | null;

  @Field(() => String, { nullable: true, description: '依据的村规民约条款（村补充细则必填，须为现行版本的条款）/ Article of the village rules (required for a village addition; an article of the version in force)' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  articleRef?: string | null;

  @Field(() => GraphQLLocalDate, { description: '生效日期 / In force from' })
  effectiveFrom!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: '失效日期 / No longer in force from' })
  @IsOptional()
  effectiveTo?: string | null;
}
