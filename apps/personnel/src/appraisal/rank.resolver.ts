import type { RequestContext } from '@xiangzhi/kernel';
import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { Cadre } from '../cadre/cadre.entity';
import { PolicyDecision } from '../shared/decision';
import { RankChange } from './appraisal.entity';
import { cadreOf } from '../shared/loaders';
import { RankLevelView, RankReviewResult } from './appraisal.types';
import { rankHistoryLoader, rankLevelOf, runRankReview } from './rank.service';

@Resolver(() => RankChange)
export class RankChangeResolver {
  @Mutation(() => RankReviewResult, {
    description:
      '年度职级评定（县级管理员）：区县每名在职干部按本年度最终等次升降职级（按区县职级政策），每年只评定一次 / ' +
      'Yearly rank review (county administrators): every serving cadre of the county moves up or down by the year’s final rating under the county’s rank policy; once per year',
  })
  runRankReview(
    @Arg('countyCode', () => String, { description: '区县区划代码 / County division code' }) countyCode: string,
    @Arg('year', () => Int, { description: '评定年度 / Review year' }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<RankReviewResult> {
    return runRankReview(ctx, countyCode, year);
  }

  @FieldResolver(() => PolicyDecision, { description: '评定依据 / Which policy and rule decided' })
  decision(@Root() change: RankChange): PolicyDecision {
    return PolicyDecision.of(change.decision);
  }

  @FieldResolver(() => Cadre, { description: '干部 / Cadre' })
  cadre(@Root() change: RankChange, @Ctx() ctx: RequestContext): Promise<Cadre> {
    return cadreOf(ctx, change.cadreId);
  }
}

/** The rank fields of a cadre. */
@Resolver(() => Cadre)
export class CadreRankResolver {
  @FieldResolver(() => [RankChange], { description: '职级评定记录（按年度先后）/ Rank history, oldest year first' })
  rankHistory(@Root() cadre: Cadre, @Ctx() ctx: RequestContext): Promise<RankChange[]> {
    return rankHistoryLoader(ctx).load(cadre.id);
  }

  @FieldResolver(() => RankLevelView, { nullable: true, description: '当前职级（按区县职级政策；未定级为空）/ Current rank under the county’s rank policy (null when unranked)' })
  rank(@Root() cadre: Cadre, @Ctx() ctx: RequestContext): RankLevelView | null {
    const level = rankLevelOf(ctx, cadre.villageCode, cadre.rankLevel);
    return level ? RankLevelView.of(level) : null;
  }
}
