import { badInput, byKey, conflict, countyOf, mutate, mutateOnce, notFound, onceById, RegionLevel, requireInScope, type RequestContext } from '@xiangzhi/kernel';
import { PERSONNEL_TABLES, personnelType, type CadreShape } from '@xiangzhi/personnel-api';
import { In, type EntityManager } from 'typeorm';
import { configFor, currentMonth, requireLevel, requireMonth, requireWriter, TASK_WRITERS } from '../shared/access';
import type { AssessLongshanTaskInput, DispatchLongshanTaskInput } from './task.inputs';
import { LongshanTask } from './task.entity';

const CADRE = PERSONNEL_TABLES.cadre.table;

/**
 * BAD_USER_INPUT unless every id names a cadre who serves (has not left) in the village. Where a
 * cadre serves otherwise is not told: it may lie outside the caller's scope.
 */
async function requireVillageCadres(manager: EntityManager, villageCode: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows: { id: string }[] = await manager.query(`SELECT id FROM ${CADRE} WHERE id = ANY($1::uuid[]) AND village_code = $2 AND status <> 'LEFT'`, [ids, villageCode]);
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw badInput(`以下干部不是本村（${villageCode}）在任干部：${missing.join('、')}`, `Not serving cadres of ${villageCode}: ${missing.join(', ')}`, { field: 'cadreIds', cadreIds: missing });
  }
}

/**
 * 派单 dispatches a task to a village for a month (county or township managers of the village), to
 * named serving cadres of the village or, without any, to the whole team.
 */
export async function dispatchTask(ctx: RequestContext, input: DispatchLongshanTaskInput): Promise<LongshanTask> {
  requireLevel(input.villageCode, RegionLevel.VILLAGE, 'villageCode');
  requireMonth(input.month);
  configFor(ctx, input.villageCode);
  requireWriter(ctx, input.villageCode, TASK_WRITERS);
  const title = input.title.trim();
  if (!title) throw badInput('任务内容不能为空', 'The task cannot be blank', { field: 'title' });
  const cadreIds = [...new Set((input.cadreIds ?? []).map((id) => id.toLowerCase()))].sort();
  return mutateOnce(
    ctx,
    onceById('dispatchLongshanTask', input, (id) => ctx.dataSource.manager.findOneByOrFail(LongshanTask, { id })),
    { action: 'dispatchLongshanTask', targetType: 'LongshanTask', regionCode: input.villageCode, targetId: (t) => t.id, payload: { month: input.month, cadreIds } },
    async (manager) => {
      await requireVillageCadres(manager, input.villageCode, cadreIds);
      const task = manager.create(LongshanTask, {
        countyCode: countyOf(input.villageCode) as string,
        villageCode: input.villageCode,
        month: input.month,
        title,
        cadreIds,
        score: null,
        dispatchedBy: ctx.actor.id,
        assessedBy: null,
        assessedAt: null,
        version: 1,
      });
      return manager.save(task);
    },
  );
}

/**
 * 按月考核 scores a dispatched task (0–100). A task already assessed is revised only with the version
 * read (`expectedVersion`; otherwise, or when stale, CONFLICT). A task of a month still to come cannot
 * be assessed.
 */
export async function assessTask(ctx: RequestContext, input: AssessLongshanTaskInput): Promise<LongshanTask> {
  const task = await ctx.dataSource.getRepository(LongshanTask).findOneBy({ id: input.taskId.toLowerCase() });
  if (!task) throw notFound('派单任务', 'Dispatched task', input.taskId);
  configFor(ctx, task.villageCode);
  requireWriter(ctx, task.villageCode, TASK_WRITERS);
  if (task.month > currentMonth()) {
    throw badInput(`${task.month}的任务尚未到考核月份`, `A task of ${task.month} cannot be assessed before its month`, { field: 'taskId' });
  }
  const expected = input.expectedVersion ?? null;
  if (expected === null && task.score !== null) {
    throw conflict(`任务已考核（${task.score}分，版本${task.version}），修改请提交版本号`, `The task is already assessed (${task.score}, version ${task.version}); send expectedVersion to revise it`, {
      currentVersion: task.version,
    });
  }
  const version = expected ?? task.version;
  return mutate(
    ctx,
    { action: 'assessLongshanTask', targetType: 'LongshanTask', regionCode: task.villageCode, targetId: () => task.id, payload: { score: input.score, version: version + 1 } },
    async (manager) => {
      const done = await manager
        .createQueryBuilder()
        .update(LongshanTask)
        .set({ score: input.score, assessedBy: ctx.actor.id, assessedAt: () => 'now()', version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id: task.id, version })
        .execute();
      if (!done.affected) {
        throw conflict(`任务已被他人修改（您提交的版本${version}），请刷新后重试`, `The task was changed by someone else (yours ${version}); reload and retry`, { expectedVersion: version });
      }
      return manager.getRepository(LongshanTask).findOneByOrFail({ id: task.id });
    },
  );
}

/** 派单台账 a village's tasks of a month, in the order dispatched (anyone whose scope covers the village). */
export async function listTasks(ctx: RequestContext, villageCode: string, month: string): Promise<LongshanTask[]> {
  requireLevel(villageCode, RegionLevel.VILLAGE, 'villageCode');
  requireMonth(month);
  configFor(ctx, villageCode);
  requireInScope(ctx.actor, villageCode);
  return ctx.dataSource.getRepository(LongshanTask).find({ where: { villageCode, month }, order: { createdAt: 'ASC', id: 'ASC' } });
}

/**
 * The cadres (personnel `Cadre` objects) with these ids, in this order, skipping unknown ones;
 * batched per request through one loader, so a list of tasks reads the cadres once.
 */
export async function loadCadres(ctx: RequestContext, ids: readonly string[]): Promise<CadreShape[]> {
  const loader = ctx.loaders.get<string, CadreShape | null>('longshan:cadreById', async (keys) => {
    const rows = await ctx.dataSource.getRepository<CadreShape>(personnelType('Cadre')).findBy({ id: In([...keys]) });
    return byKey(keys, rows, (c) => c.id);
  });
  const found = await loader.loadMany([...ids]);
  return found.filter((c): c is CadreShape => c !== null && !(c instanceof Error));
}
