import type { RequestContext } from '@xiangzhi/kernel';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { LongshanAward, LongshanTeamRating } from './award.entity';
import { GrantLongshanHonourInput, GrantLongshanTenNoAwardInput, RateLongshanTeamsInput } from './award.inputs';
import { grantHonour, grantTenNoAward, listAwards, listRatings, rateTeams } from './award.service';
import { LongshanTeamRatingResult } from './award.types';

/** 双有双奖、一类班子 Longshan's awards to village teams. */
@Resolver()
export class LongshanAwardResolver {
  @Mutation(() => LongshanAward, {
    nullable: true,
    description:
      '龙山双有双奖·有荣誉：村级班子获得荣誉的差异式奖励，金额须在区县规定区间内（默认3000–50000元，否则 POLICY_VIOLATION），由发放当月领取报酬的干部平分（县级管理员）/ ' +
      'Longshan: award for an honour a village team won, within the county’s range (3,000–50,000 by default, else POLICY_VIOLATION), split equally among the cadres paid that month (county administrators)',
  })
  grantLongshanHonour(@Arg('input', () => GrantLongshanHonourInput, { description: '输入 / Input' }) input: GrantLongshanHonourInput, @Ctx() ctx: RequestContext): Promise<LongshanAward> {
    return grantHonour(ctx, input);
  }

  @Mutation(() => LongshanAward, {
    nullable: true,
    description:
      '龙山双有双奖·有业绩：村（社区）实现“十无”目标的年度奖励（默认1万元），每村每年一次（重复则 CONFLICT），由发放当月领取报酬的干部平分（县级管理员）/ ' +
      'Longshan: yearly award for reaching the 十无 goals (10,000 by default), once a village and year (again: CONFLICT), split equally among the cadres paid that month (county administrators)',
  })
  grantLongshanTenNoAward(@Arg('input', () => GrantLongshanTenNoAwardInput, { description: '输入 / Input' }) input: GrantLongshanTenNoAwardInput, @Ctx() ctx: RequestContext): Promise<LongshanAward> {
    return grantTenNoAward(ctx, input);
  }

  @Mutation(() => LongshanTeamRatingResult, {
    nullable: true,
    description:
      '龙山一类班子评选：按各村干部年度考核最终总分的平均分排名，前10%（向下取整，至少1个）评为一类班子，各奖励1万元；每区县每年一次（重复则 CONFLICT）（县级管理员）/ ' +
      'Longshan: rank the village teams by their cadres’ average final annual appraisal total; the top 10% (rounded down, at least one) are first-class teams with 10,000 each; once a county and year (again: CONFLICT) (county administrators)',
  })
  rateLongshanTeams(@Arg('input', () => RateLongshanTeamsInput, { description: '输入 / Input' }) input: RateLongshanTeamsInput, @Ctx() ctx: RequestContext): Promise<LongshanTeamRatingResult> {
    return rateTeams(ctx, input);
  }

  @Query(() => [LongshanTeamRating], {
    nullable: true,
    description: '龙山一类班子评选结果：某区县某年度各村排名（名次先后；辖区以外的村不列出）/ Longshan: a county’s team ratings of a year, best first (villages outside your scope left out)',
  })
  longshanTeamRatings(
    @Arg('countyCode', () => String, { description: '区县区划代码 / County division code' }) countyCode: string,
    @Arg('year', () => Int, { description: '评选年度 / Year' }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<LongshanTeamRating[]> {
    return listRatings(ctx, countyCode, year);
  }

  @Query(() => [LongshanAward], {
    nullable: true,
    description: '龙山奖励台账：某区域（县、乡镇或村）某年度的村级班子奖励，按村、授予先后排列 / Longshan: awards of a year under a county, township or village, by village and date granted',
  })
  longshanAwards(
    @Arg('regionCode', () => String, { description: '区县、乡镇或村（社区）区划代码 / County, township or village division code' }) regionCode: string,
    @Arg('year', () => Int, { description: '奖励所属年度 / Year' }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<LongshanAward[]> {
    return listAwards(ctx, regionCode, year);
  }
}
