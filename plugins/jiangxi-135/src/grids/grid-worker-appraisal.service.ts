import { TERRITORY_TABLES } from '@xiangzhi/grids-api';
import {
  assertRegionCode,
  badInput,
  conflict,
  groupByKey,
  isUniqueViolation,
  isUuid,
  levelOf,
  mutateOnce,
  onceById,
  notFound,
  RegionLevel,
  requireInScope,
  requireRole,
  Role,
  todayInChina,
  type RequestContext,
} from '@xiangzhi/kernel';
import type { EntityManager } from 'typeorm';
import { PLUGIN_NAME, type Jiangxi135Config } from '../config';
import { JiangxiGridWorkerAppraisal } from './grid-worker-appraisal.entity';
import type { AppraiseJiangxiGridWorkerInput } from './grid-worker-appraisal.inputs';
import { JiangxiGridWorkerTiers } from './grid-worker-tiers';

/** Who appraises grid workers: county and township managers (auditors never write). */
export const APPRAISER_ROLES: readonly Role[] = [Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICER];

/** Who reads the appraisals: managers, the village's cadres, auditors (not residents or the workers themselves). */
export const APPRAISAL_READER_ROLES: readonly Role[] = [Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICER, Role.VILLAGE_CADRE, Role.AUDITOR];

/** A grid worker as the grids core table holds it (read-only, by the published column names). */
export interface GridWorkerRow {
  id: string;
  grid_id: string;
  village_code: string;
  county_code: string;
  name: string;
  role: string;
}

const W = TERRITORY_TABLES.gridWorker;

/** Reads one grid worker from the grids core table; null when there is none. */
export async function findGridWorker(runner: Pick<EntityManager, 'query'>, id: string): Promise<GridWorkerRow | null> {
  if (!isUuid(id)) return null;
  const rows: GridWorkerRow[] = await runner.query(`SELECT id, grid_id, village_code, county_code, name, role FROM ${W.table} WHERE ${W.key} = $1`, [id]);
  return rows[0] ?? null;
}

/** This year in China time. */
export function currentYear(now?: Date): number {
  return Number(todayInChina(now).slice(0, 4));
}

/**
 * 网格员年度考核 records (or, with `expectedVersion`, revises) a grid worker's appraisal for a year:
 * county and township managers only; the worker must exist (NOT_FOUND) and lie in the caller's scope
 * (FORBIDDEN); the worker's county must enable the plugin (PLUGIN_NOT_ENABLED); the year may not be
 * after this one (BAD_USER_INPUT). The tier, allowance, award and adjustment flag come from the
 * county's tier table. A second appraisal of the same year without `expectedVersion`, or with a
 * stale one, is a CONFLICT. The write and its audit record are one transaction.
 */
