import type { SeedContext } from '@xiangzhi/kernel';
import { PERSONNEL_TABLES } from '@xiangzhi/personnel-api';
import type { LongshanQihuaConfig } from './config';
import { currentMonth } from './shared/access';

/** Demo tasks dispatched to each seeded village team this month (unassessed). */
export const DEMO_TASKS = ['开展矛盾纠纷排查化解', '更新便民服务事项台账', '组织党员集中学习'] as const;

/** How many villages of each enabling county get demo tasks. */
export const DEMO_VILLAGES_PER_COUNTY = 5;

/**
 * 演示数据 only the plugin's own tables: this month's dispatched tasks (to the whole team) for the
 * first villages with posts in each enabling county. Idempotent: a village that already has a task
 * of that title this month is skipped.
 */
export async function seedLongshanQihua({ dataSource, logger, counties }: SeedContext<LongshanQihuaConfig>): Promise<void> {
  const month = currentMonth();
  for (const { countyCode } of counties) {
    const villages: { village_code: string }[] = await dataSource.query(
      `SELECT DISTINCT village_code FROM ${PERSONNEL_TABLES.post.table} WHERE county_code = $1 AND active ORDER BY village_code LIMIT ${DEMO_VILLAGES_PER_COUNTY}`,
      [countyCode],
    );
    if (villages.length === 0) continue;
    const codes = villages.map((v) => v.village_code);
    const inserted: unknown[] = await dataSource.query(
      `INSERT INTO longshan_task (county_code, village_code, month, title, cadre_ids, dispatched_by)
       SELECT $1, v.code, $2, t.title, '[]'::jsonb, 'seed'
         FROM unnest($3::text[]) AS v(code) CROSS JOIN unnest($4::text[]) AS t(title)
        WHERE NOT EXISTS (SELECT 1 FROM longshan_task x WHERE x.village_code = v.code AND x.month = $2 AND x.title = t.title)
       RETURNING id`,
      [countyCode, month, codes, [...DEMO_TASKS]],
    );
    logger.info({ countyCode, month, villages: codes.length, tasks: inserted.length }, 'longshan-qihua demo tasks');
  }
}
