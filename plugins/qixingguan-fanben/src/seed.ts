import { regionPrefix, todayInChina, type SeedContext } from '@xiangzhi/kernel';
import type { QixingguanConfig } from './config';

/**
 * 演示数据 only the plugin's own tables: for every village of each enabling county known to personnel
 * (`region_ref`), last year's township figures — environment and self-government scores 60–100 and a
 * per-capita disposable income of 6,500–10,500 yuan, deterministic from the village code — so that a
 * demo village can apply, be screened and be assessed at once (income, stars and lists come from the
 * other subgraphs' demo data through their events). One statement per county; idempotent: figures
 * already there (a township's own included) are kept.
 */
export async function seedQixingguanFanben({ dataSource, logger, counties }: SeedContext<QixingguanConfig>): Promise<void> {
  const year = Number(todayInChina().slice(0, 4)) - 1;
  for (const { countyCode } of counties) {
    const inserted: unknown[] = await dataSource.query(
      `INSERT INTO qxg_recorded_indicator (county_code, village_code, year, indicator, value, recorded_by)
       SELECT $1, r.code, $2, i.indicator,
              CASE i.indicator
                WHEN 'ENVIRONMENT_SCORE' THEN 60 + mod(substr(r.code, 7, 6)::int * 37, 41)
                WHEN 'SELF_GOVERNANCE_SCORE' THEN 60 + mod(substr(r.code, 7, 6)::int * 53, 41)
                ELSE (6500 + mod(substr(r.code, 7, 6)::int * 97, 4001)) * 100
              END,
              'seed'
         FROM region_ref r CROSS JOIN unnest(ARRAY['ENVIRONMENT_SCORE', 'SELF_GOVERNANCE_SCORE', 'PER_CAPITA_INCOME']) AS i(indicator)
        WHERE r.code LIKE $3 AND r.level = 'VILLAGE' AND r.valid_to IS NULL
       ON CONFLICT (village_code, year, indicator) DO NOTHING
       RETURNING village_code`,
      [countyCode, year, `${regionPrefix(countyCode)}%`],
    );
    logger.info({ countyCode, year, figures: inserted.length }, 'qixingguan-fanben demo township figures');
  }
}
