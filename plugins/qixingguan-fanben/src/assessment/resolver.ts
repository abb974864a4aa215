import type { RequestContext } from '@xiangzhi/kernel';
import { personnelType, type RegionKeyShape } from '@xiangzhi/personnel-api';
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { applyForTier, assessVillage, configFor, findAssessment, recordIndicator, screenApplication, tiersOf } from './service';
import {
  ApplyForExemplarTierInput,
  AssessExemplarVillageInput,
  QixingguanApplication,
  QixingguanAssessment,
  QixingguanTier,
  QixingguanVillageIndicator,
  RecordVillageIndicatorInput,
  ScreenExemplarApplicationInput,
} from './types';

/** 七星关区“规范·示范·典范” applications, screening, assessments and the figures townships record. */
@Resolver()
export class QixingguanExemplarResolver {
  @Mutation(() => QixingguanApplication, {
    nullable: true,
    description:
      '七星关区范本村：村级申报规范村、示范村或典范村，每村每年一个级别（重复则 CONFLICT）（本村村干部、乡镇干部、县级管理员）/ ' +
      'Qixingguan: a village applies for the standard, model or exemplary tier, one tier per village and year (again: CONFLICT) (the village’s cadres, township officers, county administrators)',
  })
  applyForExemplarTier(@Arg('input', () => ApplyForExemplarTierInput, { description: '输入 / Input' }) input: ApplyForExemplarTierInput, @Ctx() ctx: RequestContext): Promise<QixingguanApplication> {
    return applyForTier(ctx, input);
  }

  @Mutation(() => QixingguanApplication, {
    nullable: true,
    description: '七星关区范本村：乡镇把关，择优上报区级或退回（乡镇干部、县级管理员）/ Qixingguan: the township screens an application, forwarding it to the district panel or declining it (township officers, county administrators)',
  })
  screenExemplarApplication(
    @Arg('input', () => ScreenExemplarApplicationInput, { description: '输入 / Input' }) input: ScreenExemplarApplicationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<QixingguanApplication> {
    return screenApplication(ctx, input);
  }

  @Mutation(() => QixingguanAssessment, {
    nullable: true,
    description:
      '七星关区范本村：区级考评组从最短板的指标开始考核，该项不达标则其他项目不再考核、不予命名；命名后每名干部的年奖励随所选月份的报酬发放，活动经费记入集体经济（县级管理员）/ ' +
      'Qixingguan: the district panel assesses from the shortest board; if it fails nothing else is assessed and the village is not rated; once rated, each cadre’s yearly reward is paid with the chosen month’s payroll and the activity funds go to the economy side (county administrators)',
  })
  assessExemplarVillage(@Arg('input', () => AssessExemplarVillageInput, { description: '输入 / Input' }) input: AssessExemplarVillageInput, @Ctx() ctx: RequestContext): Promise<QixingguanAssessment> {
    return assessVillage(ctx, input);
  }

  @Mutation(() => QixingguanVillageIndicator, {
    nullable: true,
    description:
      '七星关区范本村：乡镇录入其他子图没有的村指标（环境检查得分、村民自治得分、居民人均可支配收入），再次录入则替换（乡镇干部、县级管理员）/ ' +
      'Qixingguan: the township records a village figure no subgraph holds (environment score, self-government score, per-capita disposable income); recording again replaces it (township officers, county administrators)',
  })
  recordVillageIndicator(@Arg('input', () => RecordVillageIndicatorInput, { description: '输入 / Input' }) input: RecordVillageIndicatorInput, @Ctx() ctx: RequestContext): Promise<QixingguanVillageIndicator> {
    return recordIndicator(ctx, input);
  }

  @Query(() => QixingguanAssessment, {
    nullable: true,
    description: '七星关区范本村：某村某年度的考评结果，逐条说明已考核的标准（尚未考评为空）/ Qixingguan: a village’s assessment of a year, explaining every standard assessed (null until assessed)',
  })
  exemplarAssessment(
    @Arg('villageCode', () => String, { description: '村（社区）区划代码 / Village division code' }) villageCode: string,
    @Arg('year', () => Int, { description: '年度 / Year' }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<QixingguanAssessment | null> {
    return findAssessment(ctx, villageCode, year);
  }
}

/** Region.exemplarTier(year): the tier a village was rated at, batched per request. */
@Resolver(() => personnelType('Region'))
export class QixingguanRegionFields {
  @FieldResolver(() => QixingguanTier, {
    nullable: true,
    description: '七星关区范本村：该村某年度命名的级别（未命名为空；未启用的区县 PLUGIN_NOT_ENABLED）/ Qixingguan: the tier the village was rated at that year (null when not rated; PLUGIN_NOT_ENABLED elsewhere)',
  })
  exemplarTier(@Root() region: RegionKeyShape, @Arg('year', () => Int, { description: '年度 / Year' }) year: number, @Ctx() ctx: RequestContext): Promise<QixingguanTier | null> {
    configFor(ctx, region.code);
    return ctx.loaders.get<string, QixingguanTier | null>(`qixingguan:tier:${year}`, (codes) => tiersOf(ctx.dataSource, codes, year)).load(region.code);
  }
}
