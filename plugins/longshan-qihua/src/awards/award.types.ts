import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LongshanTeamRating } from './award.entity';

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
}
