import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LongshanTeamRating } from './award.entity';

/** 同分的村 a village tied at the 一类班子 quota's edge. */
@ObjectType('LongshanTiedTeam', { description: '一类班子名额边界平均分相同的村（社区）/ A village team tied at the first-class quota’s edge' })
export class LongshanTiedTeam {
  @Field(() => String, { description: '村（社区）区划代码 / Village division code' })
  villageCode!: string;

  @Field(() => Int, { description: '参评干部人数 / Cadres rated' })
  ratedCadres!: number;

  @Field(() => Int, { description: '名次 / Place' })
  rank!: number;

  @Field(() => Boolean, { description: '是否按同分裁定规则评为一类班子 / Whether the tie-break named it first-class' })
  firstClass!: boolean;
}

/** 名额边界同分 villages sharing the average at the quota's edge. */
@ObjectType('LongshanTeamTie', { description: '一类班子名额边界同分：最后一个名额与其后的村平均分相同 / A tie at the first-class quota’s edge' })
export class LongshanTeamTie {
  @Field(() => Float, { description: '相同的平均分 / The average shared' })
  average!: number;

  @Field(() => Int, { description: '留给同分村的名额数 / Places left for the tied villages' })
  places!: number;

  @Field(() => [LongshanTiedTeam], { description: '同分的村（按裁定规则排序）/ The tied villages in the tie-break’s order' })
  tied!: LongshanTiedTeam[];
}

/** 同分裁定规则 the tie-break rule, bilingual. */
@ObjectType('LongshanTieBreakRule', { description: '同分裁定规则 / Tie-break rule' })
export class LongshanTieBreakRule {
  @Field(() => String, { description: '规则代码 / Rule code' })
  rule!: string;

  @Field(() => String, { description: '规则（中文）/ The rule in Chinese' })
  zh!: string;

  @Field(() => String, { description: '规则（英文）/ The rule in English' })
  en!: string;
}

@ObjectType('LongshanTeamRatingResult', { description: '龙山一类班子评选结果 / Result of a Longshan yearly team rating' })
export class LongshanTeamRatingResult {
  @Field(() => String, { description: '区县区划代码 / County division code' })
  countyCode!: string;

  @Field(() => Int, { description: '评选年度 / Year' })
  year!: number;

  @Field(() => String, { description: '奖励发放月份（YYYY-MM）/ Month the awards are paid (YYYY-MM)' })
  month!: string;

  @Field(() => Int, { description: '参评村（社区）数（有年度最终等次的）/ Villages rated (those with final annual ratings)' })
  ratedVillages!: number;

  @Field(() => Int, { description: '一类班子名额 / Number of first-class teams' })
  quota!: number;

  @Field(() => Float, { description: '评选比例（0–1）/ Share named first-class (0–1)' })
  firstClassShare!: number;

  @Field(() => Float, { description: '每个一类班子的奖励（元）/ Award per first-class team (yuan)' })
  awardPerTeam!: number;

  @Field(() => [LongshanTeamRating], { description: '各村排名（名次先后）/ Every village’s place, best first' })
  ratings!: LongshanTeamRating[];

  @Field(() => LongshanTieBreakRule, { description: '平均分相同时的排序（决定名额边界的同分）/ How equal averages are ordered (deciding a tie at the quota’s edge)' })
  tieBreak!: LongshanTieBreakRule;

  @Field(() => LongshanTeamTie, { nullable: true, description: '名额边界的同分及同分的村（无同分为空）/ The tie at the quota’s edge, naming the tied villages (null when none)' })
  tie!: LongshanTeamTie | null;
}
