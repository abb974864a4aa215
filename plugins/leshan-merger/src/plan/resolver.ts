import { badInput, requireInScope, type RequestContext } from '@xiangzhi/kernel';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { average, averageAreaKm2, changePercent } from '../statistics';
import { addCandidate, approvePlan, configFor, confirmInventory, createPlan, decideDiversion, executePlan, findPlan, reviewCandidate } from './service';
import {
  AddMergerCandidateInput,
  CreateMergerPlanInput,
  DecideCadreDiversionInput,
  MergerPlan,
  MergerStatistics,
  MergerStatisticsSide,
  ReviewMergerCandidateInput,
} from './types';

const ID_ARG = { description: '方案标识 / Plan' };

interface SideRow {
  villages: number;
  profiled: number;
  population: string;
  hectares: string;
}

/**
 * 某日的建制村 the county's villages valid on a date (from the regions grids publishes, townships by
 * parent then villages by parent: no scan of the projection) with the profiles the plans recorded.
 */
async function side(ctx: RequestContext, countyCode: string, date: string): Promise<SideRow> {
  const [row] = (await ctx.dataSource.query(
    `WITH v AS (
       SELECT r.code FROM region_ref t JOIN region_ref r ON r.parent_code = t.code AND r.level = 'VILLAGE'
        WHERE t.parent_code = $1 AND t.level = 'TOWNSHIP' AND r.valid_from <= $2::date AND (r.valid_to IS NULL OR r.valid_to > $2::date))
     SELECT count(*)::int AS villages, count(p.village_code)::int AS profiled,
            coalesce(sum(p.registered_population), 0)::text AS population, coalesce(sum(p.area_hectares), 0)::text AS hectares
       FROM v LEFT JOIN lsm_village_profile p ON p.village_code = v.code`,
    [countyCode, date],
  )) as SideRow[];
  return row;
}

function toSide(date: string, r: SideRow): MergerStatisticsSide {
  return Object.assign(new MergerStatisticsSide(), {
    date,
    villages: Number(r.villages),
    averagePopulation: average(BigInt(r.population), BigInt(r.profiled)),
    averageAreaKm2: averageAreaKm2(BigInt(r.hectares), BigInt(r.profiled)),
  });
}

/** 村建制调整 plans, reviews, inventories, diversion, execution and the statistics before and after. */
@Resolver()
export class LeshanMergerResolver {
  @Mutation(() => MergerPlan, {
    nullable: true,
    description:
      '村建制调整：编制合并方案（被合并村、合并后的村、生效日期、社会稳定风险评估）（县级管理员）/ Village merger: draw up a plan (source villages, merged village, effective date, risk assessment) (county administrators)',
  })
  createMergerPlan(@Arg('input', () => CreateMergerPlanInput, { description: '输入 / Input' }) input: CreateMergerPlanInput, @Ctx() ctx: RequestContext): Promise<MergerPlan> {
    return createPlan(ctx, input);
  }

  @Mutation(() => MergerPlan, { nullable: true, description: '村建制调整：新增新班子候选人（县级管理员）/ Village merger: add a candidate of the new team (county administrators)' })
  addMergerCandidate(@Arg('input', () => AddMergerCandidateInput, { description: '输入 / Input' }) input: AddMergerCandidateInput, @Ctx() ctx: RequestContext): Promise<MergerPlan> {
    return addCandidate(ctx, input);
  }

  @Mutation(() => MergerPlan, {
    nullable: true,
    description: '村建制调整：候选人四级审核（村初审—镇街复审—部门联审—领导小组终审，按顺序，取消资格即止）/ Village merger: the four-level review of a candidate, in order; a rejection stops it',
  })
  reviewMergerCandidate(@Arg('input', () => ReviewMergerCandidateInput, { description: '输入 / Input' }) input: ReviewMergerCandidateInput, @Ctx() ctx: RequestContext): Promise<MergerPlan> {
    return reviewCandidate(ctx, input);
  }