export async function appraiseGridWorker(ctx: RequestContext, input: AppraiseJiangxiGridWorkerInput): Promise<JiangxiGridWorkerAppraisal> {
  requireRole(ctx.actor, ...APPRAISER_ROLES);
  const worker = await findGridWorker(ctx.dataSource, input.gridWorkerId);
  if (!worker) throw notFound('网格员', 'Grid worker', input.gridWorkerId);
  requireInScope(ctx.actor, worker.village_code);
  const config = ctx.policies.configOf<Jiangxi135Config>(PLUGIN_NAME, worker.village_code);
  const thisYear = currentYear();
  if (input.year > thisYear) {
    throw badInput(`不能考核未来年度：${input.year}（今年为${thisYear}年）`, `Cannot appraise a future year: ${input.year} (this year is ${thisYear})`, { field: 'year' });
  }
  const decision = new JiangxiGridWorkerTiers(config.gridWorkerAppraisal).decide(input.score);
  const expected = input.expectedVersion ?? null;
  try {
    return await mutateOnce(
      ctx,
      onceById('appraiseJiangxiGridWorker', input, (id) => ctx.dataSource.manager.findOneByOrFail(JiangxiGridWorkerAppraisal, { id })),
      {
        action: 'appraiseJiangxiGridWorker',
        targetType: 'JiangxiGridWorkerAppraisal',
        regionCode: worker.village_code,
        targetId: (a) => a.id,
        payload: { gridWorkerId: worker.id, year: input.year, score: input.score, tier: decision.tier, allowance: decision.allowance, award: decision.award, expectedVersion: expected },
      },
      async (manager) => {
        const repo = manager.getRepository(JiangxiGridWorkerAppraisal);
        const existing = await repo
          .createQueryBuilder('a')
          .setLock('pessimistic_write')
          .where('a.grid_worker_id = :worker AND a.year = :year', { worker: worker.id, year: input.year })
          .getOne();
        const values = {
          countyCode: worker.county_code,
          villageCode: worker.village_code,
          gridId: worker.grid_id,
          gridWorkerId: worker.id,
          workerName: worker.name,
          workerRole: worker.role,
          year: input.year,
          score: input.score,
          tier: decision.tier,
          allowance: decision.allowance,
          award: decision.award,
          needsAdjustment: decision.needsAdjustment,
          decision: { rule: decision.rule, zh: decision.zh, en: decision.en },
          appraisedBy: ctx.actor.id,
          appraisedAt: new Date(),
        };
        if (!existing) {
          if (expected !== null) {
            throw conflict(`${worker.name}${input.year}年度尚无考核可修改`, `${worker.name} has no appraisal for ${input.year} to revise`, { field: 'expectedVersion' });
          }
          return repo.save(repo.create({ ...values, version: 1 }));
        }
        if (expected === null || existing.version !== expected) {
          throw conflict(
            expected === null
              ? `${worker.name}${input.year}年度已考核（版本${existing.version}），重新考核须提交版本号`
              : `考核已被他人修改（当前版本${existing.version}，您提交的版本${expected}），请刷新后重试`,
            expected === null
              ? `${worker.name} was already appraised for ${input.year} (version ${existing.version}); send expectedVersion to re-appraise`
              : `The appraisal was changed by someone else (version ${existing.version}, yours ${expected}); reload and retry`,
            { currentVersion: existing.version },
          );
        }
        await repo.update({ id: existing.id }, { ...values, version: existing.version + 1 });
        return repo.create({ ...existing, ...values, version: existing.version + 1 });
      },
    );
  } catch (error) {
    // two first appraisals of one worker and year at once: the unique (worker, year) index lets one in
    if (isUniqueViolation(error)) {
      throw conflict(
        `${worker.name}${input.year}年度已由他人同时考核，请刷新后重试`,
        `${worker.name} was appraised for ${input.year} by someone else at the same time; reload and retry`,
        { field: 'expectedVersion' },
      );
    }
    throw error;
  }
}

/** The appraisals of a village's grid workers for a year, by name (readers of the village only). */
export async function villageAppraisals(ctx: RequestContext, villageCode: string, year: number): Promise<JiangxiGridWorkerAppraisal[]> {
  assertRegionCode(villageCode, 'villageCode');
  ctx.policies.configOf<Jiangxi135Config>(PLUGIN_NAME, villageCode);
  if (levelOf(villageCode) !== RegionLevel.VILLAGE) {
    throw badInput(`须为村（社区）区划代码：${villageCode}`, `A village division code is required: ${villageCode}`, { field: 'villageCode' });
  }
  requireRole(ctx.actor, ...APPRAISAL_READER_ROLES);
  requireInScope(ctx.actor, villageCode);
  return ctx.dataSource
    .getRepository(JiangxiGridWorkerAppraisal)
    .createQueryBuilder('a')
    .where('a.village_code = :villageCode AND a.year = :year', { villageCode, year })
    .orderBy('a.worker_name', 'ASC')
    .addOrderBy('a.id', 'ASC')
    .getMany();
}

/** Per-request loader: the appraisals of many grids for one year in one statement. */
export function appraisalsByGridLoader(ctx: RequestContext, year: number) {
  return ctx.loaders.get<string, JiangxiGridWorkerAppraisal[]>(`jiangxi135:gridWorkerAppraisals:${year}`, async (gridIds) => {
    const rows = await ctx.dataSource
      .getRepository(JiangxiGridWorkerAppraisal)
      .createQueryBuilder('a')
      .where('a.grid_id = ANY(:ids) AND a.year = :year', { ids: [...gridIds], year })
      .orderBy('a.worker_name', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
    return groupByKey(gridIds, rows, (a) => a.gridId);
  });
}
