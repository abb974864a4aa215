import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 三务公开 disclosures of a village (kind, period, items, date published; one per village, kind and
 * period) and residents' objections to them (text, deadline of the answer, the answer).
 */
export class Disclosure1734000000510 implements MigrationInterface {
  name = 'Disclosure1734000000510';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE disclosure (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      county_code text NOT NULL CHECK (county_code ~ '^\\d{12}$'),
      village_code text NOT NULL CHECK (village_code ~ '^\\d{12}$'),
      kind text NOT NULL CHECK (kind IN ('PARTY', 'VILLAGE', 'FINANCE')),
      period text NOT NULL CHECK (period ~ '^\\d{4}-(0[1-9]|1[0-2]|Q[1-4])$'),
      year int NOT NULL,
      title text NOT NULL CHECK (length(title) > 0),
      items jsonb NOT NULL,
      published_on date NOT NULL,
      due_on date NOT NULL,
      published_by text NOT NULL,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (village_code, kind, period)
    )`);
    await q.query(`CREATE INDEX disclosure_village ON disclosure (village_code text_pattern_ops, published_on, id)`);
    await q.query(`CREATE TABLE disclosure_objection (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      disclosure_id uuid NOT NULL REFERENCES disclosure (id),
      village_code text NOT NULL CHECK (village_code ~ '^\\d{12}$'),
      resident_id uuid NOT NULL,
      text text NOT NULL CHECK (length(text) > 0),
      raised_on date NOT NULL,
      answer_due_on date NOT NULL CHECK (answer_due_on >= raised_on),
      answer text,
      answered_on date,
      answered_by text,
      raised_by text NOT NULL,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((answer IS NULL) = (answered_on IS NULL))
    )`);
    await q.query(`CREATE INDEX disclosure_objection_disclosure ON disclosure_objection (disclosure_id, raised_on)`);
    await q.query(`CREATE INDEX disclosure_objection_village ON disclosure_objection (village_code text_pattern_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE disclosure_objection`);
    await q.query(`DROP TABLE disclosure`);
  }
}
