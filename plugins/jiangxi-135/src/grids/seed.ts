import { TERRITORY_TABLES } from '@xiangzhi/grids-api';
import type { SeedContext } from '@xiangzhi/kernel';
import type { Jiangxi135Config } from '../config';
import { currentYear, type GridWorkerRow } from './grid-worker-appraisal.service';
import { JiangxiGridWorkerTiers } from './grid-worker-tiers';

/** Who the demo appraisals are recorded by. */
export const DEMO_APPRAISER = 'demo-seed';

/**
 * A demo score for a worker, 55–98 with one decimal, the same every run (FNV-1a of the worker id and
 * year): most workers competent or better, a few below 60 so the adjustment flag shows.
 */
export function demoScore(workerId: string, year: number): number {
  let h = 0x811c9dc5;
  for (const ch of `${workerId}:${year}`) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return Math.round((55 + (h % 431) / 10) * 10) / 10;
}

const W = TERRITORY_TABLES.gridWorker;

/**
 * 演示数据 last year's appraisal of every grid worker of each enabling county, under the county's own
 * tier table. Writes only the plugin's table; idempotent (`ON CONFLICT DO NOTHING` on worker and year,
 * so later real appraisals are never overwritten).
 */
export async function seedGridWorkerAppraisals({ dataSource, logger, counties }: SeedContext<Jiangxi135Config>, now?: Date): Promise<number> {
  const year = currentYear(now) - 1;
  let inserted = 0;
  for (const { countyCode, config } of counties) {
    const tiers = new JiangxiGridWorkerTiers(config.gridWorkerAppraisal);
    const workers: GridWorkerRow[] = await dataSource.query(
      `SELECT id, grid_id, village_code, county_code, name, role FROM ${W.table} WHERE county_code = $1 ORDER BY village_code, id`,
      [countyCode],
    );
    for (let start = 0; start < workers.length; start += 200) {
      const chunk = workers.slice(start, start + 200);
      const params: unknown[] = [];
      const values = chunk.map((w) => {
        const score = demoScore(w.id, year);
        const d = tiers.decide(score);
        const row = [w.county_code, w.village_code, w.grid_id, w.id, w.name, w.role, year, score, d.tier, d.allowance, d.award, d.needsAdjustment, JSON.stringify({ rule: d.rule, zh: d.zh, en: d.en }), DEMO_APPRAISER];
        const casts = ['', '', '::uuid', '::uuid', '', '', '::int', '::numeric', '', '::numeric', '::numeric', '::boolean', '::jsonb', ''];
        return `(${row.map((v, i) => (params.push(v), `$${params.length}${casts[i]}`)).join(', ')})`;
      });
      const result: unknown[] = await dataSource.query(
        `INSERT INTO jiangxi_grid_worker_appraisal
           (county_code, village_code, grid_id, grid_worker_id, worker_name, worker_role, year, score, tier, allowance, award, needs_adjustment, decision, appraised_by)
         VALUES ${values.join(', ')}
         ON CONFLICT (grid_worker_id, year) DO NOTHING RETURNING 1 AS x`,
        params,
      );
      inserted += result.length;
    }
    logger.info({ county: countyCode, year, workers: workers.length }, 'jiangxi-135 demo: grid-worker appraisals');
  }
  return inserted;
}
