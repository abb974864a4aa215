import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 头雁指数的治理指标 the plugin's projection, in the personnel database, of each pilot village's year
 * in the other subgraphs: disputes opened and closed (legal), red/black lists published and those
 * without a black-list household (civility), disclosures published and those on time, and operating
 * income in fen (economy) — fed by those subgraphs' events, one row per village and year.
 */
export class JiangxiVillageIndicators1769500000000 implements MigrationInterface {
  name = 'JiangxiVillageIndicators1769500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE jiangxi_village_indicator (
      village_code text NOT NULL CHECK (village_code ~ '^\\d{12}$'),
      year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      disputes_opened int NOT NULL DEFAULT 0,
      disputes_closed int NOT NULL DEFAULT 0,
      lists_published int NOT NULL DEFAULT 0,
      lists_clean int NOT NULL DEFAULT 0,
      disclosures int NOT NULL DEFAULT 0,
      disclosures_on_time int NOT NULL DEFAULT 0,
      income_recorded boolean NOT NULL DEFAULT false,
      operating_income_fen bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (village_code, year)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE jiangxi_village_indicator`);
  }
}
