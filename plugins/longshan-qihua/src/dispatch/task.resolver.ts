import type { RequestContext } from '@xiangzhi/kernel';
import { personnelType, type CadreShape } from '@xiangzhi/personnel-api';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { LongshanTask } from './task.entity';
import { AssessLongshanTaskInput, DispatchLongshanTaskInput } from './task.inputs';
import { assessTask, dispatchTask, listTasks, loadCadres } from './task.service';

/** 派单式管理 Longshan's monthly dispatched tasks and their assessment. */
@Resolver(() => LongshanTask)
export class LongshanTaskResolver {
  @Mutation(() => LongshanTask, {
    nullable: true,
    description:
      '龙山派单：按月向村（社区）派单，可指定承办干部（县、乡镇管理人员；未启用本插件的区县返回 PLUGIN_NOT_ENABLED）/ ' +
      'Longshan: dispatch a monthly task to a village, optionally to named cadres (county and township managers; PLUGIN_NOT_ENABLED where the plugin is not enabled)',
  })
  dispatchLongshanTask(@Arg('input', () => DispatchLongshanTaskInput, { description: '输入 / Input' }) input: DispatchLongshanTaskInput, @Ctx() ctx: RequestContext): Promise<LongshanTask> {
    return dispatchTask(ctx, input);
  }

  @Mutation(() => LongshanTask, {
    nullable: true,
    description:
      '龙山派单考核：按月为任务评分（0–100），得分按“奖励标准×平均分÷100”计入当月绩效报酬；修改已考核的任务须提交版本号（县、乡镇管理人员）/ ' +
      'Longshan: assess a task (0–100); the month’s performance pay gets reward × average score ÷ 100; revising an assessed task needs its version (county and township managers)',
  })
  assessLongshanTask(@Arg('input', () => AssessLongshanTaskInput, { description: '输入 / Input' }) input: AssessLongshanTaskInput, @Ctx() ctx: RequestContext): Promise<LongshanTask> {
    return assessTask(ctx, input);
  }

  @Query(() => [LongshanTask], {
    nullable: true,
    description: '龙山派单台账：某村（社区）某月的派单任务及考核得分，按派单先后排列 / Longshan: a village’s dispatched tasks of a month with their scores, in the order dispatched',
  })
  longshanTasks(
    @Arg('villageCode', () => String, { description: '村（社区）区划代码 / Village division code' }) villageCode: string,
    @Arg('month', () => String, { description: '月份（YYYY-MM）/ Month (YYYY-MM)' }) month: string,
    @Ctx() ctx: RequestContext,
  ): Promise<LongshanTask[]> {
    return listTasks(ctx, villageCode, month);
  }

  @FieldResolver(() => [personnelType('Cadre')], { description: '承办干部（为空表示全村班子）/ Cadres addressed (empty: the whole village team)' })
  cadres(@Root() task: LongshanTask, @Ctx() ctx: RequestContext): Promise<CadreShape[]> {
    return loadCadres(ctx, task.cadreIds);
  }

  @FieldResolver(() => Boolean, { description: '是否已考核 / Whether assessed' })
  assessed(@Root() task: LongshanTask): boolean {
    return task.score !== null;
  }
}
