import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 四议两公开 major matters of a village: the Party branch's proposal, then one row per step taken
 * (deliberation, review, resolution with its figures, decision published, result published). The
 * matter row carries the current step, the outcome and a version; `(matter_id, step)` is unique so
 * a step is recorded once.
 */
export class MajorMatter1734000000500 implements MigrationInterface {
  name = 'MajorMatter1734000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE major_matter (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      county_code text NOT NULL CHECK (county_code ~ '^\\d{12}$'),
      village_code text NOT NULL CHECK (village_code ~ '^\\d{12}$'),
      year int NOT NULL,
      title text NOT NULL CHECK (length(title) > 0),
      subject text NOT NULL CHECK (subject IN ('DISTRIBUTION', 'CONTRACT', 'PROJECT')),
      subject_id uuid,
      amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
      step text NOT NULL CHECK (step IN ('PROPOSED', 'DELIBERATED', 'REVIEWED', 'RESOLVED', 'DECISION_PUBLISHED', 'RESULT_PUBLISHED')),
      outcome text NOT NULL DEFAULT 'PENDING' CHECK (outcome IN ('PENDING', 'ADOPTED', 'REJECTED')),
      proposed_on date NOT NULL,
      adopted_on date,
      version int NOT NULL DEFAULT 1,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX major_matter_village ON major_matter (village_code text_pattern_ops, proposed_on, id)`);
    await q.query(`CREATE INDEX major_matter_by_step ON major_matter (step, village_code text_pattern_ops)`);
    await q.query(`CREATE TABLE major_matter_step (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      matter_id uuid NOT NULL REFERENCES major_matter (id),
      step text NOT NULL,
      seq int NOT NULL CHECK (seq BETWEEN 1 AND 6),
      held_on date NOT NULL,
      note text,
      members_entitled int CHECK (members_entitled > 0),
      attendance int CHECK (attendance >= 0 AND attendance <= members_entitled),
      votes_for int CHECK (votes_for >= 0),
      votes_against int CHECK (votes_against >= 0),
      votes_abstain int CHECK (votes_abstain >= 0),
      decision_rule text,
      decision_text text,
      recorded_by text NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (matter_id, step),
      CHECK (votes_for + votes_against + votes_abstain <= attendance)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE major_matter_step`);
    await q.query(`DROP TABLE major_matter`);
  }
}