  @Mutation(() => MergerPlan, {
    nullable: true,
    description: '村建制调整：确认某被合并村的清产核资（取自集体经济账，确认后冻结）/ Village merger: confirm a source village’s inventory from its ledger (frozen once confirmed)',
  })
  confirmMergerInventory(
    @Arg('planId', () => ID, ID_ARG) planId: string,
    @Arg('villageCode', () => String, { description: '被合并村代码 / Source village code' }) villageCode: string,
    @Ctx() ctx: RequestContext,
  ): Promise<MergerPlan> {
    return confirmInventory(ctx, planId, villageCode);
  }

  @Mutation(() => MergerPlan, {
    nullable: true,
    description: '村建制调整：干部分流决定与一对一谈心谈话（一人一策；再次提交则替换）/ Village merger: a cadre’s diversion and one-on-one talk (again: replaces it)',
  })
  decideCadreDiversion(@Arg('input', () => DecideCadreDiversionInput, { description: '输入 / Input' }) input: DecideCadreDiversionInput, @Ctx() ctx: RequestContext): Promise<MergerPlan> {
    return decideDiversion(ctx, input);
  }

  @Mutation(() => MergerPlan, { nullable: true, description: '村建制调整：批准方案（须提交版本号）/ Village merger: approve the plan (send the version read)' })
  approveMergerPlan(
    @Arg('planId', () => ID, ID_ARG) planId: string,
    @Arg('expectedVersion', () => Int, { description: '读取时的版本号 / Version read' }) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ): Promise<MergerPlan> {
    return approvePlan(ctx, planId, expectedVersion);
  }

  @Mutation(() => MergerPlan, {
    nullable: true,
    description:
      '村建制调整：执行（网格、集体经济、干部三步依次通过事件完成；某步失败则撤销已完成的步骤）/ Village merger: execute — grids, economy and personnel in turn through events; a failed step undoes the steps done',
  })
  executeMerger(@Arg('planId', () => ID, ID_ARG) planId: string, @Ctx() ctx: RequestContext): Promise<MergerPlan> {
    return executePlan(ctx, planId);
  }

  @Query(() => MergerPlan, { nullable: true, description: '村建制调整方案（不存在为空）/ A village-merger plan (null when none)' })
  mergerPlan(@Arg('id', () => ID, ID_ARG) id: string, @Ctx() ctx: RequestContext): Promise<MergerPlan | null> {
    return findPlan(ctx, id);
  }

  @Query(() => MergerStatistics, {
    nullable: true,
    description:
      '村建制调整前后对比：建制村数、村平均户籍人口、村平均面积及变化百分比（两位小数）/ Villages, average registered population and average area on two dates, with the changes in per cent (two decimals)',
  })
  async mergerStatistics(
    @Arg('countyCode', () => String, { description: '区县代码（12位）/ County code (12 digits)' }) countyCode: string,
    @Arg('before', () => GraphQLLocalDate, { description: '调整前日期 / Date before' }) before: string,
    @Arg('after', () => GraphQLLocalDate, { description: '调整后日期 / Date after' }) after: string,
    @Ctx() ctx: RequestContext,
  ): Promise<MergerStatistics> {
    if (!/^\d{6}000000$/.test(countyCode)) throw badInput(`须为区县代码：countyCode = ${countyCode}`, `A county code is required: countyCode = ${countyCode}`, { field: 'countyCode', rule: 'COUNTY_CODE', value: countyCode });
    configFor(ctx, countyCode);
    requireInScope(ctx.actor, countyCode);
    const b = await side(ctx, countyCode, before);
    const a = await side(ctx, countyCode, after);
    return Object.assign(new MergerStatistics(), {
      countyCode,
      before: toSide(before, b),
      after: toSide(after, a),
      villagesChangePercent: changePercent(BigInt(b.villages), BigInt(a.villages)),
      populationChangePercent: changePercent({ numerator: BigInt(b.population), denominator: BigInt(b.profiled) }, { numerator: BigInt(a.population), denominator: BigInt(a.profiled) }),
      areaChangePercent: changePercent({ numerator: BigInt(b.hectares), denominator: BigInt(b.profiled) }, { numerator: BigInt(a.hectares), denominator: BigInt(a.profiled) }),
    });
  }
}
