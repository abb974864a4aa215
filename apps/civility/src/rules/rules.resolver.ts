import { RegionRef } from '../shared/grids-stubs';
import type { RequestContext } from '@xiangzhi/kernel';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { adoptVillageRules, definePointsRule, fileVillageRules, pointsRules, today, villageRulesByRegionLoader } from './rules.service';
import { AdoptVillageRulesInput, DefinePointsRuleInput, FileVillageRulesInput, PointsRule, VillageRules } from './rules.types';

/** 村规民约与积分细则 village rules and the points catalogue. */
@Resolver(() => VillageRules)
export class VillageRulesResolver {
  @Mutation(() => VillageRules, {
    description:
      '村民会议通过村规民约（村、乡镇、县干部，辖区内；留痕审计）：实到人数须过应到人数的半数、赞成票须过实到人数的半数，票数不得多于实到人数；同一时间只能有一个版本有效（取代现行版本须填 supersedesId）/ ' +
      'Adopt a version of the village rules by a villagers’ meeting (village, township and county cadres, in scope; audited): more than half of the members entitled present, more than half of the attendees for, no more votes than attendees; one version in force at a time (give supersedesId to replace the one in force)',
  })
  adoptVillageRules(@Arg('input', () => AdoptVillageRulesInput, { description: '输入 / Input' }) input: AdoptVillageRulesInput, @Ctx() ctx: RequestContext): Promise<VillageRules> {
    return adoptVillageRules(ctx, input);
  }

  @Mutation(() => VillageRules, { description: '村规民约报乡镇备案（乡镇、县管理人员）/ File a version of the village rules with the township (township officers and county administrators)' })
  fileVillageRules(@Arg('input', () => FileVillageRulesInput, { description: '输入 / Input' }) input: FileVillageRulesInput, @Ctx() ctx: RequestContext): Promise<VillageRules> {
    return fileVillageRules(ctx, input);
  }

  @Query(() => [PointsRule], { description: '积分细则目录：县目录、村补充细则和县插件补充的细则（指定日期有效的）/ The points catalogue in force on a day: the county’s, the village’s additions and the county plugin’s additions' })
  pointsRules(
    @Arg('regionCode', () => String, { description: '县级或村级区划代码 / County or village division code' }) regionCode: string,
    @Arg('on', () => GraphQLLocalDate, { nullable: true, description: '日期（默认今天）/ Date (default today)' }) on: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<PointsRule[]> {
    return pointsRules(ctx, regionCode, on ?? today());
  }

  @Mutation(() => PointsRule, { description: '制定积分细则：县目录（县级管理员）或村补充细则（村、乡镇、县干部，须依据现行村规民约的条款）/ Define a points rule: county catalogue (county administrators) or village addition (cadres of the village; from an article of the village rules in force)' })
  definePointsRule(@Arg('input', () => DefinePointsRuleInput, { description: '输入 / Input' }) input: DefinePointsRuleInput, @Ctx() ctx: RequestContext): Promise<PointsRule> {
    return definePointsRule(ctx, input);
  }
}

/** A region's village rules. */
@Resolver(() => RegionRef)
export class RegionVillageRulesResolver {
  @FieldResolver(() => [VillageRules], { description: '辖区内各村的村规民约（各版本，按村、版本）/ Village rules of the villages in the region (every version, by village and version)' })
  villageRules(@Root() region: RegionRef, @Ctx() ctx: RequestContext): Promise<VillageRules[]> {
    return villageRulesByRegionLoader(ctx).load(region.code);
  }
}
