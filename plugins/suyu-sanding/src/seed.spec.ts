import { subgraph as grids } from '@xiangzhi/grids';
import { createLogger, todayInChina } from '@xiangzhi/kernel';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { yearsBetween } from '@xiangzhi/personnel-api';
import { startPluginTestPlatform, type PluginTestPlatform } from '@xiangzhi/testing';
import { suyuSandingConfig } from './config';
import plugin from './index';
import { seedSuyuDemo } from './seed';

/** The demo seed of the county enabling the plugin (宿豫区 321311): a grade for every serving post holder, only there. */
describe('suyu-sanding demo seed', () => {
  let p: PluginTestPlatform;
  beforeAll(async () => {
    // personnel's demo takes its villages from the region projection, so grids seeds (and publishes) first
    p = await startPluginTestPlatform({ plugin, subgraphs: [grids, personnel], county: '321311000000', seed: true });
  }, 300_000);
  afterAll(() => p?.stop());

  const sql = <T>(text: string, params: unknown[] = []) => p.subgraphs.personnel.db.dataSource.query(text, params) as Promise<T>;

  it('grades every serving cadre holding a post in Suyu, by the highest post and years served, and nobody elsewhere', async () => {
    const [{ n: holders }] = await sql<{ n: number }[]>(
      `SELECT count(DISTINCT c.id)::int AS n FROM cadre c JOIN post p ON p.holder_id = c.id AND p.active WHERE c.county_code = '321311000000' AND c.status <> 'LEFT'`,
    );
    expect(Number(holders)).toBeGreaterThan(0);
    expect(await p.rows('personnel')('suyu_pay_grade')).toBe(Number(holders));
    expect(await p.rows('personnel')('suyu_pay_grade', `county_code <> '321311000000'`)).toBe(0);
    const rows = await sql<{ post_class: string; grade: number; service_start: string; categories: string[] | string }[]>(
      `SELECT g.post_class, g.grade, c.service_start::text AS service_start, json_agg(p.category) AS categories
         FROM suyu_pay_grade g JOIN cadre c ON c.id = g.cadre_id JOIN post p ON p.holder_id = c.id AND p.active
        GROUP BY g.cadre_id, g.post_class, g.grade, c.service_start`,
    );
    for (const r of rows) {
      expect(r.grade).toBe(Math.min(20, 1 + yearsBetween(r.service_start, todayInChina())));
      const categories = typeof r.categories === 'string' ? (JSON.parse(r.categories) as string[]) : r.categories;
      if (categories.includes('PARTY_SECRETARY')) expect(r.post_class).toBe('SECRETARY');
    }
  });

  it('is idempotent and never changes a recorded grade', async () => {
    const before = await p.rows('personnel')('suyu_pay_grade');
    const [{ cadre_id: cadreId, grade }] = await sql<{ cadre_id: string; grade: number }[]>(`SELECT cadre_id::text, grade FROM suyu_pay_grade ORDER BY cadre_id LIMIT 1`);
    const changed = grade === 7 ? 8 : 7;
    await sql(`UPDATE suyu_pay_grade SET grade = $2 WHERE cadre_id = $1`, [cadreId, changed]);
    await seedSuyuDemo({ dataSource: p.subgraphs.personnel.db.dataSource, logger: createLogger('seed-spec'), counties: [{ countyCode: '321311000000', config: suyuSandingConfig.parse({}) }] });
    expect(await p.rows('personnel')('suyu_pay_grade')).toBe(before);
    expect(await p.rows('personnel')('suyu_pay_grade', 'cadre_id = $1 AND grade = $2', [cadreId, changed])).toBe(1);
  });
});
