import { gridsType, type GridShape } from '@xiangzhi/grids-api';
import { badInput, hasRole, type RequestContext } from '@xiangzhi/kernel';
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PLUGIN_NAME, type Jiangxi135Config } from '../config';
import { JiangxiGridWorkerAppraisal } from './grid-worker-appraisal.entity';
import { AppraiseJiangxiGridWorkerInput } from './grid-worker-appraisal.inputs';
import { APPRAISAL_READER_ROLES, appraisalsByGridLoader, appraiseGridWorker, villageAppraisals } from './grid-worker-appraisal.service';

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2200) throw badInput(`年度无效：${year}`, `Invalid year: ${year}`, { field: 'year' });
}

@Resolver(() => JiangxiGridWorkerAppraisal)
export class JiangxiGridWorkerAppraisalResolver {
  @Mutation(() => JiangxiGridWorkerAppraisal, {
    nullable: true,
    description:
      '江西135试点：登记网格长、网格员年度考核（县、乡镇管理人员）：按区县等次表定等次、全年工作补贴和奖励，不称职的不发补贴并标记调整；同一年度再次考核须提交版本号 / ' +
      'Jiangxi 135 pilot: record a grid leader’s or member’s yearly appraisal (county and township managers): the county’s tier table sets the tier, yearly allowance and award; incompetent workers get no allowance and are flagged for adjustment; re-appraising a year needs expectedVersion',
  })
  appraiseJiangxiGridWorker(
    @Arg('input', () => AppraiseJiangxiGridWorkerInput, { description: '输入 / Input' }) input: AppraiseJiangxiGridWorkerInput,
    @Ctx() ctx: RequestContext,
  ): Promise<JiangxiGridWorkerAppraisal> {
    return appraiseGridWorker(ctx, input);
  }

  @Query(() => [JiangxiGridWorkerAppraisal], {
    nullable: true,
    description:
      '江西135试点：某村（社区）网格员某年度的考核，按姓名排列（县、乡镇、村干部和审计）；未启用的区县返回 PLUGIN_NOT_ENABLED / ' +
      'Jiangxi 135 pilot: a village’s grid-worker appraisals for a year, by name (county, township and village cadres, auditors); PLUGIN_NOT_ENABLED where not enabled',
  })
  jiangxiGridWorkerAppraisals(
    @Arg('villageCode', () => String, { description: '村（社区）区划代码 / Village division code' }) villageCode: string,
    @Arg('year', () => Int, { description: '考核年度 / Year' }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<JiangxiGridWorkerAppraisal[]> {
    assertYear(year);
    return villageAppraisals(ctx, villageCode, year);
  }
}

/** The appraisals of a grid's workers, on Grid (batched: one statement for any number of grids). */
@Resolver(() => gridsType('Grid'))
export class JiangxiGridAppraisalsResolver {
  @FieldResolver(() => [JiangxiGridWorkerAppraisal], {
    nullable: true,
    description:
      '江西135试点：本网格网格长、网格员某年度的考核（县、乡镇、村干部和审计可见，其他角色为空）；未启用的区县返回 PLUGIN_NOT_ENABLED / ' +
      'Jiangxi 135 pilot: the yearly appraisals of this grid’s workers (for county, township and village cadres and auditors; empty for other roles); PLUGIN_NOT_ENABLED where not enabled',
  })
  async jiangxiWorkerAppraisals(
    @Root() grid: GridShape,
    @Arg('year', () => Int, { description: '考核年度 / Year' }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<JiangxiGridWorkerAppraisal[] | null> {
    ctx.policies.configOf<Jiangxi135Config>(PLUGIN_NAME, grid.villageCode);
    assertYear(year);
    if (!hasRole(ctx.actor, ...APPRAISAL_READER_ROLES)) return null;
    return appraisalsByGridLoader(ctx, year).load(grid.id);
  }
}
