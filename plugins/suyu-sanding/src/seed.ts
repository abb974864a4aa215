import { todayInChina, type SeedContext } from '@xiangzhi/kernel';
import { PERSONNEL_TABLES, yearsBetween } from '@xiangzhi/personnel-api';
import type { SuyuSandingConfig } from './config';
import { PayScale } from './pay-scale';

/**
 * 演示数据 for each county enabling the plugin: a 四岗20级 grade for every serving cadre holding a
 * post who has none yet — the class of the highest post held and, for the demo only, one grade per
 * whole year of service (grade 1 in the first year, capped at the scale's top). Writes only the
 * plugin's own table; idempotent (`ON CONFLICT DO NOTHING`, recorded grades are never changed).
 */
export async function seedSuyuDemo({ dataSource, logger, counties }: SeedContext<SuyuSandingConfig>): Promise<void> {
  const today = todayInChina();
  const { cadre, post } = PERSONNEL_TABLES;
  for (const { countyCode, config } of counties) {
    const scale = new PayScale(config);
    const rows = (await dataSource.query(
      `SELECT c.id::text AS id, c.county_code, c.village_code, c.service_start::text AS service_start,
              json_agg(json_build_object('code', p.code, 'category', p.category)) AS posts
         FROM ${cadre.table} c JOIN ${post.table} p ON p.holder_id = c.id AND p.active
        WHERE c.county_code = $1 AND c.status <> 'LEFT'
        GROUP BY c.id, c.county_code, c.village_code, c.service_start`,
      [countyCode],
    )) as { id: string; county_code: string; village_code: string; service_start: string; posts: unknown }[];
    let inserted = 0;
    for (let start = 0; start < rows.length; start += 500) {
      const chunk = rows.slice(start, start + 500);
      const values = chunk.map((r) => {
        const posts = (typeof r.posts === 'string' ? JSON.parse(r.posts) : r.posts) as { code: string; category: string }[];
        const postClass = scale.highestClass(posts) ?? 'STAFF';
        const grade = scale.clamp(1 + Math.max(0, yearsBetween(r.service_start, today)));
        return [r.county_code, r.id, r.village_code, postClass, grade];
      });
      const result = (await dataSource.query(
        `INSERT INTO suyu_pay_grade (county_code, cadre_id, village_code, post_class, grade, set_by)
         SELECT v.county_code, v.cadre_id, v.village_code, v.post_class, v.grade, 'demo-seed'
           FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::int[]) AS v(county_code, cadre_id, village_code, post_class, grade)
         ON CONFLICT DO NOTHING
         RETURNING 1 AS x`,
        [values.map((v) => v[0]), values.map((v) => v[1]), values.map((v) => v[2]), values.map((v) => v[3]), values.map((v) => v[4])],
      )) as unknown[];
      inserted += result.length;
    }
    logger.info({ county: countyCode, cadres: rows.length, inserted }, 'suyu-sanding demo: pay grades');
  }
}
