import type { RequestContext } from '@xiangzhi/kernel';
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Cadre } from '../cadre/cadre.entity';
import { PolicyDecision } from '../shared/decision';
import { PostCategory, Rating } from '../shared/enums';
import { cadreOf } from '../shared/loaders';
import { Appraisal, AppraisalPeriodType } from './appraisal.entity';
import { RecordAppraisalInput } from './appraisal.inputs';
import { annualRatingLoader, appraisalDimensions, appraisalsByCadreLoader, assertYear, finalizeAnnualRatings, recordAppraisal } from './appraisal.service';
import { AnnualRatingsResult, AppraisalDimensionView } from './appraisal.types';

@Resolver(() => Appraisal)
export class AppraisalResolver {
  @Query(() => [AppraisalDimensionView], {
    description: '某区域（所在区县考核政策）某类岗位的考核维度与权重 / Appraisal dimensions and weights for a post category under the region’s county appraisal policy',
  })
  appraisalDimensions(
    @Arg('regionCode', () => String, { description: '区县、乡镇或村的区划代码 / County, township or village division code' }) regionCode: string,
    @Arg('category', () => PostCategory, { description: '岗位类别 / Post category' }) category: PostCategory,
    @Ctx() ctx: RequestContext,
    @Arg('periodType', () => AppraisalPeriodType, { nullable: true, description: '考核周期（区县可对年度考核另设维度；为空表示月度）/ Appraisal period (a county may appraise the year differently; empty means monthly)' })
    periodType?: AppraisalPeriodType | null,
  ): AppraisalDimensionView[] {
    return appraisalDimensions(ctx, regionCode, category, periodType ?? AppraisalPeriodType.MONTH);
  }

  @Mutation(() => Appraisal, {
    description:
      '登记考核（县、乡镇管理人员）：各维度得分须与干部所任最高岗位的考核维度一致，总分按区县政策加权；年度考核按阈值初评等次。同一期间再次登记须提交版本号 / ' +
      'Record an appraisal (county and township managers): the scores cover exactly the dimensions of the cadre’s highest post; the total is weighted by the county policy; an annual appraisal gets a provisional rating. Revising the same period needs expectedVersion',
  })
  recordAppraisal(@Arg('input', () => RecordAppraisalInput, { description: '输入 / Input' }) input: RecordAppraisalInput, @Ctx() ctx: RequestContext): Promise<Appraisal> {
    return recordAppraisal(ctx, input);
  }

  @Mutation(() => AnnualRatingsResult, {
    description:
      '评定乡镇年度等次：按区县政策对本年度年度考核实行名额控制（如优秀不超过20%），保存最终等次及依据；可重复执行，按当前总分重新评定 / ' +
      'Finalize a township’s annual ratings: apply the county’s quotas (e.g. at most 20% excellent) to the year’s annual appraisals and store each final rating with its rule; running it again recomputes',
  })
  finalizeAnnualRatings(
    @Arg('townshipCode', () => String, { description: '乡镇（街道）区划代码 / Township division code' }) townshipCode: string,
    @Arg('year', () => Int, { description: '年度 / Year' }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<AnnualRatingsResult> {
    return finalizeAnnualRatings(ctx, townshipCode, year);
  }

  @FieldResolver(() => PolicyDecision, { nullable: true, description: '初评等次的依据（年度）/ Why the provisional rating (annual appraisals)' })
  ratingDecision(@Root() appraisal: Appraisal): PolicyDecision | null {
    return appraisal.ratingDecision ? PolicyDecision.of(appraisal.ratingDecision) : null;
  }

  @FieldResolver(() => PolicyDecision, { nullable: true, description: '最终等次的依据（名额控制后）/ Why the final rating (after the quotas)' })
  finalDecision(@Root() appraisal: Appraisal): PolicyDecision | null {
    return appraisal.finalDecision ? PolicyDecision.of(appraisal.finalDecision) : null;
  }

  @FieldResolver(() => Cadre, { description: '被考核干部 / Cadre appraised' })
  cadre(@Root() appraisal: Appraisal, @Ctx() ctx: RequestContext): Promise<Cadre> {
    return cadreOf(ctx, appraisal.cadreId);
  }
}

/** The appraisal fields of a cadre (the cadre's other fields live with the cadre feature). */
@Resolver(() => Cadre)
export class CadreAppraisalResolver {
  @FieldResolver(() => [Appraisal], { description: '考核记录（按期间先后）/ Appraisals, oldest period first' })
  appraisals(
    @Root() cadre: Cadre,
    @Arg('periodType', () => AppraisalPeriodType, { nullable: true, description: '只列此周期 / Only this period type' }) periodType: AppraisalPeriodType | null | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<Appraisal[]> {
    return appraisalsByCadreLoader(ctx, periodType ?? null).load(cadre.id);
  }

  @FieldResolver(() => Rating, { nullable: true, description: '某年度的最终等次（未评定为空）/ Final annual rating of a year (null until finalized)' })
  annualRating(@Root() cadre: Cadre, @Arg('year', () => Int, { description: '年度 / Year' }) year: number, @Ctx() ctx: RequestContext): Promise<Rating | null> {
    assertYear(year);
    return annualRatingLoader(ctx, year).load(cadre.id);
  }
}
