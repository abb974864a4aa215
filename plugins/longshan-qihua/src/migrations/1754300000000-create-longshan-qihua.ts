import type { MigrationInterface, QueryRunner } from 'typeorm';

const CODE = `~ '^\\d{12}$'`;
const MONTH = `~ '^\\d{4}-(0[1-9]|1[0-2])$'`;

/**
 * 龙山七化 the plugin's own tables in the personnel database: dispatched tasks (派单), awards to
 * village teams (双有双奖, 一类班子) and the yearly team ratings. Every row carries its county and
 * village code; village codes are indexed for prefix scope filters.
 */
export class CreateLongshanQihua1754300000000 implements MigrationInterface {
  name = 'CreateLongshanQihua1754300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE longshan_task (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      county_code text NOT NULL CHECK (county_code ${CODE}),
      village_code text NOT NULL CHECK (village_code ${CODE}),
      month text NOT NULL CHECK (month ${MONTH}),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      cadre_ids jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(cadre_ids) = 'array'),
      score numeric(5, 2) CHECK (score >= 0 AND score <= 100),
      dispatched_by text NOT NULL,
      assessed_by text,
      assessed_at timestamptz,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX longshan_task_village_idx ON longshan_task (village_code text_pattern_ops, month)`);
    await q.query(`CREATE INDEX longshan_task_county_idx ON longshan_task (county_code, month)`);

    await q.query(`CREATE TABLE longshan_award (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      county_code text NOT NULL CHECK (county_code ${CODE}),
      village_code text NOT NULL CHECK (village_code ${CODE}),
      kind text NOT NULL CHECK (kind IN ('HONOUR', 'TEN_NO', 'FIRST_CLASS_TEAM')),
      year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      month text NOT NULL CHECK (month ${MONTH}),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      amount numeric(12, 2) NOT NULL CHECK (amount > 0),
      granted_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX longshan_award_village_idx ON longshan_award (village_code text_pattern_ops, month)`);
    await q.query(`CREATE INDEX longshan_award_county_idx ON longshan_award (county_code, year)`);
    // one 十无 award and one 一类班子 award per village and year
    await q.query(`CREATE UNIQUE INDEX longshan_award_yearly_uq ON longshan_award (village_code, kind, year) WHERE kind IN ('TEN_NO', 'FIRST_CLASS_TEAM')`);

    await q.query(`CREATE TABLE longshan_team_rating (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      county_code text NOT NULL CHECK (county_code ${CODE}),
      village_code text NOT NULL CHECK (village_code ${CODE}),
      year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      average numeric(5, 2) NOT NULL CHECK (average >= 0 AND average <= 100),
      rated_cadres int NOT NULL CHECK (rated_cadres > 0),
      rank int NOT NULL CHECK (rank > 0),
      first_class boolean NOT NULL,
      award_id uuid REFERENCES longshan_award (id),
      award_amount numeric(12, 2),
      decided_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (county_code, year, village_code)
    )`);
    await q.query(`CREATE INDEX longshan_team_rating_village_idx ON longshan_team_rating (village_code text_pattern_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE longshan_team_rating`);
    await q.query(`DROP TABLE longshan_award`);
    await q.query(`DROP TABLE longshan_task`);
  }
}
