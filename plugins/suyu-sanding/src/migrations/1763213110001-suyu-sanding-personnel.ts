import type { MigrationInterface, QueryRunner } from 'typeorm';

const CODE = `~ '^\\d{12}$'`;

/**
 * 宿豫三定四专五化 the plugin's personnel tables: base-pay grades (四岗20级), special-work and
 * development pay items, and hard exit situations found on cadres (凡违必清). Cadres are referenced
 * by key (`cadre_id`) only; `county_code` leads every primary key; village codes carry prefix indexes.
 */
export class SuyuSandingPersonnel1763213110001 implements MigrationInterface {
  name = 'SuyuSandingPersonnel1763213110001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE suyu_pay_grade (
      county_code text NOT NULL CHECK (county_code ${CODE}),
      cadre_id uuid NOT NULL,
      village_code text NOT NULL CHECK (village_code ${CODE}),
      post_class text NOT NULL CHECK (post_class IN ('SECRETARY', 'DEPUTY', 'MEMBER', 'STAFF')),
      grade int NOT NULL CHECK (grade BETWEEN 1 AND 50),
      set_by text NOT NULL,
      version int NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (county_code, cadre_id)
    )`);
    await q.query(`CREATE UNIQUE INDEX suyu_pay_grade_cadre_idx ON suyu_pay_grade (cadre_id)`);
    await q.query(`CREATE INDEX suyu_pay_grade_village_idx ON suyu_pay_grade (village_code text_pattern_ops)`);

    await q.query(`CREATE TABLE suyu_pay_item (
      county_code text NOT NULL CHECK (county_code ${CODE}),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      village_code text NOT NULL CHECK (village_code ${CODE}),
      cadre_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('SPECIAL_WORK', 'DEVELOPMENT')),
      month text NOT NULL CHECK (month ~ '^\\d{4}-(0[1-9]|1[0-2])$'),
      amount numeric(12, 2) NOT NULL CHECK (amount > 0),
      title text NOT NULL CHECK (length(title) > 0),
      recorded_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (county_code, id)
    )`);
    await q.query(`CREATE INDEX suyu_pay_item_cadre_month_idx ON suyu_pay_item (cadre_id, month)`);
    await q.query(`CREATE INDEX suyu_pay_item_village_idx ON suyu_pay_item (village_code text_pattern_ops)`);

    await q.query(`CREATE TABLE suyu_exit_flag (
      county_code text NOT NULL CHECK (county_code ${CODE}),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      village_code text NOT NULL CHECK (village_code ${CODE}),
      cadre_id uuid NOT NULL,
      situation text NOT NULL CHECK (situation ~ '^[A-Z][A-Z0-9_]{0,59}$'),
      situation_zh text NOT NULL,
      situation_en text NOT NULL,
      found_on date NOT NULL,
      note text NOT NULL,
      flagged_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (county_code, id),
      CONSTRAINT suyu_exit_flag_once UNIQUE (cadre_id, situation, found_on)
    )`);
    await q.query(`CREATE INDEX suyu_exit_flag_cadre_idx ON suyu_exit_flag (cadre_id, found_on)`);
    await q.query(`CREATE INDEX suyu_exit_flag_village_idx ON suyu_exit_flag (village_code text_pattern_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE suyu_exit_flag`);
    await q.query(`DROP TABLE suyu_pay_item`);
    await q.query(`DROP TABLE suyu_pay_grade`);
  }
}
