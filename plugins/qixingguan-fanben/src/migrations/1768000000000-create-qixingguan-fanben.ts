import type { MigrationInterface, QueryRunner } from 'typeorm';

const CODE = `~ '^\\d{12}$'`;
const YEAR = `BETWEEN 2000 AND 2100`;
const TIER = `IN ('STANDARD', 'MODEL', 'EXEMPLARY')`;

/**
 * 七星关区“规范·示范·典范” the plugin's tables in the personnel database: the projections of the
 * indicators other subgraphs publish (operating income, black lists, star households, disputes,
 * designations), the figures townships record, the applications, the assessments and the rewards.
 */
export class CreateQixingguanFanben1768000000000 implements MigrationInterface {
  name = 'CreateQixingguanFanben1768000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE qxg_village_income (
      village_code text NOT NULL CHECK (village_code ${CODE}),
      year int NOT NULL CHECK (year ${YEAR}),
      operating_income_fen bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (village_code, year)
    )`);
    await q.query(`CREATE TABLE qxg_black_list (
      village_code text NOT NULL CHECK (village_code ${CODE}),
      month text NOT NULL CHECK (month ~ '^\\d{4}-(0[1-9]|1[0-2])$'),
      black_rows int NOT NULL CHECK (black_rows >= 0),
      PRIMARY KEY (village_code, month)
    )`);
    await q.query(`CREATE TABLE qxg_star_count (
      village_code text NOT NULL CHECK (village_code ${CODE}),
      year int NOT NULL CHECK (year ${YEAR}),
      stars int NOT NULL CHECK (stars BETWEEN 0 AND 5),
      households int NOT NULL CHECK (households >= 0),
      PRIMARY KEY (village_code, year, stars)
    )`);
    await q.query(`CREATE TABLE qxg_dispute (
      dispute_id text PRIMARY KEY,
      village_code text NOT NULL CHECK (village_code ${CODE}),
      opened_on date NOT NULL,
      closed_on date
    )`);
    await q.query(`CREATE INDEX qxg_dispute_village_idx ON qxg_dispute (village_code, opened_on)`);
    await q.query(`CREATE TABLE qxg_designation (
      village_code text NOT NULL CHECK (village_code ${CODE}),
      year int NOT NULL CHECK (year ${YEAR}),
      kind text NOT NULL,
      designated boolean NOT NULL,
      PRIMARY KEY (village_code, year, kind)
    )`);
    await q.query(`CREATE TABLE qxg_recorded_indicator (
      county_code text NOT NULL CHECK (county_code ${CODE}),
      village_code text NOT NULL CHECK (village_code ${CODE}),
      year int NOT NULL CHECK (year ${YEAR}),
      indicator text NOT NULL CHECK (indicator IN ('ENVIRONMENT_SCORE', 'SELF_GOVERNANCE_SCORE', 'PER_CAPITA_INCOME')),
      value bigint NOT NULL CHECK (value >= 0),
      recorded_by text NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (village_code, year, indicator)
    )`);
    await q.query(`CREATE TABLE qxg_application (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      county_code text NOT NULL CHECK (county_code ${CODE}),
      village_code text NOT NULL CHECK (village_code ${CODE}),
      year int NOT NULL CHECK (year ${YEAR}),
      tier text NOT NULL CHECK (tier ${TIER}),
      status text NOT NULL CHECK (status IN ('APPLIED', 'SCREENED', 'DECLINED', 'RATED', 'NOT_RATED')),
      applied_by text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(),
      screened_by text,
      screened_at timestamptz,
      screening_note text,
      version int NOT NULL DEFAULT 1,
      UNIQUE (village_code, year)
    )`);
    await q.query(`CREATE INDEX qxg_application_village_idx ON qxg_application (village_code text_pattern_ops, year)`);
    await q.query(`CREATE TABLE qxg_assessment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      application_id uuid NOT NULL UNIQUE REFERENCES qxg_application (id),
      county_code text NOT NULL CHECK (county_code ${CODE}),
      village_code text NOT NULL CHECK (village_code ${CODE}),
      year int NOT NULL CHECK (year ${YEAR}),
      tier text NOT NULL CHECK (tier ${TIER}),
      rated boolean NOT NULL,
      stopped_by text,
      standards jsonb NOT NULL CHECK (jsonb_typeof(standards) = 'array'),
      assessed_by text NOT NULL,
      assessed_at timestamptz NOT NULL DEFAULT now(),
      CHECK (rated = (stopped_by IS NULL)),
      UNIQUE (village_code, year)
    )`);
    await q.query(`CREATE TABLE qxg_reward (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      county_code text NOT NULL CHECK (county_code ${CODE}),
      village_code text NOT NULL CHECK (village_code ${CODE}),
      year int NOT NULL CHECK (year ${YEAR}),
      tier text NOT NULL CHECK (tier ${TIER}),
      per_cadre_fen bigint NOT NULL CHECK (per_cadre_fen >= 0),
      activity_funds_fen bigint NOT NULL CHECK (activity_funds_fen >= 0),
      pay_month text NOT NULL CHECK (pay_month ~ '^\\d{4}-(0[1-9]|1[0-2])$'),
      assessment_id uuid REFERENCES qxg_assessment (id),
      UNIQUE (village_code, year)
    )`);
    await q.query(`CREATE INDEX qxg_reward_month_idx ON qxg_reward (village_code, pay_month)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['qxg_reward', 'qxg_assessment', 'qxg_application', 'qxg_recorded_indicator', 'qxg_designation', 'qxg_dispute', 'qxg_star_count', 'qxg_black_list', 'qxg_village_income']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}

/** 村级活动经费 the economy-side record of the activity funds each rating grants (fed by `qixingguan.rating.decided`). */
export class CreateQixingguanActivityFunds1768000000002 implements MigrationInterface {
  name = 'CreateQixingguanActivityFunds1768000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE qxg_activity_fund (
      village_code text NOT NULL CHECK (village_code ${CODE}),
      year int NOT NULL CHECK (year ${YEAR}),
      tier text NOT NULL CHECK (tier ${TIER}),
      amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
      decided_on date NOT NULL,
      PRIMARY KEY (village_code, year)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE qxg_activity_fund`);
  }
}
